"""Read the entities and facts a network (or an entity page) is drawn from, through SPARQL SELECT only.

Nothing here walks rdflib triples: every read is a query, so the same code works on the in-memory
store, an on-disk Oxigraph store or a remote SPARQL endpoint. Reads can be restricted to a set of
nodes; the IRIs go into ``VALUES`` blocks in chunks, so a large view never builds one huge query.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import QueryError
from ..ontology import Terms, terms
from ..sparql import execute_own
from ..vocab import SG

#: IRIs per VALUES block: keeps each query text small whatever the size of the view.
CHUNK = 400

_PREFIXES = (
    "PREFIX sg: <https://seminargraph.example/ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)


def entity_classes() -> dict[URIRef, tuple[str, str]]:
    """Classes that make a node a person, an organisation or an event, with the kind they give."""
    return _entity_classes(terms())


@functools.cache
def _entity_classes(known: Terms) -> dict[URIRef, tuple[str, str]]:
    return {
        SG.Person: ("person", "person"),
        **{URIRef(c): ("organisation", kind) for kind, c in known.organisation_kinds.items()},
        **{URIRef(c): ("event", kind) for kind, c in known.event_types.items()},
    }


#: The general class of each type: its kind is used only when no more specific class is given.
GENERAL = {"person": SG.Person, "organisation": SG.Organisation, "event": SG.Event}


@dataclass(frozen=True)
class FactKind:
    """One kind of fact node that becomes an edge: its class and the properties of its ends."""

    name: str
    cls: URIRef
    src: URIRef
    dst: URIRef
    extra: URIRef
    dst_optional: bool = False


FACT_KINDS = (
    FactKind("participation", SG.Participation, SG.agent, SG.event, SG.role),
    FactKind("affiliation", SG.Affiliation, SG.member, SG.organisation, SG.jobTitle, dst_optional=True),
    FactKind("inclusion", SG.EventInclusion, SG.part, SG.whole, SG.relation),
    FactKind("relation", SG.OrganisationRelation, SG.part, SG.whole, SG.relation),
)


@dataclass
class Entity:
    """A person, organisation or event as the graph describes it."""

    iri: str
    type: str
    kind: str
    identifier: str
    names: list[Literal] = field(default_factory=list)


@dataclass
class Evidence:
    """A quoted sentence and the document it is quoted from."""

    quote: str
    source: str
    language: str


@dataclass
class Fact:
    """A fact node (participation, affiliation, inclusion, relation) between two entities."""

    iri: str
    kind: str
    src: str
    dst: str | None
    extra: set[Node] = field(default_factory=set)
    status: str = ""  # stated | inferred | ambiguous, or "" when the data does not say
    notes: set[Literal] = field(default_factory=set)
    capacities: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.iri, self.src, self.dst)


def iri_term(value: str) -> str:
    """Write an IRI for query text, refusing characters that would break out of it."""
    if re.search(r'[<>"{}|^`\\\x00-\x20]', value):
        raise QueryError(f"'{value}' cannot be used as an IRI in a query")
    return f"<{value}>"


def select(
    graph: Graph, text: str, var: str | None = None, values: Iterable[str] = ()
) -> list[Sequence[Node]]:
    """Run a SELECT; with ``var``, once per chunk of ``values`` bound to ``?var`` by VALUES."""
    if var is None:
        return _run(graph, _PREFIXES + text.replace("#VALUES", ""))
    ordered = sorted(set(values))
    rows: list[Sequence[Node]] = []
    for start in range(0, len(ordered), CHUNK):
        block = " ".join(iri_term(v) for v in ordered[start : start + CHUNK])
        rows.extend(_run(graph, _PREFIXES + text.replace("#VALUES", f"VALUES ?{var} {{ {block} }}")))
    return rows


def _run(graph: Graph, text: str) -> list[Sequence[Node]]:
    return [tuple(row) for row in execute_own(graph, text).rows]  # type: ignore[arg-type]


class FactReader:
    """Fetch entities, facts, evidence and vocabulary labels from a graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.entities: dict[str, Entity] = {}
        self.facts: dict[tuple[str, str, str | None], Fact] = {}
        self._touched: set[str] = set()
        self._all_facts = False

    # -- entities --------------------------------------------------------------------------

    def read_entities(self, nodes: Iterable[str] | None = None) -> dict[str, Entity]:
        """Read the given nodes (default: every person, organisation and event) that are entities."""
        classes = " ".join(iri_term(str(c)) for c in entity_classes())
        text = (
            "SELECT ?node ?type ?identifier ?name WHERE { #VALUES\n"
            f"  ?node a ?type . VALUES ?type {{ {classes} }}\n"
            "  OPTIONAL { ?node sg:identifier ?identifier }\n"
            "  OPTIONAL { ?node sg:name ?name }\n}"
        )
        wanted = None if nodes is None else set(nodes) - set(self.entities)
        if wanted is not None and not wanted:
            return self.entities
        rows = select(self.graph, text) if wanted is None else select(self.graph, text, "node", wanted)
        found: dict[str, tuple[set[URIRef], set[str], set[Literal]]] = {}
        for node, cls, ident, name in rows:
            if not isinstance(node, URIRef):
                continue  # blank nodes cannot be named in a query again, so cannot be drawn
            types, idents, names = found.setdefault(str(node), (set(), set(), set()))
            types.add(URIRef(str(cls)))
            if ident is not None:
                idents.add(str(ident))
            if isinstance(name, Literal):
                names.add(name)
        for iri, (types, idents, names) in found.items():
            kind_type, kind = _classify(types)
            identifier = min(idents) if idents else iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            self.entities[iri] = Entity(iri, kind_type, kind, identifier, sorted(names, key=_lit_key))
        return self.entities

    def resolve(self, value: str, types: Sequence[str]) -> list[Entity]:
        """The entities of the given types named by an authored id or an IRI."""
        if re.match(r"^https?://\S+$", value):
            self.read_entities([value])
            candidates = [self.entities[value]] if value in self.entities else []
        else:
            # both spellings of a plain string: not every engine treats them as one term
            plain, typed = Literal(value).n3(), Literal(value, datatype=XSD.string).n3()
            text = (
                f"SELECT DISTINCT ?node WHERE {{ VALUES ?id {{ {plain} {typed} }} ?node sg:identifier ?id }}"
            )
            iris = [str(row[0]) for row in select(self.graph, text) if isinstance(row[0], URIRef)]
            self.read_entities(iris)
            candidates = [self.entities[i] for i in iris if i in self.entities]
        return [e for e in candidates if e.type in types]

    # -- facts -----------------------------------------------------------------------------

    def read_facts(
        self,
        kind: FactKind,
        end: str | None = None,
        nodes: Iterable[str] = (),
        *,
        others: Iterable[str] | None = None,
    ) -> list[Fact]:
        """Read facts of one kind; with ``end`` ("src" or "dst"), only those touching ``nodes``.

        With ``others`` as well, only those whose other end is among ``others`` (or that have no
        other end): the links of a node to the rest of a view, not to the whole graph.
        """
        dst = f"?fact {iri_term(str(kind.dst))} ?dst ."
        if kind.dst_optional and end != "dst":
            dst = f"OPTIONAL {{ {dst} }}"
        among = ""
        if end is not None and others is not None:
            other = "dst" if end == "src" else "src"
            listed = ", ".join(iri_term(o) for o in sorted(set(others)))
            among = f"  FILTER (!BOUND(?{other}) || ?{other} IN ({listed}))\n"
        text = (
            "SELECT ?fact ?src ?dst ?extra ?status ?note WHERE { #VALUES\n"
            f"  ?fact a {iri_term(str(kind.cls))} ; {iri_term(str(kind.src))} ?src .\n  {dst}\n{among}"
            f"  OPTIONAL {{ ?fact {iri_term(str(kind.extra))} ?extra }}\n"
            "  OPTIONAL { ?fact sg:status ?status }\n"
            "  OPTIONAL { ?fact sg:note ?note }\n}"
        )
        rows = select(self.graph, text) if end is None else select(self.graph, text, end, nodes)
        found: dict[tuple[str, str, str | None], Fact] = {}
        for fact_iri, src, dst_node, extra, status, note in rows:
            if not isinstance(fact_iri, URIRef) or not isinstance(src, URIRef):
                continue
            dst_iri = str(dst_node) if isinstance(dst_node, URIRef) else None
            key = (str(fact_iri), str(src), dst_iri)
            fact = found.get(key) or self.facts.get(key) or Fact(str(fact_iri), kind.name, str(src), dst_iri)
            found[key] = fact
            if extra is not None:
                fact.extra.add(extra)
            if isinstance(status, URIRef):
                fact.status = _local(status).lower()
            if isinstance(note, Literal):
                fact.notes.add(note)
        new = [f for k, f in found.items() if k not in self.facts]
        self.facts.update(found)
        self._read_details(new)
        return list(found.values())

    def touching(self, nodes: Iterable[str]) -> list[Fact]:
        """Read every fact with an end among ``nodes`` (each node is read once)."""
        wanted = set(nodes)
        todo = wanted - self._touched
        self._touched |= todo
        if todo and not self._all_facts:
            for kind in FACT_KINDS:
                for end in ("src", "dst"):
                    self.read_facts(kind, end, todo)
        return [f for f in self.facts.values() if f.src in wanted or f.dst in wanted]

    def degrees(self, nodes: Iterable[str]) -> dict[str, int]:
        """How many facts (of the kinds drawn) have an end at each of ``nodes``."""
        ends = sorted({str(p) for k in FACT_KINDS for p in (k.src, k.dst)})
        path = "|".join(iri_term(e) for e in ends)
        text = f"SELECT ?n (COUNT(DISTINCT ?fact) AS ?k) WHERE {{ #VALUES ?fact {path} ?n }} GROUP BY ?n"
        found = {str(n): int(k) for n, k in select(self.graph, text, "n", nodes) if n is not None}  # type: ignore[call-overload]
        return {n: found.get(n, 0) for n in set(nodes)}

    def linking(self, nodes: Iterable[str], view: Iterable[str]) -> list[Fact]:
        """Read the facts between ``nodes`` and the rest of ``view`` (both ends in the view).

        For the nodes at the edge of a view (an event's festival, the last ring of a
        neighbourhood): their links to the rest of the graph can be thousands, and drawing them
        needs only those inside the view.
        """
        wanted, inside = set(nodes), set(view) | set(nodes)
        todo = wanted - self._touched
        if todo and not self._all_facts:
            # A long list of IRIs is slower to filter by than reading and dropping rows here.
            others = inside if len(inside) <= 4 * CHUNK else None
            for kind in FACT_KINDS:
                for end in ("src", "dst"):
                    self.read_facts(kind, end, todo, others=others)

        def keep(fact: Fact) -> bool:
            if fact.src in inside and (fact.dst is None or fact.dst in inside):
                return True
            # a node whose every fact was read already (touching) keeps them all
            return any(e in wanted and e in self._touched for e in (fact.src, fact.dst))

        return [f for f in self.facts.values() if (f.src in wanted or f.dst in wanted) and keep(f)]

    def read_all_facts(self) -> list[Fact]:
        """Read every fact of the graph."""
        for kind in FACT_KINDS:
            self.read_facts(kind)
        self._all_facts = True
        return list(self.facts.values())

    def _read_details(self, facts: list[Fact]) -> None:
        if not facts:
            return
        by_iri: dict[str, list[Fact]] = {}
        for fact in facts:
            by_iri.setdefault(fact.iri, []).append(fact)
        everything = self._all_facts or len(by_iri) > 5 * CHUNK
        participations = [i for i, fs in by_iri.items() if fs[0].kind == "participation"]
        text = "SELECT ?fact ?aff WHERE { #VALUES ?fact sg:inCapacityOf ?aff }"
        rows = select(self.graph, text) if everything else select(self.graph, text, "fact", participations)
        for fact_iri, aff in rows:
            for fact in by_iri.get(str(fact_iri), []):
                fact.capacities.add(str(aff))
        text = (
            "SELECT ?fact ?quote ?title ?lang WHERE { #VALUES\n"
            "  ?fact sg:evidence ?ev . ?ev sg:quote ?quote .\n"
            "  OPTIONAL { ?ev sg:source ?src . OPTIONAL { ?src sg:title ?title }"
            " OPTIONAL { ?src sg:language ?lang } }\n}"
        )
        rows = select(self.graph, text) if everything else select(self.graph, text, "fact", by_iri)
        seen: set[tuple[str, str, str]] = set()
        for fact_iri, quote, title, lang in sorted(rows, key=lambda r: tuple(str(v) for v in r)):
            item = (str(fact_iri), str(quote), "" if title is None else str(title))
            if item in seen:
                continue
            seen.add(item)
            for fact in by_iri.get(item[0], []):
                fact.evidence.append(Evidence(item[1], item[2], "" if lang is None else str(lang)))

    # -- vocabulary and sources ------------------------------------------------------------

    def labels(self, terms: Iterable[URIRef]) -> dict[str, list[Literal]]:
        """The rdfs:label and skos:prefLabel values of vocabulary terms."""
        text = (
            "SELECT ?term ?label WHERE { #VALUES\n"
            "  { ?term rdfs:label ?label } UNION { ?term skos:prefLabel ?label }\n}"
        )
        found: dict[str, list[Literal]] = {}
        for term, label in select(self.graph, text, "term", (str(t) for t in terms)):
            if isinstance(label, Literal):
                found.setdefault(str(term), []).append(label)
        return found

    def sources(
        self, facts: Iterable[str] | None = None
    ) -> list[tuple[str, list[Literal], str, list[Literal]]]:
        """Each source document (default: all; or those the evidence of ``facts`` quotes).

        Gives the IRI, titles, file name and publisher names of each.
        """
        text = (
            "SELECT ?src ?title ?file ?publisher WHERE { #VALUES\n  ?src a sg:SourceDocument .\n"
            "  OPTIONAL { ?src sg:title ?title } OPTIONAL { ?src sg:fileName ?file }\n"
            "  OPTIONAL { ?src sg:publisher/sg:name ?publisher }\n}"
        )
        if facts is None:
            rows = select(self.graph, text)
        else:
            cited = "SELECT DISTINCT ?src WHERE { #VALUES ?fact sg:evidence/sg:source ?src }"
            quoted = select(self.graph, cited, "fact", facts)
            rows = select(self.graph, text, "src", {str(r[0]) for r in quoted if isinstance(r[0], URIRef)})
        found: dict[str, tuple[set[Literal], set[str], set[Literal]]] = {}
        for src, title, file_name, publisher in rows:
            titles, files, publishers = found.setdefault(str(src), (set(), set(), set()))
            if isinstance(title, Literal):
                titles.add(title)
            if file_name is not None:
                files.add(str(file_name))
            if isinstance(publisher, Literal):
                publishers.add(publisher)
        return [
            (iri, sorted(t, key=_lit_key), min(f) if f else "", sorted(p, key=_lit_key))
            for iri, (t, f, p) in sorted(found.items())
        ]


def _classify(types: set[URIRef]) -> tuple[str, str]:
    classes = entity_classes()
    for general in ("person", "organisation", "event"):
        kinds = sorted(classes[c][1] for c in types if classes[c][0] == general)
        if kinds:
            specific = [k for k in kinds if URIRef(GENERAL[general]) != class_of(general, k)]
            return general, (specific or kinds)[0]
    raise AssertionError(f"no entity class among {types}")


def class_of(type_: str, kind: str) -> URIRef:
    """The class that gives an entity of ``type_`` its ``kind``."""
    for cls, (t, k) in entity_classes().items():
        if t == type_ and k == kind:
            return cls
    raise KeyError(kind)


def _local(term: URIRef) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _lit_key(lit: Literal) -> tuple[str, str]:
    return (lit.language or "", str(lit))
