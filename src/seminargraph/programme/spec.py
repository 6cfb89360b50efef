"""The mapping of a programme table: which column is what, read from a strict YAML file.

A mapping is YAML (docs/import.md). The built-in ones live in ``resources/mappings/`` and are named
by their stem (``--mapping almedalsveckan``); any other is a path. Every key is checked: an unknown
key, a missing one or a value of the wrong form is an error naming the mapping file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..errors import SourceError
from ..inputs.authoring import ID_PATTERN, Item, parse_yaml
from ..ontology import terms
from ..textfile import MAX_YAML_BYTES, read_text
from ..vocab import LANG_PATTERN

#: Shapes a table can have: one row per event, or one row per participation (one person at one event).
ROW_SHAPES = ("event", "participation")
#: Syntaxes of a cell that lists people.
PEOPLE_SYNTAXES = ("python-list", "lines", "semicolons", "single")
FORMATS = ("csv", "tsv", "jsonl")


@dataclass(frozen=True)
class ValueMap:
    """A column whose values are translated: ``values`` maps a cell to one or more codes."""

    column: str | None
    values: Mapping[str, tuple[str, ...]]
    default: tuple[str, ...]

    def codes(self, cell: str) -> tuple[str, ...] | None:
        """The codes of ``cell``: its entry, the default for an empty cell, None when unknown."""
        if not cell:
            return self.default
        return self.values.get(cell)


@dataclass(frozen=True)
class PeopleColumn:
    """A column naming people: its cell syntax, the order of the parts of one entry, and their role."""

    column: str
    syntax: str
    role: str
    contact: bool = False


@dataclass(frozen=True)
class Templates:
    """An id and a name per language, with ``{year}`` and ``{stem}`` filled in."""

    id: str
    name: tuple[tuple[str, str], ...]

    def fill(self, **values: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        ident = self.id.format(**values)
        return ident, tuple((lang, text.format(**values)) for lang, text in self.name)


@dataclass(frozen=True)
class TableMapping:
    """Everything the importer needs to know about one kind of programme table."""

    path: str
    rows: str
    format: str | None
    source_id: str
    source_title: str
    festival: Templates
    edition: Templates
    id_column: str
    title_column: str
    organiser_column: str | None
    start_column: str | None
    end_column: str | None
    time_format: str
    place_column: str | None
    topic_columns: tuple[str, ...]
    format_column: str | None
    description_columns: tuple[str, ...]
    language: ValueMap
    event_type: ValueMap
    people: tuple[PeopleColumn, ...]
    #: participation rows: the columns of one person's entry.
    person_columns: Mapping[str, str] = field(default_factory=dict)
    #: title words that are a role, not a job title ("Moderator").
    role_words: Mapping[str, str] = field(default_factory=dict)
    #: party tags after a name, "(S)", and the party they stand for.
    parties: Mapping[str, str] = field(default_factory=dict)
    #: programme ids of rows that describe events of the linked data, and those events' ids.
    linked_events: Mapping[str, str] = field(default_factory=dict)
    #: authored data loaded with the import, that the links point into ("builtin" or paths).
    linked_data: tuple[str, ...] = ()
    #: organisation names that hold ", " and must not be split ("Gamma, Delta och Epsilon").
    known_organisations: tuple[str, ...] = ()

    @cached_property
    def columns(self) -> dict[str, str]:
        """Every column the mapping names, by the mapping key that names it (read once per mapping)."""
        named: dict[str, str] = {"id": self.id_column, "title": self.title_column}
        for key, value in (
            ("organisers", self.organiser_column),
            ("start", self.start_column),
            ("end", self.end_column),
            ("place", self.place_column),
            ("format", self.format_column),
            ("language", self.language.column),
            ("type", self.event_type.column),
        ):
            if value:
                named[key] = value
        for n, column in enumerate(self.topic_columns):
            named[f"topics[{n}]"] = column
        for n, column in enumerate(self.description_columns):
            named[f"description[{n}]"] = column
        for n, people in enumerate(self.people):
            named[f"{'contacts' if people.contact else 'people'}[{n}]"] = people.column
        for key, column in self.person_columns.items():
            named[f"person.{key}"] = column
        return named


def builtin_mappings() -> list[str]:
    """The names of the mappings shipped with seminargraph."""
    folder = resources.files("seminargraph").joinpath("resources/mappings")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_mapping(name: str) -> TableMapping:
    """Read the built-in mapping ``name`` or the mapping file at path ``name``."""
    if name in builtin_mappings():
        path = Path(str(resources.files("seminargraph").joinpath(f"resources/mappings/{name}.yaml")))
    else:
        path = Path(name)
        if not path.is_file():
            known = ", ".join(builtin_mappings())
            raise SourceError(
                f"no mapping file {name!r}; give a mapping YAML file or a built-in mapping ({known})",
                field="--mapping",
            )
    text = read_text(path, limit=MAX_YAML_BYTES)
    return _MappingReader(path).read(parse_yaml(text, path))


class _MappingReader:
    """Turns the Item tree of a mapping file into a TableMapping, checking every key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, item: Item, key: str, reason: str) -> SourceError:
        return SourceError(reason, path=self.path, line=item.line, column=item.column, field=key)

    def table(self, item: Item, key: str) -> dict[str, Item]:
        if not isinstance(item.value, dict):
            raise self.fail(item, key, "must be a mapping of keys to values")
        return dict(item.value)

    def text(self, item: Item, key: str) -> str:
        if not isinstance(item.value, str) or not item.value.strip():
            raise self.fail(item, key, "must be a non-empty text")
        return item.value.strip()

    def texts(self, item: Item, key: str) -> tuple[str, ...]:
        if isinstance(item.value, str):
            return (self.text(item, key),)
        if not isinstance(item.value, list):
            raise self.fail(item, key, "must be a text or a list of texts")
        return tuple(self.text(child, key) for child in item.value)

    def pop(self, fields: dict[str, Item], key: str, where: str, *, required: bool = True) -> Item | None:
        if key in fields:
            return fields.pop(key)
        if required:
            raise SourceError(f"'{key}' is missing; it is required here", path=self.path, field=where)
        return None

    def done(self, fields: dict[str, Item], where: str) -> None:
        for key, item in fields.items():
            raise self.fail(item, f"{where}{key}", "is not a known key here; see docs/import.md")

    def read(self, root: Item) -> TableMapping:
        top = self.table(root, "mapping")
        rows = self._choice(top, "rows", ROW_SHAPES, default="event")
        fmt = self._choice(top, "format", FORMATS, default=None)
        source = self.table(self._need(top, "source", ""), "source")
        festival = self._templates(self._need(top, "festival", ""), "festival")
        edition = self._templates(self._need(top, "edition", ""), "edition")
        columns = self.table(self._need(top, "columns", ""), "columns")
        links = self._links(top)
        mapping = TableMapping(
            path=str(self.path),
            rows=rows or "event",
            format=fmt,
            source_id=self.text(self._need(source, "id", "source."), "source.id"),
            source_title=self.text(self._need(source, "title", "source."), "source.title"),
            festival=festival,
            edition=edition,
            id_column=self._column(columns, "id", required=True) or "",
            title_column=self._column(columns, "title", required=True) or "",
            organiser_column=self._column(columns, "organisers"),
            start_column=self._column(columns, "start"),
            end_column=self._column(columns, "end"),
            time_format=self._plain(top, "time_format", "%Y-%m-%d %H:%M:%S"),
            place_column=self._column(columns, "place"),
            topic_columns=self._columns(columns, "topics"),
            format_column=self._column(columns, "format"),
            description_columns=self._columns(columns, "description"),
            language=self._value_map(columns, "language", LANG_PATTERN.pattern, default=("sv",)),
            event_type=self._value_map(columns, "type", None, default=("event",)),
            people=self._people(columns),
            person_columns=self._person_columns(columns, rows or "event"),
            role_words=self._role_words(top),
            parties=self._parties(top),
            known_organisations=self._known(top),
            linked_events=links[0],
            linked_data=links[1],
        )
        self.done(source, "source.")
        self.done(columns, "columns.")
        self.done(top, "")
        for code in mapping.event_type.default + tuple(
            c for v in mapping.event_type.values.values() for c in v
        ):
            if code not in terms().event_types:
                raise SourceError(
                    f"the event type {code!r} is not one of {', '.join(terms().event_types)}",
                    path=self.path,
                    field="columns.type",
                )
        return mapping

    def _need(self, fields: dict[str, Item], key: str, where: str) -> Item:
        item = self.pop(fields, key, f"{where}{key}")
        assert item is not None
        return item

    def _plain(self, fields: dict[str, Item], key: str, default: str) -> str:
        item = self.pop(fields, key, key, required=False)
        return default if item is None else self.text(item, key)

    def _choice(
        self, fields: dict[str, Item], key: str, allowed: tuple[str, ...], default: str | None
    ) -> str | None:
        item = self.pop(fields, key, key, required=False)
        if item is None:
            return default
        value = self.text(item, key)
        if value not in allowed:
            raise self.fail(item, key, f"is {value!r}; use one of {', '.join(allowed)}")
        return value

    def _templates(self, item: Item, key: str) -> Templates:
        fields = self.table(item, key)
        ident = self.text(self._need(fields, "id", f"{key}."), f"{key}.id")
        probe = ident.format(year="2015", stem="2015")
        if not ID_PATTERN.match(probe):
            raise self.fail(
                item, f"{key}.id", f"{ident!r} does not give an id of lowercase letters, digits and '-'"
            )
        names = self.table(self._need(fields, "name", f"{key}."), f"{key}.name")
        name = tuple((lang, self.text(value, f"{key}.name.{lang}")) for lang, value in names.items())
        for lang, _ in name:
            if not LANG_PATTERN.match(lang):
                raise self.fail(item, f"{key}.name", f"{lang!r} is not a language tag such as sv or en")
        self.done(fields, f"{key}.")
        return Templates(ident, name)

    def _column(self, columns: dict[str, Item], key: str, *, required: bool = False) -> str | None:
        item = self.pop(columns, key, f"columns.{key}", required=required)
        return None if item is None else self.text(item, f"columns.{key}")

    def _columns(self, columns: dict[str, Item], key: str) -> tuple[str, ...]:
        item = self.pop(columns, key, f"columns.{key}", required=False)
        return () if item is None else self.texts(item, f"columns.{key}")

    def _value_map(
        self, columns: dict[str, Item], key: str, pattern: str | None, default: tuple[str, ...]
    ) -> ValueMap:
        item = self.pop(columns, key, f"columns.{key}", required=False)
        if item is None:
            return ValueMap(None, {}, default)
        if isinstance(item.value, str):
            return ValueMap(self.text(item, f"columns.{key}"), {}, default)
        fields = self.table(item, f"columns.{key}")
        column = self.text(self._need(fields, "column", f"columns.{key}."), f"columns.{key}.column")
        values: dict[str, tuple[str, ...]] = {}
        values_item = self.pop(fields, "values", f"columns.{key}.values", required=False)
        if values_item is not None:
            for cell, codes in self.table(values_item, f"columns.{key}.values").items():
                values[cell] = self.texts(codes, f"columns.{key}.values.{cell}")
        default_item = self.pop(fields, "default", f"columns.{key}.default", required=False)
        if default_item is not None:
            default = self.texts(default_item, f"columns.{key}.default")
        self.done(fields, f"columns.{key}.")
        return ValueMap(column, values, default)

    def _people(self, columns: dict[str, Item]) -> tuple[PeopleColumn, ...]:
        found: list[PeopleColumn] = []
        for key, contact in (("people", False), ("contacts", True)):
            item = self.pop(columns, key, f"columns.{key}", required=False)
            if item is None:
                continue
            children = item.value if isinstance(item.value, list) else [item]
            for child in children:
                found.append(self._people_column(child, f"columns.{key}", contact))
        return tuple(found)

    def _people_column(self, item: Item, key: str, contact: bool) -> PeopleColumn:
        if isinstance(item.value, str):
            return PeopleColumn(
                self.text(item, key), "single", "contact" if contact else "participant", contact
            )
        fields = self.table(item, key)
        column = self.text(self._need(fields, "column", f"{key}."), f"{key}.column")
        syntax = self._choice(fields, "syntax", PEOPLE_SYNTAXES, default="single") or "single"
        role = self._plain(fields, "role", "contact" if contact else "participant")
        if role not in terms().roles:
            raise self.fail(item, f"{key}.role", f"is {role!r}; use one of {', '.join(terms().roles)}")
        self.done(fields, f"{key}.")
        return PeopleColumn(column, syntax, role, contact)

    def _person_columns(self, columns: dict[str, Item], rows: str) -> dict[str, str]:
        item = self.pop(columns, "person", "columns.person", required=False)
        if item is None:
            if rows == "participation":
                raise SourceError(
                    "rows: participation needs columns.person "
                    "(name, and optionally role, title, organisation)",
                    path=self.path,
                    field="columns.person",
                )
            return {}
        fields = self.table(item, "columns.person")
        found = {}
        for key in ("name", "role", "title", "organisation"):
            value = self.pop(fields, key, f"columns.person.{key}", required=key == "name")
            if value is not None:
                found[key] = self.text(value, f"columns.person.{key}")
        self.done(fields, "columns.person.")
        return found

    def _role_words(self, top: dict[str, Item]) -> dict[str, str]:
        item = self.pop(top, "role_words", "role_words", required=False)
        if item is None:
            return {}
        found = {}
        for word, role in self.table(item, "role_words").items():
            value = self.text(role, f"role_words.{word}")
            if value not in terms().roles:
                raise self.fail(
                    role, f"role_words.{word}", f"is {value!r}; use one of {', '.join(terms().roles)}"
                )
            found[word.casefold()] = value
        return found

    def _known(self, top: dict[str, Item]) -> tuple[str, ...]:
        item = self.pop(top, "known_organisations", "known_organisations", required=False)
        return () if item is None else self.texts(item, "known_organisations")

    def _parties(self, top: dict[str, Item]) -> dict[str, str]:
        item = self.pop(top, "parties", "parties", required=False)
        if item is None:
            return {}
        return {tag: self.text(name, f"parties.{tag}") for tag, name in self.table(item, "parties").items()}

    def _links(self, top: dict[str, Item]) -> tuple[dict[str, str], tuple[str, ...]]:
        item = self.pop(top, "links", "links", required=False)
        if item is None:
            return {}, ()
        fields = self.table(item, "links")
        events: dict[str, str] = {}
        events_item = self.pop(fields, "events", "links.events", required=False)
        if events_item is not None:
            for row_id, target in self.table(events_item, "links.events").items():
                value = self.text(target, f"links.events.{row_id}")
                if not ID_PATTERN.match(value):
                    raise self.fail(target, f"links.events.{row_id}", f"{value!r} is not an id")
                events[row_id] = value
        data_item = self.pop(fields, "data", "links.data", required=False)
        data = () if data_item is None else self.texts(data_item, "links.data")
        self.done(fields, "links.")
        return events, data
