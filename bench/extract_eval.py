"""Score `seminargraph extract` on the annotated pages in tests/data/extract/.

    .venv/bin/python bench/extract_eval.py                 # development set and held-out set
    .venv/bin/python bench/extract_eval.py --differences   # also list every wrong or missing tuple
    .venv/bin/python bench/extract_eval.py --update-docs   # write the tables into docs/extraction.md
    .venv/bin/python bench/extract_eval.py --speed         # time and memory on large generated programmes

The development set is what the rules were written against; the held-out pages were written
before the rules and never tuned on, so their scores say how the rules do on unseen pages.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from seminargraph.extract import extract_file, extract_text
from seminargraph.extract.scoring import GoldPage, load_gold, load_rows_gold, report, score

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": ROOT / "tests/data/extract/dev",
    "heldout": ROOT / "tests/data/extract/heldout",
    "heldout2": ROOT / "tests/data/extract/heldout2",
    "heldout3": ROOT / "tests/data/extract/heldout3",
    "heldout4": ROOT / "tests/data/extract/heldout4",
    "heldout5": ROOT / "tests/data/extract/heldout5",
    "heldout6": ROOT / "tests/data/extract/heldout6",
    "heldout7": ROOT / "tests/data/extract/heldout7",
    "heldout8": ROOT / "tests/data/extract/heldout8",
}
TITLES = {
    "dev": "Development set (the rules were written against it)",
    "heldout": "Held-out set 1 (written before the rules; first run in bench/results/, fixed since)",
    "heldout2": "Held-out set 2 (written after the rules; first run in bench/results/, fixed since)",
    "heldout3": "Held-out set 3 (written in new shapes; first run in bench/results/, fixed since)",
    "heldout4": "Held-out set 4 (programme shapes; first run in bench/results/, fixed since)",
    "heldout5": "Held-out set 5 (publishing shapes; first run in bench/results/, fixed since)",
    "heldout6": "Held-out set 6 (more publishing shapes; first run in bench/results/, fixed since)",
    "heldout7": "Held-out set 7 (exports, links, mixed languages; first run in bench/results/, fixed since)",
    "heldout8": "Held-out set 8 (agencies, reports, debates, bios; first run in bench/results/, fixed since)",
}
#: Sets of real programme rows: the annotations reference rows of ../shared/almedalsdata/ (beside
#: the repository), whose text is read at run time and never copied here.
DATA = ROOT.parent / "shared/almedalsdata"
ROW_SETS = {
    "almedalen-dev": ROOT / "tests/data/extract/almedalen/dev.rows.yaml",
    "almedalen-heldout": ROOT / "tests/data/extract/almedalen/heldout.rows.yaml",
    "almedalen-heldout-b": ROOT / "tests/data/extract/almedalen/heldout-b.rows.yaml",
    "almedalen-heldout-c": ROOT / "tests/data/extract/almedalen/heldout-c.rows.yaml",
    "almedalen-heldout-d": ROOT / "tests/data/extract/almedalen/heldout-d.rows.yaml",
    "almedalen-heldout-e": ROOT / "tests/data/extract/almedalen/heldout-e.rows.yaml",
    "almedalen-heldout-f": ROOT / "tests/data/extract/almedalen/heldout-f.rows.yaml",
    "almedalen-heldout-g": ROOT / "tests/data/extract/almedalen/heldout-g.rows.yaml",
    "almedalen-heldout-h": ROOT / "tests/data/extract/almedalen/heldout-h.rows.yaml",
    "almedalen-heldout-i": ROOT / "tests/data/extract/almedalen/heldout-i.rows.yaml",
    "almedalen-heldout-j": ROOT / "tests/data/extract/almedalen/heldout-j.rows.yaml",
    "almedalen-heldout-k": ROOT / "tests/data/extract/almedalen/heldout-k.rows.yaml",
    "almedalen-heldout-l": ROOT / "tests/data/extract/almedalen/heldout-l.rows.yaml",
    "almedalen-heldout-m": ROOT / "tests/data/extract/almedalen/heldout-m.rows.yaml",
    "almedalen-heldout-n": ROOT / "tests/data/extract/almedalen/heldout-n.rows.yaml",
    "almedalen-heldout-o": ROOT / "tests/data/extract/almedalen/heldout-o.rows.yaml",
    "almedalen-heldout-p": ROOT / "tests/data/extract/almedalen/heldout-p.rows.yaml",
    "almedalen-heldout-q": ROOT / "tests/data/extract/almedalen/heldout-q.rows.yaml",
    "almedalen-heldout-r": ROOT / "tests/data/extract/almedalen/heldout-r.rows.yaml",
    "almedalen-heldout-s": ROOT / "tests/data/extract/almedalen/heldout-s.rows.yaml",
    "almedalen-heldout-t": ROOT / "tests/data/extract/almedalen/heldout-t.rows.yaml",
    "almedalen-heldout-u": ROOT / "tests/data/extract/almedalen/heldout-u.rows.yaml",
    "almedalen-heldout-v": ROOT / "tests/data/extract/almedalen/heldout-v.rows.yaml",
    "almedalen-heldout-w": ROOT / "tests/data/extract/almedalen/heldout-w.rows.yaml",
    "almedalen-heldout-x": ROOT / "tests/data/extract/almedalen/heldout-x.rows.yaml",
    "almedalen-heldout-y": ROOT / "tests/data/extract/almedalen/heldout-y.rows.yaml",
    "almedalen-heldout-z": ROOT / "tests/data/extract/almedalen/heldout-z.rows.yaml",
    "almedalen-heldout-aa": ROOT / "tests/data/extract/almedalen/heldout-aa.rows.yaml",
    "almedalen-heldout-ab": ROOT / "tests/data/extract/almedalen/heldout-ab.rows.yaml",
    "almedalen-heldout-ac": ROOT / "tests/data/extract/almedalen/heldout-ac.rows.yaml",
    "almedalen-heldout-ad": ROOT / "tests/data/extract/almedalen/heldout-ad.rows.yaml",
    "almedalen-heldout-ae": ROOT / "tests/data/extract/almedalen/heldout-ae.rows.yaml",
    "almedalen-heldout-af": ROOT / "tests/data/extract/almedalen/heldout-af.rows.yaml",
    "almedalen-heldout-ag": ROOT / "tests/data/extract/almedalen/heldout-ag.rows.yaml",
    "almedalen-heldout-ah": ROOT / "tests/data/extract/almedalen/heldout-ah.rows.yaml",
    "almedalen-heldout-ai": ROOT / "tests/data/extract/almedalen/heldout-ai.rows.yaml",
    "almedalen-heldout-aj": ROOT / "tests/data/extract/almedalen/heldout-aj.rows.yaml",
    "almedalen-heldout-al": ROOT / "tests/data/extract/almedalen/heldout-al.rows.yaml",
    "almedalen-heldout-am": ROOT / "tests/data/extract/almedalen/heldout-am.rows.yaml",
    "almedalen-heldout-an": ROOT / "tests/data/extract/almedalen/heldout-an.rows.yaml",
    "almedalen-heldout-ao": ROOT / "tests/data/extract/almedalen/heldout-ao.rows.yaml",
    "almedalen-heldout-ap": ROOT / "tests/data/extract/almedalen/heldout-ap.rows.yaml",
    "almedalen-heldout-aq": ROOT / "tests/data/extract/almedalen/heldout-aq.rows.yaml",
    "almedalen-heldout-ar": ROOT / "tests/data/extract/almedalen/heldout-ar.rows.yaml",
    "almedalen-heldout-as": ROOT / "tests/data/extract/almedalen/heldout-as.rows.yaml",
    "almedalen-heldout-at": ROOT / "tests/data/extract/almedalen/heldout-at.rows.yaml",
}
TITLES["almedalen-dev"] = "Almedalen development set (real programme rows; tuned on)"
TITLES["almedalen-heldout"] = "Almedalen held-out set (real programme rows; not tuned on)"
TITLES["almedalen-heldout-b"] = (
    "Almedalen held-out set B (real programme rows; written after the rules, scored once)"
)
TITLES["almedalen-heldout-c"] = (
    "Almedalen held-out set C (real programme rows; annotated before the second round, never tuned on)"
)
TITLES["almedalen-heldout-d"] = (
    "Almedalen held-out set D (real programme rows; annotated before the third round, never tuned on)"
)
TITLES["almedalen-heldout-e"] = (
    "Almedalen held-out set E (real programme rows; first run in session 18, tuned on in session 20)"
)
TITLES["almedalen-heldout-f"] = (
    "Almedalen held-out set F (real programme rows; first run in session 19, tuned on in session 20)"
)
TITLES["almedalen-heldout-g"] = (
    "Almedalen held-out set G (real programme rows; first run in session 20, tuned on after it)"
)
TITLES["almedalen-heldout-h"] = (
    "Almedalen held-out set H (real programme rows; first run in session 21, tuned on after it)"
)
TITLES["almedalen-heldout-i"] = (
    "Almedalen held-out set I (real programme rows; first run in session 22, tuned on after it)"
)
TITLES["almedalen-heldout-j"] = (
    "Almedalen held-out set J (real programme rows; first run in session 22, tuned on after it)"
)
TITLES["almedalen-heldout-k"] = (
    "Almedalen held-out set K (real programme rows; first run in session 22, tuned on after it)"
)
TITLES["almedalen-heldout-l"] = (
    "Almedalen held-out set L (real programme rows; annotated in session 22, first run in session 23)"
)
TITLES["almedalen-heldout-m"] = (
    "Almedalen held-out set M (real programme rows; annotated in session 23 before the name model, "
    "first run after it)"
)
TITLES["almedalen-heldout-n"] = (
    "Almedalen held-out set N (real programme rows; annotated in session 23 while the rules were written, "
    "first run after them)"
)
TITLES["almedalen-heldout-o"] = (
    "Almedalen held-out set O (real programme rows; annotated in session 23 while the rules were written, "
    "first run at its end)"
)
TITLES["almedalen-heldout-p"] = (
    "Almedalen held-out set P (real programme rows; annotated in session 23 while the rules were written, "
    "first run after all of them)"
)
TITLES["almedalen-heldout-q"] = (
    "Almedalen held-out set Q (real programme rows; annotated in session 23 while the rules were written, "
    "first run at the session's end)"
)
TITLES["almedalen-heldout-r"] = (
    "Almedalen held-out set R (real programme rows; annotated in session 24 before any run on it, "
    "first run after the session's first rules)"
)
TITLES["almedalen-heldout-s"] = (
    "Almedalen held-out set S (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set R)"
)
TITLES["almedalen-heldout-t"] = (
    "Almedalen held-out set T (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from sets R and S)"
)
TITLES["almedalen-heldout-u"] = (
    "Almedalen held-out set U (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set T)"
)
TITLES["almedalen-heldout-v"] = (
    "Almedalen held-out set V (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set U)"
)
TITLES["almedalen-heldout-w"] = (
    "Almedalen held-out set W (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set V)"
)
TITLES["almedalen-heldout-x"] = (
    "Almedalen held-out set X (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set W)"
)
TITLES["almedalen-heldout-y"] = (
    "Almedalen held-out set Y (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set X)"
)
TITLES["almedalen-heldout-z"] = (
    "Almedalen held-out set Z (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set Y)"
)
TITLES["almedalen-heldout-aa"] = (
    "Almedalen held-out set AA (real programme rows; annotated in session 24 before any run on it, "
    "first run after the rules from set Z)"
)
TITLES["almedalen-heldout-ab"] = (
    "Almedalen held-out set AB (real programme rows; annotated in session 24 before any run on it, "
    "first run at the session's end)"
)
TITLES["almedalen-heldout-ac"] = (
    "Almedalen held-out set AC (real programme rows; annotated in session 26 before any run on it, "
    "first run at the session's start)"
)
TITLES["almedalen-heldout-ad"] = (
    "Almedalen held-out set AD (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from set AC)"
)
TITLES["almedalen-heldout-ae"] = (
    "Almedalen held-out set AE (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from sets AC and AD)"
)
TITLES["almedalen-heldout-af"] = (
    "Almedalen held-out set AF (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from sets AC to AE)"
)
TITLES["almedalen-heldout-ag"] = (
    "Almedalen held-out set AG (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from sets AC to AF)"
)
TITLES["almedalen-heldout-ah"] = (
    "Almedalen held-out set AH (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from sets AC to AG)"
)
TITLES["almedalen-heldout-ai"] = (
    "Almedalen held-out set AI (real programme rows; annotated in session 26 before any run on it, "
    "first run after all of the session's rules)"
)
TITLES["almedalen-heldout-aj"] = (
    "Almedalen held-out set AJ (real programme rows; annotated in session 26 before any run on it, "
    "first run after all of the session's rules)"
)
TITLES["almedalen-heldout-al"] = (
    "Almedalen held-out set AL (real programme rows; annotated in session 26 before any run on it, "
    "first run after the rules from sets AI and AJ)"
)
TITLES["almedalen-heldout-am"] = (
    "Almedalen held-out set AM (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the session's first rules)"
)
TITLES["almedalen-heldout-an"] = (
    "Almedalen held-out set AN (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the session's first rules)"
)
TITLES["almedalen-heldout-ao"] = (
    "Almedalen held-out set AO (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AM and AN)"
)
TITLES["almedalen-heldout-ap"] = (
    "Almedalen held-out set AP (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AM and AN)"
)
TITLES["almedalen-heldout-aq"] = (
    "Almedalen held-out set AQ (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AO and AP)"
)
TITLES["almedalen-heldout-ar"] = (
    "Almedalen held-out set AR (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AO and AP)"
)
TITLES["almedalen-heldout-as"] = (
    "Almedalen held-out set AS (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AQ and AR)"
)
TITLES["almedalen-heldout-at"] = (
    "Almedalen held-out set AT (real programme rows; annotated in session 27 under CONVENTIONS.md "
    "before any run on it, first run after the rules from sets AQ and AR)"
)
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


def evaluate_rows(gold_file: Path) -> tuple[str, list[str], float, int]:
    """Score a set of programme rows, with the people's measures per language below the table."""
    golds = load_rows_gold(gold_file, DATA)
    began = time.perf_counter()
    results = [extract_text(gold.text or "", name=gold.path.name, html=False) for gold in golds]
    elapsed = time.perf_counter() - began
    pairs = list(zip(golds, results, strict=True))
    scores = score(pairs)
    characters = sum(len(r.normalised) for r in results)
    languages = sorted({gold.language for gold in golds}, key=lambda lang: lang != "sv")
    rows = [
        "| language | pages | people | names P | names R | name+role F1 | full tuple F1 | invented people |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for language in languages:
        part = [(g, r) for g, r in pairs if g.language == language]
        sub = score(part)
        names, role, full = sub.strict["names"], sub.strict["name+role"], sub.strict["full tuple"]
        rows.append(
            f"| {language} | {len(part)} | {names.tp + names.fn} | {names.precision:.3f} "
            f"| {names.recall:.3f} | {role.f1:.3f} | {full.f1:.3f} | {_invented(part)} |"
        )
    people = sum(len(gold.people) for gold in golds)
    table = report(scores).replace(f"{len(golds)} pages", f"{len(golds)} pages, {people} people", 1)
    return table + "\n\n" + "\n".join(rows), scores.differences, elapsed, characters


def _invented(pairs: list[tuple[GoldPage, object]]) -> int:
    """People found whose name is not in the page's text at all (none should ever be)."""
    count = 0
    for gold, result in pairs:
        text = " ".join((gold.text or "").split())
        for event in result.events:  # type: ignore[attr-defined]
            count += sum(1 for p in event.participants if p.kind == "person" and p.name not in text)
    return count


FIRST = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Per",
    "Eva",
    "Anders",
    "Lena",
    "Mikael",
    "Emma",
    "Jonas",
    "Ida",
    "Ali",
]
LAST = [
    "Berg",
    "Lind",
    "Holm",
    "Ek",
    "Strand",
    "Nyberg",
    "Sjöberg",
    "Wallin",
    "Åberg",
    "Öhman",
    "Karimi",
    "Haddad",
    "Lund",
    "Falk",
]
JOBS = [
    "vd",
    "forskare",
    "projektledare",
    "kommunchef",
    "journalist",
    "ordförande",
    "strateg",
    "controller",
    "lektor",
]
ORGS = [
    "Norrby kommun",
    "Region Västmark",
    "Ekbo AB",
    "Lunds universitet",
    "Föreningen Framtid",
    "Skogsverket",
]
WORDS = [
    "hur",
    "kan",
    "vi",
    "samverka",
    "bättre",
    "om",
    "klimat",
    "skola",
    "vård",
    "bostäder",
    "och",
    "framtidens",
    "arbete",
    "i",
    "staden",
]


def programme(seminars: int, seed: int = 1) -> str:
    """A festival programme with ``seminars`` seminars, in the shapes the development set has."""
    rng = random.Random(seed)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}, {rng.choice(JOBS)}, {rng.choice(ORGS)}"

    parts = ["Program för Framtidsveckan\n"]
    for i in range(seminars):
        topic = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
        prose = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize()
        parts.append(f"\nSEMINARIUM {i + 1}: {topic.upper()}\n\n{prose}.\n\nMedverkande:\n")
        parts.extend(person() + "\n" for _ in range(rng.randint(2, 4)))
        lead = rng.choice(FIRST), rng.choice(LAST), rng.choice(JOBS), rng.choice(ORGS)
        parts.append(
            f"\nI samtalet deltar {person()}. Samtalet leds av {lead[0]} {lead[1]}, {lead[2]} på {lead[3]}.\n"
        )
    return "".join(parts)


def measure_speed() -> str:
    rows = [
        "| page | characters | seminars found | participants | seconds | characters/s "
        "| peak memory of the process so far (MB) |"
    ]
    rows.append("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for seminars in (100, 1_000, 12_000):
            text = programme(seminars)
            for suffix in (".txt", ".html"):
                page = Path(folder) / f"programme-{seminars}{suffix}"
                if suffix == ".html":
                    body = "".join(f"<p>{line}</p>" if line else "" for line in text.splitlines())
                    page.write_text(f"<html><body>{body}</body></html>", "utf-8")
                else:
                    page.write_text(text, "utf-8")
                began = time.perf_counter()
                result = extract_file(page)
                elapsed = time.perf_counter() - began
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                size = page.stat().st_size
                rows.append(
                    f"| {seminars:,} seminars ({suffix[1:]}, {size / 1e6:.1f} MB) "
                    f"| {len(result.normalised):,} "
                    f"| {len(result.events):,} | {len(result.participants):,} | {elapsed:.1f} "
                    f"| {len(result.normalised) / elapsed:,.0f} | {peak:.0f} |"
                )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--differences", action="store_true", help="list every wrong or missing tuple")
    parser.add_argument("--update-docs", action="store_true", help=f"write the tables into {DOCS}")
    parser.add_argument("--set", choices=[*SETS, *ROW_SETS, "all"], default="all")
    parser.add_argument("--speed", action="store_true", help="also time large generated programmes")
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
    for name, gold_file in ROW_SETS.items():
        if args.set not in ("all", name):
            continue
        if not DATA.is_dir():
            print(f"{DATA} is not there: the sets of programme rows are not scored", file=sys.stderr)
            break
        table, differences, elapsed, characters = evaluate_rows(gold_file)
        speed = f"{characters:,} characters in {elapsed:.2f} s"
        sections.append(f"### {TITLES[name]}\n\n{table}\n\nExtraction took {speed}.\n")
        print(sections[-1])
        if args.differences:
            print("\n".join(differences) or "(no differences)")
            print()
    if args.speed:
        table = measure_speed()
        sections.append(f"### Speed and memory on generated programmes\n\n{table}\n")
        print(sections[-1])
    if args.update_docs:
        text = DOCS.read_text("utf-8")
        if START not in text or END not in text:
            print(f"{DOCS} has no {START} ... {END} markers", file=sys.stderr)
            return 1
        kept = re.search(r"### Speed and memory.*?(?=\n" + re.escape(END) + ")", text, flags=re.S)
        if not args.speed and kept is not None:
            sections.append(kept.group().rstrip("\n") + "\n")  # the last measured speed table stays
        measured = f"Measured {datetime.date.today().isoformat()} by `bench/extract_eval.py --update-docs`.\n"
        body = "\n".join([measured, *sections])
        text = re.sub(
            re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{body}\n{END}", text, flags=re.S
        )
        DOCS.write_text(text, "utf-8")
        print(f"wrote {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
