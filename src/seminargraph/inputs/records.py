"""Typed records of authored data: what one source file says, before it becomes triples."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    """Where a record was written: file and line, for error messages."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


#: A text in several languages: ``(("sv", "Länsstyrelserna"), ("en", "County Administrative Boards"))``.
LangText = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from and how firmly the source states it."""

    status: str  # stated | inferred | ambiguous
    quotes: tuple[str, ...]  # whitespace-normalised, each occurs in the source text
    note: str | None = None


@dataclass(frozen=True)
class Remark:
    """Something the source says about itself (how many seminars it counts, what date it lacks).

    It is no edge of the graph, but a fact with a status all the same: the note says how it is read.
    """

    provenance: Provenance
    loc: Loc

    @property
    def note(self) -> str:
        assert self.provenance.note is not None  # a remark's note is required
        return self.provenance.note

    @property
    def quotes(self) -> tuple[str, ...]:
        return self.provenance.quotes


@dataclass(frozen=True)
class Source:
    """The document the facts of one file come from; ``text`` is whitespace-normalised."""

    id: str
    title: str
    language: str
    text_path: Path
    text: str
    publisher: str | None
    remarks: tuple[Remark, ...]
    loc: Loc


@dataclass(frozen=True)
class Topic:
    id: str
    label: LangText
    loc: Loc


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    loc: Loc


@dataclass(frozen=True)
class OrganisationRelation:
    """``organisation`` is a unit / member / sub-organisation of ``target``."""

    relation: str  # unit-of | member-of | sub-organisation-of
    target: str
    provenance: Provenance
    loc: Loc


@dataclass(frozen=True)
class Organisation:
    id: str
    kind: str
    name: LangText
    relations: tuple[OrganisationRelation, ...]
    loc: Loc


@dataclass(frozen=True)
class EventInclusion:
    """The event is part of ``parent``."""

    parent: str
    provenance: Provenance
    loc: Loc


@dataclass(frozen=True)
class EventTopic:
    """The event is about ``topic``, as the quotes say (or imply)."""

    topic: str
    provenance: Provenance
    loc: Loc


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    name: LangText
    year: str | None
    topics: tuple[EventTopic, ...]
    part_of: tuple[EventInclusion, ...]
    loc: Loc


@dataclass(frozen=True)
class Affiliation:
    """A person's job title at an organisation (either may be unknown, not both)."""

    id: str
    person: str
    organisation: str | None
    title: LangText
    provenance: Provenance
    loc: Loc


@dataclass(frozen=True)
class Participation:
    """A person or organisation took part in an event, in a role, in the capacity of affiliations."""

    id: str
    event: str
    agent: str
    role: str
    capacities: tuple[str, ...]
    provenance: Provenance
    loc: Loc


@dataclass(frozen=True)
class SourceRecords:
    """Everything one authored file says."""

    path: Path
    source: Source
    topics: tuple[Topic, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    participations: tuple[Participation, ...] = ()
