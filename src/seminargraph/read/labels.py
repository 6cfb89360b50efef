"""The one rule that picks a label in a language, for the network, the pages and the Python API.

The named queries choose a name in SPARQL with ``LANGMATCHES(LANG(?name), ?lang)``: ``en`` takes
``en`` and ``en-GB`` alike, and with no name in the language, the one whose text sorts first.
:func:`pick` follows the same rule in Python, so a table, a network node and an entity page name a
thing alike. It adds one preference the queries do not have: with no name in the language, a name
without a language tag (a person's name as written) comes before names in other languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import Graph, Literal
from rdflib.term import Node

from ..sparql import execute
from ..vocab import SG


def pick(values: Iterable[Literal], lang: str) -> str:
    """The value in ``lang`` (or a regional variant of it), else one without a language, else any.

    Ties go to the text that sorts first (as in the queries), then the tag, so the choice does not
    depend on the order the values were read in.

    >>> pick([Literal("Alfa kommun", lang="sv"), Literal("Zulu Council", lang="en-GB")], "en")
    'Zulu Council'
    >>> pick([Literal("Alfa kommun", lang="sv")], "en")
    'Alfa kommun'
    """
    ranked = sorted(values, key=lambda v: (rank(v.language, lang), str(v), v.language or ""))
    return str(ranked[0]) if ranked else ""


def rank(tag: str | None, lang: str) -> int:
    """How well the language ``tag`` answers for ``lang``: 0 the same, 1 a variant, 2 none, 3 another."""
    tag = (tag or "").lower()
    if tag == lang.lower():
        return 0
    if tag.split("-")[0] == lang.lower().split("-")[0]:
        return 1
    return 2 if not tag else 3


_LANGUAGES = """
PREFIX sg: <https://seminargraph.example/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?tag WHERE {
  ?x sg:name|skos:prefLabel|rdfs:label ?label .
  BIND (LCASE(LANG(?label)) AS ?tag)
  FILTER (?tag != "")
}
"""


def label_languages(graph: Graph) -> list[str]:
    """The language tags the graph's names and labels (data and ontology) are written in, sorted."""
    return sorted({str(row[0]) for row in execute(graph, _LANGUAGES).rows if row[0] is not None})


def has_language(languages: Iterable[str], lang: str) -> bool:
    """Whether a query asked for ``lang`` finds labels in one of ``languages`` (as LANGMATCHES does).

    >>> has_language(["en-gb", "sv"], "en"), has_language(["en"], "en-GB")
    (True, False)
    """
    wanted = lang.lower()
    return any(tag == wanted or tag.startswith(wanted + "-") for tag in languages)


#: The end of a query that gives, for each ``?e``, its labels, its id and its page kind: rows
#: ``?e ?label ?id ?class`` for :func:`labelled`.
LABELLED = """
  OPTIONAL { ?e sg:name|skos:prefLabel|rdfs:label ?label }
  OPTIONAL { ?e sg:identifier ?id }
  OPTIONAL { ?e a ?class FILTER (?class IN (sg:Person, sg:Organisation, sg:Event)) }
}"""

_PAGE_KINDS = {SG.Person: "person", SG.Organisation: "organisation", SG.Event: "event"}


def labelled(rows: Sequence[Sequence[Node | None]]) -> dict[Node, dict[str, Any]]:
    """Labels, ids and page kinds by entity, from the rows of a query that ends in LABELLED."""
    found: dict[Node, dict[str, Any]] = {}
    for entity, label, ident, cls in rows:
        if entity is None:
            continue
        info = found.setdefault(entity, {"labels": [], "id": None, "kind": None, "iri": str(entity)})
        if isinstance(label, Literal) and label not in info["labels"]:
            info["labels"].append(label)
        if ident is not None:
            info["id"] = str(ident)
        if cls is not None:
            info["kind"] = _PAGE_KINDS.get(cls)  # type: ignore[call-overload]
    return found


def link(info: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """What a page needs to link to an entity from :func:`labelled`: its label, kind and id."""
    if info is None:
        return None
    return {
        "label": pick(info["labels"], lang) or info["id"] or info["iri"],
        "kind": info["kind"],
        "id": info["id"],
    }
