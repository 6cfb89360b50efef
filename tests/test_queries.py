"""Named queries: the answers researchers rely on, parameters bound as terms, bad queries refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from seminargraph import QueryError, QueryParameterError, UnknownQueryError, list_queries, run_query
from seminargraph.query import bind, check_query

GOLDEN = Path(__file__).parent / "data" / "golden" / "queries"
EXAMPLE_PARAMS = {
    "organisation-people": {"organisation": "lansstyrelserna"},
    "organisation-network": {"organisation": "lansstyrelserna"},
    "co-participants": {"person": "staffan-larsson"},
    "evidence": {"person": "leif-jonsson"},
    "event-graph": {"event": "fran-rora-till-ledning"},
    "timeline": {"agent": "leif-jonsson"},
}

S1 = "Människor, förändringsvilja och IT: hur 21 myndigheter enas om ett gemensamt beslutsstöd"
S2 = "Från röra till ledning – hur kan kommunal verksamhetsstyrning bli effektivare?"


def test_participants_lists_every_person_of_the_seed_page(seed_graph: Dataset) -> None:
    result = run_query(seed_graph, "participants")
    assert result.columns == ["event", "person", "role", "job_title", "organisation", "start", "place"]
    # The page gives no date or place: those columns are empty.
    assert {(r["start"], r["place"]) for r in result.records()} == {(None, None)}
    rows = [tuple(r.values())[:5] for r in result.records()]
    # Read off the page: who took part in which seminar, in which role, as what, for whom.
    assert rows == [
        (S2, "David Hallgren", "paneldeltagare", "strategikonsult", "Hypergene"),
        (S2, "Leif Jonsson", "paneldeltagare", "docent", None),
        (S2, "Peter Ingesson", "paneldeltagare", "kommunchef", "Motala kommun"),
        (S2, "Robin Askelöf", "moderator", "marknadschef", "Hypergene"),
        (S2, "Therese Hjälmroth", "paneldeltagare", "controller", "Motala kommun"),
        (S1, "Johan Lod", "paneldeltagare", "projektledare", "Länsstyrelsernas IT-enhet"),
        (S1, "Magnus Staxäng", "moderator", "beslutsstödskonsult, konsultchef", "Hypergene"),
        (S1, "Staffan Larsson", "paneldeltagare", "länsråd", "Länsstyrelsen i Södermanland"),
    ]


def test_ambiguous_affiliations_are_not_shown_as_stated(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "participants").records()
    leif = next(r for r in rows if r["person"] == "Leif Jonsson")
    # The page never says he works at Linköpings universitet: that affiliation is ambiguous.
    assert leif["organisation"] is None


def test_ambiguous_participations_are_left_out_of_the_tables(tmp_path: Path) -> None:
    import shutil

    from seminargraph import load_graph

    minimal = Path(__file__).parent / "data" / "minimal"
    shutil.copytree(minimal, tmp_path / "m")
    yaml_path = tmp_path / "m" / "seminar.yaml"
    text = yaml_path.read_text("utf-8")
    text = text.replace(
        "    role: moderator\n    as: eva-lind-journalist\n    status: stated\n",
        "    role: moderator\n    as: eva-lind-journalist\n    status: ambiguous\n"
        "    note: Said to lead the talk; the page may mean another event.\n",
    )
    yaml_path.write_text(text, "utf-8")
    graph = load_graph(tmp_path / "m")
    people = {r["person"] for r in run_query(graph, "participants").records()}
    assert people == {"Anna Berg", "Karl Nyström"}
    assert run_query(graph, "moderators").rows == []
    uncertain = run_query(graph, "uncertain-facts").records()
    assert [r["fact"] for r in uncertain] == [
        "participation frukostseminarium-oppna-data--eva-lind--moderator"
    ]


def test_labels_follow_the_language_but_job_titles_stay_as_written(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "participants", lang="en").records()
    staffan = next(r for r in rows if r["person"] == "Staffan Larsson")
    assert staffan["role"] == "panelist"
    assert staffan["organisation"] == "Södermanland County Administrative Board"
    assert staffan["job_title"] == "länsråd"
    assert staffan["event"].startswith("People, will to change and IT")


def test_the_event_parameter_narrows_to_one_event(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "participants", event="fran-rora-till-ledning").records()
    assert {r["event"] for r in rows} == {S2}
    assert len(rows) == 5
    by_iri = run_query(
        seed_graph, "participants", event="https://seminargraph.example/id/event/fran-rora-till-ledning"
    ).records()
    assert by_iri == rows


@pytest.mark.parametrize("value", ['" || true || "', "> } ; DROP ALL #", "x' UNION { ?s ?p ?o }"])
def test_parameter_values_are_terms_never_query_text(seed_graph: Dataset, value: str) -> None:
    before = len(seed_graph)
    with pytest.raises(QueryParameterError, match="no event with the id or IRI"):
        run_query(seed_graph, "participants", event=value)
    assert len(seed_graph) == before


def test_bind_escapes_values_as_rdf_terms() -> None:
    from rdflib import Literal

    text = bind("SELECT ?x WHERE { ?x ?p ?v }", {"v": Literal('a" } DROP ALL { "')})
    assert 'VALUES ?v { "a\\" } DROP ALL { \\"" }' in text
    check_query(text)


def test_ids_match_whatever_form_the_store_gives_literals() -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, XSD

    from seminargraph.vocab import SG

    graph = Graph()  # rdflib's own memory store and engine, as a user might pass it
    person = URIRef("https://example.org/p/eva")
    graph.add((person, RDF.type, SG.Person))
    graph.add((person, SG.identifier, Literal("eva-lind", datatype=XSD.string)))
    graph.add((person, SG.name, Literal("Eva Lind")))
    result = run_query(graph, "co-participants", person="eva-lind")
    assert result.rows == []  # found (no error), and she has no co-participants


def test_unknown_and_missing_parameters_are_refused(seed_graph: Dataset) -> None:
    with pytest.raises(QueryParameterError, match="has no parameter 'evnt'"):
        run_query(seed_graph, "participants", evnt="x")
    # Python is not the command line: the message names the parameter, not an option.
    with pytest.raises(QueryParameterError, match="needs the parameter person=") as missing:
        run_query(seed_graph, "co-participants")
    assert "--param" not in str(missing.value)
    with pytest.raises(QueryParameterError, match="no person with the id or IRI 'hypergene'"):
        run_query(seed_graph, "co-participants", person="hypergene")


def test_an_unknown_id_suggests_the_ids_it_may_have_meant(seed_graph: Dataset, run_cli) -> None:
    with pytest.raises(
        QueryParameterError, match=r"'leif-jonson' in the graph; did you mean 'leif-jonsson'\?"
    ):
        run_query(seed_graph, "evidence", person="leif-jonson")
    with pytest.raises(QueryParameterError, match=r"did you mean 'hypergene'\?$"):
        run_query(seed_graph, "organisation-people", organisation="hypergen")
    # Nothing near it: a short list is given whole.
    with pytest.raises(QueryParameterError, match=r"'xyz' in the graph \(the people are: david-hallgren, "):
        run_query(seed_graph, "evidence", person="xyz")
    result = run_cli("query", "participants", "-p", "event=fran-rora")
    assert result.exit_code == 1
    assert "almedalen-2015, fran-rora-till-ledning, it-dagen-2015" in result.stderr


def test_an_unknown_id_in_a_large_graph_gives_the_count_not_the_list() -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF

    from seminargraph.vocab import SG

    graph = Graph()
    for n in range(20):
        person = URIRef(f"https://example.org/p/{n}")
        graph.add((person, RDF.type, SG.Person))
        graph.add((person, SG.identifier, Literal(f"person-number-{n}")))
    with pytest.raises(QueryParameterError, match=r"did you mean 'person-number-7'"):
        run_query(graph, "evidence", person="person-numbr-7")
    with pytest.raises(QueryParameterError, match=r"\(20 people in the graph, none with an id like it\)$"):
        run_query(graph, "evidence", person="xyz")


def test_unknown_query_lists_the_known_ones(seed_graph: Dataset) -> None:
    with pytest.raises(UnknownQueryError, match="participants"):
        run_query(seed_graph, "participnts")


def test_moderators_of_each_event(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "moderators").records()
    assert [(r["event"], r["moderator"]) for r in rows] == [(S2, "Robin Askelöf"), (S1, "Magnus Staxäng")]


def test_people_of_an_organisation_include_its_units_and_members(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "organisation-people", organisation="lansstyrelserna").records()
    assert {(r["person"], r["organisation"]) for r in rows} == {
        ("Johan Lod", "Länsstyrelsernas IT-enhet"),
        ("Staffan Larsson", "Länsstyrelsen i Södermanland"),
    }
    liu = run_query(seed_graph, "organisation-people", organisation="linkopings-universitet")
    assert liu.rows == []  # only an ambiguous affiliation links Leif Jonsson to it


def test_shared_organisations(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "shared-organisations").records()
    assert [(r["organisation"], r["events"]) for r in rows] == [("Hypergene", 2)]  # a count is a number


def test_co_participants(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "co-participants", person="staffan-larsson").records()
    assert [(r["co_participant"], r["role"]) for r in rows] == [
        ("Johan Lod", "paneldeltagare"),
        ("Magnus Staxäng", "moderator"),
    ]


def test_event_hierarchy_marks_what_is_only_inferred(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "event-hierarchy", lang="en").records()
    nesting = {(r["event"], r["part_of"], r["status"]) for r in rows}
    assert ("IT Day 2015", "Almedalen 2015", "inferred") in nesting
    assert ("Almedalen 2015", None, None) in nesting
    assert len(rows) == 4


def test_event_organisations_lists_organisers_and_organisations_taking_part(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "event-organisations", lang="en").records()
    assert [(r["event"][:14], r["organisation"], r["role"], r["status"]) for r in rows] == [
        ("From mess to m", "Hypergene", "organiser", "inferred"),
        ("From mess to m", "Motala Municipality", "participant", "inferred"),
        ("People, will t", "Hypergene", "organiser", "inferred"),
        ("People, will t", "the County Administrative Boards", "participant", "inferred"),
    ]
    assert all(r["note"] for r in rows)  # none is stated: each says why
    one = run_query(seed_graph, "event-organisations", event="fran-rora-till-ledning", lang="sv").records()
    assert [(r["organisation"], r["role"], r["status_label"]) for r in one] == [
        ("Hypergene", "arrangör", "härledd"),
        ("Motala kommun", "deltagare", "härledd"),
    ]


def test_event_organisations_marks_an_ambiguous_organiser(tmp_path: Path) -> None:
    import shutil

    from seminargraph import load_graph

    shutil.copytree(Path(__file__).parent.parent / "data", tmp_path / "d")
    yaml_path = tmp_path / "d" / "hypergene-almedalen-2015.yaml"
    text = yaml_path.read_text("utf-8")
    marker = (
        "  - event: fran-rora-till-ledning\n    agent: hypergene\n    role: organiser\n    status: inferred\n"
    )
    assert marker in text
    yaml_path.write_text(text.replace(marker, marker.replace("inferred", "ambiguous")), "utf-8")
    rows = run_query(load_graph(tmp_path / "d"), "event-organisations", event="fran-rora-till-ledning")
    assert [(r["organisation"], r["status"]) for r in rows.records()] == [
        ("Hypergene", "ambiguous"),
        ("Motala kommun", "inferred"),
    ]


def test_evidence_quotes_the_sentence_behind_a_participation(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "evidence", person="robin-askelof").records()
    assert {r["quote"] for r in rows} == {
        "Robin Askelöf, marknadschef på Hypergene var seminariets moderator."
    }
    assert {r["source"] for r in rows} == {"Seminarium i Almedalen 2015"}
    assert {r["fact"].split()[0] for r in rows} == {"participation", "affiliation"}


def test_uncertain_facts_carry_their_notes(seed_graph: Dataset) -> None:
    rows = run_query(seed_graph, "uncertain-facts", lang="en").records()
    assert all(r["note"] for r in rows)
    ambiguous = [r["fact"] for r in rows if r["status"] == "ambiguous"]
    # The page's main ambiguity: "two full seminars", said twice (the second time "also").
    assert ambiguous == [
        "affiliation leif-jonsson-linkopings-universitet",
        "remark hypergene-almedalen-2015--1",
    ]
    remark = next(r for r in rows if r["fact"] == "remark hypergene-almedalen-2015--1")
    assert "two seminars or four" in str(remark["note"])
    assert str(remark["quotes"]).count("fullsatta seminarier") == 2
    # Topics the page only implies are listed; those it states are not.
    topics = {str(r["fact"]) for r in rows if str(r["fact"]).startswith("eventtopic ")}
    assert "eventtopic fran-rora-till-ledning--beslutsstod" in topics
    assert "eventtopic manniskor-forandringsvilja-och-it--effektivisering-av-offentlig-sektor" in topics
    assert "eventtopic fran-rora-till-ledning--styrsystem" not in topics
    # The IT unit belongs to Länsstyrelserna by its name only.
    assert "organisationrelation lansstyrelsernas-it-enhet--unit-of--lansstyrelserna" in {
        r["fact"] for r in rows if r["status"] == "inferred"
    }


def test_status_is_a_stable_code_beside_its_label_in_every_language(run_cli) -> None:
    for lang, label in (("sv", "härledd"), ("en", "inferred")):
        result = run_cli("query", "uncertain-facts", "--lang", lang, "--format", "json")
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert {r["status"] for r in rows} == {"inferred", "ambiguous"}
        assert {r["status_label"] for r in rows if r["status"] == "inferred"} == {label}
    csv_lines = run_cli("query", "event-hierarchy", "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "event,type,part_of,status,status_label"
    assert any(line.endswith(",inferred,härledd") for line in csv_lines)
    evidence = run_cli("query", "evidence", "-p", "person=robin-askelof", "--format", "json").stdout
    assert {(r["status"], r["status_label"]) for r in json.loads(evidence)} == {("stated", "angiven")}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_named_query_matches_its_golden_rows(
    seed_graph: Dataset, query, lang: str, refresh_golden: bool
) -> None:
    assert query.title and query.description, f"{query.name} needs a title and a description"
    result = run_query(seed_graph, query, lang=lang, **EXAMPLE_PARAMS.get(query.name, {}))
    if result.kind == "graph":
        assert result.graph is not None and len(result.graph), f"{query.name} constructs nothing"
        # No blank nodes in the data: the sorted N-Triples lines compare graphs exactly.
        actual: dict[str, Any] = {
            "triples": sorted(" ".join(t.n3() for t in triple) for triple in result.graph)
        }
    else:
        rows = sorted((list(r.values()) for r in result.records()), key=lambda row: json.dumps(row))
        actual = {"columns": result.columns, "rows": rows}
        assert result.rows, f"{query.name} returns nothing on the seed data"
    golden = GOLDEN / f"{query.name}.{lang}.json"
    if refresh_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert actual == json.loads(golden.read_text("utf-8"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { ?s ?p }", "not valid SPARQL at line 1"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "update"),
        ("DROP ALL", "update"),
        ("LOAD <http://example.org/data.ttl>", "update"),
        ("SELECT * WHERE " + "{ " * 3000 + "}" * 3000, "nests"),
        ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000, "over the limit"),
        ("SELECT (1" + "+1" * 8000 + " AS ?x) WHERE {}", "operators"),
        ("SELECT * WHERE { FILTER (" + "(" * 500 + "1" + ")" * 500 + ") }", "nests"),
        ("SELECT * WHERE {" + "UNION".join(["{}"] * 9000) + "}", "groups"),
    ],
)
def test_hostile_or_broken_queries_are_refused_before_evaluation(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        check_query(text)


def test_words_inside_strings_and_iris_are_not_mistaken_for_keywords() -> None:
    check_query('SELECT * WHERE { ?s ?p "DROP ALL; LOAD <x>" . ?s <http://example.org/service> ?o }')
    check_query("PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:load ?o ; ex:from ?f }")


def test_query_command_csv(run_cli) -> None:
    result = run_cli("query", "participants", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "event,person,role,job_title,organisation,start,place"
    assert len(lines) == 9
    assert "Staffan Larsson,paneldeltagare,länsråd,Länsstyrelsen i Södermanland" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "tsv", "json"])
def test_query_command_formats(run_cli, fmt: str) -> None:
    result = run_cli("query", "moderators", "--format", fmt, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Magnus Staxäng" in result.stdout
    if fmt == "json":
        assert {r["moderator"] for r in json.loads(result.stdout)} == {"Magnus Staxäng", "Robin Askelöf"}


def test_tabs_and_line_breaks_in_values_stay_inside_their_cell(run_cli, tmp_path: Path) -> None:
    # YAML values are normalised, but RDF input may hold any whitespace in a literal.
    data = tmp_path / "names.ttl"
    data.write_text(
        '@prefix sg: <https://seminargraph.example/ns#> .\n<http://e.org/a> sg:name "Eva\\r\\nLind\\tX" .\n',
        "utf-8",
    )
    sparql = "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?name ?who WHERE { ?who sg:name ?name }"
    tsv = run_cli("query", "--sparql", sparql, "-d", str(data), "--format", "tsv").stdout
    assert tsv.splitlines() == ["name\twho", "Eva  Lind X\thttp://e.org/a"]
    table = run_cli("query", "--sparql", sparql, "-d", str(data), "--format", "table").stdout
    assert len(table.splitlines()) == 4 and "\t" not in table and "Eva  Lind X" in table
    assert json.loads(run_cli("query", "--sparql", sparql, "-d", str(data), "--format", "json").stdout) == [
        {"name": "Eva\r\nLind\tX", "who": "http://e.org/a"}
    ]


def test_query_command_with_a_file_and_with_sparql_text(run_cli, tmp_path: Path) -> None:
    query = tmp_path / "names.rq"
    query.write_text(
        "# title: Names\nPREFIX sg: <https://seminargraph.example/ns#>\n"
        "SELECT ?name WHERE { ?p a sg:Person ; sg:name ?name } ORDER BY ?name\n",
        "utf-8",
    )
    from_file = run_cli("query", str(query), "--format", "csv")
    assert from_file.exit_code == 0, from_file.stderr
    assert from_file.stdout.splitlines()[1:3] == ["David Hallgren", "Johan Lod"]
    inline = run_cli("query", "--sparql", query.read_text("utf-8"), "--format", "csv")
    assert inline.stdout == from_file.stdout


CONSTRUCT_NAMES = (
    "PREFIX sg: <https://seminargraph.example/ns#> "
    "CONSTRUCT { ?e sg:moderator ?p . ?p sg:name ?n } WHERE { ?e sg:moderator ?p . ?p sg:name ?n }"
)


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")]
)
def test_construct_results_come_out_as_rdf(
    run_cli, seed_graph: Dataset, fmt: str, rdflib_format: str
) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from seminargraph.query import execute
    from seminargraph.rdfio import union_graph

    result = run_cli("query", "--sparql", CONSTRUCT_NAMES, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    written = Graph().parse(data=result.stdout, format=rdflib_format)
    constructed = execute(seed_graph, CONSTRUCT_NAMES).graph
    assert constructed is not None and len(constructed) == 4
    assert isomorphic(written, union_graph(constructed))  # names as plain literals, as in RDF 1.1
    # Written like the build's files: our prefixes, plain literals, JSON-LD with a context.
    assert "XMLSchema#string" not in result.stdout and "ns1:" not in result.stdout
    if fmt == "turtle":
        assert "@prefix sg: <https://seminargraph.example/ns#>" in result.stdout
    if fmt == "jsonld":
        assert json.loads(result.stdout)["@context"]["sg"] == "https://seminargraph.example/ns#"
    assert run_cli("query", "--sparql", CONSTRUCT_NAMES, "--format", fmt).stdout == result.stdout


def test_a_rows_format_asked_of_a_graph_query_is_refused(run_cli) -> None:
    # Without --format a CONSTRUCT comes out as Turtle; asking for CSV must not give Turtle silently.
    turtle = run_cli("query", "--sparql", CONSTRUCT_NAMES)
    assert turtle.exit_code == 0 and "@prefix sg:" in turtle.stdout
    for fmt in ("csv", "table"):
        refused = run_cli("query", "--sparql", CONSTRUCT_NAMES, "--format", fmt)
        assert refused.exit_code == 2
        assert f"--format {fmt} is for rows" in refused.stderr
        assert "turtle, ntriples or jsonld" in refused.stderr
        assert refused.stdout == ""


def test_a_query_command_without_a_query_says_what_to_give(run_cli) -> None:
    neither = run_cli("query")
    assert neither.exit_code == 2
    assert "give a query NAME (see `seminargraph queries`), a FILE.rq, or --sparql TEXT" in neither.stderr
    assert "not both" not in neither.stderr
    both = run_cli("query", "participants", "--sparql", "ASK {}")
    assert both.exit_code == 2 and "not both" in both.stderr


def test_query_output_file_is_written_whole(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "p.csv"
    result = run_cli("query", "participants", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text("utf-8").count("\n") == 9


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["query", "nope"], 1, "no named query 'nope'"),
        (["query", "participants", "--param", "event"], 2, "NAME=VALUE"),
        (["query", "co-participants"], 1, "needs --param person=..."),
        (["query", "participants", "--param", "event=nowhere"], 1, "no event with the id or IRI 'nowhere'"),
        (["query", "participants", "--format", "xlsx"], 2, "xlsx"),
        (["query", "--sparql", "SELECT ?x WHERE {"], 1, "not valid SPARQL"),
        # rdflib's parser accepts these; Oxigraph, which runs them, does not.
        (
            ["query", "--sparql", "SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }"],
            1,
            "not valid SPARQL: error at 1:",
        ),
        (
            ["query", "--sparql", "SELECT * WHERE { ?s ?p ?o } OFFSET 99999999999999999999"],
            1,
            "not valid SPARQL",
        ),
        (["query"], 2, "give a query NAME"),
        (["query", "participants", "--lang", "svenska!"], 1, "language tag"),
        (["query", "missing.rq"], 1, "missing.rq"),
    ],
)
def test_query_command_errors_are_one_line(run_cli, args: list[str], code: int, message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_language_the_graph_has_no_labels_in_is_refused_with_those_it_has(run_cli, tmp_path: Path) -> None:
    refused = run_cli("query", "participants", "--lang", "de")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "--lang de: the graph has no names or labels in 'de'; its languages are: en, sv" in refused.stderr
    # A language the data adds is one the graph has.
    data = tmp_path / "de.ttl"
    data.write_text(
        "@prefix sg: <https://seminargraph.example/ns#> .\n"
        '<http://e.org/e> a sg:Event ; sg:identifier "e" ; sg:name "Ein Seminar"@de .\n',
        "utf-8",
    )
    german = run_cli("query", "event-hierarchy", "-d", str(data), "--lang", "de", "--format", "csv")
    assert german.exit_code == 0, german.stderr
    assert "Ein Seminar" in german.stdout
    # en-GB finds no label tagged en (LANGMATCHES): refused too, while the default and en work.
    assert run_cli("query", "moderators", "--lang", "en-GB").exit_code == 2
    assert run_cli("query", "moderators", "--lang", "en").exit_code == 0
    assert run_cli("query", "moderators").exit_code == 0


def test_debug_shows_the_traceback(run_cli) -> None:
    result = run_cli("--debug", "query", "nope")
    assert result.exit_code == 1
    assert isinstance(result.exception, UnknownQueryError)


def test_queries_command_lists_every_named_query_with_parameters(run_cli) -> None:
    result = run_cli("queries")
    assert result.exit_code == 0
    for query in list_queries():
        assert f"{query.name}: {query.title}" in result.stdout
    assert "--param person=<person>  (required)" in result.stdout
    listed = json.loads(run_cli("queries", "--format", "json").stdout)
    assert {q["name"] for q in listed} == {q.name for q in list_queries()}


def _describe_again(folder: Path) -> Path:
    """A second source that describes every seed entity again (same ids and names), and no facts."""
    from seminargraph.inputs.authoring import load_file
    from seminargraph.ontology import builtin_data_dir

    seed = load_file(builtin_data_dir() / "hypergene-almedalen-2015.yaml")

    def names(text: tuple[tuple[str, str], ...]) -> str:
        return json.dumps(dict(text), ensure_ascii=False)

    lines = ["source: {id: again, title: Again, text: again.txt, language: sv}", "topics:"]
    lines += [f"  - {{id: {t.id}, label: {names(t.label)}}}" for t in seed.topics]
    lines += ["organisations:"]
    lines += [f"  - {{id: {o.id}, kind: {o.kind}, name: {names(o.name)}}}" for o in seed.organisations]
    lines += ["people:"]
    lines += [f"  - {{id: {p.id}, name: {json.dumps(p.name, ensure_ascii=False)}}}" for p in seed.people]
    lines += ["events:"]
    for e in seed.events:
        year = f", year: '{e.year}'" if e.year else ""
        lines.append(f"  - {{id: {e.id}, type: {e.type}, name: {names(e.name)}{year}}}")
    folder.mkdir()
    (folder / "again.txt").write_text("The same people, organisations and events, described again.", "utf-8")
    (folder / "again.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_entities_described_in_two_sources_change_no_answer(
    seed_graph: Dataset, query, tmp_path: Path
) -> None:
    # Each source's graph holds its own copy of the entities it describes; Oxigraph's union
    # default graph (0.5.13) matches such a triple once per graph, which must not repeat rows.
    from seminargraph import load_graph
    from seminargraph.ontology import builtin_data_dir

    both = load_graph(builtin_data_dir(), _describe_again(tmp_path / "again"))
    params = EXAMPLE_PARAMS.get(query.name, {})
    assert (
        run_query(both, query, lang="en", **params).rows
        == run_query(seed_graph, query, lang="en", **params).rows
    )


def _events(graph: Dataset) -> dict[str, str]:
    from seminargraph.query import execute

    text = (
        "PREFIX sg: <https://seminargraph.example/ns#> "
        "SELECT ?id ?e WHERE { ?e a sg:Event ; sg:identifier ?id }"
    )
    return {str(ident): str(event) for ident, event in execute(graph, text).rows}


def test_event_graph_is_a_slice_of_the_graph_that_validates_on_its_own(seed_graph: Dataset) -> None:
    from rdflib import URIRef

    from seminargraph import validate_graph
    from seminargraph.inputs import add_ontology
    from seminargraph.inputs.mapping import new_dataset
    from seminargraph.rdfio import plain

    whole = {(s, p, plain(o)) for s, p, o, _ in seed_graph.quads((None, None, None, None))}
    events = _events(seed_graph)
    assert len(events) == 4
    for ident, iri in events.items():
        constructed = run_query(seed_graph, "event-graph", event=ident).graph
        assert constructed is not None
        triples = set(constructed)
        assert triples <= whole, f"{ident}: the slice says only what the graph says"
        assert (URIRef(iri), URIRef("https://seminargraph.example/ns#identifier"), None) in constructed
        # Self-contained: every participation with its person, role, evidence and quoted source.
        dataset = new_dataset()
        part = dataset.graph(URIRef("https://seminargraph.example/id/graph/slice"))
        for triple in triples:
            part.add(triple)
        add_ontology(dataset)
        report = validate_graph(dataset)
        assert report.conforms, f"{ident}: {report.text()}"


def test_event_graph_holds_everyone_the_participants_query_lists_for_the_event(seed_graph: Dataset) -> None:
    from rdflib import URIRef

    name = URIRef("https://seminargraph.example/ns#name")
    for event in ("fran-rora-till-ledning", "manniskor-forandringsvilja-och-it"):
        listed = {r["person"] for r in run_query(seed_graph, "participants", event=event).records()}
        constructed = run_query(seed_graph, "event-graph", event=event).graph
        assert constructed is not None
        people = {
            str(o)
            for s in constructed.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
            if (s, None, URIRef("https://seminargraph.example/ns#Person")) in constructed
            for o in constructed.objects(s, name)
        }
        assert listed and people == listed
        # The other seminar's people are not in it.
        other = {r["person"] for r in run_query(seed_graph, "participants").records()} - listed
        assert other and not (people & other)


def test_event_graph_from_the_command_line_reads_back_and_draws(run_cli, tmp_path: Path) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from seminargraph import load_graph
    from seminargraph.rdfio import union_graph

    result = run_cli("query", "event-graph", "-p", "event=fran-rora-till-ledning", "--format", "turtle")
    assert result.exit_code == 0, result.stderr
    written = Graph().parse(data=result.stdout, format="turtle")
    constructed = run_query(load_graph(), "event-graph", event="fran-rora-till-ledning").graph
    assert constructed is not None
    assert isomorphic(written, union_graph(constructed))
    # The slice is data too: built on its own, it is the same event.
    slice_file = tmp_path / "slice.ttl"
    slice_file.write_text(result.stdout, encoding="utf-8")
    again = run_cli("query", "participants", "-d", str(slice_file), "--format", "csv")
    full = run_cli("query", "participants", "-p", "event=fran-rora-till-ledning", "--format", "csv")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == full.stdout
    page = run_cli(
        "viz", "--query", "event-graph", "-p", "event=fran-rora-till-ledning", "-o", str(tmp_path / "x.html")
    )
    assert page.exit_code == 0, page.stderr
    missing = run_cli("query", "event-graph", "--format", "turtle")
    assert missing.exit_code != 0 and "event" in missing.stderr


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_a_language_the_data_has_no_names_in_still_gives_one_row_per_answer(
    seed_graph: Dataset, query
) -> None:
    # Names fall back to one name each (the one that sorts first), roles to their English label:
    # never a row per name the data happens to have.
    params = EXAMPLE_PARAMS.get(query.name, {})
    swedish = run_query(seed_graph, query, lang="sv", **params)
    german = run_query(seed_graph, query, lang="de", **params)
    if swedish.kind == "graph":
        return
    assert len(german.rows) == len(swedish.rows)
    assert len(set(german.rows)) == len(german.rows)
    if query.name == "participants":
        english = run_query(seed_graph, query, lang="en", **params).records()
        assert [r["role"] for r in german.records()] == [r["role"] for r in english]


def test_a_table_fits_the_width_it_is_given_and_cuts_long_cells_visibly(seed_graph: Dataset) -> None:
    from seminargraph.results import render

    result = run_query(seed_graph, "participants")
    full = render(result, "table")
    assert max(len(line) for line in full.splitlines()) > 100
    fitted = render(result, "table", width=100)
    lines = fitted.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert "…" in fitted
    assert len(lines) == len(full.splitlines())  # every row still there, one line each
    # the full text stays in the other formats
    assert "hur kan kommunal verksamhetsstyrning bli effektivare?" in render(result, "csv", width=100)


def test_a_construct_on_disk_gives_its_triples_once_and_the_same_graph(
    seed_graph: Dataset, tmp_path: Path
) -> None:
    import pickle

    from rdflib.compare import isomorphic

    from seminargraph.store import open_graph, write_store

    write_store(f"oxigraph:{tmp_path / 'kg'}", seed_graph)
    disk = open_graph(f"oxigraph:{tmp_path / 'kg'}")
    try:
        # A graph is a set: each triple once, and as many as the rdflib Graph built from them holds.
        result = run_query(disk, "event-graph", event="fran-rora-till-ledning")
        triples = result.triples
        assert len(triples) == len(set(triples)) == len(result) > 0
        assert result.graph is not None and len(result.graph) == len(result)
        assert isomorphic(
            result.graph, run_query(seed_graph, "event-graph", event="fran-rora-till-ledning").graph
        )
        again = pickle.loads(pickle.dumps(result))
        assert again == result and set(again.triples) == set(triples)
        assert len(result.cut(5)) == 5 and result.cut(5).truncated
    finally:
        disk.close()
