"""A SPARQL 1.1 endpoint as a store: queries by the SPARQL Protocol, loads by Update or Graph Store.

rdflib's ``SPARQLStore`` gives the rdflib store interface; what goes over the wire is ours, because
its connector has no timeout on a silent host, accepts any body, and follows redirects. Here every
request has one deadline for the whole answer, a size cap, and any failure (refused connection,
HTTP error, cut-off or malformed body) is a StoreError naming the endpoint: a partial result is never
returned as complete.

Queries see the union of the endpoint's named graphs, as in the other stores: the graphs are listed
and sent as the SPARQL dataset (``default-graph-uri``) of every query, so no server setting is needed.
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import re
import socket
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result

from ..errors import StoreError
from ..rdfio import bind_prefixes, from_oxigraph
from .terms import guard

#: Largest answer read from an endpoint (bytes).
MAX_RESPONSE_BYTES = 256 * 1024 * 1024
#: Seconds a list of the endpoint's graphs is reused before it is asked again.
GRAPH_LIST_SECONDS = 10.0
_RESULTS_JSON = "application/sparql-results+json"
_ACCEPT = f"{_RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8"
_GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
}


def display(url: str) -> str:
    """The URL without user name and password, for messages."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


@dataclass
class Answer:
    """A complete HTTP answer."""

    status: int
    content_type: str
    body: bytes


def request(
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float,
    max_bytes: int = MAX_RESPONSE_BYTES,
) -> Answer:
    """Send one request and read the whole answer within ``timeout`` seconds, or raise StoreError."""
    where = display(url)
    parts = urlsplit(url)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname or "", parts.port, timeout=timeout)
    target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    all_headers = dict(headers or {})
    if parts.username is not None:
        secret = f"{parts.username}:{parts.password or ''}".encode()
        all_headers["Authorization"] = "Basic " + base64.b64encode(secret).decode("ascii")
    # A socket timeout bounds each read, not the answer: a server that sends its status line and
    # headers a byte at a time would hold the request for ever. The watchdog shuts the socket at
    # the deadline, whatever the request is doing then.
    expired = threading.Event()
    # Kept here: the connection lets go of its socket when an answer ends with the connection.
    sockets: list[socket.socket] = []

    def expire() -> None:
        expired.set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(timeout, expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.connect()
        sockets.append(connection.sock)
        if expired.is_set():  # it fired while connecting, before there was a socket to shut
            raise TimeoutError
        connection.request(method, target, body=body, headers=all_headers)
        response = connection.getresponse()
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(65536):
            size += len(chunk)
            if size > max_bytes:
                raise StoreError(
                    f"{where}: the answer is larger than {max_bytes // (1024 * 1024)} MB; "
                    "ask a narrower query (LIMIT) instead"
                )
            chunks.append(chunk)
        # An answer without a length ends when the socket closes, as the watchdog's shutdown does.
        if expired.is_set():
            raise TimeoutError
        # read1 ends quietly where read would complain: a Content-Length not reached.
        if response.length:
            raise http.client.IncompleteRead(b"", response.length)
    except (http.client.HTTPException, OSError) as exc:
        raise _failure(exc, where, timeout, expired.is_set()) from None
    finally:
        watchdog.cancel()
        connection.close()
    content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    answer = Answer(response.status, content_type, b"".join(chunks))
    if 300 <= answer.status < 400:
        moved = response.getheader("Location") or "elsewhere"
        raise StoreError(f"{where}: the endpoint redirects to {display(moved)}; give that address instead")
    if answer.status >= 400:
        raise RefusedByServer(f"{where}: answered HTTP {answer.status}: {_summary(answer)}")
    return answer


class RefusedByServer(StoreError):
    """The server answered, with an HTTP error status."""


def _failure(exc: Exception, where: str, timeout: float, expired: bool) -> StoreError:
    if expired or isinstance(exc, TimeoutError):
        return StoreError(
            f"{where}: no complete answer within {timeout:g} s; the endpoint is down or too slow "
            "(raise --timeout to wait longer)"
        )
    if isinstance(exc, http.client.IncompleteRead):
        return StoreError(f"{where}: the answer was cut off before its end; no partial result used")
    if isinstance(exc, ConnectionRefusedError):
        return StoreError(f"{where}: cannot connect (connection refused); is the server running?")
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return StoreError(f"{where}: the request failed: {reason}")


def _summary(answer: Answer) -> str:
    text = answer.body[:2000].decode("utf-8", errors="replace")
    if answer.content_type == "application/json":
        try:
            document = json.loads(answer.body)
            if isinstance(document, dict) and isinstance(document.get("error"), str):
                text = document["error"]
        except ValueError:
            pass
    text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    return (text[:200] + "...") if len(text) > 200 else (text or "(no message)")


class RemoteStore(SPARQLStore):
    """rdflib's SPARQLStore reading through :func:`request`, over the union of the named graphs."""

    def __init__(self, endpoint: str, *, timeout: float, max_bytes: int = MAX_RESPONSE_BYTES) -> None:
        super().__init__(query_endpoint=endpoint, returnFormat="json", method="POST_FORM")
        self.endpoint = endpoint
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._graphs: tuple[float, list[str]] | None = None

    def _query(self, query: str, default_graph: str | None = None, named_graph: str | None = None) -> Result:
        self._queries += 1
        if default_graph is not None:
            return self.select(query, default_graphs=[str(default_graph)])
        return self.select(query)

    def query(self, query: Any, *args: Any, **kwargs: Any) -> Result:
        # The endpoint would follow SERVICE for us: refused as on every store (rdflib's
        # SPARQLStore takes no updates at all).
        guard(query)
        return super().query(query, *args, **kwargs)

    def add_graph(self, graph: Graph) -> None:
        # rdflib's Dataset registers a graph whenever it is named (``dataset.graph(iri)``), also
        # to read it; nothing is written, so nothing may fail. Writes (add) still refuse.
        return

    def __len__(self, context: Any = None) -> int:
        # Only the named graphs are seen through this store (see the module); the endpoint's
        # unnamed default graph counts as empty, as it is in the other stores.
        if context is not None and context.identifier == DATASET_DEFAULT_GRAPH_ID:
            return 0
        return super().__len__(context)

    def triples(  # type: ignore[override]
        self, spo: Any, context: Any = None
    ) -> Iterator[tuple[Any, Iterator[Graph]]]:
        """The triples matching ``spo``; over the whole store, each with the graphs that hold it.

        rdflib's SPARQLStore gives no graphs for the union (None where rdflib's Dataset expects a
        list), so reading every quad (to validate or write out what an endpoint holds) failed.
        """
        if context is not None:
            yield from super().triples(spo, context)  # type: ignore[misc]
            return
        pattern = zip(spo, "spo", strict=True)
        terms = [self.node_to_sparql(t) if t is not None else f"?{v}" for t, v in pattern]
        query = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ {' '.join(terms)} }} }}"
        names = self.named_graphs()
        found: dict[tuple[Any, ...], list[Graph]] = {}
        for row in self.select(query, default_graphs=(), named_graphs=names):
            values = tuple(row)  # type: ignore[arg-type]
            # A term given in the pattern is not a variable of the query: it comes back unbound.
            triple = tuple(v if v is not None else t for v, t in zip(values[:3], spo, strict=True))
            found.setdefault(triple, []).append(Graph(store=self, identifier=str(values[3])))
        for triple, graphs in found.items():
            yield triple, iter(graphs)

    def named_graphs(self) -> list[str]:
        """The endpoint's named graphs (cached for a few seconds)."""
        now = time.monotonic()
        if self._graphs is None or now - self._graphs[0] > GRAPH_LIST_SECONDS:
            listing = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
            result = self.select(listing, default_graphs=(), named_graphs=())
            names = sorted(str(row[0]) for row in result if row[0] is not None)  # type: ignore[index]
            self._graphs = (now, names)
        return self._graphs[1]

    def select(
        self,
        query: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> Result:
        """Run ``query`` with the given dataset (default: the union of the named graphs)."""
        if default_graphs is None:
            default_graphs = self.named_graphs()
            if named_graphs is None:
                named_graphs = default_graphs
        fields: list[tuple[str, str]] = [("query", query)]
        fields += [("default-graph-uri", g) for g in default_graphs]
        fields += [("named-graph-uri", g) for g in named_graphs or ()]
        answer = request(
            self.endpoint,
            method="POST",
            body=urlencode(fields).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT},
            timeout=self.timeout,
            max_bytes=self.max_bytes,
        )
        return parse_answer(answer, display(self.endpoint))


def parse_answer(answer: Answer, where: str) -> Result:
    """Read SPARQL JSON results or an RDF graph from ``answer``; StoreError if it is not whole."""
    if answer.content_type in (_RESULTS_JSON, "application/json"):
        try:
            document = json.loads(answer.body)
            if not isinstance(document, dict) or not ("boolean" in document or "results" in document):
                raise ValueError("neither 'results' nor 'boolean' in the answer")
            if "boolean" in document and not isinstance(document["boolean"], bool):
                raise ValueError("'boolean' is not true or false")
            return Result.parse(BytesIO(answer.body), format="json")
        # rdflib's reader fails on a wrong shape with whatever Python raises there.
        except (ValueError, KeyError, TypeError, AttributeError, NotImplementedError) as exc:
            raise StoreError(
                f"{where}: the answer is not valid SPARQL JSON results ({exc}); no partial result is used"
            ) from None
    if answer.content_type in _GRAPH_FORMATS:
        try:
            triples = ox.parse(answer.body, format=_GRAPH_FORMATS[answer.content_type])
            graph = Graph(bind_namespaces="none")
            for t in triples:
                graph.add((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)))
        except SyntaxError as exc:
            raise StoreError(f"{where}: the answer is not valid RDF: {exc}; no partial result used") from None
        result = Result("CONSTRUCT")
        result.graph = graph
        return result
    raise StoreError(
        f"{where}: answered with {answer.content_type or 'no content type'}, not SPARQL results; "
        "is this the address of a SPARQL query endpoint?"
    )


def open_remote(endpoint: str, *, timeout: float) -> Dataset:
    """Open the endpoint as a read-only dataset; the first query checks that it answers."""
    dataset = Dataset(store=RemoteStore(endpoint, timeout=timeout), default_union=True)
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    bind_prefixes(dataset)
    return dataset


def replace_graphs(
    endpoint: str,
    graphs: Mapping[str, bytes],
    *,
    clear: bool,
    update_endpoint: str | None,
    graph_store: str | None,
    timeout: float,
) -> None:
    """Replace ``graphs`` (N-Triples by graph IRI) at the endpoint.

    By SPARQL Update, all graphs go in one request, which the server applies as one transaction.
    By the Graph Store Protocol, each graph is one PUT (atomic per graph).
    """
    if graph_store:
        _replace_by_graph_store(endpoint, graph_store, graphs, clear=clear, timeout=timeout)
        return
    operations = ["DROP SILENT NAMED"] if clear else []
    for name, data in sorted(graphs.items()):
        iri = _iri(name)
        operations.append(f"DROP SILENT GRAPH {iri}")
        operations.append(f"INSERT DATA {{ GRAPH {iri} {{\n{data.decode('utf-8')}}} }}")
    target = update_endpoint or endpoint
    try:
        request(
            target,
            method="POST",
            body=" ;\n".join(operations).encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            timeout=timeout,
        )
    except RefusedByServer as exc:
        # Only an answer can mean a wrong address; nothing listening is said as it is.
        raise StoreError(
            f"{exc}; if the server takes updates or Graph Store requests at another address, "
            "give it with --update URL or --graph-store URL"
        ) from None


def _replace_by_graph_store(
    endpoint: str, graph_store: str, graphs: Mapping[str, bytes], *, clear: bool, timeout: float
) -> None:
    separator = "&" if "?" in graph_store else "?"
    for name, data in sorted(graphs.items()):
        request(
            f"{graph_store}{separator}graph={quote(name, safe='')}",
            method="PUT",
            body=data,
            headers={"Content-Type": "application/n-triples"},
            timeout=timeout,
        )
    if clear:
        for name in RemoteStore(endpoint, timeout=timeout).named_graphs():
            if name not in graphs:
                address = f"{graph_store}{separator}graph={quote(name, safe='')}"
                request(address, method="DELETE", timeout=timeout)


def _iri(name: str) -> str:
    if re.search(r'[<>"{}|^`\\\x00-\x20]', name):
        raise StoreError(f"the graph name {name!r} is not a valid IRI")
    return f"<{name}>"
