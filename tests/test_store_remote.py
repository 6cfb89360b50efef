"""A faulty SPARQL endpoint: every fault is an error naming the endpoint, never a partial answer.

The endpoint here is a small socket server that misbehaves on purpose: it never answers, answers a
byte at a time (headers or body), fails with an HTML page, cuts its body short, sends broken JSON or
far too much.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from seminargraph import StoreError, run_query
from seminargraph.store import open_graph
from seminargraph.store.remote import request

RESULTS = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'


def _answer(status: str, content_type: str, body: bytes, extra: str = "") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode() + body


def silent(conn: socket.socket) -> None:
    time.sleep(30)


def trickle(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 500\r\n\r\n"
    )
    for byte in RESULTS:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def trickle_head(conn: socket.socket) -> None:
    # Every byte comes well within a socket timeout; the headers alone take 20 s.
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nX-Slow: " + b"s" * 100
    for byte in head:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def trickle_unsized(conn: socket.socket) -> None:
    # No Content-Length: the body ends when the connection closes, so only the deadline can tell
    # a slow answer from a complete one.
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n")
    for byte in RESULTS:
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


def html_error(conn: socket.socket) -> None:
    page = b"<html><body><h1>500 Internal Server Error</h1><p>Database <b>offline</b></p></body></html>"
    conn.sendall(_answer("500 Internal Server Error", "text/html", page))


def cut_short(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 400\r\n\r\n"
    )
    conn.sendall(RESULTS[:30])


def cut_chunked(conn: socket.socket) -> None:
    head = "HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
    conn.sendall(head.encode() + b"Transfer-Encoding: chunked\r\n\r\n")
    conn.sendall(b"%x\r\n%s\r\n" % (len(RESULTS), RESULTS))


def broken_json(conn: socket.socket) -> None:
    conn.sendall(
        _answer("200 OK", "application/sparql-results+json", b'{"head": {"vars": ["g"]}, "results": {')
    )


def login_page(conn: socket.socket) -> None:
    conn.sendall(_answer("200 OK", "text/html; charset=utf-8", b"<html><form>Log in</form></html>"))


def huge(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 4000000\r\n\r\n"
    )
    block = b" " * 65536
    for _ in range(62):
        conn.sendall(block)


def redirect(conn: socket.socket) -> None:
    conn.sendall(_answer("302 Found", "text/plain", b"", "Location: file:///etc/passwd\r\n"))


def _read_request(conn: socket.socket) -> None:
    """Read the whole request: a socket closed with some of it unread sends a reset, which would
    throw the answer away before the client reads it (the client sends headers and body apart)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    left = int(length[1]) - len(body) if length else 0
    while left > 0:
        chunk = conn.recv(min(left, 65536))
        if not chunk:
            return
        left -= len(chunk)


class FaultyEndpoint:
    """A socket server whose every connection gets ``behaviour``."""

    def __init__(self, behaviour: Callable[[socket.socket], None]) -> None:
        self.behaviour = behaviour
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/sparql"
        self.requests = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                _read_request(conn)
                self.requests += 1
                self.behaviour(conn)
            except OSError:
                pass

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def endpoint() -> Iterator[Callable[[Callable[[socket.socket], None]], FaultyEndpoint]]:
    started: list[FaultyEndpoint] = []

    def start(behaviour: Callable[[socket.socket], None]) -> FaultyEndpoint:
        started.append(FaultyEndpoint(behaviour))
        return started[-1]

    yield start
    for server in started:
        server.close()


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        (silent, "no complete answer within 1.5 s"),
        (trickle, "no complete answer within 1.5 s"),
        (trickle_head, "no complete answer within 1.5 s"),
        (trickle_unsized, "no complete answer within 1.5 s"),
        (html_error, "answered HTTP 500: 500 Internal Server Error Database offline"),
        (cut_short, "the answer was cut off before its end; no partial result used"),
        (cut_chunked, "the answer was cut off before its end; no partial result used"),
        (broken_json, "not valid SPARQL JSON results"),
        (login_page, "answered with text/html, not SPARQL results"),
        (redirect, "redirects to file:///etc/passwd; give that address instead"),
    ],
    ids=lambda v: getattr(v, "__name__", "message"),
)
def test_a_faulty_endpoint_gives_an_error_naming_it(
    endpoint: Callable[[Callable[[socket.socket], None]], FaultyEndpoint],
    behaviour: Callable[[socket.socket], None],
    message: str,
) -> None:
    server = endpoint(behaviour)
    graph = open_graph(server.url, timeout=1.5)
    started = time.monotonic()
    with pytest.raises(StoreError) as failure:
        run_query(graph, "moderators")
    assert time.monotonic() - started < 5, "the deadline covers the whole answer"
    assert str(failure.value).startswith(f"{server.url}: ")
    assert message in str(failure.value)
    assert server.requests >= 1


@pytest.mark.parametrize(
    "body",
    [
        b'{"head": {"vars": ["g"]}, "results": {"bindings": [1]}}',
        b'{"head": {"vars": ["g"]}, "results": {"bindings": [{"g": {"type": "bogus", "value": "x"}}]}}',
        b'{"head": {}, "boolean": "yes"}',
    ],
    ids=["row-not-an-object", "unknown-term-type", "boolean-not-true-or-false"],
)
def test_sparql_json_of_the_wrong_shape_is_an_error_naming_the_endpoint(
    endpoint: Callable[[Callable[[socket.socket], None]], FaultyEndpoint], body: bytes
) -> None:
    server = endpoint(lambda conn: conn.sendall(_answer("200 OK", "application/sparql-results+json", body)))
    with pytest.raises(StoreError) as failure:
        run_query(open_graph(server.url, timeout=5), "moderators")
    assert str(failure.value).startswith(f"{server.url}: the answer is not valid SPARQL JSON results (")
    assert str(failure.value).endswith("no partial result is used")


def test_an_answer_over_the_size_cap_is_refused(
    endpoint: Callable[[Callable[[socket.socket], None]], FaultyEndpoint],
) -> None:
    server = endpoint(huge)
    with pytest.raises(StoreError, match="the answer is larger than 1 MB"):
        request(server.url, timeout=10, max_bytes=1024 * 1024)


def test_a_closed_port_says_that_nothing_answers() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match=r"cannot connect \(connection refused\); is the server running\?"):
        run_query(open_graph(f"http://127.0.0.1:{port}/sparql", timeout=2), "moderators")


def test_a_load_to_a_closed_port_does_not_suggest_another_update_address(
    endpoint: Callable[[Callable[[socket.socket], None]], FaultyEndpoint],
) -> None:
    from seminargraph import load_graph, write_store

    graph = load_graph()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError) as closed:
        write_store(
            f"http://127.0.0.1:{port}/query",
            graph,
            update_endpoint=f"http://127.0.0.1:{port}/update",
            timeout=2,
        )
    assert str(closed.value).endswith("cannot connect (connection refused); is the server running?")
    # A server that answers with an error may be taking updates elsewhere: that hint stays.
    server = endpoint(html_error)
    with pytest.raises(
        StoreError, match=r"answered HTTP 500: .*give it with --update URL or --graph-store URL"
    ):
        write_store(server.url, graph, timeout=2)


def test_the_command_line_shows_the_endpoint_error_on_one_line(
    run_cli: Callable[..., object],
    endpoint: Callable[[Callable[[socket.socket], None]], FaultyEndpoint],
) -> None:
    server = endpoint(html_error)
    result = run_cli("query", "participants", "--store", server.url, "--timeout", "2")
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert (
        result.stderr
        == f"error: {server.url}: answered HTTP 500: 500 Internal Server Error Database offline\n"
    )  # type: ignore[attr-defined]
