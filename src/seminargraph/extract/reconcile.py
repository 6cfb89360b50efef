"""Reuse the ids of people, organisations and events that authored data already has.

A person gets an existing id only with evidence that it is the same person: the same name and
the same organisation, or the same name in the very sentence an existing fact about that
person quotes. The same name alone is not enough: namesakes stay apart, and the draft says
so in a comment for the reviewer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..authoring import load_file
from ..catalog import build_catalog
from ..errors import SourceError
from ..records import Event, Organisation, Person
from ..textfile import normalise_space

YAML_SUFFIXES = (".yaml", ".yml")


def key(name: str) -> str:
    """Return the form names are compared in: NFC, case-folded, whitespace normalised."""
    return normalise_space(unicodedata.normalize("NFC", name)).casefold()


@dataclass(frozen=True)
class KnownPerson:
    person: Person
    organisations: frozenset[str]  # ids of organisations of the person's affiliations (not ambiguous)
    quotes: tuple[str, ...]  # every quote of the person's affiliations and participations


@dataclass
class Known:
    """What existing authored data holds, by the name it is found under."""

    people: dict[str, list[KnownPerson]] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)

    def organisation(self, name: str) -> Organisation | None:
        return self.organisations.get(key(name))

    def event(self, name: str) -> Event | None:
        return self.events.get(key(name))

    def person(self, name: str, organisation_id: str | None, quote: str) -> tuple[KnownPerson | None, str]:
        """Return the existing person this is, with the reason; or None and why not."""
        candidates = self.people.get(key(name), [])
        if not candidates:
            return None, ""
        for candidate in candidates:
            if organisation_id is not None and organisation_id in candidate.organisations:
                return candidate, "same name and organisation"
        for candidate in candidates:
            if any(quote in known or known in quote for known in candidate.quotes):
                return candidate, "same name in the same sentence"
        ids = ", ".join(c.person.id for c in candidates)
        return None, f"another person named {name} exists ({ids}); nothing in the text says it is the same"


def find_yaml(paths: Sequence[Path | str]) -> list[Path]:
    """List the authored YAML files given, folders expanded."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = (p for p in path.rglob("*") if p.suffix.lower() in YAML_SUFFIXES and p.is_file())
            found.extend(sorted(inside))
        elif path.is_file():
            if path.suffix.lower() not in YAML_SUFFIXES:
                raise SourceError("is not authored YAML (.yaml); give YAML files or folders", path=path)
            found.append(path)
        else:
            raise SourceError("no such file or folder", path=path)
    return found


def load_known(paths: Sequence[Path | str]) -> Known:
    """Read authored YAML files (and folders of them) to reconcile a draft with."""
    catalog = build_catalog([load_file(path) for path in find_yaml(paths)])
    known = Known()
    for records in catalog.files:
        known.ids.add(records.source.id)
        known.ids.update(t.id for t in records.topics)
    known.ids.update(catalog.people, catalog.organisations, catalog.events, catalog.topics)
    known.ids.update(catalog.affiliations)
    known.ids.update(re.sub(r"-+", "-", p) for p in catalog.participations)
    known.ids.update(catalog.participations)
    quotes: dict[str, list[str]] = {}
    organisations: dict[str, set[str]] = {}
    for affiliation in catalog.affiliations.values():
        quotes.setdefault(affiliation.person, []).extend(affiliation.provenance.quotes)
        if affiliation.organisation is not None and affiliation.provenance.status != "ambiguous":
            organisations.setdefault(affiliation.person, set()).add(affiliation.organisation)
    for participation in catalog.participations.values():
        quotes.setdefault(participation.agent, []).extend(participation.provenance.quotes)
    for person in catalog.people.values():
        their = frozenset(organisations.get(person.id, ()))
        entry = KnownPerson(person, their, tuple(quotes.get(person.id, ())))
        known.people.setdefault(key(person.name), []).append(entry)
    for organisation in catalog.organisations.values():
        for _lang, name in organisation.name:
            known.organisations.setdefault(key(name), organisation)
    for event in catalog.events.values():
        for _lang, name in event.name:
            known.events.setdefault(key(name), event)
    return known
