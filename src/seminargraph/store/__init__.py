"""Open the graph a command works on, and write built graphs into a store, from one specification.

The specification is parsed once (:class:`StoreSpec`, or :func:`parse_spec` from text) and opened
once (:func:`open_store`), into a :class:`Store` that the command line, the server and the Python
API use alike. A store specification (``--store SPEC``) is one of:

- ``memory``: the data files given (or the built-in data) loaded into an in-memory Oxigraph store;
  it lives as long as the process;
- ``oxigraph:DIR``: an embedded, persistent Oxigraph store in the folder DIR (see :mod:`.disk`);
- ``http(s)://HOST/PATH``: a SPARQL 1.1 endpoint on a server (see :mod:`.remote`).

Whatever the store, queries see the union of its named graphs, one graph per source. An
``oxigraph:DIR`` store also keeps the base IRI its data was loaded with (``DIR/base``), so that a
later command writes the data's prefixes without being told ``--base`` again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import QueryError, StoreError, syntax_error
from ..inputs import load_dataset
from ..ontology import ONTOLOGY_GRAPH
from ..rdfio import plain, write_atomic
from ..vocab import DEFAULT_BASE
from . import disk, remote
from .terms import oxigraph_of

MEMORY = "memory"
OXIGRAPH_PREFIX = "oxigraph:"
#: Seconds to wait for a complete answer from a remote endpoint when reading.
DEFAULT_TIMEOUT = 60.0
#: Seconds to wait for a remote endpoint to take a load.
DEFAULT_WRITE_TIMEOUT = 600.0

SPEC_HELP = "memory, oxigraph:DIR or http(s)://HOST/PATH"
#: The file in an oxigraph:DIR store that holds the base IRI its data was loaded with.
BASE_FILE = "base"


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


def as_spec(store: StoreSpec | str) -> StoreSpec:
    """``store`` as a StoreSpec: parsed when it is still text."""
    return store if isinstance(store, StoreSpec) else parse_spec(store)


@dataclass
class Store:
    """An open store: the ``dataset`` to read, its ``spec``, and the ``base`` its data's IRIs are under.

    Close it (or use it as a context manager) to give an on-disk store back to loads.
    """

    spec: StoreSpec
    dataset: Dataset
    base: str

    @property
    def kind(self) -> str:
        """memory, oxigraph or http."""
        return self.spec.kind

    @property
    def oxigraph(self) -> ox.Store | None:
        """The pyoxigraph store behind the dataset, or None for an endpoint."""
        return oxigraph_of(self.dataset)

    def select(self, text: str, default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = ()) -> Any:
        """Run query ``text`` with a SPARQL Protocol dataset, on the engine itself (no rdflib in between).

        Returns Oxigraph's result, or rdflib's for an endpoint. Leaving out both lists means the
        union of every named graph, as everywhere else.
        """
        inner = self.oxigraph
        if inner is None:
            store = self.dataset.store
            assert isinstance(store, remote.RemoteStore)
            return store.select(
                text, default_graphs=default_graphs or None, named_graphs=named_graphs or None
            )
        options: dict[str, Any] = {"use_default_graph_as_union": not default_graphs}
        # A request naming default graphs sees only the named graphs it names too (maybe none).
        if default_graphs or named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        try:
            return inner.query(text, **options)
        except SyntaxError as exc:
            raise syntax_error(text, exc.msg) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"the query failed: {exc}") from None

    def close(self) -> None:
        """Close the dataset (an on-disk store is then free for loads)."""
        self.dataset.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def open_store(
    store: StoreSpec | str = MEMORY,
    data: Sequence[Path | str] = (),
    *,
    base: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    writable: bool = False,
    take_lock: bool = True,
) -> Store:
    """Open ``store``; for ``memory``, the graph of ``data`` (default: built-in data) under ``base``.

    ``base`` left out is the one the store's data was loaded with (else the default). An
    ``oxigraph:DIR`` store is opened read-only (unless ``writable``) and shared with other readers;
    it stays in use (a load into it is refused) until the store is closed or the process ends.
    ``take_lock`` false is for processes whose parent holds the lock for them (see :func:`held`).
    """
    spec = as_spec(store)
    if spec.kind == "memory":
        chosen = base or DEFAULT_BASE
        return Store(spec, load_dataset(data, base=chosen), chosen)
    if data:
        raise StoreError(
            f"--data is read into a memory store, but the store is {spec}; load the data into it "
            f"first (seminargraph load --store {spec} DATA...) or leave out --store"
        )
    chosen = base or base_of(spec)
    if spec.kind == "oxigraph":
        return Store(
            spec, disk.open_disk(Path(spec.location), writable=writable, take_lock=take_lock), chosen
        )
    return Store(spec, remote.open_remote(spec.location, timeout=timeout), chosen)


def open_graph(
    store: StoreSpec | str = MEMORY,
    data: Sequence[Path | str] = (),
    *,
    base: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Dataset:
    """Return the graph in ``store`` as an rdflib Dataset; see :func:`open_store`."""
    return open_store(store, data, base=base, timeout=timeout).dataset


def base_of(store: StoreSpec | str) -> str:
    """The base IRI the data in ``store`` was loaded with; the default when the store does not say."""
    spec = as_spec(store)
    if spec.kind != "oxigraph":
        return DEFAULT_BASE
    try:
        return (Path(spec.location) / BASE_FILE).read_text("utf-8").strip() or DEFAULT_BASE
    except FileNotFoundError:
        return DEFAULT_BASE  # a store loaded before the base was kept, or made elsewhere
    except OSError as exc:
        raise StoreError(f"{spec}: cannot read its base IRI: {exc.strerror}") from None


@contextlib.contextmanager
def held(store: StoreSpec | str, *, exclusive: bool) -> Iterator[None]:
    """Hold an on-disk store's lock (for worker processes that open it without one); others: nothing."""
    spec = as_spec(store)
    fd = None
    if spec.kind == "oxigraph" and disk.kind_of(Path(spec.location)) == "ours":
        fd = disk.lock(Path(spec.location), exclusive=exclusive)
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)


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
    store: StoreSpec | str,
    graph: Dataset,
    *,
    base: str | None = None,
    clear: bool = False,
    update_endpoint: str | None = None,
    graph_store: str | None = None,
    timeout: float = DEFAULT_WRITE_TIMEOUT,
) -> WriteReport:
    """Replace, in ``store``, each named graph of ``graph`` with its new content, all or nothing.

    Graphs of the store that ``graph`` does not hold are kept unless ``clear`` is set. For an
    endpoint, ``graph_store`` (a Graph Store Protocol address) is used when given, otherwise a
    SPARQL Update at ``update_endpoint`` (default: the endpoint itself). ``base``, the base IRI the
    graph was made under, is kept with an ``oxigraph:DIR`` store for later commands.
    """
    spec = as_spec(store)
    if spec.kind == "memory":
        raise StoreError(
            "a memory store holds nothing between commands; load into oxigraph:DIR or an http(s) endpoint"
        )
    graphs = graphs_as_ntriples(graph)
    sizes = {name: data.count(b"\n") for name, data in graphs.items()}
    triples = sum(sizes.values())
    if spec.kind == "oxigraph":
        leftovers = disk.replace_graphs(Path(spec.location), graphs, clear=clear)
        if base is not None:
            # After the switch: a load killed in between keeps the base of the data before it.
            write_atomic({Path(spec.location) / BASE_FILE: f"{base}\n".encode()})
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


__all__ = [
    "DEFAULT_TIMEOUT",
    "MEMORY",
    "SPEC_HELP",
    "Store",
    "StoreSpec",
    "WriteReport",
    "as_spec",
    "base_of",
    "graphs_as_ntriples",
    "held",
    "open_graph",
    "open_store",
    "oxigraph_of",
    "parse_spec",
    "write_store",
]
