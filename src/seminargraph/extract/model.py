"""What extraction finds: events and participants, each with the evidence a reader can check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Evidence:
    """The quoted text that states an item, its offsets in the normalised text, and a confidence.

    ``more`` holds further quotes that the item also rests on (the "Medverkande:" line above a
    list entry).
    """

    quote: str
    start: int
    end: int
    confidence: float
    more: tuple[Span, ...] = ()

    def to_dict(self, text: str) -> dict[str, Any]:
        found: dict[str, Any] = {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
        }
        if self.more:
            found["also"] = [{"quote": text[s:e], "start": s, "end": e} for s, e in self.more]
        return found


@dataclass(frozen=True)
class Participant:
    """A person or organisation taking part in an event, every field as written in the text."""

    kind: str  # person | organisation
    name: str
    role: str
    evidence: Evidence
    job_title: str | None = None  # the phrase that gives the titles, as written
    job_titles: tuple[str, ...] = ()  # each title on its own ("konsultchef", "beslutsstödskonsult")
    organisation: str | None = None
    party: str | None = None
    status: str = "stated"  # stated | inferred | ambiguous
    notes: tuple[str, ...] = ()
    organisation_status: str = "stated"
    organisation_note: str | None = None
    spans: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def to_dict(self, text: str) -> dict[str, Any]:
        found: dict[str, Any] = {
            "name": self.name,
            "job_title": self.job_title,
            "job_titles": list(self.job_titles),
            "organisation": self.organisation,
            "role": self.role,
            "kind": self.kind,
            "party": self.party,
            "status": self.status,
            "evidence": self.evidence.to_dict(text),
            "spans": {
                key: list(spans[0]) if key in ("name", "organisation", "party") else [list(s) for s in spans]
                for key, spans in self.spans.items()
            },
        }
        if self.organisation is not None:
            found["organisation_status"] = self.organisation_status
        if self.notes or self.organisation_note:
            found["notes"] = [*self.notes, *([self.organisation_note] if self.organisation_note else [])]
        return found


@dataclass(frozen=True)
class Nesting:
    """The event is part of ``parent`` (an index into the events of the result)."""

    parent: int
    status: str
    evidence: Evidence
    note: str | None = None


@dataclass(frozen=True)
class ExtractedEvent:
    """An event the text describes: its title as written, a name for the draft, its participants."""

    title: str | None
    name: str | None
    evidence: Evidence | None
    participants: tuple[Participant, ...] = ()
    part_of: Nesting | None = None

    def to_dict(self, text: str, events: tuple[ExtractedEvent, ...]) -> dict[str, Any]:
        part_of = None
        if self.part_of is not None:
            parent = events[self.part_of.parent]
            part_of = {
                "title": parent.title,
                "status": self.part_of.status,
                "evidence": self.part_of.evidence.to_dict(text),
            }
            if self.part_of.note:
                part_of["note"] = self.part_of.note
        return {
            "title": self.title,
            "name": self.name,
            "evidence": self.evidence.to_dict(text) if self.evidence else None,
            "part_of": part_of,
            "participants": [p.to_dict(text) for p in self.participants],
        }


@dataclass(frozen=True)
class ExtractionResult:
    """Everything found on one page, and the text it was found in."""

    source: str  # the file name (or a label for text given directly)
    text: str  # the page text: the file as given, or the visible text of an HTML page
    normalised: str  # ``text`` with whitespace normalised: what every offset refers to
    language: str
    detected_language: str | None
    events: tuple[ExtractedEvent, ...]
    title: str | None = None  # the page's own title (HTML <title>), when it has one
    is_html: bool = False
    warnings: tuple[str, ...] = ()
    #: Names of people the page writes (by their shape and given name) that no rule placed in an
    #: event: the reviewer checks whether they take part (they are also in ``warnings``).
    unplaced: tuple[str, ...] = ()

    @property
    def participants(self) -> list[Participant]:
        """Return every participant of every event, in order."""
        return [p for event in self.events for p in event.participants]

    def to_dict(self) -> dict[str, Any]:
        """Return the result as plain data (the shape ``extract --format json`` prints)."""
        return {
            "source": self.source,
            "language": self.language,
            "detected_language": self.detected_language,
            "html": self.is_html,
            "warnings": list(self.warnings),
            "unplaced": list(self.unplaced),
            "events": [event.to_dict(self.normalised, self.events) for event in self.events],
        }
