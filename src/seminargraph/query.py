"""Named SPARQL queries: list them, bind their parameters as RDF terms, run them.

A named query is a ``.rq`` file in the package's ``queries/`` folder whose leading comments
declare it::

    # title: Participants
    # description: One row per person's participation ...
    # param: event = ?e (event, optional) Only this event, by id or IRI.

Parameters are never pasted into the query text as strings. Each value is turned into an RDF term
(an IRI looked up by id, or a literal) and joined into the query as a ``VALUES`` block at the
start of every WHERE group that mentions the variable, subqueries included, so that the same
query text gives the same answers on every SPARQL engine. ``?lang`` is always available: the
chosen label language.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.query import Result
from rdflib.term import Node

from .authoring import LANG_PATTERN as LANG_PATTERN  # the same language tags as authored data
from .errors import MissingExtraError, QueryError, QueryParameterError, SourceError, UnknownQueryError
from .rdfio import from_oxigraph, plain
from .textfile import read_text

#: Longest query text accepted (characters).
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of { } accepted in a query.
MAX_QUERY_DEPTH = 64
#: Most operator characters (+ - * / ! = < > & | ^) and most groups { } a query may hold.
#: Oxigraph recurses down long expressions and UNION chains and crashes the whole process
#: somewhere past 5,000 terms or 8,000 groups; real queries hold a few dozen of each. The
#: environment variables SEMINARGRAPH_MAX_QUERY_OPERATORS and SEMINARGRAPH_MAX_QUERY_GROUPS
#: change them.
MAX_QUERY_OPERATORS = 2_000
MAX_QUERY_GROUPS = 1_000
DEFAULT_LANG = "sv"

#: Parameter kinds and the class the named thing must have.
KINDS = {
    "event": "https://seminargraph.example/ns#Event",
    "person": "https://seminargraph.example/ns#Person",
    "organisation": "https://seminargraph.example/ns#Organisation",
    "agent": "https://seminargraph.example/ns#Agent",
    "text": "",
}

_PARAM_LINE = re.compile(
    r"^(?P<name>[a-z][a-z0-9_-]*)\s*=\s*\?(?P<var>\w+)\s*"
    r"\((?P<kind>\w+)(?:\s*,\s*(?P<need>optional|required))?\)\s*(?P<doc>.*)$"
)


@dataclass(frozen=True)
class Parameter:
    """A declared query parameter: ``--param NAME=VALUE`` binds ``?variable``."""

    name: str
    variable: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query with a name, a title, a description and declared parameters."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: str | None = None

    def parameter(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryParameterError(
            f"the query '{self.name}' has no parameter '{name}' (its parameters: {known})"
        )


#: A value in ``records()``: text, a number for numeric literals, a bool for booleans, or None.
Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + name
    for name in [
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
    ]
)
_FLOATS = frozenset(_XSD + name for name in ("decimal", "double", "float"))


def _number(lexical: str, datatype: str) -> Value:
    """The Python value of a literal for ``records()``: numbers and booleans as such, else its text."""
    try:
        if datatype in _INTEGERS:
            return int(lexical)
        if datatype in _FLOATS:
            return float(lexical)
    except ValueError:
        return lexical  # ill-typed: shown as written
    if datatype == _XSD + "boolean" and lexical in ("true", "false", "1", "0"):
        return lexical in ("true", "1")
    return lexical


def _value(term: Node | None) -> Value:
    if isinstance(term, Literal) and term.datatype is not None:
        return _number(str(term), str(term.datatype))
    return None if term is None else str(term)


def _ox_value(term: Any) -> Value:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return _number(term.value, term.datatype.value)
    return str(term.value)


class QueryResult:
    """Rows of a SELECT, the answer of an ASK, or the graph of a CONSTRUCT/DESCRIBE.

    ``rows`` holds rdflib terms. A result read from an Oxigraph store keeps pyoxigraph's terms
    and makes the rdflib ones only when ``rows`` is first read: ``records()`` (and so every table
    and JSON output) reads pyoxigraph's terms directly.
    """

    def __init__(
        self,
        kind: str,  # select | ask | graph
        columns: list[str] | None = None,
        rows: list[tuple[Node | None, ...]] | None = None,
        boolean: bool | None = None,
        graph: Graph | None = None,
        *,
        terms: list[tuple[Any, ...]] | None = None,
    ) -> None:
        self.kind = kind
        self.columns = list(columns or [])
        self.boolean = boolean
        self.graph = graph
        self._rows = rows if rows is not None or terms is not None else []
        self._terms = terms

    @property
    def rows(self) -> list[tuple[Node | None, ...]]:
        """The rows as rdflib terms (``None`` where unbound)."""
        if self._rows is None:
            converted: dict[Any, Node] = {}

            def term(value: Any) -> Node | None:
                if value is None:
                    return None
                found = converted.get(value)
                if found is None:
                    found = converted[value] = from_oxigraph(value)
                return found

            self._rows = [tuple(term(v) for v in row) for row in self._terms or []]
        return self._rows

    @rows.setter
    def rows(self, value: list[tuple[Node | None, ...]]) -> None:
        self._rows, self._terms = value, None

    def __repr__(self) -> str:
        return f"QueryResult({self.kind!r}, columns={self.columns!r}, {len(self)} row(s))"

    def __len__(self) -> int:
        return len(self._terms) if self._rows is None and self._terms is not None else len(self.rows)

    def records(self) -> list[dict[str, Value]]:
        """The rows as dictionaries: text, numbers as int or float, booleans as bool, None where unbound."""
        if self._rows is None and self._terms is not None:
            return [{c: _ox_value(v) for c, v in zip(self.columns, row, strict=True)} for row in self._terms]
        return [{c: _value(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows]

    def texts(self) -> list[dict[str, str | None]]:
        """The rows as dictionaries of the terms' text, as written (``None`` where unbound)."""
        if self._rows is None and self._terms is not None:
            return [
                {c: (None if v is None else str(v.value)) for c, v in zip(self.columns, row, strict=True)}
                for row in self._terms
            ]
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


# --- the catalogue of named queries ------------------------------------------------------------


def _queries_dir() -> Any:
    return resources.files("seminargraph").joinpath("queries")


def list_queries() -> list[NamedQuery]:
    """Every named query shipped with seminargraph, sorted by name."""
    found = []
    for entry in _queries_dir().iterdir():
        if entry.name.endswith(".rq"):
            found.append(parse_query_text(entry.read_text("utf-8"), entry.name[:-3], entry.name))
    return sorted(found, key=lambda q: q.name)


def get_query(name: str) -> NamedQuery:
    """The named query ``name``, or UnknownQueryError listing the known names."""
    entry = _queries_dir().joinpath(f"{name}.rq")
    if not re.fullmatch(r"[a-z0-9-]+", name) or not entry.is_file():
        known = ", ".join(q.name for q in list_queries())
        raise UnknownQueryError(f"no named query '{name}'; the named queries are: {known}")
    return parse_query_text(entry.read_text("utf-8"), name, entry.name)


def load_query_file(path: Path) -> NamedQuery:
    """Read a ``.rq`` file; its header comments, if any, declare title and parameters."""
    text = read_text(path, limit=MAX_QUERY_CHARS)
    return parse_query_text(text, path.stem, str(path))


def parse_query_text(text: str, name: str, where: str | None = None) -> NamedQuery:
    """Read the header comments of a query text into a NamedQuery."""
    title, description, params = name, "", []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        body = line.lstrip("#").strip()
        key, _, value = body.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        elif key == "param":
            match = _PARAM_LINE.match(value)
            if not match or match["kind"] not in KINDS:
                raise SourceError(
                    "a parameter line must read 'param: NAME = ?var (KIND[, optional]) text' "
                    f"with KIND one of {', '.join(KINDS)}",
                    path=where,
                    line=lineno,
                )
            params.append(
                Parameter(
                    name=match["name"],
                    variable=match["var"],
                    kind=match["kind"],
                    required=match["need"] != "optional",
                    description=match["doc"].strip(),
                )
            )
    return NamedQuery(name, title, description, tuple(params), text, where)


# --- running ----------------------------------------------------------------------------------


def run_query(
    graph: Graph,
    query: str | NamedQuery,
    *,
    lang: str = DEFAULT_LANG,
    params: Mapping[str, str] | None = None,
    allow_remote: bool = False,
    **kwargs: str,
) -> QueryResult:
    """Run a named query (by name or NamedQuery) over ``graph`` and return its result.

    ``params`` (or keyword arguments) give the declared parameters as strings: ids or IRIs for
    events, people and organisations; text for text parameters.

    >>> from seminargraph import load_graph
    >>> rows = run_query(load_graph(), "moderators", lang="en").records()
    >>> sorted(r["moderator"] for r in rows)
    ['Magnus Staxäng', 'Robin Askelöf']
    """
    named = get_query(query) if isinstance(query, str) else query
    given = {**(params or {}), **kwargs}
    if not LANG_PATTERN.match(lang):
        raise QueryParameterError(f"'{lang}' is not a language tag such as sv or en")
    bindings: dict[str, Node] = {"lang": Literal(lang)}
    for name, value in given.items():
        param = named.parameter(name)
        bindings[param.variable] = resolve_parameter(graph, param, value)
    for param in named.parameters:
        if param.required and param.name not in given:
            raise QueryParameterError(
                f"the query '{named.name}' needs --param {param.name}=... ({param.description})"
            )
    return execute(graph, named.text, bindings, allow_remote=allow_remote)


def run_sparql(
    graph: Graph,
    text: str,
    *,
    lang: str = DEFAULT_LANG,
    allow_remote: bool = False,
    **params: str,
) -> QueryResult:
    """Run SPARQL text over ``graph``; a header in its comments may declare parameters.

    ``?lang`` is bound to ``lang`` as in the named queries.
    """
    return run_query(
        graph, parse_query_text(text, "sparql"), lang=lang, params=params, allow_remote=allow_remote
    )


def resolve_parameter(graph: Graph, param: Parameter, value: str) -> Node:
    """Turn a parameter value into an RDF term; ids and IRIs must name an existing thing."""
    if param.kind == "text":
        return Literal(value)
    text = "PREFIX sg: <https://seminargraph.example/ns#>\nSELECT DISTINCT ?x WHERE { "
    if re.match(r"^https?://\S+$", value):
        candidate: dict[str, Node] = {"x": URIRef(value)}
        text += "?x a ?type ; sg:identifier ?i . }"
    else:
        # An indexed look-up of the id (the shapes make every id an xsd:string), not a scan of
        # every id in the store; the text stays the same for every value, so that it is parsed
        # (checked) once. rdflib's own engine tells "x" from "x"^^xsd:string, which RDF 1.1 (and
        # Oxigraph) call one term: there, both spellings are looked up.
        candidate = {"id": Literal(value)}
        if isinstance(graph.store, Memory):
            candidate["typed"] = Literal(value, datatype=_XSD_STRING)
            text += "{ ?x sg:identifier ?id } UNION { ?x sg:identifier ?typed } ?x a ?type . }"
        else:
            text += "?x sg:identifier ?id ; a ?type . }"
    candidate["type"] = URIRef(KINDS[param.kind])
    found = execute(graph, text, candidate).rows
    if param.kind == "agent" and not found:
        for kind in ("person", "organisation"):
            candidate["type"] = URIRef(KINDS[kind])
            found = execute(graph, text, candidate).rows
            if found:
                break
    if not found:
        raise QueryParameterError(
            f"--param {param.name}: no {param.kind} with the id or IRI '{value}' in the graph"
            + _suggest_ids(graph, param.kind, value)
        )
    if len(found) > 1:
        raise QueryParameterError(
            f"--param {param.name}: the id '{value}' names several {param.kind}s; give the IRI"
        )
    term = found[0][0]
    assert term is not None
    return term


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

#: How many ids of a kind an error message lists in full; more are only searched for a near miss.
LISTED_IDS = 12
#: Most ids read to look for a near miss of an id that names nothing.
SEARCHED_IDS = 100_000
_PLURALS = {"person": "people", "agent": "people and organisations"}


def _suggest_ids(graph: Graph, kind: str, value: str) -> str:
    """The end of an unknown-id error: the ids it may have meant, or all of them when few."""
    ids: set[str] = set()
    for each in ("person", "organisation") if kind == "agent" else (kind,):
        text = (
            "PREFIX sg: <https://seminargraph.example/ns#>\n"
            f"SELECT DISTINCT ?i WHERE {{ ?x a ?type ; sg:identifier ?i }} LIMIT {SEARCHED_IDS}"
        )
        rows = execute(graph, text, {"type": URIRef(KINDS[each])}).rows
        ids.update(str(row[0]) for row in rows if row[0] is not None)
    known = sorted(ids)
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.75)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    plural = _PLURALS.get(kind, f"{kind}s")
    if not known:
        return f" (it has no {plural})"
    if len(known) <= LISTED_IDS:
        return f" (the {plural} are: {', '.join(known)})"
    return f" ({len(known):,} {plural} in the graph, none with an id like it)"


def execute(
    graph: Graph,
    text: str,
    bindings: Mapping[str, Node] | None = None,
    *,
    allow_remote: bool = False,
) -> QueryResult:
    """Check, bind and run one SPARQL query text over ``graph``."""
    check_query(text, allow_remote=allow_remote)
    inner = _oxigraph_union(graph)
    if inner is not None:
        return _execute_oxigraph(inner, graph, bind(text, bindings or {}))
    from pyparsing import ParseException

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


def _oxigraph_union(graph: Graph) -> ox.Store | None:
    # The pyoxigraph store behind a dataset queried as the union of its graphs (every dataset
    # seminargraph opens); its solutions are read without rdflib's Result in between.
    inner = getattr(graph.store, "_inner", None)
    if isinstance(inner, ox.Store) and isinstance(graph, Dataset) and graph.default_union:
        return inner
    return None


def _execute_oxigraph(inner: ox.Store, graph: Graph, text: str) -> QueryResult:
    # As oxrdflib runs a query for rdflib's Dataset.query (the same prefixes, the union graph),
    # without turning every term into an rdflib one.
    prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    try:
        result = inner.query(text, use_default_graph_as_union=True, prefixes=prefixes)
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL: {exc.msg}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        width = range(len(columns))
        return QueryResult("select", columns=columns, terms=[tuple(s[i] for i in width) for s in result])
    constructed = Graph(bind_namespaces="none")
    for triple in result:
        constructed.add(
            (from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object))
        )
    return QueryResult("graph", graph=constructed)


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


# --- checking and binding query text -------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)"
    r"|(?P<pname>(?:[A-Za-z][\w\-.]*)?:[\w\-%]*(?:\.[\w\-%]+)*)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<other>.)",
    re.DOTALL,
)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    return [(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(text)]


_UPDATE_WORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
}


def check_query(text: str, *, allow_remote: bool = False, parse: bool = True, update: bool = False) -> None:
    """Refuse queries that are too large, too deep, updates, or reach outside the store.

    SERVICE, LOAD and FROM / FROM NAMED would make rdflib fetch from the network (even file:
    URLs); they are refused unless ``allow_remote`` is set. With ``parse`` false the syntax is
    left to the engine (rdflib's parser needs seconds for a long expression that Oxigraph reads at once).
    With ``update`` the text is checked as a SPARQL Update instead (of any length): all but LOAD may pass.
    """
    max_operators = _limit("SEMINARGRAPH_MAX_QUERY_OPERATORS", MAX_QUERY_OPERATORS)
    max_groups = _limit("SEMINARGRAPH_MAX_QUERY_GROUPS", MAX_QUERY_GROUPS)
    if update or len(text) > MAX_QUERY_CHARS:
        _check(text, allow_remote, parse, update, max_operators, max_groups)
    else:
        # The named queries and page queries are the same texts every time: checked once each.
        _check_cached(text, allow_remote, parse, update, max_operators, max_groups)


def _check(
    text: str, allow_remote: bool, parse: bool, update: bool, max_operators: int, max_groups: int
) -> None:
    if len(text) > MAX_QUERY_CHARS and not update:
        raise QueryError(f"the query is {len(text):,} characters long, over the limit of {MAX_QUERY_CHARS:,}")
    depth = brackets = operators = groups = 0
    for kind, value, _pos in _tokens(_expand_codepoints(text)):
        if kind == "open":
            depth += 1
            groups += 1
            if depth > MAX_QUERY_DEPTH:
                raise QueryError(f"the query nests {{ }} more than {MAX_QUERY_DEPTH} deep")
            if groups > max_groups and not update:
                raise QueryError(f"the query has more than {max_groups:,} groups {{ }}; split it")
        elif kind == "close":
            depth -= 1
        elif kind == "other":
            brackets += (value == "(") - (value == ")")
            if brackets > MAX_QUERY_DEPTH:
                raise QueryError(f"the query nests ( ) more than {MAX_QUERY_DEPTH} deep")
            operators += value in _OPERATORS
            if operators > max_operators and not update:
                raise QueryError(
                    f"the query has more than {max_operators:,} operators; "
                    "split it or use VALUES for long lists"
                )
        elif kind == "word":
            word = value.upper()
            if update and word == "LOAD" and not allow_remote:
                raise QueryError(
                    f"'{value}' would read from outside the store (the network or files); it is refused"
                )
            if word in _UPDATE_WORDS and not update:
                raise QueryError(
                    f"'{value}' is an update; only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are run here"
                )
            if word in ("SERVICE", "FROM") and not allow_remote:
                raise QueryError(
                    f"'{value}' would read from outside the store (the network or files); it is refused"
                )
    if parse and not update:
        _check_syntax(text)


_check_cached = functools.lru_cache(maxsize=256)(_check)


@functools.lru_cache(maxsize=128)
def _check_syntax(text: str) -> None:
    # rdflib's parser takes about a tenth of a second even for a short query, far longer than
    # Oxigraph takes to answer it; the named queries and page queries are the same texts every
    # time, so each is parsed once. Failures raise, and are not cached. Imported here: loading
    # rdflib's SPARQL parser takes a tenth of a second too, which `seminargraph queries` need not pay.
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except ParseException as exc:
        raise QueryError(
            f"the query is not valid SPARQL at line {exc.lineno} column {exc.col}: {exc.msg}"
        ) from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to parse") from None


_OPERATORS = frozenset("+-*/!=<>&|^")


def _limit(variable: str, default: int) -> int:
    value = os.environ.get(variable, "")
    return int(value) if value.isdigit() else default


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _expand_codepoints(text: str) -> str:
    # SPARQL reads \uXXXX and \UXXXXXXXX escapes before parsing, anywhere in the text: rdflib
    # would run "\u0053ERVICE <...>" as SERVICE, so the checks look at the expanded text.
    def expand(match: re.Match[str]) -> str:
        code = int(match[1] or match[2], 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"'{match[0]}' is not a Unicode character")
        return chr(code)

    return _CODEPOINT.sub(expand, text)


def bind(text: str, bindings: Mapping[str, Node]) -> str:
    """Join ``bindings`` into every group of ``text`` that mentions their variables.

    Each group pattern ``{ ... }`` that mentions a bound variable starts with a one-row
    ``VALUES`` block for it, so the value is seen wherever the variable is, in subqueries,
    OPTIONAL and FILTER EXISTS groups too: the effect of substituting the term for the variable.
    The values are RDF terms written out by rdflib (which escapes them), never raw strings.

    >>> bind("SELECT ?x WHERE { ?x ?p ?lang }", {"lang": Literal("sv")})
    'SELECT ?x WHERE { VALUES ?lang { "sv" } ?x ?p ?lang }'
    """
    if not bindings:
        return text
    groups = _groups_cached(text) if len(text) <= MAX_QUERY_CHARS else _groups(text)
    inserts: list[tuple[int, str]] = []
    for position, mentioned in groups:
        block = " ".join(
            f"VALUES ?{var} {{ {_n3(term)} }}" for var, term in sorted(bindings.items()) if var in mentioned
        )
        if block:
            inserts.append((position, " " + block))
    for position, block in sorted(inserts, reverse=True):
        text = text[:position] + block + text[position:]
    return text


def _groups(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """Where each group pattern of ``text`` opens, and the variables a VALUES block there is for."""
    tokens = _tokens(text)
    found = []
    for open_index in _pattern_groups(tokens):
        close_index = _matching(tokens, open_index)
        mentioned = {value[1:] for kind, value, _ in tokens[open_index:close_index] if kind == "var"}
        if _follows_optional(tokens, open_index):
            mentioned -= _only_in_filters(tokens, open_index, close_index)
        found.append((tokens[open_index][2] + 1, frozenset(mentioned)))
    return tuple(found)


_groups_cached = functools.lru_cache(maxsize=256)(_groups)


def _follows_optional(tokens: list[tuple[str, str, int]], open_index: int) -> bool:
    for kind, value, _ in reversed(tokens[:open_index]):
        if kind == "comment" or value.isspace():
            continue
        return kind == "word" and value.upper() == "OPTIONAL"
    return False


def _only_in_filters(tokens: list[tuple[str, str, int]], open_index: int, close_index: int) -> set[str]:
    """The variables an OPTIONAL group mentions only inside its own FILTERs (EXISTS groups included).

    Such a group needs no VALUES of its own: the FILTERs of an OPTIONAL group are the condition of
    the left join, evaluated on the joined row, where the enclosing group (which gets the VALUES)
    has bound the variable already. Left out, the group stays a pattern Oxigraph evaluates row by
    row; with a VALUES block of a variable its patterns do not use, Oxigraph evaluates it on its
    own, over the whole store (every name, for the label choice), and joins afterwards.
    """
    inside: set[str] = set()
    outside: set[str] = set()
    depth = parens = 0
    in_filter = opened = False
    for kind, value, _ in tokens[open_index + 1 : close_index]:
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if in_filter and depth == 0 and parens == 0:
                in_filter = False  # FILTER [NOT] EXISTS { ... } ends with its group
        elif kind == "word" and value.upper() == "FILTER" and depth == 0 and not in_filter:
            in_filter, opened = True, False
        elif in_filter and depth == 0 and value in "()":
            parens += 1 if value == "(" else -1
            opened = True
            if parens == 0 and opened:
                in_filter = False
        elif kind == "var":
            (inside if in_filter else outside).add(value[1:])
    return inside - outside


def _n3(term: Node) -> str:
    if isinstance(term, URIRef):
        value = str(term)
        if re.search(r'[<>"{}|^`\\\x00-\x20]', value):
            raise QueryParameterError(f"'{value}' is not a valid IRI")
    return term.n3()


def _pattern_groups(tokens: list[tuple[str, str, int]]) -> list[int]:
    # Every "{" that opens a group graph pattern: not the data block of VALUES, not the
    # template of CONSTRUCT (including the short form CONSTRUCT WHERE { ... }), and not the
    # braces around a subquery (its own WHERE group gets the values).
    groups = []
    skip_next = False
    previous_word = ""
    for index, (kind, value, _) in enumerate(tokens):
        if kind == "word":
            word = value.upper()
            if word == "VALUES" or word == "CONSTRUCT":
                skip_next = True
            elif word == "WHERE" and previous_word != "CONSTRUCT":
                skip_next = False
            previous_word = word
        elif kind == "open":
            following = next(
                (t for t in tokens[index + 1 :] if t[0] != "comment" and not t[1].isspace()), None
            )
            opens_subquery = following is not None and following[1].upper() == "SELECT"
            if skip_next:
                skip_next = False
            elif not opens_subquery:
                groups.append(index)
    return groups


def _matching(tokens: list[tuple[str, str, int]], open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(tokens)):
        kind = tokens[index][0]
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens)
