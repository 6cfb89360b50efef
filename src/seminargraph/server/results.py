"""Query answers in the formats of the SPARQL 1.1 Protocol, chosen by the request.

SELECT and ASK: SPARQL JSON, XML, CSV and TSV. CONSTRUCT and DESCRIBE: Turtle, N-Triples, JSON-LD
(with a context of our prefixes) and RDF/XML. An answer cut at the row limit says so: the header
``SPARQL-Results-Truncated: true`` and, in JSON, ``"truncated": true``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..inputs.mapping import Minter
from ..rdfio import format_named, plain, serialize
from ..vocab import DEFAULT_BASE
from .jobs import Outcome

TRUNCATED_HEADER = "SPARQL-Results-Truncated"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Format:
    """One answer format: its short name (``?format=``), media type and kind of answer."""

    name: str
    media_type: str
    for_graphs: bool


FORMATS = [
    Format("json", "application/sparql-results+json", False),
    Format("xml", "application/sparql-results+xml", False),
    Format("csv", "text/csv", False),
    Format("tsv", "text/tab-separated-values", False),
    Format("turtle", "text/turtle", True),
    Format("ntriples", "application/n-triples", True),
    Format("jsonld", "application/ld+json", True),
    Format("rdfxml", "application/rdf+xml", True),
]
_ALIASES = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "ntriples",
}


def choose(outcome_kind: str, accept: str, requested: str | None = None) -> Format:
    """The format for an answer of ``outcome_kind``: ``requested`` by name, else by the Accept header.

    When nothing acceptable fits, the default of the kind is used (JSON for rows, Turtle for graphs):
    HTTP lets a server answer in another type rather than refuse.
    """
    fitting = [f for f in FORMATS if f.for_graphs == (outcome_kind == "graph")]
    if outcome_kind == "ask":
        fitting = [f for f in fitting if f.name in ("json", "xml")]
    for f in fitting:
        if f.name == requested:
            return f
    by_type = {f.media_type: f for f in fitting}
    by_type.update({alias: f for alias, name in _ALIASES.items() for f in fitting if f.name == name})
    for media_type, _quality in sorted(_accepted(accept), key=lambda a: -a[1]):
        if media_type in by_type:
            return by_type[media_type]
        if media_type == "*/*":
            return fitting[0]
        if media_type.endswith("/*"):
            match = next((f for f in fitting if f.media_type.startswith(media_type[:-1])), None)
            if match is not None:
                return match
    return fitting[0]


def _accepted(header: str) -> list[tuple[str, float]]:
    found = []
    for part in header.split(","):
        media_type, *parameters = [p.strip() for p in part.split(";")]
        quality = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            found.append((media_type.lower(), quality))
    return found


def render(outcome: Outcome, fmt: Format, base: str = DEFAULT_BASE) -> bytes:
    """Serialise ``outcome`` in ``fmt`` (graphs with the prefixes of the data's IRIs under ``base``)."""
    if outcome.kind == "graph":
        return _graph(outcome, fmt.name, base)
    if fmt.name == "xml":
        return _xml(outcome)
    if fmt.name in ("csv", "tsv"):
        return _delimited(outcome, fmt.name)
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


def _json(outcome: Outcome) -> bytes:
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


def _xml(outcome: Outcome) -> bytes:
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


def _delimited(outcome: Outcome, name: str) -> bytes:
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


def _graph(outcome: Outcome, name: str, base: str) -> bytes:
    # The project's own writer, as `seminargraph query` and `build` use it: the same triples give
    # the same bytes, with our prefixes and those of the data's IRIs under ``base``.
    graph = Graph(bind_namespaces="none")
    for s, p, o in outcome.triples:
        graph.add((s, p, plain(o)))
    return serialize(graph, format_named(name), prefixes=Minter(base).prefixes())
