"""People and organisations named in a row's prose, read by ``seminargraph extract``.

With ``import --read-prose`` the importer gives each row's title and description columns to the
extraction (as one page, the way ``bench/extract_eval.py`` scores it) and imports what it finds
for the row's event: people with their role, job titles and organisation, and organisations
taking part. The facts are machine readings that no person has checked, so none of them is
stated: a reading the extraction calls stated is imported as inferred, an ambiguous one stays
ambiguous, each with a note that says so; the quote is the extraction's, found in the cell it
is in. Names the extraction saw but could not place are counted and listed in the prose report,
never dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..extract import extract_text
from ..extract.model import Participant
from ..ontology import terms
from ..textfile import normalise_space
from .cells import PERSON_NAME, Entry, Unreadable, clean_organisation
from .rows import PersonCell, RowReading

#: The note every fact read from prose carries (the extraction's own note, if any, follows it).
READ_NOTE = "read from the row's prose by seminargraph extract; not checked by a person"


@dataclass(frozen=True)
class ProseOrganisation:
    """An organisation the prose says takes part, with its role and the quote."""

    column: str
    name: str
    role: str
    status: str
    note: str
    quote: str


@dataclass(frozen=True)
class ProseReading:
    """What the extraction found in one row's prose."""

    people: tuple[PersonCell, ...]
    organisations: tuple[ProseOrganisation, ...]
    #: names the extraction saw and could not place in the event
    unplaced: tuple[str, ...]
    #: people the prose names who are also in the row's people columns (read from those only)
    repeated: int = 0


def read_prose(
    reading: RowReading,
    columns: Sequence[str],
    title_column: str,
    parties: Mapping[str, str],
    structured: set[str],
) -> ProseReading:
    """Extract from the title and ``columns`` of ``reading``; ``structured``: the person keys of
    the people the row's own columns name (those are not read again from the prose)."""
    from .resolve import person_key

    parts = [reading.raw.get(title_column, "")] + [reading.raw.get(c, "") for c in columns]
    page = "\n\n".join(p for p in parts if p.strip())
    if not any(reading.raw.get(c, "").strip() for c in columns):
        return ProseReading((), (), ())
    result = extract_text(page + "\n", name=f"line {reading.line}", lang="auto", html=False)
    cells = {c: reading.cells.get(c, "") for c in (title_column, *columns)}
    people: dict[str, list[Entry | Unreadable]] = {}
    organisations: list[ProseOrganisation] = []
    repeated = 0
    seen: set[tuple[str, str, str]] = set()
    for participant in result.participants:
        quote = normalise_space(participant.evidence.quote)
        column = _cell_of(quote, cells)
        if column is None and participant.spans:
            # The sentence runs over two cells (a title without a full stop): quote only the name
            # and what was read about it, which lie in one cell.
            spans = [span for found in participant.spans.values() for span in found]
            quote = normalise_space(result.normalised[min(s for s, _ in spans) : max(e for _, e in spans)])
            column = _cell_of(quote, cells)
        if participant.kind == "organisation":
            name = clean_organisation(participant.name)
            if column is None or name is None or participant.role not in terms().roles:
                continue
            key = ("organisation", name, participant.role)
            if key not in seen:
                seen.add(key)
                status, note = _status(participant)
                organisations.append(ProseOrganisation(column, name, participant.role, status, note, quote))
            continue
        if person_key(participant.name) in structured:
            repeated += 1
            continue
        key = ("person", person_key(participant.name), participant.role)
        if key in seen:
            continue
        seen.add(key)
        if column is None:
            where = next(iter(columns))
            people.setdefault(where, []).append(
                Unreadable(quote, f"the extraction's quote for {participant.name} runs over two cells")
            )
            continue
        people.setdefault(column, []).append(_entry(participant, quote, parties))
    return ProseReading(
        tuple(PersonCell(c, tuple(entries)) for c, entries in people.items()),
        tuple(organisations),
        tuple(result.unplaced),
        repeated,
    )


def _cell_of(quote: str, cells: Mapping[str, str]) -> str | None:
    return next((column for column, cell in cells.items() if quote and quote in cell), None)


def _status(participant: Participant) -> tuple[str, str]:
    status = "ambiguous" if participant.status == "ambiguous" else "inferred"
    return status, "; ".join((READ_NOTE, *participant.notes))


def _entry(participant: Participant, quote: str, parties: Mapping[str, str]) -> Entry | Unreadable:
    name = normalise_space(participant.name)
    if not PERSON_NAME.match(name):
        return Unreadable(quote, f"{name!r} is not a person's name as the shapes allow one")
    if participant.role not in terms().roles:
        return Unreadable(quote, f"the extraction's role {participant.role!r} is not a role of the ontology")
    status, note = _status(participant)
    organisation = clean_organisation(participant.organisation)
    affiliation_status = "ambiguous" if participant.organisation_status == "ambiguous" else "inferred"
    affiliation_note = "; ".join(n for n in (READ_NOTE, participant.organisation_note) if n)
    tag = (participant.party or "").strip("() ")
    title = normalise_space(participant.job_title or ", ".join(participant.job_titles))
    return Entry(
        quote=quote,
        name=name,
        # One job title per language, as the shapes allow: the phrase as written.
        titles=(title,) if title else (),
        organisation=organisation,
        party=parties.get(tag) if tag else None,
        party_tag=tag or None,
        role=participant.role,
        status=affiliation_status,
        note=affiliation_note,
        role_note=note,
        contact_details=(),
        participation_status=status,
    )
