"""What the HTML pages show, read from the graph: counts and sources, lists, one entity's facts.

Each function returns plain data (strings, numbers, lists, dicts) that a template can show; the
values are bound into the queries as RDF terms, never pasted into their text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.term import Node

from ..errors import NotFound, QueryParameterError
from ..rdfio import from_oxigraph
from ..read.entities import resolve
from ..read.labels import LABELLED, labelled, link, pick
from ..read.summary import sources, summarize
from ..sparql import execute
from ..vocab import SG

#: Page kinds and the class their entities have.
ENTITY_KINDS = {"person": SG.Person, "organisation": SG.Organisation, "event": SG.Event}
_PREFIXES = """PREFIX sg: <https://seminargraph.example/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def summary(graph: Dataset, lang: str, limit: int) -> dict[str, Any]:
    """The counts of the landing page and the source documents the data comes from."""
    counts = summarize(graph)
    return {
        "people": counts.people,
        "organisations": counts.organisations,
        "events": counts.events,
        "participations": counts.participations,
        "affiliations": counts.affiliations,
        "triples": counts.triples,
        "sources": sources(graph, lang, limit),
    }


#: Entities on one page of /people, /organisations or /events.
LISTING_PAGE = 500

_LISTING_COUNT = _PREFIXES + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class ; sg:identifier ?id }"


def _listing_query(size: int, start: int) -> str:
    # One page of entities in the order of their ids (the store sorts; only the page is read), then
    # their names. ``size`` and ``start`` are whole numbers made here, never text from a request.
    return (
        _PREFIXES
        + f"""SELECT ?e ?id ?name WHERE {{
  {{ SELECT DISTINCT ?e ?id WHERE {{ ?e a ?class ; sg:identifier ?id }}
     ORDER BY ?id ?e LIMIT {size} OFFSET {start} }}
  OPTIONAL {{ ?e sg:name ?name }}
}} ORDER BY ?id ?e"""
    )


def listing(graph: Dataset, kind: str, lang: str, page: int = 1, size: int = LISTING_PAGE) -> dict[str, Any]:
    """Page ``page`` (from 1) of the people, organisations or events, by id, with names in ``lang``."""
    cls = ENTITY_KINDS[kind]
    counted = execute(graph, _LISTING_COUNT, {"class": cls}).rows
    total = int(str(counted[0][0])) if counted and counted[0][0] is not None else 0
    pages = max(1, -(-total // size))
    if page > pages:
        raise NotFound(f"page {page} is past the end: the {total} {kind} entries fit on {pages} page(s)")
    rows = execute(graph, _listing_query(size, (page - 1) * size), {"class": cls}).rows
    names: dict[Node, list[Literal]] = defaultdict(list)
    idents: dict[Node, str] = {}
    for entity_, ident, name in rows:
        if entity_ is None:
            continue
        idents.setdefault(entity_, str(ident))
        if isinstance(name, Literal):
            names[entity_].append(name)
    items = [{"id": key, "label": pick(names[e], lang) or key} for e, key in idents.items()]
    first = (page - 1) * size + 1 if items else 0
    return {
        "items": items,
        "page": page,
        "pages": pages,
        "total": total,
        "first": first,
        "last": first + len(items) - 1,
    }


#: Most suggestions one look-up gives, and most names and ids that hold the typed words it reads.
SUGGESTIONS = 20
CANDIDATES = 500
#: Words of the typed text a look-up uses (the rest is ignored).
SUGGEST_WORDS = 5
#: The kinds a look-up can be for: the page kinds, and ``agent`` (a person or an organisation).
SUGGEST_KINDS = {
    "person": ("person",),
    "organisation": ("organisation",),
    "event": ("event",),
    "agent": ("person", "organisation"),
}


def _suggest_query(words: int) -> str:
    # The typed words are bound as literals ?w0, ?w1, ...: only their number shapes the text. The
    # names and ids are read first, without the class: joined with the class at once, Oxigraph
    # reads every entity of the class first, which costs seconds on a large store.
    tests = " && ".join(f"CONTAINS(LCASE(STR(?text)), ?w{n})" for n in range(words))
    return (
        _PREFIXES
        + f"""SELECT ?e ?class ?id ?name WHERE {{
  {{
    {{ SELECT DISTINCT ?e WHERE {{
      {{ ?e sg:name ?text }} UNION {{ ?e sg:identifier ?text }}
      FILTER ({tests})
    }} LIMIT {CANDIDATES} }}
  }} UNION {{ ?e sg:identifier ?exact }}
  OPTIONAL {{ ?e a ?class FILTER (?class IN (sg:Person, sg:Organisation, sg:Event)) }}
  OPTIONAL {{ ?e sg:identifier ?id }}
  OPTIONAL {{ ?e sg:name ?name }}
}}"""
    )


def suggest(graph: Dataset, kind: str, text: str, lang: str) -> dict[str, Any]:
    """Up to SUGGESTIONS entities of ``kind`` with a name or id that holds every word of ``text``.

    For the parameter fields of the query page, as the user types. One query, which reads at most
    CANDIDATES matching names and ids (and the entity whose id is exactly ``text``), so that a
    look-up costs little even when many match. The best come first: the exact id, then ids and
    names that start with the text, then those in which each typed word starts a word, then the
    rest.
    """
    words = text.lower().split()[:SUGGEST_WORDS]
    if not words:
        return {"kind": kind, "items": [], "more": True}
    bound: dict[str, Node] = {f"w{n}": Literal(word) for n, word in enumerate(words)}
    bound["exact"] = Literal(text.strip())
    rows = execute(graph, _suggest_query(len(words)), bound).rows
    wanted = {ENTITY_KINDS[k]: k for k in SUGGEST_KINDS[kind]}
    names: dict[Node, list[Literal]] = {}
    found: dict[Node, dict[str, Any]] = {}
    for entity_, cls, ident, name in rows:
        if entity_ is None or cls not in wanted or ident is None:
            continue
        found.setdefault(entity_, {"id": str(ident), "kind": wanted[cls]})  # type: ignore[index]
        labels = names.setdefault(entity_, [])
        if isinstance(name, Literal) and name not in labels:
            labels.append(name)
    typed = " ".join(words)

    def rank(item: dict[str, Any]) -> tuple[int, str, str]:
        ident, label = item["id"].lower(), item["label"].lower()
        if ident == typed:
            first = 0
        elif ident.startswith(typed) or label.startswith(typed):
            first = 1
        elif all(any(w.startswith(typed_word) for w in (ident, *label.split())) for typed_word in words):
            first = 2
        else:
            first = 3
        return first, label, ident

    for entity_, item in found.items():
        item["label"] = pick(names[entity_], lang) or item["id"]
    items = sorted(found.values(), key=rank)
    return {"kind": kind, "items": items[:SUGGESTIONS], "more": len(items) > SUGGESTIONS}


_FACTS = (
    _PREFIXES
    + """SELECT ?fact ?type ?direction ?relation ?other ?status ?note WHERE {
  {
    ?fact a sg:Participation ; sg:agent ?x ; sg:event ?other ; sg:role ?relation .
    BIND (sg:Participation AS ?type) BIND ("out" AS ?direction)
  } UNION {
    ?fact a sg:Participation ; sg:event ?x ; sg:agent ?other ; sg:role ?relation .
    BIND (sg:Participation AS ?type) BIND ("in" AS ?direction)
  } UNION {
    ?fact a sg:Affiliation ; sg:member ?x .
    OPTIONAL { ?fact sg:organisation ?other }
    BIND (sg:Affiliation AS ?type) BIND ("out" AS ?direction)
  } UNION {
    ?fact a sg:Affiliation ; sg:organisation ?x ; sg:member ?other .
    BIND (sg:Affiliation AS ?type) BIND ("in" AS ?direction)
  } UNION {
    ?fact sg:part ?x ; sg:whole ?other ; a ?type .
    FILTER (?type IN (sg:EventInclusion, sg:OrganisationRelation))
    OPTIONAL { ?fact sg:relation ?given }
    BIND (COALESCE(?given, sg:partOf) AS ?relation) BIND ("out" AS ?direction)
  } UNION {
    ?fact sg:whole ?x ; sg:part ?other ; a ?type .
    FILTER (?type IN (sg:EventInclusion, sg:OrganisationRelation))
    OPTIONAL { ?fact sg:relation ?given }
    BIND (COALESCE(?given, sg:partOf) AS ?relation) BIND ("in" AS ?direction)
  }
  OPTIONAL { ?fact sg:status ?status }
  OPTIONAL { ?fact sg:note ?note }
}"""
)

_DETAILS = (
    _PREFIXES
    + """SELECT ?fact ?aff ?title ?org ?written WHERE {
  ?fact (sg:agent|sg:event|sg:member|sg:organisation) ?x .
  { ?fact sg:inCapacityOf ?aff } UNION { ?fact a sg:Affiliation . BIND (?fact AS ?aff) }
  OPTIONAL { ?aff sg:jobTitle ?title }
  OPTIONAL { ?aff sg:organisation ?org }
  OPTIONAL { ?aff sg:evidence/sg:source/sg:language ?written }
}"""
)

_EVIDENCE = (
    _PREFIXES
    + """SELECT ?fact ?quote ?title ?start WHERE {
  ?fact (sg:agent|sg:event|sg:member|sg:organisation|sg:part|sg:whole) ?x ; sg:evidence ?ev .
  ?ev sg:quote ?quote .
  OPTIONAL { ?ev sg:source/sg:title ?title }
  OPTIONAL { ?ev sg:start ?start }
}"""
)

_ABOUT = (
    _PREFIXES
    + """SELECT ?type ?year ?topic WHERE {
  ?x a ?type .
  OPTIONAL { ?x sg:year ?year }
  OPTIONAL { ?x sg:topic ?topic }
}"""
)

#: The labels of everything an entity page names, in one query: the entity itself; what its facts
#: link it to (the other side, the role, the status, the relation: as _FACTS finds them); the
#: organisation of each affiliation a fact was in the capacity of (as _DETAILS finds them); and
#: sg:partOf, the relation an inclusion without one has.
_AROUND = (
    _PREFIXES
    + """SELECT DISTINCT ?e ?label ?id ?class WHERE {
  { BIND (?x AS ?e) }
  UNION {
    ?fact sg:agent|sg:event|sg:member|sg:organisation|sg:part|sg:whole ?x ;
          sg:agent|sg:event|sg:member|sg:organisation|sg:part|sg:whole|sg:role|sg:status|sg:relation ?e .
  }
  UNION { ?fact sg:agent|sg:event|sg:member|sg:organisation ?x ; sg:inCapacityOf/sg:organisation ?e . }
  UNION { BIND (sg:partOf AS ?e) }"""
    + LABELLED
)

#: An entity by its id, as the data writes ids: one look-up in the index.
_BY_ID = _PREFIXES + "SELECT DISTINCT ?x WHERE { ?x sg:identifier ?id ; a ?type . }"


def entity(graph: Dataset, kind: str, ident: str, lang: str) -> dict[str, Any]:
    """Everything a page shows about one person, organisation or event, with the evidence."""
    if kind not in ENTITY_KINDS:
        raise NotFound(f"there are no pages for {kind!r}")
    iri = _find(graph, kind, ident)
    bound: dict[str, Node] = {"x": iri}
    fact_rows = execute(graph, _FACTS, bound).rows
    detail_rows = execute(graph, _DETAILS, bound).rows
    labels = labelled(execute(graph, _AROUND, bound).rows)

    def label(node: Node | None) -> str:
        return pick(labels.get(node, {}).get("labels", []), lang) if node is not None else ""

    facts: dict[Node, dict[str, Any]] = {}
    for fact, ftype, direction, relation, other, status, note in fact_rows:
        if fact is None:
            continue
        facts[fact] = {
            "kind": _local(ftype),
            "direction": _text(direction),
            "relation": label(relation) or _local(relation),
            "other": link(labels.get(other), lang) if other is not None else None,
            "status": label(status) or _local(status),
            "status_id": _local(status).lower(),
            "note": _text(note),
            "capacities": {},
            "evidence": [],
        }
    for fact, aff, title, org, written in detail_rows:
        if fact not in facts or aff is None:
            continue
        capacity = facts[fact]["capacities"].setdefault(str(aff), {"titles": [], "organisation": None})
        if isinstance(title, Literal) and str(title) not in [t["text"] for t in capacity["titles"]]:
            as_written = title.language is not None and title.language == _text(written)
            capacity["titles"].append(
                {"text": str(title), "lang": title.language or "", "written": as_written}
            )
        if org is not None and org != iri:
            capacity["organisation"] = link(labels.get(org), lang)
    for fact, quote, title, start in execute(graph, _EVIDENCE, bound).rows:
        if fact in facts:
            facts[fact]["evidence"].append(
                {"quote": _text(quote), "source": _text(title), "start": _int(start)}
            )
    about = execute(graph, _ABOUT, bound).rows
    own = labels.get(iri, {})
    return {
        "kind": kind,
        "id": ident,
        "iri": str(iri),
        "label": pick(own.get("labels", []), lang) or ident,
        "names": sorted({(str(n), n.language or "") for n in own.get("labels", [])}),
        "types": sorted({label(r[0]) or _local(r[0]) for r in about if r[0] is not None}),
        "year": next((str(r[1]) for r in about if r[1] is not None), ""),
        "facts": sorted(
            (_finish(f) for f in facts.values()),
            key=lambda f: (
                f["kind"],
                f["direction"],
                f["other"]["label"] if f["other"] else "",
                f["relation"],
            ),
        ),
    }


def _finish(fact: dict[str, Any]) -> dict[str, Any]:
    fact["capacities"] = list(fact["capacities"].values())
    for capacity in fact["capacities"]:
        capacity["titles"].sort(key=lambda t: (not t["written"], t["lang"], t["text"]))
    fact["evidence"].sort(key=lambda e: (e["start"], e["quote"]))
    return fact


def _find(graph: Dataset, kind: str, ident: str) -> Node:
    """The entity of ``kind`` with the id ``ident`` (or the IRI): NotFound when there is none."""
    found = execute(graph, _BY_ID, {"id": Literal(ident), "type": ENTITY_KINDS[kind]}).rows
    if len(found) == 1 and found[0][0] is not None:
        return found[0][0]
    # An IRI, an id typed as xsd:string, or an id that several share: the general look-up says which.
    try:
        return resolve(graph, kind, ident)
    except QueryParameterError:
        raise NotFound(f"no {kind} with the id {ident!r}") from None


def _local(term: Node | None) -> str:
    if term is None:
        return ""
    return re.split(r"[#/]", str(term))[-1]


def _text(term: Node | None) -> str:
    return "" if term is None else str(term)


def _int(term: Node | None) -> int:
    try:
        return int(str(term)) if term is not None else 0
    except ValueError:
        return 0


def network_page(graph: Dataset, **options: Any) -> str:
    """The network page (from the network view) for these projection options."""
    from ..network import to_networkx
    from ..network.page import render_html

    lang = options.get("lang", "sv")
    return render_html(to_networkx(graph, **options), lang=lang)


#: Most distinct cells of one result table looked up for links, and how many per query.
MAX_LINKED = 2_000
_LINK_BATCH = 400
_LINKS = (
    _PREFIXES
    + """SELECT ?x ?e ?id ?class WHERE {{
  VALUES ?class {{ sg:Person sg:Organisation sg:Event }}
  {branches}
  ?e a ?class ; sg:identifier ?id .
}}"""
)
_BY_IRI = "{{ VALUES ?x {{ {} }} BIND (?x AS ?e) }}"
_BY_NAME = "{{ VALUES ?x {{ {} }} ?e sg:name|skos:prefLabel ?x }}"


def cell_links(graph: Dataset, cells: list[Node], lang: str) -> dict[Node, tuple[str, str]]:
    """The entity page (kind, id) of each cell that is an entity's IRI or the name of exactly one.

    For the result tables of the query pages: a name two entities share links to neither. A
    plain name also matches the same name in ``lang``, Swedish and English, as the named queries
    give a label without its language.
    """
    from ..store.terms import oxigraph_of

    inner = oxigraph_of(graph)
    if inner is None:  # an endpoint: one more round trip per table is not worth it
        return {}
    kinds = {str(cls): kind for kind, cls in ENTITY_KINDS.items()}
    found: dict[Node, set[tuple[str, str]]] = defaultdict(set)
    chosen = list(dict.fromkeys(c for c in cells if _linkable(c)))[:MAX_LINKED]
    for start in range(0, len(chosen), _LINK_BATCH):
        batch = chosen[start : start + _LINK_BATCH]
        iris = [c for c in batch if isinstance(c, URIRef)]
        names: dict[Literal, Node] = {}
        for cell in batch:
            if isinstance(cell, Literal):
                names[cell] = cell
                if cell.language is None and cell.datatype is None:
                    for tag in dict.fromkeys((lang, "sv", "en")):
                        names[Literal(str(cell), lang=tag)] = cell
        # The terms are written by rdflib, which escapes them: never text from a request.
        branches = []
        if iris:
            branches.append(_BY_IRI.format(" ".join(i.n3() for i in iris)))
        if names:
            branches.append(_BY_NAME.format(" ".join(n.n3() for n in names)))
        text = _LINKS.format(branches=" UNION ".join(branches))
        solutions = inner.query(text, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            x, ident, cls = from_oxigraph(solution["x"]), solution["id"], solution["class"]
            cell = names.get(x, x) if isinstance(x, Literal) else x
            found[cell].add((kinds[cls.value], ident.value))
    return {cell: next(iter(pages)) for cell, pages in found.items() if len(pages) == 1}


def _linkable(cell: Node) -> bool:
    if isinstance(cell, URIRef):
        return True
    return isinstance(cell, Literal) and 0 < len(cell) <= 300 and cell.datatype in (None, XSD.string)
