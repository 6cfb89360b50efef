"""Compare extraction with hand-made gold annotations: precision, recall and F1.

A gold file is YAML beside (or pointing at) a seminar text::

    text: d01-vattnet-framtid.txt
    language: sv
    events:
      - title: "Vem ska betala för vattnet i framtiden?"
        participants:
          - {name: Eva Lindholm, job_title: [VA-chef], organisation: Norrtälje Vatten, role: panelist}
        organisations:
          - {name: Föreningen Skolforum, role: organiser}

Scores count people: names; (name, role); (name, organisation); the full tuple (name, job
titles, organisation, role); (name, event). The loose variant ignores case and spacing and
counts participant and panelist as one role. Organisations taking part are scored on their own.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..authoring import Item, parse_yaml
from ..errors import SourceError
from ..textfile import MAX_YAML_BYTES, read_text
from .model import ExtractionResult
from .roles import PANELIST, PARTICIPANT


@dataclass(frozen=True)
class GoldPerson:
    name: str
    titles: frozenset[str]
    organisation: str | None
    role: str
    event: str | None
    party: str | None = None


@dataclass(frozen=True)
class GoldPage:
    """The annotations of one page, and the path of its text."""

    path: Path
    text_path: Path
    language: str
    people: tuple[GoldPerson, ...]
    organisations: tuple[tuple[str, str, str | None], ...]  # (name, role, event)
    text: str | None = None  # the page itself, for a page read from a programme row


def load_rows_gold(path: Path, data: Path) -> list[GoldPage]:
    """Read a gold file whose pages are rows of a programme CSV in ``data`` (``YEAR.csv#id``).

    The rows' text is read from ``data`` at run time, never copied beside the annotations: each
    page is the row's title, its ``description`` and its ``more_info``, a blank line between them.
    An event without a ``title`` is the row's (its title line). Raises SourceError when a row is
    not there.
    """
    root = parse_yaml(read_text(path, limit=MAX_YAML_BYTES), path)
    top = _mapping(root, path, "the gold file")
    pages: list[GoldPage] = []
    for item in _sequence(_field(top, "pages", root, path, "the gold file"), path, "pages"):
        page = _mapping(item, path, "a page")
        row = _string(_field(page, "row", item, path, "a page"), path, "row")
        year_file, _, row_id = row.partition("#")
        rows = programme_rows(data / year_file)
        if row_id not in rows:
            raise SourceError(f"no row with id {row_id!r} in {data / year_file}", path=path, line=item.line)
        title, text = rows[row_id]
        language = _string(page["language"], path, "language") if "language" in page else "sv"
        people = tuple(_people(page.get("participants"), path, title))
        organisations = tuple(
            (name, role, title) for name, role in _organisations(page.get("organisations"), path)
        )
        pages.append(GoldPage(path.parent / row, data / year_file, language, people, organisations, text))
    return pages


@cache
def programme_rows(csv_path: Path) -> dict[str, tuple[str, str]]:
    """The rows of one programme CSV by their ``id``: (title, the page made of title and prose)."""
    if not csv_path.is_file():
        raise SourceError("the programme data is not there", path=csv_path)
    csv.field_size_limit(sys.maxsize)
    rows: dict[str, tuple[str, str]] = {}
    with csv_path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            title = row["title"].strip()
            parts = [title, row.get("description", "").strip(), row.get("more_info", "").strip()]
            title = " ".join(title.split())  # as the event's title is read: whitespace made one space
            rows[row["id"]] = (title, "\n\n".join(part for part in parts if part) + "\n")
    return rows


def _people(items: Item | None, path: Path, title: str | None) -> Iterable[GoldPerson]:
    for item in _sequence(items, path, "participants"):
        person = _mapping(item, path, "a participant")
        where = "a participant"
        titles = _sequence(person.get("job_title"), path, "job_title")
        yield GoldPerson(
            name=_string(_field(person, "name", item, path, where), path, "name"),
            titles=frozenset(_string(t, path, "job_title") for t in titles),
            organisation=_optional(person.get("organisation"), path, "organisation"),
            role=_string(_field(person, "role", item, path, where), path, "role"),
            event=title,
            party=_optional(person.get("party"), path, "party"),
        )


def _organisations(items: Item | None, path: Path) -> Iterable[tuple[str, str]]:
    for item in _sequence(items, path, "organisations"):
        org = _mapping(item, path, "an organisation")
        name = _string(_field(org, "name", item, path, "an organisation"), path, "name")
        role = _string(_field(org, "role", item, path, "an organisation"), path, "role")
        yield name, role


def load_gold(path: Path) -> GoldPage:
    """Read a gold annotation file; errors name the file, the line and the field at fault."""
    root = parse_yaml(read_text(path, limit=MAX_YAML_BYTES), path)
    top = _mapping(root, path, "the gold file")
    text = _string(_field(top, "text", root, path, "the gold file"), path, "text")
    language = _string(top["language"], path, "language") if "language" in top else "sv"
    people: list[GoldPerson] = []
    organisations: list[tuple[str, str, str | None]] = []
    for event_item in _sequence(_field(top, "events", root, path, "the gold file"), path, "events"):
        event = _mapping(event_item, path, "an event")
        title = _string(event["title"], path, "title") if "title" in event else None
        for item in _sequence(event.get("participants"), path, "participants"):
            person = _mapping(item, path, "a participant")
            where = "a participant"
            titles = _sequence(person.get("job_title"), path, "job_title")
            people.append(
                GoldPerson(
                    name=_string(_field(person, "name", item, path, where), path, "name"),
                    titles=frozenset(_string(t, path, "job_title") for t in titles),
                    organisation=_optional(person.get("organisation"), path, "organisation"),
                    role=_string(_field(person, "role", item, path, where), path, "role"),
                    event=title,
                    party=_optional(person.get("party"), path, "party"),
                )
            )
        for item in _sequence(event.get("organisations"), path, "organisations"):
            org = _mapping(item, path, "an organisation")
            name = _string(_field(org, "name", item, path, "an organisation"), path, "name")
            role = _string(_field(org, "role", item, path, "an organisation"), path, "role")
            organisations.append((name, role, title))
    return GoldPage(path, path.parent / text, language, tuple(people), tuple(organisations))


def _field(mapping: dict[str, Item], key: str, owner: Item, path: Path, what: str) -> Item:
    if key not in mapping:
        raise SourceError(f"{what} has no '{key}' field", path=path, line=owner.line, column=owner.column)
    return mapping[key]


def _mapping(item: Item, path: Path, what: str) -> dict[str, Item]:
    if not isinstance(item.value, dict):
        raise SourceError(f"{what} must be a mapping", path=path, line=item.line, column=item.column)
    return item.value


def _sequence(item: Item | None, path: Path, key: str) -> list[Item]:
    if item is None:
        return []
    if not isinstance(item.value, list):
        raise SourceError(f"'{key}' must be a list", path=path, line=item.line, column=item.column, field=key)
    return item.value


def _string(item: Item, path: Path, key: str) -> str:
    if not isinstance(item.value, str):
        raise SourceError(
            f"'{key}' must be a string", path=path, line=item.line, column=item.column, field=key
        )
    return item.value


def _optional(item: Item | None, path: Path, key: str) -> str | None:
    return None if item is None else _string(item, path, key)


@dataclass
class Count:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Key = Callable[[str | None, frozenset[str], str | None, str, str | None, bool], tuple[Any, ...]]


def _norm(value: str | None, loose: bool) -> str | None:
    if value is None or not loose:
        return value
    return "".join(value.split()).casefold()


def _role(role: str, loose: bool) -> str:
    return PANELIST if loose and role == PARTICIPANT else role


MEASURES: dict[str, Key] = {
    "names": lambda n, t, o, r, e, loose: (_norm(n, loose),),
    "name+role": lambda n, t, o, r, e, loose: (_norm(n, loose), _role(r, loose)),
    "name+organisation": lambda n, t, o, r, e, loose: (_norm(n, loose), _norm(o, loose)),
    "full tuple": lambda n, t, o, r, e, loose: (
        _norm(n, loose),
        frozenset(_norm(x, loose) for x in t),
        _norm(o, loose),
        _role(r, loose),
    ),
    "name+event": lambda n, t, o, r, e, loose: (_norm(n, loose), _norm(e, loose)),
}


@dataclass
class Scores:
    """Counts per measure, strict and loose, summed over pages, with the differences listed."""

    strict: dict[str, Count] = field(default_factory=lambda: {m: Count() for m in MEASURES})
    loose: dict[str, Count] = field(default_factory=lambda: {m: Count() for m in MEASURES})
    organisations: Count = field(default_factory=Count)
    pages: int = 0
    differences: list[str] = field(default_factory=list)


def score(pairs: Iterable[tuple[GoldPage, ExtractionResult]]) -> Scores:
    """Score extraction results against their gold pages (micro-averaged over all pages)."""
    scores = Scores()
    for gold, result in pairs:
        scores.pages += 1
        found = [
            (p.name, frozenset(p.job_titles), p.organisation, p.role, e.title)
            for e in result.events
            for p in e.participants
            if p.kind == "person"
        ]
        expected = [(p.name, p.titles, p.organisation, p.role, p.event) for p in gold.people]
        for name, measure in MEASURES.items():
            for loose, table in ((False, scores.strict), (True, scores.loose)):
                got = {measure(*item, loose) for item in found}
                want = {measure(*item, loose) for item in expected}
                table[name].tp += len(got & want)
                table[name].fp += len(got - want)
                table[name].fn += len(want - got)
                if name == "full tuple" and not loose:
                    label = gold.path.name
                    scores.differences += [
                        f"{label}: extra   {_show(x)}" for x in sorted(got - want, key=str)
                    ]
                    scores.differences += [
                        f"{label}: missing {_show(x)}" for x in sorted(want - got, key=str)
                    ]
        scores.differences += _wrong_events(gold.path.name, found, expected)
        got_orgs = {
            (p.name, p.role) for e in result.events for p in e.participants if p.kind == "organisation"
        }
        want_orgs = {(name, role) for name, role, _event in gold.organisations}
        scores.organisations.tp += len(got_orgs & want_orgs)
        scores.organisations.fp += len(got_orgs - want_orgs)
        scores.organisations.fn += len(want_orgs - got_orgs)
        scores.differences += [
            f"{gold.path.name}: extra   organisation {x}" for x in sorted(got_orgs - want_orgs)
        ]
        scores.differences += [
            f"{gold.path.name}: missing organisation {x}" for x in sorted(want_orgs - got_orgs)
        ]
    return scores


def _wrong_events(
    label: str,
    found: list[tuple[str, frozenset[str], str | None, str, str | None]],
    expected: list[tuple[str, frozenset[str], str | None, str, str | None]],
) -> list[str]:
    """People found and expected, but (also) in another event than the annotation's."""
    got = {(item[0], item[4]) for item in found}
    want = {(item[0], item[4]) for item in expected}
    names = {name for name, _ in got} & {name for name, _ in want}
    return [
        f"{label}: event   {name} in {event!r}, not in "
        + " or ".join(repr(e) for n, e in sorted(want - got, key=str) if n == name)
        if any(n == name for n, _ in want - got)
        else f"{label}: event   {name} also in {event!r}"
        for name, event in sorted(got - want, key=str)
        if name in names
    ]


def _show(item: tuple[Any, ...]) -> str:
    name, titles, organisation, role = item
    return f"{name} | {', '.join(sorted(titles)) or '-'} | {organisation or '-'} | {role}"


def report(scores: Scores) -> str:
    """Format the scores as a Markdown table."""
    lines = [
        f"{scores.pages} pages",
        "",
        "| measure | precision | recall | F1 | loose P | loose R | loose F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in MEASURES:
        s, lo = scores.strict[name], scores.loose[name]
        lines.append(
            f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {lo.precision:.3f} | {lo.recall:.3f} | {lo.f1:.3f} |"
        )
    o = scores.organisations
    lines.append(
        f"| organisations taking part (name, role) | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} | | | |"
    )
    return "\n".join(lines)
