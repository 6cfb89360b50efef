"""The format of a query's answer over HTTP, chosen by the request (the writers are in ``results``).

SELECT and ASK: SPARQL JSON, XML, CSV and TSV. CONSTRUCT and DESCRIBE: Turtle, N-Triples, JSON-LD
(with a context of our prefixes) and RDF/XML. An answer cut at the row limit says so: the header
``SPARQL-Results-Truncated: true`` and, in JSON, ``"truncated": true``.
"""

from __future__ import annotations

from dataclasses import dataclass

TRUNCATED_HEADER = "SPARQL-Results-Truncated"


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
