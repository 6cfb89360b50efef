"""Find the input files of a build and load them into one dataset: the inputs wing.

Inputs are files of the kinds in :data:`READERS` (authored YAML with its source texts, RDF), or
folders holding them. With no inputs, the built-in seed data is used. The modules of the wing:
``records`` (typed records), ``authoring`` (YAML -> records), ``catalog`` (merge and check the
records of all files), ``mapping`` (records -> triples).

A new kind of input is one entry in :data:`READERS`: the file suffixes, a name for messages, and
a function that reads one file into records (which join the catalog of the YAML files, so their
ids may refer to each other) or into RDF. The messages and the command line's help are made from
the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..errors import OutputError, SourceError
from ..ontology import ONTOLOGY_GRAPH, builtin_data_dir, ontology_graph
from ..rdfio import FORMATS, RDF_SUFFIXES, parse_file
from ..vocab import DEFAULT_BASE
from .authoring import load_file
from .catalog import build_catalog
from .mapping import Minter, add_catalog, derive_shortcuts, new_dataset
from .records import SourceRecords


@dataclass(frozen=True)
class Reader:
    """One kind of input file: its name in messages, its suffixes, and how one file is read.

    Exactly one of ``records`` (the file's records, merged with those of every other such file
    into one catalog) and ``rdf`` (the file as a dataset, each of its graphs kept as a source) is
    given. ``shown`` are the suffixes messages name; ``suffixes`` every one accepted.
    """

    name: str
    shown: tuple[str, ...]
    suffixes: tuple[str, ...]
    records: Callable[[Path], SourceRecords] | None = None
    rdf: Callable[[Path, bool], Dataset] | None = None

    def describe(self) -> str:
        """The reader as messages name it, e.g. ``authored YAML (.yaml)``."""
        return f"{self.name} ({', '.join(self.shown)})"


def _read_rdf(path: Path, allow_remote: bool) -> Dataset:
    return parse_file(path, allow_remote=allow_remote)


def by_suffix(*readers: Reader) -> dict[str, Reader]:
    """The readers by each of their suffixes."""
    return {suffix: reader for reader in readers for suffix in reader.suffixes}


#: Every kind of input file, by suffix (lower case). A new kind of input is one more Reader here.
READERS: dict[str, Reader] = by_suffix(
    Reader("authored YAML", (".yaml",), (".yaml", ".yml"), records=load_file),
    Reader("RDF", tuple(f.suffix for f in FORMATS.values()), RDF_SUFFIXES, rdf=_read_rdf),
)


def kinds() -> list[Reader]:
    """The kinds of input, each once, in the order of READERS."""
    return list(dict.fromkeys(READERS.values()))


def input_names() -> str:
    """The kinds of input as help texts name them: ``authored YAML, RDF``."""
    return ", ".join(reader.name for reader in kinds())


def _any_of() -> str:
    # "authored YAML (.yaml) or RDF (.ttl, ...)"; with more kinds, "A, B or C".
    described = [reader.describe() for reader in kinds()]
    return " or ".join([", ".join(described[:-1]), described[-1]] if len(described) > 1 else described)


def _none_of() -> str:
    # "neither authored YAML (.yaml) nor RDF (.ttl, ...)"; with more kinds, "none of A, B or C".
    if len(kinds()) == 2:
        return "neither " + _any_of().replace(" or ", " nor ", 1)
    return f"none of {_any_of()}"


def reader_for(path: Path) -> Reader | None:
    """The reader of ``path``, by its suffix; None when it is not an input file."""
    return READERS.get(path.suffix.lower())


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
                raise SourceError(f"the folder holds no files to load: {_any_of()}", path=path)
            found.extend(inside)
        elif path.is_file():
            if not _is_input(path):
                raise SourceError(f"is {_none_of()}", path=path)
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
    return reader_for(path) is not None


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
    readers = [(path, reader_for(path)) for path in find_inputs(paths)]
    # Records first, from every file, into one catalog (their ids refer to each other's); then RDF.
    records = [reader.records(path) for path, reader in readers if reader and reader.records]
    dataset = new_dataset()
    add_catalog(dataset, build_catalog(records), minter)
    for path, reader in readers:
        if reader and reader.rdf:
            _add_rdf(dataset, reader.rdf(path, allow_remote), minter, path)
    if with_ontology:
        add_ontology(dataset)
    return dataset


def load_graph(*paths: Path | str, base: str = DEFAULT_BASE, allow_remote: bool = False) -> Dataset:
    """Load authored YAML and RDF files (default: the built-in seed data) into a dataset.

    The dataset holds one named graph per source plus the ontology; queries see their union.

    >>> graph = load_graph()
    >>> len(list(data_graph_names(graph)))
    1
    """
    return load_dataset(paths, base=base, allow_remote=allow_remote)


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
