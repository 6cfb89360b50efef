"""Read programme tables row by row: CSV, TSV and JSON Lines, strict, with the line of every row.

The whole file is decoded once (strict UTF-8, with the line and column of a bad byte), then rows are
produced one at a time; a ragged row, an unclosed quote, a missing column or an empty file is an
error naming the file and line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..textfile import read_text

#: Largest table file we read (bytes); the largest Almedalsveckan year is 3.6 MB.
MAX_TABLE_BYTES = 200 * 1024 * 1024
#: Largest cell (characters): descriptions run to a few thousand.
MAX_CELL = 1_000_000
SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}

#: A cell: text, or (JSON Lines only) a list of texts.
Cell = str | list[str]


@dataclass(frozen=True)
class Row:
    """One row of a table: the line it starts on and its cells by column."""

    line: int
    cells: dict[str, Cell]

    def text(self, column: str | None) -> str:
        """The cell of ``column`` as text (a list joined by newlines), stripped; '' when absent."""
        if column is None:
            return ""
        value = self.cells.get(column, "")
        if isinstance(value, list):
            return "\n".join(value).strip()
        return value.strip()


def table_format(path: Path, declared: str | None) -> str:
    """The format of ``path``: the one the mapping declares, else by suffix."""
    if declared is not None and path.suffix.lower() not in SUFFIXES:
        return declared
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise SourceError(
            f"a programme table must end in {', '.join(SUFFIXES)}; "
            f"this one ends in {path.suffix or 'nothing'}",
            path=path,
        )
    return found


def read_table(path: Path, fmt: str, needed: Sequence[str]) -> tuple[list[str], Iterator[Row]]:
    """Return the columns of the table at ``path`` and an iterator over its rows.

    ``needed`` are the columns the mapping names: one the table lacks is an error before any row
    is read.
    """
    text = _decode(path)
    if not text.strip():
        raise SourceError("the table is empty; it needs a header row and at least one row", path=path)
    if fmt == "jsonl":
        return _jsonl(path, text, needed)
    return _delimited(path, text, "\t" if fmt == "tsv" else ",", needed)


def _decode(path: Path) -> str:
    return read_text(path, limit=MAX_TABLE_BYTES)


def _check_columns(path: Path, header: Sequence[str], needed: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise SourceError(
                f"the column {name!r} appears twice in the header; rename one", path=path, line=1
            )
        seen.add(name)
    missing = [name for name in needed if name not in seen]
    if missing:
        raise SourceError(
            f"the mapping names the column(s) {', '.join(map(repr, missing))}, which the table does not have "
            f"(it has {', '.join(header)}); fix the mapping or the header",
            path=path,
            line=1,
        )


def _delimited(
    path: Path, text: str, delimiter: str, needed: Sequence[str]
) -> tuple[list[str], Iterator[Row]]:
    csv.field_size_limit(MAX_CELL)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except csv.Error as exc:
        raise SourceError(f"the header row is malformed: {exc}", path=path, line=1) from None
    _check_columns(path, header, needed)
    return header, _delimited_rows(path, reader, header)


def _delimited_rows(path: Path, reader: Iterator[list[str]], header: list[str]) -> Iterator[Row]:
    last = 1
    while True:
        start = last + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field limit" in str(exc):
                raise SourceError(
                    f"a cell is longer than {MAX_CELL:,} characters, the limit; a quote may be missing "
                    "before it, or the cell holds more than a programme does",
                    path=path,
                    line=start,
                ) from None
            raise SourceError(
                f"malformed row: {exc}; check the quotes (a cell with a comma, quote or line break "
                "must be quoted, and quotes inside it doubled)",
                path=path,
                line=start,
            ) from None
        last = reader.line_num  # type: ignore[attr-defined]
        if not values:
            continue
        if len(values) != len(header):
            raise SourceError(
                f"the row has {len(values)} cells where the header has {len(header)}; "
                "a cell with the delimiter in it must be quoted",
                path=path,
                line=start,
            )
        yield Row(start, dict(zip(header, values, strict=True)))


def _jsonl(path: Path, text: str, needed: Sequence[str]) -> tuple[list[str], Iterator[Row]]:
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, 1) if line.strip()), 1)
    header = list(_json_row(path, lines[first - 1], first).cells)
    return header, _jsonl_rows(path, lines, needed)


def _jsonl_rows(path: Path, lines: list[str], needed: Sequence[str]) -> Iterator[Row]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        row = _json_row(path, line, number)
        missing = [name for name in needed if name not in row.cells]
        if missing:
            raise SourceError(
                f"the row lacks the key(s) {', '.join(map(repr, missing))} that the mapping names",
                path=path,
                line=number,
            )
        yield row


def _json_row(path: Path, line: str, number: int) -> Row:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not JSON: {exc.msg}", path=path, line=number, column=exc.colno) from None
    if not isinstance(value, dict):
        raise SourceError("each line must be one JSON object", path=path, line=number)
    cells: dict[str, Cell] = {}
    for key, cell in value.items():
        if cell is None:
            cells[key] = ""
        elif isinstance(cell, str):
            cells[key] = cell
        elif isinstance(cell, bool):
            cells[key] = "true" if cell else "false"
        elif isinstance(cell, int | float):
            cells[key] = str(cell)
        elif isinstance(cell, list) and all(isinstance(v, str) for v in cell):
            cells[key] = list(cell)
        else:
            raise SourceError(
                "a value must be text, a number, null or a list of texts", path=path, line=number, field=key
            )
    return Row(number, cells)
