"""Import programme tables into a store: read, resolve, write N-Triples, derive, validate, bulk-load.

The steps, for the files of one import together:

1. read each table's organiser column: the organisers named alone are the known organisers, by
   which cells that list several are split;
2. read every row, collect the names of people and organisations, and resolve them into one id
   each across all files (:mod:`.resolve`);
3. read every row again and write its event, organisers, people, affiliations and participations
   as N-Triples lines, with a source document per row that holds the cells the facts are quoted
   from (file, line, programme id, column);
4. per file: load the lines into an in-memory Oxigraph store, derive the shortcut edges with the
   project's one derive query, validate, and dump the graph;
5. replace, in the store, the graphs whose content changed (an unchanged file is not written
   again), all in one atomic load.

Nothing is written when any step fails, unless ``skip_bad_rows`` is set: then the rows that cannot
be read are left out and listed in the report.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..bulk import derive_update
from ..errors import SourceError, StoreError, ValidationFailed
from ..inputs.mapping import NOTE_LANGUAGE, Minter
from ..ontology import ONTOLOGY_GRAPH, terms
from ..rdfio import write_atomic
from ..store import BASE_FILE, StoreSpec, as_spec, base_of, disk, graphs_as_ntriples, oxigraph_of, remote
from ..vocab import SG
from .cells import Entry, Unreadable, split_organisers
from .ntriples import RDF_TYPE, Lines, iri, text, typed
from .prose import ProseReading, read_prose
from .resolve import (
    Appearance,
    Decision,
    Organisations,
    People,
    organisation_key,
    person_key,
    read_review,
    slug,
    write_review,
)
from .rows import RowReading, read_row
from .spec import TableMapping, load_mapping
from .tables import read_table, table_format

#: Language of the labels the programme gives in its own language (topics, formats, organisers).
LABEL_LANGUAGE = "sv"


def _p(name: str) -> str:
    return f"<{SG}{name}>"


@dataclass(frozen=True)
class BadRow:
    """A row or entry that was not imported, and why."""

    where: str
    reason: str


@dataclass
class ImportReport:
    """What an import read, resolved and wrote."""

    store: str
    files: list[str] = field(default_factory=list)
    rows: int = 0
    repeated_rows: int = 0
    events: int = 0
    people: int = 0
    organisations: int = 0
    participations: int = 0
    affiliations: int = 0
    merges: int = 0
    proposed: int = 0
    accepted: int = 0
    #: with read_prose: rows whose prose was read, and what it gave
    prose_rows: int = 0
    prose_people: int = 0
    prose_organisations: int = 0
    #: people the prose names who are also in the row's people columns (imported from those)
    prose_repeated: int = 0
    #: names the extraction saw in a row's prose and could not place: (file:line, name)
    prose_unplaced: list[tuple[str, str]] = field(default_factory=list)
    #: (file:line, name, role) of each person read from prose, for the prose report
    prose_found: list[tuple[str, str, str]] = field(default_factory=list)
    triples: int = 0
    graphs_written: list[str] = field(default_factory=list)
    graphs_unchanged: list[str] = field(default_factory=list)
    #: What an interrupted load or import had left in the store, removed before this one wrote.
    leftovers: list[str] = field(default_factory=list)
    skipped_rows: list[BadRow] = field(default_factory=list)
    unread_entries: list[BadRow] = field(default_factory=list)
    validation: str = ""
    review: str | None = None
    seconds: float = 0.0
    #: seconds spent in each step: read and resolve, write, derive, validate, load
    steps: dict[str, float] = field(default_factory=dict)

    def step(self, name: str, began: float) -> float:
        """Record the time since ``began`` for step ``name``; return now."""
        now = time.monotonic()
        self.steps[name] = self.steps.get(name, 0.0) + now - began
        return now

    def text(self) -> str:
        """A few lines for people."""
        lines = [
            f"read {self.rows:,} rows from {len(self.files)} file(s)"
            + (
                f" ({self.repeated_rows} repeated an earlier row exactly and were imported once)"
                if self.repeated_rows
                else ""
            ),
            f"  {self.events:,} events, {self.people:,} people, {self.organisations:,} organisations, "
            f"{self.participations:,} participations, {self.affiliations:,} affiliations",
            f"  merges: {self.merges:,} made, {self.proposed:,} proposed for review, "
            f"{self.accepted:,} accepted" + (f" (review file: {self.review})" if self.review else ""),
        ]
        if self.prose_rows:
            lines.append(
                f"  read the prose of {self.prose_rows:,} rows: {self.prose_people:,} people and "
                f"{self.prose_organisations:,} organisations taking part (inferred or ambiguous, not checked "
                f"by a person); {self.prose_repeated:,} people also in the people columns; "
                f"{len(self.prose_unplaced):,} names seen but not placed"
            )
        if self.unread_entries:
            first = "; ".join(f"{b.where}: {b.reason}" for b in self.unread_entries[:3])
            lines.append(f"  {len(self.unread_entries)} entries name no person that can be written: {first}")
        if self.skipped_rows:
            lines.append(
                f"  {len(self.skipped_rows)} rows skipped (--skip-bad-rows): {self.skipped_rows[0].where}: "
                f"{self.skipped_rows[0].reason}"
            )
        if self.validation:
            lines.append(f"  {self.validation}")
        if self.graphs_written:
            lines.append(
                f"wrote {len(self.graphs_written)} graph(s), {self.triples:,} triples, into {self.store}"
            )
        if self.graphs_unchanged:
            lines.append(f"{len(self.graphs_unchanged)} graph(s) unchanged, not written again")
        if self.leftovers:
            lines.append(f"removed what an interrupted load had left: {', '.join(self.leftovers)}")
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.steps.items())
        lines.append(f"took {self.seconds:.1f} s" + (f" ({steps})" if steps else ""))
        return "\n".join(lines)


@dataclass
class _Table:
    path: Path
    fmt: str
    source_id: str


@dataclass
class _Linked:
    """The authored data an import links to: its graphs as N-Triples and the ids it defines."""

    graphs: dict[str, bytes]
    people: dict[str, str]
    organisations: set[str]
    events: set[str]


def import_tables(
    paths: Sequence[Path | str],
    mapping: TableMapping | str,
    *,
    store: StoreSpec | str,
    base: str | None = None,
    review: Path | None = None,
    keep_contact_details: bool = False,
    skip_bad_rows: bool = False,
    validate: bool = True,
    linked_data: bool = True,
    read_prose: bool = False,
    on_rows: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the programme tables at ``paths`` into ``store`` by ``mapping`` (a TableMapping or its name).

    With ``read_prose``, the people and organisations that the title and description columns name
    are read by ``seminargraph extract`` and imported too, as inferred or ambiguous facts
    (:mod:`.prose`).
    """

    began = time.monotonic()
    spec = as_spec(store)
    base = base or base_of(spec)
    if spec.kind == "memory":
        raise StoreError(
            "a memory store holds nothing between commands; import into oxigraph:DIR or an http(s) store"
        )
    table_mapping = load_mapping(mapping) if isinstance(mapping, str) else mapping
    job = _Import(table_mapping, Minter(base), keep_contact_details, skip_bad_rows, on_rows)
    if read_prose and not table_mapping.description_columns:
        raise SourceError(
            "--read-prose needs description columns in the mapping (columns.description)",
            path=Path(table_mapping.path),
        )
    job.read_prose = read_prose
    report = ImportReport(store=str(spec))
    tables = job.tables([Path(p) for p in paths])
    report.files = [str(t.path) for t in tables]
    linked = _linked(table_mapping, base) if linked_data else _Linked({}, {}, set(), set())
    decisions = read_review(review) if review is not None else {}
    job.validate = validate
    job.digest = _input_digest(
        tables, table_mapping, decisions, base, keep_contact_details, linked_data, skip_bad_rows, read_prose
    )
    mark = report.step("linked data", began)
    if _unchanged(spec, job, tables):
        report.step("compare", mark)
        report.graphs_unchanged = [str(job.m.graph(t.source_id)) for t in tables]
        report.validation = "the tables, the mapping, the decisions and the options are as last imported"
        report.seconds = time.monotonic() - began
        return report
    try:
        graphs, lines = job.run(tables, linked, decisions, report)
        mark = report.step("read, resolve and write", mark)
        everything: dict[str, bytes | Future[bytes]] = {
            str(ONTOLOGY_GRAPH): _ontology_ntriples(),
            **linked.graphs,
        }
        everything.update(graphs)
        lazy = _Lazy(everything)
        report.leftovers = _write(spec, lazy, base)
        report.graphs_written = sorted(everything)
        report.triples = lazy.triples
    finally:
        job.pool.shutdown(wait=True, cancel_futures=True)
    for name in ("derive", "validate"):
        report.steps[f"{name} (beside the rest)"] = job.timings.get(name, 0.0)
    report.validation = (
        f"validated {len(tables)} graph(s) against the shapes (run as SPARQL by Oxigraph)"
        if validate
        else "not validated (--no-validate)"
    )
    mark = report.step("load (after writing)", mark)
    if review is not None:
        write_review(review, lines)
        report.review = str(review)
    report.seconds = time.monotonic() - began
    return report


class _Import:
    def __init__(
        self,
        mapping: TableMapping,
        minter: Minter,
        keep_contact_details: bool,
        skip_bad_rows: bool,
        on_rows: Callable[[int], None] | None,
    ) -> None:
        self.mapping = mapping
        self.m = minter
        self.keep = keep_contact_details
        self.skip = skip_bad_rows
        self.on_rows = on_rows
        self.known: set[str] = set(mapping.parties.values()) | set(mapping.known_organisations)
        self.pool = ThreadPoolExecutor(max_workers=2)
        self.validate = True
        self.digest = ""
        self.timings: dict[str, float] = {}
        self.lock = threading.Lock()
        self.bad: set[tuple[str, int]] = set()
        self.repeated: set[tuple[str, int]] = set()
        self.read_prose = False
        #: what the prose of each row gave, read once in the first pass: (file, line) -> reading
        self.prose: dict[tuple[str, int], ProseReading] = {}

    def tables(self, paths: list[Path]) -> list[_Table]:
        if not paths:
            raise SourceError("give at least one programme table (CSV, TSV or JSON Lines)")
        found = []
        seen: dict[str, Path] = {}
        for path in paths:
            if not path.is_file():
                raise SourceError("no such file; give the path of a programme table", path=path)
            source_id = slug(self.mapping.source_id.format(stem=path.stem, year=path.stem))
            if source_id in seen:
                raise SourceError(
                    f"gives the same source id {source_id!r} as {seen[source_id]}; each table needs its own",
                    path=path,
                )
            seen[source_id] = path
            found.append(_Table(path, table_format(path, self.mapping.format), source_id))
        return found

    def rows(self, table: _Table) -> Iterator[tuple[int, RowReading | None, SourceError | None]]:
        """Every row of ``table``, read; a row that cannot be read comes with its error."""
        needed = list(dict.fromkeys(self.mapping.columns.values()))
        _header, rows = read_table(table.path, table.fmt, needed)
        for row in rows:
            try:
                yield row.line, read_row(row, self.mapping, table.path, known_organisations=self.known), None
            except SourceError as exc:
                if not self.skip:
                    raise
                yield row.line, None, exc

    def learn_organisers(self, tables: list[_Table]) -> None:
        column = self.mapping.organiser_column
        if column is None:
            return
        for table in tables:
            _header, rows = read_table(table.path, table.fmt, [column])
            for row in rows:
                cell = " ".join(row.text(column).split())
                if cell and ", " not in cell:
                    self.known.add(cell)

    def run(
        self,
        tables: list[_Table],
        linked: _Linked,
        decisions: dict[tuple[str, str, str], Decision],
        report: ImportReport,
    ) -> tuple[dict[str, Future[bytes]], list[Decision]]:
        self.learn_organisers(tables)
        organisations, people = Organisations(), People()
        # (name, where, organisation, party) of every person named: resolved once all are read
        appearances: list[tuple[str, str, str | None, str | None]] = []
        for table in tables:
            seen: dict[str, tuple[int, tuple[tuple[str, str], ...]]] = {}
            for line, reading, error in self.rows(table):
                where = f"{table.path.name}:{line}"
                if reading is None:
                    assert error is not None
                    report.skipped_rows.append(BadRow(where, error.reason))
                    self.bad.add((str(table.path), line))
                    continue
                if self._repeated(table, reading, seen, report):
                    continue
                for name, _status, _note in split_organisers(reading.organiser_cell, self.known):
                    organisations.add(name)
                for cell in reading.people:
                    for n, entry in enumerate(cell.entries):
                        if isinstance(entry, Unreadable):
                            continue
                        if entry.organisation:
                            organisations.add(entry.organisation)
                        if entry.party:
                            organisations.add(entry.party)
                        appearances.append(
                            (entry.name, f"{where}:{cell.column}:{n}", entry.organisation, entry.party)
                        )
                if self.read_prose:
                    prose = self.read_row_prose(reading)
                    self.prose[(str(table.path), line)] = prose
                    report.prose_rows += 1
                    report.prose_repeated += prose.repeated
                    report.prose_unplaced += [(where, name) for name in prose.unplaced]
                    for org in prose.organisations:
                        organisations.add(org.name)
                    for cell in prose.people:
                        for n, entry in enumerate(cell.entries):
                            if isinstance(entry, Unreadable):
                                continue
                            for other in (entry.organisation, entry.party):
                                if other:
                                    organisations.add(other)
                            appearances.append(
                                (entry.name, f"{where}:{cell.column}:p{n}", entry.organisation, entry.party)
                            )
        org_ids, org_names, org_lines = organisations.resolve(linked.organisations)
        for name, at, organisation, party in appearances:
            orgs = frozenset(org_ids[organisation_key(o)] for o in (organisation, party) if o)
            people.add(Appearance(name, orgs, at))
        person_of, person_names, person_lines = people.resolve(linked.people, decisions)
        lines = org_lines + person_lines
        report.merges = sum(1 for d in lines if d.decision == "merged")
        report.proposed = sum(1 for d in lines if d.decision == "")
        report.accepted = sum(1 for d in lines if d.decision == "accept")
        writer = _Writer(self, linked, org_ids, org_names, person_of, person_names, report)
        graphs: dict[str, Future[bytes]] = {}
        for table in tables:
            name = str(self.m.graph(table.source_id))
            # Oxigraph derives, validates and dumps one table while Python writes the next.
            graphs[name] = self.pool.submit(self.finish, name, writer.table(table), linked)
        report.organisations = len(writer.all_orgs)
        report.people = len(writer.all_people)
        return graphs, lines

    def read_row_prose(self, reading: RowReading) -> ProseReading:
        """The people and organisations the row's prose names (not those of its people columns)."""
        # A contact person the prose names as a speaker takes part as well: only the people of
        # the other people columns are not read again.
        contacts = {column.column for column in self.mapping.people if column.contact}
        structured = {
            person_key(entry.name)
            for cell in reading.people
            if cell.column not in contacts
            for entry in cell.entries
            if isinstance(entry, Entry)
        }
        return read_prose(
            reading,
            self.mapping.description_columns,
            self.mapping.title_column,
            self.mapping.parties,
            structured,
        )

    def finish(self, name: str, data: bytes, linked: _Linked) -> bytes:
        """Derive the shortcut edges of one table's graph, validate it, and return its N-Triples."""
        began = time.monotonic()
        graph = ox.NamedNode(name)
        store = ox.Store()
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        store.update(derive_update(name))  # the one derive query, as `load` runs it
        derived = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        self.timed("derive", began)
        if self.validate:
            began = time.monotonic()
            # With the ontology (for sub-classes and its roles) and the data the table links to.
            for other, other_data in ((str(ONTOLOGY_GRAPH), _ontology_ntriples()), *linked.graphs.items()):
                store.bulk_load(other_data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(other))
            report = _check(store)
            self.timed("validate", began)
            if not report.conforms:
                raise ValidationFailed(report)
        return derived

    def timed(self, step: str, began: float) -> None:
        """Add the time since ``began`` to ``step`` (the workers run two at a time)."""
        with self.lock:
            self.timings[step] = self.timings.get(step, 0.0) + time.monotonic() - began

    def _repeated(
        self,
        table: _Table,
        reading: RowReading,
        seen: dict[str, tuple[int, tuple[tuple[str, str], ...]]],
        report: ImportReport,
    ) -> bool:
        if self.mapping.rows == "participation":
            return False
        cells = tuple(sorted(reading.cells.items()))
        earlier = seen.get(reading.record_id)
        if earlier is None:
            seen[reading.record_id] = (reading.line, cells)
            return False
        if earlier[1] == cells:
            self.repeated.add((str(table.path), reading.line))
            return True
        error = SourceError(
            f"the programme id {reading.record_id!r} is also the id of line {earlier[0]}, with other "
            "cells; each event needs its own id",
            path=table.path,
            line=reading.line,
            field=self.mapping.id_column,
        )
        if not self.skip:
            raise error
        report.skipped_rows.append(BadRow(f"{table.path.name}:{reading.line}", error.reason))
        self.bad.add((str(table.path), reading.line))
        return True


class _Writer:
    """Writes the N-Triples of each table; ids and names come resolved."""

    def __init__(
        self,
        job: _Import,
        linked: _Linked,
        org_ids: dict[str, str],
        org_names: dict[str, str],
        person_of: dict[tuple[str, str], str],
        person_names: dict[str, str],
        report: ImportReport,
    ) -> None:
        self.job = job
        self.mapping = job.mapping
        self.m = job.m
        self.linked = linked
        self.org_ids = org_ids
        self.org_names = org_names
        self.person_of = person_of
        self.person_names = person_names
        self.report = report
        self.all_orgs: set[str] = set()
        self.all_people: set[str] = set()

    # --- per table

    def table(self, table: _Table) -> bytes:
        out = Lines()
        self.out = out
        self.table_ = table
        self.written: set[str] = set()
        count = 0
        for line, reading, _error in self.job.rows(table):
            if (
                reading is None
                or (str(table.path), line) in self.job.bad
                or (str(table.path), line) in self.job.repeated
            ):
                continue
            self.row(reading)
            count += 1
            self.report.rows += 1
            if self.job.on_rows is not None:
                self.job.on_rows(1)
        self.report.repeated_rows += sum(1 for p, _ in self.job.repeated if p == str(table.path))
        t = iri(self.m.source(table.source_id))
        out.add(t, RDF_TYPE, _p("SourceTable"))
        out.add(t, _p("identifier"), text(table.source_id))
        out.add(t, _p("fileName"), text(table.path.name))
        out.add(t, _p("rows"), typed(str(count), "integer"))
        out.add(t, _p("sha256"), text(self.job.digest))
        return out.data()

    def once(self, key: str) -> bool:
        if key in self.written:
            return False
        self.written.add(key)
        return True

    # --- per row

    def row(self, r: RowReading) -> None:
        lang = r.languages[0]
        doc_id = f"{self.table_.source_id}-{slug(r.record_id)}"
        if self.mapping.rows == "participation":
            doc_id += f"-line-{r.line}"  # the event's id is on every row of it
        doc = iri(self.m.source(doc_id))
        self.doc_id = doc_id
        content, offsets = self.content(r)
        self.doc, self.content_, self.offsets, self.lang = doc, content, offsets, lang
        out = self.out
        out.add(doc, RDF_TYPE, _p("SourceDocument"))
        out.add(doc, _p("identifier"), text(doc_id))
        out.add(doc, _p("title"), text(r.title, lang))
        out.add(doc, _p("language"), text(lang))
        out.add(doc, _p("fileName"), text(self.table_.path.name))
        out.add(doc, _p("content"), text(content, lang))
        out.add(doc, _p("line"), typed(str(r.line), "integer"))
        out.add(doc, _p("recordId"), text(r.record_id))
        out.add(doc, _p("table"), iri(self.m.source(self.table_.source_id)))
        event_id = self.event_id(r)
        # One row per participation repeats the event's cells: its facts are written once.
        if self.once(f"event {event_id}"):
            self.event(r, event_id)
        for cell in r.people:
            for n, entry in enumerate(cell.entries):
                where = f"{self.table_.path.name}:{r.line}:{cell.column}:{n}"
                if isinstance(entry, Unreadable):
                    self.report.unread_entries.append(
                        BadRow(
                            f"{self.table_.path.name}:{r.line} {cell.column}",
                            f"{entry.quote!r}: {entry.reason}",
                        )
                    )
                    continue
                self.person(event_id, cell.column, entry, where)
        prose = self.job.prose.get((str(self.table_.path), r.line))
        if prose is not None:
            self.prose(event_id, r, prose)

    def prose(self, event_id: str, r: RowReading, prose: ProseReading) -> None:
        """What the row's prose gave: its people and organisations, for the row's event."""
        at = f"{self.table_.path.name}:{r.line}"
        for cell in prose.people:
            for n, entry in enumerate(cell.entries):
                if isinstance(entry, Unreadable):
                    self.report.unread_entries.append(
                        BadRow(f"{at} {cell.column}", f"{entry.quote!r}: {entry.reason}")
                    )
                    continue
                self.person(event_id, cell.column, entry, f"{at}:{cell.column}:p{n}")
                self.report.prose_people += 1
                self.report.prose_found.append((at, entry.name, entry.role))
        for org in prose.organisations:
            ident = self.organisation(org.name)
            self.participation(
                event_id, ident, org.role, org.status, org.note, (), org.column, org.quote, person=False
            )
            self.report.prose_organisations += 1

    def event(self, r: RowReading, event_id: str) -> None:
        """The event of row ``r``: its names, time, place, topics, year, organisers."""
        mapping = self.mapping
        lang = self.lang
        out = self.out
        e = iri(self.m.event(event_id))
        if event_id not in self.linked.events:
            out.add(e, RDF_TYPE, _p("Event"))
            out.add(e, RDF_TYPE, iri(str(terms().event_types[r.event_type])))
            out.add(e, _p("identifier"), text(event_id))
            out.add(e, _p("name"), text(r.title, lang))
        self.report.events += 1
        out.add(e, _p("year"), typed(r.year, "gYear"))
        if r.start:
            out.add(e, _p("startTime"), typed(r.start, "dateTime"))
        if r.end:
            out.add(e, _p("endTime"), typed(r.end, "dateTime"))
        if mapping.place_column and mapping.place_column in r.cells:
            out.add(e, _p("place"), text(r.cells[mapping.place_column]))
        if mapping.format_column and mapping.format_column in r.cells:
            out.add(e, _p("format"), text(r.cells[mapping.format_column], LABEL_LANGUAGE))
        for code in r.languages:
            out.add(e, _p("inLanguage"), text(code))
        for column in mapping.topic_columns:
            if column in r.cells:
                self.topic(event_id, column, r.cells[column])
        edition = self.edition(r)
        when = mapping.start_column if mapping.start_column in r.cells else mapping.title_column
        self.inclusion(
            event_id, edition, "stated", None, when or mapping.title_column, r.cells.get(when or "", r.title)
        )
        for name, status, note in split_organisers(r.organiser_cell, self.job.known):
            self.organiser(event_id, name, status, note)

    def content(self, r: RowReading) -> tuple[str, dict[str, int]]:
        """The row's text as kept in the graph: a line per mapped cell, the quotes' source."""
        parts: list[str] = []
        offsets: dict[str, int] = {}
        size = 0
        people = {c.column: c for c in r.people}
        for column in dict.fromkeys(self.mapping.columns.values()):
            if column in people:
                # An entry that names two people ("A/B, title, Org") is one line of the text.
                values = list(dict.fromkeys(self.entry_text(e) for e in people[column].entries))
            elif column in r.cells:
                values = [r.cells[column]]
            else:
                continue
            for value in values:
                line = f"{column}: {value}"
                offsets.setdefault(column, size + len(column) + 2)
                parts.append(line)
                size += len(line) + 1
        return "\n".join(parts), offsets

    def entry_text(self, entry: Entry | Unreadable) -> str:
        """An entry as the row's text keeps it: without contact details unless they are kept."""
        if self.job.keep and isinstance(entry, Entry):
            return entry.quote + "".join(f", {d}" for d in entry.contact_details)
        return entry.quote

    def evidence(self, fact: str, column: str, quote: str, n: int = 1) -> None:
        start = self.content_.find(quote, self.offsets.get(column, 0))
        if start < 0:
            start = self.content_.find(quote)
        assert start >= 0, (quote, column)
        ev = iri(self.m.evidence(fact, n))  # type: ignore[arg-type]
        out = self.out
        out.add(iri(fact), _p("evidence"), ev)
        out.add(ev, RDF_TYPE, _p("Evidence"))
        out.add(ev, _p("quote"), text(quote, self.lang))
        out.add(ev, _p("source"), self.doc)
        out.add(ev, _p("start"), typed(str(start), "integer"))
        out.add(ev, _p("end"), typed(str(start + len(quote)), "integer"))
        out.add(ev, _p("column"), text(column))

    def status(self, fact: str, status: str, note: str | None) -> None:
        self.out.add(iri(fact), _p("status"), _p(status.capitalize()))
        if note:
            self.out.add(iri(fact), _p("note"), text(note, NOTE_LANGUAGE))

    def event_id(self, r: RowReading) -> str:
        target = self.mapping.linked_events.get(r.record_id)
        if target is not None and target in self.linked.events:
            return target
        return slug(f"{self.table_.source_id}-{r.record_id}")

    def fact_prefix(self, event_id: str) -> str:
        """Facts about an event of the linked data are this table's own: their ids say so."""
        return f"{self.table_.source_id}--" if event_id in self.linked.events else ""

    def topic(self, event_id: str, column: str, label: str) -> None:
        # A fact of the row, as authored data has it: the cell is its evidence; the sg:topic
        # edge is derived from it.
        ident = slug(label)
        t = iri(self.m.topic(ident))
        fact = str(self.m.event_topic(self.doc_id, event_id, ident))
        if self.once(f"event-topic {fact}"):
            out = self.out
            out.add(iri(fact), RDF_TYPE, _p("EventTopic"))
            out.add(iri(fact), _p("identifier"), text(f"{event_id}--{ident}"))
            out.add(iri(fact), _p("ofEvent"), iri(self.m.event(event_id)))
            out.add(iri(fact), _p("ofTopic"), t)
            self.status(fact, "stated", None)
            self.evidence(fact, column, label)
        if self.once(f"topic {ident}"):
            self.out.add(t, RDF_TYPE, _p("Topic"))
            self.out.add(t, _p("identifier"), text(ident))
            self.out.add(t, _p("name"), text(label, LABEL_LANGUAGE))

    def edition(self, r: RowReading) -> str:
        festival_id, festival_name = self.mapping.festival.fill(year=r.year, stem=self.table_.path.stem)
        edition_id, edition_name = self.mapping.edition.fill(year=r.year, stem=self.table_.path.stem)
        out = self.out
        if self.once(f"festival {festival_id}") and festival_id not in self.linked.events:
            f = iri(self.m.event(festival_id))
            out.add(f, RDF_TYPE, _p("Event"))
            out.add(f, RDF_TYPE, _p("Festival"))
            out.add(f, _p("identifier"), text(festival_id))
            for lang, name in festival_name:
                out.add(f, _p("name"), text(name, lang))
        if self.once(f"edition {edition_id}"):
            e = iri(self.m.event(edition_id))
            if edition_id not in self.linked.events:
                out.add(e, RDF_TYPE, _p("Event"))
                out.add(e, RDF_TYPE, _p("Festival"))
                out.add(e, _p("identifier"), text(edition_id))
                for lang, name in edition_name:
                    out.add(e, _p("name"), text(name, lang))
            out.add(e, _p("year"), typed(r.year, "gYear"))
            column = (
                self.mapping.start_column
                if self.mapping.start_column in r.cells
                else self.mapping.title_column
            )
            assert column is not None
            note = (
                f"the table {self.table_.path.name} is read as the programme of {edition_id}, part of "
                f"{festival_id}, because the mapping {Path(self.mapping.path).name} says so; "
                f"its first row starts in {r.year}"
            )
            self.inclusion(edition_id, festival_id, "inferred", note, column, r.cells.get(column, r.title))
        return edition_id

    def inclusion(
        self, part: str, whole: str, status: str, note: str | None, column: str, quote: str
    ) -> None:
        # Minted per source document (the row), as for authored data.
        i = str(self.m.inclusion(self.doc_id, part, whole))
        if not self.once(f"inclusion {i}"):
            return
        out = self.out
        out.add(iri(i), RDF_TYPE, _p("EventInclusion"))
        out.add(iri(i), _p("identifier"), text(f"{part}--{whole}"))
        out.add(iri(i), _p("part"), iri(self.m.event(part)))
        out.add(iri(i), _p("whole"), iri(self.m.event(whole)))
        self.status(i, status, note)
        self.evidence(i, column, quote)

    def organisation(self, name: str) -> str:
        ident = self.org_ids[organisation_key(name)]
        self.all_orgs.add(ident)
        if ident not in self.linked.organisations and self.once(f"organisation {ident}"):
            o = iri(self.m.organisation(ident))
            self.out.add(o, RDF_TYPE, _p("Organisation"))
            self.out.add(o, _p("identifier"), text(ident))
            self.out.add(o, _p("name"), text(self.org_names[ident], LABEL_LANGUAGE))
        return ident

    def organiser(self, event_id: str, name: str, status: str, note: str | None) -> None:
        org = self.organisation(name)
        self.participation(
            event_id,
            org,
            "organiser",
            status,
            note,
            (),
            self.mapping.organiser_column or "",
            name,
            person=False,
        )

    def participation(
        self,
        event_id: str,
        agent: str,
        role: str,
        status: str,
        note: str | None,
        capacities: Sequence[str],
        column: str,
        quote: str,
        *,
        person: bool,
    ) -> None:
        ident = f"{self.fact_prefix(event_id)}{event_id}--{agent}--{role}"
        p = str(self.m.participation(ident))
        if not self.once(f"participation {p}"):
            return
        out = self.out
        out.add(iri(p), RDF_TYPE, _p("Participation"))
        out.add(iri(p), _p("identifier"), text(ident))
        out.add(iri(p), _p("event"), iri(self.m.event(event_id)))
        agent_iri = self.m.person(agent) if person else self.m.organisation(agent)
        out.add(iri(p), _p("agent"), iri(agent_iri))
        out.add(iri(p), _p("role"), iri(str(terms().roles[role])))
        for cap in capacities:
            out.add(iri(p), _p("inCapacityOf"), iri(self.m.affiliation(cap)))
        self.status(p, status, note)
        self.evidence(p, column, quote)
        self.report.participations += 1

    def person(self, event_id: str, column: str, entry: Entry, where: str) -> None:
        ident = self.person_of[(person_key(entry.name), where)]
        self.all_people.add(ident)
        pi = iri(self.m.person(ident))
        if ident not in self.linked.people and self.once(f"person {ident}"):
            self.out.add(pi, RDF_TYPE, _p("Person"))
            self.out.add(pi, _p("identifier"), text(ident))
            self.out.add(pi, _p("name"), text(self.person_names[ident]))
        if self.job.keep:
            for detail in entry.contact_details:
                prop = (
                    "<http://schema.org/email>"
                    if "@" in detail or "(at)" in detail
                    else "<http://schema.org/telephone>"
                )
                self.out.add(pi, prop, text(detail))
        capacities = []
        prefix = self.fact_prefix(event_id)
        if entry.titles or entry.organisation:
            aff = f"{prefix}{event_id}-{ident}-{entry.role}"
            if self.affiliation(
                aff, ident, entry.organisation, entry.titles, entry.status, entry.note, column, entry.quote
            ):
                capacities.append(aff)
        if entry.party and entry.party_tag:
            aff = f"{prefix}{event_id}-{ident}-party"
            note = f"the party tag ({entry.party_tag}) after the name is read as membership of {entry.party}"
            if self.affiliation(aff, ident, entry.party, (), "inferred", note, column, entry.quote):
                capacities.append(aff)
        status = entry.participation_status or ("inferred" if entry.role_note else "stated")
        self.participation(
            event_id, ident, entry.role, status, entry.role_note, capacities, column, entry.quote, person=True
        )

    def affiliation(
        self,
        ident: str,
        person: str,
        organisation: str | None,
        titles: Sequence[str],
        status: str,
        note: str | None,
        column: str,
        quote: str,
    ) -> bool:
        a = str(self.m.affiliation(ident))
        if not self.once(f"affiliation {a}"):
            return False
        out = self.out
        out.add(iri(a), RDF_TYPE, _p("Affiliation"))
        out.add(iri(a), _p("identifier"), text(ident))
        out.add(iri(a), _p("member"), iri(self.m.person(person)))
        if organisation:
            out.add(iri(a), _p("organisation"), iri(self.m.organisation(self.organisation(organisation))))
        for title in titles:
            out.add(iri(a), _p("jobTitle"), text(title, self.lang))
        self.status(a, status, note)
        self.evidence(a, column, quote)
        self.report.affiliations += 1
        return True


def _linked(mapping: TableMapping, base: str) -> _Linked:
    """Load the authored data the mapping links to (``builtin``: the built-in data)."""
    if not mapping.linked_data:
        return _Linked({}, {}, set(), set())
    from ..inputs import load_dataset

    paths: list[Path | str] = []
    for entry in mapping.linked_data:
        if entry == "builtin":
            continue
        path = Path(entry)
        paths.append(path if path.is_absolute() else Path(mapping.path).parent / path)
    dataset = load_dataset(paths, base=base)
    graphs = {name: data for name, data in graphs_as_ntriples(dataset).items() if name != str(ONTOLOGY_GRAPH)}
    people: dict[str, str] = {}
    organisations: set[str] = set()
    events: set[str] = set()
    found = dataset.query(
        "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?id ?kind ?name WHERE { "
        "?x sg:identifier ?id ; a ?kind . VALUES ?kind { sg:Person sg:Organisation sg:Event } "
        "OPTIONAL { ?x sg:name ?name FILTER (LANG(?name) = '') } }"
    )
    for ident, kind, name in found:  # type: ignore[misc]
        if kind == SG.Person:
            people[str(ident)] = str(name)
        elif kind == SG.Organisation:
            organisations.add(str(ident))
        else:
            events.add(str(ident))
    return _Linked(graphs, people, organisations, events)


@lru_cache(maxsize=1)
def _ontology_ntriples() -> bytes:
    from ..ontology import ontology_graph

    return ontology_graph().serialize(format="nt", encoding="utf-8")


def _check(store: ox.Store) -> Any:
    from ..validate_sparql import check_store

    return check_store(store)


class _Lazy(Mapping[str, bytes]):
    """Graphs by name whose N-Triples may still be on their way: the store's load waits for each."""

    def __init__(self, graphs: dict[str, bytes | Future[bytes]]) -> None:
        self.graphs = graphs
        self.triples = 0

    def __getitem__(self, name: str) -> bytes:
        value = self.graphs[name]
        data = value.result() if isinstance(value, Future) else value
        self.triples += data.count(b"\n")
        return data

    def __iter__(self) -> Iterator[str]:
        return iter(self.graphs)

    def __len__(self) -> int:
        return len(self.graphs)


def _input_digest(
    tables: list[_Table],
    mapping: TableMapping,
    decisions: dict[tuple[str, str, str], Decision],
    *options: object,
) -> str:
    """A digest of all an import reads: tables, mapping, decisions, options and the importer itself."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.glob("*.py")):
        digest.update(path.read_bytes())
    # The ontology's files, not its serialisation: rdflib writes triples in an order that changes
    # from one process to the next.
    ontology = resources.files("seminargraph").joinpath("resources/ontology")
    for name in ("seminargraph.ttl", "shapes.ttl"):
        digest.update(ontology.joinpath(name).read_bytes())
    digest.update(resources.files("seminargraph").joinpath("resources/derive.rq").read_bytes())
    if options[-1]:  # read_prose: the extraction's rules and word lists are inputs too
        extract = here.parent / "extract"
        for path in sorted([*extract.glob("*.py"), *extract.glob("wordlists/*.txt")]):
            digest.update(path.read_bytes())
    digest.update(Path(mapping.path).read_bytes())
    digest.update(repr(options).encode())
    for key in sorted(decisions):
        if decisions[key].decision in ("accept", "refuse"):
            digest.update(repr((key, decisions[key].decision)).encode())
    for table in tables:
        digest.update(table.path.name.encode() + b"\0" + table.path.read_bytes())
    return digest.hexdigest()


def _unchanged(spec: StoreSpec, job: _Import, tables: list[_Table]) -> bool:
    """True when every table's graph in the store was imported from exactly these inputs."""
    if spec.kind != "oxigraph" or disk.active_generation(Path(spec.location)) is None:
        return False
    dataset = disk.open_disk(Path(spec.location))
    try:
        inner = oxigraph_of(dataset)
        assert inner is not None
        for table in tables:
            found = inner.query(
                "ASK { GRAPH ?g { ?t a <https://seminargraph.example/ns#SourceTable> ; "
                "<https://seminargraph.example/ns#sha256> ?d } }",
                # the graph and the digest bound as terms, never pasted
                use_default_graph_as_union=False,
                substitutions={
                    ox.Variable("g"): ox.NamedNode(str(job.m.graph(table.source_id))),
                    ox.Variable("t"): ox.NamedNode(str(job.m.source(table.source_id))),
                    ox.Variable("d"): ox.Literal(job.digest),
                },
            )
            if not found:
                return False
        return True
    finally:
        dataset.close()


def _write(spec: object, graphs: Mapping[str, bytes], base: str) -> list[str]:
    """Write ``graphs`` into the store; return the leftovers of interrupted loads it removed."""
    assert isinstance(spec, StoreSpec)
    if spec.kind == "oxigraph":
        leftovers = disk.replace_graphs(Path(spec.location), graphs)
        # After the switch, as load does: a kill in between keeps the base of the data before.
        write_atomic({Path(spec.location) / BASE_FILE: f"{base}\n".encode()})
        return leftovers
    remote.replace_graphs(
        spec.location, graphs, clear=False, update_endpoint=None, graph_store=None, timeout=600.0
    )
    return []


__all__ = ["ImportReport", "import_tables"]
