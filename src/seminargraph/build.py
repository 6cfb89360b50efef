"""Load the graph, validate it, and write it out in every RDF format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from .errors import OutputError, ValidationFailed
from .inputs import check_outputs, load_graph
from .inputs.mapping import Minter
from .ontology import ONTOLOGY_GRAPH
from .rdfio import FORMATS, RdfFormat, format_for_path, format_named, serialize, write_atomic
from .read.summary import BuildSummary, summarize
from .store import MEMORY, StoreSpec, as_spec, open_store
from .validate import validate_graph
from .vocab import DEFAULT_BASE

#: The formats ``build`` writes by default, as ``graph.<suffix>``.
BUILD_FORMATS = ("turtle", "ntriples", "jsonld", "trig")
OUTPUT_STEM = "graph"


def build(
    paths: Sequence[Path | str] = (),
    outdir: Path | str = "build",
    *,
    base: str | None = None,
    formats: Sequence[str] = BUILD_FORMATS,
    validate: bool = True,
    store: StoreSpec | str = MEMORY,
) -> BuildSummary:
    """Load, validate, and write the graph as ``OUTDIR/graph.<suffix>`` in each format.

    The graph is that of ``paths`` (default: the built-in data), or the one in ``store``; ``base``
    left out is the default, or the base the store's data was loaded with.
    Raises ValidationFailed (and writes nothing) when the data does not conform.
    """
    chosen = [format_named(name) for name in formats]
    out = Path(outdir)
    spec = as_spec(store)
    if spec.kind == "memory":
        check_outputs([out / f"{OUTPUT_STEM}{fmt.suffix}" for fmt in chosen], paths)
    opened = open_store(spec, paths, base=base)
    dataset = opened.dataset
    prefixes = Minter(opened.base).prefixes()
    try:
        summary = summarize(dataset)
        if validate:
            summary.report = validate_graph(dataset)
            if not summary.report.conforms:
                raise ValidationFailed(summary.report)
        files = {
            out / f"{OUTPUT_STEM}{fmt.suffix}": serialize(
                dataset, fmt, exclude=[ONTOLOGY_GRAPH], prefixes=prefixes, base=opened.base
            )
            for fmt in chosen
        }
    finally:
        # An on-disk store stays "in use" (loads refused) until its dataset is closed.
        dataset.close()
    write_atomic(files)
    summary.written = list(files)
    return summary


def write_graph(
    graph: Dataset, path: Path | str, fmt: str | None = None, *, base: str = DEFAULT_BASE
) -> Path:
    """Write the data of ``graph`` (not the ontology) to one file; the format follows the suffix."""
    target = Path(path)
    chosen: RdfFormat | None = format_named(fmt) if fmt else format_for_path(target)
    if chosen is None:
        known = ", ".join(f.suffix for f in FORMATS.values())
        raise OutputError(f"{target}: cannot tell the RDF format from the suffix; use one of {known}")
    data = serialize(graph, chosen, exclude=[ONTOLOGY_GRAPH], prefixes=Minter(base).prefixes(), base=base)
    write_atomic({target: data})
    return target


# BuildSummary and summarize live with the rest of the read model; build is where users meet them.
__all__ = ["BUILD_FORMATS", "BuildSummary", "build", "load_graph", "summarize", "write_graph"]
