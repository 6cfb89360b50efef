"""Cases 12-19 of ../shared/HOSTILE.md ("Queries and the server"), against a real `seminargraph serve`.

One or more tests per case, named after it. What a user relies on: a read-only endpoint stays
unchanged whatever is sent to it, nothing a query names outside the store is fetched (a loopback
listener stands in for the outside host and must see no request), a runaway or pathological query
costs at most one worker and its time limit while other queries are answered, parameters are terms,
a faulty remote store is an error naming it, and every protocol bad request is a 4xx. Then CORS
(``serve --cors``): pages of another origin may query, never write.
"""

from __future__ import annotations

import base64
import html
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_server_support import (
    BEARER,
    TOKEN,
    Running,
    count_triples,
    start_oxigraph,
    start_server,
    start_writable,
)
from test_store_remote import RESULTS, FaultyEndpoint, cut_short, html_error, silent, trickle

PREFIX = "PREFIX sg: <https://seminargraph.example/ns#>\n"
NAMES = PREFIX + "SELECT ?name WHERE { ?p a sg:Person ; sg:name ?name } ORDER BY ?name"
#: A cartesian product of the store with itself four times over: it runs for hours.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: A property path over everything, joined with everything twice.
ENDLESS_PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<x:none>)* ?b . ?c ?d ?e . ?f ?g ?h }"
#: Parsed at once by Oxigraph, then overflows its stack while evaluating: the process dies.
CRASHING = "SELECT * WHERE { BIND(" + "+".join(["1"] * 30_000) + " AS ?x) }"
TIME_LIMIT = 3
ROW_LIMIT = 200
MAX_REQUEST = 200_000
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}
UPDATE = {"Content-Type": "application/sparql-update"}
INSERT = "INSERT DATA { GRAPH <https://x.example/g> { <https://x.example/s> <https://x.example/p> 'o' } }"
GRAPH_TURTLE = "<https://x.example/s> <https://x.example/p> 'o' ."
SEED_GRAPH = "https://seminargraph.example/id/graph/hypergene-almedalen-2015"


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    running = start_server(
        "--time-limit",
        str(TIME_LIMIT),
        "--row-limit",
        str(ROW_LIMIT),
        "--max-request-bytes",
        str(MAX_REQUEST),
    )
    yield running
    running.stop()


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, str]]:
    running, store = start_writable(tmp_path_factory.mktemp("writable"), "--time-limit", str(TIME_LIMIT))
    yield running, store
    running.stop()


def _refused(answer: httpx.Response, status: int, words: str) -> None:
    """The answer is the JSON problem the server gives: {"error": ..., "status": ...}."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["status"] == status and words in body["error"], body


def _all_workers_ready(http: httpx.Client, url: str) -> None:
    deadline = time.monotonic() + 60
    while (state := http.get(url + "health").json())["workers"] < state["of"]:
        assert time.monotonic() < deadline, f"the workers did not come back: {state}"
        time.sleep(0.1)


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback socket standing in for an outside host: it records whether anything connected."""
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


# --- 12. updates sent to a read-only endpoint ------------------------------------------------------

UPDATES = {
    "insert": INSERT,
    "delete": "DELETE WHERE { ?s ?p ?o }",
    "load": "LOAD <http://127.0.0.1:9/data.ttl>",
    "clear": "CLEAR ALL",
    "drop": "DROP ALL",
}
SENT_BY: dict[str, Callable[[str], dict[str, Any]]] = {
    "get": lambda text: {"method": "GET", "params": {"update": text}},
    "form-post": lambda text: {"method": "POST", "headers": FORM, "data": {"update": text}},
    "direct-post": lambda text: {"method": "POST", "headers": UPDATE, "content": text},
}


@pytest.mark.parametrize("by", SENT_BY)
@pytest.mark.parametrize("update", UPDATES)
def test_case12_update_on_read_only_endpoint_is_refused_and_changes_nothing(
    server: Running, http: httpx.Client, update: str, by: str
) -> None:
    before = count_triples(http, server.url)
    request_ = SENT_BY[by](UPDATES[update])
    for authorization in ({}, BEARER):  # a token means nothing to a server started without one
        sent = {**request_, "headers": {**request_.get("headers", {}), **authorization}}
        answer = http.request(sent.pop("method"), server.url + "sparql", **sent)
        _refused(answer, 403, "read-only")
    assert count_triples(http, server.url) == before


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_case12_graph_store_write_on_read_only_endpoint_is_refused(
    server: Running, http: httpx.Client, method: str
) -> None:
    before = count_triples(http, server.url)
    answer = http.request(
        method,
        server.url + "store",
        params={"graph": SEED_GRAPH},
        headers={**BEARER, "Content-Type": "text/turtle"},
        content=GRAPH_TURTLE,
    )
    _refused(answer, 403, "read-only")
    assert count_triples(http, server.url) == before


def test_case12_updates_without_a_valid_token_are_refused_and_the_token_is_never_logged(
    writable: tuple[Running, str], http: httpx.Client
) -> None:
    running, _store = writable
    before = count_triples(http, running.url)
    wrong = [
        {},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": "Basic eDp3cm9uZw=="},  # x:wrong
        {"Authorization": "Basic !!"},
        {"Authorization": TOKEN},  # no scheme
    ]
    for headers in wrong:
        for by in SENT_BY.values():
            request_ = by(INSERT)
            sent = {**request_, "headers": {**request_.get("headers", {}), **headers}}
            answer = http.request(sent.pop("method"), running.url + "sparql", **sent)
            assert answer.status_code == 403, answer.text
        for method in ("PUT", "POST", "DELETE"):
            answer = http.request(
                method,
                running.url + "store",
                params={"graph": "https://x.example/g"},
                headers={**headers, "Content-Type": "text/turtle"},
                content=GRAPH_TURTLE,
            )
            _refused(answer, 403, "write token")
    assert count_triples(http, running.url) == before
    # Writes with the token, by Bearer and by Basic: it is not logged either.
    assert http.post(running.url + "sparql", headers={**BEARER, **UPDATE}, content=INSERT).status_code == 204
    basic = {"Authorization": "Basic " + base64.b64encode(f"anyone:{TOKEN}".encode()).decode()}
    drop = http.post(
        running.url + "sparql", headers={**basic, **FORM}, data={"update": "DROP GRAPH <https://x.example/g>"}
    )
    assert drop.status_code == 204
    assert count_triples(http, running.url) == before
    log = running.log()
    assert "POST /sparql" in log and TOKEN not in log and TOKEN[:12] not in log


# --- 13. cross-site form posts to a write route -------------------------------------------------------


def test_case13_cross_site_form_post_to_a_write_route_is_refused_before_any_work(
    writable: tuple[Running, str], http: httpx.Client
) -> None:
    running, _store = writable
    before = count_triples(http, running.url)
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
        # With the token, even: a page of another site may hold a logged-in browser's credentials.
        answer = http.post(
            running.url + "sparql", headers={**BEARER, **FORM, **headers}, data={"update": INSERT}
        )
        _refused(answer, 403, "other sites")
        put = http.put(
            running.url + "store",
            params={"graph": "https://x.example/g"},
            headers={**BEARER, "Content-Type": "text/turtle", **headers},
            content=GRAPH_TURTLE,
        )
        _refused(put, 403, "other sites")
        # Before any work: a body that is no request at all, or not SPARQL, is refused the same
        # way (it would be a 415 or a 400 once read).
        for content, kind in (("update=INSERT+DATA+%7B", "application/x-www-form-urlencoded"), ("x", "")):
            early = http.post(
                running.url + "sparql", headers={**BEARER, "Content-Type": kind, **headers}, content=content
            )
            _refused(early, 403, "other sites")
    assert count_triples(http, running.url) == before


# --- 14. SERVICE, LOAD, FROM, FROM NAMED in queries from outside -----------------------------------

REACHING_OUT = [
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { sErViCe SILENT <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
]


@pytest.fixture(scope="module")
def over_endpoint() -> Iterator[Running]:
    """`seminargraph serve` over another SPARQL endpoint (an `oxigraph serve` holding nothing)."""
    oxigraph = start_oxigraph()
    running = start_server("--store", oxigraph.url + "query", "--title", "remote")
    yield running
    running.stop()
    oxigraph.stop()


@pytest.mark.parametrize("template", REACHING_OUT)
@pytest.mark.parametrize("store", ["memory", "oxigraph", "endpoint"])
def test_case14_service_and_from_in_queries_from_outside_are_refused_on_every_store(
    request: pytest.FixtureRequest,
    http: httpx.Client,
    listener: tuple[str, list[bytes]],
    template: str,
    store: str,
) -> None:
    url, hits = listener
    running = {
        "memory": lambda: request.getfixturevalue("server"),
        "oxigraph": lambda: request.getfixturevalue("writable")[0],
        "endpoint": lambda: request.getfixturevalue("over_endpoint"),
    }[store]()
    text = template.replace("{url}", url)
    for answer in (
        http.get(running.url + "sparql", params={"query": text}),
        http.post(running.url + "sparql", headers=DIRECT, content=text),
        http.get(running.url + "query.json", params={"sparql": text}),
    ):
        _refused(answer, 400, "would read from outside the store")
    page = http.get(running.url + "query", params={"sparql": text})
    assert page.status_code == 400 and "would read from outside the store" in page.text
    time.sleep(0.3)
    assert hits == []


def test_case14_load_from_outside_is_refused_even_with_the_token(
    writable: tuple[Running, str], http: httpx.Client, listener: tuple[str, list[bytes]]
) -> None:
    running, _store = writable
    url, hits = listener
    before = count_triples(http, running.url)
    for text in (
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <https://x.example/g>",
        "LOAD <file:///etc/passwd>",
    ):
        answer = http.post(running.url + "sparql", headers={**BEARER, **UPDATE}, content=text)
        _refused(answer, 400, "would read from outside the store")
    time.sleep(0.3)
    assert hits == []
    assert count_triples(http, running.url) == before


# --- 15. runaway queries ---------------------------------------------------------------------------


def _cpu_ticks(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None  # gone
    return int(fields[11]) + int(fields[12])  # utime + stime


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


@pytest.mark.slow
@pytest.mark.parametrize("endless", [ENDLESS, ENDLESS_PATH], ids=["cartesian", "path"])
def test_case15_an_endless_query_is_stopped_within_its_limit_plus_two_seconds_while_a_simple_one_is_answered(
    server: Running, http: httpx.Client, seed_graph: Any, endless: str
) -> None:
    from seminargraph.query import execute

    _all_workers_ready(http, server.url)
    workers = _children(server.process.pid)
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        runaway = pool.submit(http.get, server.url + "sparql", params={"query": endless})
        time.sleep(0.3)
        quick = http.get(server.url + "sparql", params={"query": NAMES})
        # The simple answer came while the runaway one still ran.
        assert not runaway.done(), "the simple query waited for the runaway one"
        names = [b["name"]["value"] for b in quick.json()["results"]["bindings"]]
        assert names == [str(r[0]) for r in execute(seed_graph, NAMES).rows]
        stopped = runaway.result()
        took = time.monotonic() - started
    _refused(stopped, 503, f"time limit of {TIME_LIMIT} s")
    assert TIME_LIMIT - 0.5 < took < TIME_LIMIT + 2
    # The CPU is freed: no worker that was there before goes on computing.
    before = {pid: _cpu_ticks(pid) for pid in workers}
    time.sleep(1)
    busy = [
        pid for pid in workers if (ticks := _cpu_ticks(pid)) is not None and ticks - (before[pid] or 0) > 20
    ]
    assert busy == [], "a worker still computes after the time limit"
    assert http.get(server.url + "sparql", params={"query": "ASK {}"}).json()["boolean"] is True
    _all_workers_ready(http, server.url)
    assert http.get(server.url + "health").json() == {"status": "ok", "workers": 2, "of": 2}


@pytest.mark.slow
def test_case15_an_endless_query_from_the_query_page_is_stopped_too(
    server: Running, http: httpx.Client
) -> None:
    _all_workers_ready(http, server.url)
    started = time.monotonic()
    page = http.get(server.url + "query", params={"sparql": ENDLESS})
    assert page.status_code == 503 and "time limit" in page.text
    download = http.get(server.url + "query.csv", params={"sparql": ENDLESS})
    _refused(download, 503, "time limit")
    assert time.monotonic() - started < 2 * (TIME_LIMIT + 2)


def test_case15_results_over_the_row_cap_are_flagged_truncated_never_cut_silently(
    server: Running, http: httpx.Client
) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"
    answer = http.get(server.url + "sparql", params={"query": everything})
    assert answer.headers["sparql-results-truncated"] == "true"
    document = answer.json()
    assert document["truncated"] is True
    assert len(document["results"]["bindings"]) == ROW_LIMIT
    xml = http.get(server.url + "sparql", params={"query": everything, "format": "xml"})
    assert '<link href="#truncated"/>' in xml.text
    for fmt in ("csv", "tsv"):
        cut = http.get(server.url + "sparql", params={"query": everything, "format": fmt})
        assert cut.headers["sparql-results-truncated"] == "true"
        assert len(cut.text.splitlines()) == ROW_LIMIT + 1
    graph = http.get(server.url + "sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert graph.headers["sparql-results-truncated"] == "true"
    download = http.get(server.url + "query.json", params={"sparql": everything})
    assert download.headers["sparql-results-truncated"] == "true"
    assert download.json()["truncated"] is True and len(download.json()["rows"]) == ROW_LIMIT
    page = http.get(server.url + "query", params={"sparql": everything})
    assert f"Only the first {ROW_LIMIT} rows are shown" in page.text
    small = http.get(server.url + "sparql", params={"query": NAMES})
    assert "sparql-results-truncated" not in small.headers and "truncated" not in small.json()


# --- 16. pathological query text --------------------------------------------------------------------

PATHOLOGICAL = {
    "nested-3000": ("SELECT * WHERE " + "{ " * 3000 + "}" * 3000, 400, "nests { } more than"),
    "unions-10000": ("SELECT * WHERE {" + " UNION ".join(["{}"] * 10_000) + "}", 400, "groups"),
    "operators-30000": (CRASHING, 400, "operators"),
    "one-megabyte": ("ASK {} #" + "x" * (1024 * 1024), 413, "over the limit"),
    "over-the-text-limit": ("ASK {} #" + "x" * 120_000, 400, "characters long"),
}


@pytest.mark.parametrize("case", PATHOLOGICAL)
def test_case16_pathological_query_text_is_refused_and_the_server_answers_the_next_request(
    server: Running, http: httpx.Client, case: str
) -> None:
    text, status, words = PATHOLOGICAL[case]
    _all_workers_ready(http, server.url)
    _refused(http.post(server.url + "sparql", headers=DIRECT, content=text), status, words)
    _refused(http.post(server.url + "sparql", headers=FORM, data={"query": text}), status, words)
    assert server.process.poll() is None
    assert http.get(server.url + "sparql", params={"query": "ASK {}"}).json()["boolean"] is True
    # Refused before any worker saw it: none was lost.
    assert http.get(server.url + "health").json()["status"] == "ok"


def test_case16_a_url_over_the_limit_is_refused(server: Running) -> None:
    import http.client as http_client

    # httpx will not send a URL this long; http.client sends what it is given.
    host, port = server.url.removeprefix("http://").rstrip("/").split(":")
    connection = http_client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/sparql?query=" + "%23" * (MAX_REQUEST // 3 + 10))
    answer = connection.getresponse()
    assert answer.status == 414
    assert "URL is longer" in answer.read().decode()
    connection.close()


def test_case16_a_chunked_body_over_the_limit_is_refused(server: Running, http: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"#" * 10_000

    answer = http.post(server.url + "sparql", headers=DIRECT, content=chunks())
    assert answer.status_code == 413


@pytest.mark.slow
def test_case16_a_query_that_crashes_the_engine_costs_one_worker_and_the_server_keeps_serving(
    http: httpx.Client,
) -> None:
    # With the limits lifted, the query reaches a worker and crashes it: the server survives.
    lifted = {"SEMINARGRAPH_MAX_QUERY_OPERATORS": "1000000", "SEMINARGRAPH_MAX_QUERY_GROUPS": "1000000"}
    server = start_server("--time-limit", "3", env=lifted)
    try:
        _refused(http.post(server.url + "sparql", headers=DIRECT, content=CRASHING), 500, "crashed")
        for _ in range(4):
            after = http.get(server.url + "sparql", params={"query": "ASK {}"})
            assert after.status_code == 200
        assert server.process.poll() is None
        _all_workers_ready(http, server.url)
    finally:
        server.stop()


# --- 17. injection through parameters ------------------------------------------------------------

INJECTIONS = ['" || true || "', "> } ; DROP ALL #", "leif-jonsson> ?x ?y", "x' UNION { ?s ?p ?o }"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_case17_parameter_values_are_bound_as_terms_never_pasted_into_query_text(
    server: Running, http: httpx.Client, value: str
) -> None:
    before = count_triples(http, server.url)
    refused = http.get(server.url + "queries/evidence.json", params={"person": value})
    _refused(refused, 400, f"no person with the id or IRI '{value}'")
    page = http.get(server.url + "queries/evidence", params={"person": value})
    assert page.status_code == 400
    assert f"no person with the id or IRI '{value}'" in html.unescape(page.text)
    # ?lang, the one value every query gets, is a language tag or nothing.
    language = http.get(server.url + "queries/participants.json", params={"lang": value})
    _refused(language, 400, "is not a language tag")
    assert count_triples(http, server.url) == before


def test_case17_a_hostile_value_that_names_nothing_returns_no_rows_of_others(
    server: Running, http: httpx.Client
) -> None:
    # Had the value been pasted, the OR would have matched every event.
    one = http.get(server.url + "queries/participants.json", params={"event": "fran-rora-till-ledning"})
    (title,) = {row["event"] for row in one.json()["rows"]}
    assert title.startswith("Från röra till ledning")
    injected = http.get(server.url + "queries/participants.json", params={"event": '" || true || "'})
    assert injected.status_code == 400 and "rows" not in injected.json()


# --- 18. a faulty remote endpoint ------------------------------------------------------------------


def _good(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
        + f"Content-Length: {len(RESULTS)}\r\n\r\n".encode()
        + RESULTS
    )


def _gigantic(conn: socket.socket) -> None:
    # No end: a body that keeps coming, faster than anyone reads it.
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n")
    conn.sendall(b'{"head": {"vars": ["g"]}, "results": {"bindings": [')
    row = b'{"g": {"type": "uri", "value": "https://x.example/g"}},' * 1000
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        conn.sendall(row)


REMOTE_TIMEOUT = 1.5
FAULTS = {
    "never-answers": (silent, f"no complete answer within {REMOTE_TIMEOUT:g} s"),
    "answers-slowly": (trickle, f"no complete answer within {REMOTE_TIMEOUT:g} s"),
    "500-with-html": (html_error, "answered HTTP 500: 500 Internal Server Error Database offline"),
    "truncated-body": (cut_short, "the answer was cut off before its end; no partial result used"),
    "gigantic": (_gigantic, ""),
}


@pytest.fixture(scope="module")
def faulty() -> Iterator[tuple[FaultyEndpoint, Running]]:
    """`seminargraph serve` over an endpoint that answers well until a test makes it misbehave."""
    endpoint = FaultyEndpoint(_good)
    running = start_server(
        "--store", endpoint.url, "--title", "faulty", "--timeout", str(REMOTE_TIMEOUT), "--time-limit", "20"
    )
    yield endpoint, running
    running.stop()
    endpoint.close()


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS)
def test_case18_a_faulty_remote_endpoint_gives_an_error_naming_it_never_a_partial_result(
    faulty: tuple[FaultyEndpoint, Running], http: httpx.Client, fault: str
) -> None:
    endpoint, running = faulty
    behaviour, words = FAULTS[fault]
    endpoint.behaviour = behaviour
    try:
        started = time.monotonic()
        answer = http.get(running.url + "sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g {} }"})
        took = time.monotonic() - started
        page = http.get(running.url + "queries/participants.json")
    finally:
        endpoint.behaviour = _good
    _refused(answer, 502, endpoint.url)
    assert answer.json()["error"].startswith(f"{endpoint.url}: ")
    assert words in answer.json()["error"]
    assert took < REMOTE_TIMEOUT + 5, "the deadline covers the whole answer"
    _refused(page, 502, endpoint.url)
    # The server still answers, and once the endpoint is well again, so does it.
    assert http.get(running.url + "health").json()["status"] == "ok"
    assert (
        http.get(running.url + "sparql", params={"query": "SELECT ?g WHERE { GRAPH ?g {} }"}).status_code
        == 200
    )


# --- 19. the W3C SPARQL 1.1 Protocol "bad request" cases -----------------------------------------

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
def test_case19_w3c_protocol_bad_request_gets_a_4xx_and_changes_nothing(
    writable: tuple[Running, str],
    http: httpx.Client,
    case: str,
    method: str,
    request_: dict[str, Any],
    status: int,
) -> None:
    running, _store = writable
    before = count_triples(http, running.url)
    headers = {**BEARER, **request_.get("headers", {})}
    options = {k: v for k, v in request_.items() if k != "headers"}
    answer = http.request(method, running.url + "sparql", headers=headers, **options)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"]
    assert count_triples(http, running.url) == before


def test_case19_a_syntax_error_says_where_in_plain_words(server: Running, http: httpx.Client) -> None:
    answer = http.get(
        server.url + "sparql", params={"query": "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }"}
    )
    _refused(answer, 400, "the query is not valid SPARQL at line 3, column ")
    assert "expected" not in answer.json()["error"] and "[_]" not in answer.json()["error"]
    prefix = http.get(server.url + "sparql", params={"query": "SELECT * WHERE { ?s nope:p ?o }"})
    _refused(prefix, 400, "a prefix is used that no PREFIX line declares")
    update = http.post(server.url + "sparql", headers=UPDATE, content="INSERT DATA { <a:b> <a:c> }")
    _refused(update, 403, "read-only")  # checked for rights before syntax: no work for a refused writer


# --- CORS (serve --cors): pages of another origin may read, never write -----------------------------

OTHER = "http://tools.example:8080"


@pytest.fixture(scope="module")
def cors(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    running, _store = start_writable(tmp_path_factory.mktemp("cors"), "--cors", OTHER)
    yield running
    running.stop()


def test_cors_is_off_by_default(server: Running, http: httpx.Client) -> None:
    preflight = http.options(
        server.url + "sparql", headers={"Origin": OTHER, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in preflight.headers
    read = http.get(server.url + "sparql", params={"query": "ASK {}"}, headers={"Origin": OTHER})
    assert "access-control-allow-origin" not in read.headers
    posted = http.post(server.url + "sparql", headers={"Origin": OTHER, **DIRECT}, content="ASK {}")
    _refused(posted, 403, "other sites")


def test_cors_answers_the_preflight_of_a_query_and_lets_the_origin_read(
    cors: Running, http: httpx.Client
) -> None:
    preflight = http.options(
        cors.url + "sparql",
        headers={
            "Origin": OTHER,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == OTHER
    assert set(preflight.headers["access-control-allow-methods"].split(", ")) == {"GET", "POST"}
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    assert "authorization" not in preflight.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in preflight.headers
    own = http.get(cors.url + "sparql", params={"query": NAMES})
    assert "access-control-allow-origin" not in own.headers and own.json()["results"]["bindings"]
    for answer in (
        http.get(cors.url + "sparql", params={"query": NAMES}, headers={"Origin": OTHER}),
        http.post(cors.url + "sparql", headers={"Origin": OTHER, **DIRECT}, content=NAMES),
        http.post(cors.url + "sparql", headers={"Origin": OTHER, **FORM}, data={"query": NAMES}),
    ):
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == OTHER
        assert "Origin" in answer.headers["vary"] and "Accept" in answer.headers["vary"]
        assert answer.json() == own.json()
    # Another origin than the one allowed gets no permission to read, and may not POST.
    stranger = {"Origin": "http://stranger.example"}
    assert (
        "access-control-allow-origin"
        not in http.get(cors.url + "sparql", params={"query": "ASK {}"}, headers=stranger).headers
    )
    _refused(
        http.post(cors.url + "sparql", headers={**stranger, **DIRECT}, content="ASK {}"), 403, "other sites"
    )


def test_cors_never_lets_another_origin_write(cors: Running, http: httpx.Client) -> None:
    before = count_triples(http, cors.url)
    for method in ("PUT", "DELETE", "PATCH"):
        preflight = http.options(
            cors.url + "sparql", headers={"Origin": OTHER, "Access-Control-Request-Method": method}
        )
        _refused(preflight, 403, "may only query here")
        assert "access-control-allow-methods" not in preflight.headers
    store = http.options(
        cors.url + "store", headers={"Origin": OTHER, "Access-Control-Request-Method": "PUT"}
    )
    assert "access-control-allow-origin" not in store.headers
    for headers in ({}, BEARER):  # the token does not help a page of another origin
        for by in ("form-post", "direct-post"):
            request_ = SENT_BY[by](INSERT)
            sent = {**request_, "headers": {**request_["headers"], **headers, "Origin": OTHER}}
            answer = http.request(sent.pop("method"), cors.url + "sparql", **sent)
            _refused(answer, 403, "other sites may query here but never update")
        for method in ("PUT", "POST", "DELETE"):
            answer = http.request(
                method,
                cors.url + "store",
                params={"graph": "https://x.example/g"},
                headers={**headers, "Origin": OTHER, "Content-Type": "text/turtle"},
                content=GRAPH_TURTLE,
            )
            _refused(answer, 403, "other sites")
    assert count_triples(http, cors.url) == before
    # The server's own pages, and clients that are no page, still write with the token.
    assert http.post(cors.url + "sparql", headers={**BEARER, **UPDATE}, content=INSERT).status_code == 204
    assert count_triples(http, cors.url) == before + 1


def test_cors_takes_an_origin_or_a_star_and_nothing_else(run_cli: Callable[..., Any]) -> None:
    for value in ("tools.example", "https://tools.example/yasgui", "javascript:alert(1)"):
        result = run_cli("serve", "--cors", value, "--get", "/health")
        assert result.exit_code == 2
        assert "--cors" in result.stderr and "is not an origin" in result.stderr
