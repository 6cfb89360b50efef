"""Find the input files of a build and load them into one dataset.

Inputs are authored YAML files (with their source texts), RDF files, or folders holding either.
With no inputs, the built-in seed data is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .authoring import load_file
from .catalog import build_catalog
from .errors import OutputError, SourceError
from .mapping import Minter, add_catalog, derive_shortcuts, new_dataset
from .ontology import ONTOLOGY_GRAPH, builtin_data_dir, ontology_graph
from .rdfio import format_for_path, parse_file
from .vocab import DEFAULT_BASE

YAML_SUFFIXES = (".yaml", ".yml")


def find_inputs(paths: Sequence[Path | str] = ()) -> list[Path]:
    """Expand folders into the YAML and RDF files they hold; default to the built-in data."""
    if not paths:
        paths = [builtin_data_dir()]
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if _looks_remote(str(given)):
            raise SourceError("is a URL; seminargraph reads only local files (download it first)", path=given)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and _is_input(p))
            if not inside:
                raise SourceError("the folder holds no .yaml or RDF files to load", path=path)
            found.extend(inside)
        elif path.is_file():
            if not _is_input(path):
                raise SourceError(
                    "is neither authored YAML (.yaml) nor an RDF file (.ttl, .nt, .jsonld, .trig, .nq, .rdf)",
                    path=path,
                )
            found.append(path)
        else:
            raise SourceError("no such file or folder", path=path)
    return found


def check_outputs(
    outputs: Iterable[Path | str], inputs: Sequence[Path | str] = (), *, option: str = "-o"
) -> None:
    """Refuse to write an output over one of the ``inputs``, or where loading them again would read it.

    ``inputs`` are data files and folders as given to a command (none: the built-in data). An
    output that is an input file would replace the data it was made from; an output of a kind
    that is read as data (YAML or RDF), inside an input folder, would be read back in by the next
    load of that folder and doubled. Raises OutputError before anything is written.
    """
    given = [Path(p) for p in inputs] or [builtin_data_dir()]
    for output in outputs:
        target = Path(output)
        where = target.resolve()
        for source in given:
            if _looks_remote(str(source)) or not source.exists():
                continue
            if source.is_dir():
                if _is_input(target) and where.is_relative_to(source.resolve()):
                    raise OutputError(
                        f"{option}: will not write {target} inside the data folder {source}: the next "
                        f"load of {source} would read it back in as data; write it outside {source}, "
                        "or name the data files themselves"
                    )
            elif where == source.resolve() or (target.exists() and target.samefile(source)):
                raise OutputError(
                    f"{option}: will not write {target}: it is also an input ({source}) and would be "
                    "replaced by what is made from it; choose another file"
                )


def _looks_remote(value: str) -> bool:
    return value.split(":", 1)[0].lower() in ("http", "https", "ftp", "file")


def _is_input(path: Path) -> bool:
    return path.suffix.lower() in YAML_SUFFIXES or format_for_path(path) is not None


def load_dataset(
    paths: Sequence[Path | str] = (),
    *,
    base: str = DEFAULT_BASE,
    with_ontology: bool = True,
    allow_remote: bool = False,
) -> Dataset:
    """Load authored YAML and RDF files into a new in-memory dataset, one named graph per source.

    The ontology is added as its own named graph unless ``with_ontology`` is false; queries see
    the union of all graphs.
    """
    minter = Minter(base)
    files = find_inputs(paths)
    yaml_files = [p for p in files if p.suffix.lower() in YAML_SUFFIXES]
    rdf_files = [p for p in files if p.suffix.lower() not in YAML_SUFFIXES]
    dataset = new_dataset()
    catalog = build_catalog([load_file(p) for p in yaml_files])
    add_catalog(dataset, catalog, minter)
    for path in rdf_files:
        _add_rdf(dataset, parse_file(path, allow_remote=allow_remote), minter, path)
    if with_ontology:
        add_ontology(dataset)
    return dataset


def add_ontology(dataset: Dataset) -> None:
    """Add the packaged ontology as the named graph ``sg:`` (replacing an older copy)."""
    graph = dataset.graph(ONTOLOGY_GRAPH)
    graph.remove((None, None, None))
    for triple in ontology_graph():
        graph.add(triple)


def _add_rdf(dataset: Dataset, parsed: Dataset, minter: Minter, path: Path) -> None:
    # Triples outside any named graph go into a graph named after the file, so that each
    # source stays replaceable as a unit.
    default_name = URIRef(f"{minter.base}graph/file/{_slug(path.stem)}")
    for context in parsed.graphs():
        if len(context) == 0:
            continue
        name = default_name if context.identifier == DATASET_DEFAULT_GRAPH_ID else context.identifier
        target = dataset.graph(name)
        for triple in context:
            target.add(triple)
        derive_shortcuts(target)


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "data"


def data_graph_names(dataset: Dataset) -> Iterable[URIRef]:
    """The named graphs of ``dataset`` that hold data (not the ontology)."""
    for context in dataset.graphs():
        if context.identifier != ONTOLOGY_GRAPH and len(context) > 0:
            yield context.identifier  # type: ignore[misc]
