"""Records -> triples. The only place where IRIs are minted.

Each source file becomes one named graph. Facts that need provenance (participations,
affiliations, event nesting, relations between organisations, an event's topics, remarks on the
source) are nodes of their own; the convenience edges (event hasParticipant agent, person worksFor
organisation, event partOf event, event topic topic, ...) are derived from those nodes by one
CONSTRUCT query, and never from facts marked ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from ..errors import SourceError
from ..ontology import terms
from ..rdfio import bind_prefixes, empty_dataset
from ..vocab import (
    DEFAULT_BASE,
    ORGANISATION_RELATIONS,
    SG,
)
from .catalog import Catalog
from .records import (
    Event,
    LangText,
    Organisation,
    Participation,
    Provenance,
    SourceRecords,
)

_BASE_PATTERN = re.compile(r"^https?://[A-Za-z0-9.\-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~\-/]*)?[/#]$")
#: Language of the notes we write about facts.
NOTE_LANGUAGE = "en"


class Minter:
    """Mint IRIs for authored ids under a base: the same id always gives the same IRI.

    >>> Minter("https://example.org/id/").person("staffan-larsson")
    rdflib.term.URIRef('https://example.org/id/person/staffan-larsson')
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not _BASE_PATTERN.match(base):
            raise SourceError(
                f"the base {base!r} is not usable: give an http(s) IRI ending in '/' or '#', "
                "e.g. https://example.org/id/",
                field="base",
            )
        self.base = base

    #: The kinds of things we mint IRIs for; each gets a prefix of its own in written files.
    KINDS = (
        "person",
        "organisation",
        "event",
        "topic",
        "affiliation",
        "participation",
        "source",
        "graph",
        "inclusion",
        "event-topic",
        "relation",
        "remark",
        "evidence",
    )

    def prefixes(self) -> dict[str, str]:
        """Prefixes for the data IRIs, e.g. ``person:`` for ``<base>person/``."""
        return {kind: f"{self.base}{kind}/" for kind in self.KINDS}

    def _iri(self, kind: str, ident: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{ident}")

    def person(self, ident: str) -> URIRef:
        return self._iri("person", ident)

    def organisation(self, ident: str) -> URIRef:
        return self._iri("organisation", ident)

    def event(self, ident: str) -> URIRef:
        return self._iri("event", ident)

    def topic(self, ident: str) -> URIRef:
        return self._iri("topic", ident)

    def affiliation(self, ident: str) -> URIRef:
        return self._iri("affiliation", ident)

    def participation(self, ident: str) -> URIRef:
        return self._iri("participation", ident)

    def source(self, ident: str) -> URIRef:
        return self._iri("source", ident)

    def graph(self, source_id: str) -> URIRef:
        return self._iri("graph", source_id)

    # Nestings and relations have no authored id: they are minted per source, so that two
    # sources saying the same thing give two facts, each with its own status and evidence.
    def inclusion(self, source_id: str, event: str, parent: str) -> URIRef:
        return self._iri("inclusion", f"{source_id}--{event}--{parent}")

    def event_topic(self, source_id: str, event: str, topic: str) -> URIRef:
        return self._iri("event-topic", f"{source_id}--{event}--{topic}")

    def relation(self, source_id: str, org: str, relation: str, target: str) -> URIRef:
        return self._iri("relation", f"{source_id}--{org}--{relation}--{target}")

    def remark(self, source_id: str, n: int) -> URIRef:
        return self._iri("remark", f"{source_id}--{n}")

    def evidence(self, fact: URIRef, n: int) -> URIRef:
        """The n-th evidence of a fact: ``<base>evidence/<kind>--<id>--<n>``.

        One namespace for all evidence keeps IRIs prefixable (``evidence:``); a namespace per
        fact would also make rdflib's Turtle writer slow down quadratically.
        """
        kind, _, ident = fact[len(self.base) :].partition("/")
        return self._iri("evidence", f"{kind}--{ident}--{n}")


def new_dataset() -> Dataset:
    """Return an empty in-memory dataset, queried as the union of its graphs, with our prefixes.

    It is backed by an in-memory Oxigraph store: rdflib's own SPARQL engine is many times
    slower on joins, and has bugs with VALUES inside OPTIONAL subqueries.
    """
    dataset = empty_dataset(default_union=True, store="Oxigraph")
    bind_prefixes(dataset)
    return dataset


def add_catalog(dataset: Dataset, catalog: Catalog, minter: Minter) -> None:
    """Add every authored file of ``catalog`` to ``dataset``, one named graph per source."""
    for records in catalog.files:
        graph = dataset.graph(minter.graph(records.source.id))
        _FileMapper(graph, records, minter, catalog).run()
        derive_shortcuts(graph)


class _FileMapper:
    def __init__(self, graph: Graph, records: SourceRecords, minter: Minter, catalog: Catalog) -> None:
        self.catalog = catalog
        self.g = graph
        self.r = records
        self.m = minter
        self.src = minter.source(records.source.id)
        self.lang = records.source.language
        self.terms = terms()

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def names(self, s: URIRef, text: LangText, prop: URIRef = SG.name) -> None:
        for lang, value in text:
            self.add(s, prop, Literal(value, lang=lang))

    def provenance(self, fact: URIRef, prov: Provenance) -> None:
        self.add(fact, SG.status, self.terms.statuses[prov.status])
        if prov.note:
            self.add(fact, SG.note, Literal(prov.note, lang=NOTE_LANGUAGE))
        self.evidence(fact, prov.quotes)

    def evidence(self, fact: URIRef, quotes: Iterable[str]) -> None:
        for n, quote in enumerate(quotes, start=1):
            ev = self.m.evidence(fact, n)
            start = self.r.source.text.find(quote)
            self.add(fact, SG.evidence, ev)
            self.add(ev, RDF.type, SG.Evidence)
            self.add(ev, SG.quote, Literal(quote, lang=self.lang))
            self.add(ev, SG.source, self.src)
            self.add(ev, SG.start, Literal(start, datatype=XSD.integer))
            self.add(ev, SG.end, Literal(start + len(quote), datatype=XSD.integer))

    def run(self) -> None:
        self.source()
        for topic in self.r.topics:
            t = self.m.topic(topic.id)
            self.add(t, RDF.type, SG.Topic)
            self.add(t, SG.identifier, Literal(topic.id))
            self.names(t, topic.label)
        for person in self.r.people:
            p = self.m.person(person.id)
            self.add(p, RDF.type, SG.Person)
            self.add(p, SG.identifier, Literal(person.id))
            self.add(p, SG.name, Literal(person.name))
        for org in self.r.organisations:
            self.organisation(org)
        for event in self.r.events:
            self.event(event)
        for aff in self.r.affiliations:
            a = self.m.affiliation(aff.id)
            self.add(a, RDF.type, SG.Affiliation)
            self.add(a, SG.identifier, Literal(aff.id))
            self.add(a, SG.member, self.m.person(aff.person))
            if aff.organisation is not None:
                self.add(a, SG.organisation, self.m.organisation(aff.organisation))
            self.names(a, aff.title, SG.jobTitle)
            self.provenance(a, aff.provenance)
        for part in self.r.participations:
            self.participation(part)

    def source(self) -> None:
        s = self.r.source
        self.add(self.src, RDF.type, SG.SourceDocument)
        self.add(self.src, SG.identifier, Literal(s.id))
        self.add(self.src, SG.title, Literal(s.title, lang=s.language))
        self.add(self.src, SG.language, Literal(s.language))
        self.add(self.src, SG.fileName, Literal(s.text_path.name))
        self.add(self.src, SG.content, Literal(s.text, lang=s.language))
        if s.publisher is not None:
            self.add(self.src, SG.publisher, self.m.organisation(s.publisher))
        for n, remark in enumerate(s.remarks, start=1):
            r = self.m.remark(s.id, n)
            self.add(r, RDF.type, SG.Remark)
            self.add(r, SG.identifier, Literal(f"{s.id}--{n}"))
            self.add(r, SG.aboutSource, self.src)
            self.provenance(r, remark.provenance)

    def organisation(self, org: Organisation) -> None:
        o = self.m.organisation(org.id)
        self.add(o, RDF.type, SG.Organisation)
        self.add(o, RDF.type, self.terms.organisation_kinds[org.kind])
        self.add(o, SG.identifier, Literal(org.id))
        self.names(o, org.name)
        for rel in org.relations:
            r = self.m.relation(self.r.source.id, org.id, rel.relation, rel.target)
            self.add(r, RDF.type, SG.OrganisationRelation)
            self.add(r, SG.identifier, Literal(f"{org.id}--{rel.relation}--{rel.target}"))
            self.add(r, SG.part, o)
            self.add(r, SG.whole, self.m.organisation(rel.target))
            self.add(r, SG.relation, ORGANISATION_RELATIONS[rel.relation])
            self.provenance(r, rel.provenance)

    def event(self, event: Event) -> None:
        e = self.m.event(event.id)
        self.add(e, RDF.type, SG.Event)
        self.add(e, RDF.type, self.terms.event_types[event.type])
        self.add(e, SG.identifier, Literal(event.id))
        self.names(e, event.name)
        if event.year is not None:
            self.add(e, SG.year, Literal(event.year, datatype=XSD.gYear))
        for about in event.topics:
            # The sg:topic edge is derived from the fact, as the other shortcuts are.
            t = self.m.event_topic(self.r.source.id, event.id, about.topic)
            self.add(t, RDF.type, SG.EventTopic)
            self.add(t, SG.identifier, Literal(f"{event.id}--{about.topic}"))
            self.add(t, SG.ofEvent, e)
            self.add(t, SG.ofTopic, self.m.topic(about.topic))
            self.provenance(t, about.provenance)
        for inc in event.part_of:
            i = self.m.inclusion(self.r.source.id, event.id, inc.parent)
            self.add(i, RDF.type, SG.EventInclusion)
            self.add(i, SG.identifier, Literal(f"{event.id}--{inc.parent}"))
            self.add(i, SG.part, e)
            self.add(i, SG.whole, self.m.event(inc.parent))
            self.provenance(i, inc.provenance)

    def participation(self, part: Participation) -> None:
        p = self.m.participation(part.id)
        self.add(p, RDF.type, SG.Participation)
        self.add(p, SG.identifier, Literal(part.id))
        self.add(p, SG.event, self.m.event(part.event))
        self.add(p, SG.agent, self._agent(part.agent))
        self.add(p, SG.role, self.terms.roles[part.role])
        for cap in part.capacities:
            self.add(p, SG.inCapacityOf, self.m.affiliation(cap))
        self.provenance(p, part.provenance)

    def _agent(self, ident: str) -> URIRef:
        if ident in self.catalog.people:
            return self.m.person(ident)
        return self.m.organisation(ident)


def derive_shortcuts(graph: Graph) -> None:
    """Add the convenience edges derived from the fact nodes of ``graph`` (not ambiguous ones).

    derive.rq gives ``event ROLE agent`` for each participation, with the role concept in the
    place of the property; the edge is the role's ``sg:shortcut`` in the ontology (none: only
    ``sg:hasParticipant``).
    """
    query = resources.files("seminargraph").joinpath("resources/derive.rq").read_text("utf-8")
    shortcuts = terms().role_shortcuts
    roles = set(terms().roles.values())
    for s, p, o in graph.query(query):  # type: ignore[misc]
        if isinstance(p, URIRef) and p in roles:
            if p not in shortcuts:
                continue
            p = shortcuts[p]
        graph.add((s, p, o))
