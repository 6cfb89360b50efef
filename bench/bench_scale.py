"""Festival scale: loading, the named queries, reopening and start-up, against the engine underneath.

A generated festival programme in the project's model (one festival a year with its seminars, each
seminar with its own source document quoting every fact, an organiser and two to four guests drawn
from a pool of people, each person with an affiliation; no shortcut edges: the load derives them)
is written as one N-Quads file per year and measured three ways:

- ``seminargraph``: the command ``seminargraph load --store oxigraph:DIR`` (validation included),
  then the library's ``run_query`` on ``open_graph("oxigraph:DIR")`` (id look-up included);
- ``pyoxigraph``: the floor: ``Store.bulk_load`` of the same files (plus the derived edges and the
  ontology) into an on-disk store, and the same bound query text through ``Store.query``;
- ``rdflib``: rdflib's in-memory Dataset and its SPARQL engine (sizes S and M only), each question
  stopped after RDFLIB_SECONDS.

Sizes: S (about 10k triples), M (a year: 4,000 seminars, about 300k) and L (ten years, about 3M;
only with ``--large``). Run from the repository root::

    .venv/bin/python bench/bench_scale.py --label after          # S and M
    .venv/bin/python bench/bench_scale.py --label after --large  # S, M and L
    .venv/bin/python bench/bench_scale.py --table                # the tables again, from the results

Results go to bench/results/scale.json (one entry per label and size; a new run replaces them)
and into the tables of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "scale.json"
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- bench_scale:start -->", "<!-- bench_scale:end -->"
BIN = Path(sys.executable).parent
SG = "https://seminargraph.example/ns#"
ID = "https://seminargraph.example/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
#: Sizes: (seminars a year, years).
SIZES = {"S": (110, 1), "M": (4_000, 1), "L": (4_000, 10)}
RDFLIB_SIZES = ("S", "M")
RDFLIB_SECONDS = 30.0
RUNS = 5
#: Runs of each of the one-thing questions and of the same text on raw pyoxigraph, taken in turns.
PAIRED_RUNS = 21

#: The question that also builds the rdflib Graph of a CONSTRUCT's answer (``result.graph``).
AS_RDFLIB_GRAPH = "one seminar as RDF, into an rdflib Graph"
#: The questions timed: a label, the named query and its parameters (ids of generated things).
QUESTIONS: list[tuple[str, str, dict[str, str]]] = [
    ("participants of one seminar", "participants", {"event": "y0-s7"}),
    ("moderators of one seminar", "moderators", {"event": "y0-s7"}),
    ("one seminar as RDF (event-graph)", "event-graph", {"event": "y0-s7"}),
    (AS_RDFLIB_GRAPH, "event-graph", {"event": "y0-s7"}),
    ("co-participants of a person", "co-participants", {"person": "p9"}),
    ("evidence for a person", "evidence", {"person": "p9"}),
    ("people of an organisation", "organisation-people", {"organisation": "o3"}),
    ("network of an organisation", "organisation-network", {"organisation": "o3"}),
    ("participants, all", "participants", {}),
    ("event hierarchy, all", "event-hierarchy", {}),
    ("organisations at more than one event", "shared-organisations", {}),
    ("inferred and ambiguous facts", "uncertain-facts", {}),
]
#: The questions whose parameter names one event, person or organisation: the 50 ms / 1.2x targets.
ONE_THING = {label for label, _name, params in QUESTIONS if params}
#: The network views timed: a label and the arguments of ``to_networkx`` (then ``render_html``).
VIEWS: list[tuple[str, dict[str, Any]]] = [
    ("one seminar", {"event": "y0-s7"}),
    ("one person at depth 2", {"focus": "p9", "depth": 2}),
    ("one organisation", {"focus": "o3"}),
]
#: What the server is asked over HTTP on loopback: a label and the request (path, or SPARQL text).
SERVER_ASKS: list[tuple[str, str]] = [
    ("named query: participants of one seminar (.json)", "/queries/participants.json?event=y0-s7&lang=sv"),
    ("named query: co-participants of a person (.json)", "/queries/co-participants.json?person=p9&lang=sv"),
    ("raw /sparql: participants of one seminar", "sparql"),
]


# --- the generated programme -----------------------------------------------------------------------


_SYLLABLES = ["ka", "ri", "mo", "len", "sa", "vi", "to", "ber", "na", "lu", "he", "dan", "jo", "ma"]


def _word(n: int) -> str:
    """A name-like word for the number ``n`` (letters only: names with digits break the shapes)."""
    parts = []
    while True:
        n, r = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[r])
        if n == 0:
            break
    return "".join(parts).capitalize()


def generate(seminars: int, years: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write one N-Quads file a year into ``folder``; return the files."""
    rnd = random.Random(seed)
    pool = seminars * years + 10
    organisations = max(5, pool // 4)
    seen_people: set[int] = set()
    files = []
    for year in range(years):
        lines: list[str] = []
        graph = f"<{ID}graph/festival-{2015 + year}>"

        def add(s: str, p: str, o: str, lines: list[str] = lines, graph: str = graph) -> None:
            lines.append(f"{s} {p} {o} {graph} .")

        def fact(kind: str, ident: str, cls: str, links: dict[str, str], quote: str, source: str) -> str:
            iri = f"<{ID}{kind}/{ident}>"
            add(iri, f"<{RDF_TYPE}>", f"<{SG}{cls}>")
            add(iri, f"<{SG}identifier>", f'"{ident}"')
            for prop, value in links.items():
                add(iri, f"<{SG}{prop}>", value)
            evidence = f"<{ID}evidence/{kind}--{ident}--1>"
            add(iri, f"<{SG}evidence>", evidence)
            add(evidence, f"<{RDF_TYPE}>", f"<{SG}Evidence>")
            add(evidence, f"<{SG}quote>", f'"{quote}"@sv')
            add(evidence, f"<{SG}source>", source)
            return iri

        festival = f"<{ID}event/y{year}>"
        add(festival, f"<{RDF_TYPE}>", f"<{SG}Event>")
        add(festival, f"<{RDF_TYPE}>", f"<{SG}Festival>")
        add(festival, f"<{SG}identifier>", f'"y{year}"')
        add(festival, f"<{SG}name>", f'"Festivalen {2015 + year}"@sv')
        add(festival, f"<{SG}year>", f'"{2015 + year}"^^<{XSD}gYear>')
        if year == 0:
            for o in range(organisations):
                org = f"<{ID}organisation/o{o}>"
                add(org, f"<{RDF_TYPE}>", f"<{SG}Organisation>")
                add(org, f"<{RDF_TYPE}>", f"<{SG}Company>")
                add(org, f"<{SG}identifier>", f'"o{o}"')
                add(org, f"<{SG}name>", f'"Organisation {_word(o)} AB"@sv')
                add(org, f"<{SG}name>", f'"Organisation {_word(o)} Ltd"@en')
        for s in range(seminars):
            ident = f"y{year}-s{s}"
            source = f"<{ID}source/{ident}>"
            event = f"<{ID}event/{ident}>"
            quotes: list[str] = []
            add(event, f"<{RDF_TYPE}>", f"<{SG}Event>")
            add(event, f"<{RDF_TYPE}>", f"<{SG}Seminar>")
            add(event, f"<{SG}identifier>", f'"{ident}"')
            add(event, f"<{SG}name>", f'"Seminarium {s} om styrning {2015 + year}"@sv')
            if s % 3:
                add(event, f"<{SG}name>", f'"Seminar {s} on governance {2015 + year}"@en')
            quote = f"Seminarium {s} hålls under Festivalen {2015 + year}."
            quotes.append(quote)
            links = {"part": event, "whole": festival, "status": f"<{SG}Stated>"}
            fact("inclusion", ident, "EventInclusion", links, quote, source)
            host = rnd.randrange(organisations)
            quote = f"Organisation {_word(host)} AB bjuder in till seminarium {s}."
            quotes.append(quote)
            links = {
                "agent": f"<{ID}organisation/o{host}>",
                "event": event,
                "role": f"<{SG}OrganiserRole>",
                "status": f"<{SG}Inferred>",
                "note": '"the host is the organiser"@en',
            }
            fact("participation", f"{ident}-o{host}", "Participation", links, quote, source)
            guests = rnd.sample(range(pool), rnd.randint(2, 4))
            if s == 7:
                guests[1] = 9  # p9 takes part in y*-s7, so the person asked about has company
            for n, p in enumerate(guests):
                name = f"{_word(p)} Svensson"
                person = f"<{ID}person/p{p}>"
                affiliation = f"<{ID}affiliation/p{p}>"
                org = p % organisations
                if p not in seen_people:
                    seen_people.add(p)
                    add(person, f"<{RDF_TYPE}>", f"<{SG}Person>")
                    add(person, f"<{SG}identifier>", f'"p{p}"')
                    add(person, f"<{SG}name>", f'"{name}"')
                    quote = f"{name}, konsult på Organisation {_word(org)} AB."
                    quotes.append(quote)
                    links = {
                        "member": person,
                        "organisation": f"<{ID}organisation/o{org}>",
                        "jobTitle": '"konsult"@sv',
                        "status": f"<{SG}Stated>",
                    }
                    fact("affiliation", f"p{p}", "Affiliation", links, quote, source)
                role = "ModeratorRole" if n == 0 else "PanelistRole"
                quote = f"{name} deltar i seminarium {s}."
                quotes.append(quote)
                links = {
                    "agent": person,
                    "event": event,
                    "role": f"<{SG}{role}>",
                    "inCapacityOf": affiliation,
                    "status": f"<{SG}Stated>",
                }
                fact("participation", f"{ident}-p{p}", "Participation", links, quote, source)
            add(source, f"<{RDF_TYPE}>", f"<{SG}SourceDocument>")
            add(source, f"<{SG}identifier>", f'"{ident}"')
            add(source, f"<{SG}title>", f'"Programpunkt {ident}"@sv')
            add(source, f"<{SG}language>", '"sv"')
            add(source, f"<{SG}content>", '"' + " ".join(quotes) + '"@sv')
        path = folder / f"festival-{2015 + year}.nq"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        files.append(path)
    return files


# --- measuring -----------------------------------------------------------------------------------


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def median_of(action: Callable[[], Any], runs: int = RUNS) -> tuple[Any, float]:
    """The answer and median seconds of ``runs`` runs after one warm-up (one run when it takes > 2 s)."""
    value, first = timed(action)
    if first > 2:
        return value, first
    times = [timed(action)[1] for _ in range(runs)]
    return value, statistics.median(times)


def paired_medians(
    first: Callable[[], Any], second: Callable[[], Any], runs: int = PAIRED_RUNS
) -> tuple[tuple[Any, float], tuple[Any, float]]:
    """Answers and median seconds of two actions run in turns, so that both see the same machine.

    Run one after the other, a burst of other work on the machine (or the store's caches warming)
    falls on one of them only; taken in turns, a ratio of the two is one of like with like.
    """
    answers = (first(), second())  # warm-up
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for index, action in enumerate((first, second)):
            times[index].append(timed(action)[1])
    return (answers[0], statistics.median(times[0])), (answers[1], statistics.median(times[1]))


def limited(action: Callable[[], Any], seconds: float | None = None) -> tuple[Any, float]:
    """Median of three runs of ``action`` in a forked child, each stopped after ``seconds``."""
    seconds = RDFLIB_SECONDS if seconds is None else seconds
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe()

    def run() -> None:
        value, first = timed(action)
        times = [first]
        if first < 5:
            times += [timed(action)[1] for _ in range(2)]
        child.send((value, statistics.median(times)))

    process = context.Process(target=run)
    process.start()
    if parent.poll(seconds + 15):
        answer = parent.recv()
        process.join()
        return answer  # type: ignore[no-any-return]
    process.kill()
    process.join()
    return None, float("inf")


def run_child(args: list[str]) -> tuple[float, float, str]:
    """Run a command; its wall seconds, its peak RSS in MB, and its output."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, output


def _count(result: Any) -> int:
    if isinstance(result, ox.QuerySolutions):
        return sum(1 for _ in result)
    if isinstance(result, ox.QueryTriples):
        return sum(1 for _ in result)
    return int(bool(result))


def measure(size: str, scratch: Path, *, rdflib: bool, whole_graph: bool = True) -> dict[str, Any]:
    from rdflib import Literal

    from seminargraph import run_query
    from seminargraph.query import DEFAULT_LANG, get_query, resolve_parameter
    from seminargraph.query import bind as bind_text
    from seminargraph.store import open_graph

    seminars, years = SIZES[size]
    folder = scratch / f"data-{size}"
    folder.mkdir()
    files = generate(seminars, years, folder)
    row: dict[str, Any] = {"size": size, "seminars": seminars * years, "rdflib limit": RDFLIB_SECONDS}
    print(f"{size}: {seminars * years:,} seminars in {len(files)} file(s)", flush=True)

    # Load with the command, as a user would; validation included.
    target = scratch / f"kg-{size}"
    seconds, rss, output = run_child(
        [str(BIN / "seminargraph"), "load", "--store", f"oxigraph:{target}", *map(str, files)]
    )
    row["load | seminargraph"], row["load rss | seminargraph"] = seconds, rss
    row["triples"] = sum(int(x.replace(",", "")) for x in _triples_in(output))
    print(f"  load seminargraph {seconds:.2f} s, {rss:.0f} MB; {row['triples']:,} triples", flush=True)

    # The floor: the same triples (derived edges and ontology included) bulk-loaded by pyoxigraph.
    disk = open_graph(f"oxigraph:{target}")
    inner = disk.store._inner  # type: ignore[attr-defined]
    everything = scratch / f"all-{size}.nq"
    inner.dump(str(everything), format=ox.RdfFormat.N_QUADS)
    disk.close()
    floor_dir = scratch / f"ox-{size}"
    code = (
        "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); "
        "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS); s.flush()"
    )
    seconds, rss, _ = run_child([sys.executable, "-c", code, str(floor_dir), str(everything)])
    row["load | pyoxigraph"], row["load rss | pyoxigraph"] = seconds, rss
    print(f"  load pyoxigraph {seconds:.2f} s, {rss:.0f} MB", flush=True)
    floor = ox.Store.read_only(str(floor_dir))

    graphs: dict[str, Any] = {"seminargraph": open_graph(f"oxigraph:{target}")}
    if rdflib:
        from rdflib import Dataset

        def load_rdflib() -> Dataset:
            dataset = Dataset(default_union=True)
            dataset.parse(str(everything), format="nquads")
            return dataset

        graphs["rdflib"], row["load | rdflib"] = timed(load_rdflib)
        print(f"  load rdflib {row['load | rdflib']:.2f} s", flush=True)

    for label, name, params in QUESTIONS:
        if not whole_graph and label not in ONE_THING:
            continue
        named = get_query(name)
        sg_graph = graphs["seminargraph"]
        bindings: dict[str, Any] = {"lang": Literal(DEFAULT_LANG)}
        for key, value in params.items():
            bindings[named.parameter(key).variable] = resolve_parameter(sg_graph, named.parameter(key), value)
        text = bind_text(named.text, bindings)
        if label == QUESTIONS[0][0]:
            first_text = text  # participants of one seminar: the first query after reopening

        def ask_floor(text: str = text) -> int:
            return _count(floor.query(text, use_default_graph_as_union=True))

        def ask(graph: Any, name: str = name, params: dict[str, str] = params, label: str = label) -> int:
            # The answer as the API gives it: rows of rdflib terms, or a CONSTRUCT's triples of
            # rdflib terms; the rdflib Graph of those triples (with its indexes) is built on first
            # use, measured on its own.
            result = run_query(graph, name, params=params)
            if label == AS_RDFLIB_GRAPH:
                return len(result.graph or ())
            return len(result)

        if label in ONE_THING:
            (rows, floor_seconds), (got, ours) = paired_medians(ask_floor, partial(ask, sg_graph))
        else:
            rows, floor_seconds = median_of(ask_floor)
            got, ours = median_of(partial(ask, sg_graph))
        row[f"{label} | pyoxigraph"], row[f"{label} | seminargraph"] = floor_seconds, ours
        row[f"{label} | rows"] = got
        if got != rows:
            print(f"  !! {label}: seminargraph gives {got} rows, pyoxigraph {rows}", flush=True)
        if rdflib and label != AS_RDFLIB_GRAPH:  # rdflib's engine gives its Graph in either case
            _, row[f"{label} | rdflib"] = limited(partial(ask, graphs["rdflib"]))
        stores = ("seminargraph", "pyoxigraph", "rdflib")
        cells = ", ".join(f"{s} {row.get(f'{label} | {s}', 0):.4f}" for s in stores)
        print(f"  {label} ({got} rows): {cells}", flush=True)
    row.update(measure_views(graphs, rdflib=rdflib))
    graphs["seminargraph"].close()
    graphs.pop("rdflib", None)
    row.update(measure_server(target, first_text))

    # Reopen and answer a first query in a new process: the library's, and pyoxigraph's.
    first = (
        "import sys, time; t = time.perf_counter(); from seminargraph import run_query; "
        "from seminargraph.store import open_graph; g = open_graph('oxigraph:' + sys.argv[1]); "
        "n = len(run_query(g, 'participants', event='y0-s7').rows); print(time.perf_counter() - t)"
    )
    runs = [float(run_child([sys.executable, "-c", first, str(target)])[2].split()[-1]) for _ in range(3)]
    row["reopen + first query | seminargraph"] = statistics.median(runs)
    first_ox = (
        "import sys, time; t = time.perf_counter(); import pyoxigraph as ox; "
        "s = ox.Store.read_only(sys.argv[1]); "
        "n = len(list(s.query(sys.argv[2], use_default_graph_as_union=True))); print(time.perf_counter() - t)"
    )
    runs = [
        float(run_child([sys.executable, "-c", first_ox, str(floor_dir), first_text])[2].split()[-1])
        for _ in range(3)
    ]
    row["reopen + first query | pyoxigraph"] = statistics.median(runs)
    print(f"  reopen + first query {row['reopen + first query | seminargraph']:.3f} s", flush=True)
    command = [str(BIN / "seminargraph"), "query", "participants", "-p", "event=y0-s7"]
    runs = [run_child([*command, "--store", f"oxigraph:{target}"])[0] for _ in range(3)]
    row["command: query participants of one seminar | seminargraph"] = statistics.median(runs)
    for path in (target, floor_dir, folder):
        shutil.rmtree(path)
    everything.unlink()
    return row


def measure_views(graphs: dict[str, Any], *, rdflib: bool) -> dict[str, Any]:
    """Projection (``to_networkx``) and page (``render_html``) of one seminar, person, organisation."""
    from seminargraph import to_networkx
    from seminargraph.network.page import render_html

    row: dict[str, Any] = {}
    for label, options in VIEWS:

        def project(graph: Any, options: dict[str, Any] = options) -> int:
            return len(to_networkx(graph, **options))

        def project_and_page(graph: Any, options: dict[str, Any] = options) -> int:
            network = to_networkx(graph, **options)
            render_html(network)
            return len(network)

        ours = graphs["seminargraph"]
        nodes, row[f"view {label} | projection"] = median_of(partial(project, ours))
        _, row[f"view {label} | projection + page"] = median_of(partial(project_and_page, ours))
        row[f"view {label} | nodes"] = nodes
        if rdflib:
            _, row[f"view {label} | rdflib projection"] = limited(partial(project, graphs["rdflib"]))
        print(
            f"  view {label} ({nodes} nodes): projection {row[f'view {label} | projection']:.4f} s, "
            f"with the page {row[f'view {label} | projection + page']:.4f} s, "
            f"rdflib {row.get(f'view {label} | rdflib projection', 0):.4f} s",
            flush=True,
        )
    return row


def measure_server(target: Path, sparql_text: str) -> dict[str, Any]:
    """Latency of ``seminargraph serve --store oxigraph:DIR`` on loopback: named queries and /sparql."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(BIN / "seminargraph"), "serve", "--store", f"oxigraph:{target}", "--port", str(port)]
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below, after the server)
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    row: dict[str, Any] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if client.get("/health").json().get("status") == "ok":
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    log.seek(0)
                    said = log.read().decode("utf-8", "replace")[-2000:]
                    raise RuntimeError(f"seminargraph serve did not come up:\n{said}")
                time.sleep(0.2)
            for label, ask in SERVER_ASKS:

                def request(ask: str = ask) -> int:
                    if ask == "sparql":
                        answer = client.post(
                            "/sparql",
                            content=sparql_text.encode("utf-8"),
                            headers={
                                "Content-Type": "application/sparql-query",
                                "Accept": "application/sparql-results+json",
                            },
                        )
                        answer.raise_for_status()
                        return len(answer.json()["results"]["bindings"])
                    answer = client.get(ask)
                    answer.raise_for_status()
                    return len(answer.json()["rows"]) if "rows" in answer.json() else len(answer.json())

                rows, row[f"server {label} | seconds"] = median_of(request, runs=RUNS * 2)
                row[f"server {label} | rows"] = rows
                took = row[f"server {label} | seconds"] * 1000
                print(f"  server {label} ({rows} rows): {took:.1f} ms", flush=True)
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    return row


def _triples_in(output: str) -> list[str]:
    # "loaded 2 graph(s), 123,456 triples, into ..." (the ontology included)
    for line in output.splitlines():
        if line.startswith("loaded "):
            return [line.split(", ")[1].split()[0]]
    return ["0"]


def startup() -> dict[str, float]:
    """Median wall seconds of ``seminargraph --help`` and ``seminargraph queries`` (seven runs)."""
    found = {}
    for label, args in (("--help", ["--help"]), ("queries", ["queries"])):
        runs = [run_child([str(BIN / "seminargraph"), *args])[0] for _ in range(7)]
        found[label] = statistics.median(runs)
    return found


# --- tables ----------------------------------------------------------------------------------------


def _ms(value: float | None, limit: float = RDFLIB_SECONDS) -> str:
    if value is None:
        return "–"
    if value == float("inf"):
        return f"> {limit * 1000:,.0f}"
    return f"{value * 1000:,.1f}" if value < 10 else f"{value * 1000:,.0f}"


def _limit(row: dict[str, Any]) -> float:
    # The seconds after which rdflib was stopped in that run (30 in runs that did not say).
    return float(row.get("rdflib limit", 30.0))


def tables(saved: dict[str, Any]) -> str:
    out = [f"Measured on {saved['machine']}."]
    for label, entry in saved["runs"].items():
        out += ["", f"### {label}", "", entry.get("note", ""), ""]
        start = entry.get("startup")
        if start:
            out.append(
                f"Start-up (median of seven, wall): `seminargraph --help` {start['--help']:.2f} s, "
                f"`seminargraph queries` {start['queries']:.2f} s."
            )
            out.append("")
        rows = [entry["sizes"][s] for s in ("S", "M", "L") if s in entry["sizes"]]
        if not rows:
            continue
        out += [
            "| size | seminars | triples | load: seminargraph (s) | peak RSS (MB) | load: pyoxigraph (s) "
            "| ratio | load: rdflib (s) | reopen + first query (s) | `seminargraph query` command (s) |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in rows:
            ratio = r["load | seminargraph"] / r["load | pyoxigraph"]
            rdflib = f"{r['load | rdflib']:.1f}" if "load | rdflib" in r else "–"
            out.append(
                f"| {r['size']} | {r['seminars']:,} | {r['triples']:,} | {r['load | seminargraph']:.1f} "
                f"| {r['load rss | seminargraph']:,.0f} | {r['load | pyoxigraph']:.1f} | {ratio:.1f}x "
                f"| {rdflib} | {r['reopen + first query | seminargraph']:.2f} "
                f"| {r.get('command: query participants of one seminar | seminargraph', 0):.2f} |"
            )
        out += [
            "",
            "| question | size | rows | seminargraph (ms) | pyoxigraph (ms) | ratio | rdflib (ms) "
            "| rdflib / seminargraph |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for question, _name, _params in QUESTIONS:
            for r in rows:
                ours, floor = r.get(f"{question} | seminargraph"), r.get(f"{question} | pyoxigraph")
                theirs = r.get(f"{question} | rdflib")
                if ours is None and floor is None and theirs is None:
                    continue  # a question this run did not have
                ratio = f"{ours / floor:.2f}x" if ours and floor else "–"
                speedup = _speedup(theirs, ours, r)
                out.append(
                    f"| {question} | {r['size']} | {r.get(f'{question} | rows', '')} | {_ms(ours)} "
                    f"| {_ms(floor)} | {ratio} | {_ms(theirs, _limit(r))} | {speedup} |"
                )
        out += _view_tables(rows)
    return "\n".join(out)


def _speedup(theirs: float | None, ours: float | None, row: dict[str, Any]) -> str:
    # rdflib's time over ours; when rdflib was stopped, at least its limit over ours.
    if not theirs or not ours:
        return "–"
    if theirs == float("inf"):
        return f"> {_limit(row) / ours:,.0f}x"
    return f"{theirs / ours:,.0f}x"


def _view_tables(rows: list[dict[str, Any]]) -> list[str]:
    if not any(f"view {VIEWS[0][0]} | projection" in r for r in rows):
        return []
    out = [
        "",
        "| network view | size | nodes | projection (ms) | projection + page (ms) | rdflib projection (ms) "
        "| rdflib / seminargraph |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, _options in VIEWS:
        for r in rows:
            ours, theirs = r.get(f"view {label} | projection"), r.get(f"view {label} | rdflib projection")
            speedup = _speedup(theirs, ours, r)
            out.append(
                f"| {label} | {r['size']} | {r.get(f'view {label} | nodes', '')} | {_ms(ours)} "
                f"| {_ms(r.get(f'view {label} | projection + page'))} | {_ms(theirs, _limit(r))} "
                f"| {speedup} |"
            )
    if any(f"server {SERVER_ASKS[0][0]} | seconds" in r for r in rows):
        out += [
            "",
            "| server, over HTTP on loopback | size | rows | answer (ms) | pyoxigraph, the text alone (ms) |",
            "|---|---|---:|---:|---:|",
        ]
        # The question whose text each ask runs.
        floors = {
            SERVER_ASKS[0][0]: "participants of one seminar",
            SERVER_ASKS[1][0]: "co-participants of a person",
            SERVER_ASKS[2][0]: "participants of one seminar",
        }
        for label, _ask in SERVER_ASKS:
            for r in rows:
                out.append(
                    f"| {label} | {r['size']} | {r.get(f'server {label} | rows', '')} "
                    f"| {_ms(r.get(f'server {label} | seconds'))} "
                    f"| {_ms(r.get(f'{floors[label]} | pyoxigraph'))} |"
                )
    return out


def write_docs(saved: dict[str, Any]) -> None:
    text = DOCS.read_text("utf-8") if DOCS.exists() else f"# Performance\n\n{START}\n{END}\n"
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOCS.write_text(f"{head}{START}\n{tables(saved)}\n{END}{tail}", "utf-8")


def main() -> None:
    global RDFLIB_SECONDS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="now", help="keep the run under this label (e.g. before, after)")
    parser.add_argument("--large", action="store_true", help="measure L (ten years) too")
    parser.add_argument("--sizes", default="", help="comma-separated sizes to measure, e.g. S,M")
    parser.add_argument("--note", default="", help="a line about the run, shown above its tables")
    parser.add_argument("--table", action="store_true", help="only write the tables from the results")
    parser.add_argument(
        "--rdflib-seconds",
        type=float,
        default=RDFLIB_SECONDS,
        help="stop rdflib's questions after this",
    )
    parser.add_argument(
        "--skip-whole-graph",
        action="store_true",
        help="skip the questions over the whole graph; keep their figures from the label's last run",
    )
    parser.add_argument("--startup-only", action="store_true", help="measure only the start-up times")
    parser.add_argument(
        "--no-rdflib", action="store_true", help="skip rdflib; keep its figures from the label's last run"
    )
    args = parser.parse_args()
    RDFLIB_SECONDS = args.rdflib_seconds
    saved: dict[str, Any] = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {"runs": {}}
    if not args.table:
        sizes = args.sizes.split(",") if args.sizes else ["S", "M", *(["L"] if args.large else [])]
        if args.startup_only:
            sizes = []
        saved["machine"] = (
            f"{platform.processor() or platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, pyoxigraph {ox.__version__}"
        )
        entry = saved["runs"].setdefault(args.label, {"sizes": {}})
        if args.note:
            entry["note"] = args.note
        entry["startup"] = startup()
        print(f"start-up: {entry['startup']}", flush=True)
        with tempfile.TemporaryDirectory() as scratch:
            for size in sizes:
                with_rdflib = size in RDFLIB_SIZES and not args.no_rdflib
                row = measure(size, Path(scratch), rdflib=with_rdflib, whole_graph=not args.skip_whole_graph)
                if args.skip_whole_graph:
                    kept = entry["sizes"].get(size, {})
                    questions = tuple(f"{q} |" for q, _n, _p in QUESTIONS if q not in ONE_THING)
                    row.update({k: v for k, v in kept.items() if k.startswith(questions)})
                if not with_rdflib:
                    kept = entry["sizes"].get(size, {})
                    row.update({k: v for k, v in kept.items() if "| rdflib" in k and k not in row})
                    if "rdflib limit" in kept:
                        row["rdflib limit"] = kept["rdflib limit"]  # the limit of the figures kept
                entry["sizes"][size] = row
                RESULTS.parent.mkdir(parents=True, exist_ok=True)
                RESULTS.write_text(json.dumps(saved, indent=2) + "\n", "utf-8")
    write_docs(saved)
    print(f"wrote the tables in {DOCS.relative_to(ROOT)} (results: {RESULTS.relative_to(ROOT)})")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
