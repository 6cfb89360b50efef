"""Stores: specifications, loading into oxigraph:DIR (replacement, atomicity, kill -9, store in use).

Loading into and reading from endpoints is covered by the contract suite; faulty endpoints are in
test_store_remote.py.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
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
from seminargraph.store.disk import ACTIVE, MARKER

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


# --- two processes, and kill -9 ------------------------------------------------------------------

_HOLD_READER = """
import sys, time
from seminargraph.store import open_graph
graph = open_graph(sys.argv[1])
print("open", flush=True)
time.sleep(120)
"""

_BIG_LOAD = """
import sys
import pyoxigraph as ox
from seminargraph.inputs.mapping import new_dataset
from seminargraph.store import oxigraph_of, write_store
n = int(sys.argv[2])
lines = "".join(
    f'<https://big.example/s{i}> <https://big.example/p{i % 7}> "value {i}"@sv <https://big.example/g> .\\n'
    for i in range(n)
)
dataset = new_dataset()
oxigraph_of(dataset).bulk_load(lines.encode(), format=ox.RdfFormat.N_QUADS)
print("writing", flush=True)
write_store(sys.argv[1], dataset)
print("done", flush=True)
"""

#: Triples of the generated source: enough for its load to last a few seconds.
BIG = 100_000


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE, text=True
    )


def _wait_for(process: subprocess.Popen[str], word: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line == word, f"expected {word!r} from the helper process, got {line!r}"


def _wait_for_new_generation(root: Path, process: subprocess.Popen[str]) -> None:
    """Wait until the load holds the store: its new generation folder exists beside the active one."""
    deadline = time.monotonic() + 60
    while len([p for p in root.iterdir() if p.name.startswith("g-")]) < 2:
        assert process.poll() is None, "the load ended before it began writing"
        assert time.monotonic() < deadline, "the load did not begin writing within 60 s"
        time.sleep(0.01)


def test_a_load_while_another_process_reads_says_the_store_is_in_use(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert run_cli("load", "--store", store).exit_code == 0
    reader = _python(_HOLD_READER, store)
    try:
        _wait_for(reader, "open")
        result = run_cli("load", "--store", store, str(MINIMAL))
        assert result.exit_code == 1
        assert "is in use by another process" in result.stderr
        assert "Traceback" not in result.stderr
        # Readers share the store.
        assert run_cli("query", "moderators", "--store", store).exit_code == 0
    finally:
        reader.kill()
        reader.wait()
    assert "Anna Berg" not in _stored(store, _people), "the refused load wrote nothing"
    assert run_cli("load", "--store", store, str(MINIMAL)).exit_code == 0


def test_while_a_load_runs_other_loads_and_readers_are_told_the_store_is_in_use(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    store = f"oxigraph:{tmp_path / 'kg'}"
    assert run_cli("load", "--store", store).exit_code == 0
    loader = _python(_BIG_LOAD, store, str(BIG))
    try:
        _wait_for(loader, "writing")
        _wait_for_new_generation(tmp_path / "kg", loader)
        second = run_cli("load", "--store", store, str(MINIMAL))
        reader = run_cli("query", "moderators", "--store", store)
        assert loader.poll() is None, "the load ended before the others could try; make BIG larger"
    finally:
        loader.wait(120)
    assert second.exit_code == 1 and "is in use by another process" in second.stderr
    assert reader.exit_code == 1 and "is in use by another process" in reader.stderr
    assert loader.returncode == 0
    assert _stored(store, _count) > BIG


def test_a_load_killed_at_any_moment_leaves_the_earlier_data_readable(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    root = tmp_path / "kg"
    store = f"oxigraph:{root}"
    assert run_cli("load", "--store", store).exit_code == 0
    expected = run_cli("query", "participants", "--store", store, "--format", "csv").stdout
    seed_triples = _stored(store, _count)
    interrupted = 0
    big = BIG // 2
    for delay in (0.0, 0.7, 1.4):
        loader = _python(_BIG_LOAD, store, str(big))
        _wait_for(loader, "writing")
        _wait_for_new_generation(root, loader)
        time.sleep(delay)
        loader.kill()  # SIGKILL, as kill -9
        loader.wait()
        total = _stored(store, _count)
        # All or nothing: the earlier data alone, or the earlier data and every new triple.
        assert total in (seed_triples, seed_triples + big), f"killed after {delay} s: {total} triples"
        after = run_cli("query", "participants", "--store", store, "--format", "csv")
        assert after.exit_code == 0, after.stderr
        assert after.stdout == expected
        if len([p for p in root.iterdir() if p.name.startswith("g-")]) > 1:
            interrupted += 1
            # The next load removes what the killed one left, and says so.
            again = run_cli("load", "--store", store)
            assert again.exit_code == 0, again.stderr
            assert "removed what an interrupted load had left" in again.stdout
            generations = sorted(p.name for p in root.iterdir() if p.name.startswith("g-"))
            assert generations == [os.readlink(root / ACTIVE)]
    assert interrupted, "no kill landed inside a load; the test proved nothing"
    assert (root / MARKER).exists()


_FULL_DISK = """
import resource, signal, sys
import pyoxigraph as ox
from seminargraph import StoreError
from seminargraph.inputs.mapping import new_dataset
from seminargraph.store import oxigraph_of, write_store
lines = "".join(f'<https://big.example/s{i}> <https://big.example/p> "value {i}" <https://big.example/g> .\\n'
                for i in range(50_000))
dataset = new_dataset()
oxigraph_of(dataset).bulk_load(lines.encode(), format=ox.RdfFormat.N_QUADS)
# No file may grow past 256 kB: writing more fails as on a full disk.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
try:
    write_store(sys.argv[1], dataset)
except StoreError as exc:
    print(exc)
"""


def test_a_load_that_runs_out_of_space_changes_nothing(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    root = tmp_path / "kg"
    store = f"oxigraph:{root}"
    assert run_cli("load", "--store", store).exit_code == 0
    before = sorted(p.name for p in root.iterdir())
    expected = run_cli("query", "participants", "--store", store, "--format", "csv").stdout
    full = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, store], capture_output=True, text=True, timeout=120, check=False
    )
    assert full.stdout.startswith(f"{root}: the load failed and changed nothing: IO error")
    assert "File too large" in full.stdout
    assert sorted(p.name for p in root.iterdir()) == before
    assert run_cli("query", "participants", "--store", store, "--format", "csv").stdout == expected
    # With room again, the store takes loads as before.
    assert run_cli("load", "--store", store, str(MINIMAL)).exit_code == 0


def test_library_write_store_reports_what_it_wrote(tmp_path: Path) -> None:
    graph = load_graph(MINIMAL)
    report = write_store(f"oxigraph:{tmp_path / 'kg'}", graph)
    assert report.triples == sum(1 for _ in graph.quads((None, None, None, None)))
    assert len(report.graphs) == 2
    assert report.leftovers == []


def test_a_load_whose_data_cannot_be_synced_to_disk_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from seminargraph.store import disk

    root = tmp_path / "kg"
    write_store(f"oxigraph:{root}", load_graph())
    before = sorted(p.name for p in root.iterdir())

    def failing(path: Path, flags: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))

    monkeypatch.setattr(disk, "_fsync", failing)
    with pytest.raises(StoreError, match=re.escape(f"{root}: the load failed and changed nothing: ")):
        write_store(f"oxigraph:{root}", load_graph(MINIMAL))
    monkeypatch.undo()
    assert sorted(p.name for p in root.iterdir()) == before
    assert "Anna Berg" not in _stored(f"oxigraph:{root}", _people)


def test_a_leftover_that_cannot_be_removed_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seminargraph.store import disk

    root = tmp_path / "kg"
    write_store(f"oxigraph:{root}", load_graph())
    (root / "g-000009").mkdir()

    def failing(path: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(disk.shutil, "rmtree", failing)
    with pytest.raises(StoreError) as failure:
        write_store(f"oxigraph:{root}", load_graph(MINIMAL))
    assert str(failure.value) == (
        f"{root}: cannot remove g-000009, left by an interrupted load: Permission denied; "
        "remove it by hand and load again"
    )
    monkeypatch.undo()
    assert "Anna Berg" not in _stored(f"oxigraph:{root}", _people)


def test_a_checkpoint_staging_folder_left_by_a_killed_load_is_removed_and_reported(tmp_path: Path) -> None:
    # Oxigraph copies the active generation into ``g-NNNNNN.tmp`` and renames it when done; a load
    # killed during that copy leaves the staging folder behind (seen in CI).
    root = tmp_path / "kg"
    write_store(f"oxigraph:{root}", load_graph())
    active = os.readlink(root / ACTIVE)
    staging = root / f"g-{int(active[2:]) + 1:06d}.tmp"
    staging.mkdir()
    (staging / "000001.sst").write_bytes(b"half a copy")
    report = write_store(f"oxigraph:{root}", load_graph(MINIMAL))
    assert report.leftovers == [staging.name]
    assert f"removed what an interrupted load had left: {staging.name}" in report.text()
    generations = sorted(p.name for p in root.iterdir() if p.name.startswith("g-"))
    assert generations == [os.readlink(root / ACTIVE)]
    assert int(os.readlink(root / ACTIVE)[2:]) > int(staging.name[2:8]), "numbers never go back"
    assert "Anna Berg" in _stored(f"oxigraph:{root}", _people)


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
