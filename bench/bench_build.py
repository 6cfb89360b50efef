"""Measure how `build` scales: authored YAML of N generated seminars -> graph -> SHACL -> files.

Usage: .venv/bin/python bench/bench_build.py [--sizes 10,100,1000] [--out docs/bench-build.md]
(--out replaces only the results block between the markers in that file.)

Each seminar has four panelists and a moderator, each with an affiliation at one of a pool of
organisations, every fact quoting a sentence of a generated source text. Times are wall-clock
seconds on this machine, one run each (the stages take seconds, not microseconds).
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from seminargraph.build import summarize
from seminargraph.inputs.authoring import load_file
from seminargraph.inputs.catalog import build_catalog
from seminargraph.inputs.mapping import Minter, add_catalog, new_dataset
from seminargraph.ontology import ONTOLOGY_GRAPH
from seminargraph.rdfio import FORMATS, serialize
from seminargraph.validate import validate_graph

FIRST = ["Anna", "Erik", "Maria", "Karl", "Sara", "Johan", "Lena", "Per", "Eva", "Olof"]
LAST = ["Berg", "Lind", "Holm", "Ek", "Nyström", "Dahl", "Sjöberg", "Lund", "Falk", "Strand"]


def letters(n: int) -> str:
    """A unique letters-only tag for n (names with digits do not pass the shapes)."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = chr(97 + r) + out
        if n == 0:
            return out.capitalize()
        n -= 1


#: Seminars per generated source file (one file stays under the 5 MB limit of authored YAML).
PER_FILE = 500


def generate_all(folder: Path, seminars: int) -> list[Path]:
    """Write sources of at most PER_FILE seminars each; return the YAML paths."""
    paths = []
    for start in range(0, seminars, PER_FILE):
        sub = folder / f"part{start // PER_FILE}"
        sub.mkdir()
        paths.append(generate(sub, min(PER_FILE, seminars - start), offset=start))
    return paths


def generate(folder: Path, seminars: int, offset: int = 0) -> Path:
    """Write one source (YAML + text) with ``seminars`` seminars; return the YAML path."""
    orgs = 50
    sentences, people, affiliations, participations = [], [], [], []
    for s in range(offset, offset + seminars):
        panel = []
        for k in range(5):
            n = s * 5 + k
            name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]} {letters(n)}"
            ident = f"p{n}"
            org = f"org{(s + k) % orgs}"
            people.append(f"  - id: {ident}\n    name: {name}")
            panel.append((ident, name, org))
        sentence = f"I seminarium {s} deltog " + ", ".join(
            f"{name}, utredare vid Org {org}" for _, name, org in panel[:4]
        )
        moderator = f"Seminarium {s} leddes av {panel[4][1]}, moderator vid Org {panel[4][2]}."
        sentences += [sentence + ".", moderator]
        for k, (ident, _name, org) in enumerate(panel):
            quote = moderator if k == 4 else sentence + "."
            affiliations.append(
                f"  - id: a-{ident}\n    person: {ident}\n    organisation: {org}\n"
                f"    title: {{sv: utredare, en: investigator}}\n    status: stated\n    quote: '{quote}'"
            )
            role = "moderator" if k == 4 else "panelist"
            participations.append(
                f"  - event: s{s}\n    agent: {ident}\n    role: {role}\n    as: a-{ident}\n"
                f"    status: stated\n    quote: '{quote}'"
            )
    text = folder / "generated.txt"
    text.write_text("\n".join(sentences) + "\n", "utf-8")
    events = [
        f"  - id: s{s}\n    type: seminar\n    name: {{sv: Seminarium {s}}}"
        for s in range(offset, offset + seminars)
    ]
    organisations = [f"  - id: org{o}\n    name: {{sv: Org org{o}}}" for o in range(orgs)]
    yaml_text = (
        f"source:\n  id: generated-{offset}\n  title: Generated\n  text: generated.txt\n  language: sv\n"
        + "organisations:\n"
        + "\n".join(organisations)
        + "\n"
        + "people:\n"
        + "\n".join(people)
        + "\n"
        + "events:\n"
        + "\n".join(events)
        + "\n"
        + "affiliations:\n"
        + "\n".join(affiliations)
        + "\n"
        + "participations:\n"
        + "\n".join(participations)
        + "\n"
    )
    path = folder / "generated.yaml"
    path.write_text(yaml_text, "utf-8")
    return path


def measure(seminars: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate_all(Path(tmp), seminars)
        times: dict[str, float] = {}
        start = time.perf_counter()
        catalog = build_catalog([load_file(path) for path in paths])
        times["read YAML"] = time.perf_counter() - start
        start = time.perf_counter()
        dataset = new_dataset()
        add_catalog(dataset, catalog, Minter())
        times["map to RDF"] = time.perf_counter() - start
        times["triples"] = float(summarize(dataset).triples)
        start = time.perf_counter()
        report = validate_graph(dataset)
        assert report.conforms, report.text()
        times["SHACL"] = time.perf_counter() - start
        for name in ("turtle", "ntriples"):
            start = time.perf_counter()
            serialize(dataset, FORMATS[name], exclude=[ONTOLOGY_GRAPH])
            times[name] = time.perf_counter() - start
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        t = measure(size)
        rows.append(
            f"| {size:,} | {int(t['triples']):,} | {t['read YAML']:.2f} | {t['map to RDF']:.2f} "
            f"| {t['SHACL']:.2f} | {t['turtle']:.2f} | {t['ntriples']:.2f} |"
        )
        print(rows[-1], flush=True)
    table = "\n".join(
        [
            BEGIN,
            f"Measured on {platform.machine()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores, one run each (seconds).",
            "",
            "| seminars | triples | read YAML | map to RDF | SHACL | Turtle | N-Triples |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
            END,
        ]
    )
    if args.out:
        replace_results(args.out, table)
    print(table)


BEGIN = "<!-- results of bench/bench_build.py: begin -->"
END = "<!-- results of bench/bench_build.py: end -->"


def replace_results(path: Path, table: str) -> None:
    """Put ``table`` between the markers in ``path``, keeping the text around it."""
    text = path.read_text("utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"{path}: no {BEGIN} ... {END} block to replace")
    before, rest = text.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    path.write_text(before + table + after, "utf-8")


if __name__ == "__main__":
    main()
