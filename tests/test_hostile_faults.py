"""Faults: the cases 20-22 of ../shared/HOSTILE.md, and the read-only file system of its "Also" list.

kill -9 during a load or an import, a full disk and a read-only output folder, two processes on one
on-disk store. Real full and read-only file systems are tmpfs mounts inside a private mount
namespace (``unshare``), so nothing is left mounted whatever happens; where that is not allowed, the
tests that need it skip and the file size limit (RLIMIT_FSIZE) stands in for a full disk.
"""

from __future__ import annotations

import csv
import errno
import functools
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import Result

from seminargraph import OutputError, StoreError, load_graph
from seminargraph.rdfio import write_atomic
from seminargraph.store import write_store
from seminargraph.store.disk import ACTIVE, MARKER
from test_programme import FIXTURES, TABLES
from test_server_support import start_server
from test_store import MINIMAL, _count, _people, _stored

SG = "https://seminargraph.example/ns#"


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE, text=True
    )


def _wait_for(process: subprocess.Popen[str], word: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line == word, f"expected {word!r} from the helper process, got {line!r}"


def _generations(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("g-"))


def _wait_for_new_generation(root: Path, process: subprocess.Popen[str], seconds: float = 120) -> None:
    """Wait until the load holds the store: its new generation folder exists beside the active one."""
    deadline = time.monotonic() + seconds
    while len(_generations(root)) < 2:
        assert process.poll() is None, "the load ended before it began writing"
        assert time.monotonic() < deadline, f"the load did not begin writing within {seconds} s"
        time.sleep(0.01)


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


def _big_table(folder: Path, rows: int, variant: int = 0) -> Path:
    """A programme table of the year 2033 with ``rows`` rows, made from the fixture's rows.

    Each ``variant`` words its titles apart, so that importing it is never a no-op.
    """
    source = list(csv.reader(io.StringIO((FIXTURES / "2031.csv").read_text("utf-8"), newline="")))
    header, body = source[0], source[1:]
    ident, title = header.index("id"), header.index("title")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for n in range(rows):
        row = list(body[n % len(body)])
        row[ident], row[title] = str(50_000 + n), f"{row[title]} {n}" + (f" ({variant})" if variant else "")
        row = [cell.replace("2031-", "2033-") for cell in row]
        writer.writerow(row)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2033.csv"
    path.write_text(out.getvalue(), "utf-8")
    return path


def _import_command(table: Path, root: Path, review: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "seminargraph",
        "import",
        str(table),
        "-m",
        "almedalsveckan",
        "--store",
        f"oxigraph:{root}",
        "--no-linked-data",
        "--review",
        str(review),
    ]


def _events_of_2033(root: Path) -> int:
    store = ox.Store.read_only(str(root / ACTIVE))
    try:
        result = store.query(
            f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{SG}identifier> ?id "
            'FILTER STRSTARTS(STR(?e), "https://seminargraph.example/id/event/almedalsveckan-2033-") }',
            use_default_graph_as_union=True,
        )
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)
    finally:
        del store


# --- 20. kill -9 of a load or an import ----------------------------------------------------------


@pytest.mark.slow
def test_case20_a_load_killed_at_any_moment_leaves_the_earlier_data_readable(
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
        if len(_generations(root)) > 1:
            interrupted += 1
            # The next load removes what the killed one left, and says so.
            again = run_cli("load", "--store", store)
            assert again.exit_code == 0, again.stderr
            assert "removed what an interrupted load had left" in again.stdout
            assert _generations(root) == [os.readlink(root / ACTIVE)]
    assert interrupted, "no kill landed inside a load; the test proved nothing"
    assert (root / MARKER).exists()


@pytest.mark.slow
def test_case20_an_import_killed_at_any_moment_keeps_all_or_none_of_its_table(tmp_path: Path) -> None:
    root = tmp_path / "kg"
    review = tmp_path / "review.tsv"
    first = subprocess.run(
        _import_command(TABLES[0], root, review), capture_output=True, text=True, timeout=300, check=False
    )
    assert first.returncode == 0, first.stderr
    earlier = _stored(f"oxigraph:{root}", _people)
    rows = 400
    interrupted = 0
    # Each kill at its own moment; the kills that follow the planned ones (at most three) make
    # sure the last one left a half-built generation for the next import to remove.
    delays = [0.0, 0.5, 1.5, 0.0, 0.0, 0.0]
    for attempt, delay in enumerate(delays):
        if attempt >= 3 and len(_generations(root)) > 1:
            break
        # a table of its own each time: one that landed whole before would make this a no-op
        table = _big_table(tmp_path / f"in-{attempt}", rows, variant=attempt)
        importer = subprocess.Popen(
            _import_command(table, root, tmp_path / "review-big.tsv"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _wait_for_new_generation(root, importer, seconds=300)
            time.sleep(delay)
        finally:
            importer.kill()  # SIGKILL, as kill -9
            importer.communicate()
        # The store opens, with the earlier import intact and the killed one's table all or not at all.
        assert _stored(f"oxigraph:{root}", _people) >= earlier
        assert _events_of_2033(root) in (0, rows)
        if len(_generations(root)) > 1:
            interrupted += 1
    assert interrupted and len(_generations(root)) > 1, "no kill landed inside an import's write"
    # The next import removes what the killed ones left, and says so.
    again = subprocess.run(
        _import_command(TABLES[1], root, review), capture_output=True, text=True, timeout=300, check=False
    )
    assert again.returncode == 0, again.stderr
    assert "removed what an interrupted load had left: g-" in again.stdout
    assert _generations(root) == [os.readlink(root / ACTIVE)]


def test_case20_a_leftover_that_cannot_be_removed_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def test_case20_a_checkpoint_staging_folder_left_by_a_killed_load_is_removed_and_reported(
    tmp_path: Path,
) -> None:
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
    assert _generations(root) == [os.readlink(root / ACTIVE)]
    assert int(os.readlink(root / ACTIVE)[2:]) > int(staging.name[2:8]), "numbers never go back"
    assert "Anna Berg" in _stored(f"oxigraph:{root}", _people)


# --- 21. a full disk, a read-only output folder ----------------------------------------------------


@functools.cache
def _unshare() -> list[str] | None:
    """The command that runs a shell in a private mount namespace where it may mount, or None."""
    if shutil.which("unshare") is None:
        return None
    command = ["unshare", "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    try:
        probe = subprocess.run(
            [*command, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt && umount /mnt"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return command if probe.returncode == 0 else None


def _in_private_mounts(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) where it may mount tmpfs; ``$SG`` runs seminargraph. Skips if not allowed."""
    command = _unshare()
    if command is None:
        pytest.skip("needs a private mount namespace (unshare --mount) to mount a tmpfs")
    sg = f"{shlex.quote(sys.executable)} -m seminargraph"
    return subprocess.run(
        [*command, "sh", "-euc", f"SG={shlex.quote(sg)}\n{script}"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _lines(output: str, mark: str) -> list[str]:
    """The lines of ``output`` after the line ``mark``, up to the next line starting with '=='."""
    lines = output.splitlines()
    start = lines.index(mark) + 1
    end = next((n for n in range(start, len(lines)) if lines[n].startswith("==")), len(lines))
    return lines[start:end]


def test_case21_a_build_onto_a_full_disk_names_the_path_and_leaves_no_partial_file(tmp_path: Path) -> None:
    disk = tmp_path / "small"
    disk.mkdir()
    done = _in_private_mounts(
        f"""
        mount -t tmpfs -o size=64k tmpfs {disk}
        mkdir {disk}/out && echo old > {disk}/out/graph.ttl
        set +e; $SG build -o {disk}/out; echo "== exit $?"; set -e
        echo "== files"; ls -A {disk}/out
        echo "== old"; cat {disk}/out/graph.ttl
        rm {disk}/out/graph.ttl
        echo "== again"; $SG build -o {disk}/out -f turtle; ls -A {disk}/out
        """
    )
    assert "== exit 1" in done.stdout, done.stdout + done.stderr
    assert re.search(
        rf"^error: {re.escape(str(disk))}/out/graph\.\w+: cannot write: No space left on device$",
        done.stderr,
        re.M,
    ), done.stderr
    assert "Traceback" not in done.stderr
    assert _lines(done.stdout, "== files") == ["graph.ttl"], "no temporary or half-written file"
    assert _lines(done.stdout, "== old") == ["old"]
    # With room again (a smaller build), the same folder takes the build.
    assert _lines(done.stdout, "== again")[-1] == "graph.ttl"


def test_case21_a_load_onto_a_full_disk_changes_nothing_and_works_once_there_is_room(tmp_path: Path) -> None:
    disk = tmp_path / "small"
    disk.mkdir()
    done = _in_private_mounts(
        f"""
        mount -t tmpfs -o size=8m tmpfs {disk}
        $SG load --store oxigraph:{disk}/kg > /dev/null
        ls -A {disk}/kg > {disk}/before
        cat /dev/zero > {disk}/filler 2> /dev/null || true
        set +e; $SG load --store oxigraph:{disk}/kg {MINIMAL}; echo "== exit $?"; set -e
        ls -A {disk}/kg | diff {disk}/before - && echo "== unchanged"
        rm {disk}/filler
        $SG load --store oxigraph:{disk}/kg {MINIMAL} > /dev/null && echo "== loaded"
        $SG query participants --store oxigraph:{disk}/kg --format csv
        """
    )
    assert "== exit 1" in done.stdout, done.stdout + done.stderr
    assert done.stderr.startswith(f"error: {disk}/kg: "), done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    assert "== unchanged" in done.stdout and "== loaded" in done.stdout
    assert "Anna Berg" in done.stdout


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
    print(type(exc).__name__, exc)
"""


def test_case21_a_load_past_the_file_size_limit_changes_nothing(
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
    assert full.stdout.startswith(f"DiskFull {root}: the load failed and changed nothing: IO error")
    assert "File too large" in full.stdout and f"free space on the disk that holds {root}" in full.stdout
    assert sorted(p.name for p in root.iterdir()) == before
    assert run_cli("query", "participants", "--store", store, "--format", "csv").stdout == expected
    # With room again, the store takes loads as before.
    assert run_cli("load", "--store", store, str(MINIMAL)).exit_code == 0


def test_case21_an_import_past_the_file_size_limit_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    root = tmp_path / "kg"
    review = tmp_path / "review.tsv"
    first = subprocess.run(
        _import_command(TABLES[0], root, review), capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    active = os.readlink(root / ACTIVE)
    table = _big_table(tmp_path / "in", 100)
    limited = (
        "import resource, runpy, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, resource.RLIM_INFINITY))\n"
        "sys.argv = ['seminargraph', *sys.argv[1:]]\n"
        "runpy.run_module('seminargraph', run_name='__main__')\n"
    )
    full = subprocess.run(
        [sys.executable, "-c", limited, *_import_command(table, root, tmp_path / "r2.tsv")[3:]],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert full.returncode == 1, full.stdout + full.stderr
    assert full.stderr.startswith(f"error: {root}: ") and "File too large" in full.stderr
    assert "Traceback" not in full.stderr
    assert os.readlink(root / ACTIVE) == active and _generations(root) == [active]
    assert _events_of_2033(root) == 0


def test_case21_a_full_disk_half_way_leaves_the_old_files_and_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.ttl").write_bytes(b"old a")
    calls = {"n": 0}
    real_fsync = os.fsync

    def fsync_fills_the_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_fills_the_disk)
    with pytest.raises(OutputError, match=r"b\.ttl: cannot write: No space left on device"):
        write_atomic({tmp_path / "a.ttl": b"new a", tmp_path / "b.ttl": b"new b"})
    assert (tmp_path / "a.ttl").read_bytes() == b"old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl"]


def test_case21_a_load_whose_data_cannot_be_synced_to_disk_changes_nothing(
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


def test_case21_a_read_only_output_folder_names_the_path_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    done = _in_private_mounts(
        f"""
        mount -t tmpfs -o ro,size=1m tmpfs {out}
        set +e; $SG build -o {out}; echo "== build $?"
        $SG query participants -o {out}/people.txt; echo "== query $?"
        $SG network -o {out}/net.graphml; echo "== network $?"
        $SG load --store oxigraph:{out}/kg; echo "== load $?"
        set -e; echo "== files"; ls -A {out}
        """
    )
    for command in ("build", "query", "network", "load"):
        assert f"== {command} 1" in done.stdout, done.stdout + done.stderr
    errors = done.stderr.splitlines()
    assert len(errors) == 4 and all(line.startswith("error: ") for line in errors), done.stderr
    assert all(str(out) in line and "Read-only file system" in line for line in errors), done.stderr
    assert _lines(done.stdout, "== files") == []


# --- 22. two processes on one on-disk store --------------------------------------------------------


def test_case22_a_load_while_another_process_reads_says_the_store_is_in_use(
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


@pytest.mark.slow
def test_case22_while_a_load_runs_other_loads_and_readers_are_told_the_store_is_in_use(
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


@pytest.mark.slow
def test_case22_two_importers_on_one_store_the_second_is_told_it_is_in_use(tmp_path: Path) -> None:
    root = tmp_path / "kg"
    first = subprocess.run(
        _import_command(TABLES[0], root, tmp_path / "r0.tsv"), capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    rows = 600
    table = _big_table(tmp_path / "in", rows)
    importer = subprocess.Popen(
        _import_command(table, root, tmp_path / "r1.tsv"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_new_generation(root, importer, seconds=300)
        second = subprocess.run(
            _import_command(TABLES[1], root, tmp_path / "r2.tsv"), capture_output=True, text=True, check=False
        )
        assert importer.poll() is None, "the first import ended before the second could try; make it larger"
    finally:
        _out, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    assert second.returncode == 1, second.stdout
    assert second.stderr.startswith("error: ") and "is in use by another process" in second.stderr
    assert "Traceback" not in second.stderr and "lock" not in second.stderr.lower()
    # The first import is whole; the second wrote nothing and can run now.
    assert _events_of_2033(root) == rows
    assert not (tmp_path / "r2.tsv").exists()
    again = subprocess.run(
        _import_command(TABLES[1], root, tmp_path / "r2.tsv"), capture_output=True, text=True, check=False
    )
    assert again.returncode == 0, again.stderr


@pytest.mark.slow
def test_case22_an_import_while_the_store_is_served_says_it_is_in_use(tmp_path: Path) -> None:
    root = tmp_path / "kg"
    first = subprocess.run(
        _import_command(TABLES[0], root, tmp_path / "r0.tsv"), capture_output=True, text=True, check=False
    )
    assert first.returncode == 0, first.stderr
    active = os.readlink(root / ACTIVE)
    server = start_server("--store", f"oxigraph:{root}")
    try:
        refused = subprocess.run(
            _import_command(TABLES[1], root, tmp_path / "r1.tsv"), capture_output=True, text=True, check=False
        )
        assert refused.returncode == 1, refused.stdout
        assert refused.stderr.startswith("error: ") and "is in use by another process" in refused.stderr
        assert "Traceback" not in refused.stderr
        # The server still answers, from the data it had.
        with urllib.request.urlopen(
            server.url + "sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", timeout=30
        ) as answer:
            assert answer.status == 200 and b"true" in answer.read()
    finally:
        server.stop()
    assert os.readlink(root / ACTIVE) == active


# --- Also: an on-disk store on a read-only file system ---------------------------------------------


def test_also_an_on_disk_store_on_a_read_only_file_system_can_be_queried(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    done = _in_private_mounts(
        f"""
        mount -t tmpfs -o size=50m tmpfs {disk}
        $SG load --store oxigraph:{disk}/kg > /dev/null
        mount -o remount,ro {disk}
        echo "== with its lock file"; $SG query moderators --store oxigraph:{disk}/kg --format csv
        mount -o remount,rw {disk}; rm {disk}/kg/lock; mount -o remount,ro {disk}
        echo "== without"; $SG query moderators --store oxigraph:{disk}/kg --format csv
        set +e; $SG load --store oxigraph:{disk}/kg {MINIMAL}; echo "== load $?"
        """
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for mark in ("== with its lock file", "== without"):
        rows = _lines(done.stdout, mark)
        assert rows[0].startswith("event,moderator") and any("Robin Askelöf" in row for row in rows), (
            done.stdout
        )
    assert "== load 1" in done.stdout
    assert (
        done.stderr.strip() == f"error: {disk}/kg: cannot open the store's lock file: Read-only file system"
    )
