"""Exports of the network (GraphML, GEXF, node-link JSON) read back by NetworkX, hostile text included."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Dataset, Literal, URIRef

from seminargraph import EXPORT_FORMATS, OutputError, export_network, to_networkx
from seminargraph.vocab import SG

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script>]]><!-- & &amp; \"quotes\" 'apostrophes'",
    "bell\x07 nul\x00 escape\x1b vertical\x0b",
    "lone surrogate \ud800 and \ufffe \uffff",
    "line\u2028separator, tab\tand newline\nand é, ö, 漢字, 🙂",
]


def read_back(path: Path) -> Any:
    if path.suffix == ".graphml":
        return nx.read_graphml(path)
    if path.suffix == ".gexf":
        return nx.read_gexf(path)
    return nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")


@pytest.fixture(scope="module")
def full(seed_graph: Dataset) -> Any:
    return to_networkx(seed_graph)


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_the_seed_network_reads_back_with_labels_and_attributes(full: Any, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"net{EXPORT_FORMATS[fmt].suffix}"
    summary = export_network(full, path)
    assert (summary.format, summary.nodes, summary.edges, summary.replaced) == (fmt, 18, 26, 0)
    back = read_back(path)
    assert set(back.nodes) == set(full.nodes)
    assert back.is_directed() and back.is_multigraph()
    for node, data in full.nodes(data=True):
        for key in ("label", "type", "kind", "identifier", "roles", "titles", "evidence"):
            assert back.nodes[node][key] == data[key], (node, key)
    assert sorted(
        (u, v, d["relation"], d["role"], d["status"]) for u, v, d in back.edges(data=True)
    ) == sorted((u, v, d["relation"], d["role"], d["status"]) for u, v, d in full.edges(data=True))


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_the_people_network_keeps_its_weights(seed_graph: Dataset, tmp_path: Path, fmt: str) -> None:
    people = to_networkx(seed_graph, projection="people")
    path = tmp_path / f"people{EXPORT_FORMATS[fmt].suffix}"
    export_network(people, path)
    back = read_back(path)
    assert not back.is_directed()
    assert {frozenset((u, v)): int(d["weight"]) for u, v, d in back.edges(data=True)} == {
        frozenset((u, v)): d["weight"] for u, v, d in people.edges(data=True)
    }


def hostile_network() -> Any:
    # Built straight from an rdflib graph: the loader refuses control characters, but a remote
    # store could still hand them to the projection.
    graph = Dataset(default_union=True)
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    event = URIRef("https://example.org/event")
    graph.add((event, rdf_type, SG.Event))
    graph.add((event, SG.identifier, Literal("event")))
    graph.add((event, SG.name, Literal(HOSTILE[0], lang="en")))
    for n, name in enumerate(HOSTILE):
        person = URIRef(f"https://example.org/p{n}")
        fact = URIRef(f"https://example.org/f{n}")
        graph.add((person, rdf_type, SG.Person))
        graph.add((person, SG.identifier, Literal(f"p{n}")))
        graph.add((person, SG.name, Literal(name)))
        graph.add((fact, rdf_type, SG.Participation))
        graph.add((fact, SG.agent, person))
        graph.add((fact, SG.event, event))
        graph.add((fact, SG.note, Literal(name, lang="en")))
    return to_networkx(graph, lang="en")


def unholdable(network: Any) -> int:
    texts = [*network.nodes, *network.graph.values()]
    texts += [v for _, d in network.nodes(data=True) for v in d.values()]
    texts += [v for *_, d in network.edges(data=True) for v in d.values()]
    bad = {0x00, 0x07, 0x0B, 0x1B, 0xD800, 0xFFFE, 0xFFFF}
    return sum(1 for t in texts if isinstance(t, str) for c in t if ord(c) in bad)


def test_the_format_comes_from_the_suffix_or_is_given(full: Any, tmp_path: Path) -> None:
    path = tmp_path / "net.xml"
    assert export_network(full, path, format="gexf").format == "gexf"
    assert read_back(path.rename(tmp_path / "net.gexf")).number_of_nodes() == 18
    with pytest.raises(OutputError, match=r"net\.txt: cannot tell the format.*\.graphml, \.gexf, \.json"):
        export_network(full, tmp_path / "net.txt")
    with pytest.raises(OutputError, match="unknown network format 'dot'"):
        export_network(full, tmp_path / "net.graphml", format="dot")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.gexf"]


def test_a_failed_write_leaves_nothing_behind(full: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="file"):
        export_network(full, blocker / "net.graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_an_existing_file_is_replaced_whole(full: Any, tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text("old")
    export_network(full, path)
    assert read_back(path).number_of_nodes() == 18
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.json"]


# --- the command line --------------------------------------------------------------------------


def test_network_command_writes_a_file_networkx_reads(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("network", "--projection", "people", "--lang", "en", "-o", "people.graphml")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "wrote people.graphml: 8 nodes, 13 links"
    back = nx.read_graphml(tmp_path / "people.graphml")
    assert "Robin Askelöf" in {d["label"] for _, d in back.nodes(data=True)}
    result = run_cli("network", "--event", "it-dagen-2015", "--format", "json", "-o", "it.data")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["it.data", "people.graphml"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--event", "nope", "-o", "x.graphml"], 1, "error: no event with the id or IRI 'nope'"),
        (["--focus", "nobody", "-o", "x.gexf"], 1, "'nobody'"),
        (["-o", "x.txt"], 1, "x.txt: cannot tell the format"),
        (["--event", "it-dagen-2015", "--focus", "johan-lod", "-o", "x.json"], 2, "choose one of"),
        (["--depth", "2", "-o", "x.json"], 2, "--depth needs --focus"),
        (["--focus", "johan-lod", "--depth", "0", "-o", "x.json"], 2, "0 is not in the range"),
        (["--param", "person=x", "-o", "x.json"], 2, "--param needs --query"),
        (["--query", "participants", "-o", "x.json"], 1, "names no person, organisation or event by IRI"),
        (["--query", "no-such-query", "-o", "x.json"], 1, "no named query 'no-such-query'"),
        (["--format", "dot", "-o", "x.json"], 2, "'dot' is not one of"),
        (["-d", "missing.yaml", "-o", "x.json"], 1, "missing.yaml: no such file or folder"),
    ],
)
def test_network_command_refuses_bad_input_and_writes_nothing(
    run_cli: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("network", *args)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_on_disk_store_gives_the_same_network(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("load", "--store", "oxigraph:kg").exit_code == 0
    result = run_cli("network", "--store", "oxigraph:kg", "-o", "disk.json")
    assert result.exit_code == 0, result.stderr
    back = read_back(tmp_path / "disk.json")
    assert list(back.nodes(data=True)) == list(full.nodes(data=True))
    assert sorted(back.edges(keys=True)) == sorted(full.edges(keys=True))
