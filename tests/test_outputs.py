"""No command writes its output over one of its inputs, or where the next load would read it back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from seminargraph import OutputError, build
from seminargraph.ontology import builtin_data_dir


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding a copy of the built-in data in ``data/``; the working folder."""
    shutil.copytree(builtin_data_dir(), tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_into_its_own_data_folder_is_refused_and_writes_nothing(
    project: Path, run_cli: Callable[..., Result]
) -> None:
    before = _files(project)
    for out in ("data", "data/build"):
        result = run_cli("build", "data", "-o", out)
        assert result.exit_code == 1
        assert result.stderr.startswith(
            f"error: -o: will not write {out}/graph.ttl inside the data folder data: the next load of "
            "data would read it back in as data"
        )
        assert "Traceback" not in result.stderr
    assert _files(project) == before


def test_building_a_project_folder_into_a_folder_inside_it_is_refused(
    project: Path, run_cli: Callable[..., Result]
) -> None:
    # `build .` twice would otherwise read build/graph.ttl of the first run as data the second time.
    result = run_cli("build", ".", "-o", "build")
    assert result.exit_code == 1
    assert "will not write build/graph.ttl inside the data folder ." in result.stderr
    assert not (project / "build").exists()
    assert run_cli("build", "data", "-o", "build").exit_code == 0
    assert run_cli("build", "data/hypergene-almedalen-2015.yaml", "-o", "data").exit_code == 0, (
        "beside a data file that was named is fine: the folder is not read"
    )


def test_the_python_build_refuses_too(project: Path) -> None:
    with pytest.raises(OutputError, match="inside the data folder data"):
        build(["data"], "data/out")
    assert not (project / "data" / "out").exists()


def test_query_output_over_its_data_file_is_refused_and_the_file_is_kept(
    project: Path, run_cli: Callable[..., Result]
) -> None:
    assert run_cli("build", "data", "-o", "out", "-f", "turtle").exit_code == 0
    graph = project / "out" / "graph.ttl"
    before = graph.read_bytes()
    os.symlink(graph, project / "link.ttl")
    for target in ("out/graph.ttl", "link.ttl", "./out/../out/graph.ttl"):
        result = run_cli("query", "participants", "-d", "out/graph.ttl", "-o", target, "--format", "csv")
        assert result.exit_code == 1, target
        assert "it is also an input (out/graph.ttl)" in result.stderr
    assert graph.read_bytes() == before
    written = run_cli("query", "participants", "-d", "out/graph.ttl", "-o", "rows.csv", "--format", "csv")
    assert written.exit_code == 0
    assert (project / "rows.csv").read_text(encoding="utf-8").startswith("event,person,role")


def test_a_query_file_is_not_replaced_by_its_own_result(
    project: Path, run_cli: Callable[..., Result]
) -> None:
    query = project / "names.rq"
    query.write_text("SELECT ?name WHERE { ?p <http://schema.org/name> ?name }\n", encoding="utf-8")
    result = run_cli("query", "names.rq", "-o", "names.rq")
    assert result.exit_code == 1
    assert "will not write names.rq: it is also an input (names.rq)" in result.stderr
    assert query.read_text(encoding="utf-8").startswith("SELECT ?name")


def test_network_files_go_where_they_are_not_read_as_data(
    project: Path, run_cli: Callable[..., Result]
) -> None:
    # A page or GraphML file in the data folder is not data; node-link .json would be read as JSON-LD.
    assert run_cli("viz", "-d", "data", "-o", "data/network.html").exit_code == 0
    assert run_cli("network", "-d", "data", "-o", "data/network.graphml").exit_code == 0
    refused = run_cli("network", "-d", "data", "-o", "data/network.json")
    assert refused.exit_code == 1
    assert "will not write data/network.json inside the data folder data" in refused.stderr
    assert not (project / "data" / "network.json").exists()
    assert run_cli("validate", "data").exit_code == 0, "what was written there is not read as data"
