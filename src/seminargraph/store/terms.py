"""The pyoxigraph store behind an rdflib graph: the one place that reads oxrdflib's private attribute."""

from __future__ import annotations

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph


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
