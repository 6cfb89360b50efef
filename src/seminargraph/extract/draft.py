"""Write an extraction result as a draft in the authoring format (docs/authoring.md), for review.

Every quote is a slice of the page's normalised text, so the authoring loader finds it in the
text file the draft names. Uncertain items are ``ambiguous`` or ``inferred`` with a note that
starts with "REVIEW:", which the loader accepts and the participants table leaves out until a
reviewer sets them to ``stated``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Event, LangText, Loc, Organisation
from .model import ExtractedEvent, ExtractionResult, Participant
from .reconcile import Known, key

_SPECIAL = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "ł": "l", "þ": "th", "ð": "d"}
)
_ID_WORDS = 6
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def slug(text: str, words: int = _ID_WORDS) -> str:
    """Make an id from a name: ASCII letters and digits joined by single hyphens.

    >>> slug("Människor, förändringsvilja och IT")
    'manniskor-forandringsvilja-och-it'
    """
    plain = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    parts = re.findall(r"[a-z0-9]+", plain)
    return "-".join(parts[:words]) or "x"


class _Ids:
    """Ids not yet used, here or in the known data."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def new(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _names(pairs: LangText) -> str:
    return "{" + ", ".join(f"{lang}: {_q(value)}" for lang, value in pairs) + "}"


def _quotes(values: list[str], indent: str) -> list[str]:
    values = list(dict.fromkeys(values))
    if len(values) == 1:
        return [f"{indent}quote: {_q(values[0])}"]
    return [f"{indent}quote:", *(f"{indent}  - {_q(v)}" for v in values)]


@dataclass
class _Draft:
    result: ExtractionResult
    known: Known
    ids: _Ids
    organisations: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # key -> id, lines
    people: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    events: list[tuple[str, list[str]]] = field(default_factory=list)
    affiliations: dict[tuple[str, str | None, str | None], tuple[str, list[str]]] = field(
        default_factory=dict
    )
    participations: list[list[str]] = field(default_factory=list)

    def organisation(self, name: str) -> str:
        found = self.organisations.get(key(name))
        if found is not None:
            return found[0]
        existing = self.known.organisation(name)
        if existing is not None:
            ident = existing.id
            self.ids.taken.add(ident)
            lines = [f"  - id: {ident}  # existing ({_where(existing.loc)}), same name"]
            lines += _copy_organisation(existing)
        else:
            ident = self.ids.new(slug(name))
            lang = self.result.language
            lines = [f"  - id: {ident}", f"    name: {_names(((lang, name),))}"]
        self.organisations[key(name)] = (ident, lines)
        return ident

    def person(self, participant: Participant, organisation: str | None) -> str:
        found = self.people.get(key(participant.name))
        if found is not None:
            return found[0]
        existing, why = self.known.person(participant.name, organisation, participant.evidence.quote)
        if existing is not None:
            ident = existing.person.id
            self.ids.taken.add(ident)
            lines = [f"  - id: {ident}  # existing ({_where(existing.person.loc)}): {why}"]
        else:
            ident = self.ids.new(slug(participant.name, 4))
            lines = [f"  - id: {ident}" + (f"  # REVIEW: {why}" if why else "")]
        lines.append(f"    name: {_q(participant.name)}")
        if participant.party:
            lines.append(f"    # party ({participant.party}): the authoring format has no field for it")
        self.people[key(participant.name)] = (ident, lines)
        return ident


def _where(loc: Loc) -> str:
    return f"{Path(loc.path).name}:{loc.line}"


def _copy_organisation(organisation: Organisation) -> list[str]:
    # Building the draft together with the known data needs the same description.
    lines = [f"    name: {_names(organisation.name)}"]
    if organisation.kind != "organisation":
        lines.insert(0, f"    kind: {organisation.kind}")
    return lines


def _copy_event(event: Event) -> list[str]:
    lines = [f"    type: {event.type}", f"    name: {_names(event.name)}"]
    if event.year is not None:
        lines.append(f'    year: "{event.year}"')
    return lines


def draft_yaml(result: ExtractionResult, *, text_name: str, known: Known | None = None) -> str:
    """Write the draft of one page in the authoring format; ``text_name`` is its text file, beside it."""
    known = known if known is not None else Known()
    draft = _Draft(result, known, _Ids(known.ids))
    source_id = draft.ids.new(slug(Path(result.source).stem or "page"))
    event_ids = [_event(draft, event) for event in result.events]
    for event, ident in zip(result.events, event_ids, strict=True):
        for participant in event.participants:
            _participation(draft, participant, ident)
    for event, (_ident, lines) in zip(result.events, draft.events, strict=True):
        if event.part_of is not None:
            lines.extend(_nesting(event, event_ids))
    return _render(draft, source_id, text_name)


def _event(draft: _Draft, event: ExtractedEvent) -> str:
    name = event.name or draft.result.title or Path(draft.result.source).stem
    existing = draft.known.event(name)
    if existing is not None:
        ident = existing.id
        draft.ids.taken.add(ident)
        lines = [f"  - id: {ident}  # existing ({_where(existing.loc)}), same name", *_copy_event(existing)]
    else:
        short = re.split(r": | – | - |\? ", name)[0]
        ident = draft.ids.new(slug(short if len(short.split()) >= 3 else name))
        written = _names(((draft.result.language, name),))
        lines = [f"  - id: {ident}", "    type: seminar", f"    name: {written}"]
        if event.title is None:
            lines.insert(1, "    # REVIEW: the text gives this event no title; the name is the page's")
        elif event.title != name:
            lines.insert(1, f"    # written {_q(event.title)}")
    draft.events.append((ident, lines))
    return ident


def _nesting(event: ExtractedEvent, event_ids: list[str]) -> list[str]:
    nesting = event.part_of
    assert nesting is not None
    lines = [
        "    part_of:",
        f"      event: {event_ids[nesting.parent]}",
        f"      status: {nesting.status}",
        *_quotes([nesting.evidence.quote], "      "),
    ]
    if nesting.note:
        lines.append(f"      note: {_q(nesting.note)}")
    return lines


def _participation(draft: _Draft, participant: Participant, event_id: str) -> None:
    if participant.kind == "organisation":
        agent = draft.organisation(participant.name)
        capacities: list[str] = []
    else:
        organisation = draft.organisation(participant.organisation) if participant.organisation else None
        agent = draft.person(participant, organisation)
        capacities = _affiliations(draft, participant, agent, organisation)
    text = draft.result.normalised
    quotes = [participant.evidence.quote, *(text[s:e] for s, e in participant.evidence.more)]
    default = f"{event_id}--{agent}--{participant.role}"
    lines = [f"  # confidence {participant.evidence.confidence:.2f}", f"  - event: {event_id}"]
    if default in draft.ids.taken:
        lines.append(f"    id: {draft.ids.new(slug(f'{event_id} {agent} {participant.role}', 40))}")
    draft.ids.taken.add(default)
    lines += [f"    agent: {agent}", f"    role: {participant.role}"]
    if capacities:
        lines.append(f"    as: [{', '.join(dict.fromkeys(capacities))}]")
    lines.append(f"    status: {participant.status}")
    lines.extend(_quotes(quotes, "    "))
    if participant.notes:
        lines.append(f"    note: {_q(' '.join(participant.notes))}")
    draft.participations.append(lines)


def _affiliations(
    draft: _Draft, participant: Participant, person: str, organisation: str | None
) -> list[str]:
    status, note = participant.status, " ".join(participant.notes) or None
    if status == "stated" and participant.organisation_status == "inferred":
        status, note = "inferred", participant.organisation_note
    elif participant.organisation_note and note is None:
        note = participant.organisation_note
    ids = []
    for title in participant.job_titles or (None,):
        if title is None and organisation is None:
            continue
        found = draft.affiliations.get((person, organisation, title))
        if found is not None:
            ids.append(found[0])
            continue
        ident = draft.ids.new(slug(f"{person} {title or organisation}", 10))
        lines = [f"  - id: {ident}", f"    person: {person}"]
        if organisation is not None:
            lines.append(f"    organisation: {organisation}")
        if title is not None:
            lines.append(f"    title: {{{draft.result.language}: {_q(title)}}}  # add en: a translation")
        lines.append(f"    status: {status}")
        lines.extend(_quotes([participant.evidence.quote], "    "))
        if note is not None:
            lines.append(f"    note: {_q(note)}")
        draft.affiliations[(person, organisation, title)] = (ident, lines)
        ids.append(ident)
    return ids


def _render(draft: _Draft, source_id: str, text_name: str) -> str:
    result = draft.result
    people = sum(1 for p in result.participants if p.kind == "person")
    organisations = sum(1 for p in result.participants if p.kind == "organisation")
    detected = result.detected_language or "unknown"
    title = result.title or next((e.name for e in result.events if e.name), None) or Path(result.source).stem
    out = [
        f"# Draft made by `seminargraph extract` from {Path(result.source).name}. Review it, then build it:",
        "#   - check every person, job title, organisation and role against its quote;",
        '#   - a note starting "REVIEW:" marks what extraction was unsure of or read between the lines;',
        '#     check it, then set the status to "stated" or write your own note;',
        "#   - add English names and titles (en: ...), organisation kinds and years the text gives.",
        f"# The source text is {text_name}, beside this file; every quote occurs in it.",
        f"# Found {len(result.events)} event(s), {people} participation(s) of people and "
        f"{organisations} of organisations. Language: {result.language} (detected: {detected}).",
        *(f"# warning: {w}" for w in result.warnings),
        "",
        "source:",
        f"  id: {source_id}",
        f"  title: {_q(title)}",
        f"  text: {_q(text_name)}",
        f"  language: {result.language}",
    ]
    sections: list[tuple[str, list[list[str]]]] = [
        ("organisations", [lines for _i, lines in draft.organisations.values()]),
        ("people", [lines for _i, lines in draft.people.values()]),
        ("events", [lines for _i, lines in draft.events]),
        ("affiliations", [lines for _i, lines in draft.affiliations.values()]),
        ("participations", draft.participations),
    ]
    for name, entries in sections:
        if entries:
            out += ["", f"{name}:"]
            for lines in entries:
                out.extend(lines)
    # Values are JSON-quoted; a line break can only come into a comment (from a file name or
    # a warning), where it would end the comment and start YAML of its own.
    return "\n".join(_LINE_BREAKS.sub(" ", line) for line in out) + "\n"
