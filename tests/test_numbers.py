"""A count comes back as a number from every front end, and text stays text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset

from seminargraph import load_graph, run_query
from seminargraph.rdfio import empty_dataset
from seminargraph.sparql import execute
from seminargraph.store import open_graph, write_store

COUNT = "SELECT (COUNT(*) AS ?n) (1.5 AS ?half) (true AS ?yes) ('2' AS ?text) WHERE { ?s a ?o }"


def _rdflib_engine() -> Dataset:
    # The same data in rdflib's own store, queried by rdflib's engine.
    dataset = empty_dataset(default_union=True)
    for quad in load_graph().quads((None, None, None, None)):
        dataset.add(quad)  # type: ignore[arg-type]
    return dataset


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dataset]:
    seed = load_graph()
    folder = tmp_path_factory.mktemp("kg") / "kg"
    write_store(f"oxigraph:{folder}", seed)
    return {"memory": seed, "oxigraph:DIR": open_graph(f"oxigraph:{folder}"), "rdflib": _rdflib_engine()}


@pytest.mark.parametrize("store", ["memory", "oxigraph:DIR", "rdflib"])
def test_records_and_pandas_give_numbers(graphs: dict[str, Dataset], store: str) -> None:
    graph = graphs[store]
    [row] = run_query(graph, "shared-organisations").records()
    assert row["events"] == 2 and isinstance(row["events"], int)
    assert isinstance(row["organisation"], str)
    [counted] = execute(graph, COUNT).records()
    assert isinstance(counted["n"], int) and counted["n"] > 0
    assert counted["half"] == 1.5 and counted["yes"] is True and counted["text"] == "2"
    frame = run_query(graph, "shared-organisations").to_pandas()
    assert frame["events"].tolist() == [2]
    assert str(frame["events"].dtype).startswith("int")


def test_the_json_output_has_numbers(run_cli, tmp_path: Path) -> None:
    result = run_cli("query", "shared-organisations", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["events"] == 2
    counted = run_cli("query", "--sparql", COUNT, "--format", "json")
    assert isinstance(json.loads(counted.stdout)[0]["n"], int)
    # Text formats write the number as before.
    assert "Hypergene,2," in run_cli("query", "shared-organisations", "--format", "csv").stdout


def test_the_server_json_has_numbers(run_cli) -> None:
    result = run_cli("serve", "--get", "/queries/shared-organisations.json?lang=en")
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)["rows"]
    assert row["events"] == 2
