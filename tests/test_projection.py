"""The NetworkX projection: its rules, its views, and that it reads the graph only by queries."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from rdflib import Dataset, Literal, URIRef

from seminargraph import QueryError, QueryParameterError, load_graph, to_networkx
from seminargraph.network import NODE_TYPES
from seminargraph.network.views import view_members
from seminargraph.vocab import DEFAULT_BASE, SG

SEED_YAML = Path(__file__).parent.parent / "data" / "hypergene-almedalen-2015.yaml"
NETWORK_DATA = Path(__file__).parent / "data" / "network"


@pytest.fixture(scope="module")
def authored() -> dict[str, Any]:
    """The seed data as authored: the oracle the projection is checked against."""
    return yaml.safe_load(SEED_YAML.read_text("utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def full(seed_graph: Dataset) -> Any:
    return to_networkx(seed_graph)


def iri(kind: str, ident: str) -> str:
    return f"{DEFAULT_BASE}{kind}/{ident}"


def agent_iri(authored: dict[str, Any], ident: str) -> str:
    people = {p["id"] for p in authored["people"]}
    return iri("person", ident) if ident in people else iri("organisation", ident)


def test_nodes_are_exactly_the_people_organisations_and_events(full: Any, authored: dict[str, Any]) -> None:
    expected = (
        {iri("person", p["id"]) for p in authored["people"]}
        | {iri("organisation", o["id"]) for o in authored["organisations"]}
        | {iri("event", e["id"]) for e in authored["events"]}
    )
    assert set(full.nodes) == expected
    for node, data in full.nodes(data=True):
        assert data["type"] in NODE_TYPES
        assert data["iri"] == node and data["label"]
    # no literal, fact node, topic or source ever becomes a node
    assert not [n for n in full if "/participation/" in n or "/affiliation/" in n or "/topic/" in n]


def test_every_fact_becomes_one_edge_of_the_right_relation(full: Any, authored: dict[str, Any]) -> None:
    def edges(relation: str) -> set[tuple[str, str]]:
        return {(u, v) for u, v, d in full.edges(data=True) if d["relation"] == relation}

    took_part = {
        (agent_iri(authored, p["agent"]), iri("event", p["event"]))
        for p in authored["participations"]
        if p["role"] != "organiser"
    }
    organised = {
        (agent_iri(authored, p["agent"]), iri("event", p["event"]))
        for p in authored["participations"]
        if p["role"] == "organiser"
    }
    affiliations = [a for a in authored["affiliations"] if "organisation" in a]
    part_of = {
        (iri("event", e["id"]), iri("event", e["part_of"]["event"]))
        for e in authored["events"]
        if "part_of" in e
    }
    org_relations = {
        (
            iri("organisation", o["id"]),
            iri("organisation", r["organisation"]),
            r["relation"].replace("-", "_"),
        )
        for o in authored["organisations"]
        for r in o.get("relations", [])
    }
    assert edges("took_part") == took_part
    assert edges("organised") == organised
    # one edge per affiliation: Magnus Staxäng's two titles at Hypergene are two edges
    assert sorted(edges("affiliation")) == sorted(
        {(iri("person", a["person"]), iri("organisation", a["organisation"])) for a in affiliations}
    )
    assert sum(1 for *_, d in full.edges(data=True) if d["relation"] == "affiliation") == len(affiliations)
    assert edges("part_of") == part_of
    found = {
        (u, v, d["relation"])
        for u, v, d in full.edges(data=True)
        if d["relation"] in ("unit_of", "member_of")
    }
    assert found == org_relations
    total = len(authored["participations"]) + len(affiliations) + len(part_of) + len(org_relations)
    assert full.number_of_edges() == total


def test_a_participation_edge_carries_role_title_organisation_status_and_quote(
    full: Any, authored: dict[str, Any]
) -> None:
    fact = next(p for p in authored["participations"] if p["agent"] == "staffan-larsson")
    affiliation = next(a for a in authored["affiliations"] if a["id"] == fact["as"])
    data = full.get_edge_data(iri("person", "staffan-larsson"), iri("event", fact["event"]))
    (edge,) = data.values()
    assert edge["role"] == fact["role"] == "panelist"
    assert edge["label"] == "paneldeltagare"  # the role's Swedish label from the ontology
    assert edge["job_title"] == affiliation["title"]["sv"]
    assert edge["organisation"] == "Länsstyrelsen i Södermanland"
    assert edge["status"] == "stated"
    assert " ".join(fact["quote"].split()) in edge["evidence"]
    assert "Seminarium i Almedalen 2015" in edge["evidence"]


def test_english_labels_keep_job_titles_as_written_with_the_translation(seed_graph: Dataset) -> None:
    net = to_networkx(seed_graph, lang="en")
    assert net.nodes[iri("organisation", "motala-kommun")]["label"] == "Motala Municipality"
    (edge,) = net.get_edge_data(
        iri("person", "staffan-larsson"), iri("organisation", "lansstyrelsen-i-sodermanland")
    ).values()
    assert edge["label"] == "länsråd (county director)"
    assert net.nodes[iri("person", "staffan-larsson")]["kind_label"] == "person"


def test_node_details_list_roles_titles_and_evidence(full: Any) -> None:
    magnus = full.nodes[iri("person", "magnus-staxang")]
    assert magnus["roles"].startswith("moderator – Människor, förändringsvilja och IT")
    assert set(magnus["titles"].split("\n")) == {"konsultchef – Hypergene", "beslutsstödskonsult – Hypergene"}
    assert "Samtalet leddes av Magnus Staxäng" in magnus["evidence"]
    seminar = full.nodes[iri("event", "fran-rora-till-ledning")]
    assert "moderator – Robin Askelöf" in seminar["roles"].split("\n")
    assert seminar["kind"] == "seminar" and seminar["kind_label"] == "seminarium"


def test_ambiguous_facts_are_marked_and_can_be_left_out(seed_graph: Dataset, full: Any) -> None:
    leif, liu = iri("person", "leif-jonsson"), iri("organisation", "linkopings-universitet")
    (edge,) = full.get_edge_data(leif, liu).values()
    assert edge["status"] == "ambiguous" and edge["status_label"] == "oklar"
    assert "does not say that he works at Linköpings universitet" in edge["note"]
    strict = to_networkx(seed_graph, include_ambiguous=False)
    assert not strict.has_edge(leif, liu)
    assert liu in strict and strict.degree(liu) == 0  # the organisation stays, unlinked
    assert "Linköpings" not in strict.nodes[leif]["titles"]
    assert strict.number_of_edges() == full.number_of_edges() - 1


def test_people_projection_links_people_who_shared_an_event(
    seed_graph: Dataset, authored: dict[str, Any]
) -> None:
    people = to_networkx(seed_graph, projection="people")
    persons = {p["id"] for p in authored["people"]}
    assert set(people.nodes) == {iri("person", p) for p in persons}
    by_event: dict[str, set[str]] = {}
    for p in authored["participations"]:
        if p["agent"] in persons:
            by_event.setdefault(p["event"], set()).add(iri("person", p["agent"]))
    expected = {frozenset((a, b)) for group in by_event.values() for a in group for b in group if a != b}
    assert {frozenset(e) for e in people.edges} == expected
    assert all(d["weight"] == 1 for *_, d in people.edges(data=True))
    assert not people.is_directed()


def test_people_weights_count_shared_events() -> None:
    people = to_networkx(load_graph(NETWORK_DATA / "two-events.ttl"), projection="people")
    weights = {
        frozenset(people.nodes[n]["identifier"] for n in (u, v)): d["weight"]
        for u, v, d in people.edges(data=True)
    }
    assert weights == {frozenset({"ada", "bo"}): 2, frozenset({"ada", "cy"}): 1, frozenset({"bo", "cy"}): 1}
    (edge,) = [d for u, v, d in people.edges(data=True) if d["weight"] == 2]
    assert edge["events"].split("\n") == ["Day one", "Day two"]


@pytest.mark.parametrize(
    "event",
    ["fran-rora-till-ledning", "manniskor-forandringsvilja-och-it", "it-dagen-2015", "almedalen-2015"],
)
def test_an_events_view_holds_what_its_filter_holds(seed_graph: Dataset, full: Any, event: str) -> None:
    view = to_networkx(seed_graph, event=event)
    members = dict((label, nodes) for label, nodes in view_members(full, "event"))
    assert set(view.nodes) == members[full.nodes[iri("event", event)]["label"]]
    assert set(view.edges(keys=True)) == set(full.subgraph(view.nodes).edges(keys=True))
    assert view.graph["view"] == "event" and view.graph["view_id"] == event


def test_an_events_view_of_the_seed_seminar(seed_graph: Dataset, authored: dict[str, Any]) -> None:
    event = "fran-rora-till-ledning"
    agents = {p["agent"] for p in authored["participations"] if p["event"] == event}
    orgs = {
        a["organisation"] for a in authored["affiliations"] if a["person"] in agents and "organisation" in a
    }
    expected = {iri("event", event), iri("event", "almedalen-2015")}
    expected |= {agent_iri(authored, a) for a in agents} | {iri("organisation", o) for o in orgs}
    assert set(to_networkx(seed_graph, event=event).nodes) == expected
    assert set(to_networkx(seed_graph, event=iri("event", event)).nodes) == expected


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("focus", ["johan-lod", "hypergene", "leif-jonsson"])
def test_a_neighbourhood_is_the_ego_graph_of_the_full_network(
    seed_graph: Dataset, full: Any, focus: str, depth: int
) -> None:
    node = next(n for n, d in full.nodes(data=True) if d["identifier"] == focus)
    view = to_networkx(seed_graph, focus=focus, depth=depth)
    ego = nx.ego_graph(full.to_undirected(as_view=True), node, radius=depth)
    assert set(view.nodes) == set(ego.nodes)
    assert set(view.edges(keys=True)) == set(full.subgraph(ego.nodes).edges(keys=True))
    # a node's details do not depend on the view it is seen in
    for n in view:
        assert view.nodes[n] == full.nodes[n]


def test_unknown_ids_are_named_in_the_error(seed_graph: Dataset) -> None:
    with pytest.raises(QueryParameterError, match=r"no event with the id or IRI 'nope'.*almedalen-2015"):
        to_networkx(seed_graph, event="nope")
    with pytest.raises(
        QueryParameterError, match="no person, organisation or event with the id or IRI 'nobody'"
    ):
        to_networkx(seed_graph, focus="nobody")
    with pytest.raises(QueryParameterError, match="no event with the id or IRI 'johan-lod'"):
        to_networkx(seed_graph, event="johan-lod")  # a person, not an event
    with pytest.raises(QueryParameterError, match=re.escape("'https://example.org/x'")):
        to_networkx(seed_graph, focus="https://example.org/x")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"projection": "circles"}, "unknown projection 'circles'"),
        ({"event": "it-dagen-2015", "focus": "johan-lod"}, "choose one view"),
        ({"focus": "johan-lod", "depth": 0}, "depth must be 1 or more"),
        ({"depth": 2}, "a depth needs a focus"),
        ({"lang": "not a tag"}, "not a language tag"),
        ({"focus": "johan-lod>"}, "johan-lod>"),
    ],
)
def test_bad_arguments_are_refused(seed_graph: Dataset, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryParameterError, match=message):
        to_networkx(seed_graph, **kwargs)


SELECT_HYPERGENE = """PREFIX sg: <https://seminargraph.example/ns#>
SELECT ?person WHERE { ?person sg:worksFor ?org . ?org sg:identifier "hypergene" }"""
CONSTRUCT_WORKS_FOR = """PREFIX sg: <https://seminargraph.example/ns#>
CONSTRUCT { ?person sg:worksFor ?org . ?person sg:name ?name }
WHERE { ?person sg:worksFor ?org ; sg:name ?name }"""


def test_a_select_query_chooses_the_nodes(seed_graph: Dataset, full: Any) -> None:
    view = to_networkx(seed_graph, query=SELECT_HYPERGENE)
    assert sorted(view.nodes[n]["label"] for n in view) == [
        "David Hallgren",
        "Magnus Staxäng",
        "Robin Askelöf",
    ]
    assert view.number_of_edges() == 0  # the three never met and share no fact
    wider = to_networkx(seed_graph, query=SELECT_HYPERGENE, depth=1)
    expected = set().union(*(nx.ego_graph(full.to_undirected(as_view=True), n, 1).nodes for n in view))
    assert set(wider.nodes) == expected


def test_a_construct_query_gives_the_edges(seed_graph: Dataset) -> None:
    view = to_networkx(seed_graph, query=CONSTRUCT_WORKS_FOR, lang="en")
    works_for = {(str(s), str(o)) for s, o in seed_graph.subject_objects(SG.worksFor)}
    assert {(u, v) for u, v in view.edges()} == works_for
    assert {d["relation"] for *_, d in view.edges(data=True)} == {"works_for"}
    assert {d["label"] for *_, d in view.edges(data=True)} == {"works for"}
    assert view.graph["unlinked_triples"] == len({s for s, _ in works_for})  # the name triples


def test_queries_without_entities_or_answers_are_refused(seed_graph: Dataset) -> None:
    with pytest.raises(QueryError, match="names no person, organisation or event by IRI"):
        to_networkx(seed_graph, query="participants")
    with pytest.raises(QueryError, match="ASK"):
        to_networkx(seed_graph, query="ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="refused"):
        to_networkx(seed_graph, query="SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_the_projection_is_the_same_on_rdflibs_own_store(seed_graph: Dataset, full: Any) -> None:
    # Only queries are used, so a store with another SPARQL engine gives the same network.
    plain = Dataset(default_union=True)
    plain.parse(data=seed_graph.serialize(format="nquads"), format="nquads")
    other = to_networkx(plain)
    assert list(other.nodes(data=True)) == list(full.nodes(data=True))
    assert list(other.edges(keys=True, data=True)) == list(full.edges(keys=True, data=True))
    mine = to_networkx(plain, focus="johan-lod", depth=2)
    assert set(mine.nodes) == set(to_networkx(seed_graph, focus="johan-lod", depth=2).nodes)


def test_the_projection_is_deterministic(seed_graph: Dataset, full: Any) -> None:
    again = to_networkx(seed_graph)
    assert list(again.nodes(data=True)) == list(full.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(full.edges(keys=True, data=True))


def test_hostile_text_is_kept_exactly() -> None:
    net = to_networkx(load_graph(NETWORK_DATA / "hostile.ttl"), lang="en")
    labels = {d["label"] for _, d in net.nodes(data=True)}
    assert "<img src=x onerror=\"window.__ran.push('img')\">" in labels
    assert "</script><script>window.__ran.push('script')</script>" in labels


def test_entities_without_names_are_labelled_by_their_id() -> None:
    graph = Dataset(default_union=True)
    ada = URIRef("https://example.org/ada")
    graph.add((ada, URIRef(str(SG.identifier)), Literal("ada")))
    graph.add((ada, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SG.Person))
    net = to_networkx(graph)
    assert [d["label"] for _, d in net.nodes(data=True)] == ["ada"]


def test_iris_of_a_select_that_are_not_entities_are_counted(seed_graph: Dataset) -> None:
    text = """PREFIX sg: <https://seminargraph.example/ns#>
    SELECT ?fact ?person WHERE { ?fact a sg:Participation ; sg:agent ?person . ?person a sg:Person }"""
    view = to_networkx(seed_graph, query=text)
    rows = list(seed_graph.query(text))
    assert set(view.nodes) == {str(r[1]) for r in rows}
    assert view.graph["unlinked_iris"] == len({r[0] for r in rows})


def test_a_graph_without_people_organisations_or_events_projects_to_nothing() -> None:
    net = to_networkx(Dataset(default_union=True))
    assert net.number_of_nodes() == 0 and net.number_of_edges() == 0
    assert to_networkx(Dataset(default_union=True), projection="people").number_of_nodes() == 0


def test_a_hub_at_the_edge_of_a_view_shows_its_links_within_it_and_counts_the_others(
    seed_graph: Dataset, full: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A festival of thousands of events is a hub at the edge of one seminar's view: its other
    # links are counted, not read (here the seed's festival is made a hub by lowering the bar).
    import seminargraph.network as network

    event = "fran-rora-till-ledning"
    plain = to_networkx(seed_graph, event=event)
    monkeypatch.setattr(network, "HUB_LINKS", 1)
    view = to_networkx(seed_graph, event=event)
    assert set(view.nodes) == set(plain.nodes)
    assert set(view.edges(keys=True)) == set(plain.edges(keys=True))
    festival = iri("event", "almedalen-2015")
    lines = view.nodes[festival]["relations"].splitlines()
    everything = full.nodes[festival]["relations"].splitlines()
    links = sum(1 for _ in full.in_edges(festival)) + sum(1 for _ in full.out_edges(festival))
    shown = [line for line in lines if not line.startswith("…")]
    assert set(shown) < set(everything)
    assert lines[-1] == f"… och {links - len(shown)} länkar till annat utanför vyn"
    # the inner nodes keep every detail
    for node in set(view.nodes) - {festival}:
        if view.nodes[node]["type"] != "organisation":
            assert view.nodes[node] == full.nodes[node]


def test_the_source_line_names_a_tables_rows_once(tmp_path: Path) -> None:
    from seminargraph.programme import import_tables
    from seminargraph.store import open_graph

    lines = (Path(__file__).parent / "data" / "programme" / "2031.csv").read_text("utf-8").splitlines()
    header, row = lines[0], lines[1]
    rows = [row.replace("Vem bygger bron?", f"Vem bygger bro {n}?") + str(100 + n) for n in range(5)]
    table = tmp_path / "2031.csv"
    table.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    store = tmp_path / "kg"
    import_tables(
        [table], "almedalsveckan", store=f"oxigraph:{store}", linked_data=False, review=tmp_path / "r.tsv"
    )
    graph = open_graph(f"oxigraph:{store}")
    try:
        view = to_networkx(graph, focus="karin-ek")
        assert view.graph["sources"] == "2031.csv (5 källdokument)"
        english = to_networkx(graph, focus="karin-ek", lang="en")
        assert english.graph["sources"] == "2031.csv (5 source documents)"
    finally:
        graph.close()


def test_people_projection_marks_an_affiliation_the_source_leaves_open(seed_graph: Dataset) -> None:
    people = to_networkx(seed_graph, projection="people")
    leif = people.nodes[iri("person", "leif-jonsson")]
    assert leif["organisations"].split("\n") == ["Linköpings universitet (oklar)"]
    # a stated affiliation stays unmarked, and the filter by organisation names it plainly
    assert people.nodes[iri("person", "johan-lod")]["organisations"].split("\n") == [
        "Länsstyrelsernas IT-enhet"
    ]
    groups = dict(view_members(people, "organisation"))
    assert iri("person", "leif-jonsson") in groups["Linköpings universitet"]
    assert not [label for label in groups if "(" in label]
    english = to_networkx(seed_graph, projection="people", lang="en")
    assert english.nodes[iri("person", "leif-jonsson")]["organisations"] == "Linköping University (ambiguous)"
    strict = to_networkx(seed_graph, projection="people", include_ambiguous=False)
    assert strict.nodes[iri("person", "leif-jonsson")]["organisations"] == ""
