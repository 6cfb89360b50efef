"""Read authored YAML files into records; every error says "file:line: field: what is wrong".

The YAML is read strictly: duplicate keys, anchors and aliases, custom tags and unknown fields are
refused, and every scalar stays the string it was written as (``NO`` and ``2015`` are not turned
into a boolean or a number). The format is described in ``docs/authoring.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from ..errors import SourceError
from ..ontology import terms
from ..textfile import MAX_YAML_BYTES, clean_string, clean_text, normalise_space, read_text
from ..vocab import LANG_PATTERN, ORGANISATION_RELATIONS
from .records import (
    Affiliation,
    Event,
    EventInclusion,
    EventTopic,
    LangText,
    Loc,
    Organisation,
    OrganisationRelation,
    Participation,
    Person,
    Provenance,
    Remark,
    Source,
    SourceRecords,
    Topic,
)

# libyaml's loader is ten times faster than the pure-Python one; both give the same nodes.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Deepest nesting of mappings and lists an authored file may have.
MAX_DEPTH = 20

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_PATTERN = re.compile(r"^[0-9]{4}$")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass
class Item:
    """A YAML value and the line it starts on."""

    value: str | dict[str, Item] | list[Item]
    line: int
    column: int


def load_file(path: Path) -> SourceRecords:
    """Read one authored YAML file (and the source text it names) into records."""
    text = read_text(path, limit=MAX_YAML_BYTES)
    root = parse_yaml(text, path)
    return _Reader(path).document(root)


def parse_yaml(text: str, path: Path | str) -> Item:
    """Parse YAML text into an Item tree, refusing what would change the meaning silently."""
    try:
        _check_events(text, path)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise SourceError(
            f"malformed YAML: {problem}; check the indentation and quotes there",
            path=path,
            line=line,
            column=column,
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"malformed YAML: {exc}", path=path) from None
    if node is None:
        raise SourceError("the file is empty; it needs at least a 'source:' section", path=path)
    return _to_item(node, path)


def _check_events(text: str, path: Path | str) -> None:
    # Walk the event stream (iteratively) before composing: the composer recurses, and
    # aliases would let a small file expand into a huge tree.
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SourceError(
                "anchors and aliases (& and *) are not allowed in authored data; write the value out",
                path=path,
                line=line,
                column=column,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise SourceError(
                    f"nested more than {MAX_DEPTH} levels deep; authored data is never this deep",
                    path=path,
                    line=line,
                    column=column,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _to_item(node: yaml.Node, path: Path | str) -> Item:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if node.tag not in _STANDARD_TAGS:
        raise SourceError(
            f"the tag {node.tag!r} is not allowed; remove it", path=path, line=line, column=column
        )
    if isinstance(node, yaml.ScalarNode):
        return Item(str(node.value), line, column)
    if isinstance(node, yaml.SequenceNode):
        return Item([_to_item(child, path) for child in node.value], line, column)
    assert isinstance(node, yaml.MappingNode)
    mapping: dict[str, Item] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise SourceError("a key must be a plain name", path=path, line=key_line)
        key = str(key_node.value)
        if key in mapping:
            raise SourceError(
                f"the key '{key}' appears twice in this mapping (first at line "
                f"{mapping[key].line}); keep one",
                path=path,
                line=key_line,
            )
        mapping[key] = _to_item(value_node, path)
    return Item(mapping, line, column)


class _Reader:
    """Turns an Item tree into records, checking every field."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.source_text = ""

    def fail(self, item: Item, field: str, message: str) -> SourceError:
        return SourceError(message, path=self.path, line=item.line, field=field)

    # --- shapes of values -------------------------------------------------------------------

    def mapping(self, item: Item, field: str) -> dict[str, Item]:
        if not isinstance(item.value, dict):
            raise self.fail(item, field, "expected a mapping of 'key: value' lines")
        return item.value

    def items(self, item: Item, field: str) -> list[Item]:
        if not isinstance(item.value, list):
            raise self.fail(item, field, "expected a list ('- ' items)")
        return item.value

    def string(self, item: Item, field: str) -> str:
        if not isinstance(item.value, str):
            raise self.fail(item, field, "expected a text value")
        try:
            value = normalise_space(clean_string(item.value))
        except ValueError as exc:
            raise self.fail(item, field, f"{exc}; remove it") from None
        if not value or value in ("~", "null"):
            raise self.fail(item, field, "is empty; give a value or leave the field out")
        return value

    def ident(self, item: Item, field: str) -> str:
        value = self.string(item, field)
        if not ID_PATTERN.match(value):
            raise self.fail(
                item,
                field,
                f"{value!r} is not a valid id: use lowercase letters, digits and single '-' "
                "(e.g. staffan-larsson)",
            )
        return value

    def choice(self, item: Item, field: str, allowed: Mapping[str, object]) -> str:
        value = self.string(item, field)
        if value not in allowed:
            raise self.fail(item, field, f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    def lang_text(self, item: Item, field: str) -> LangText:
        texts = []
        for lang, value in self.mapping(item, field).items():
            if not LANG_PATTERN.match(lang):
                raise self.fail(value, f"{field}.{lang}", "is not a language tag such as sv or en")
            texts.append((lang, self.string(value, f"{field}.{lang}")))
        if not texts:
            raise self.fail(item, field, "give at least one language, e.g. 'sv: ...'")
        return tuple(texts)

    def ids(self, item: Item, field: str) -> tuple[str, ...]:
        if isinstance(item.value, str):
            return (self.ident(item, field),)
        return tuple(self.ident(child, field) for child in self.items(item, field))

    # --- provenance --------------------------------------------------------------------------

    def quotes(self, item: Item, field: str) -> tuple[str, ...]:
        children = [item] if isinstance(item.value, str) else self.items(item, field)
        quotes = []
        for child in children:
            quote = self.string(child, field)
            if quote not in self.source_text:
                raise self.fail(
                    child,
                    field,
                    f"the quote {_short(quote)!r} does not occur in the source text; "
                    "copy it exactly from the source (whitespace may differ)",
                )
            quotes.append(quote)
        return tuple(quotes)

    def provenance(self, fields: _Fields, what: str) -> Provenance:
        status = fields.optional("status", lambda i, f: self.choice(i, f, terms().statuses))
        quotes = fields.optional("quote", self.quotes)
        note = fields.optional("note", self.string)
        if status is None:
            raise self.fail(fields.item, "status", f"{what} needs a status: stated, inferred or ambiguous")
        if quotes is None:
            raise self.fail(fields.item, "quote", f"{what} needs the quote from the source that states it")
        if status != "stated" and note is None:
            raise self.fail(fields.item, "note", f"an {status} {what} needs a note saying why it is {status}")
        return Provenance(status=status, quotes=quotes, note=note)

    def once(self, facts: Iterable[tuple[object, Loc]], field: str, what: str) -> None:
        # One source states a fact once: its quotes go in one entry (a list), not in two.
        first: dict[object, Loc] = {}
        for key, loc in facts:
            if key in first:
                raise SourceError(
                    f"the same {what} is already given at line {first[key].line}; "
                    "give it once, with every quote in a list",
                    path=self.path,
                    line=loc.line,
                    field=field,
                )
            first[key] = loc

    # --- sections ----------------------------------------------------------------------------

    def document(self, root: Item) -> SourceRecords:
        top = _Fields(self, root, "file")
        source = top.need("source", lambda item, _name: self.source(item))
        records = SourceRecords(
            path=self.path,
            source=source,
            topics=tuple(top.each("topics", self.topic)),
            organisations=tuple(top.each("organisations", self.organisation)),
            people=tuple(top.each("people", self.person)),
            events=tuple(top.each("events", self.event)),
            affiliations=tuple(top.each("affiliations", self.affiliation)),
            participations=tuple(top.each("participations", self.participation)),
        )
        top.done()
        return records

    def source(self, item: Item) -> Source:
        f = _Fields(self, item, "source")
        ident = f.need("id", self.ident)
        text_item = f.require("text")
        text_name = f.need("text", self.string)
        text_path = (self.path.parent / text_name).resolve()
        if not text_path.is_file():
            raise self.fail(
                text_item,
                "source.text",
                f"the source text file {text_name!r} does not exist beside this file",
            )
        self.source_text = normalise_space(clean_text(read_text(text_path), text_path))
        title = f.need("title", self.string)
        language = f.need("language", self.string)
        if not LANG_PATTERN.match(language):
            raise self.fail(item, "source.language", f"{language!r} is not a language tag such as sv")
        publisher = f.optional("publisher", self.ident)
        remarks = tuple(f.each("remarks", self.remark))
        f.done()
        return Source(
            id=ident,
            title=title,
            language=language,
            text_path=text_path,
            text=self.source_text,
            publisher=publisher,
            remarks=remarks,
            loc=Loc(str(self.path), item.line),
        )

    def remark(self, item: Item) -> Remark:
        f = _Fields(self, item, "remarks")
        f.require("note")  # a remark is its note, whatever its status
        remark = Remark(provenance=self.provenance(f, "remark"), loc=Loc(str(self.path), item.line))
        f.done()
        return remark

    def topic(self, item: Item) -> Topic:
        f = _Fields(self, item, "topics")
        topic = Topic(
            id=f.need("id", self.ident),
            label=f.need("label", self.lang_text),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return topic

    def person(self, item: Item) -> Person:
        f = _Fields(self, item, "people")
        person = Person(
            id=f.need("id", self.ident),
            name=f.need("name", self.string),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return person

    def organisation(self, item: Item) -> Organisation:
        f = _Fields(self, item, "organisations")
        organisation = Organisation(
            id=f.need("id", self.ident),
            kind=f.optional("kind", lambda i, n: self.choice(i, n, terms().organisation_kinds))
            or "organisation",
            name=f.need("name", self.lang_text),
            relations=tuple(f.each("relations", self.relation)),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        self.once((((r.relation, r.target), r.loc) for r in organisation.relations), "relations", "relation")
        return organisation

    def relation(self, item: Item) -> OrganisationRelation:
        f = _Fields(self, item, "relations")
        relation = f.need("relation", lambda i, n: self.choice(i, n, ORGANISATION_RELATIONS))
        target = f.need("organisation", self.ident)
        result = OrganisationRelation(
            relation=relation,
            target=target,
            provenance=self.provenance(f, "relation"),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return result

    def event(self, item: Item) -> Event:
        f = _Fields(self, item, "events")
        ident = f.need("id", self.ident)
        kind = f.need("type", lambda i, n: self.choice(i, n, terms().event_types))
        name = f.need("name", self.lang_text)
        year_item = f.fields.get("year")
        year = f.optional("year", self.string)
        if year_item is not None and year is not None and not YEAR_PATTERN.match(year):
            raise self.fail(year_item, "events.year", f"{year!r} is not a four-digit year")
        topics = tuple(f.each("topics", self.event_topic))
        part_of = tuple(f.each("part_of", self.inclusion, single_ok=True))
        f.done()
        self.once(((inc.parent, inc.loc) for inc in part_of), "part_of.event", "nesting of this event")
        self.once(((t.topic, t.loc) for t in topics), "topics.topic", "topic of this event")
        return Event(
            id=ident,
            type=kind,
            name=name,
            year=year,
            topics=topics,
            part_of=part_of,
            loc=Loc(str(self.path), item.line),
        )

    def event_topic(self, item: Item) -> EventTopic:
        if isinstance(item.value, str):
            raise self.fail(
                item,
                "topics",
                f"an event's topic is a fact: write it as '- {{topic: {item.value}, status: ..., "
                "quote: ...}' with the sentence that names it (and a note unless stated)",
            )
        f = _Fields(self, item, "topics")
        result = EventTopic(
            topic=f.need("topic", self.ident),
            provenance=self.provenance(f, "event topic"),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return result

    def inclusion(self, item: Item) -> EventInclusion:
        f = _Fields(self, item, "part_of")
        result = EventInclusion(
            parent=f.need("event", self.ident),
            provenance=self.provenance(f, "event nesting"),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return result

    def affiliation(self, item: Item) -> Affiliation:
        f = _Fields(self, item, "affiliations")
        ident = f.need("id", self.ident)
        person = f.need("person", self.ident)
        organisation = f.optional("organisation", self.ident)
        title = f.optional("title", self.lang_text) or ()
        if organisation is None and not title:
            raise self.fail(item, "affiliations", "give an organisation, a title, or both")
        result = Affiliation(
            id=ident,
            person=person,
            organisation=organisation,
            title=title,
            provenance=self.provenance(f, "affiliation"),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return result

    def participation(self, item: Item) -> Participation:
        f = _Fields(self, item, "participations")
        event = f.need("event", self.ident)
        agent = f.need("agent", self.ident)
        role = f.need("role", lambda i, n: self.choice(i, n, terms().roles))
        ident = f.optional("id", self.ident) or f"{event}--{agent}--{role}"
        result = Participation(
            id=ident,
            event=event,
            agent=agent,
            role=role,
            capacities=f.optional("as", self.ids) or (),
            provenance=self.provenance(f, "participation"),
            loc=Loc(str(self.path), item.line),
        )
        f.done()
        return result


T = TypeVar("T")


class _Fields:
    """The fields of one mapping: take them one by one, then refuse what is left."""

    def __init__(self, reader: _Reader, item: Item, where: str) -> None:
        self.reader = reader
        self.item = item
        self.where = where
        self.fields = dict(reader.mapping(item, where))

    def name(self, key: str) -> str:
        return key if self.where == "file" else f"{self.where}.{key}"

    def require(self, key: str) -> Item:
        if key not in self.fields:
            raise self.reader.fail(self.item, self.name(key), "is missing; it is required here")
        return self.fields[key]

    def need(self, key: str, read: Callable[[Item, str], T]) -> T:
        value = read(self.require(key), self.name(key))
        del self.fields[key]
        return value

    def optional(self, key: str, read: Callable[[Item, str], T]) -> T | None:
        if key not in self.fields:
            return None
        return self.need(key, read)

    def each(self, key: str, read: Callable[[Item], T], *, single_ok: bool = False) -> Iterator[T]:
        if key not in self.fields:
            return
        item = self.fields.pop(key)
        if single_ok and isinstance(item.value, dict):
            yield read(item)
            return
        for child in self.reader.items(item, self.name(key)):
            yield read(child)

    def done(self) -> None:
        for key, item in self.fields.items():
            raise self.reader.fail(item, self.name(key), "is not a known field here; see docs/authoring.md")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
