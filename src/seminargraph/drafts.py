"""Write the draft of an extracted page, for review, from Python (the CLI's `extract -o`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .extract.model import ExtractionResult
from .extract.outputs import draft_files
from .extract.reconcile import load_known
from .ontology import builtin_data_dir
from .rdfio import write_atomic


def write_draft(
    result: ExtractionResult,
    path: Path | str,
    *,
    known: Sequence[Path | str] | None = None,
    force: bool = False,
) -> list[Path]:
    """Write ``result`` as a draft in the authoring format to ``path``, its text beside it.

    ``known``: authored YAML files or folders whose ids the draft reuses (default: the built-in
    data; ``()`` for none). An existing draft is kept unless ``force``: it may hold a review.
    Returns the files written (all or nothing).
    """
    reuse = (builtin_data_dir(),) if known is None else tuple(known)
    files = draft_files(result, Path(path), load_known(reuse), force=force)
    write_atomic(files)
    return list(files)
