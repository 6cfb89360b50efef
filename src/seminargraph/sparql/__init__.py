"""Run any SPARQL text safely: checked, bound, run, and read into one result type.

:func:`execute` checks the text (:mod:`.checks`), gives it its bindings (as the engine takes them:
rdflib's ``initBindings``, or VALUES blocks joined in by :mod:`.binding`), runs it, and returns a
:class:`QueryResult`, whatever the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib import Dataset, Graph, Literal
from rdflib.plugins.stores.memory import Memory
from rdflib.query import Result
from rdflib.term import Node

from ..errors import MissingExtraError, QueryError
from ..rdfio import from_oxigraph, plain
from .binding import bind
from .checks import MAX_QUERY_CHARS, check_query

#: A value in ``records()``: text, a number for numeric literals, a bool for booleans, or None.
Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + name
    for name in (
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOATS = frozenset(_XSD + name for name in ("decimal", "double", "float"))


def _value(term: Node | None) -> Value:
    """The Python value of a term for ``records()``: numbers and booleans as such, else its text."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        lexical, datatype = str(term), str(term.datatype)
        try:
            if datatype in _INTEGERS:
                return int(lexical)
            if datatype in _FLOATS:
                return float(lexical)
        except ValueError:
            return lexical  # ill-typed: shown as written
        if datatype == _XSD + "boolean" and lexical in ("true", "false", "1", "0"):
            return lexical in ("true", "1")
    return str(term)


class QueryResult:
    """Rows of a SELECT, the answer of an ASK, or the graph of a CONSTRUCT/DESCRIBE, from any engine.

    Values are rdflib terms (IRIs, blank nodes, literals with their language or datatype), or
    None where a row leaves a variable unbound. ``truncated`` says that rows or triples were cut
    off at a limit (see :meth:`cut`). A graph result is given as its ``triples`` or as an rdflib
    ``graph``; the graph, with its indexes, is built on first use, so that a caller that only
    reads or writes the triples does not pay for it.
    """

    __slots__ = ("_graph", "_triples", "boolean", "columns", "kind", "rows", "truncated")

    def __init__(
        self,
        kind: str,  # select | ask | graph
        columns: list[str] | None = None,
        rows: list[tuple[Node | None, ...]] | None = None,
        boolean: bool | None = None,
        graph: Graph | None = None,
        truncated: bool = False,
        *,
        triples: list[tuple[Node, Node, Node]] | None = None,
    ) -> None:
        self.kind = kind
        self.columns = columns if columns is not None else []
        self.rows = rows if rows is not None else []
        self.boolean = boolean
        self.truncated = truncated
        self._graph = graph
        self._triples = triples

    @property
    def graph(self) -> Graph | None:
        """The graph of a CONSTRUCT or DESCRIBE as an rdflib Graph (None for rows and ASK)."""
        if self._graph is None and self._triples is not None:
            self._graph = graph_of(self._triples)
        return self._graph

    @graph.setter
    def graph(self, graph: Graph | None) -> None:
        self._graph, self._triples = graph, None

    @property
    def triples(self) -> list[tuple[Node, Node, Node]]:
        """The triples of a graph result (none for rows)."""
        if self._triples is not None:
            return list(self._triples)
        return list(self._graph) if self._graph is not None else []

    def __len__(self) -> int:
        """The number of rows, or of triples of a graph result (an ASK has none)."""
        if self.kind == "graph":
            return len(self._triples) if self._triples is not None else len(self._graph or ())
        return len(self.rows)

    def __eq__(self, other: object) -> bool:
        # Two graph results are equal when they hold the same triples, in whatever order.
        if not isinstance(other, QueryResult):
            return NotImplemented
        mine, theirs = self.__getstate__(), other.__getstate__()
        if self.kind == "graph":
            mine["triples"], theirs["triples"] = set(self.triples), set(other.triples)
        return mine == theirs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"QueryResult({self.kind!r}, {len(self)} {'triples' if self.kind == 'graph' else 'rows'})"

    def cut(self, limit: int) -> QueryResult:
        """This result with at most ``limit`` rows or triples, ``truncated`` when some were left out."""
        if len(self.rows) <= limit and (self.kind != "graph" or len(self) <= limit):
            return self
        triples = self.triples if self.kind == "graph" else None
        return QueryResult(
            self.kind,
            columns=self.columns,
            rows=self.rows[:limit],
            boolean=self.boolean,
            truncated=True,
            triples=None if triples is None else triples[:limit],
        )

    def __getstate__(self) -> dict[str, Any]:
        # A query worker sends results to the server: a graph travels as its triples, which
        # pickle several times faster than an rdflib Graph.
        return {
            "kind": self.kind,
            "columns": self.columns,
            "rows": self.rows,
            "boolean": self.boolean,
            "truncated": self.truncated,
            "triples": self.triples if self.kind == "graph" else None,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in ("kind", "columns", "rows", "boolean", "truncated"):
            setattr(self, name, state[name])
        self._graph, self._triples = None, state["triples"]

    def records(self) -> list[dict[str, Value]]:
        """The rows as dictionaries: text, numbers as int or float, booleans as bool, None where unbound."""
        return [{c: _value(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows]

    def texts(self) -> list[dict[str, str | None]]:
        """The rows as dictionaries of each term's text as written (``None`` where unbound)."""
        return [
            {c: (None if v is None else str(v)) for c, v in zip(self.columns, row, strict=True)}
            for row in self.rows
        ]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame, numbers as numbers (needs the ``notebook`` extra)."""
        try:
            import pandas
        except ImportError:
            raise MissingExtraError("QueryResult.to_pandas", "notebook") from None
        return pandas.DataFrame(self.records(), columns=self.columns)


def graph_of(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """A new graph, with no prefixes bound, holding ``triples``."""
    graph = Graph(bind_namespaces="none")
    for triple in triples:
        graph.add(triple)
    return graph


def execute(
    graph: Graph,
    text: str,
    bindings: Mapping[str, Node] | None = None,
    *,
    allow_remote: bool = False,
) -> QueryResult:
    """Check, bind and run one SPARQL query text over ``graph``."""
    check_query(text, allow_remote=allow_remote)
    inner = oxigraph_union(graph)
    if inner is not None:
        return _execute_oxigraph(inner, graph, bind(text, bindings or {}))
    try:
        if isinstance(graph.store, Memory):
            # rdflib's engine sees initBindings everywhere (subqueries and OPTIONAL included);
            # it mishandles VALUES inside OPTIONAL subqueries, so it gets the bindings this way.
            result = graph.query(text, initBindings=dict(bindings or {}))  # type: ignore[arg-type]
        else:
            result = graph.query(bind(text, bindings or {}))
    except ParseException as exc:
        raise QueryError(f"the query is not valid SPARQL: {exc}") from None
    except SyntaxError as exc:
        # Oxigraph's parser is stricter than rdflib's on a few forms (binding a variable
        # twice, an OFFSET past 64 bits, a relative IRI); it says where, as "error at L:C".
        raise QueryError(f"the query is not valid SPARQL: {exc.msg}") from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to run") from None
    return to_result(result)


def execute_own(graph: Graph, text: str) -> QueryResult:
    """Run a query text that seminargraph wrote itself (the readers of ``read``), unchecked.

    Such texts hold no query text from outside, only IRIs that ``read.facts.iri_term`` refused to
    write when they could break out; on an Oxigraph store they skip rdflib's result conversion.
    """
    inner = oxigraph_union(graph)
    if inner is not None:
        return _execute_oxigraph(inner, graph, text)
    return to_result(graph.query(text))


def oxigraph_union(graph: Graph) -> ox.Store | None:
    """The pyoxigraph store behind a dataset queried as the union of its graphs, else None.

    Every dataset seminargraph opens is one; its solutions are read without rdflib's Result in
    between, and look-ups of one pattern go to Oxigraph's indexes directly.
    """
    if isinstance(graph, Dataset) and graph.default_union:
        from ..store.terms import oxigraph_of

        return oxigraph_of(graph)
    return None


def _execute_oxigraph(inner: ox.Store, graph: Graph, text: str) -> QueryResult:
    # As oxrdflib runs a query for rdflib's Dataset.query (the same prefixes, the union graph),
    # with each distinct term converted once.
    prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    try:
        result = inner.query(text, use_default_graph_as_union=True, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL: {exc.msg}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    converted: dict[Any, Node] = {}

    def term(value: Any) -> Node | None:
        if value is None:
            return None
        found = converted.get(value)
        if found is None:
            found = converted[value] = from_oxigraph(value)
        return found

    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        width = range(len(columns))
        rows = [tuple(term(s[i]) for i in width) for s in result]
        return QueryResult("select", columns=columns, rows=rows)
    # Literals as the same terms whatever the engine (see to_result); a graph is a set, so a triple
    # the template gives twice is kept once, as an rdflib Graph would.
    triples = dict.fromkeys((term(t.subject), term(t.predicate), plain(term(t.object))) for t in result)  # type: ignore[arg-type]
    return QueryResult("graph", triples=list(triples))  # type: ignore[arg-type]


def to_result(result: Result) -> QueryResult:
    """Convert an rdflib Result into a QueryResult."""
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph(bind_namespaces="none")
        assert result.graph is not None
        # Literals as the same terms whatever the engine: Oxigraph gives "x"^^xsd:string where
        # rdflib and remote endpoints give "x" (one term in RDF 1.1, two to rdflib).
        for s, p, o in result.graph:
            graph.add((s, p, plain(o)))
        return QueryResult("graph", graph=graph)
    columns = [str(v) for v in (result.vars or [])]
    rows = [tuple(row) for row in result]  # type: ignore[arg-type]
    return QueryResult("select", columns=columns, rows=rows)  # type: ignore[arg-type]


__all__ = [
    "MAX_QUERY_CHARS",
    "QueryResult",
    "bind",
    "check_query",
    "execute",
    "execute_own",
    "graph_of",
    "oxigraph_union",
    "to_result",
]
