"""The SPARQL endpoint of a running `seminargraph serve`, driven by real clients over a real socket.

SPARQLWrapper and rdflib's SPARQLStore as clients; negotiated formats, the service description and
the protocol's dataset; concurrent clients; writes with the write token. What the endpoint refuses
(updates without the token, remote access, runaway and pathological queries, the W3C "bad request"
cases, other sites) is in test_hostile_server.py, under the cases of HOSTILE.md.
"""

from __future__ import annotations

import base64
import logging
import resource
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
from test_hostile_server import ENDLESS, FORM, INSERT, NAMES, PREFIX, UPDATE
from test_server_support import BEARER, COUNT, TOKEN, Running, count_triples, start_server, start_writable

CONSTRUCT = PREFIX + "CONSTRUCT { ?e sg:hasParticipant ?a } WHERE { ?p sg:event ?e ; sg:agent ?a }"


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    running = start_server("--time-limit", "3")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, str]]:
    running, store = start_writable(tmp_path_factory.mktemp("writable"), "--time-limit", "3")
    yield running, store
    running.stop()


def _names(graph: Any) -> list[str]:
    return [str(r[0]) for r in execute(graph, NAMES).rows]


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
    # A cache must not hand this answer to a client that asked for another format.
    assert answer.headers["vary"] == "Accept"


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
    assert answer.headers["vary"] == "Accept"
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


# --- limits -----------------------------------------------------------------------------------------


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


# --- refused: another Host --------------------------------------------------------------------------


def test_a_host_header_naming_another_server_is_refused(server: Running, http: httpx.Client) -> None:
    answer = http.get(server.url + "sparql", params={"query": "ASK {}"}, headers={"Host": "rebound.example"})
    assert answer.status_code == 400
    assert "Host header" in answer.json()["error"]


# --- writing with the token -----------------------------------------------------------------------


def test_updates_with_the_token_are_applied(writable: tuple[Running, str], http: httpx.Client) -> None:
    running, _store = writable
    before = count_triples(http, running.url)
    answer = http.post(running.url + "sparql", headers={**BEARER, **UPDATE}, content=INSERT)
    assert answer.status_code == 204, answer.text
    assert count_triples(http, running.url) == before + 1
    basic = "Basic " + base64.b64encode(f"anyone:{TOKEN}".encode()).decode()
    drop = http.post(
        running.url + "sparql",
        headers={"Authorization": basic, **FORM},
        data={"update": "DROP GRAPH <https://x.example/g>"},
    )
    assert drop.status_code == 204
    assert count_triples(http, running.url) == before
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
        before = count_triples(http, url)
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
            assert count_triples(http, url) == before
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
        assert count_triples(http, url) == before + 1
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
            assert count_triples(http, url) == before + 1
        # With room again, the next write is saved.
        for child in workers:
            resource.prlimit(child, resource.RLIMIT_FSIZE, (hard, hard))
        saved = http.post(url + "store", params=target, headers=headers, content=other)
        assert saved.status_code == 204, saved.text
        assert count_triples(http, url) == before + 2
    finally:
        running.stop()
    # On disk: the earlier data and the two small writes, nothing of the big ones.
    graph = open_graph(store)
    try:
        assert execute(graph, COUNT).rows[0][0] == Literal(before + 2)
    finally:
        graph.close()
