"""Query results as text: aligned table, CSV, TSV, JSON; graph results as RDF."""

from __future__ import annotations

import csv
import io
import json

from .query import QueryResult

TABLE_FORMATS = ("table", "csv", "tsv", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Tabs and line breaks inside a cell would split a TSV or table row (CR too: most readers
# end a line there).
_ONE_LINE = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def render(result: QueryResult, fmt: str, *, neutralise_formulas: bool = False) -> str:
    """Render a SELECT or ASK result in ``fmt`` (one of TABLE_FORMATS)."""
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        # Numbers as numbers, booleans as booleans; the other formats write each term as written.
        return json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n"
    records = result.texts()
    if fmt in ("csv", "tsv"):
        return _delimited(result.columns, records, fmt, neutralise_formulas)
    return _aligned(result.columns, records)


def _cell(value: str | None) -> str:
    return "" if value is None else value


def _delimited(columns: list[str], records: list[dict[str, str | None]], fmt: str, neutralise: bool) -> str:
    out = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            cells = [_cell(record[c]) for c in columns]
            if neutralise:
                # A spreadsheet runs a cell starting with these as a formula.
                cells = ["'" + c if c.startswith(_FORMULA_START) else c for c in cells]
            writer.writerow(cells)
        return out.getvalue()
    # TSV as in the SPARQL results TSV spirit: tabs and line breaks inside cells become spaces.
    lines = ["\t".join(columns)]
    for record in records:
        cells = [_cell(record[c]).translate(_ONE_LINE) for c in columns]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _aligned(columns: list[str], records: list[dict[str, str | None]]) -> str:
    rows = [[_cell(r[c]).translate(_ONE_LINE) for c in columns] for r in records]
    widths = [max([len(c), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
