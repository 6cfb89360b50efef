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

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal
from rdflib.term import Node

from .errors import QueryParameterError, SourceError, UnknownQueryError
from .read.entities import resolve
from .sparql import QueryResult, execute
from .sparql.binding import bind
from .sparql.checks import MAX_QUERY_CHARS, check_query
from .textfile import read_text
from .vocab import DEFAULT_LANG, KINDS, LANG_PATTERN

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
    found = _packaged(name) if re.fullmatch(r"[a-z0-9-]+", name) else None
    if found is None:
        known = ", ".join(q.name for q in list_queries())
        raise UnknownQueryError(f"no named query '{name}'; the named queries are: {known}")
    return found


@functools.lru_cache(maxsize=64)
def _packaged(name: str) -> NamedQuery | None:
    # The packaged files do not change while the program runs: each is read and parsed once.
    entry = _queries_dir().joinpath(f"{name}.rq")
    if not entry.is_file():
        return None
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
                f"the query '{named.name}' needs {{param}}=... ({param.description})", parameter=param.name
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
    return resolve(graph, param.kind, value, parameter=param.name)


# The names this module has always offered; they live in the sparql wing and the vocabulary now.
__all__ = [
    "DEFAULT_LANG",
    "KINDS",
    "LANG_PATTERN",
    "NamedQuery",
    "Parameter",
    "QueryResult",
    "bind",
    "check_query",
    "execute",
    "get_query",
    "list_queries",
    "load_query_file",
    "parse_query_text",
    "resolve_parameter",
    "run_query",
    "run_sparql",
]
