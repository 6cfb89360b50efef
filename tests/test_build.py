"""`seminargraph build`: every format, deterministic bytes, the golden graph, nothing half written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from seminargraph import build, load_graph
from seminargraph.ontology import ONTOLOGY_GRAPH
from seminargraph.rdfio import union_graph

GOLDEN = Path(__file__).parent / "data" / "golden"
MINIMAL = Path(__file__).parent / "data" / "minimal"


def test_build_writes_every_format_and_a_summary(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "8 people, 6 organisations, 4 events, 12 participations, 10 affiliations" in result.stdout
    assert "validation: conforms" in result.stdout
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["graph.jsonld", "graph.nt", "graph.trig", "graph.ttl"]


def test_the_summary_says_one_event_not_one_events(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", str(MINIMAL), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("3 people, 2 organisations, 1 event, 4 participations, 3 affiliations (")


def test_every_format_reads_back_to_the_same_graph(tmp_path: Path) -> None:
    build(outdir=tmp_path)
    turtle = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(turtle) > 500
    for name, fmt in [("graph.nt", "nt"), ("graph.jsonld", "json-ld")]:
        assert isomorphic(turtle, Graph().parse(tmp_path / name, format=fmt)), name
    trig = Dataset()
    trig.parse(tmp_path / "graph.trig", format="trig")
    assert isomorphic(turtle, union_graph(trig))
    build(outdir=tmp_path / "more", formats=["nquads", "rdfxml"])
    nquads = Dataset()
    nquads.parse(tmp_path / "more" / "graph.nq", format="nquads")
    assert isomorphic(turtle, union_graph(nquads))
    assert isomorphic(turtle, Graph().parse(tmp_path / "more" / "graph.rdf", format="xml"))
    # TriG keeps one named graph per source.
    names = {str(g.identifier) for g in trig.graphs() if len(g)}
    assert "https://seminargraph.example/id/graph/hypergene-almedalen-2015" in names


def test_jsonld_is_compact_with_a_context_of_short_names(tmp_path: Path) -> None:
    build(outdir=tmp_path, formats=["jsonld"])
    document = json.loads((tmp_path / "graph.jsonld").read_text("utf-8"))
    context = document["@context"]
    assert context["sg"] == "https://seminargraph.example/ns#"
    assert context["@base"] == "https://seminargraph.example/id/"
    assert context["evidence"] == {"@id": "sg:evidence", "@type": "@id"}
    nodes = {node["@id"]: node for node in document["@graph"]}
    # Keys read as the ontology names its terms; the data's IRIs are relative to its base.
    staffan = nodes["person/staffan-larsson"]
    assert staffan["@type"] == "Person" and staffan["name"] == "Staffan Larsson"
    assert staffan["worksFor"] == "organisation/lansstyrelsen-i-sodermanland"
    moderator = nodes["participation/fran-rora-till-ledning--robin-askelof--moderator"]
    assert moderator["status"] == "Stated" and moderator["role"] == "ModeratorRole"
    assert moderator["event"] == "event/fran-rora-till-ledning"
    assert not [key for node in document["@graph"] for key in node if key.startswith("sg:")]


def _iri_corners(folder: Path) -> Path:
    # IRIs under the base that could not be written relative to it, IRIs elsewhere, and a
    # literal where the ontology expects an IRI: each must read back as it was written.
    folder.mkdir()
    data = folder / "corners.ttl"
    data.write_text(
        "@prefix sg: <https://seminargraph.example/ns#> .\n"
        "<https://example.org/id/odd:name> sg:agent <https://example.org/id/x:y> ; "
        'sg:event "not an IRI" ; sg:status sg:Stated, <https://example.org/id/status> .\n'
        "<https://example.org/other> sg:member <https://example.org/id/> ,\n"
        "    <https://example.org/elsewhere> .\n",
        "utf-8",
    )
    return data


def test_jsonld_reads_back_to_the_same_graph_under_another_base(tmp_path: Path) -> None:
    base = "https://example.org/id/"
    extra = _iri_corners(tmp_path / "in")
    build([MINIMAL, extra], outdir=tmp_path / "out", formats=["jsonld", "turtle"], base=base, validate=False)
    text = (tmp_path / "out" / "graph.jsonld").read_text("utf-8")
    assert json.loads(text)["@context"]["@base"] == base
    assert '"@id": "person/anna-berg"' in text
    turtle = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    back = Graph().parse(data=text, format="json-ld")
    assert len(back) == len(turtle) and isomorphic(back, turtle)


def test_the_same_input_gives_byte_identical_files(tmp_path: Path) -> None:
    # In two processes with different hash seeds: set and store orders change between runs.
    formats = [
        arg for name in ("turtle", "ntriples", "jsonld", "trig", "nquads", "rdfxml") for arg in ("-f", name)
    ]
    for run, seed in (("a", "1"), ("b", "2")):
        subprocess.run(
            [sys.executable, "-m", "seminargraph", "build", "-o", str(tmp_path / run), *formats],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
            capture_output=True,
            timeout=120,
        )
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == 6
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_built_graph_matches_the_golden_graph(tmp_path: Path, refresh_golden: bool) -> None:
    build(outdir=tmp_path, formats=["turtle"])
    golden = GOLDEN / "graph.ttl"
    if refresh_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp_path / "graph.ttl", golden)
    built = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    expected = Graph().parse(golden, format="turtle")
    assert isomorphic(built, expected), "the built graph changed; review it, then --refresh-golden"


def test_the_base_option_mints_iris_under_that_base(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", "-o", str(tmp_path), "--base", "https://example.org/kg/", "-f", "ntriples")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "graph.nt").read_text("utf-8")
    assert "<https://example.org/kg/person/staffan-larsson>" in text
    assert "seminargraph.example/id/" not in text


def test_a_bad_base_is_refused(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", "-o", str(tmp_path / "out"), "--base", "not an iri")
    assert result.exit_code == 1
    assert "base" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_ontology_is_not_written_into_the_data(tmp_path: Path) -> None:
    build(outdir=tmp_path, formats=["turtle"])
    assert "owl:Ontology" not in (tmp_path / "graph.ttl").read_text("utf-8")


def test_rdf_files_are_merged_into_the_build(tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix sg: <https://seminargraph.example/ns#> .\n"
        '<https://seminargraph.example/id/person/staffan-larsson> sg:name "Staffan Larsson" .\n'
        '<https://example.org/x> <https://example.org/p> "extra" .\n',
        "utf-8",
    )
    summary = build([MINIMAL, extra], tmp_path / "out", formats=["ntriples"])
    text = (tmp_path / "out" / "graph.nt").read_text("utf-8")
    assert '<https://example.org/x> <https://example.org/p> "extra" .' in text
    assert summary.people == 3


def _broken_minimal(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(MINIMAL, folder)
    # Valid YAML, but a stray comma in a name breaks the shapes (not the loader).
    yaml_path = folder / "seminar.yaml"
    yaml_path.write_text(yaml_path.read_text("utf-8").replace("name: Eva Lind", "name: 'Eva Lind,'"), "utf-8")
    return folder


def test_data_that_does_not_conform_is_not_written(run_cli, tmp_path: Path) -> None:
    result = run_cli("build", str(_broken_minimal(tmp_path)), "-o", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert "person 'eva-lind'" in result.stderr and "stray punctuation" in result.stderr
    assert result.stderr.rstrip().endswith(
        "nothing was written: fix the data, or build it anyway with --no-validate"
    )
    assert not (tmp_path / "out").exists()


def test_an_output_path_that_is_a_file_gives_a_clear_error(run_cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    result = run_cli("build", "-o", str(blocker / "out"))
    assert result.exit_code == 1
    assert "cannot write here" in result.stderr and str(blocker) in result.stderr


def test_a_graph_rdfxml_cannot_hold_is_a_one_line_error_and_nothing_written(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "numbered.nt"
    data.write_text('<http://e.org/a> <http://e.org/123> "x" .\n', "utf-8")
    result = run_cli("build", str(data), "-o", str(tmp_path / "out"), "-f", "turtle", "-f", "rdfxml")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write rdfxml:") and "http://e.org/123" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


def test_load_graph_keeps_one_named_graph_per_source_and_the_ontology() -> None:
    graph = load_graph()
    names = {str(g.identifier) for g in graph.graphs() if len(g)}
    assert "https://seminargraph.example/id/graph/hypergene-almedalen-2015" in names
    assert str(ONTOLOGY_GRAPH) in names


def test_build_and_validate_read_a_store(run_cli, tmp_path: Path) -> None:
    from seminargraph import write_store

    store = f"oxigraph:{tmp_path / 'kg'}"
    write_store(store, load_graph())
    checked = run_cli("validate", "--store", store)
    assert checked.exit_code == 0, checked.stderr
    assert "8 people" in checked.stdout and "conforms" in checked.stdout
    result = run_cli("build", "--store", store, "-o", str(tmp_path / "out"), "-f", "turtle")
    assert result.exit_code == 0, result.stderr
    build(outdir=tmp_path / "memory", formats=["turtle"])
    from_store = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert isomorphic(from_store, Graph().parse(tmp_path / "memory" / "graph.ttl", format="turtle"))
    # build() from Python gives the store back: it can be loaded again at once.
    build(outdir=tmp_path / "again", formats=["ntriples"], store=store)
    write_store(store, load_graph())


def test_data_and_a_store_together_are_refused(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "build", str(MINIMAL), "--store", f"oxigraph:{tmp_path / 'kg'}", "-o", str(tmp_path / "o")
    )
    assert result.exit_code == 1
    assert "seminargraph load --store" in result.stderr
    assert not (tmp_path / "o").exists()
