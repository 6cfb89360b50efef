"""What ``extract`` produces: drafts with their texts beside them, or one JSON object.

Nothing here writes: the caller gets the files to write (all or none) and the messages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OutputError
from .draft import draft_yaml, slug
from .extractor import extract_file
from .model import ExtractionResult
from .reconcile import Known, load_known

FORMATS = ("yaml", "json")
DRAFT_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ExtractionOutput:
    """Files to write (path -> bytes), or text for standard output, and messages for people."""

    results: tuple[ExtractionResult, ...]
    files: dict[Path, bytes]
    stdout: str | None
    messages: tuple[str, ...]


def to_json(results: Sequence[ExtractionResult]) -> dict[str, Any]:
    """Put all pages in one object: their sources, and every event with its participants."""
    sources: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for result in results:
        page = result.to_dict()
        keys = ("source", "language", "detected_language", "html", "warnings", "unplaced")
        sources.append({k: page[k] for k in keys})
        events.extend({"source": result.source, **event} for event in page["events"])
    return {"sources": sources, "events": events}


def extract_files(
    paths: Sequence[Path],
    *,
    lang: str = "auto",
    fmt: str = "yaml",
    output: Path | None = None,
    known: Sequence[Path] = (),
    force: bool = False,
) -> ExtractionOutput:
    """Extract from every file and say what to write where.

    YAML: one draft per page, ``<name>.yaml``, with its text ``<name>.txt`` beside it (the visible
    text for HTML pages). ``output`` is the draft file for one page or a folder for several;
    without it, the draft of a single page is for standard output. JSON: one object for all pages.
    ``known``: authored YAML files or folders whose ids the drafts reuse.
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}: use yaml or json")
    results = tuple(extract_file(path, lang=lang) for path in paths)
    messages = [warning for result in results for warning in result.warnings]
    if fmt == "json":
        text = json.dumps(to_json(results), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            return ExtractionOutput(results, {}, text, tuple(messages))
        if output.exists() and output.resolve() in {path.resolve() for path in paths}:
            raise OutputError(f"{output} is a page being read; give -o another name")
        return ExtractionOutput(results, {output: text.encode("utf-8")}, None, tuple(messages))
    known_data = load_known(known) if known else Known()
    if output is None:
        if len(results) != 1:
            raise OutputError("several pages give several drafts: give -o FOLDER, or --format json")
        result, path = results[0], paths[0]
        text_name = path.name if not result.is_html else f"{path.stem}.txt"
        if result.is_html:
            messages.append(
                f"{path}: the draft names {text_name}, the page's visible text, which only -o writes; "
                "use -o DRAFT.yaml to write both"
            )
        text = draft_yaml(result, text_name=text_name, known=known_data)
        return ExtractionOutput(results, {}, text, tuple(messages))
    files: dict[Path, bytes] = {}
    for result, path, draft in zip(results, paths, _draft_paths(paths, output), strict=True):
        files.update(draft_files(result, draft, known_data, force=force, page=path))
    return ExtractionOutput(results, files, None, tuple(messages))


def draft_files(
    result: ExtractionResult, draft: Path, known: Known, *, force: bool = False, page: Path | None = None
) -> dict[Path, bytes]:
    """Say what to write for one page's draft: the YAML at ``draft`` and its text beside it.

    ``page`` is the file the text came from, which is never overwritten.
    """
    if draft.exists() and not force:
        raise OutputError(f"{draft} exists and may hold your review; use --force to replace it")
    text_path = draft.with_suffix(".txt")
    files = {draft: draft_yaml(result, text_name=text_path.name, known=known).encode("utf-8")}
    data = result.text.encode("utf-8")
    if page is not None and text_path.exists() and text_path.resolve() == page.resolve():
        if text_path.read_bytes() != data:
            raise OutputError(
                f"{text_path}: writing the draft's text would change the page itself; "
                "give -o another name or folder"
            )
        return files
    files[text_path] = data
    return files


def _draft_paths(paths: Sequence[Path], output: Path) -> list[Path]:
    suffix = output.suffix.lower()
    if suffix in DRAFT_SUFFIXES:
        if len(paths) == 1:
            return [output]
        raise OutputError(f"{output}: several pages give several drafts; give a folder for -o")
    if output.is_file():
        raise OutputError(f"{output} is a file, not a folder: give -o DRAFT.yaml for one page, or a folder")
    if suffix == ".json":
        raise OutputError(f"{output}: a draft is YAML; give -o DRAFT.yaml or a folder, or use --format json")
    names: list[Path] = []
    for path in paths:
        base = slug(path.stem, 12)
        candidate, n = output / f"{base}.yaml", 2
        while candidate in names:
            candidate, n = output / f"{base}-{n}.yaml", n + 1
        names.append(candidate)
    return names
