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
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
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
    minter = Minter(base)
    files = find_inputs(paths)
    yaml_files = [p for p in files if p.suffix.lower() in YAML_SUFFIXES]
    rdf_files = [p for p in files if p.suffix.lower() not in YAML_SUFFIXES]
    dataset = new_dataset()
    store: ox.Store = dataset.store._inner  # type: ignore[attr-defined]
    derived: set[ox.NamedNode | ox.BlankNode] = set()
    for path in rdf_files:
        before = set(store.named_graphs())
        _load_file(store, path, _file_graph(minter, path))
        derived |= set(store.named_graphs()) - before
        derived.add(_file_graph(minter, path))
    problem = _term_problem(store)
    if problem is not None:
        _blame(rdf_files, minter, problem)
    if yaml_files:
        add_catalog(dataset, build_catalog([load_file(p) for p in yaml_files]), minter)
    for graph in sorted(derived, key=str):
        if isinstance(graph, ox.NamedNode) and graph in set(store.named_graphs()):
            store.update(derive_update(graph.value))
    store.remove_graph(_ONTOLOGY)
    ontology = ontology_graph().serialize(format="nt", encoding="utf-8")
    store.bulk_load(ontology, format=ox.RdfFormat.N_TRIPLES, to_graph=_ONTOLOGY)
    return Loaded(store, _sizes(store))


def _file_graph(minter: Minter, path: Path) -> ox.NamedNode:
    # As sources names the graph of a file's triples outside any named graph.
    return ox.NamedNode(f"{minter.base}graph/file/{_slug(path.stem)}")


def _load_file(store: ox.Store, path: Path, default_name: ox.NamedNode) -> None:
    """Add one RDF file's quads to ``store``; those of no graph go into ``default_name``.

    Oxigraph's own loader parses the formats it reads, strictly: it refuses an IRI with a space,
    quote, bracket or control character (escaped or not) and broken Unicode, as rdfio's checks do,
    and gives each document's blank nodes names of their own, so that ``_:b1`` of two files are two
    nodes. What it lets through and seminargraph refuses is looked for afterwards
    (:func:`_term_problem`), over the whole store at once.
    """
    fmt = format_for_path(path)
    if fmt is None or fmt.oxigraph is None:
        # JSON-LD and RDF/XML: rdflib's parsers, with rdfio's checks, as in the rdflib path.
        parsed = parse_file(path)
        store.bulk_extend(_into(quad, default_name) for quad in oxigraph_quads(parsed))
        return
    data = read_text(path, limit=MAX_TEXT_BYTES).encode("utf-8")
    try:
        store.bulk_load(data, format=fmt.oxigraph, base_iri=path.resolve().as_uri(), to_graph=default_name)
    except SyntaxError as exc:
        raise _syntax_error(exc, fmt.oxigraph, path) from None


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
    return f"{head}WITH <{graph}>\nINSERT {template.strip()}\nWHERE {where.strip()}"


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

    Parsed, checked, derived and validated in a scratch Oxigraph store (see this module), then
    each graph bulk-loaded into the store's next generation, all or nothing. Raises
    ValidationFailed (and loads nothing) when ``validate`` and the data does not conform.
    """
    spec = as_spec(store)
    if spec.kind != "oxigraph":
        raise StoreError(f"load_disk loads into an oxigraph:DIR store, not {spec}")
    loaded = load_into_oxigraph(data, base=base)
    names = sorted(loaded.sizes)
    dumps = GraphDumps(loaded.store, names)
    if validate:
        # Validation reads the scratch store while the next generation is built from it (Oxigraph
        # works outside the interpreter's lock for much of both); the switch waits for its report.
        with ThreadPoolExecutor(1, thread_name_prefix="validate") as pool:
            checking = pool.submit(validate_loaded, loaded)

            def conforms() -> None:
                report = checking.result()
                if not report.conforms:
                    raise ValidationFailed(report)

            try:
                leftovers = disk.replace_graphs(
                    Path(spec.location), dumps, clear=clear, before_switch=conforms
                )
            except Exception:
                # A failure to build: the validation's own failure, if any, says more (an
                # interrupt is passed on as it is).
                report = checking.result()
                if not report.conforms:
                    raise ValidationFailed(report) from None
                raise
    else:
        leftovers = disk.replace_graphs(Path(spec.location), dumps, clear=clear)
    # After the switch, as write_store does: a kill in between keeps the base of the data before.
    write_atomic({Path(spec.location) / BASE_FILE: f"{base}\n".encode()})
    return WriteReport(str(spec), names, loaded.triples, clear, leftovers, dict(loaded.sizes))


class GraphDumps(Mapping[str, bytes]):
    """The graphs of a store as N-Triples by graph IRI, each dumped only when it is read."""

    def __init__(self, store: ox.Store, names: Sequence[str]) -> None:
        self._store = store
        self._names = list(names)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
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
