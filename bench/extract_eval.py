"""Score `seminargraph extract` on the annotated pages in tests/data/extract/.

    .venv/bin/python bench/extract_eval.py                 # development set and held-out set
    .venv/bin/python bench/extract_eval.py --differences   # also list every wrong or missing tuple
    .venv/bin/python bench/extract_eval.py --update-docs   # write the tables into docs/extraction.md

The development set is what the rules were written against; the held-out pages were written
before the rules and never tuned on, so their scores say how the rules do on unseen pages.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from seminargraph.extract import extract_file
from seminargraph.extract.scoring import load_gold, report, score

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": ROOT / "tests/data/extract/dev",
    "heldout": ROOT / "tests/data/extract/heldout",
    "heldout2": ROOT / "tests/data/extract/heldout2",
}
TITLES = {
    "dev": "Development set (the rules were written against it)",
    "heldout": "Held-out set 1 (written before the rules; first run in bench/results/, fixed since)",
    "heldout2": "Held-out set 2 (written after the rules; first run in bench/results/, fixed since)",
}
DOCS = ROOT / "docs/extraction.md"
START, END = "<!-- extract-eval:start -->", "<!-- extract-eval:end -->"


def evaluate(folder: Path) -> tuple[str, list[str], float, int]:
    golds = [load_gold(path) for path in sorted(folder.glob("*.gold.yaml"))]
    began = time.perf_counter()
    results = [extract_file(gold.text_path, lang=gold.language) for gold in golds]
    elapsed = time.perf_counter() - began
    scores = score(zip(golds, results, strict=True))
    characters = sum(len(r.normalised) for r in results)
    return report(scores), scores.differences, elapsed, characters


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--differences", action="store_true", help="list every wrong or missing tuple")
    parser.add_argument("--update-docs", action="store_true", help=f"write the tables into {DOCS}")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    args = parser.parse_args()
    sections = []
    for name, folder in SETS.items():
        if args.set not in ("all", name):
            continue
        table, differences, elapsed, characters = evaluate(folder)
        title = TITLES[name]
        speed = f"{characters:,} characters in {elapsed:.2f} s"
        sections.append(f"### {title}\n\n{table}\n\nExtraction took {speed}.\n")
        print(sections[-1])
        if args.differences:
            print("\n".join(differences) or "(no differences)")
            print()
    if args.update_docs:
        text = DOCS.read_text("utf-8")
        if START not in text or END not in text:
            print(f"{DOCS} has no {START} ... {END} markers", file=sys.stderr)
            return 1
        body = "\n".join(sections)
        text = re.sub(
            re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{body}\n{END}", text, flags=re.S
        )
        DOCS.write_text(text, "utf-8")
        print(f"wrote {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
