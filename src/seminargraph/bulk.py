"""The load path in Oxigraph's terms: parse, check, derive and validate without rdflib terms.

``seminargraph load --store oxigraph:DIR`` goes this way (other stores take the dataset that
:func:`seminargraph.build.load_graph` makes)::

    RDF files   --Oxigraph's loader, then one scan for refused terms-->  a scratch Oxigraph store
    YAML files  --authoring and mapping (as ever)------------------>  (one graph per source)
    derive.rq   --one SPARQL UPDATE in the store, per graph-------->  the shortcut edges
    shapes      --pyshacl up to SPARQL_VALIDATION_ABOVE triples, the SPARQL checks of
                  validate_sparql above-------------------------->  a ValidationReport
    each graph  --dumped as N-Triples, bulk-loaded into the next generation (store.disk)

The result is the same graphs, triple for triple, as the rdflib path gives (a test compares them).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import pyoxigraph as ox

from .errors import SourceError, StoreError, ValidationFailed
from .inputs import READERS, find_inputs
from .inputs.authoring import load_file
from .inputs.catalog import build_catalog
from .inputs.mapping import Minter, add_catalog, new_dataset
from .ontology import ONTOLOGY_GRAPH, ontology_graph, terms
from .rdfio import (
    MAX_LITERAL_CHARS,
    check_nesting,
    format_for_path,
    oxigraph_quads,
    parse_file,
    write_atomic,
)
from .store import BASE_FILE, StoreSpec, WriteReport, as_spec, disk
from .textfile import MAX_TEXT_BYTES, read_text
from .validate import ValidationReport
from .vocab import DEFAULT_BASE

#: The suffixes of authored YAML, mapped to records (the rest are RDF files).
YAML_SUFFIXES = tuple(s for s, reader in READERS.items() if reader.records is not None)

#: Data of more triples than this is validated by the SPARQL checks derived from the shapes
#: (seconds at festival scale); smaller data by pyshacl itself (the definition, but minutes there).
SPARQL_VALIDATION_ABOVE = 50_000

#: Control characters (but tab, newline, carriage return) and lone surrogates: refused in literals.
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))


@dataclass
class Loaded:
    """The data of a load in a scratch Oxigraph store: its graphs and their sizes in triples."""

    store: ox.Store
    sizes: dict[str, int] = field(default_factory=dict)
    #: The graphs that only files in Oxigraph's formats filled (read by its loader, as they are),
    #: each with the shortcut edges derived for it as N-Triples: a build may load those files
    #: themselves and add only these edges.
    from_files: dict[str, bytes] = field(default_factory=dict)
    #: Every graph that a file read by Oxigraph's loader put quads in.
    file_graphs: set[str] = field(default_factory=set)

    @property
    def triples(self) -> int:
        """Triples in all graphs, the ontology's included."""
        return sum(self.sizes.values())

    @property
    def data_triples(self) -> int:
        """Triples in the data's graphs (not the ontology)."""
        return sum(n for g, n in self.sizes.items() if g != str(ONTOLOGY_GRAPH))


def load_into_oxigraph(paths: Sequence[Path | str] = (), *, base: str = DEFAULT_BASE) -> Loaded:
    """Read authored YAML and RDF files (default: the built-in data) into a new in-memory Oxigraph store.

    One named graph per source, the shortcut edges derived, the ontology in its graph: the same
    graphs as :func:`seminargraph.build.load_graph`.
    """
    return _scratch(find_inputs(paths), Minter(base))


def _scratch(files: Sequence[Path], minter: Minter) -> Loaded:
    yaml_files = [p for p in files if p.suffix.lower() in YAML_SUFFIXES]
    rdf_files = [p for p in files if p.suffix.lower() not in YAML_SUFFIXES]
    dataset = new_dataset()
    store: ox.Store = dataset.store._inner  # type: ignore[attr-defined]
    # The graphs of files that Oxigraph's loader reads as they are, and the graphs that other
    # readers (rdflib's, the YAML mapping) filled or added to.
    raw: set[ox.NamedNode | ox.BlankNode] = set()
    mixed: set[ox.NamedNode | ox.BlankNode] = set()
    for path in rdf_files:
        before = set(store.named_graphs())
        touched = _load_file(store, path, _file_graph(minter, path))
        new = set(store.named_graphs()) - before
        if touched is None:
            raw |= new | {_file_graph(minter, path)}
        else:
            mixed |= new | touched
    of_files = raw | mixed
    problem = _term_problem(store)
    if problem is not None:
        _blame(rdf_files, minter, problem)
    if yaml_files:
        catalog = build_catalog([load_file(p) for p in yaml_files])
        add_catalog(dataset, catalog, minter)
        mixed |= {ox.NamedNode(str(minter.graph(f.source.id))) for f in catalog.files}
    mixed.add(_ONTOLOGY)
    present = set(store.named_graphs())
    from_files: dict[str, bytes] = {}
    for graph in sorted((raw - mixed) & present, key=str):
        edges = _derived_edges(store, graph) if isinstance(graph, ox.NamedNode) else None
        if edges is None:
            mixed.add(graph)
        else:
            from_files[graph.value] = edges
    for graph in sorted(of_files & present, key=str):
        if isinstance(graph, ox.NamedNode) and graph.value not in from_files and graph != _ONTOLOGY:
            store.update(derive_update(graph.value))
    store.remove_graph(_ONTOLOGY)
    ontology = ontology_graph().serialize(format="nt", encoding="utf-8")
    store.bulk_load(ontology, format=ox.RdfFormat.N_TRIPLES, to_graph=_ONTOLOGY)
    file_graphs = {g.value for g in raw if isinstance(g, ox.NamedNode)}
    return Loaded(store, _sizes(store), from_files, file_graphs)


def _file_graph(minter: Minter, path: Path) -> ox.NamedNode:
    # As sources names the graph of a file's triples outside any named graph.
    return ox.NamedNode(f"{minter.base}graph/file/{_slug(path.stem)}")


def _load_file(store: ox.Store, path: Path, default_name: ox.NamedNode) -> set[Any] | None:
    """Add one RDF file's quads to ``store``; those of no graph go into ``default_name``.

    Returns None for a file that Oxigraph's loader read as it is (:func:`_file_bytes`), else the
    graphs that rdflib's parser filled.

    Oxigraph's own loader parses the formats it reads, strictly: it refuses an IRI with a space,
    quote, bracket or control character (escaped or not) and broken Unicode, as rdfio's checks do,
    and gives each document's blank nodes names of their own, so that ``_:b1`` of two files are two
    nodes. What it lets through and seminargraph refuses is looked for afterwards
    (:func:`_term_problem`), over the whole store at once.
    """
    fmt = _oxigraph_format(path)
    if fmt is None:
        # JSON-LD and RDF/XML: rdflib's parsers, with rdfio's checks, as in the rdflib path.
        parsed = parse_file(path)
        quads = [_into(quad, default_name) for quad in oxigraph_quads(parsed)]
        store.bulk_extend(quads)
        return {quad.graph_name for quad in quads}
    try:
        store.bulk_load(
            _file_bytes(path), format=fmt, base_iri=path.resolve().as_uri(), to_graph=default_name
        )
    except SyntaxError as exc:
        raise _syntax_error(exc, fmt, path) from None
    return None


def _oxigraph_format(path: Path) -> ox.RdfFormat | None:
    fmt = format_for_path(path)
    return None if fmt is None else fmt.oxigraph


def _file_bytes(path: Path) -> bytes:
    """The file as Oxigraph's loader is given it (its text checked as every input's is, re-encoded)."""
    return read_text(path, limit=MAX_TEXT_BYTES).encode("utf-8")


def _derived_edges(store: ox.Store, graph: ox.NamedNode) -> bytes | None:
    """Add the shortcut edges of ``graph`` to it and give them as N-Triples; None (and nothing
    added) when one may have a blank node.

    A blank node of the scratch store is not the one a second load of the same file makes, so
    edges with one cannot be added to that load: such a graph is copied from this store instead
    (a literal that contains "_:" is taken for a blank node too, which only costs that copy).
    """
    found = store.query(derive_construct(), default_graph=graph)
    assert isinstance(found, ox.QueryTriples)
    edges = found.serialize(format=ox.RdfFormat.N_TRIPLES) or b""
    if b"_:" in edges:
        return None
    store.bulk_load(edges, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return edges


def _into(quad: ox.Quad, default_name: ox.NamedNode) -> ox.Quad:
    if isinstance(quad.graph_name, ox.DefaultGraph):
        return ox.Quad(quad.subject, quad.predicate, quad.object, default_name)
    return quad


#: The quads a strict parse lets through and seminargraph refuses (one scan of the store, Oxigraph's
#: regular expressions): literals over the limit or with control characters (RDF allows them, RDF/XML
#: cannot write them), triple terms (RDF 1.2, which no writer here handles), and the links from a
#: blank node to a blank node, whose depth is checked in Python (few or none in seminar data).
_TERM_SCAN = (
    "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER ("
    "(isBLANK(?s) && isBLANK(?o)) || isTRIPLE(?s) || isTRIPLE(?o) || "
    f"(isLITERAL(?o) && (STRLEN(?o) > {MAX_LITERAL_CHARS} || "
    r'REGEX(?o, "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]")))) }'
)


def _term_problem(store: ox.Store) -> str | None:
    """What the first refused quad of ``store`` is, said for a user; None when there is none."""
    found = store.query(_TERM_SCAN)
    assert isinstance(found, ox.QuerySolutions)
    children: dict[Any, list[Any]] = {}
    for subject, obj in found:
        if type(obj) is ox.Triple or type(subject) is ox.Triple:
            return f"unsupported RDF term {obj!r} (RDF-star triples are not supported)"
        if type(obj) is ox.Literal:
            value = obj.value
            if len(value) > MAX_LITERAL_CHARS:
                return (
                    f"a literal of {len(value):,} characters is over the limit of {MAX_LITERAL_CHARS:,}; "
                    "seminar data has no such texts"
                )
            char = _BAD_TEXT.search(value)
            code = f"U+{ord(char.group()):04X}" if char else "?"
            short = value if len(value) <= 40 else value[:39] + "…"
            return f"a literal contains the control character {code} (in {short!r}); remove it"
        children.setdefault(subject, []).append(obj)
    if children:
        try:
            check_nesting(children, Path())
        except SourceError as exc:
            return exc.reason
    return None


def _blame(paths: Sequence[Path], minter: Minter, problem: str) -> NoReturn:
    """Raise ``problem`` as the SourceError of the first file that has it (each file loaded alone)."""
    for path in paths:
        alone = ox.Store()
        _load_file(alone, path, _file_graph(minter, path))
        found = _term_problem(alone)
        if found is not None:
            raise SourceError(found, path=path)
    # Only blank nodes of several files together can be nested too deep: not one file's fault.
    raise SourceError(problem)


_LABELS = {
    ox.RdfFormat.TURTLE: "Turtle",
    ox.RdfFormat.TRIG: "TriG",
    ox.RdfFormat.N_TRIPLES: "N-Triples",
    ox.RdfFormat.N_QUADS: "N-Quads",
}


def _syntax_error(exc: SyntaxError, fmt: ox.RdfFormat, path: Path) -> SourceError:
    # Worded as rdfio words the errors of the same parser.
    reason = re.sub(
        r"^Parser error at line \d+ (?:column \d+|between columns \d+ and \d+): ", "", str(exc.msg)
    )
    return SourceError(
        f"malformed {_LABELS.get(fmt, 'RDF')}: {reason}; fix the file there",
        path=path,
        line=exc.lineno,
        column=exc.offset,
    )


def _slug(text: str) -> str:
    # As sources names the graph of a file's triples outside any named graph.
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "data"


def derive_update(graph: str) -> str:
    """derive.rq as one SPARQL UPDATE: the shortcut edges of the facts in ``graph`` added to it."""
    head, template, where = _derive_parts()
    return f"{head}WITH <{graph}>\nINSERT {template}\nWHERE {where}"


def derive_construct() -> str:
    """derive.rq as the CONSTRUCT of the shortcut edges of the default graph (each role's own edge)."""
    head, template, where = _derive_parts()
    return f"{head}CONSTRUCT {template}\nWHERE {where}"


@cache
def _derive_parts() -> tuple[str, str, str]:
    text = resources.files("seminargraph").joinpath("resources/derive.rq").read_text("utf-8")
    head, _, rest = text.partition("CONSTRUCT")
    template, _, where = rest.partition("WHERE")
    # derive.rq puts the role concept where the edge goes; here each role's sg:shortcut from the
    # ontology takes its place (a role without one gives only sg:hasParticipant).
    shortcuts = " ".join(f"(<{role}> <{edge}>)" for role, edge in sorted(terms().role_shortcuts.items()))
    template = template.replace("?event ?role ?agent .", "?event ?shortcut ?agent .")
    where = where.replace(
        "sg:role ?role ; sg:status ?status .",
        f"sg:role ?role ; sg:status ?status .\n    OPTIONAL {{ VALUES (?role ?shortcut) {{ {shortcuts} }} }}",
        1,
    )
    return head, template.strip(), where.strip()


def _sizes(store: ox.Store) -> dict[str, int]:
    found = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(found, ox.QuerySolutions)
    return {str(graph.value): int(count.value) for graph, count in found}


def validate_loaded(loaded: Loaded) -> ValidationReport:
    """Validate ``loaded``: pyshacl when small, the SPARQL checks above SPARQL_VALIDATION_ABOVE triples."""
    if loaded.data_triples > SPARQL_VALIDATION_ABOVE:
        from .validate_sparql import check_store

        return check_store(loaded.store)
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    from .validate import validate_graph

    return validate_graph(Dataset(store=OxigraphStore(store=loaded.store), default_union=True))


def load_disk(
    data: Sequence[Path | str],
    store: StoreSpec | str,
    *,
    clear: bool = False,
    validate: bool = True,
    base: str = DEFAULT_BASE,
) -> WriteReport:
    """Load ``data`` (default: the built-in data) into the ``oxigraph:DIR`` store, in Oxigraph's terms.

    Parsed, checked, derived and validated in a scratch Oxigraph store (see this module), and the
    store's next generation built beside it, all or nothing. When nothing of the store is kept (a
    first load, or ``clear``), the files Oxigraph reads are bulk-loaded into the new generation
    while the scratch store is filled, and only the rest (the shortcut edges, YAML's graphs, the
    ontology) is copied from it afterwards; else each graph of the scratch store is copied into a
    checkpoint of the store without the graphs it replaces. Raises ValidationFailed (and loads
    nothing) when ``validate`` and the data does not conform.
    """
    spec = as_spec(store)
    if spec.kind != "oxigraph":
        raise StoreError(f"load_disk loads into an oxigraph:DIR store, not {spec}")
    minter = Minter(base)
    files = find_inputs(data)
    with disk.NextGeneration(Path(spec.location), clear=clear) as generation:
        # Three things at once, where they can: the files bulk-loaded into the new generation, the
        # validation of the scratch store, and the rest copied from it (Oxigraph's loader and its
        # query evaluation work outside the interpreter's lock for much of their time).
        with ThreadPoolExecutor(2, thread_name_prefix="load") as pool:
            copying = None
            if generation.fresh:
                generation.open()
                stop = threading.Event()
                copying = pool.submit(_copy_files, files, minter, generation, stop)
                try:
                    loaded = _scratch(files, minter)
                except BaseException:
                    # The scratch store's error names the file and line; the thread's own is
                    # dropped (leaving the pool waits for the file it is loading).
                    stop.set()
                    raise
            else:
                loaded = _scratch(files, minter)
                generation.open(loaded.sizes)
            checking = pool.submit(validate_loaded, loaded) if validate else None
            try:
                if copying is not None:
                    copying.result()
                    _copy(_rest_of(loaded, generation), generation)
                else:
                    _copy(GraphDumps(loaded.store, sorted(loaded.sizes)), generation)
            except Exception:
                # A failure to build: the validation's own failure, if any, says more (an
                # interrupt is passed on as it is).
                if checking is not None and not checking.result().conforms:
                    raise ValidationFailed(checking.result()) from None
                raise
            # The switch waits for the report.
            if checking is not None and not checking.result().conforms:
                raise ValidationFailed(checking.result())
        leftovers = generation.commit()
    # After the switch, as write_store does: a kill in between keeps the base of the data before.
    write_atomic({Path(spec.location) / BASE_FILE: f"{base}\n".encode()})
    names = sorted(loaded.sizes)
    return WriteReport(str(spec), names, loaded.triples, clear, leftovers, dict(loaded.sizes))


def _copy_files(
    files: Sequence[Path], minter: Minter, generation: disk.NextGeneration, stop: threading.Event
) -> None:
    """Bulk-load the files Oxigraph reads into ``generation``, as the scratch store reads them."""
    for path in files:
        fmt = None if path.suffix.lower() in YAML_SUFFIXES else _oxigraph_format(path)
        if fmt is None:
            continue
        if stop.is_set():
            return
        name = _file_graph(minter, path).value
        generation.load(_file_bytes(path), format=fmt, to_graph=name, base_iri=path.resolve().as_uri())


def _rest_of(loaded: Loaded, generation: disk.NextGeneration) -> GraphDumps:
    """What a new generation that holds the files themselves still needs, graph by graph.

    The shortcut edges of the graphs only those files filled; every other graph whole, from the
    scratch store, after its quads from the files are removed (the ontology's graph is replaced,
    and a blank node loaded twice would be two nodes).
    """
    for name in sorted(loaded.file_graphs - set(loaded.from_files)):
        generation.remove_graph(name)
    return GraphDumps(loaded.store, sorted(loaded.sizes), given=loaded.from_files)


def _copy(copies: Mapping[str, bytes], generation: disk.NextGeneration) -> None:
    for name in copies:
        generation.load(copies[name], format=ox.RdfFormat.N_TRIPLES, to_graph=name)


class GraphDumps(Mapping[str, bytes]):
    """The graphs of a store as N-Triples by graph IRI, each dumped only when it is read.

    ``given`` holds what to give for some graphs instead of their dump.
    """

    def __init__(
        self, store: ox.Store, names: Sequence[str], *, given: Mapping[str, bytes] | None = None
    ) -> None:
        self._store = store
        self._names = list(names)
        self._given = given or {}

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        if name in self._given:
            return self._given[name]
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


__all__ = [
    "SPARQL_VALIDATION_ABOVE",
    "GraphDumps",
    "Loaded",
    "derive_update",
    "load_disk",
    "load_into_oxigraph",
    "validate_loaded",
]
