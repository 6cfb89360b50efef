"""Write N-Triples lines directly, without building rdflib terms: the import's fast path to Oxigraph."""

from __future__ import annotations

import re

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# Characters an IRI in N-Triples may not hold; our IRIs are minted from slugs, so one is a bug.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    """``<value>``; ValueError when the IRI holds a character N-Triples forbids."""
    if _BAD_IRI.search(value):
        raise ValueError(f"not an IRI: {value!r}")
    return f"<{value}>"


def text(value: str, lang: str | None = None) -> str:
    """A plain or language-tagged literal."""
    body = '"' + value.translate(_ESCAPES) + '"'
    return f"{body}@{lang}" if lang else body


def typed(value: str, datatype: str) -> str:
    """A literal of an XSD datatype, e.g. ``typed("2015", "gYear")``."""
    return '"' + value.translate(_ESCAPES) + f'"^^<{XSD}{datatype}>'


class Lines:
    """The N-Triples of one graph, as lines; ``add`` takes terms already written by the functions above."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} .\n")

    def data(self) -> bytes:
        return "".join(self.lines).encode("utf-8")
