"""Train the name model (``seminargraph.extract.namemodel``) and write its weights.

    .venv/bin/python bench/train_name_model.py            # train, report, write the model
    .venv/bin/python bench/train_name_model.py --check    # train and report; write nothing

Examples (all from ../shared/almedalsdata/, beside the repository):

- people: the names at the start of the ``speakers`` entries and of the two contact columns;
- not people: the organisers (the ``organiser`` column, split at ", "), the organisations at the
  end of the ``speakers`` entries, and the places (the ``place`` column before its first comma).

Only the strings the extraction could take for a name are kept: two to four words, each
capitalised letters with hyphens or apostrophes (or a particle such as "van"), at most 40
characters. A string written in a row of any annotated set (tests/data/extract/almedalen/) is
left out, so that the sets stay unseen by the model, and the model file lists those rows: train
again after annotating a new set and before its first run (a test fails until then). A string
that is both a person's and an organisation's is left out too.

The model is a logistic regression over letter sequences (``namemodel.features``) with an L2
penalty, fitted with Adam by numpy, each class weighing as much in all. One string in ten
(chosen by a hash of the string) is kept out of the fit to measure it; the threshold is the
lowest at which at most ``FALSE_PEOPLE`` of the held-out organisations and places read as people.
The weights (letter sequences seen in at least ``MIN_COUNT`` strings and weighing at least
``SMALLEST``) go to src/seminargraph/extract/wordlists/name-model.json, written to a temporary
file and then renamed. Reads the data only; nothing else is written.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from seminargraph.extract.namemodel import LONGEST, MODEL_FILE, SHORTEST, Model, features
from seminargraph.extract.scoring import programme_rows

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared/almedalsdata"
SETS = ROOT / "tests/data/extract/almedalen"
OUT = ROOT / "src/seminargraph/extract/wordlists" / MODEL_FILE
YEARS = (2009, 2010, 2011, 2012, 2013, 2014, 2015, 2021, 2022, 2023)
MIN_COUNT = 3
PENALTY = 1e-4
SMALLEST = 0.02
FALSE_PEOPLE = 0.03
STEPS = 300
LOWERCASE = 10

_WORD = re.compile(r"[A-ZÅÄÖÆØÜÉÈÁÍÓÚÞÐÇŠŽ][\w'’-]*[^\W\d_]")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "af", "du", "la", "le", "di", "da", "bin", "al"})


def name_like(text: str) -> tuple[str, ...] | None:
    words = tuple(text.split())
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return None
    if not all(_WORD.fullmatch(w) or (k and w in _PARTICLES) for k, w in enumerate(words)):
        return None
    if any(w.isupper() and len(w) > 1 for w in words) or not _WORD.fullmatch(words[-1]):
        return None
    return words


def gather() -> tuple[set[str], set[str]]:
    csv.field_size_limit(sys.maxsize)
    people: set[str] = set()
    others: set[str] = set()
    for year in YEARS:
        with (DATA / f"{year}.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                others.update(part.strip() for part in row["organiser"].split(", "))
                others.add(row["place"].split(",")[0].strip())
                try:
                    entries = ast.literal_eval(row["speakers"]) if row["speakers"].strip() else []
                except (ValueError, SyntaxError):
                    entries = []
                for entry in entries:
                    parts = [part.strip() for part in str(entry).split(",")]
                    people.add(parts[0])
                    if len(parts) >= 3:
                        others.add(parts[-1])
                for column in ("contact_person_1", "contact_person_2"):
                    if row.get(column, "").strip():
                        people.add(row[column].split(",")[0].strip())
    return people, others


def lowercase_words() -> list[str]:
    """The words written in lowercase at least ``LOWERCASE`` times in the programme's prose (its
    addresses and links left out): "world", "ny", "hela". A name the lexicon does not know is no
    person's when one of its words is such a word ("Main Hall", "Hela Sverige")."""
    csv.field_size_limit(sys.maxsize)
    counts: Counter[str] = Counter()
    for year in YEARS:
        with (DATA / f"{year}.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                prose = _LINKS.sub(" ", " ".join((row["title"], row["description"], row["more_info"])))
                counts.update(_LOWER.findall(prose))
    return sorted(word for word, n in counts.items() if n >= LOWERCASE)


_LINKS = re.compile(r"\S*[@/]\S*|www\.\S+")
_LOWER = re.compile(r"(?<![\w.-])[a-zåäöéüæø][a-zåäöéüæø-]*(?![\w@])")


def annotated_rows() -> list[str]:
    """The rows (``YEAR.csv#id``) of every annotated set."""
    return sorted(
        {ref for path in SETS.glob("*.yaml") for ref in re.findall(r"row: (\S+)", path.read_text("utf-8"))}
    )


def annotated_text(rows: list[str]) -> str:
    """The text of the rows, one string."""
    texts = []
    for ref in rows:
        year_file, _, row_id = ref.partition("#")
        texts.append(" ".join(programme_rows(DATA / year_file)[row_id][1].split()))
    return "\n".join(texts)


def held_out(name: str) -> bool:
    return hashlib.sha256(name.encode("utf-8")).digest()[0] < 26  # about one in ten


def fit(examples: list[tuple[list[str], int]]) -> tuple[dict[str, float], float]:
    counts = Counter(f for feats, _ in examples for f in set(feats))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows = [
        np.array(sorted({index[f] for f in feats if f in index}), dtype=np.int64) for feats, _ in examples
    ]
    lengths = np.array([len(r) for r in rows])
    flat = np.concatenate(rows)
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.array([label for _, label in examples], dtype=float)
    share = y.mean()
    weight = np.where(y == 1, 0.5 / share, 0.5 / (1 - share))
    w = np.zeros(len(vocabulary))
    bias = 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, b1, b2 = 0.05, 0.9, 0.999
    for step in range(1, STEPS + 1):
        z = bias + np.bincount(owner, weights=w[flat], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        error = weight * (p - y) / len(rows)
        gw = np.bincount(flat, weights=error[owner], minlength=len(w)) + PENALTY * w
        gb = error.sum()
        m, v = b1 * m + (1 - b1) * gw, b2 * v + (1 - b2) * gw * gw
        mb, vb = b1 * mb + (1 - b1) * gb, b2 * vb + (1 - b2) * gb * gb
        correction = (1 - b1**step), (1 - b2**step)
        w -= rate * (m / correction[0]) / (np.sqrt(v / correction[1]) + 1e-8)
        bias -= rate * (mb / correction[0]) / (np.sqrt(vb / correction[1]) + 1e-8)
    weights = {f: round(float(x), 4) for f, x in zip(vocabulary, w, strict=True) if abs(x) >= SMALLEST}
    return weights, round(float(bias), 4)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="train and report; write nothing")
    args = parser.parse_args()
    if not DATA.is_dir():
        where = DATA.resolve()
        print(f"train_name_model.py: no programme data at {where}; put almedalsdata there", file=sys.stderr)
        return 2
    people, others = gather()
    rows = annotated_rows()
    seen = annotated_text(rows)
    both = people & others
    examples: dict[str, int] = {}
    left_out = 0
    for names, label in ((people, 1), (others, 0)):
        for name in names:
            if name in both or name_like(name) is None:
                continue
            if name in seen:
                left_out += 1
                continue
            examples[name] = label
    train = [(features(tuple(n.split())), lab) for n, lab in sorted(examples.items()) if not held_out(n)]
    test = [(n, lab) for n, lab in sorted(examples.items()) if held_out(n)]
    weights, bias = fit(train)
    fitted = Model(weights, bias, threshold=1.0)
    scored = [(fitted.probability(tuple(n.split())), lab) for n, lab in test]
    threshold = next(
        t
        for t in [round(0.5 + 0.01 * k, 2) for k in range(50)]
        if sum(1 for p, lab in scored if lab == 0 and p >= t)
        <= FALSE_PEOPLE * sum(1 for _, lab in scored if not lab)
    )
    named = sum(examples.values())
    print(
        f"{named} people and {len(examples) - named} organisations or places ({left_out} strings "
        f"written in an annotated row left out); {len(train)} to fit, {len(test)} to measure"
    )
    print(f"{len(weights)} weights; threshold {threshold:.2f}\n")
    print("| threshold | people read as people | organisations and places read as people |")
    print("|---|---|---|")
    positives = [p for p, lab in scored if lab]
    negatives = [p for p, lab in scored if not lab]
    for t in sorted({0.5, 0.7, 0.9, threshold}):
        hit = sum(p >= t for p in positives) / len(positives)
        wrong = sum(p >= t for p in negatives) / len(negatives)
        print(f"| {t:.2f} | {hit:.3f} of {len(positives)} | {wrong:.3f} of {len(negatives)} |")
    if args.check:
        return 0
    data = {
        "about": "seminargraph name model: a logistic regression over letter sequences, "
        "trained by bench/train_name_model.py",
        "letters": [SHORTEST, LONGEST],
        "threshold": threshold,
        "bias": bias,
        "lowercase": lowercase_words(),
        # Every string written in these rows was left out of the fit: a set annotated later must
        # be added here (by training again) before its first run (tests/test_extract_namemodel.py).
        "left out rows": rows,
        "weights": dict(sorted(weights.items())),
    }
    handle, temporary = tempfile.mkstemp(dir=OUT.parent, prefix=".name-model.", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=0)
            stream.write("\n")
        os.chmod(temporary, 0o644)
        os.replace(temporary, OUT)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
