"""Programme tables into a store: what a researcher relies on, and every bad input refused cleanly.

The fixtures in tests/data/programme/ are written here in the shape of the Almedalsveckan tables
(two made-up years, 2031 and 2032); the real tables are used only by the end-to-end test at the
bottom, which skips when ../shared/almedalsdata is absent.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from seminargraph.programme import import_tables, load_mapping
from seminargraph.programme.cells import Entry, read_entry, split_organisers

FIXTURES = Path(__file__).parent / "data" / "programme"
TABLES = [FIXTURES / "2031.csv", FIXTURES / "2032.csv"]
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "almedalsdata"
SG = "https://seminargraph.example/ns#"
PREFIX = f"PREFIX sg: <{SG}> "


def _import(tmp_path: Path, *tables: Path, **options: Any) -> tuple[Path, Any]:
    root = tmp_path / "kg"
    options.setdefault("linked_data", False)
    options.setdefault("review", tmp_path / "review.tsv")
    report = import_tables(list(tables or TABLES), "almedalsveckan", store=f"oxigraph:{root}", **options)
    return root, report


def _select(root: Path, query: str) -> list[tuple[str, ...]]:
    store = ox.Store.read_only(str(root / "active"))
    try:
        result = store.query(PREFIX + query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        return sorted({tuple("" if v is None else v.value for v in row) for row in result})
    finally:
        del store


def test_the_fixture_tables_import_and_participants_lists_their_people(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    root = tmp_path / "kg"
    result = run_cli(
        "import",
        *map(str, TABLES),
        "--mapping",
        "almedalsveckan",
        "--store",
        f"oxigraph:{root}",
        "--no-linked-data",
        "--review",
        str(tmp_path / "review.tsv"),
    )
    assert result.exit_code == 0, result.stderr
    assert "read 6 rows from 2 file(s)" in result.stdout
    assert "validated" in result.stdout
    rows = run_cli("query", "participants", "--store", f"oxigraph:{root}", "--format", "json", "--lang", "en")
    assert rows.exit_code == 0, rows.stderr
    found = {
        (r["event"], r["person"], r["role"], r["job_title"] or "", r["organisation"] or "")
        for r in json.loads(rows.stdout)
    }
    assert (
        "Vem bygger bron?",
        "Karin Ek",
        "participant",
        "kommunstyrelsens ordförande",
        "Alfa kommun",
    ) in found
    assert ("Vem bygger bron?", "Per Holm", "contact person", "kommunikatör", "Alfa kommun") in found
    assert (
        "Vem bygger bron?",
        "Olle Berg",
        "participant",
        "riksdagsledamot",
        "Riksdagen, Socialdemokraterna",
    ) in found


def test_events_have_dates_places_topics_and_sit_in_the_year_of_the_festival(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    rows = _select(
        root,
        """
        SELECT ?start ?end ?place ?topic ?edition ?festival WHERE {
          ?e sg:identifier "almedalsveckan-2031-9001" ; sg:startTime ?start ; sg:endTime ?end ;
             sg:place ?place ; sg:topic/sg:name ?topic ; sg:partOf ?ed .
          ?ed sg:identifier ?edition ; sg:partOf/sg:identifier ?festival
        }""",
    )
    assert rows == [
        (
            "2031-07-01T10:00:00",
            "2031-07-01T11:00:00",
            "Donners plats 1, Visby",
            "Infrastruktur",
            "almedalen-2031",
            "almedalsveckan",
        )
    ]
    types = _select(
        root,
        'SELECT ?dt WHERE { ?e sg:identifier "almedalsveckan-2031-9001" ; sg:startTime ?s '
        "BIND (STR(DATATYPE(?s)) AS ?dt) }",
    )
    assert types == [("http://www.w3.org/2001/XMLSchema#dateTime",)]


def test_a_topic_cell_is_a_stated_fact_with_the_cell_as_its_evidence(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    rows = _select(
        root,
        """
        SELECT ?status ?topic ?column ?quote ?line WHERE {
          ?f a sg:EventTopic ; sg:ofEvent/sg:identifier "almedalsveckan-2031-9001" ;
             sg:ofTopic/sg:name ?topic ; sg:status ?s ; sg:evidence ?ev .
          ?ev sg:column ?column ; sg:quote ?quote ; sg:source/sg:line ?line ; sg:start ?start ; sg:end ?end ;
              sg:source/sg:content ?text .
          FILTER (SUBSTR(?text, ?start + 1, ?end - ?start) = ?quote)
          BIND (STRAFTER(STR(?s), "#") AS ?status)
        }""",
    )
    assert rows == [("Stated", "Infrastruktur", "topic_1", "Infrastruktur", "2")]
    by_year = _select(
        root, 'SELECT ?n WHERE { ?e sg:identifier "almedalsveckan-2031-9001" ; sg:topic/sg:identifier ?n }'
    )
    assert by_year == [("infrastruktur",)]


def test_every_fact_names_the_file_line_programme_id_and_the_cell_it_was_read_from(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    rows = _select(
        root,
        """
        SELECT ?file ?line ?record ?column ?quote WHERE {
          ?p a sg:Participation ; sg:agent/sg:name "Olle Berg" ; sg:evidence ?ev .
          ?ev sg:column ?column ; sg:quote ?quote ; sg:source ?doc .
          ?doc sg:fileName ?file ; sg:line ?line ; sg:recordId ?record .
        }""",
    )
    assert rows == [("2031.csv", "2", "9001", "speakers", "Olle Berg (S), riksdagsledamot, Riksdagen")]
    facts = _select(
        root,
        "SELECT ?f WHERE { ?f a ?k VALUES ?k { sg:Participation sg:Affiliation } "
        "FILTER NOT EXISTS { ?f sg:evidence/sg:column ?c } }",
    )
    assert facts == []


def test_a_role_word_where_a_title_goes_is_the_role_and_says_so(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    rows = _select(
        root,
        """
        SELECT ?role ?status ?note ?org WHERE {
          ?p sg:event/sg:identifier "almedalsveckan-2031-9001" ; sg:agent/sg:name "Anna Lund" ; sg:role ?r ;
             sg:status ?s ; sg:note ?note ; sg:inCapacityOf/sg:organisation/sg:name ?org .
          BIND (STRAFTER(STR(?r), "#") AS ?role) BIND (STRAFTER(STR(?s), "#") AS ?status)
        }""",
    )
    assert rows == [
        (
            "ModeratorRole",
            "Inferred",
            "the programme writes 'Moderator' where a title goes: read as the role moderator",
            "Dagens Tidning",
        )
    ]


def test_contact_details_stay_out_unless_asked_for(tmp_path: Path) -> None:
    root, _ = _import(tmp_path)
    literals = _select(root, "SELECT ?o WHERE { ?s ?p ?o FILTER (ISLITERAL(?o)) }")
    assert literals, "the store holds the import"
    texts = " ".join(o for (o,) in literals)
    assert "per.holm@alfa.example" not in texts and "070-123 45 67" not in texts
    kept_root, _ = _import(tmp_path / "kept", keep_contact_details=True)
    mails = _select(kept_root, "SELECT ?m WHERE { ?p <http://schema.org/email> ?m }")
    assert mails == [("per.holm@alfa.example",)]


def test_people_and_organisations_are_one_node_across_years_where_the_evidence_agrees(tmp_path: Path) -> None:
    root, report = _import(tmp_path)
    people = _select(root, 'SELECT ?id WHERE { ?p a sg:Person ; sg:name "Karin Ek" ; sg:identifier ?id }')
    assert people == [("karin-ek",)]  # both years, same organisation
    beta = _select(
        root, 'SELECT ?id WHERE { ?o a sg:Organisation ; sg:identifier ?id FILTER STRSTARTS(?id, "beta") }'
    )
    assert beta == [("beta-ab",)]  # "Beta" and "Beta AB"
    lena = _select(root, 'SELECT ?id WHERE { ?p a sg:Person ; sg:name "Lena Sjö" ; sg:identifier ?id }')
    assert lena == [("lena-sjo",), ("lena-sjo-2",)]  # no organisation in common: kept apart
    review = (tmp_path / "review.tsv").read_text("utf-8").splitlines()
    proposal = next(line for line in review if "Lena Sjö" in line)
    assert proposal.startswith("\tperson\t100\t")
    assert report.merges == 1 and report.proposed == 1


def test_a_review_file_with_an_unknown_decision_is_refused_with_its_line(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    _import(tmp_path)
    review = tmp_path / "review.tsv"
    lines = review.read_text("utf-8").splitlines()
    lines[1] = "maybe" + lines[1]
    review.write_text("\n".join(lines) + "\n", "utf-8")
    before = (tmp_path / "kg" / "active").resolve()
    result = run_cli(
        "import",
        *map(str, TABLES),
        "-m",
        "almedalsveckan",
        "--store",
        f"oxigraph:{tmp_path / 'kg'}",
        "--no-linked-data",
        "--review",
        str(review),
    )
    assert result.exit_code == 1
    assert f"{review}:2: decision:" in result.stderr and "'maybe'" in result.stderr
    assert (tmp_path / "kg" / "active").resolve() == before


def test_a_merge_accepted_in_the_review_file_is_applied_on_the_next_import(tmp_path: Path) -> None:
    _import(tmp_path)
    review = tmp_path / "review.tsv"
    lines = review.read_text("utf-8").splitlines()
    lines = ["accept" + line if "Lena Sjö" in line else line for line in lines]
    review.write_text("\n".join(lines) + "\n", "utf-8")
    root, report = _import(tmp_path)
    lena = _select(root, 'SELECT ?id WHERE { ?p a sg:Person ; sg:name "Lena Sjö" ; sg:identifier ?id }')
    assert lena == [("lena-sjo",)]
    assert report.accepted == 1
    assert any(line.startswith("accept\tperson") for line in review.read_text("utf-8").splitlines())


def test_an_unchanged_import_writes_nothing(tmp_path: Path) -> None:
    root, first = _import(tmp_path)
    active = (root / "active").resolve()
    _root, again = _import(tmp_path)
    assert first.graphs_written and not again.graphs_written
    assert (root / "active").resolve() == active


def test_csv_tsv_and_json_lines_give_the_same_graph(tmp_path: Path) -> None:
    """The same rows in three formats: the same graph, apart from the file name and line numbers."""
    import csv

    table = FIXTURES / "2031.csv"
    with table.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    tsv = tmp_path / "tsv" / "2031.tsv"
    jsonl = tmp_path / "jsonl" / "2031.jsonl"
    for path in (tsv, jsonl):
        path.parent.mkdir()
    with tsv.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    graphs = []
    for n, path in enumerate((table, tsv, jsonl)):
        root, _ = _import(tmp_path / str(n), path)
        found = _select(
            root, "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (?p NOT IN (sg:fileName, sg:sha256, sg:line)) }"
        )
        graphs.append([tuple(v.replace(path.name, "2031.csv") for v in row) for row in found])
    assert graphs[0] == graphs[1] == graphs[2]
    assert len(graphs[0]) > 300


def test_entries_are_read_by_the_documented_rules() -> None:
    known = {"Alfa kommun", "Stockholms stad, ViS"}
    words = {"moderator": "moderator"}
    parties = {"S": "Socialdemokraterna"}

    def read(text: str) -> Entry:
        entry = read_entry(text, "participant", known_organisations=known, role_words=words, parties=parties)
        assert isinstance(entry, Entry)
        return entry

    three = read("Karin Ek, ordförande, Alfa kommun")
    assert (three.name, three.titles, three.organisation, three.status) == (
        "Karin Ek",
        ("ordförande",),
        "Alfa kommun",
        "stated",
    )
    comma = read("Jussi K, chef, Stockholms stad, ViS")
    assert (comma.titles, comma.organisation, comma.status) == (("chef",), "Stockholms stad, ViS", "stated")
    several = read("Moa W, läkare, överläkare, Okänt sjukhus")
    assert several.status == "ambiguous" and several.note and "several titles" in several.note
    party = read("Sven G (S), ordförande, Alfa kommun")
    assert (party.name, party.party) == ("Sven G", "Socialdemokraterna")
    assert read("Jacob F, moderator, SFS").role == "moderator"
    unknown = read_entry(
        '"Diana" 2', "participant", known_organisations=known, role_words=words, parties=parties
    )
    assert not isinstance(unknown, Entry)


def test_two_names_joined_by_a_slash_are_two_people_with_what_follows() -> None:
    from seminargraph.programme.cells import read_entries

    entries = read_entries(
        "Tove Ek/Ida Berg, Director, Alfa AB", "contact", known_organisations=(), role_words={}, parties={}
    )
    assert [(e.name, e.titles, e.organisation) for e in entries if isinstance(e, Entry)] == [
        ("Tove Ek", ("Director",), "Alfa AB"),
        ("Ida Berg", ("Director",), "Alfa AB"),
    ]
    # a slash inside what is no pair of names stays one (unreadable) entry, reported
    assert (
        len(read_entries("Alfa/Beta AB 2", "contact", known_organisations=(), role_words={}, parties={})) == 1
    )


def test_organiser_cells_split_without_breaking_known_names() -> None:
    known = {"Alfa kommun", "Beta AB", "Stockholms stad, ViS"}
    assert split_organisers("Alfa kommun, Beta AB", known) == [
        ("Alfa kommun", "stated", None),
        ("Beta AB", "stated", None),
    ]
    assert [name for name, _s, _n in split_organisers("Stockholms stad, ViS, Alfa kommun", known)] == [
        "Stockholms stad, ViS",
        "Alfa kommun",
    ]
    parts = split_organisers("Alfa kommun, Okänd förening", known)
    assert [s for _n, s, _note in parts] == ["inferred", "inferred"]


# --- bad input: a clear error with file and line, and nothing written


def _table(tmp_path: Path, edit: Callable[[str], str], name: str = "2031.csv") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(edit((FIXTURES / "2031.csv").read_text("utf-8")), "utf-8")
    return path


def _run_import(run_cli: Callable[..., Any], tmp_path: Path, table: Path, *extra: str) -> Any:
    return run_cli(
        "import",
        str(table),
        "-m",
        "almedalsveckan",
        "--store",
        f"oxigraph:{tmp_path / 'kg'}",
        "--no-linked-data",
        "--review",
        str(tmp_path / "review.tsv"),
        *extra,
    )


def _refused(tmp_path: Path, run_cli: Callable[..., Any], table: Path, *extra: str) -> str:
    root = tmp_path / "kg"
    result = _run_import(run_cli, tmp_path, table, *extra)
    assert result.exit_code == 1, result.stdout
    assert not root.exists() or not (root / "active").exists()
    assert not (tmp_path / "review.tsv").exists()
    assert "Traceback" not in result.stderr
    return str(result.stderr)


def test_a_mapping_naming_a_column_the_table_lacks_is_refused(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    builtin = Path(load_mapping("almedalsveckan").path).read_text("utf-8")
    mapping = tmp_path / "mine.yaml"
    mapping.write_text(builtin.replace("  place: place", "  place: venue"), "utf-8")
    root = tmp_path / "kg"
    result = run_cli(
        "import", str(TABLES[0]), "-m", str(mapping), "--store", f"oxigraph:{root}", "--no-linked-data"
    )
    assert result.exit_code == 1
    assert "'venue'" in result.stderr and "fix the mapping" in result.stderr
    assert not root.exists()


def test_a_mapping_with_an_unknown_key_names_its_line(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    builtin = Path(load_mapping("almedalsveckan").path).read_text("utf-8")
    mapping = tmp_path / "mine.yaml"
    mapping.write_text(builtin.replace("  place: place", "  place: place\n  venue: place"), "utf-8")
    result = run_cli("import", str(TABLES[0]), "-m", str(mapping), "--store", f"oxigraph:{tmp_path / 'kg'}")
    assert result.exit_code == 1
    assert f"{mapping}:" in result.stderr and "columns.venue" in result.stderr


def test_skip_bad_rows_imports_the_good_ones_and_reports_the_others(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    table = _table(tmp_path, lambda t: t.replace("2031-07-02 13:00:00", "2 juli 13.00"))
    root = tmp_path / "kg"
    report = tmp_path / "bad.tsv"
    result = _run_import(run_cli, tmp_path, table, "--skip-bad-rows", "--bad-rows-report", str(report))
    assert result.exit_code == 0, result.stderr
    assert "1 rows skipped" in result.stdout
    assert "2031.csv:3\t" in report.read_text("utf-8")
    events = _select(
        root, 'SELECT ?id WHERE { ?e a sg:Seminar ; sg:identifier ?id FILTER STRSTARTS(?id, "alm") }'
    )
    assert ("almedalsveckan-2031-9001",) in events and ("almedalsveckan-2031-9002",) not in events


def test_an_exact_repeat_of_a_row_is_imported_once_and_counted(tmp_path: Path) -> None:
    table = _table(tmp_path, lambda t: t + t.splitlines(keepends=True)[-1])
    _root, report = _import(tmp_path, table)
    assert report.rows == 4 and report.repeated_rows == 1


# --- the real festival: only where ../shared/almedalsdata is present


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "2015.csv").exists(), reason="needs ../shared/almedalsdata")
def test_the_seed_seminar_shows_its_people_with_the_programme_date_and_place(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    table = tmp_path / "2015.csv"
    shutil.copy(SHARED / "2015.csv", table)
    store = f"oxigraph:{tmp_path / 'kg'}"
    result = run_cli(
        "import",
        str(table),
        "--mapping",
        "almedalsveckan",
        "--store",
        store,
        "--review",
        str(tmp_path / "review.tsv"),
    )
    assert result.exit_code == 0, result.stderr
    rows = run_cli(
        "query", "participants", "--store", store, "-p", "event=fran-rora-till-ledning", "--format", "json"
    )
    assert rows.exit_code == 0, rows.stderr
    found = json.loads(rows.stdout)
    # the page's people, with the programme's date and place on the same rows
    assert {(r["start"], r["place"]) for r in found} == {("2015-06-30 11:00:00", "Strandgatan 18")}
    people = {r["person"] for r in found}
    assert {
        "Leif Jonsson",
        "Peter Ingesson",
        "Therese Hjälmroth",
        "David Hallgren",
        "Robin Askelöf",
    } <= people
    when = _select(
        tmp_path / "kg",
        'SELECT ?start ?place WHERE { ?e sg:identifier "fran-rora-till-ledning" ; '
        "sg:startTime ?start ; sg:place ?place }",
    )
    assert when == [("2015-06-30T11:00:00", "Strandgatan 18")]


def test_a_table_that_does_not_conform_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seminargraph.errors import ValidationFailed
    from seminargraph.programme import importer
    from seminargraph.validate import ValidationReport, ValidationResult

    root, _ = _import(tmp_path, TABLES[0])
    before = (root / "active").resolve()
    problem = ValidationResult(
        "person 'x'", "", "sg:name", None, "PatternConstraintComponent", "bad", "Violation"
    )
    monkeypatch.setattr(importer, "_check", lambda store: ValidationReport(False, (problem,)))
    with pytest.raises(ValidationFailed):
        _import(tmp_path, *TABLES)  # the tables' graphs are loaded while they are checked
    assert (root / "active").resolve() == before
    assert [p.name for p in root.iterdir() if p.name.startswith("g-")] == [before.name]


#: What only a table has, and authored YAML cannot say: where in the file, and the event's time,
#: place, format and languages. Everything else must be the same triples.
_TABLE_ONLY = {
    f"{SG}{name}"
    for name in (
        "fileName",
        "line",
        "recordId",
        "table",
        "column",
        "startTime",
        "endTime",
        "place",
        "format",
        "inLanguage",
        "sha256",
        "rows",
    )
}


def test_a_table_gives_the_same_graph_as_the_same_data_authored_in_yaml(tmp_path: Path) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.compare import isomorphic

    from seminargraph import load_graph
    from seminargraph.ontology import ONTOLOGY_GRAPH

    same = FIXTURES / "same"
    root, _ = _import(tmp_path, same / "2033.csv")
    store = ox.Store.read_only(str(root / "active"))
    imported = Graph()
    table = URIRef("https://seminargraph.example/id/source/almedalsveckan-2033")
    for quad in store.quads_for_pattern(None, None, None):
        if quad.graph_name == ox.NamedNode(str(ONTOLOGY_GRAPH)):
            continue
        s, p, o = (_rdflib(t) for t in (quad.subject, quad.predicate, quad.object))
        if str(p) not in _TABLE_ONLY and s != table:
            imported.add((s, p, o))
    authored = Graph()
    for context in load_graph(same / "2033.yaml").graphs():
        if context.identifier == ONTOLOGY_GRAPH:
            continue
        for s, p, o in context:
            if str(p) not in _TABLE_ONLY:
                authored.add((s, p, _rdflib_plain(o)))

    def one_line(graph: Graph) -> Graph:
        # The row's text keeps a line per cell; authored source text is whitespace-normalised.
        out = Graph()
        for s, p, o in graph:
            if str(p) == f"{SG}content" and isinstance(o, Literal):
                o = Literal(" ".join(str(o).split()), lang=o.language)
            out.add((s, p, o))
        return out

    assert len(imported) > 100
    assert isomorphic(one_line(imported), one_line(authored)), sorted(
        set(one_line(imported)) ^ set(one_line(authored))
    )[:10]


def _rdflib_plain(term: Any) -> Any:
    from seminargraph.rdfio import plain

    return plain(term)


def _rdflib(term: Any) -> Any:
    from seminargraph.rdfio import from_oxigraph, plain

    return plain(from_oxigraph(term))


def test_an_unchanged_import_writes_nothing_from_another_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    root, _ = _import(tmp_path)
    active = (root / "active").resolve()
    code = (
        "import sys; from pathlib import Path; from seminargraph.programme import import_tables; "
        "r = import_tables(sys.argv[1:3], 'almedalsveckan', store='oxigraph:' + sys.argv[3], "
        "review=Path(sys.argv[4]), linked_data=False); print(len(r.graphs_written))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, TABLES), str(root), str(tmp_path / "review.tsv")],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "PYTHONHASHSEED": "12345"},
    )
    assert done.stdout.strip() == "0"
    assert (root / "active").resolve() == active


_PER_PARTICIPATION = """rows: participation
source: {id: "konf-{stem}", title: "Konferensen {stem}"}
festival: {id: konferensen, name: {sv: Konferensen}}
edition: {id: "konferensen-{year}", name: {sv: "Konferensen {year}"}}
columns:
  id: session
  title: title
  start: start
  organisers: host
  person: {name: speaker, role: role, title: title_of_speaker, organisation: affiliation}
role_words: {ordförande: moderator}
"""
_ROWS = (
    "session,title,start,host,speaker,role,title_of_speaker,affiliation\n"
    "s1,Öppning,2031-05-02 09:00:00,Alfa kommun,Karin Ek,speaker,kommundirektör,Alfa kommun\n"
    "s1,Öppning,2031-05-02 09:00:00,Alfa kommun,Olle Berg,ordförande,,Beta AB\n"
    "s2,Avslutning,2031-05-02 16:00:00,Alfa kommun,Karin Ek,panelist,kommundirektör,Alfa kommun\n"
)


def test_a_table_of_one_row_per_participation_gives_each_event_its_people(tmp_path: Path) -> None:
    mapping = tmp_path / "konf.yaml"
    mapping.write_text(_PER_PARTICIPATION, "utf-8")
    table = tmp_path / "2031.csv"
    table.write_text(_ROWS, "utf-8")
    root = tmp_path / "kg"
    import_tables(
        [table], str(mapping), store=f"oxigraph:{root}", review=tmp_path / "r.tsv", linked_data=False
    )
    rows = _select(
        root,
        """
        SELECT ?event ?person ?role ?title ?org WHERE {
          ?p a sg:Participation ; sg:event/sg:identifier ?event ; sg:agent ?a ; sg:role ?r .
          ?a a sg:Person ; sg:name ?person .
          OPTIONAL { ?p sg:inCapacityOf ?aff . OPTIONAL { ?aff sg:jobTitle ?title }
                     OPTIONAL { ?aff sg:organisation/sg:name ?org } }
          BIND (STRAFTER(STR(?r), "#") AS ?role)
        }""",
    )
    assert rows == [
        ("konf-2031-s1", "Karin Ek", "SpeakerRole", "kommundirektör", "Alfa kommun"),
        ("konf-2031-s1", "Olle Berg", "ModeratorRole", "", "Beta AB"),
        ("konf-2031-s2", "Karin Ek", "PanelistRole", "kommundirektör", "Alfa kommun"),
    ]
    events = _select(
        root, 'SELECT ?id WHERE { ?e a sg:Event ; sg:identifier ?id FILTER STRSTARTS(?id, "konf-") }'
    )
    assert events == [("konf-2031-s1",), ("konf-2031-s2",)]


def test_a_role_the_ontology_and_mapping_do_not_know_is_refused_with_its_line(tmp_path: Path) -> None:
    from seminargraph.errors import SourceError

    mapping = tmp_path / "konf.yaml"
    mapping.write_text(_PER_PARTICIPATION, "utf-8")
    table = tmp_path / "2031.csv"
    table.write_text(_ROWS.replace(",panelist,", ",keynote,"), "utf-8")
    with pytest.raises(SourceError, match=r"2031\.csv:4: role: the role 'keynote'"):
        import_tables([table], str(mapping), store=f"oxigraph:{tmp_path / 'kg'}", linked_data=False)
    assert not (tmp_path / "kg").exists()


# --- people named in the prose (import --read-prose)

PROSE_TABLE = FIXTURES / "prose" / "2033.csv"


def _people_of(root: Path, record: str) -> list[tuple[str, ...]]:
    return _select(
        root,
        "SELECT ?name ?role ?status ?title ?org WHERE { "
        f"?e sg:identifier 'almedalsveckan-2033-{record}' . ?p a sg:Participation ; sg:event ?e ; "
        "sg:agent ?a ; sg:role ?r ; sg:status ?s . ?a a sg:Person ; sg:name ?name . "
        "?r <http://www.w3.org/2004/02/skos/core#notation> ?role . BIND (STRAFTER(STR(?s), '#') AS ?status) "
        "OPTIONAL { ?p sg:inCapacityOf ?c . OPTIONAL { ?c sg:jobTitle ?title } "
        "OPTIONAL { ?c sg:organisation/sg:name ?org } } }",
    )


def test_read_prose_imports_the_people_the_description_names_as_inferred_with_the_quote(
    tmp_path: Path,
) -> None:
    root, report = _import(tmp_path, PROSE_TABLE, read_prose=True)
    people = _people_of(root, "9101")
    # Olle Berg is in the speakers column: read from there only (stated), not again from the prose.
    assert people == [
        ("Karin Ek", "panelist", "Inferred", "kommunstyrelsens ordförande", "Alfa kommun"),
        ("Maja Strand", "moderator", "Inferred", "", ""),
        ("Olle Berg", "participant", "Stated", "vd", "Beta AB"),
        ("Per Holm", "contact", "Stated", "kommunikatör", "Alfa kommun"),
    ]
    assert _people_of(root, "9102") == [
        ("Eva Nordin", "panelist", "Inferred", "forskare", "Delta universitet"),
        ("Lars Holmqvist", "panelist", "Inferred", "förbundsordförande", "Gamma förbund"),
    ]
    # Each fact read from prose says so, and quotes the cell it was read from, at its offsets.
    evidence = _select(
        root,
        "SELECT ?note ?column ?quote ?content ?start ?end WHERE { "
        "?p a sg:Participation ; sg:agent/sg:name 'Maja Strand' ; sg:note ?note ; sg:evidence ?ev . "
        "?ev sg:column ?column ; sg:quote ?quote ; sg:start ?start ; sg:end ?end ; "
        "sg:source/sg:content ?content }",
    )
    assert len(evidence) == 1
    note, column, quote, content, start, end = evidence[0]
    assert "not checked by a person" in note
    assert column == "more_info"
    assert "Samtalet leds av Maja Strand." in quote
    assert content[int(start) : int(end)] == quote
    # The report's author is seen and not placed: counted, never imported as taking part.
    assert report.prose_rows == 3
    assert report.prose_people == 4
    assert report.prose_repeated == 1
    assert report.prose_unplaced == [("2033.csv:2", "Hanna Vik")]
    assert not _select(root, "SELECT ?p WHERE { ?p sg:name 'Hanna Vik' }")


def test_without_read_prose_the_prose_gives_nobody(tmp_path: Path) -> None:
    root, report = _import(tmp_path, PROSE_TABLE)
    assert [p[0] for p in _people_of(root, "9101")] == ["Olle Berg", "Per Holm"]
    assert _people_of(root, "9102") == []
    assert report.prose_rows == 0


def test_read_prose_is_an_input_of_the_unchanged_check(tmp_path: Path) -> None:
    root, first = _import(tmp_path, PROSE_TABLE)
    assert first.graphs_written
    _, again = _import(tmp_path, PROSE_TABLE, read_prose=True)
    assert again.graphs_written and not again.graphs_unchanged
    assert [p[0] for p in _people_of(root, "9102")] == ["Eva Nordin", "Lars Holmqvist"]
    _, third = _import(tmp_path, PROSE_TABLE, read_prose=True)
    assert third.graphs_unchanged and not third.graphs_written


def test_the_prose_report_lists_each_name_read_and_each_seen_but_not_placed(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    report = tmp_path / "prose.tsv"
    result = _run_import(run_cli, tmp_path, PROSE_TABLE, "--read-prose", "--prose-report", str(report))
    assert result.exit_code == 0, result.output
    assert "read the prose of 3 rows: 4 people" in result.output
    assert "1 names seen but not placed" in result.output
    lines = report.read_text("utf-8").splitlines()
    assert lines[0] == "where\tname\treading"
    assert "2033.csv:5\tLars Holmqvist\tpanelist" in lines
    assert "2033.csv:2\tHanna Vik\tseen but not placed" in lines
    refused = run_cli(
        "import",
        str(PROSE_TABLE),
        "--mapping",
        "almedalsveckan",
        "--store",
        f"oxigraph:{tmp_path / 'x'}",
        "--prose-report",
        str(report),
    )
    assert refused.exit_code == 2 and "--prose-report goes with --read-prose" in refused.output
