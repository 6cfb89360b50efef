"""The SPARQL checks derived from the shapes report exactly what pyshacl reports, fixture by fixture."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from seminargraph import load_graph, validate_graph
from seminargraph.inputs.mapping import new_dataset
from seminargraph.store.terms import oxigraph_of
from seminargraph.validate_sparql import check_store, derive_checks
from seminargraph.vocab import SG
from test_validate import BROKEN, ID, MINIMAL, PART, _minimal_graph

PERSON = URIRef(ID + "person/eva-lind")
EVENT = URIRef(ID + "event/frukostseminarium-oppna-data")
XSD = "http://www.w3.org/2001/XMLSchema#"
EVIDENCE = URIRef(ID + "evidence/participation--frukostseminarium-oppna-data--eva-lind--moderator--1")


def _organisation(g: Graph) -> URIRef:
    org = next(iter(g.subjects(RDF.type, SG.Organisation)))
    assert isinstance(org, URIRef)
    return org


def _two_swedish_names(g: Graph) -> None:
    g.add((_organisation(g), SG.name, Literal("Ett annat namn", lang="sv")))
    g.add((_organisation(g), SG.name, Literal("Ett tredje namn", lang="SV")))


def _empty_quote(g: Graph) -> None:
    g.set((EVIDENCE, SG.quote, Literal("", lang="sv")))


def _name_with_language(g: Graph) -> None:
    g.set((PERSON, SG.name, Literal("Eva Lind", lang="sv")))


def _organisation_name_without_language(g: Graph) -> None:
    org = _organisation(g)
    g.remove((org, SG.name, None))
    g.add((org, SG.name, Literal("Namnlös")))


def _two_names_one_bad(g: Graph) -> None:
    g.add((PERSON, SG.name, Literal("Eva: Lind")))


def _topic_is_a_person(g: Graph) -> None:
    g.add((EVENT, SG.topic, PERSON))


def _no_identifier(g: Graph) -> None:
    g.remove((PERSON, SG.identifier, None))


def _seminar_only(g: Graph) -> None:
    # Typed only by a sub-class: still a target of the event shape (and, without a name, in breach).
    seminar = URIRef(ID + "event/only-a-seminar")
    g.add((seminar, RDF.type, SG.Seminar))
    g.add((seminar, SG.identifier, Literal("only-a-seminar")))


def _literal_agent(g: Graph) -> None:
    g.set((PART, SG.agent, Literal("Eva Lind")))


def _year_as_integer(g: Graph) -> None:
    g.add((EVENT, SG.year, Literal("2015", datatype=URIRef(XSD + "integer"))))
    g.add((EVENT, SG.year, Literal("2016", datatype=URIRef(XSD + "gYear"))))


MORE: dict[str, Callable[[Graph], None]] = {
    "two-swedish-names": _two_swedish_names,
    "empty-quote": _empty_quote,
    "name-with-language": _name_with_language,
    "organisation-name-without-language": _organisation_name_without_language,
    "two-names-one-bad": _two_names_one_bad,
    "topic-is-a-person": _topic_is_a_person,
    "no-identifier": _no_identifier,
    "seminar-only": _seminar_only,
    "literal-agent": _literal_agent,
    "year-as-integer": _year_as_integer,
}
CASES: dict[str, Callable[[Graph], None]] = {
    "as-is": lambda g: None,
    **{name: value[0] for name, value in BROKEN.items()},
    **MORE,
}


def _dataset(break_it: Callable[[Graph], None]) -> Dataset:
    graph = _minimal_graph()
    break_it(graph)
    dataset = new_dataset()
    target = dataset.graph(URIRef(ID + "graph/test"))
    for triple in graph:
        target.add(triple)
    return dataset


def _same(dataset: Dataset) -> None:
    store = oxigraph_of(dataset)
    assert store is not None
    by_shacl = validate_graph(dataset)
    by_sparql = check_store(store)
    assert by_sparql.results == by_shacl.results
    assert by_sparql.conforms == by_shacl.conforms
    assert by_sparql.text() == by_shacl.text()


@pytest.mark.parametrize("name", sorted(CASES))
def test_both_ways_report_the_same_violations(name: str) -> None:
    _same(_dataset(CASES[name]))


def test_every_extra_case_breaks_something() -> None:
    for name, break_it in MORE.items():
        report = check_store(oxigraph_of(_dataset(break_it)))  # type: ignore[arg-type]
        assert not report.conforms, name


def test_the_seed_and_the_minimal_data_agree() -> None:
    _same(load_graph())
    _same(load_graph(MINIMAL))
    assert check_store(oxigraph_of(load_graph())).conforms  # type: ignore[arg-type]


def test_graphs_limit_the_check() -> None:
    dataset = _dataset(BROKEN["no-event"][0])
    store = oxigraph_of(dataset)
    assert store is not None
    assert not check_store(store, graphs=[ID + "graph/test"]).conforms
    assert check_store(store, graphs=[ID + "graph/other"]).conforms


def test_every_constraint_of_the_shapes_is_derived() -> None:
    checks = derive_checks()
    rules = {check.rule for check in checks} - {"CountConstraintComponent"}
    both = [check for check in checks if check.counts]
    rules |= {f"{kind}CountConstraintComponent" for _check in both for kind in ("Min", "Max")}
    parts = [part for check in checks for part in check.cardinality]
    rules |= {"MinCountConstraintComponent" for part in parts if part.required}
    rules |= {"MaxCountConstraintComponent" for part in parts if part.single}
    assert rules == {
        "MinCountConstraintComponent",
        "MaxCountConstraintComponent",
        "DatatypeConstraintComponent",
        "ClassConstraintComponent",
        "InConstraintComponent",
        "PatternConstraintComponent",
        "MinLengthConstraintComponent",
        "UniqueLangConstraintComponent",
        "SPARQLConstraintComponent",
    }


def test_an_empty_store_conforms() -> None:
    assert check_store(ox.Store()).conforms
