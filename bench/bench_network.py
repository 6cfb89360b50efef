"""Measure the network view as it grows: projection, layout, page, and the page in a browser.

Generates seminar programmes of about 100, 1,000, 5,000 and 20,000 people, organisations and
events (N-Triples in the shape seminargraph's own data has), loads each like a user's data, and
measures each step. Run it from the repository root::

    .venv/bin/python bench/bench_network.py            # every size
    .venv/bin/python bench/bench_network.py 100 1000   # some sizes

Results go to bench/results/network.json and into the table of docs/network.md. Browser timings
need Debian's chromium at /usr/bin/chromium (skipped, and said so, without it).
"""

from __future__ import annotations

import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from seminargraph import load_graph, render_html, to_networkx
from seminargraph.network.layout import compute_layout

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "network.json"
DOCS = ROOT / "docs" / "network.md"
CHROMIUM = Path("/usr/bin/chromium")
SIZES = (100, 1_000, 2_000, 5_000, 20_000)
SG = "https://seminargraph.example/ns#"
ID = "https://seminargraph.example/id/"
ROLES = ("PanelistRole", "PanelistRole", "PanelistRole", "SpeakerRole", "ParticipantRole")


def generate(size: int, seed: int = 1) -> str:
    """N-Triples of ``size`` people, organisations and events, shaped like authored data."""
    rnd = random.Random(seed)
    festivals = max(1, size // 500)
    seminars = max(2, size * 15 // 100)
    organisations = max(2, size // 10)
    people = size - festivals - seminars - organisations
    out: list[str] = []

    def entity(kind: str, ident: str, cls: str, name: str, lang: str | None) -> None:
        iri = f"<{ID}{kind}/{ident}>"
        literal = f'"{name}"' + (f"@{lang}" if lang else "")
        out.append(f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SG}{cls}> .")
        out.append(f'{iri} <{SG}identifier> "{ident}" .')
        out.append(f"{iri} <{SG}name> {literal} .")

    def fact(kind: str, ident: str, cls: str, links: dict[str, str], status: str = "Stated") -> None:
        iri = f"<{ID}{kind}/{ident}>"
        out.append(f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SG}{cls}> .")
        out.append(f"{iri} <{SG}status> <{SG}{status}> .")
        out.extend(f"{iri} <{SG}{prop}> {value} ." for prop, value in links.items())

    for f in range(festivals):
        entity("event", f"f{f}", "Festival", f"Festival {f}", "sv")
    for s in range(seminars):
        entity("event", f"s{s}", "Seminar", f"Seminarium {s} om beslutsstöd", "sv")
        fact(
            "inclusion",
            f"s{s}",
            "EventInclusion",
            {"part": f"<{ID}event/s{s}>", "whole": f"<{ID}event/f{s % festivals}>"},
        )
        hosts = max(1, organisations // festivals)
        organiser = (
            f"<{ID}organisation/o{(s % festivals + festivals * rnd.randrange(hosts)) % organisations}>"
        )
        fact(
            "participation",
            f"s{s}-org",
            "Participation",
            {"agent": organiser, "event": f"<{ID}event/s{s}>", "role": f"<{SG}OrganiserRole>"},
            "Inferred",
        )
    for o in range(organisations):
        entity("organisation", f"o{o}", "Company", f"Organisation {o}", "sv")
        if o and rnd.random() < 0.1:
            parent = f"<{ID}organisation/o{rnd.randrange(o)}>"
            fact(
                "relation",
                f"o{o}",
                "OrganisationRelation",
                {"part": f"<{ID}organisation/o{o}>", "whole": parent, "relation": f"<{SG}unitOf>"},
            )
    # People keep to one festival's seminars and organisations, as people in one field do.
    per_festival = max(1, seminars // festivals)
    for p in range(people):
        person = f"<{ID}person/p{p}>"
        home = p % seminars
        festival = home % festivals
        entity("person", f"p{p}", "Person", f"Person {p} Svensson", None)
        organisation = (
            festival + festivals * rnd.randrange(max(1, organisations // festivals))
        ) % organisations
        fact(
            "affiliation",
            f"p{p}",
            "Affiliation",
            {
                "member": person,
                "organisation": f"<{ID}organisation/o{organisation}>",
                "jobTitle": '"konsult"@sv',
            },
        )
        # everyone at one seminar, one in five at a second one, mostly of the same festival
        events = [home]
        if rnd.random() < 0.2:
            same = festival + festivals * rnd.randrange(per_festival)
            events.append(same if same < seminars and rnd.random() < 0.8 else rnd.randrange(seminars))
        for n, s in enumerate(events):
            role = "ModeratorRole" if p < seminars else rnd.choice(ROLES)
            fact(
                "participation",
                f"p{p}-{n}",
                "Participation",
                {
                    "agent": person,
                    "event": f"<{ID}event/s{s}>",
                    "role": f"<{SG}{role}>",
                    "inCapacityOf": f"<{ID}affiliation/p{p}>",
                },
            )
    return "\n".join(out) + "\n"


def timed(action: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def measure(size: int, folder: Path) -> dict[str, Any]:
    data = folder / f"programme-{size}.nt"
    data.write_text(generate(size), "utf-8")
    graph, load = timed(lambda: load_graph(data))
    network, project = timed(lambda: to_networkx(graph))
    _, layout = timed(lambda: compute_layout(network))
    page, render = timed(lambda: render_html(network))
    html = folder / f"network-{size}.html"
    html.write_text(page, "utf-8")
    focus, focus_time = timed(lambda: to_networkx(graph, focus="p0", depth=1))
    event, event_time = timed(lambda: to_networkx(graph, event="s0"))
    row = {
        "size": size,
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "load_s": round(load, 2),
        "project_s": round(project, 2),
        "layout_s": round(layout, 2),
        "render_s": round(render, 2),
        "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
        "focus_view_s": round(focus_time, 3),
        "focus_view_nodes": focus.number_of_nodes(),
        "event_view_s": round(event_time, 3),
        "event_view_nodes": event.number_of_nodes(),
    }
    row.update(browser(html))
    return row


def browser(html: Path) -> dict[str, Any]:
    if not CHROMIUM.exists():
        print("note: no /usr/bin/chromium, browser timings skipped", file=sys.stderr)
        return {}
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[*args, "--no-first-run"])
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=600_000)
        first_draw = time.perf_counter() - start
        redraws = page.evaluate(
            """() => { const net = window.seminargraph.network; const times = [];
                for (let i = 0; i < 7; i++) { net.moveTo({ scale: net.getScale() * (i % 2 ? 1.25 : 0.8) });
                  const t = performance.now(); net.redraw(); times.push(performance.now() - t); }
                return times; }"""
        )
        zoomed = page.evaluate(
            """() => { const sg = window.seminargraph, net = sg.network;
                net.moveTo({ scale: 1.0 }); sg.relabel();
                const times = [];
                for (let i = 0; i < 5; i++) {
                  const t = performance.now(); net.redraw(); times.push(performance.now() - t); }
                return times.sort((a, b) => a - b)[2]; }"""
        )
        heap = page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : 0")
        if html.stem.endswith("-5000"):
            page.evaluate("window.seminargraph.network.fit()")
            page.screenshot(path=str(ROOT / "docs" / "img" / "network-5000.jpg"), type="jpeg", quality=70)
        chromium.close()
    return {
        "first_draw_s": round(first_draw, 2),
        "redraw_ms": round(statistics.median(redraws), 1),
        "redraw_zoomed_in_ms": round(zoomed, 1),
        "heap_mb": round(heap / 1e6),
    }


COLUMNS = (
    ("nodes", "nodes"),
    ("edges", "links"),
    ("load_s", "load (s)"),
    ("project_s", "project (s)"),
    ("layout_s", "layout (s)"),
    ("render_s", "page incl. layout (s)"),
    ("page_mb", "page (MB)"),
    ("first_draw_s", "open to first draw (s)"),
    ("redraw_ms", "redraw, whole view (ms)"),
    ("redraw_zoomed_in_ms", "redraw at 100 % (ms)"),
    ("heap_mb", "JS heap (MB)"),
    ("focus_view_s", "--focus view (s)"),
    ("event_view_s", "--event view (s)"),
)
START, END = "<!-- bench:network:start -->", "<!-- bench:network:end -->"


def table(rows: list[dict[str, Any]], machine: str) -> str:
    head = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|" + "|".join("---:" for _ in COLUMNS) + "|"
    body = [
        "| "
        + " | ".join(
            f"{row.get(key, '–'):,}" if isinstance(row.get(key), int) else str(row.get(key, "–"))
            for key, _ in COLUMNS
        )
        + " |"
        for row in rows
    ]
    return "\n".join([f"Measured by `bench/bench_network.py` on {machine}.", "", head, rule, *body])


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or list(SIZES)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            row = measure(size, Path(tmp))
            print(json.dumps(row), flush=True)
            rows.append(row)
    python = f"Python {platform.python_version()}"
    machine = f"{platform.machine()}, {platform.system()}, {python}, {os.cpu_count()} cores"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": machine, "rows": rows}, indent=1) + "\n", "utf-8")
    if DOCS.exists() and START in DOCS.read_text("utf-8"):
        text = DOCS.read_text("utf-8")
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        DOCS.write_text(f"{before}{START}\n{table(rows, machine)}\n{END}{after}", "utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
