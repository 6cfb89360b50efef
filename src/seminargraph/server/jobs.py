"""What a query worker process does: open the store once, then answer the server's jobs one by one.

Workers exist because neither Oxigraph nor rdflib can interrupt a query, and a pathological query
can crash Oxigraph's process outright: the server kills a worker at the time limit, or sees it die,
and starts another. Everything that touches the graph runs here, under that guard.
"""

from __future__ import annotations

import gc
import itertools
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from ..errors import (
    DiskFull,
    QueryError,
    SeminargraphError,
    StoreError,
    UnknownQueryError,
    WriteFailed,
    syntax_error,
)
from ..query import check_query, run_query
from ..rdfio import from_oxigraph, plain
from ..read.summary import source_title, sources
from ..sparql import QueryResult, bind
from ..store import as_spec, open_store
from ..store.remote import RemoteStore
from . import pagedata
from .config import ServerConfig


@dataclass(frozen=True)
class Failure:
    """An error a job raised on purpose, sent back to the server: its class's name, message and status.

    Not the exception itself: some errors hold what does not cross a process boundary (a
    validation report's graph), and the server needs only these three.
    """

    name: str
    message: str
    status: int


#: How the operating system words a write that found no room (ENOSPC, EFBIG, EDQUOT).
_NO_ROOM = ("no space left on device", "file too large", "disk quota exceeded")


def failure(exc: SeminargraphError) -> Failure:
    """The Failure that stands for ``exc``."""
    return Failure(type(exc).__name__, str(exc), exc.status)


class Engine:
    """The graph of one worker and the jobs it can run."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.spec = spec = as_spec(config.store)
        self.location = Path(spec.location) if spec.kind == "oxigraph" else None
        #: Whether a write failed: Oxigraph (RocksDB) then refuses every later write until the
        #: store is opened again, which the next write does.
        self.write_failed = False
        # The server process holds an on-disk store's lock for all its workers (see run.running).
        self.store = open_store(
            spec,
            config.data,
            base=config.base,
            timeout=config.remote_timeout,
            writable=config.writable,
            take_lock=False,
        )
        self.jobs: dict[str, Callable[..., Any]] = {
            "sparql": self.sparql,
            "update": self.update,
            "named": self.named,
            "graph_get": self.graph_get,
            "graph_write": self.graph_write,
            "summary": lambda lang: pagedata.summary(self.graph, lang, self.config.row_limit),
            "sources": lambda lang: sources(self.graph, lang, self.config.row_limit),
            "title": lambda lang: source_title(self.graph, lang),
            "listing": lambda kind, lang, page: pagedata.listing(
                self.graph, kind, lang, page, min(pagedata.LISTING_PAGE, self.config.row_limit)
            ),
            "entity": lambda kind, ident, lang: pagedata.entity(self.graph, kind, ident, lang),
            "suggest": lambda kind, text, lang: pagedata.suggest(self.graph, kind, text, lang),
            "links": lambda cells, lang: pagedata.cell_links(self.graph, cells, lang),
            "network": lambda **options: pagedata.network_page(self.graph, **options),
        }

    @property
    def graph(self) -> Dataset:
        """The store's dataset, for the library's functions."""
        return self.store.dataset

    def run(self, name: str, arguments: dict[str, Any]) -> Any:
        """Run the job ``name`` with ``arguments``."""
        return self.jobs[name](**arguments)

    def sparql(
        self,
        text: str,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        lang: str | None = None,
    ) -> QueryResult:
        """Run a SPARQL query from outside: checked first, then run with the protocol's dataset.

        With ``lang`` (the query page and its downloads), ``?lang`` is bound to it as the command
        line and ``run_sparql`` bind it; the endpoint binds nothing.
        """
        check_query(text, parse=False)
        limit = self.config.row_limit
        bound = text if lang is None else bind(text, {"lang": Literal(lang)})
        try:
            result = self.store.select(bound, default_graphs, named_graphs)
        except QueryError:
            if bound is not text:
                _explain_syntax(text)  # the position in the text as written, not as bound
            raise
        if self.store.oxigraph is None:
            return _from_rdflib(result, limit)
        try:
            return _from_oxigraph(result, limit)
        except (OSError, RuntimeError, ValueError) as exc:
            # Oxigraph computes solutions as they are read: a failure can come only now.
            raise QueryError(f"the query failed: {exc}") from None

    def update(self, text: str) -> None:
        """Run a SPARQL Update (only in a worker that opened the store for writing)."""
        check_query(text, update=True)
        inner = self._writable_store()
        try:
            self._write(inner, text)
        except SyntaxError as exc:
            raise syntax_error(text, exc.msg, "update") from None
        except (RuntimeError, ValueError) as exc:
            raise QueryError(f"the update failed: {exc}") from None

    def named(self, name: str, params: dict[str, str], lang: str) -> QueryResult:
        """Run a named query with its parameters."""
        return run_query(self.graph, name, lang=lang, params=params).cut(self.config.row_limit)

    def graph_get(self, graph: str | None) -> bytes:
        """One graph of the store as N-Triples (``None``: the union of all graphs)."""
        inner = self.store.oxigraph
        if inner is None:
            store = self.graph.store
            assert isinstance(store, RemoteStore)
            if graph is not None and graph not in store.named_graphs():
                raise UnknownQueryError(f"the store has no graph <{graph}>")
            return _as_ntriples(self.graph if graph is None else self.graph.graph(URIRef(graph)))
        if graph is not None and not inner.contains_named_graph(ox.NamedNode(graph)):
            raise UnknownQueryError(f"the store has no graph <{graph}>")
        if graph is None:
            union = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            assert isinstance(union, ox.QueryTriples)
            return ox.serialize(union, format=ox.RdfFormat.N_TRIPLES) or b""
        return inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph)) or b""

    def graph_write(self, method: str, graph: str, data: bytes, media_type: str) -> bool:
        """Apply a Graph Store Protocol write in one transaction; return whether the graph existed."""
        inner = self._writable_store()
        name = ox.NamedNode(graph)
        existed = inner.contains_named_graph(name)
        if method == "DELETE":
            if not existed:
                raise UnknownQueryError(f"the store has no graph <{graph}>")
            self._write(inner, f"DROP GRAPH <{graph}>")
            return True
        formats = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}
        try:
            triples = ox.parse(data, format=formats[media_type], base_iri=graph)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        except SyntaxError as exc:
            raise QueryError(f"the body is not valid {media_type}: {exc.msg}") from None
        drop = f"DROP SILENT GRAPH <{graph}> ; " if method == "PUT" else ""
        self._write(inner, f"{drop}INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode('utf-8')}}} }}")
        return existed

    def _writable_store(self) -> ox.Store:
        if self.write_failed:
            self._reopen()
        inner = self.store.oxigraph
        if not self.config.writable or inner is None:
            raise StoreError("this server is read-only")
        return inner

    def _write(self, inner: ox.Store, text: str) -> None:
        """Run one update as one transaction; a failure to save it says why and what to do."""
        try:
            inner.update(text)
        except OSError as exc:
            self.write_failed = True
            raise self._unsaved(str(exc)) from None

    def _unsaved(self, cause: str) -> StoreError:
        where = self.location
        unchanged = "Nothing was changed: the store holds and serves the data it had before."
        if any(words in cause.lower() for words in _NO_ROOM):
            return DiskFull(
                f"{where}: the disk is full, so the write was not saved ({cause}). {unchanged} "
                f"Free space on the disk that holds {where} (or raise the file size or disk quota "
                "limit that was reached), then send the write again."
            )
        return WriteFailed(
            f"{where}: the write could not be saved ({cause}). {unchanged} "
            f"Check the disk that holds {where}, then send the write again."
        )

    def _reopen(self) -> None:
        """Open the store again after a failed write (RocksDB refuses writes until then).

        When it cannot be opened for writing (the disk is still full), it is opened read-only, so
        that the earlier data is still served, and the write is refused with the reason.
        """
        assert self.location is not None
        self.store.close()
        gc.collect()  # the database closes when the last reference to it goes
        try:
            self.store = open_store(self.spec, writable=True, take_lock=False)
        except StoreError as exc:
            self.store = open_store(self.spec, writable=False, take_lock=False)
            raise self._unsaved(str(exc)) from None
        self.write_failed = False


def _explain_syntax(text: str) -> None:
    """Raise the parse error of ``text`` itself, if it has one (parsed over an empty store)."""
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        raise syntax_error(text, exc.msg) from None


def _as_ntriples(graph: Graph) -> bytes:
    copy = Graph(bind_namespaces="none")
    for s, p, o in graph.triples((None, None, None)):
        copy.add((s, p, plain(o)))
    return copy.serialize(format="nt", encoding="utf-8")


def _from_oxigraph(result: Any, limit: int) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = []
        for solution in itertools.islice(result, limit + 1):
            rows.append(tuple(_term(solution[i]) for i in range(len(columns))))
        return QueryResult("select", columns=columns, rows=rows[:limit], truncated=len(rows) > limit)
    triples = [
        (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
        for t in itertools.islice(result, limit + 1)
    ]
    # Sent to the server as its triples: no rdflib Graph is built here (a graph is a set, so each
    # triple once).
    unique = list(dict.fromkeys(triples[:limit]))
    return QueryResult("graph", triples=unique, truncated=len(triples) > limit)


def _term(value: Any) -> Node | None:
    return None if value is None else from_oxigraph(value)


def _from_rdflib(result: Result, limit: int) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return QueryResult("graph", triples=list(result.graph)).cut(limit)
    columns = [str(v) for v in result.vars or []]
    rows = [tuple(plain(v) if v is not None else None for v in row) for row in result]  # type: ignore[union-attr]
    return QueryResult("select", columns=columns, rows=rows).cut(limit)


def worker_main(connection: Connection, config: ServerConfig) -> None:
    """Open the store, say ready (or why not), then answer jobs until the connection closes."""
    # Ctrl+C in the terminal reaches the whole process group; the server stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        engine = Engine(config)
    except SeminargraphError as exc:
        connection.send(("failed", str(exc)))
        return
    connection.send(("ready", None))
    while True:
        try:
            name, arguments = connection.recv()
        except EOFError:
            return
        try:
            reply: tuple[str, Any] = ("ok", engine.run(name, arguments))
        except SeminargraphError as exc:
            reply = ("error", failure(exc))
        except RecursionError:
            reply = ("error", Failure("QueryError", "the request is nested too deeply to handle", 400))
        connection.send(reply)
