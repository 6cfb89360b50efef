"""Time `extract` on every programme row of the decade in ../shared/almedalsdata/ (about 19,000).

    .venv/bin/python bench/extract_decade.py              # all ten years
    .venv/bin/python bench/extract_decade.py --years 2023

Each row's page is what the scorer reads (its title, description and more_info; see
``scoring.programme_rows``), extracted as the festival import would run it: one ``extract_text``
call per row, ``--lang auto``. Reading the CSV files is not timed; the time is CPU time of the
extraction (``time.process_time``) and wall time. Prints a Markdown table for docs/extraction.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from seminargraph.extract import extract_text
from seminargraph.extract.scoring import programme_rows

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared/almedalsdata"
YEARS = (2009, 2010, 2011, 2012, 2013, 2014, 2015, 2021, 2022, 2023)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--years", type=int, nargs="*", default=list(YEARS))
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is not there", file=sys.stderr)
        return 1
    pages = [text for year in args.years for _title, text in programme_rows(DATA / f"{year}.csv").values()]
    characters = sum(len(page) for page in pages)
    wall, cpu = time.perf_counter(), time.process_time()
    people = unplaced = with_people = 0
    for page in pages:
        result = extract_text(page, html=False)
        found = sum(1 for p in result.participants if p.kind == "person")
        people += found
        with_people += bool(found)
        unplaced += len(result.unplaced)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        "| rows | characters | people found | rows with people | names not placed | CPU s | wall s | rows/s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {len(pages):,} | {characters:,} | {people:,} | {with_people:,} | {unplaced:,} "
        f"| {cpu:.1f} | {wall:.1f} | {len(pages) / wall:,.0f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
