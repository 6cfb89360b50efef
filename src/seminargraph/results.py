"""Every writer of a QueryResult: tables for the command line, SPARQL results and RDF for the web.

:func:`render` writes the command line's aligned table, CSV, TSV and JSON; :func:`sparql_results`
the SPARQL 1.1 Protocol's JSON, XML, CSV and TSV results and graphs as Turtle, N-Triples, JSON-LD
or RDF/XML, as the server answers them (which format, the request says: ``server.results.choose``).
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .inputs.mapping import Minter
from .rdfio import format_named, plain, serialize
from .sparql import QueryResult, graph_of
from .vocab import DEFAULT_BASE

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

TABLE_FORMATS = ("table", "csv", "tsv", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Tabs and line breaks inside a cell would split a TSV or table row (CR too: most readers
# end a line there).
_ONE_LINE = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def render(
    result: QueryResult, fmt: str, *, neutralise_formulas: bool = False, width: int | None = None
) -> str:
    """Render a SELECT or ASK result in ``fmt`` (one of TABLE_FORMATS).

    ``width``: for ``table``, the widest line allowed (a terminal's); longer cells are cut with
    "…". csv, tsv and json always hold the full text.
    """
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
    return _aligned(result.columns, records, width)


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


def _aligned(columns: list[str], records: list[dict[str, str | None]], width: int | None = None) -> str:
    rows = [[_cell(r[c]).translate(_ONE_LINE) for c in columns] for r in records]
    widths = [max([len(c), *(len(row[i]) for row in rows)]) for i, c in enumerate(columns)]
    if width is not None:
        widths = _fitted(widths, [len(c) for c in columns], width)

    def fit(cell: str, i: int) -> str:
        return cell if len(cell) <= widths[i] else cell[: max(widths[i] - 1, 0)] + "…"

    def line(cells: list[str]) -> str:
        return "  ".join(fit(cell, i).ljust(widths[i]) for i, cell in enumerate(cells)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _fitted(widths: list[int], headers: list[int], width: int) -> list[int]:
    """Column widths that fit ``width`` with two spaces between: the widest column gives way first.

    A column keeps at least its header, or 8 characters: a table wider than the terminal even so
    is left that wide.
    """
    widths = list(widths)
    floor = [max(h, min(8, w)) for h, w in zip(headers, widths, strict=True)]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


# --- the SPARQL 1.1 Protocol's formats ---------------------------------------------------------


def sparql_results(outcome: QueryResult, fmt: str, base: str = DEFAULT_BASE) -> bytes:
    """``outcome`` in a format of the SPARQL 1.1 Protocol, by name (see ``server.results.FORMATS``).

    Rows and booleans: json, xml, csv, tsv (the SPARQL results formats, with ``truncated`` marked);
    graphs: turtle, ntriples, jsonld, rdfxml, with the prefixes of the data's IRIs under ``base``.
    """
    if outcome.kind == "graph":
        return _graph(outcome, fmt, base)
    if fmt == "xml":
        return _xml(outcome)
    if fmt in ("csv", "tsv"):
        return _sparql_delimited(outcome, fmt)
    return _json(outcome)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        value["datatype"] = str(term.datatype)
    return value


def _json(outcome: QueryResult) -> bytes:
    document: dict[str, object]
    if outcome.kind == "ask":
        document = {"head": {}, "boolean": bool(outcome.boolean)}
    else:
        bindings = [
            {c: _json_term(v) for c, v in zip(outcome.columns, row, strict=True) if v is not None}
            for row in outcome.rows
        ]
        document = {"head": {"vars": outcome.columns}, "results": {"bindings": bindings}}
    if outcome.truncated:
        document["truncated"] = True
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _xml(outcome: QueryResult) -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
    ]
    if outcome.kind == "ask":
        out.append(f"<head/><boolean>{'true' if outcome.boolean else 'false'}</boolean></sparql>")
        return "\n".join(out).encode("utf-8")
    out.append("<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in outcome.columns))
    if outcome.truncated:
        out.append('<link href="#truncated"/>')
    out.append("</head><results>")
    for row in outcome.rows:
        out.append("<result>")
        for column, term in zip(outcome.columns, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(column)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>")
    return "\n".join(out).encode("utf-8")


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(str(term))}</literal>"
    if term.datatype is not None and str(term.datatype) != _XSD_STRING:
        return f"<literal datatype={quoteattr(str(term.datatype))}>{escape(str(term))}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _sparql_delimited(outcome: QueryResult, name: str) -> bytes:
    if name == "csv":
        # SPARQL CSV: plain values, no types or language tags (the spec's choice).
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(outcome.columns)
        for row in outcome.rows:
            writer.writerow(["" if v is None else str(v) for v in row])
        return buffer.getvalue().encode("utf-8")
    # SPARQL TSV: terms in their Turtle/N-Triples form, so types and languages survive.
    lines = ["\t".join(f"?{c}" for c in outcome.columns)]
    for row in outcome.rows:
        lines.append("\t".join("" if v is None else _nt(v) for v in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _nt(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    text = str(term).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype is not None and str(term.datatype) != _XSD_STRING:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _graph(outcome: QueryResult, name: str, base: str) -> bytes:
    # The project's own writer, as `seminargraph query` and `build` use it: the same triples give
    # the same bytes, with our prefixes and those of the data's IRIs under ``base``.
    graph = graph_of((s, p, plain(o)) for s, p, o in outcome.triples)
    return serialize(graph, format_named(name), prefixes=Minter(base).prefixes(), base=base)
