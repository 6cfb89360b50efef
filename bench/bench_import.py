"""Import the real Almedalsveckan programme: one year, the decade, and the decade again unchanged.

Each run is a fresh process (``seminargraph import``), timed by wall clock, with its peak RSS read
from the kernel (``ru_maxrss`` of the children); the steps come from the import's own report. Run
from the repository root, with ../shared/almedalsdata beside it::

    .venv/bin/python bench/bench_import.py            # one year (2015), the decade, the decade again
    .venv/bin/python bench/bench_import.py --table    # the table again, from the last results

Results go to bench/results/import.json and into the table of docs/bench-import.md.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "almedalsdata"
RESULTS = ROOT / "bench" / "results" / "import.json"
DOC = ROOT / "docs" / "bench-import.md"
SEMINARGRAPH = ROOT / ".venv" / "bin" / "seminargraph"
TARGETS = {"one year": 10.0, "the decade": 60.0, "the decade again, unchanged": 5.0}
MARK = "<!-- bench_import: the table below is written by bench/bench_import.py -->"


def _run(tables: list[Path], store: Path, review: Path) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.monotonic()
    done = subprocess.run(
        [
            str(SEMINARGRAPH),
            "import",
            *map(str, tables),
            "--mapping",
            "almedalsveckan",
            "--store",
            f"oxigraph:{store}",
            "--review",
            str(review),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.monotonic() - began
    if done.returncode != 0:
        raise SystemExit(f"the import failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    counts = re.search(
        r"([\d,]+) events, ([\d,]+) people, ([\d,]+) organisations, ([\d,]+) participations", done.stdout
    )
    merges = re.search(r"merges: ([\d,]+) made, ([\d,]+) proposed", done.stdout)
    triples = re.search(r"wrote \d+ graph\(s\), ([\d,]+) triples", done.stdout)
    steps = re.search(r"took [\d.]+ s \((.*)\)", done.stdout)
    return {
        "wall_s": round(wall, 2),
        # ru_maxrss only grows: a run below the earlier peak reports the earlier peak
        "peak_rss_mb": round(max(peak, before) / 1024) if peak > before else None,
        "events": counts[1] if counts else "",
        "people": counts[2] if counts else "",
        "organisations": counts[3] if counts else "",
        "participations": counts[4] if counts else "",
        "merges_made": merges[1] if merges else "",
        "merges_proposed": merges[2] if merges else "",
        "triples_written": triples[1] if triples else "0",
        "steps": steps[1] if steps else "",
    }


def measure() -> dict[str, Any]:
    years = sorted(DATA.glob("*.csv"))
    if not years:
        raise SystemExit(f"no tables in {DATA}")
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": os.getloadavg()[0],
        "runs": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results["runs"]["one year"] = _run([DATA / "2015.csv"], work / "year", work / "year.tsv")
        results["runs"]["the decade"] = _run(years, work / "decade", work / "decade.tsv")
        results["runs"]["the decade again, unchanged"] = _run(years, work / "decade", work / "decade.tsv")
        shutil.rmtree(work / "year", ignore_errors=True)
    results["load_average_after"] = os.getloadavg()[0]
    return results


def table(results: dict[str, Any]) -> str:
    lines = [
        f"Machine: {results['machine']}; load average {results['load_average_before']:.1f} before, "
        f"{results['load_average_after']:.1f} after (other work ran on the machine when above 0.5).",
        "",
        "| run | wall | target | peak RSS | events | people | organisations | participations "
        "| merges made / proposed | triples written | steps |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, run in results["runs"].items():
        target = TARGETS[name]
        met = "met" if run["wall_s"] <= target else f"missed by {run['wall_s'] / target:.1f}x"
        rss = f"{run['peak_rss_mb']:,} MB" if run["peak_rss_mb"] else "(below the earlier run's)"
        lines.append(
            f"| {name} | {run['wall_s']:.1f} s | < {target:g} s: {met} | {rss} | {run['events']} "
            f"| {run['people']} | {run['organisations']} | {run['participations']} "
            f"| {run['merges_made']} / {run['merges_proposed']} | {run['triples_written']} | {run['steps']} |"
        )
    return "\n".join(lines) + "\n"


def write_doc(results: dict[str, Any]) -> None:
    text = DOC.read_text("utf-8")
    head = text.split(MARK)[0]
    DOC.write_text(head + MARK + "\n\n" + table(results), "utf-8")


def main() -> None:
    if "--table" in sys.argv:
        results = json.loads(RESULTS.read_text("utf-8"))
    else:
        results = measure()
        RESULTS.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    write_doc(results)
    print(table(results))


if __name__ == "__main__":
    main()
