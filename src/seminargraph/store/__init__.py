"""Open the graph a command works on, and write built graphs into a store, from one specification.

A store specification (``--store SPEC``) is one of:

- ``memory``: the data files given (or the built-in data) loaded into an in-memory Oxigraph store;
  it lives as long as the process;
- ``oxigraph:DIR``: an embedded, persistent Oxigraph store in the folder DIR (see :mod:`.disk`);
- ``http(s)://HOST/PATH``: a SPARQL 1.1 endpoint on a server (see :mod:`.remote`).

Whatever the store, queries see the union of its named graphs, one graph per source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import StoreError
from ..ontology import ONTOLOGY_GRAPH
from ..rdfio import plain
from ..sources import load_dataset
from ..vocab import DEFAULT_BASE
from . import disk, remote

MEMORY = "memory"
OXIGRAPH_PREFIX = "oxigraph:"
#: Seconds to wait for a complete answer from a remote endpoint when reading.
DEFAULT_TIMEOUT = 60.0
#: Seconds to wait for a remote endpoint to take a load.
DEFAULT_WRITE_TIMEOUT = 600.0

SPEC_HELP = "memory, oxigraph:DIR or http(s)://HOST/PATH"


@dataclass(frozen=True)
class StoreSpec:
    """A parsed store specification: ``kind`` is memory, oxigraph or http; ``location`` a path or URL."""

    kind: str
    location: str = ""

    def __str__(self) -> str:
        if self.kind == "oxigraph":
            return f"{OXIGRAPH_PREFIX}{self.location}"
        if self.kind == "http":
            return remote.display(self.location)
        return MEMORY


def parse_spec(text: str) -> StoreSpec:
    """Parse ``memory``, ``oxigraph:DIR`` or ``http(s)://HOST/PATH``; StoreError says what is wrong."""
    value = text.strip()
    if value == MEMORY:
        return StoreSpec("memory")
    if value.startswith(OXIGRAPH_PREFIX):
        location = value[len(OXIGRAPH_PREFIX) :]
        if not location:
            raise StoreError("--store oxigraph: needs a folder, e.g. --store oxigraph:./kg")
        return StoreSpec("oxigraph", str(Path(location).expanduser()))
    scheme = value.split(":", 1)[0].lower()
    if scheme in ("http", "https"):
        parts = urlsplit(value)
        if not parts.hostname:
            raise StoreError(f"--store {remote.display(value)}: the URL names no host")
        return StoreSpec("http", value)
    raise StoreError(f"unknown store {text!r}; use {SPEC_HELP}")


def open_graph(
    store: str = MEMORY,
    data: Sequence[Path | str] = (),
    *,
    base: str = DEFAULT_BASE,
    timeout: float = DEFAULT_TIMEOUT,
) -> Dataset:
    """Return the graph in ``store``; for ``memory``, the graph of ``data`` (default: built-in data).

    An ``oxigraph:DIR`` store is opened read-only and shared with other readers; it stays in use
    (a load into it is refused) until the dataset is closed or the process ends.
    """
    spec = parse_spec(store)
    if spec.kind == "memory":
        return load_dataset(data, base=base)
    if data:
        raise StoreError(
            f"--data is read into a memory store, but the store is {spec}; load the data into it "
            f"first (seminargraph load --store {spec} DATA...) or leave out --store"
        )
    if spec.kind == "oxigraph":
        return disk.open_disk(Path(spec.location))
    return remote.open_remote(spec.location, timeout=timeout)


@dataclass
class WriteReport:
    """What ``write_store`` wrote: the graphs replaced, their triples, and leftovers cleaned up."""

    store: str
    graphs: list[str]
    triples: int
    cleared: bool = False
    leftovers: list[str] = field(default_factory=list)
    #: Triples in each graph written, by graph IRI.
    sizes: dict[str, int] = field(default_factory=dict)

    def text(self) -> str:
        """A few lines for people."""
        lines = [
            f"loaded {len(self.graphs)} graph(s), {self.triples:,} triples, into {self.store}"
            + (" (everything else removed)" if self.cleared else "")
        ]
        for name in self.graphs:
            size = self.sizes.get(name)
            what = " (the ontology)" if name == str(ONTOLOGY_GRAPH) else ""
            lines.append(f"  {name}{what}" + ("" if size is None else f": {size:,} triples"))
        if self.leftovers:
            lines.append(f"removed what an interrupted load had left: {', '.join(self.leftovers)}")
        return "\n".join(lines)


def write_store(
    store: str,
    graph: Dataset,
    *,
    clear: bool = False,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    timeout: float = DEFAULT_WRITE_TIMEOUT,
) -> WriteReport:
    """Replace, in ``store``, each named graph of ``graph`` with its new content, all or nothing.

    Graphs of the store that ``graph`` does not hold are kept unless ``clear`` is set. For an
    endpoint, ``graph_store`` (a Graph Store Protocol address) is used when given, otherwise a
    SPARQL Update at ``update_endpoint`` (default: the endpoint itself).
    """
    spec = parse_spec(store)
    if spec.kind == "memory":
        raise StoreError(
            "a memory store holds nothing between commands; load into oxigraph:DIR or an http(s) endpoint"
        )
    graphs = graphs_as_ntriples(graph)
    sizes = {name: data.count(b"\n") for name, data in graphs.items()}
    triples = sum(sizes.values())
    if spec.kind == "oxigraph":
        leftovers = disk.replace_graphs(Path(spec.location), graphs, clear=clear)
    else:
        remote.replace_graphs(
            spec.location,
            graphs,
            clear=clear,
            update_endpoint=update_endpoint,
            graph_store=graph_store,
            timeout=timeout,
        )
        leftovers = []
    return WriteReport(str(spec), sorted(graphs), triples, clear, leftovers, sizes)


def graphs_as_ntriples(graph: Dataset) -> dict[str, bytes]:
    """Return each named graph of ``graph`` as N-Triples; triples outside named graphs are refused."""
    inner = oxigraph_of(graph)
    if inner is not None:
        if next(iter(inner.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            raise _unnamed_triples()
        dumped = {}
        for name in inner.named_graphs():
            data = inner.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)
            if data:
                dumped[name.value] = data
        return dumped
    found: dict[str, bytes] = {}
    for context in graph.graphs():
        if len(context) == 0:
            continue
        if context.identifier == DATASET_DEFAULT_GRAPH_ID:
            raise _unnamed_triples()
        copy = Graph(bind_namespaces="none")
        for s, p, o in context:
            copy.add((s, p, plain(o)))
        found[str(context.identifier)] = copy.serialize(format="nt", encoding="utf-8")
    return found


def _unnamed_triples() -> StoreError:
    return StoreError(
        "the graph has triples outside any named graph; a store keeps each source in a graph of its "
        "own so that loading it again replaces it"
    )


def oxigraph_of(graph: Graph) -> ox.Store | None:
    """The pyoxigraph store behind ``graph``, or None when it is not an Oxigraph store."""
    store = graph.store
    if isinstance(store, OxigraphStore):
        # oxrdflib keeps the pyoxigraph store in a private attribute; reading it directly lets the
        # server pass SPARQL datasets and dumps through without converting every term.
        inner: ox.Store = store._inner
        return inner
    return None


__all__ = [
    "DEFAULT_TIMEOUT",
    "MEMORY",
    "SPEC_HELP",
    "StoreSpec",
    "WriteReport",
    "graphs_as_ntriples",
    "open_graph",
    "oxigraph_of",
    "parse_spec",
    "write_store",
]
