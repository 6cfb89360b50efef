"""A rough check of `extract` on 2021–2023 programme rows outside every annotated set.

    .venv/bin/python bench/almedalen_speakers_check.py            # the first 200 rows (seed 7)
    .venv/bin/python bench/almedalen_speakers_check.py --rows 316 --show

For each row whose prose (at most 2,500 characters) names someone of its ``speakers`` column,
counts the people of that column whom the prose names and `extract` finds, and the people it
finds whom the column does not name (most often organisations read as people). Rows of the sets
in tests/data/extract/almedalen/, and rows whose text ends as one of theirs does, are left out.
The column is no annotation (it lists people the prose may not name as taking part), so this
is a rough guide while writing rules, not a score. Reads ../shared/almedalsdata/; writes nothing.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

from seminargraph.extract import extract_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from almedalen_pick import _speakers
from seminargraph.extract.scoring import programme_rows

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared/almedalsdata"
SETS = ROOT / "tests/data/extract/almedalen"


def candidates() -> list[tuple[str, str, list[str], list[str]]]:
    """(row, page, speakers named in the prose, all speakers) for the rows outside the sets."""
    used = {ref for path in SETS.glob("*.yaml") for ref in re.findall(r"row: (\S+)", path.read_text("utf-8"))}
    tails = set()
    for ref in used:
        year_file, _, row_id = ref.partition("#")
        tails.add(" ".join(programme_rows(DATA / year_file)[row_id][1].split())[-300:])
    csv.field_size_limit(sys.maxsize)
    found = []
    for year in (2021, 2022, 2023):
        with (DATA / f"{year}.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                ref = f"{year}.csv#{row['id']}"
                prose = row["description"] + "\n\n" + row["more_info"]
                if ref in used or len(prose) > 2500:
                    continue
                page = programme_rows(DATA / f"{year}.csv")[row["id"]][1]
                if " ".join(page.split())[-300:] in tails:
                    continue
                speakers = _speakers(row["speakers"])
                named = [name for name in speakers if name and name in prose]
                if named:
                    found.append((ref, page, named, speakers))
    random.Random(7).shuffle(found)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--show", action="store_true", help="print each row's missed and extra names")
    args = parser.parse_args()
    rows = candidates()
    hit = missed = extra = 0
    for ref, page, named, speakers in rows[: args.rows]:
        result = extract_text(page, name=ref, html=False)
        people = {p.name for p in result.participants if p.kind == "person"}
        lost = [name for name in named if name not in people]
        more = sorted(people - set(speakers))
        hit, missed, extra = hit + len(named) - len(lost), missed + len(lost), extra + len(more)
        if args.show and (lost or more):
            print(f"{ref}: missed {lost}, not in the column {more}")
    share = hit / (hit + missed) if hit + missed else 0.0
    print(
        f"{min(args.rows, len(rows))} of {len(rows)} rows: {hit} found, {missed} missed ({share:.3f}), "
        f"{extra} not in the column"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
