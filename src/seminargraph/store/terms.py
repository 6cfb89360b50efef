"""The pyoxigraph store behind an rdflib graph: the one place that reads oxrdflib's private attribute.

Also the guard on rdflib's own ``query()`` and ``update()`` of every graph seminargraph returns
(:class:`GuardedOxigraphStore`): rdflib would follow SERVICE, LOAD and FROM <url> to the network
and to local files, and Oxigraph follows SERVICE and LOAD; here they are refused before any engine
sees the text, as for queries from outside.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.plugins.sparql.algebra import traverse
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import QueryError
from ..sparql.checks import check_query


def oxigraph_of(graph: Graph) -> ox.Store | None:
    """The pyoxigraph store behind ``graph``, or None when it is not an Oxigraph store."""
    store = getattr(graph, "store", None)
    if isinstance(store, OxigraphStore):
        # oxrdflib keeps the pyoxigraph store in a private attribute; reading it directly lets the
        # server pass SPARQL datasets and dumps through, and SHACL and the writers read quads,
        # without converting every term.
        inner: ox.Store = store._inner
        return inner
    return None


#: What, in a query or update rdflib has parsed already, reads from outside the store.
_OUTSIDE = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD", "DatasetClause": "FROM"}


def guard(query: Any, *, update: bool = False) -> None:
    """Refuse a query (or ``update``) that would read from outside the store; QueryError says which.

    ``query`` is text, or a query or update rdflib has prepared (its parsed form is searched).
    """
    if isinstance(query, str):
        check_query(query, parse=False, update=update)
        return
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, CompValue) and node.name in _OUTSIDE:
            found.append(_OUTSIDE[node.name])

    algebra = getattr(query, "algebra", None)
    # An update is a list of operations; a query one tree.
    for part in algebra if isinstance(algebra, list) else [algebra]:
        traverse(part, visit)
    if found:
        raise QueryError(
            f"'{found[0]}' would read from outside the store (the network or files); it is refused"
        )


class GuardedOxigraphStore(OxigraphStore):
    """oxrdflib's store with rdflib's ``query()`` and ``update()`` checked first (see :func:`guard`).

    The check runs before oxrdflib's, whose refusals (a prepared query, an option it lacks) would
    hand the query to rdflib's own engine, which follows SERVICE and FROM.
    """

    def query(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        guard(query)
        return super().query(query, *args, **kwargs)

    def update(self, update: Any, *args: Any, **kwargs: Any) -> None:
        guard(update, update=True)
        super().update(update, *args, **kwargs)
