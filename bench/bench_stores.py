"""Compare the stores on a generated large programme: loading, and the named queries.

Three ways to hold the graph: ``memory`` (Oxigraph in memory, through rdflib: the default),
``oxigraph:DIR`` (the on-disk store that ``seminargraph load`` writes; read through rdflib too) and
rdflib's own in-memory store with rdflib's SPARQL engine (what a plain ``rdflib.Dataset`` gives).
The programmes are generated in the shape of authored data: seminars inside festivals, four or
five people at each, every fact with its status and a quoted sentence. Run from the repository root::

    .venv/bin/python bench/bench_stores.py              # 200, 2,000 and 10,000 seminars
    .venv/bin/python bench/bench_stores.py 500 2000     # some sizes
    .venv/bin/python bench/bench_stores.py --table      # the table again, from the last results

Results go to bench/results/stores.json and into the table of docs/stores.md. rdflib's engine is
run only up to RDFLIB_MAX seminars: beyond, single queries take minutes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset

from seminargraph import run_query, vocab
from seminargraph.inputs import add_ontology
from seminargraph.inputs.mapping import new_dataset
from seminargraph.query import execute
from seminargraph.rdfio import empty_dataset
from seminargraph.store import open_graph, oxigraph_of, write_store

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "stores.json"
DOCS = ROOT / "docs" / "stores.md"
START, END = "<!-- bench_stores:start -->", "<!-- bench_stores:end -->"
SIZES = (200, 2_000, 10_000)
#: rdflib's engine needs minutes for some of the questions: it runs on the smallest size only, and
#: each of its questions is stopped after RDFLIB_SECONDS (the table then says "> N").
RDFLIB_MAX = 200
RDFLIB_SECONDS = 120.0
SG = str(vocab.SG)
ID = vocab.DEFAULT_BASE
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
GRAPH = f"<{ID}graph/bench>"

#: The questions timed: a named query and its parameters (ids of generated things).
QUESTIONS: list[tuple[str, str, dict[str, str]]] = [
    ("participants, all", "participants", {}),
    ("participants of one seminar", "participants", {"event": "s7"}),
    ("moderators, all", "moderators", {}),
    ("co-participants of a person", "co-participants", {"person": "p9"}),
    ("people of an organisation", "organisation-people", {"organisation": "o3"}),
    ("evidence for a person", "evidence", {"person": "p9"}),
]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class Writer:
    """N-Quads of one generated source, in the shape of authored data."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} <{SG}{p}> {o} {GRAPH} .")

    def entity(self, kind: str, ident: str, cls: str, names: dict[str | None, str]) -> str:
        iri = f"<{ID}{kind}/{ident}>"
        self.lines.append(f"{iri} <{RDF_TYPE}> <{SG}{cls}> {GRAPH} .")
        if cls != kind.capitalize():
            self.lines.append(f"{iri} <{RDF_TYPE}> <{SG}{kind.capitalize()}> {GRAPH} .")
        self.add(iri, "identifier", f'"{ident}"')
        for lang, name in names.items():
            self.add(iri, "name", f'"{name}"' + (f"@{lang}" if lang else ""))
        return iri

    def fact(
        self, kind: str, ident: str, cls: str, links: dict[str, str], quote: str, status: str = "Stated"
    ) -> str:
        iri = f"<{ID}{kind}/{ident}>"
        self.lines.append(f"{iri} <{RDF_TYPE}> <{SG}{cls}> {GRAPH} .")
        self.add(iri, "identifier", f'"{ident}"')
        self.add(iri, "status", f"<{SG}{status}>")
        for prop, value in links.items():
            self.add(iri, prop, value)
        evidence = f"<{ID}{kind}/{ident}/evidence/1>"
        self.add(iri, "evidence", evidence)
        self.lines.append(f"{evidence} <{RDF_TYPE}> <{SG}Evidence> {GRAPH} .")
        self.add(evidence, "quote", f'"{quote}"@sv')
        self.add(evidence, "source", f"<{ID}source/bench>")
        self.add(evidence, "start", f'"0"^^<{XSD}integer>')
        self.add(evidence, "end", f'"{len(quote)}"^^<{XSD}integer>')
        return iri


def generate(seminars: int, seed: int = 1) -> bytes:
    """A programme of ``seminars`` seminars (four people each, a fifth now and then) as N-Quads."""
    rnd = random.Random(seed)
    w = Writer()
    source = f"<{ID}source/bench>"
    w.lines.append(f"{source} <{RDF_TYPE}> <{SG}SourceDocument> {GRAPH} .")
    w.add(source, "identifier", '"bench"')
    w.add(source, "title", '"Genererat program"@sv')
    w.add(source, "language", '"sv"')
    festivals = max(1, seminars // 200)
    organisations = max(5, seminars // 4)
    people = seminars * 4
    for f in range(festivals):
        w.entity("event", f"f{f}", "Festival", {"sv": f"Festival {f}", "en": f"Festival {f}"})
    for o in range(organisations):
        w.entity(
            "organisation", f"o{o}", "Company", {"sv": f"Organisation {o} AB", "en": f"Organisation {o} Ltd"}
        )
    for p in range(people):
        person = w.entity("person", f"p{p}", "Person", {None: f"Person {p} Svensson"})
        org = f"<{ID}organisation/o{rnd.randrange(organisations)}>"
        quote = f"Person {p} Svensson, konsult på organisationen."
        aff = w.fact("affiliation", f"p{p}", "Affiliation", {"member": person, "organisation": org}, quote)
        w.add(aff, "jobTitle", '"konsult"@sv')
        w.add(aff, "jobTitle", '"consultant"@en')
        w.add(person, "worksFor", org)
    for s in range(seminars):
        event = w.entity(
            "event", f"s{s}", "Seminar", {"sv": f"Seminarium {s} om styrning", "en": f"Seminar {s}"}
        )
        festival = f"<{ID}event/f{s % festivals}>"
        w.fact("inclusion", f"s{s}", "EventInclusion", {"part": event, "whole": festival}, f"Seminarium {s}.")
        w.add(event, "partOf", festival)
        host = f"<{ID}organisation/o{rnd.randrange(organisations)}>"
        links = {"agent": host, "event": event, "role": f"<{SG}OrganiserRole>"}
        w.fact("participation", f"s{s}-org", "Participation", links, f"Vi höll seminarium {s}.", "Inferred")
        w.add(event, "organiser", host)
        guests = [4 * s + k for k in range(4)]
        if rnd.random() < 0.2:
            guests.append(rnd.randrange(people))
        for n, p in enumerate(guests):
            role = "ModeratorRole" if n == 0 else "PanelistRole"
            person = f"<{ID}person/p{p}>"
            links = {
                "agent": person,
                "event": event,
                "role": f"<{SG}{role}>",
                "inCapacityOf": f"<{ID}affiliation/p{p}>",
            }
            quote = f"På seminarium {s} deltog Person {p} Svensson."
            w.fact("participation", f"s{s}-p{p}", "Participation", links, quote)
            w.add(event, "hasParticipant", person)
            w.add(event, "moderator" if n == 0 else "panelist", person)
    return ("\n".join(w.lines) + "\n").encode("utf-8")


def _ask(graph: Dataset, name: str, params: dict[str, str]) -> int:
    return len(run_query(graph, name, params=params).rows)


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def best(action: Callable[[], Any]) -> tuple[Any, float]:
    """Run once; when that took under a second, twice more, and keep the median."""
    value, first = timed(action)
    if first >= 1:
        return value, first
    times = [first] + [timed(action)[1] for _ in range(2)]
    return value, statistics.median(times)


def limited(action: Callable[[], Any]) -> tuple[Any, float]:
    """Run ``action`` in a forked child, stopped after RDFLIB_SECONDS: (its answer, seconds)."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()

    def run() -> None:
        child.send(timed(action))

    process = context.Process(target=run)
    process.start()
    if parent.poll(RDFLIB_SECONDS):
        answer, seconds = parent.recv()
        process.join()
        return answer, seconds
    process.kill()
    process.join()
    return None, float("inf")


def load_memory(data: bytes) -> Dataset:
    dataset = new_dataset()
    inner = oxigraph_of(dataset)
    assert inner is not None
    inner.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    add_ontology(dataset)
    return dataset


def load_rdflib(data: bytes) -> Dataset:
    dataset = empty_dataset(default_union=True)
    dataset.parse(data=data, format="nquads")
    add_ontology(dataset)
    return dataset


def measure(seminars: int, folder: Path) -> dict[str, Any]:
    data = generate(seminars)
    row: dict[str, Any] = {"seminars": seminars, "quads": data.count(b"\n")}
    print(f"{seminars} seminars: {row['quads']:,} quads", flush=True)
    memory, row["load memory"] = timed(lambda: load_memory(data))
    target = folder / f"kg-{seminars}"
    _, row["load oxigraph:DIR"] = timed(lambda: write_store(f"oxigraph:{target}", memory))
    disk, row["open oxigraph:DIR"] = timed(lambda: open_graph(f"oxigraph:{target}"))
    stores: dict[str, Dataset] = {"memory": memory, "oxigraph:DIR": disk}
    if seminars <= RDFLIB_MAX:
        stores["rdflib"], row["load rdflib"] = timed(lambda: load_rdflib(data))
    for label, name, params in QUESTIONS:
        for store, graph in stores.items():
            rows, seconds = (limited if store == "rdflib" else best)(partial(_ask, graph, name, params))
            row[f"{label} | {store}"] = seconds
            if rows is not None:
                row[f"{label} | rows"] = rows
        print(f"  {label}: " + ", ".join(f"{s} {row[f'{label} | {s}']:.3f}" for s in stores), flush=True)
    for store, graph in stores.items():
        count = partial(execute, graph, COUNT)
        _, row[f"count | {store}"] = (limited if store == "rdflib" else best)(count)
    disk.close()
    shutil.rmtree(target)
    return row


def _seconds(value: float | None) -> str:
    if value is None:
        return "not run"
    return f"> {RDFLIB_SECONDS:.0f}" if value == float("inf") else f"{value:.3f}"


def table(rows: list[dict[str, Any]]) -> str:
    stores = ["memory", "oxigraph:DIR", "rdflib"]
    out = [
        "| seminars | quads | load: memory | load: oxigraph:DIR | open: oxigraph:DIR | load: rdflib |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        keys = ["load memory", "load oxigraph:DIR", "open oxigraph:DIR", "load rdflib"]
        cells = [f"{r[k]:.2f}" if k in r else "not run" for k in keys]
        out.append(f"| {r['seminars']:,} | {r['quads']:,} | " + " | ".join(cells) + " |")
    out += [
        "",
        "| question | seminars | rows | memory | oxigraph:DIR | rdflib |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, _name, _params in [*QUESTIONS, ("count", "", {})]:
        for r in rows:
            rows_cell = f"{r[label + ' | rows']:,}" if f"{label} | rows" in r else ""
            cells = [_seconds(r.get(f"{label} | {s}")) for s in stores]
            out.append(f"| {label} | {r['seminars']:,} | {rows_cell} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(sizes: list[int]) -> None:
    """Measure ``sizes`` (or, with no sizes and --table, redo the table from the last results)."""
    if sizes == [-1]:
        saved = json.loads(RESULTS.read_text("utf-8"))
        machine, rows = saved["machine"], saved["rows"]
    else:
        machine = f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores"
        with tempfile.TemporaryDirectory() as scratch:
            rows = [measure(size, Path(scratch)) for size in sizes]
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n", "utf-8")
    text = DOCS.read_text("utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    note = f"Measured on {machine} (seconds; the median of three runs where one took under a second)."
    body = f"{START}\n{note}\n\n{table(rows)}\n{END}"
    DOCS.write_text(head + body + tail, "utf-8")
    print(f"wrote the table in {DOCS.relative_to(ROOT)} (results: {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    if sys.argv[1:] == ["--table"]:
        main([-1])
    else:
        main([int(a) for a in sys.argv[1:]] or list(SIZES))
