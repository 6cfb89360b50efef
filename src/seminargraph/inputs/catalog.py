"""All authored records of a build, merged across files, with every reference checked.

The same person, organisation, event or topic may be described in several source files (that is
how two sources about one person share one IRI); their descriptions must then agree. Affiliation
and participation ids must be unique across all files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import SourceError
from .records import (
    Affiliation,
    Event,
    Loc,
    Organisation,
    Participation,
    Person,
    SourceRecords,
    Topic,
)


@dataclass
class Catalog:
    """Every entity by id, and the files they came from."""

    files: list[SourceRecords] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    affiliations: dict[str, Affiliation] = field(default_factory=dict)
    participations: dict[str, Participation] = field(default_factory=dict)

    @property
    def agents(self) -> dict[str, Person | Organisation]:
        return {**self.people, **self.organisations}


def build_catalog(files: Sequence[SourceRecords]) -> Catalog:
    """Merge the records of several files and check that every reference resolves."""
    catalog = Catalog(files=list(files))
    seen_sources: dict[str, Loc] = {}
    for records in files:
        source = records.source
        if source.id in seen_sources:
            raise SourceError(
                f"the source id '{source.id}' is also used at {seen_sources[source.id]}; "
                "each file needs its own source id",
                path=source.loc.path,
                line=source.loc.line,
                field="source.id",
            )
        seen_sources[source.id] = source.loc
        _merge_shared(catalog.people, records.people, "person")
        _merge_shared(catalog.organisations, records.organisations, "organisation")
        _merge_shared(catalog.events, records.events, "event")
        _merge_shared(catalog.topics, records.topics, "topic")
        _add_unique(catalog.affiliations, records.affiliations, "affiliation")
        _add_unique(catalog.participations, records.participations, "participation")
    for ident, org in catalog.organisations.items():
        if ident in catalog.people:
            raise _error(
                org.loc,
                "id",
                f"'{ident}' is both a person (at {catalog.people[ident].loc}) "
                "and an organisation; people and organisations need different ids",
            )
    _check_references(catalog)
    _check_event_cycles(catalog)
    return catalog


def _identity(item: Any) -> Any:
    # What must agree when two files describe the same entity; relations, nesting and topics
    # may differ (each file adds what its source says).
    if isinstance(item, Person):
        return item.name
    if isinstance(item, Organisation):
        return (item.kind, dict(item.name))
    if isinstance(item, Event):
        return (item.type, dict(item.name), item.year)
    return dict(item.label)


def _merge_shared(target: dict[str, Any], items: Iterable[Any], kind: str) -> None:
    for item in items:
        other = target.get(item.id)
        if other is None:
            target[item.id] = item
        elif other.loc.path == item.loc.path:
            raise _error(
                item.loc,
                "id",
                f"the {kind} id '{item.id}' is already used at line {other.loc.line}; ids must be unique",
            )
        elif _identity(other) != _identity(item):
            raise _error(
                item.loc,
                "id",
                f"the {kind} '{item.id}' is also described at {other.loc}, differently; "
                "make the two descriptions agree or use another id",
            )


def _add_unique(target: dict[str, Any], items: Iterable[Any], kind: str) -> None:
    for item in items:
        other = target.get(item.id)
        if other is not None:
            raise _error(
                item.loc,
                "id",
                f"the {kind} id '{item.id}' is already used at {other.loc}; ids must be unique",
            )
        target[item.id] = item


def _error(loc: Loc, field: str, message: str) -> SourceError:
    return SourceError(message, path=loc.path, line=loc.line, field=field)


def _need(table: dict[str, Any], ident: str, kind: str, loc: Loc, field: str) -> None:
    if ident not in table:
        known = ", ".join(sorted(table)[:8]) or "none"
        raise _error(
            loc,
            field,
            f"refers to the {kind} '{ident}', which is not defined (known: {known}); define it or fix the id",
        )


def _check_references(c: Catalog) -> None:
    for records in c.files:
        src = records.source
        if src.publisher is not None:
            _need(c.organisations, src.publisher, "organisation", src.loc, "source.publisher")
    for org in _all(c, "organisations"):
        for rel in org.relations:
            _need(c.organisations, rel.target, "organisation", rel.loc, "relations.organisation")
            if rel.target == org.id:
                raise _error(rel.loc, "relations.organisation", "an organisation cannot relate to itself")
    for event in _all(c, "events"):
        for about in event.topics:
            _need(c.topics, about.topic, "topic", about.loc, "topics.topic")
        for inc in event.part_of:
            _need(c.events, inc.parent, "event", inc.loc, "part_of.event")
    for aff in c.affiliations.values():
        _need(c.people, aff.person, "person", aff.loc, "affiliations.person")
        if aff.organisation is not None:
            _need(
                c.organisations,
                aff.organisation,
                "organisation",
                aff.loc,
                "affiliations.organisation",
            )
    agents = c.agents
    for part in c.participations.values():
        _need(c.events, part.event, "event", part.loc, "participations.event")
        _need(agents, part.agent, "person or organisation", part.loc, "participations.agent")
        for cap in part.capacities:
            _need(c.affiliations, cap, "affiliation", part.loc, "participations.as")
            if c.affiliations[cap].person != part.agent:
                raise _error(
                    part.loc,
                    "participations.as",
                    f"the affiliation '{cap}' belongs "
                    f"to '{c.affiliations[cap].person}', not to '{part.agent}'",
                )


def _all(c: Catalog, section: str) -> Iterable[Any]:
    for records in c.files:
        yield from getattr(records, section)


def _check_event_cycles(c: Catalog) -> None:
    parents: dict[str, set[str]] = {}
    for event in _all(c, "events"):
        parents.setdefault(event.id, set()).update(inc.parent for inc in event.part_of)
    for start in c.events.values():
        frontier = list(parents.get(start.id, ()))
        seen: set[str] = set()
        while frontier:
            current = frontier.pop()
            if current == start.id:
                raise _error(
                    start.loc,
                    "part_of",
                    f"events nest in a cycle: '{start.id}' is (indirectly) part of itself; fix part_of",
                )
            if current not in seen:
                seen.add(current)
                frontier.extend(parents.get(current, ()))
