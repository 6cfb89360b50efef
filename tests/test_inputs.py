"""The inputs wing: one table of readers by suffix, from which the messages and the help are made."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from seminargraph import SourceError, inputs, load_graph, run_query
from seminargraph.inputs import READERS, Reader, by_suffix, find_inputs
from seminargraph.inputs.authoring import load_file

MINIMAL = Path(__file__).parent / "data" / "minimal"


def test_every_suffix_has_one_reader_that_reads_records_or_rdf() -> None:
    assert {".yaml", ".yml", ".ttl", ".nt", ".jsonld", ".trig", ".nq", ".rdf"} <= set(READERS)
    for suffix, reader in READERS.items():
        assert suffix == suffix.lower() and suffix in reader.suffixes
        assert (reader.records is None) != (reader.rdf is None), reader.name


def test_a_new_kind_of_input_is_one_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in for a programme table: a reader of its own suffix whose records join the catalog.
    table = Reader("programme table", (".prog",), (".prog",), records=load_file)
    monkeypatch.setattr(inputs, "READERS", {**READERS, **by_suffix(table)})
    shutil.copy(MINIMAL / "seminar.txt", tmp_path / "seminar.txt")
    shutil.copy(MINIMAL / "seminar.yaml", tmp_path / "seminar.prog")
    assert find_inputs([tmp_path]) == [tmp_path / "seminar.prog"]
    rows = run_query(load_graph(tmp_path), "participants").records()
    assert rows == run_query(load_graph(MINIMAL), "participants").records()
    with pytest.raises(SourceError, match=r"none of authored YAML \(\.yaml\), RDF \(.*\) or programme table"):
        find_inputs([tmp_path / "seminar.txt"])


def test_the_messages_and_the_help_name_every_reader(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    with pytest.raises(SourceError, match=r"neither authored YAML \(\.yaml\) nor RDF \(\.ttl, \.nt"):
        find_inputs([MINIMAL / "seminar.txt"])
    with pytest.raises(SourceError, match=r"holds no files to load: authored YAML \(\.yaml\) or RDF"):
        find_inputs([tmp_path])
    assert "authored YAML, RDF files" in run_cli("query", "--help").stdout
