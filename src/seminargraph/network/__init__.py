"""Project the graph onto NetworkX with explicit rules: who met whom, in which role, at which event.

The rules, all of them:

- nodes are people, organisations and events (``sg:Person``, ``sg:Organisation``, ``sg:Event`` and
  their kinds); literals and the fact nodes in between (participations, affiliations, evidence)
  never become nodes, so two people are never linked because they share a literal such as "VD";
- a participation gives an edge agent -> event: ``took_part`` with the role, or ``organised`` for
  the organiser role, carrying the job titles and organisations the agent took part as;
- an affiliation gives person -> organisation, labelled with the job title (an affiliation with
  no organisation only adds the title to the person's details);
- an event inclusion gives event -> the event it is part of (``part_of``);
- an organisation relation gives organisation -> organisation (``unit_of``, ``member_of``, ...).

Every edge carries its fact's status (stated, inferred, ambiguous), note and quoted evidence with
its source. Ambiguous facts are kept, marked as such, unless ``include_ambiguous`` is false. All
reading is done by SPARQL queries (see ``read.facts``), so any store can be projected; labels follow
``read.labels.pick``, the rule the tables and the entity pages follow too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rdflib import Graph, Literal, URIRef

from ..errors import QueryError, QueryParameterError
from ..ontology import terms
from ..query import (
    DEFAULT_LANG,
    LANG_PATTERN,
    NamedQuery,
    QueryResult,
    get_query,
    parse_query_text,
    run_query,
)
from ..read.entities import suggest_ids
from ..read.facts import FACT_KINDS, Entity, Fact, FactKind, FactReader, class_of
from ..read.labels import pick, rank
from ..vocab import SG
from .views import people_network

PROJECTIONS = ("full", "people")
#: A node at the edge of a view with more links than this is a hub: only its links within the
#: view are read, and its details say how many others it has.
HUB_LINKS = 200
OUTSIDE = {"sv": "… och {n} länkar till annat utanför vyn", "en": "… and {n} more links outside this view"}
NODE_TYPES = ("person", "organisation", "event")
#: More source documents than this from one file are named as the file and their number.
MANY_SOURCES = 3
SOURCE_COUNT = {False: "{} ({} source documents)", True: "{} ({} källdokument)"}
#: Relations of edges in the full projection.
RELATIONS = (
    "took_part",
    "organised",
    "affiliation",
    "part_of",
    "unit_of",
    "member_of",
    "sub_organisation_of",
)


def to_networkx(
    graph: Graph,
    *,
    lang: str = DEFAULT_LANG,
    projection: str = "full",
    event: str | None = None,
    focus: str | None = None,
    depth: int | None = None,
    query: str | NamedQuery | QueryResult | None = None,
    params: Mapping[str, str] | None = None,
    include_ambiguous: bool = True,
) -> Any:
    """Project ``graph`` onto a NetworkX graph by the rules of this module.

    The view is the whole network, or one ``event`` (with its sub-events, the agents that took
    part in them and their organisations), or the neighbourhood of ``focus`` (a person,
    organisation or event) to ``depth`` steps (default 1), or the entities named by a ``query``
    (a named query, SPARQL text or a QueryResult; ``depth`` adds their neighbourhood). Ids are
    authored ids or IRIs. ``projection="people"`` keeps only people, linked when they took part
    in the same event (``weight`` = the number of such events).

    Returns a ``networkx.MultiDiGraph`` (full) or ``networkx.Graph`` (people), node ids being IRIs.

    >>> from seminargraph import load_graph
    >>> net = to_networkx(load_graph(), event="fran-rora-till-ledning", projection="people")
    >>> sorted(net.nodes[n]["label"] for n in net)[:2]
    ['David Hallgren', 'Leif Jonsson']
    """
    if projection not in PROJECTIONS:
        raise QueryParameterError(f"unknown projection {projection!r}; use one of: {', '.join(PROJECTIONS)}")
    if not LANG_PATTERN.match(lang):
        raise QueryParameterError(f"'{lang}' is not a language tag such as sv or en")
    if sum(x is not None for x in (event, focus, query)) > 1:
        raise QueryParameterError("choose one view: an event, a focus or a query, not several")
    if depth is not None and (depth < 0 or (focus is not None and depth < 1)):
        raise QueryParameterError(f"the depth must be 1 or more, not {depth}")
    if depth is not None and focus is None and query is None:
        raise QueryParameterError("a depth needs a focus (or a query) to start from")
    builder = _Builder(graph, lang, include_ambiguous)
    if event is not None:
        network = builder.event_view(event)
    elif focus is not None:
        network = builder.focus_view(focus, 1 if depth is None else depth)
    elif query is not None:
        network = builder.query_view(query, params or {}, depth or 0)
    else:
        network = builder.full_view()
    return people_network(network) if projection == "people" else network


class _Builder:
    def __init__(self, graph: Graph, lang: str, include_ambiguous: bool) -> None:
        self.graph = graph
        self.reader = FactReader(graph)
        self.lang = lang
        self.include_ambiguous = include_ambiguous
        self._labels: dict[str, str] = {}
        self._terms: dict[str, str] = {}
        self.known = terms()
        self.role_names = {str(iri): name for name, iri in self.known.roles.items()}
        #: The nodes whose every fact has been read by a neighbourhood walk.
        self._walked: set[str] = set()
        #: For each hub at the edge of a view: how many of its links are not read.
        self.outside: dict[str, int] = {}

    def keep(self, fact: Fact) -> bool:
        return self.include_ambiguous or fact.status != "ambiguous"

    # -- views ---------------------------------------------------------------------------

    def full_view(self) -> Any:
        entities = self.reader.read_entities()
        facts = self.reader.read_all_facts()
        return self.assemble(set(entities), facts, view="full")

    def event_view(self, value: str) -> Any:
        root = self.resolve(value, ("event",))
        kinds = {k.name: k for k in FACT_KINDS}
        below = self.walk({root.iri}, kinds["inclusion"], "dst")
        events = below | self.walk({root.iri}, kinds["inclusion"], "src")
        took_part = self.reader.read_facts(kinds["participation"], "dst", below)
        agents = {f.src for f in took_part if f.dst in below and self.keep(f)}
        affiliations = self.reader.read_facts(kinds["affiliation"], "src", agents)
        organisations = {f.dst for f in affiliations if f.src in agents and f.dst and self.keep(f)}
        nodes = set(self.reader.read_entities(events | agents | organisations)) & (
            events | agents | organisations
        )
        # The events the root is part of, and the agents' organisations, are the edge of the view.
        edge = (events - below) | (organisations - agents)
        return self.assemble(nodes, self.facts_of(nodes, edge), view="event", root=root)

    def focus_view(self, value: str, depth: int) -> Any:
        root = self.resolve(value, NODE_TYPES)
        nodes = self.neighbourhood({root.iri}, depth)
        # The last ring was reached, not walked from: it is the edge of the view.
        edge = nodes - self._walked
        return self.assemble(nodes, self.facts_of(nodes, edge), view="focus", root=root, depth=depth)

    def facts_of(self, nodes: set[str], edge: set[str]) -> list[Fact]:
        """The facts touching ``nodes``; of a hub at the ``edge`` of the view, those within it.

        A hub (a festival with its thousands of events, an organiser of hundreds) would make a
        small view read a large part of the graph; its details then list its links in the view
        and say how many others it has (``self.outside``).
        """
        degrees = self.reader.degrees(edge) if edge else {}
        hubs = {n for n, k in degrees.items() if k > HUB_LINKS}
        facts = _distinct(self.reader.touching(nodes - hubs) + self.reader.linking(hubs, nodes))
        for hub in hubs:
            shown = sum(1 for f in facts if hub in (f.src, f.dst))
            self.outside[hub] = degrees[hub] - shown
        return facts

    def query_view(self, query: str | NamedQuery | QueryResult, params: Mapping[str, str], depth: int) -> Any:
        result = (
            query
            if isinstance(query, QueryResult)
            else run_query(self.graph, _named(query), lang=self.lang, params=params)
        )
        if result.kind == "ask":
            raise QueryError("an ASK query answers yes or no; there is no network to draw from it")
        if result.kind == "graph":
            assert result.graph is not None
            triples = [(str(s), URIRef(str(p)), str(o)) for s, p, o in result.graph if isinstance(o, URIRef)]
            mentioned = {str(s) for s in result.graph.subjects() if isinstance(s, URIRef)}
            mentioned |= {o for _, _, o in triples}
        else:
            triples = []
            mentioned = {str(v) for row in result.rows for v in row if isinstance(v, URIRef)}
        entities = self.reader.read_entities(mentioned) if mentioned else {}
        nodes = mentioned & set(entities)
        if not nodes:
            raise QueryError(
                "the query's result names no person, organisation or event by IRI; select or "
                "construct their IRIs (e.g. ?person), not their names"
            )
        nodes = self.neighbourhood(nodes, depth)
        facts = self.reader.touching(nodes)
        linked = [(s, p, o) for s, p, o in triples if s in nodes and o in nodes]
        network = self.assemble(nodes, facts, view="query", rule_edges=result.kind != "graph")
        self.add_triples(network, linked)
        size = len(result.graph) if result.graph is not None else 0
        network.graph["unlinked_triples"] = size - len(linked)
        network.graph["unlinked_iris"] = len(mentioned - set(entities)) if result.kind == "select" else 0
        return network

    # -- walking -------------------------------------------------------------------------

    def resolve(self, value: str, types: Sequence[str]) -> Entity:
        found = self.reader.resolve(value, types)
        what = " or ".join(types) if len(types) < 3 else "person, organisation or event"
        if not found:
            # The same "did you mean" as a query parameter's (read.entities).
            hint = suggest_ids(self.graph, types, value)
            raise QueryParameterError(f"no {what} with the id or IRI '{value}' in the graph{hint}")
        if len(found) > 1:
            raise QueryParameterError(f"the id '{value}' names several things ({what}); give the IRI")
        return found[0]

    def walk(self, start: set[str], kind: FactKind, end: str) -> set[str]:
        seen, frontier = set(start), set(start)
        while frontier:
            facts = self.reader.read_facts(kind, end, frontier)
            other = {
                (f.src if end == "dst" else f.dst)
                for f in facts
                if (f.dst if end == "dst" else f.src) in frontier and self.keep(f)
            }
            frontier = {n for n in other if n is not None} - seen
            seen |= frontier
        return seen

    def neighbourhood(self, start: set[str], depth: int) -> set[str]:
        seen, frontier = set(start), set(start)
        for _ in range(depth):
            self._walked |= frontier
            facts = self.reader.touching(frontier)
            ends = {
                e
                for f in facts
                if self.keep(f) and (f.src in frontier or f.dst in frontier)
                for e in (f.src, f.dst)
            }
            candidates = {e for e in ends if e is not None} - seen
            frontier = set(self.reader.read_entities(candidates)) & candidates
            seen |= frontier
            if not frontier:
                break
        return seen

    # -- assembling ----------------------------------------------------------------------

    def assemble(
        self,
        nodes: set[str],
        facts: Iterable[Fact],
        *,
        view: str,
        root: Entity | None = None,
        depth: int = 0,
        rule_edges: bool = True,
    ) -> Any:
        facts = sorted((f for f in facts if self.keep(f)), key=lambda f: (f.iri, f.src, f.dst or ""))
        # the far ends too: a node's details name what it is linked to, in the view or not
        ends = {e for f in facts for e in (f.src, f.dst) if e is not None}
        entities = self.reader.read_entities(nodes | ends)
        vocab = self.vocabulary(facts, (entities[n] for n in nodes))
        by_iri = {f.iri: f for f in self.reader.facts.values() if f.kind == "affiliation" and self.keep(f)}
        details: dict[str, dict[str, list[str]]] = {
            n: {"roles": [], "titles": [], "relations": [], "evidence": []} for n in nodes
        }
        edges = []
        for fact in facts:
            edge = self.describe(fact, vocab, entities, by_iri)
            for end, other in ((fact.src, fact.dst), (fact.dst, fact.src)):
                if end in details:
                    self.add_details(details[end], fact, edge, entities.get(other or ""), end == fact.src)
            if rule_edges and fact.dst in nodes and fact.src in nodes:
                edges.append((fact.src, fact.dst, fact.iri, edge))
        for hub, more in self.outside.items():
            if hub in details and more > 0:
                line = OUTSIDE["sv" if self.lang.startswith("sv") else "en"]
                details[hub]["relations"].append(line.format(n=f"{more:,}".replace(",", "\u00a0")))
        import networkx as nx

        network = nx.MultiDiGraph(
            lang=self.lang,
            projection="full",
            view=view,
            view_id=root.identifier if root else "",
            view_label=pick(root.names, self.lang) if root else "",
            depth=depth,
            sources=self.sources(None if view == "full" else facts),
        )
        order = {t: i for i, t in enumerate(NODE_TYPES)}
        for iri in sorted(
            nodes, key=lambda n: (order[entities[n].type], self.label(entities[n]).casefold(), n)
        ):
            e = entities[iri]
            network.add_node(
                iri,
                type=e.type,
                kind=e.kind,
                kind_label=self.term(vocab, str(class_of(e.type, e.kind))) or e.kind,
                label=self.label(e),
                identifier=e.identifier,
                iri=iri,
                **{k: "\n".join(_unique(v)) for k, v in details[iri].items()},
            )
        for src, dst, key, data in edges:
            network.add_edge(src, dst, key=key, **data)
        return network

    def label(self, entity: Entity) -> str:
        if entity.iri not in self._labels:
            self._labels[entity.iri] = pick(entity.names, self.lang) or entity.identifier
        return self._labels[entity.iri]

    def term(self, vocab: dict[str, list[Literal]], term: str) -> str:
        """The label of a vocabulary term in the chosen language, or "" when it has none."""
        if term not in self._terms:
            self._terms[term] = pick(vocab.get(term, []), self.lang)
        return self._terms[term]

    def vocabulary(self, facts: list[Fact], entities: Iterable[Entity]) -> dict[str, list[Literal]]:
        terms = {URIRef(str(t)) for f in facts for t in f.extra if isinstance(t, URIRef)}
        terms |= {SG.partOf, *self.known.statuses.values(), *(class_of(e.type, e.kind) for e in entities)}
        return self.reader.labels(terms)

    def describe(
        self,
        fact: Fact,
        vocab: dict[str, list[Literal]],
        entities: dict[str, Entity],
        affiliations: dict[str, Fact],
    ) -> dict[str, Any]:
        status_label = self.term(vocab, str(self.known.statuses.get(fact.status, ""))) if fact.status else ""
        edge: dict[str, Any] = {
            "relation": "",
            "label": "",
            "role": "",
            "job_title": "",
            "organisation": "",
            "status": fact.status,
            "status_label": status_label,
            "note": pick(fact.notes, self.lang),
            "evidence": "\n".join(_evidence_lines(fact)),
            "fact": fact.iri,
        }
        if fact.kind == "participation":
            roles = sorted(str(r) for r in fact.extra)
            edge["role"] = ", ".join(self.role_names.get(r, _snake(r)) for r in roles)
            edge["relation"] = "organised" if str(SG.OrganiserRole) in roles else "took_part"
            edge["label"] = ", ".join(self.term(vocab, r) or _snake(r) for r in roles)
            capacities = [affiliations[a] for a in sorted(fact.capacities) if a in affiliations]
            edge["job_title"] = ", ".join(_unique(self.title(a) for a in capacities if a.extra))
            edge["organisation"] = ", ".join(
                _unique(self.label(entities[a.dst]) for a in capacities if a.dst in entities)
            )
        elif fact.kind == "affiliation":
            edge["relation"] = "affiliation"
            edge["label"] = edge["job_title"] = self.title(fact)
        else:
            prop = (
                str(next(iter(sorted(str(t) for t in fact.extra)), SG.partOf))
                if fact.kind == "relation"
                else str(SG.partOf)
            )
            edge["relation"] = _snake(prop)
            edge["label"] = self.term(vocab, prop) or _snake(prop).replace("_", " ")
        return edge

    def title(self, fact: Fact) -> str:
        titles = [t for t in fact.extra if isinstance(t, Literal)]
        if not titles:
            return ""
        source_lang = next((e.language for e in fact.evidence if e.language), "")
        written = pick(titles, source_lang or self.lang)
        translated = [t for t in titles if rank(t.language, self.lang) == 0 and str(t) != written]
        return f"{written} ({pick(translated, self.lang)})" if source_lang and translated else written

    def add_details(
        self,
        into: dict[str, list[str]],
        fact: Fact,
        edge: dict[str, Any],
        other: Entity | None,
        outgoing: bool,
    ) -> None:
        other_label = self.label(other) if other else ""
        status = f" ({edge['status_label']})" if fact.status not in ("", "stated") else ""
        if fact.kind == "participation":
            into["roles"].append(f"{edge['label']} – {other_label}{status}")
        elif fact.kind == "affiliation":
            into["titles"].append(" – ".join(x for x in (edge["label"], other_label) if x) + status)
        else:
            arrow = "→" if outgoing else "←"
            into["relations"].append(f"{edge['label']} {arrow} {other_label}{status}")
        into["evidence"].extend(_evidence_lines(fact))

    def add_triples(self, network: Any, triples: list[tuple[str, URIRef, str]]) -> None:
        vocab = self.reader.labels({p for _, p, _ in triples})
        for s, p, o in sorted(triples):
            label = pick(vocab.get(str(p), []), self.lang) or _snake(str(p)).replace("_", " ")
            data = dict.fromkeys(
                ("role", "job_title", "organisation", "status", "status_label", "note", "evidence"), ""
            )
            network.add_edge(s, o, key=str(p), relation=_snake(str(p)), label=label, fact="", **data)

    def sources(self, facts: Iterable[Fact] | None = None) -> str:
        """The line naming where the view's facts come from (of the whole graph: every source)."""
        found = self.reader.sources(None if facts is None else {f.iri for f in facts})
        per_file: dict[str, int] = {}
        for _, _, file_name, _ in found:
            per_file[file_name] = per_file.get(file_name, 0) + 1
        parts, counted = [], set()
        for _, titles, file_name, publishers in found:
            if file_name and per_file[file_name] > MANY_SOURCES:
                # An imported table is one source document per row: name the file, not every row.
                if file_name not in counted:
                    counted.add(file_name)
                    parts.append(SOURCE_COUNT[self.lang[:2] == "sv"].format(file_name, per_file[file_name]))
                continue
            extra = ", ".join(x for x in (file_name, pick(publishers, self.lang)) if x)
            parts.append(pick(titles, self.lang) + (f" ({extra})" if extra else ""))
        return "; ".join(parts)


def _named(query: str | NamedQuery) -> NamedQuery:
    if isinstance(query, NamedQuery):
        return query
    if re.fullmatch(r"[a-z0-9-]+", query):
        return get_query(query)
    return parse_query_text(query, "sparql", "query")


def _distinct(facts: Iterable[Fact]) -> list[Fact]:
    return list({f.key: f for f in facts}.values())


def _evidence_lines(fact: Fact) -> list[str]:
    return [f"“{e.quote}”" + (f" ({e.source})" if e.source else "") for e in fact.evidence]


def _snake(iri: str) -> str:
    local = re.split(r"[#/]", iri)[-1].removesuffix("Role")
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", local).lower()


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
