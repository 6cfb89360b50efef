"""One programme row read into what it says: the event's fields, its organisers and its people.

Reading a row never writes anything: it returns a :class:`RowReading` or raises SourceError naming
the file, line and column. The importer reads every row twice, once to learn the names (so that
organiser lists can be split and people resolved across years) and once to write the graph.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..ontology import terms
from ..textfile import clean_string, normalise_space
from .cells import Entry, Unreadable, parse_time, people_entries, read_entries, read_entry
from .spec import PeopleColumn, TableMapping
from .tables import Row


@dataclass(frozen=True)
class PersonCell:
    """The people one cell names, each read, with the column they are in."""

    column: str
    entries: tuple[Entry | Unreadable, ...]


@dataclass(frozen=True)
class RowReading:
    """What one row says, with each cell as written (whitespace-normalised) for the evidence."""

    line: int
    record_id: str
    title: str
    year: str
    start: str | None
    end: str | None
    languages: tuple[str, ...]
    event_type: str
    cells: dict[str, str]  # column -> normalised text, of every mapped column that is not empty
    organiser_cell: str
    people: tuple[PersonCell, ...]
    #: the title and description cells as written (line breaks kept), for the prose reading
    raw: dict[str, str] = dataclasses.field(default_factory=dict)


def read_row(
    row: Row,
    mapping: TableMapping,
    path: Path,
    *,
    known_organisations: Collection[str],
) -> RowReading:
    """Read ``row`` by ``mapping``; SourceError names the file, line and column of what is wrong."""

    def fail(column: str | None, reason: str) -> SourceError:
        return SourceError(reason, path=path, line=row.line, field=column)

    cells: dict[str, str] = {}
    for column in mapping.columns.values():
        value = row.text(column)
        if value:
            try:
                cells[column] = clean_string(normalise_space(value))
            except ValueError as exc:
                raise fail(column, f"the cell {exc}; remove it") from None
    record_id = cells.get(mapping.id_column, "")
    if not record_id:
        raise fail(mapping.id_column, "the row has no programme id; every row needs one")
    title = cells.get(mapping.title_column, "")
    if not title:
        raise fail(mapping.title_column, "the row has no title")
    start = end = None
    try:
        if mapping.start_column and mapping.start_column in cells:
            start = parse_time(cells[mapping.start_column], mapping.time_format)
        if mapping.end_column and mapping.end_column in cells:
            end = parse_time(cells[mapping.end_column], mapping.time_format)
    except ValueError as exc:
        failed = mapping.end_column if start is not None else mapping.start_column
        raise fail(failed, f"{exc}; fix the cell or time_format in the mapping") from None
    year = start[:4] if start else (path.stem if path.stem.isdigit() and len(path.stem) == 4 else "")
    if not year:
        raise fail(mapping.start_column, "the row has no start time, and the file name gives no year")
    languages = mapping.language.codes(cells.get(mapping.language.column or "", ""))
    if languages is None:
        cell = cells.get(mapping.language.column or "", "")
        raise fail(
            mapping.language.column,
            f"the language {cell!r} is not in the mapping; add it under columns.language.values",
        )
    kinds = (
        mapping.event_type.codes(cells.get(mapping.event_type.column or "", "")) or mapping.event_type.default
    )
    people = tuple(_people(row, mapping, column, fail, known_organisations) for column in mapping.people)
    if mapping.rows == "participation":
        people += (_participation_person(mapping, cells, known_organisations, fail),)
    return RowReading(
        line=row.line,
        record_id=record_id,
        title=title,
        year=year,
        start=start,
        end=end,
        languages=languages,
        event_type=kinds[0],
        cells=cells,
        organiser_cell=cells.get(mapping.organiser_column or "", ""),
        people=people,
        raw={
            c: unicodedata.normalize("NFC", row.text(c))
            for c in (mapping.title_column, *mapping.description_columns)
            if c in cells
        },
    )


def _people(
    row: Row,
    mapping: TableMapping,
    column: PeopleColumn,
    fail: Callable[[str | None, str], SourceError],
    known: Collection[str],
) -> PersonCell:
    raw = row.cells.get(column.column, "")
    try:
        texts = list(raw) if isinstance(raw, list) else people_entries(raw, column.syntax)
    except ValueError as exc:
        raise fail(column.column, f"{exc}") from None
    entries = tuple(
        entry
        for text in texts
        for entry in read_entries(
            text,
            column.role,
            known_organisations=known,
            role_words=mapping.role_words,
            parties=mapping.parties,
            contact=column.contact,
        )
    )
    return PersonCell(column.column, entries)


def _participation_person(
    mapping: TableMapping,
    cells: dict[str, str],
    known: Collection[str],
    fail: Callable[[str | None, str], SourceError],
) -> PersonCell:
    columns = mapping.person_columns
    name_column = columns["name"]
    parts = [cells.get(name_column, "")]
    parts += [cells.get(columns[k], "") for k in ("title", "organisation") if k in columns]
    role = "participant"
    if "role" in columns:
        written = cells.get(columns["role"], "")
        role = mapping.role_words.get(written.casefold(), written.casefold() or "participant")
        if role not in terms().roles:
            raise fail(
                columns["role"],
                f"the role {written!r} is neither a role ({', '.join(terms().roles)}) nor in the "
                "mapping's role_words; add it there",
            )
    text = ", ".join(p for p in parts if p)
    if not parts[0]:
        return PersonCell(name_column, ())
    entry = read_entry(text, role, known_organisations=known, role_words={}, parties=mapping.parties)
    if isinstance(entry, Entry) and ("title" in columns or "organisation" in columns):
        # Separate columns leave nothing to guess: the title and organisation are what they say.
        title = cells.get(columns.get("title", ""), "")
        organisation = cells.get(columns.get("organisation", ""), "")
        entry = dataclasses.replace(
            entry,
            titles=(title,) if title else (),
            organisation=organisation or None,
            status="stated",
            note=None,
        )
    return PersonCell(name_column, (entry,))
