"""The shapes run as SPARQL (shapecheck) report the same violations as pyshacl, case by case."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from seminargraph import load_graph
from seminargraph.ontology import ontology_graph
from seminargraph.rdfio import union_graph
from seminargraph.shapecheck import check_store
from seminargraph.validate import ValidationReport, validate_graph
from seminargraph.vocab import SG
from test_validate import BROKEN, MINIMAL


def _both(graph: Graph) -> tuple[ValidationReport, ValidationReport]:
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    store.load(ontology_graph().serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return validate_graph(graph), check_store(store)


def _seen(report: ValidationReport) -> set[tuple[str, str | None, str, str]]:
    return {(r.focus_iri, r.path, r.rule, r.message) for r in report.results}


def test_the_seed_and_the_minimal_fixture_conform_both_ways() -> None:
    for graph in (
        union_graph(load_graph(), exclude=[SG[""]]),
        union_graph(load_graph(MINIMAL), exclude=[SG[""]]),
    ):
        shacl, sparql = _both(graph)
        assert shacl.conforms and sparql.conforms, sparql.text()


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_fixture_gets_the_same_violations_both_ways(name: str) -> None:
    break_it, _where, message = BROKEN[name]
    graph = union_graph(load_graph(MINIMAL), exclude=[SG[""]])
    break_it(graph)
    shacl, sparql = _both(graph)
    assert not sparql.conforms
    assert any(message in r.message for r in sparql.results), sparql.text()
    assert _seen(sparql) == _seen(shacl)
