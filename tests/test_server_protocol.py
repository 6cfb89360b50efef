"""The SPARQL endpoint of a running `seminargraph serve`, driven by real clients over a real socket.

SPARQLWrapper and rdflib's SPARQLStore as clients; the "bad request" cases of the W3C SPARQL 1.1
Protocol tests (written from the suite's descriptions); the limits (time, rows, size), refused
updates and remote access, concurrent clients, a query that crashes the engine, and writes with the
write token.
"""

from __future__ import annotations

import base64
import http.client as http_client
import logging
import resource
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from seminargraph import load_graph, run_query
from seminargraph.query import execute
from seminargraph.store import open_graph, write_store
from seminargraph.vocab import SG
from test_server_support import Running, start_server

TOKEN = "test-token-0123456789abcdef"
PREFIX = "PREFIX sg: <https://seminargraph.example/ns#>\n"
NAMES = PREFIX + "SELECT ?name WHERE { ?p a sg:Person ; sg:name ?name } ORDER BY ?name"
CONSTRUCT = PREFIX + "CONSTRUCT { ?e sg:hasParticipant ?a } WHERE { ?p sg:event ?e ; sg:agent ?a }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: Parsed at once by Oxigraph, then overflows its stack while evaluating: the process dies.
CRASHING = "SELECT * WHERE { BIND(" + "+".join(["1"] * 30_000) + " AS ?x) }"
ROW_LIMIT = 200
MAX_REQUEST = 200_000


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    running = start_server(
        "--time-limit", "3", "--row-limit", str(ROW_LIMIT), "--max-request-bytes", str(MAX_REQUEST)
    )
    yield running
    running.stop()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, str]]:
    folder = tmp_path_factory.mktemp("writable")
    store = f"oxigraph:{folder / 'kg'}"
    write_store(store, load_graph())
    token_file = folder / "token"
    token_file.write_text(TOKEN + "\n", "utf-8")
    running = start_server("--store", store, "--write-token-file", str(token_file), "--time-limit", "3")
    yield running, store
    running.stop()


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def _names(graph: Any) -> list[str]:
    return [str(r[0]) for r in execute(graph, NAMES).rows]


def _count(http: httpx.Client, url: str) -> int:
    answer = http.get(
        url + "sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"}
    )
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


BEARER = {"Authorization": f"Bearer {TOKEN}"}


# --- real clients -----------------------------------------------------------------------------------


def test_sparqlwrapper_gets_json_xml_csv_and_graphs(server: Running, seed_graph: Any) -> None:
    from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

    expected = _names(seed_graph)
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    assert [b["name"]["value"] for b in answer["results"]["bindings"]] == expected
    client.setReturnFormat(XML)
    document = client.queryAndConvert()
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")] == expected
    client.setReturnFormat(CSV)
    assert client.queryAndConvert().decode("utf-8").split("\r\n")[1:-1] == expected
    client.setMethod(POST)
    for method in ("urlencoded", POSTDIRECTLY):
        client.setRequestMethod(method)
        client.setReturnFormat(JSON)
        answer = client.queryAndConvert()
        assert [b["name"]["value"] for b in answer["results"]["bindings"]] == expected
    client.setQuery(PREFIX + "ASK { ?p sg:role sg:ModeratorRole }")
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(CONSTRUCT)
    for fmt in (XML, TURTLE):
        client.setReturnFormat(fmt)
        graph = client.queryAndConvert()
        if not isinstance(graph, Graph):
            graph = Graph().parse(data=graph, format="turtle")
        assert isomorphic(graph, execute(seed_graph, CONSTRUCT).graph)


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_rdflib_sparqlstore_reads_the_endpoint(server: Running, seed_graph: Any, fmt: str) -> None:
    graph = Graph(store=SPARQLStore(server.url + "sparql", returnFormat=fmt))
    assert [str(r[0]) for r in graph.query(NAMES)] == _names(seed_graph)
    people = set(graph.subjects(RDF.type, SG.Person))
    assert len(people) == 8
    assert all(isinstance(p, URIRef) for p in people)


def test_our_remote_store_runs_the_named_queries_against_serve(server: Running, seed_graph: Any) -> None:
    from seminargraph.store import open_graph

    remote = open_graph(server.url + "sparql")
    for name in ("participants", "moderators", "event-hierarchy"):
        assert (
            run_query(remote, name, lang="en").records() == run_query(seed_graph, name, lang="en").records()
        )


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, text/csv;q=0.8", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        ("image/png", "application/sparql-results+json"),
    ],
)
def test_select_answers_in_the_negotiated_format(
    server: Running, http: httpx.Client, accept: str, media_type: str
) -> None:
    answer = http.get(server.url + "sparql", params={"query": NAMES}, headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].split(";")[0] == media_type
    assert "Magnus Staxäng" in answer.text


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_answers_in_the_negotiated_rdf_format(
    server: Running, http: httpx.Client, seed_graph: Any, accept: str, rdflib_format: str
) -> None:
    answer = http.get(server.url + "sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=answer.content, format=rdflib_format)
    assert isomorphic(graph, execute(seed_graph, CONSTRUCT).graph)


def test_the_service_description_says_what_the_endpoint_offers(server: Running, http: httpx.Client) -> None:
    answer = http.get(server.url + "sparql", headers={"Accept": "text/turtle"})
    assert answer.status_code == 200
    graph = Graph().parse(data=answer.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(server.url + "sparql")) in graph
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Update")) not in graph


def test_a_dataset_from_the_protocol_restricts_the_query(server: Running, http: httpx.Client) -> None:
    ontology = "https://seminargraph.example/ns#"
    query = PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?p a sg:Person }"
    answer = http.get(server.url + "sparql", params={"query": query, "default-graph-uri": ontology})
    assert answer.json()["results"]["bindings"][0]["n"]["value"] == "0"
    everything = http.get(server.url + "sparql", params={"query": query})
    assert everything.json()["results"]["bindings"][0]["n"]["value"] == "8"


# --- the W3C SPARQL 1.1 Protocol "bad request" cases -------------------------------------------------

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}
UPDATE = {"Content-Type": "application/sparql-update"}
INSERT = "INSERT DATA { GRAPH <https://x.example/g> { <https://x.example/s> <https://x.example/p> 'o' } }"

BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int]] = [
    ("bad_query_method", "PUT", {"params": {"query": "ASK {}"}}, 405),
    ("bad_query_method_delete", "DELETE", {"params": {"query": "ASK {}"}}, 405),
    ("bad_multiple_queries", "GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    (
        "bad_multiple_queries_form",
        "POST",
        {"headers": FORM, "content": "query=ASK%7B%7D&query=ASK%7B%7D"},
        400,
    ),
    (
        "bad_query_wrong_media_type",
        "POST",
        {"headers": {"Content-Type": "text/plain"}, "content": "ASK {}"},
        415,
    ),
    ("bad_query_missing_form_type", "POST", {"content": "query=ASK%7B%7D"}, 415),
    ("bad_query_missing_direct_type", "POST", {"content": "ASK {}"}, 415),
    (
        "bad_query_non_utf8",
        "POST",
        {"headers": {"Content-Type": "application/sparql-query; charset=ISO-8859-1"}, "content": "ASK {}"},
        415,
    ),
    (
        "bad_query_invalid_utf8",
        "POST",
        {"headers": DIRECT, "content": "ASK { ?s ?p 'Å' }".encode("latin-1")},
        400,
    ),
    (
        "bad_query_too_many_form_fields",
        "POST",
        {"headers": FORM, "content": "a=1&" * 10_001 + "query=ASK%7B%7D"},
        400,
    ),
    ("bad_query_syntax", "GET", {"params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400),
    ("bad_query_empty", "GET", {"params": {"query": "   "}}, 400),
    ("bad_query_and_update", "POST", {"headers": FORM, "content": "query=ASK%7B%7D&update=CLEAR+ALL"}, 400),
    ("bad_dataset_iri", "GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
    ("bad_update_get", "GET", {"params": {"update": INSERT}}, 405),
    ("bad_multiple_updates", "POST", {"headers": FORM, "content": "update=CLEAR+ALL&update=CLEAR+ALL"}, 400),
    (
        "bad_update_wrong_media_type",
        "POST",
        {"headers": {"Content-Type": "text/plain"}, "content": INSERT},
        415,
    ),
    ("bad_update_missing_form_type", "POST", {"content": "update=CLEAR+ALL"}, 415),
    (
        "bad_update_non_utf8",
        "POST",
        {"headers": {"Content-Type": "application/sparql-update; charset=UTF-16"}, "content": INSERT},
        415,
    ),
    ("bad_update_syntax", "POST", {"headers": UPDATE, "content": "INSERT DATA { <a:b> <a:c> }"}, 400),
    (
        "bad_update_dataset_conflict",
        "POST",
        {
            "headers": UPDATE,
            "params": {"using-named-graph-uri": "https://x.example/g"},
            "content": "DELETE { ?s ?p ?o } USING NAMED <https://x.example/h> WHERE { GRAPH ?g {?s ?p ?o} }",
        },
        400,
    ),
]


@pytest.mark.parametrize(
    ("case", "method", "request_", "status"), BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS]
)
def test_w3c_bad_requests_get_4xx_and_change_nothing(
    writable: tuple[Running, str],
    http: httpx.Client,
    case: str,
    method: str,
    request_: dict[str, Any],
    status: int,
) -> None:
    running, _store = writable
    before = _count(http, running.url)
    headers = {**BEARER, **request_.get("headers", {})}
    options = {k: v for k, v in request_.items() if k != "headers"}
    answer = http.request(method, running.url + "sparql", headers=headers, **options)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"]
    assert _count(http, running.url) == before


# --- limits -----------------------------------------------------------------------------------------


def test_an_endless_query_is_stopped_at_the_time_limit_and_the_next_one_runs(
    server: Running, http: httpx.Client
) -> None:
    started = time.monotonic()
    answer = http.get(server.url + "sparql", params={"query": ENDLESS})
    took = time.monotonic() - started
    assert answer.status_code == 503
    assert "time limit of 3 s" in answer.json()["error"]
    assert 2.5 < took < 10
    for _ in range(3):
        after = http.get(server.url + "sparql", params={"query": "ASK {}"})
        assert after.status_code == 200 and after.json()["boolean"] is True
    _all_workers_ready(http, server.url)
    assert http.get(server.url + "health").json() == {"status": "ok", "workers": 2, "of": 2}


def _all_workers_ready(http: httpx.Client, url: str) -> None:
    deadline = time.monotonic() + 60
    while (state := http.get(url + "health").json())["workers"] < state["of"]:
        assert time.monotonic() < deadline, f"the workers did not come back: {state}"
        time.sleep(0.1)


def test_a_runaway_query_does_not_hold_up_the_others(
    server: Running, http: httpx.Client, seed_graph: Any
) -> None:
    _all_workers_ready(http, server.url)
    with ThreadPoolExecutor(4) as pool:
        runaway = pool.submit(http.get, server.url + "sparql", params={"query": ENDLESS})
        time.sleep(0.3)
        quick = http.get(server.url + "sparql", params={"query": NAMES})
        # The quick answer came while the runaway still ran (it is stopped only at the 3 s limit).
        assert not runaway.done(), "the quick query waited for the runaway one"
        assert [b["name"]["value"] for b in quick.json()["results"]["bindings"]] == _names(seed_graph)
        assert runaway.result().status_code == 503


def test_answers_over_the_row_limit_are_cut_and_flagged(server: Running, http: httpx.Client) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"
    answer = http.get(server.url + "sparql", params={"query": everything})
    assert answer.headers["sparql-results-truncated"] == "true"
    document = answer.json()
    assert document["truncated"] is True
    assert len(document["results"]["bindings"]) == ROW_LIMIT
    xml = http.get(server.url + "sparql", params={"query": everything, "format": "xml"})
    assert '<link href="#truncated"/>' in xml.text
    small = http.get(server.url + "sparql", params={"query": NAMES})
    assert "sparql-results-truncated" not in small.headers and "truncated" not in small.json()


def test_closing_the_pool_while_it_replaces_a_stopped_worker_is_quiet(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from seminargraph.errors import Busy
    from seminargraph.server.config import ServerConfig
    from seminargraph.server.workers import Pool

    for _ in range(2):
        pool = Pool(ServerConfig(time_limit=0.5, workers=1))
        pool.start()
        with pytest.raises(Busy, match="time limit"):
            pool.run("sparql", {"text": ENDLESS})
        time.sleep(0.3)  # the replacement is started (it needs about a second to be ready)
        pool.close()
        deadline = time.monotonic() + 30
        while any(t.name == "seminargraph-restart" for t in threading.enumerate()):
            assert time.monotonic() < deadline
            time.sleep(0.05)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_named_query_answering_a_graph_over_the_row_limit_is_flagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from seminargraph.query import QueryResult
    from seminargraph.server import jobs
    from seminargraph.server.config import ServerConfig

    graph = Graph()
    for n in range(3):
        graph.add((URIRef(f"https://x.example/s{n}"), RDF.type, SG.Person))
    monkeypatch.setattr(jobs, "run_query", lambda *args, **kwargs: QueryResult("graph", graph=graph))
    outcome = jobs.Engine(ServerConfig(row_limit=2)).named("people", {}, "en")
    assert len(outcome.triples) == 2 and outcome.truncated


def test_a_query_that_would_crash_the_engine_is_refused_before_it_runs(
    server: Running, http: httpx.Client
) -> None:
    answer = http.post(server.url + "sparql", headers=DIRECT, content=CRASHING)
    assert answer.status_code == 400
    assert "operators" in answer.json()["error"]
    unions = "SELECT * WHERE {" + "UNION".join(["{}"] * 9000) + "}"
    answer = http.post(server.url + "sparql", headers=DIRECT, content=unions)
    assert answer.status_code == 400
    assert "groups" in answer.json()["error"]
    nested = "SELECT * WHERE " + "{ " * 3000 + "}" * 3000
    answer = http.post(server.url + "sparql", headers=DIRECT, content=nested)
    assert answer.status_code == 400
    assert "nests { } more than" in answer.json()["error"]
    assert http.get(server.url + "sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_query_that_crashes_the_engine_gets_an_error_and_the_server_keeps_serving(
    http: httpx.Client,
) -> None:
    # With the limits lifted, the query reaches a worker and crashes it: the server survives.
    lifted = {"SEMINARGRAPH_MAX_QUERY_OPERATORS": "1000000", "SEMINARGRAPH_MAX_QUERY_GROUPS": "1000000"}
    server = start_server("--time-limit", "3", env=lifted)
    try:
        answer = http.post(server.url + "sparql", headers=DIRECT, content=CRASHING)
        assert answer.status_code == 500
        assert "crashed" in answer.json()["error"]
        for _ in range(4):
            after = http.get(server.url + "sparql", params={"query": "ASK {}"})
            assert after.status_code == 200
        assert server.process.poll() is None
        _all_workers_ready(http, server.url)
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("make", "status", "message"),
    [
        (
            lambda: {"method": "POST", "headers": DIRECT, "content": "#" * (MAX_REQUEST + 1)},
            413,
            "over the limit",
        ),
        (
            lambda: {"method": "POST", "headers": DIRECT, "content": "ASK {} #" + "x" * 120_000},
            400,
            "characters long",
        ),
    ],
    ids=["body", "query-text"],
)
def test_oversize_requests_are_refused(
    server: Running, http: httpx.Client, make: Callable[[], dict[str, Any]], status: int, message: str
) -> None:
    request_ = make()
    answer = http.request(request_.pop("method"), server.url + "sparql", **request_)
    assert answer.status_code == status
    assert message in answer.json()["error"]
    assert http.get(server.url + "sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_url_over_the_limit_is_refused(server: Running) -> None:
    # httpx will not send a URL this long; http.client sends what it is given.
    host, port = server.url.removeprefix("http://").rstrip("/").split(":")
    connection = http_client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/sparql?query=" + "%23" * (MAX_REQUEST // 3 + 10))
    answer = connection.getresponse()
    assert answer.status == 414
    assert "URL is longer" in answer.read().decode()
    connection.close()


def test_a_chunked_body_over_the_limit_is_refused(server: Running, http: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"#" * 10_000

    answer = http.post(server.url + "sparql", headers=DIRECT, content=chunks())
    assert answer.status_code == 413


def test_concurrent_clients_each_get_their_own_answer(
    server: Running, http: httpx.Client, seed_graph: Any
) -> None:
    jobs = [
        ("/queries/participants.json", {"lang": "en"}, "participants", {}),
        ("/queries/moderators.json", {"lang": "sv"}, "moderators", {}),
        ("/queries/evidence.json", {"person": "leif-jonsson"}, "evidence", {"person": "leif-jonsson"}),
        (
            "/queries/co-participants.json",
            {"person": "johan-lod"},
            "co-participants",
            {"person": "johan-lod"},
        ),
        (
            "/queries/organisation-people.json",
            {"organisation": "hypergene"},
            "organisation-people",
            {"organisation": "hypergene"},
        ),
    ] * 3

    def fetch(
        job: tuple[str, dict[str, str], str, dict[str, str]],
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        path, params, name, bound = job
        with httpx.Client(timeout=30) as own:
            got = own.get(server.url.rstrip("/") + path, params=params).json()["rows"]
        lang = params.get("lang", "sv")
        expected = run_query(seed_graph, name, lang=lang, params=bound).records()
        return got, expected

    with ThreadPoolExecutor(8) as pool:
        for got, expected in pool.map(fetch, jobs):
            assert got == expected
            assert got


# --- refused: updates without the token, remote access, other sites ----------------------------------

REFUSED_WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("update-by-get", "GET", {"params": {"update": INSERT}}),
    ("update-by-form", "POST", {"headers": FORM, "data": {"update": INSERT}}),
    ("update-direct", "POST", {"headers": UPDATE, "content": INSERT}),
    ("drop-all", "POST", {"headers": UPDATE, "content": "DROP ALL"}),
    ("drop-all-by-get", "GET", {"params": {"update": "DROP ALL"}}),
    ("clear-all-by-form", "POST", {"headers": FORM, "data": {"update": "CLEAR ALL"}}),
    ("delete-where", "POST", {"headers": UPDATE, "content": "DELETE WHERE { ?s ?p ?o }"}),
    ("load", "POST", {"headers": UPDATE, "content": "LOAD <http://127.0.0.1:9/data.ttl>"}),
]


@pytest.mark.parametrize(("case", "method", "request_"), REFUSED_WRITES, ids=[c[0] for c in REFUSED_WRITES])
def test_updates_are_refused_on_a_read_only_server(
    server: Running, http: httpx.Client, case: str, method: str, request_: dict[str, Any]
) -> None:
    before = _count(http, server.url)
    answer = http.request(method, server.url + "sparql", **request_)
    assert answer.status_code == 403
    assert "read-only" in answer.json()["error"]
    assert _count(http, server.url) == before


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_graph_store_writes_are_refused_on_a_read_only_server(
    server: Running, http: httpx.Client, method: str
) -> None:
    graph = {"graph": "https://seminargraph.example/id/graph/hypergene-almedalen-2015"}
    before = _count(http, server.url)
    answer = http.request(
        method,
        server.url + "store",
        params=graph,
        headers={**BEARER, "Content-Type": "text/turtle"},
        content="<https://x.example/s> <https://x.example/p> 'o' .",
    )
    assert answer.status_code == 403
    assert "read-only" in answer.json()["error"]
    assert _count(http, server.url) == before


def test_updates_with_a_wrong_token_are_refused(writable: tuple[Running, str], http: httpx.Client) -> None:
    running, _store = writable
    before = _count(http, running.url)
    wrong = [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Basic " + base64.b64encode(b"x:wrong").decode()]
    for authorization in wrong:
        answer = http.post(
            running.url + "sparql", headers={"Authorization": authorization, **UPDATE}, content=INSERT
        )
        assert answer.status_code == 403
        assert "write token" in answer.json()["error"]
    assert _count(http, running.url) == before
    assert TOKEN not in running.log()


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_graph_store_writes_are_refused_without_the_token(
    writable: tuple[Running, str], http: httpx.Client, method: str
) -> None:
    running, _store = writable
    before = _count(http, running.url)
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": "Basic !!"}):
        answer = http.request(
            method,
            running.url + "store",
            params={"graph": "https://x.example/g"},
            headers={**headers, "Content-Type": "text/turtle"},
            content="<https://x.example/s> <https://x.example/p> 'o' .",
        )
        assert answer.status_code == 403
        assert "write token" in answer.json()["error"]
    assert _count(http, running.url) == before


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A local socket that records whether anything connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                hits.append(conn.recv(1000))
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", hits
    stop.set()
    thread.join()
    sock.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { sErViCe SILENT <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
        "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ],
)
def test_queries_that_reach_outside_are_refused_before_they_run(
    server: Running, http: httpx.Client, listener: tuple[str, list[bytes]], template: str
) -> None:
    url, hits = listener
    answer = http.get(server.url + "sparql", params={"query": template.replace("{url}", url)})
    assert answer.status_code == 400
    assert "would read from outside the store" in answer.json()["error"]
    time.sleep(0.3)
    assert hits == []


def test_load_from_outside_is_refused_even_with_the_token(
    writable: tuple[Running, str], http: httpx.Client, listener: tuple[str, list[bytes]]
) -> None:
    running, _store = writable
    url, hits = listener
    for text in (f"LOAD <{url}>", f"LOAD SILENT <{url}> INTO GRAPH <https://x.example/g>"):
        answer = http.post(running.url + "sparql", headers={**BEARER, **UPDATE}, content=text)
        assert answer.status_code == 400
        assert "would read from outside the store" in answer.json()["error"]
    time.sleep(0.3)
    assert hits == []


def test_writes_from_pages_of_other_sites_are_refused(
    writable: tuple[Running, str], http: httpx.Client
) -> None:
    running, _store = writable
    before = _count(http, running.url)
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
        answer = http.post(
            running.url + "sparql", headers={**BEARER, **FORM, **headers}, data={"update": INSERT}
        )
        assert answer.status_code == 403
        assert "other sites" in answer.json()["error"]
        put = http.put(
            running.url + "store",
            params={"graph": "https://x.example/g"},
            headers={**BEARER, "Content-Type": "text/turtle", **headers},
            content="<https://x.example/s> <https://x.example/p> 'o' .",
        )
        assert put.status_code == 403
        assert "other sites" in put.json()["error"]
    assert _count(http, running.url) == before


def test_a_host_header_naming_another_server_is_refused(server: Running, http: httpx.Client) -> None:
    answer = http.get(server.url + "sparql", params={"query": "ASK {}"}, headers={"Host": "rebound.example"})
    assert answer.status_code == 400
    assert "Host header" in answer.json()["error"]


# --- writing with the token -----------------------------------------------------------------------


def test_updates_with_the_token_are_applied(writable: tuple[Running, str], http: httpx.Client) -> None:
    running, _store = writable
    before = _count(http, running.url)
    answer = http.post(running.url + "sparql", headers={**BEARER, **UPDATE}, content=INSERT)
    assert answer.status_code == 204, answer.text
    assert _count(http, running.url) == before + 1
    basic = "Basic " + base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
    drop = http.post(
        running.url + "sparql",
        headers={"Authorization": basic, **FORM},
        data={"update": "DROP GRAPH <https://x.example/g>"},
    )
    assert drop.status_code == 204
    assert _count(http, running.url) == before
    assert TOKEN not in running.log()


def test_the_graph_store_protocol_reads_and_writes_graphs(
    writable: tuple[Running, str], http: httpx.Client
) -> None:
    running, _store = writable
    target = {"graph": "https://x.example/gsp"}
    turtle = "<https://x.example/s> <https://x.example/p> 'one', 'two' ."
    put = http.put(
        running.url + "store",
        params=target,
        headers={**BEARER, "Content-Type": "text/turtle"},
        content=turtle,
    )
    assert put.status_code == 201
    got = http.get(running.url + "store", params=target, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.text.count("\n") == 2
    post = http.post(
        running.url + "store",
        params=target,
        headers={**BEARER, "Content-Type": "application/n-triples"},
        content='<https://x.example/s> <https://x.example/p> "three" .\n',
    )
    assert post.status_code == 204
    as_turtle = http.get(running.url + "store", params=target, headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=as_turtle.text, format="turtle")) == 3
    replaced = http.put(
        running.url + "store",
        params=target,
        headers={**BEARER, "Content-Type": "text/turtle"},
        content=turtle,
    )
    assert replaced.status_code == 204
    bad = http.put(
        running.url + "store",
        params=target,
        headers={**BEARER, "Content-Type": "text/turtle"},
        content="<a> <b",
    )
    assert bad.status_code == 400
    kept = http.get(running.url + "store", params=target, headers={"Accept": "application/n-triples"})
    assert kept.text.count("\n") == 2, "the malformed PUT changed nothing"
    deleted = http.delete(running.url + "store", params=target, headers=BEARER)
    assert deleted.status_code == 204
    assert http.get(running.url + "store", params=target).status_code == 404
    assert http.delete(running.url + "store", params=target, headers=BEARER).status_code == 404


def test_load_into_a_running_server_through_its_graph_store(
    writable: tuple[Running, str], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    running, _store = writable
    host = running.url.removeprefix("http://")
    minimal = Path(__file__).parent / "data" / "minimal"
    refused = run_cli(
        "load", "--store", f"{running.url}sparql", "--graph-store", f"{running.url}store", str(minimal)
    )
    assert refused.exit_code == 1
    assert "answered HTTP 403" in refused.stderr
    with_token = f"http://loader:{TOKEN}@{host}"
    loaded = run_cli(
        "load", "--store", f"{with_token}sparql", "--graph-store", f"{with_token}store", str(minimal)
    )
    assert loaded.exit_code == 0, loaded.stderr
    assert TOKEN not in loaded.stdout
    rows = run_cli("query", "participants", "--store", f"{running.url}sparql", "--format", "csv")
    assert "Anna Berg" in rows.stdout


def test_a_load_into_a_served_store_is_told_the_store_is_in_use(
    writable: tuple[Running, str], run_cli: Callable[..., Any]
) -> None:
    _running, store = writable
    result = run_cli("load", "--store", store)
    assert result.exit_code == 1
    assert "is in use by another process" in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def test_a_write_that_finds_the_disk_full_says_so_and_the_old_data_stays(
    tmp_path: Path, http: httpx.Client
) -> None:
    root = tmp_path / "kg"
    store = f"oxigraph:{root}"
    write_store(store, load_graph())
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", "utf-8")
    # No file of the server may grow past 512 kB: the write below needs several MB.
    running = start_server(
        "--store",
        store,
        "--write-token-file",
        str(token_file),
        "--max-request-bytes",
        "10000000",
        # The write is meant to fail on the disk, not on time: a busy machine takes over 5 s for it.
        "--time-limit",
        "120",
        file_size_limit=512 * 1024,
    )
    try:
        url = running.url
        before = _count(http, url)
        names = http.get(url + "sparql", params={"query": NAMES}, headers={"Accept": "text/csv"}).text
        big = "".join(
            f'<https://x.example/s{i}> <https://x.example/p> "value {i} {"x" * 40}" .\n'
            for i in range(60_000)
        )
        target = {"graph": "https://x.example/big"}
        headers = {**BEARER, "Content-Type": "application/n-triples"}
        for write in (
            lambda: http.put(url + "store", params=target, headers=headers, content=big),
            lambda: http.post(
                url + "sparql",
                headers={**BEARER, **UPDATE},
                content=f"INSERT DATA {{ GRAPH <https://x.example/big> {{ {big} }} }}",
            ),
        ):
            answer = write()
            assert answer.status_code == 507, answer.text
            error = answer.json()["error"]
            assert error.startswith(f"{root}: the disk is full, so the write was not saved (")
            assert "File too large" in error
            assert "Nothing was changed" in error and f"Free space on the disk that holds {root}" in error
            # The earlier data is still served, unchanged, by the same worker.
            assert _count(http, url) == before
            assert (
                http.get(url + "sparql", params={"query": NAMES}, headers={"Accept": "text/csv"}).text
                == names
            )
            assert http.get(url + "store", params=target).status_code == 404
            assert http.get(url + "health").json() == {"status": "ok", "workers": 1, "of": 1}
        assert "Traceback" not in running.log()
        # A write that fits is saved: the store was opened again after the failed one.
        small = '<https://x.example/s> <https://x.example/p> "small" .\n'
        assert http.put(url + "store", params=target, headers=headers, content=small).status_code == 201
        assert _count(http, url) == before + 1
        # No room at all, also not to open the store again for writing: refused, and read-only.
        workers = _children(running.process.pid)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        for child in workers:
            resource.prlimit(child, resource.RLIMIT_FSIZE, (0, hard))
        other = '<https://x.example/s> <https://x.example/p> "other" .\n'
        for _ in range(2):
            refused = http.post(url + "store", params=target, headers=headers, content=other)
            assert refused.status_code == 507, refused.text
            assert f"{root}: the disk is full" in refused.json()["error"]
            assert _count(http, url) == before + 1
        # With room again, the next write is saved.
        for child in workers:
            resource.prlimit(child, resource.RLIMIT_FSIZE, (hard, hard))
        saved = http.post(url + "store", params=target, headers=headers, content=other)
        assert saved.status_code == 204, saved.text
        assert _count(http, url) == before + 2
    finally:
        running.stop()
    # On disk: the earlier data and the two small writes, nothing of the big ones.
    graph = open_graph(store)
    try:
        assert execute(graph, COUNT).rows[0][0] == Literal(before + 2)
    finally:
        graph.close()
