"""Measure the pages of `seminargraph serve` on a generated large store: the query page, entity pages.

Builds an ``oxigraph:DIR`` store of a generated programme (bench_stores.generate: four people per
seminar, so 5,000 seminars give 20,000 people), starts the server's app with its worker process
as `seminargraph serve --store oxigraph:DIR` does, and asks it for pages through the app (no
socket). Each page is asked for once to warm up, then five times; the median is kept. The number
of SPARQL queries one page runs is counted separately, by running the page's data function in
this process with a counting wrapper around the query function. Run from the repository root::

    .venv/bin/python bench/bench_server.py                      # 5,000 seminars, label "now"
    .venv/bin/python bench/bench_server.py --label before 5000  # keep the run under a label
    .venv/bin/python bench/bench_server.py --table              # the table again, from the results

Results go to bench/results/server.json (one entry per label; a new run replaces its label's)
and into the table of docs/server.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stores import generate, load_memory
from seminargraph import query
from seminargraph.server import pagedata
from seminargraph.server.config import ServerConfig
from seminargraph.server.run import running
from seminargraph.store import open_graph, write_store

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "server.json"
DOCS = ROOT / "docs" / "server.md"
START, END = "<!-- bench_server:start -->", "<!-- bench_server:end -->"
SEMINARS = 5_000
RUNS = 5

#: What is timed: a label and the path asked for.
PAGES: list[tuple[str, str]] = [
    ("query page", "/query?lang=en"),
    ("person page (p9)", "/person/p9?lang=en"),
    ("event page (seminar s7)", "/event/s7?lang=en"),
    ("organisation page (o3)", "/organisation/o3?lang=en"),
    ("event page (festival f0)", "/event/f0?lang=en"),
    ("suggestions: person 'svensson 12'", "/entities.json?kind=person&q=svensson+12&lang=en"),
    ("suggestions: person, no match", "/entities.json?kind=person&q=zzzz&lang=en"),
    ("people list (/people)", "/people?lang=en"),
]
#: The entity pages whose queries are counted: kind and id.
COUNTED = [("person", "p9"), ("event", "s7"), ("organisation", "o3"), ("event", "f0")]


@contextmanager
def counting() -> Iterator[list[int]]:
    """Count the SPARQL queries run through ``seminargraph.query.execute`` while the block runs."""
    calls = [0]
    original = query.execute

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    # The page data's own queries, and the one that finds the entity by its id.
    for module in (pagedata, query):
        module.execute = counted  # type: ignore[assignment]
    try:
        yield calls
    finally:
        for module in (pagedata, query):
            module.execute = original  # type: ignore[assignment]


async def _time_pages(app: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", timeout=600) as client:
        for label, path in PAGES:
            first = await client.get(path)
            if first.status_code == 404 and path.startswith("/entities.json"):
                print(f"  {label}: not served by this version", flush=True)
                continue
            if first.status_code != 200:
                raise SystemExit(f"{path}: HTTP {first.status_code}: {first.text[:300]}")
            times = []
            for _ in range(RUNS):
                start = time.perf_counter()
                answer = await client.get(path)
                times.append(time.perf_counter() - start)
                assert answer.status_code == 200
            row[f"{label} | seconds"] = statistics.median(times)
            row[f"{label} | bytes"] = len(first.content)
            print(f"  {label}: {row[f'{label} | seconds']:.3f} s, {len(first.content):,} bytes", flush=True)
    return row


def measure(seminars: int, folder: Path) -> dict[str, Any]:
    data = generate(seminars)
    row: dict[str, Any] = {"seminars": seminars, "people": seminars * 4, "quads": data.count(b"\n")}
    print(f"{seminars} seminars, {seminars * 4:,} people: {row['quads']:,} quads", flush=True)
    store = f"oxigraph:{folder / 'kg'}"
    write_store(store, load_memory(data))
    graph = open_graph(store)
    for kind, ident in COUNTED:
        with counting() as calls:
            pagedata.entity(graph, kind, ident, "en")
        row[f"{kind} {ident} | queries"] = calls[0]
        print(f"  {kind} {ident}: {calls[0]} queries", flush=True)
    graph.close()
    config = ServerConfig(store=store, workers=1, time_limit=600.0)
    with running(config) as app:
        row.update(asyncio.run(_time_pages(app)))
    return row


def table(runs: dict[str, dict[str, Any]]) -> str:
    labels = list(runs)
    sizes = {
        f"{r['seminars']:,} seminars, {r['people']:,} people, {r['quads']:,} quads" for r in runs.values()
    }
    out = [f"Store: {', '.join(sorted(sizes))}.", ""]
    out += ["| page | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
    for label, _path in PAGES:
        cells = []
        for run in runs.values():
            seconds = run.get(f"{label} | seconds")
            cells.append("—" if seconds is None else f"{seconds:.3f} s")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out += ["", "| SPARQL queries for one entity page | " + " | ".join(labels) + " |"]
    out.append("|---|" + "---:|" * len(labels))
    for kind, ident in COUNTED:
        cells = [str(run.get(f"{kind} {ident} | queries", "—")) for run in runs.values()]
        out.append(f"| {kind} {ident} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("seminars", nargs="?", type=int, default=SEMINARS)
    parser.add_argument("--label", default="now", help="the column this run fills in the table")
    parser.add_argument("--table", action="store_true", help="only write the table from the results")
    options = parser.parse_args()
    saved = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {"runs": {}}
    if not options.table:
        machine = f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores"
        with tempfile.TemporaryDirectory() as scratch:
            row = measure(options.seminars, Path(scratch))
        row["machine"] = machine
        saved["runs"][options.label] = row
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(saved, indent=2) + "\n", "utf-8")
    write_docs(saved["runs"])


def write_docs(runs: dict[str, dict[str, Any]]) -> None:
    text = DOCS.read_text("utf-8")
    if START not in text:
        print(f"{DOCS.relative_to(ROOT)} has no {START} marker; the table is not written")
        return
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    machines = sorted({str(r.get("machine")) for r in runs.values()})
    note = f"Measured on {', '.join(machines)} (seconds per page, the median of {RUNS} asks)."
    DOCS.write_text(f"{head}{START}\n{note}\n\n{table(runs)}\n{END}{tail}", "utf-8")
    print(f"wrote the table in {DOCS.relative_to(ROOT)} (results: {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
