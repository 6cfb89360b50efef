"""One read model: a table, the network and an entity page name a thing alike, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal

from seminargraph import load_graph, run_query, to_networkx
from seminargraph.read.labels import pick
from seminargraph.server import pagedata

MINIMAL_TTL = Path(__file__).parent / "data" / "network" / "two-events.ttl"

# An organisation named in Swedish and in British English only: asked for "en", the English name
# is the one every view shows (the entity page used to show the Swedish one).
TWO_NAMES = """
@prefix sg: <https://seminargraph.example/ns#> .
@prefix ex: <https://example.org/> .

ex:alfa a sg:Organisation, sg:Municipality ; sg:identifier "alfa" ;
    sg:name "Alfa kommun"@sv, "Zulu Council"@en-GB .
ex:eva a sg:Person ; sg:identifier "eva" ; sg:name "Eva Lind" .
ex:aff a sg:Affiliation ; sg:member ex:eva ; sg:organisation ex:alfa ; sg:status sg:Stated .
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    path = tmp_path_factory.mktemp("two-names") / "alfa.ttl"
    path.write_text(TWO_NAMES, "utf-8")
    return load_graph(path)


def _three_ways(graph: Dataset, lang: str) -> tuple[str, str, str]:
    rows = run_query(graph, "organisation-people", organisation="alfa", lang=lang).records()
    table = {r["organisation"] for r in rows}
    assert len(table) == 1
    network = to_networkx(graph, focus="alfa", lang=lang)
    node = network.nodes["https://example.org/alfa"]["label"]
    page = pagedata.entity(graph, "organisation", "alfa", lang)["label"]
    return table.pop() or "", node, page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Zulu Council"), ("en-GB", "Zulu Council"), ("sv", "Alfa kommun"), ("de", "Alfa kommun")],
)
def test_a_table_the_network_and_the_page_give_one_label(graph: Dataset, lang: str, expected: str) -> None:
    assert _three_ways(graph, lang) == (expected, expected, expected)


def test_pick_prefers_the_language_then_a_variant_then_no_language() -> None:
    names = [Literal("Alfa", lang="sv"), Literal("Alpha", lang="en-GB"), Literal("ALFA")]
    assert pick(names, "en") == "Alpha"
    assert pick(names, "sv") == "Alfa"
    assert pick(names, "fi") == "ALFA"
    assert pick([], "sv") == ""


def test_the_entity_page_of_an_unknown_id_is_not_found(graph: Dataset) -> None:
    from seminargraph.errors import NotFound

    with pytest.raises(NotFound, match="no organisation with the id 'alfaa'") as caught:
        pagedata.entity(graph, "organisation", "alfaa", "en")
    assert caught.value.status == 404


def test_a_parameter_that_names_nothing_says_what_was_meant(graph: Dataset) -> None:
    from seminargraph.errors import QueryParameterError

    with pytest.raises(QueryParameterError, match="did you mean 'alfa'"):
        run_query(graph, "organisation-people", organisation="alfaa")


# The rule the named queries write in SPARQL (participants.rq and others) for a name in ?lang.
QUERY_RULE = """PREFIX sg: <https://seminargraph.example/ns#>
SELECT ?name WHERE {
  OPTIONAL { ?e sg:name ?chosen FILTER (LANGMATCHES(LANG(?chosen), ?lang)) }
  OPTIONAL {
    ?e sg:name ?other
    FILTER NOT EXISTS { ?e sg:name ?n FILTER (LANGMATCHES(LANG(?n), ?lang)) }
    FILTER NOT EXISTS { ?e sg:name ?first FILTER (STR(?first) < STR(?other)) }
  }
  BIND (COALESCE(?chosen, STR(?other)) AS ?name)
}"""


@pytest.mark.parametrize(
    "names",
    [
        [("Alfa kommun", "sv"), ("Zulu Council", "en-GB")],
        [("Alfa kommun", "sv"), ("Zulu Council", "en")],
        [("Zeta", "de"), ("Alfa", "sv")],
        [("Beta", "fi"), ("Alfa", "de")],
        [("Zulu", "en"), ("Zulu Council", "sv")],
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en", "de", "fi"])
def test_pick_follows_the_rule_the_named_queries_write_in_sparql(
    names: list[tuple[str, str]], lang: str
) -> None:
    from rdflib import URIRef

    from seminargraph.sparql import execute
    from seminargraph.store import open_graph
    from seminargraph.vocab import SG

    graph = open_graph("memory", [MINIMAL_TTL])
    entity = URIRef("https://example.org/e")
    values = [Literal(text, lang=tag) for text, tag in names]
    for value in values:
        graph.graph(URIRef("https://example.org/g")).add((entity, SG.name, value))
    rows = execute(graph, QUERY_RULE, {"e": entity, "lang": Literal(lang)}).rows
    assert {str(row[0]) for row in rows} == {pick(values, lang)}


def test_a_servers_title_needs_only_the_count_of_sources_and_the_one_title(seed_graph: Dataset) -> None:
    from seminargraph.ontology import builtin_data_dir
    from seminargraph.read.summary import source_title, sources

    count, title = source_title(seed_graph, "en")
    (only,) = sources(seed_graph, "en", 10)
    assert (count, title) == (1, only["title"]) and title
    two = load_graph(Path(__file__).parent / "data" / "minimal", builtin_data_dir())
    many = sources(two, "en", 100)
    assert source_title(two, "en") == (len(many), "") and len(many) > 1
