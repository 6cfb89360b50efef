"""Stores: specifications, loading into oxigraph:DIR (replacement, the base kept with the store).

Loading into and reading from endpoints is covered by the contract suite; faulty endpoints are in
test_store_remote.py; kill -9, a full disk and two processes on one store in test_hostile_faults.py.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
import pytest
from click.testing import Result
from rdflib import Dataset

from seminargraph import StoreError, load_graph, run_query
from seminargraph.query import execute
from seminargraph.store import StoreSpec, open_graph, parse_spec, write_store

MINIMAL = Path(__file__).parent / "data" / "minimal"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
T = TypeVar("T")


def _count(graph: Dataset) -> int:
    return int(str(execute(graph, COUNT).rows[0][0]))


def _stored(store: str, read: Callable[[Dataset], T]) -> T:
    """Read from the store and close it at once (an open reader keeps loads out)."""
    graph = open_graph(store)
    try:
        return read(graph)
    finally:
        graph.close()


def _people(graph: Dataset) -> set[str | None]:
    return {r["person"] for r in run_query(graph, "participants").records()}


# --- specifications ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("memory", StoreSpec("memory")),
        ("oxigraph:kg", StoreSpec("oxigraph", "kg")),
        ("oxigraph:/tmp/a b", StoreSpec("oxigraph", "/tmp/a b")),
        ("http://127.0.0.1:7878/query", StoreSpec("http", "http://127.0.0.1:7878/query")),
        ("HTTPS://example.org/sparql", StoreSpec("http", "HTTPS://example.org/sparql")),
    ],
)
def test_store_specifications_are_read(text: str, expected: StoreSpec) -> None:
    assert parse_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("oxigraph:", "needs a folder"),
        ("oxigraph", "unknown store 'oxigraph'"),
        ("ftp://example.org/kg", "unknown store"),
        ("http:///sparql", "names no host"),
        ("sqlite:kg.db", "use memory, oxigraph:DIR or http(s)://HOST/PATH"),
    ],
)
def test_bad_store_specifications_are_refused(text: str, message: str) -> None:
    with pytest.raises(StoreError, match=re.escape(message)):
        parse_spec(text)


def test_a_password_in_an_endpoint_address_is_never_shown() -> None:
    spec = parse_spec("http://reader:s3cret@127.0.0.1:9/sparql")
    assert "s3cret" not in str(spec)
    with pytest.raises(StoreError) as failure:
        run_query(open_graph(str(spec.location), timeout=2), "moderators")
    assert "s3cret" not in str(failure.value)
    assert "http://127.0.0.1:9/sparql" in str(failure.value)


# --- load and query through the command line ----------------------------------------------------


def test_load_then_query_gives_the_rows_of_memory(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    loaded = run_cli("load", "--store", store)
    assert loaded.exit_code == 0, loaded.stderr
    assert "loaded 2 graph(s)" in loaded.stdout
    # Each graph with its own count, so the data's count can be compared with what build says.
    built = run_cli("build", "-o", str(tmp_path / "out"), "-f", "ntriples")
    data_triples = (tmp_path / "out" / "graph.nt").read_bytes().count(b"\n")
    assert f"graph/hypergene-almedalen-2015: {data_triples:,} triples" in loaded.stdout, built.stdout
    assert "https://seminargraph.example/ns# (the ontology): " in loaded.stdout
    for name in ("participants", "moderators", "uncertain-facts"):
        in_store = run_cli("query", name, "--store", store, "--format", "csv")
        in_memory = run_cli("query", name, "--format", "csv")
        assert in_store.exit_code == 0, in_store.stderr
        assert in_store.stdout == in_memory.stdout
        assert in_store.stdout.count("\n") > 1


def test_loading_a_source_again_replaces_it(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(MINIMAL, source)
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert run_cli("load", "--store", store, str(source)).exit_code == 0
    assert run_cli("load", "--store", store).exit_code == 0  # the seed, as a second source
    before = _stored(store, _count)
    yaml = source / "seminar.yaml"
    text = yaml.read_text("utf-8").replace("name: Karl Nyström", "name: Karl Nyström-Ek")
    organiser = text.index("  - event: frukostseminarium-oppna-data\n    agent: exempelbyran")
    yaml.write_text(text[:organiser], "utf-8")
    again = run_cli("load", "--store", store, str(source))
    assert again.exit_code == 0, again.stderr
    graph = open_graph(store)
    people = {r["person"] for r in run_query(graph, "participants").records()}
    assert "Karl Nyström-Ek" in people and "Karl Nyström" not in people
    assert "Robin Askelöf" in people, "the other source is kept"
    organisers = (
        "PREFIX sg: <https://seminargraph.example/ns#> "
        "ASK { ?e sg:organiser ?o ; sg:identifier 'frukostseminarium-oppna-data' }"
    )
    assert execute(graph, organisers).boolean is False, "the removed fact is gone"
    after = _count(graph)
    assert after < before
    graph.close()
    assert run_cli("load", "--store", store, str(source)).exit_code == 0
    assert _stored(store, _count) == after, "loading the same data again adds nothing"


def test_clear_leaves_only_the_data_loaded(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert run_cli("load", "--store", store, str(MINIMAL)).exit_code == 0
    cleared = run_cli("load", "--store", store, "--clear")
    assert cleared.exit_code == 0, cleared.stderr
    assert "everything else removed" in cleared.stdout
    names = _stored(store, _people)
    assert "Anna Berg" not in names and "Robin Askelöf" in names


def test_data_that_does_not_conform_is_not_loaded(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix sg: <https://seminargraph.example/ns#> .\n"
        "<https://x.example/p> a sg:Person ; sg:name 42 .\n",
        "utf-8",
    )
    target = tmp_path / "kg"
    result = run_cli("load", "--store", f"oxigraph:{target}", str(bad))
    assert result.exit_code == 3
    assert "does not conform" in result.stderr
    assert "nothing was loaded: fix the data, or load it anyway with --no-validate" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--store", "memory"], "a memory store holds nothing between commands"),
        (["--store", "nowhere:kg"], "unknown store 'nowhere:kg'"),
    ],
)
def test_load_refuses_stores_it_cannot_load_into(
    run_cli: Callable[..., Result], args: list[str], message: str
) -> None:
    result = run_cli("load", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("error: ")


def test_load_refuses_a_folder_that_is_not_a_store(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = run_cli("load", "--store", f"oxigraph:{tmp_path}")
    assert result.exit_code == 1
    assert "neither empty nor a seminargraph store" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_load_into_a_file_says_it_is_a_file(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = run_cli("load", "--store", f"oxigraph:{tmp_path / 'notes.txt'}")
    assert result.exit_code == 1
    message = "is a file, not a folder; give a new or empty folder for the store"
    assert result.stderr == f"error: {tmp_path / 'notes.txt'} {message}\n"
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--store", "oxigraph:{tmp}/none"], "there is no store in"),
        (["--store", "oxigraph:{tmp}/kg", "-d", str(MINIMAL)], "--data is read into a memory store"),
    ],
)
def test_query_refuses_a_store_it_cannot_read(
    run_cli: Callable[..., Result], tmp_path: Path, args: list[str], message: str
) -> None:
    assert run_cli("load", "--store", f"oxigraph:{tmp_path}/kg").exit_code == 0
    result = run_cli("query", "participants", *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (tmp_path / "none").exists()


def test_an_oxigraph_database_made_elsewhere_is_read_but_not_loaded_into(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    folder = tmp_path / "plain"
    database = ox.Store(str(folder))
    database.add(
        ox.Quad(
            ox.NamedNode("https://x.example/p"),
            ox.NamedNode("https://seminargraph.example/ns#name"),
            ox.Literal("Plain Person"),
            ox.NamedNode("https://x.example/g"),
        )
    )
    database.flush()
    del database
    text = "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?n WHERE { ?p sg:name ?n }"
    read = run_cli("query", "--sparql", text, "--store", f"oxigraph:{folder}", "--format", "csv")
    assert read.exit_code == 0, read.stderr
    assert "Plain Person" in read.stdout
    loaded = run_cli("load", "--store", f"oxigraph:{folder}")
    assert loaded.exit_code == 1
    assert "not made by seminargraph load" in loaded.stderr


# --- the library -------------------------------------------------------------------------------


def test_library_write_store_reports_what_it_wrote(tmp_path: Path) -> None:
    graph = load_graph(MINIMAL)
    report = write_store(f"oxigraph:{tmp_path / 'kg'}", graph)
    assert report.triples == sum(1 for _ in graph.quads((None, None, None, None)))
    assert len(report.graphs) == 2
    assert report.leftovers == []


# --- the base kept with the store ----------------------------------------------------------------

EVENT_GRAPH = "CONSTRUCT { ?e ?p ?o } WHERE { ?e a <https://seminargraph.example/ns#Event> ; ?p ?o } LIMIT 3"


def test_a_store_keeps_the_base_its_data_was_loaded_with(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    kg = tmp_path / "kg"
    base = "https://example.org/kg/"
    loaded = run_cli("load", "--store", f"oxigraph:{kg}", "--base", base)
    assert loaded.exit_code == 0, loaded.output
    # A later query, without --base, writes the prefixes of the data's IRIs (as build would).
    answer = run_cli("query", "--store", f"oxigraph:{kg}", "--sparql", EVENT_GRAPH)
    assert answer.exit_code == 0, answer.output
    assert f"@prefix event: <{base}event/> ." in answer.stdout
    from seminargraph.store import base_of, open_store

    assert base_of(f"oxigraph:{kg}") == base
    with open_store(f"oxigraph:{kg}") as store:
        assert (store.kind, store.base) == ("oxigraph", base)
