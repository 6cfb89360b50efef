"""One contract for every store: the same named queries, terms and network on each backend.

The backends: memory; an on-disk Oxigraph store made by ``write_store``; a real ``oxigraph serve``
(the binary of the PyPI package ``oxigraph``) loaded over SPARQL Update and, separately, over the
Graph Store Protocol; and a running ``seminargraph serve`` read through its SPARQL endpoint. Each
answer is compared with the one from memory, which the query tests pin down.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, unquote

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from seminargraph import QueryParameterError, list_queries, load_graph, run_query
from seminargraph.build import summarize
from seminargraph.query import execute
from seminargraph.rdfio import plain
from seminargraph.store import open_graph, write_store
from test_server_support import Running, start_oxigraph, start_server

BACKENDS = ["memory", "oxigraph-dir", "oxigraph-serve", "oxigraph-serve-gsp", "seminargraph-serve"]
#: A value for each kind of parameter, all in the seed data.
VALUES = {
    "event": "fran-rora-till-ledning",
    "person": "leif-jonsson",
    "organisation": "motala-kommun",
    "agent": "hypergene",
}


def _cases() -> list[tuple[str, dict[str, str]]]:
    cases = []
    for query in list_queries():
        required = {p.name: VALUES[p.kind] for p in query.parameters if p.required}
        cases.append((query.name, required))
        for p in query.parameters:
            if not p.required:
                cases.append((query.name, {**required, p.name: VALUES[p.kind]}))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def reference() -> Dataset:
    return load_graph()


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Running]]:
    started: dict[str, Running] = {}
    try:
        started["oxigraph-serve"] = start_oxigraph()
        started["oxigraph-serve-gsp"] = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"))
        started["seminargraph-serve"] = start_server()
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture(scope="module")
def specs(
    reference: Dataset, servers: dict[str, Running], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    directory = tmp_path_factory.mktemp("stores") / "kg"
    write_store(f"oxigraph:{directory}", reference)
    plain_server = servers["oxigraph-serve"].url
    write_store(f"{plain_server}query", reference, update_endpoint=f"{plain_server}update")
    gsp_server = servers["oxigraph-serve-gsp"].url
    write_store(f"{gsp_server}query", reference, graph_store=f"{gsp_server}store")
    return {
        "oxigraph-dir": f"oxigraph:{directory}",
        "oxigraph-serve": f"{plain_server}query",
        "oxigraph-serve-gsp": f"{gsp_server}query",
        "seminargraph-serve": f"{servers['seminargraph-serve'].url}sparql",
    }


@pytest.fixture(scope="module")
def backends(reference: Dataset, specs: dict[str, str]) -> dict[str, Dataset]:
    return {"memory": reference, **{name: open_graph(spec) for name, spec in specs.items()}}


def _rows(graph: Dataset, name: str, params: dict[str, str], lang: str) -> list[tuple[Any, ...]]:
    result = run_query(graph, name, lang=lang, params=params)
    if result.kind == "graph":
        # A CONSTRUCT: its triples, each term written out with its language or datatype.
        assert result.graph is not None
        return [tuple(term.n3() for term in triple) for triple in result.graph]
    return [tuple(record.values()) for record in result.records()]


_EXPECTED: dict[str, list[tuple[Any, ...]]] = {}


def _expected(reference: Dataset, name: str, params: dict[str, str], lang: str) -> list[tuple[Any, ...]]:
    key = json.dumps([name, params, lang], sort_keys=True)
    if key not in _EXPECTED:
        _EXPECTED[key] = _rows(reference, name, params, lang)
    return _EXPECTED[key]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(p) or 'all'}" for n, p in CASES])
def test_every_named_query_gives_the_same_rows(
    backends: dict[str, Dataset], reference: Dataset, backend: str, name: str, params: dict[str, str]
) -> None:
    for lang in ("sv", "en"):
        expected = _expected(reference, name, params, lang)
        got = _rows(backends[backend], name, params, lang)
        assert sorted(got, key=repr) == sorted(expected, key=repr), f"{name} {params} ({lang}) on {backend}"
        assert len(got) == len(expected)


def test_the_contract_runs_queries_that_return_rows(reference: Dataset) -> None:
    # A contract of empty answers would prove nothing.
    empty = [(n, p) for n, p in CASES if not _rows(reference, n, p, "sv")]
    assert not empty, f"these cases return no rows on the seed data: {empty}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_terms_keep_their_language_and_datatype(
    backends: dict[str, Dataset], reference: Dataset, backend: str
) -> None:
    text = """PREFIX sg: <https://seminargraph.example/ns#>
    SELECT ?x ?value WHERE {
      { ?x sg:name ?value } UNION { ?x sg:year ?value } UNION { ?x sg:start ?value }
    }"""
    expected = {tuple(plain(t) for t in row) for row in execute(reference, text).rows}
    got = {tuple(plain(t) for t in row) for row in execute(backends[backend], text).rows}
    assert got == expected
    assert any(isinstance(v, Literal) and v.language == "sv" for _x, v in got)
    assert any(isinstance(v, Literal) and v.datatype is not None for _x, v in got)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ask_and_construct_agree(backends: dict[str, Dataset], reference: Dataset, backend: str) -> None:
    ask = "PREFIX sg: <https://seminargraph.example/ns#> ASK { ?p sg:role sg:ModeratorRole }"
    assert execute(backends[backend], ask).boolean is True
    missing = "PREFIX sg: <https://seminargraph.example/ns#> ASK { ?p sg:role sg:NoSuchRole }"
    assert execute(backends[backend], missing).boolean is False
    construct = """PREFIX sg: <https://seminargraph.example/ns#>
    CONSTRUCT { ?e sg:hasParticipant ?a } WHERE { ?p sg:event ?e ; sg:agent ?a }"""
    expected = execute(reference, construct).graph
    got = execute(backends[backend], construct).graph
    assert expected is not None and got is not None and len(expected) > 0
    assert isomorphic(got, expected)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unknown_id_is_an_error_on_every_store(backends: dict[str, Dataset], backend: str) -> None:
    with pytest.raises(QueryParameterError, match="no person with the id or IRI 'nobody'"):
        run_query(backends[backend], "evidence", person="nobody")


def _looked_up(graph: Dataset, kind: str, value: str) -> str:
    from seminargraph.read.entities import resolve

    try:
        return resolve(graph, kind, value).n3()
    except QueryParameterError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_id_or_iri_names_the_same_thing_on_every_store(
    backends: dict[str, Dataset], reference: Dataset, backend: str
) -> None:
    # The on-disk store looks ids up with Oxigraph's index patterns, the others with a query: the
    # same answers, and the same errors (an unknown id with its near misses, an IRI of another
    # kind, an IRI that is not one).
    person_iri = _looked_up(reference, "person", "leif-jonsson").strip("<>")
    cases = [
        *VALUES.items(),
        ("agent", "leif-jonsson"),
        ("person", person_iri),
        ("agent", person_iri),
        ("event", person_iri),
        ("organisation", "leif-jonsson"),
        ("person", "leif-jonson"),
        ("person", person_iri + "-nobody"),
        ("person", "https://seminargraph.example/id/{nobody}"),
    ]
    expected = [_looked_up(reference, kind, value) for kind, value in cases]
    assert sum(not e.startswith("error") for e in expected) == 7, expected
    assert [_looked_up(backends[backend], kind, value) for kind, value in cases] == expected


def _network(graph: Dataset, **options: Any) -> tuple[list[str], list[str]]:
    from seminargraph import to_networkx

    network = to_networkx(graph, **options)
    nodes = sorted(
        json.dumps([str(n), data], sort_keys=True, default=str) for n, data in network.nodes(data=True)
    )
    edges = sorted(
        json.dumps([str(u), str(v), data], sort_keys=True, default=str)
        for u, v, data in network.edges(data=True)
    )
    return nodes, edges


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "options",
    [{}, {"projection": "people"}, {"event": "fran-rora-till-ledning"}, {"focus": "hypergene", "depth": 2}],
    ids=["full", "people", "event", "focus"],
)
def test_the_network_projection_is_the_same(
    backends: dict[str, Dataset], reference: Dataset, backend: str, options: dict[str, Any]
) -> None:
    expected_nodes, expected_edges = _network(reference, lang="en", **options)
    nodes, edges = _network(backends[backend], lang="en", **options)
    assert expected_nodes and expected_edges
    assert nodes == expected_nodes
    assert edges == expected_edges


def test_the_stores_hold_the_same_triples(backends: dict[str, Dataset], reference: Dataset) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    expected = int(str(execute(reference, count).rows[0][0]))
    for backend in BACKENDS:
        assert int(str(execute(backends[backend], count).rows[0][0])) == expected, backend


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_counts_are_the_same(backends: dict[str, Dataset], reference: Dataset, backend: str) -> None:
    assert summarize(backends[backend]) == summarize(reference)


@pytest.mark.parametrize("backend", ["oxigraph-dir", "oxigraph-serve"])
def test_serve_publishes_any_store(
    run_cli: Callable[..., Any], specs: dict[str, str], reference: Dataset, backend: str
) -> None:
    landing = run_cli("serve", "--store", specs[backend], "--get", "/?lang=en")
    assert landing.exit_code == 0, landing.stderr
    assert "<td>8</td>" in landing.stdout and "Seminarium i Almedalen 2015" in landing.stdout
    page = run_cli("serve", "--store", specs[backend], "--get", "/person/leif-jonsson?lang=en")
    assert "docent" in page.stdout and "/event/fran-rora-till-ledning?lang=en" in page.stdout
    graph = "https%3A%2F%2Fseminargraph.example%2Fid%2Fgraph%2Fhypergene-almedalen-2015"
    dump = run_cli("serve", "--store", specs[backend], "--get", f"/store?graph={graph}&format=ntriples")
    assert dump.exit_code == 0, dump.stderr
    assert dump.stdout.count("\n") == sum(1 for _ in reference.graph(URIRef(unquote(graph))))
    missing = run_cli(
        "serve", "--store", specs[backend], "--get", "/store?graph=https%3A%2F%2Fx.example%2Fnone"
    )
    assert missing.exit_code == 1 and "HTTP 404" in missing.stderr
    assert "the store has no graph <https://x.example/none>" in missing.stdout
    # A client that names no dataset sees every named graph, as in memory.
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    counted = run_cli(
        "serve", "--store", specs[backend], "--get", f"/sparql?query={quote(per_graph)}&format=csv"
    )
    assert counted.exit_code == 0, counted.stderr
    expected = [f"{g},{n}" for g, n in execute(reference, per_graph).rows]
    assert len(expected) > 1 and counted.stdout.splitlines()[1:] == expected


def test_serve_never_shows_the_password_in_its_store_address(specs: dict[str, str]) -> None:
    address = specs["oxigraph-serve"]
    running = start_server("--store", address.replace("http://", "http://reader:s3cret-word@"))
    try:
        with urllib.request.urlopen(running.url, timeout=30) as answer:
            page = answer.read().decode("utf-8")
    finally:
        running.stop()
    assert f"serving {address} on " in running.log()
    assert f"Served by seminargraph from {address}." in page
    assert "s3cret-word" not in running.log() and "s3cret-word" not in page
