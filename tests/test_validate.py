"""SHACL validation: the seed conforms; broken data gets a readable report and exit code 3."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from seminargraph import load_graph, validate_graph
from seminargraph.rdfio import union_graph
from seminargraph.vocab import SG

MINIMAL = Path(__file__).parent / "data" / "minimal"
ID = "https://seminargraph.example/id/"
PART = URIRef(ID + "participation/frukostseminarium-oppna-data--eva-lind--moderator")


def test_the_seed_data_conforms(run_cli) -> None:
    result = run_cli("validate")
    assert result.exit_code == 0, result.stderr
    assert "The data conforms to the shapes." in result.stdout
    assert validate_graph(load_graph()).conforms


def _minimal_graph() -> Graph:
    return union_graph(load_graph(MINIMAL), exclude=[SG[""]])


def _stray_comma(g: Graph) -> None:
    person = URIRef(ID + "person/eva-lind")
    g.set((person, SG.name, Literal("Eva Lind,")))


def _two_events(g: Graph) -> None:
    g.add((PART, SG.event, URIRef(ID + "event/another")))
    g.add((URIRef(ID + "event/another"), SG.identifier, Literal("another")))


def _no_event(g: Graph) -> None:
    g.remove((PART, SG.event, None))


def _quote_not_in_source(g: Graph) -> None:
    evidence = URIRef(ID + "evidence/participation--frukostseminarium-oppna-data--eva-lind--moderator--1")
    assert (evidence, SG.quote, None) in g
    g.set((evidence, SG.quote, Literal("Samtalet leddes av Eva Lund.", lang="sv")))


def _cycle(g: Graph) -> None:
    event = URIRef(ID + "event/frukostseminarium-oppna-data")
    inclusion = URIRef(ID + "inclusion/self")
    g.add((inclusion, SG.part, event))
    g.add((inclusion, SG.whole, event))


def _inferred_without_note(g: Graph) -> None:
    g.set((PART, SG.status, SG.Inferred))


def _bad_role(g: Graph) -> None:
    g.set((PART, SG.role, SG.Audience))


def _bad_year(g: Graph) -> None:
    g.add((URIRef(ID + "event/frukostseminarium-oppna-data"), SG.year, Literal("mars")))


def _agent_is_an_event(g: Graph) -> None:
    g.set((PART, SG.agent, URIRef(ID + "event/frukostseminarium-oppna-data")))


def _empty_affiliation(g: Graph) -> None:
    affiliation = URIRef(ID + "affiliation/eva-lind-journalist")
    g.remove((affiliation, SG.jobTitle, None))


def _capacity_of_someone_else(g: Graph) -> None:
    g.set((PART, SG.inCapacityOf, URIRef(ID + "affiliation/anna-berg-dataansvarig")))


def _ill_typed_offset(g: Graph) -> None:
    from rdflib.namespace import XSD

    evidence = URIRef(ID + "evidence/participation--frukostseminarium-oppna-data--eva-lind--moderator--1")
    g.set((evidence, SG.start, Literal("tio", datatype=XSD.integer)))


BROKEN: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    "stray-comma": (_stray_comma, "person 'eva-lind' sg:name", "stray punctuation"),
    "two-events": (
        _two_events,
        "participation 'frukostseminarium-oppna-data--eva-lind--moderator'",
        "exactly one event",
    ),
    "no-event": (_no_event, "sg:event", "exactly one event"),
    "quote-not-in-source": (_quote_not_in_source, "evidence", "does not occur in the stored text"),
    "cycle": (_cycle, "event 'frukostseminarium-oppna-data'", "cycle"),
    "inferred-without-note": (_inferred_without_note, "participation", "needs a note"),
    "bad-role": (_bad_role, "sg:role", "one role from the sg:Roles scheme"),
    "bad-year": (_bad_year, "sg:year", "xsd:gYear"),
    "agent-is-an-event": (_agent_is_an_event, "sg:agent", "a sg:Person or a sg:Organisation"),
    "empty-affiliation": (
        _empty_affiliation,
        "affiliation 'eva-lind-journalist'",
        "an organisation, a job title",
    ),
    "ill-typed-offset": (_ill_typed_offset, "sg:start", "xsd:integer"),
    "capacity-of-someone-else": (_capacity_of_someone_else, "participation", "affiliation of another person"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_data_gets_a_readable_report(run_cli, tmp_path: Path, name: str) -> None:
    break_it, where, message = BROKEN[name]
    graph = _minimal_graph()
    break_it(graph)
    path = tmp_path / f"{name}.ttl"
    graph.serialize(path, format="turtle")
    result = run_cli("validate", str(path))
    assert result.exit_code == 3, result.stdout + result.stderr
    report = result.stderr
    assert "The data does not conform:" in report
    problem_lines = [line for line in report.splitlines() if message in line]
    assert problem_lines, report
    assert any(where in line for line in problem_lines), report
    assert "Traceback" not in report
    assert "--no-validate" not in report, "validate writes nothing: no hint to write anyway"


def test_the_report_names_node_rule_and_message() -> None:
    graph = _minimal_graph()
    _stray_comma(graph)
    from seminargraph.inputs.mapping import new_dataset

    dataset = new_dataset()
    target = dataset.graph(URIRef(ID + "graph/test"))
    for triple in graph:
        target.add(triple)
    report = validate_graph(dataset)
    assert not report.conforms
    [result] = report.results
    assert result.focus == "person 'eva-lind'"
    assert result.path == "sg:name"
    assert result.rule == "PatternConstraintComponent"
    assert result.value == "'Eva Lind,'"
