"""An id or IRI to the entity it names: one look-up for query parameters, pages and the network.

When nothing has that id, the error says what was probably meant ("did you mean 'leif-jonsson'?"),
or lists the ids when there are few.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from ..errors import QueryParameterError
from ..rdfio import from_oxigraph
from ..sparql import execute, oxigraph_union
from ..vocab import KINDS, PLURALS, SG

#: How many ids of a kind an error message lists in full; more are only searched for a near miss.
LISTED_IDS = 12
#: Most ids read to look for a near miss of an id that names nothing.
SEARCHED_IDS = 100_000

_PREFIX = "PREFIX sg: <https://seminargraph.example/ns#>\n"


def resolve(graph: Graph, kind: str, value: str, *, parameter: str | None = None) -> Node:
    """The one entity of ``kind`` (a key of ``vocab.KINDS``) that the id or IRI ``value`` names.

    QueryParameterError when there is none (with the ids it may have meant) or several. With
    ``parameter``, the message starts by naming it, as the front end words a parameter.
    """
    found = _candidates(graph, kind, value)
    where = "{param}: " if parameter is not None else ""
    if not found:
        raise QueryParameterError(
            f"{where}no {kind} with the id or IRI '{value}' in the graph" + suggest_ids(graph, kind, value),
            parameter=parameter,
        )
    if len(found) > 1:
        raise QueryParameterError(
            f"{where}the id '{value}' names several {kind}s; give the IRI", parameter=parameter
        )
    return found[0]


def _candidates(graph: Graph, kind: str, value: str) -> list[Node]:
    kinds = (kind, "person", "organisation") if kind == "agent" else (kind,)
    is_iri = re.match(r"^https?://\S+$", value) is not None
    inner = oxigraph_union(graph)
    if inner is not None:
        return _candidates_in(inner, kinds, value, is_iri=is_iri)
    text = _PREFIX + "SELECT DISTINCT ?x WHERE { "
    if is_iri:
        candidate: dict[str, Node] = {"x": URIRef(value)}
        text += "?x a ?type ; sg:identifier ?i . }"
    else:
        # An indexed look-up of the id (the shapes make every id an xsd:string), not a scan of
        # every id in the store; the text stays the same for every value, so that it is checked
        # once. rdflib's own engine tells "x" from "x"^^xsd:string, which RDF 1.1 (and Oxigraph)
        # call one term: there, both spellings are looked up.
        candidate = {"id": Literal(value)}
        if isinstance(graph.store, Memory):
            candidate["typed"] = Literal(value, datatype=XSD.string)
            text += "{ ?x sg:identifier ?id } UNION { ?x sg:identifier ?typed } ?x a ?type . }"
        else:
            text += "?x sg:identifier ?id ; a ?type . }"
    # An agent is found as a person or an organisation when the data does not say sg:Agent.
    for each in kinds:
        candidate["type"] = URIRef(KINDS[each])
        found = [row[0] for row in execute(graph, text, candidate).rows if row[0] is not None]
        if found:
            return found
    return []


_IDENTIFIER = ox.NamedNode(str(SG.identifier))
_TYPE = ox.NamedNode(str(RDF.type))


def _candidates_in(inner: ox.Store, kinds: Sequence[str], value: str, *, is_iri: bool) -> list[Node]:
    # The same look-up as the query above, as Oxigraph's own index look-ups over every graph (the
    # union the queries see): no query text to parse and plan, a fixed cost of some microseconds
    # however large the store.
    subjects: list[Any]
    if is_iri:
        try:
            subjects = [ox.NamedNode(value)]
        except ValueError:
            raise QueryParameterError(f"'{value}' is not a valid IRI") from None
        if next(inner.quads_for_pattern(subjects[0], _IDENTIFIER, None, None), None) is None:
            return []
    else:
        named = {q.subject for q in inner.quads_for_pattern(None, _IDENTIFIER, ox.Literal(value), None)}
        subjects = sorted(named, key=str)
    for each in kinds:
        type_ = ox.NamedNode(KINDS[each])
        found = [s for s in subjects if next(inner.quads_for_pattern(s, _TYPE, type_), None) is not None]
        if found:
            return [from_oxigraph(s) for s in found]
    return []


def suggest_ids(graph: Graph, kind: str | Sequence[str], value: str) -> str:
    """The end of an unknown-id error: the ids it may have meant, or all of them when few.

    ``kind`` is a key of ``vocab.KINDS``, or several when the id may name any of them.
    """
    kinds = [kind] if isinstance(kind, str) else list(kind)
    ids: set[str] = set()
    for each in [k for one in kinds for k in (("person", "organisation") if one == "agent" else (one,))]:
        text = _PREFIX + f"SELECT DISTINCT ?i WHERE {{ ?x a ?type ; sg:identifier ?i }} LIMIT {SEARCHED_IDS}"
        rows = execute(graph, text, {"type": URIRef(KINDS[each])}).rows
        ids.update(str(row[0]) for row in rows if row[0] is not None)
    known = sorted(ids)
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.75)
    if close:
        return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    plurals = [PLURALS.get(k, f"{k}s") for k in kinds]
    plural = " and ".join([", ".join(plurals[:-1]), plurals[-1]] if len(plurals) > 1 else plurals)
    if not known:
        return f" (it has no {plural})"
    if len(known) <= LISTED_IDS:
        return f" (the {plural} are: {', '.join(known)})"
    return f" ({len(known):,} {plural} in the graph, none with an id like it)"
