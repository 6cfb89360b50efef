"""Extraction on real programme rows: the Almedalen development and held-out sets.

The annotations in tests/data/extract/almedalen/ reference rows of ../shared/almedalsdata/ (beside
the repository); the rows' text is read from there at run time and never copied into the
repository. Without the data these tests are skipped.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from seminargraph.extract import ExtractionResult, extract_text
from seminargraph.extract.scoring import GoldPage, load_rows_gold, score
from seminargraph.textfile import normalise_space

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "almedalsdata"
SETS = ROOT / "tests" / "data" / "extract" / "almedalen"
DEV = SETS / "dev.rows.yaml"
HELDOUT = SETS / "heldout.rows.yaml"
HELDOUT_B = SETS / "heldout-b.rows.yaml"
HELDOUT_C = SETS / "heldout-c.rows.yaml"
HELDOUT_D = SETS / "heldout-d.rows.yaml"
HELDOUT_E = SETS / "heldout-e.rows.yaml"
HELDOUT_F = SETS / "heldout-f.rows.yaml"
HELDOUT_G = SETS / "heldout-g.rows.yaml"
HELDOUT_H = SETS / "heldout-h.rows.yaml"
HELDOUT_I = SETS / "heldout-i.rows.yaml"
HELDOUT_J = SETS / "heldout-j.rows.yaml"
HELDOUT_K = SETS / "heldout-k.rows.yaml"
#: Annotated at the end of session 22; its first run was recorded at the start of session 23.
HELDOUT_L = SETS / "heldout-l.rows.yaml"
#: Annotated in session 23 before the name model was built; its first run was recorded after it.
HELDOUT_M = SETS / "heldout-m.rows.yaml"
#: Annotated in session 23 while the rules were written; its first run was recorded after them.
HELDOUT_N = SETS / "heldout-n.rows.yaml"
#: Annotated in session 23 while the rules were written; its first run was recorded at its end.
HELDOUT_O = SETS / "heldout-o.rows.yaml"
#: Annotated in session 23 while the rules were written; its first run was recorded after all of them.
HELDOUT_P = SETS / "heldout-p.rows.yaml"
#: Annotated in session 23 while the last rules were written; its first run was recorded at its end.
HELDOUT_Q = SETS / "heldout-q.rows.yaml"
#: Annotated in session 24 by helpers who ran no extraction; each first run recorded before any
#: rule for it (S was first scored by a comparison run on the same rules, which the record says).
HELDOUT_R = SETS / "heldout-r.rows.yaml"
HELDOUT_S = SETS / "heldout-s.rows.yaml"
HELDOUT_T = SETS / "heldout-t.rows.yaml"
HELDOUT_U = SETS / "heldout-u.rows.yaml"
HELDOUT_V = SETS / "heldout-v.rows.yaml"
HELDOUT_W = SETS / "heldout-w.rows.yaml"
HELDOUT_X = SETS / "heldout-x.rows.yaml"
HELDOUT_Y = SETS / "heldout-y.rows.yaml"
HELDOUT_Z = SETS / "heldout-z.rows.yaml"
HELDOUT_AA = SETS / "heldout-aa.rows.yaml"
HELDOUT_AB = SETS / "heldout-ab.rows.yaml"
HELDOUT_AC = SETS / "heldout-ac.rows.yaml"
HELDOUT_AD = SETS / "heldout-ad.rows.yaml"
HELDOUT_AE = SETS / "heldout-ae.rows.yaml"
HELDOUT_AF = SETS / "heldout-af.rows.yaml"
HELDOUT_AG = SETS / "heldout-ag.rows.yaml"
HELDOUT_AH = SETS / "heldout-ah.rows.yaml"
HELDOUT_AI = SETS / "heldout-ai.rows.yaml"
HELDOUT_AJ = SETS / "heldout-aj.rows.yaml"
HELDOUT_AL = SETS / "heldout-al.rows.yaml"
HELDOUT_AM = SETS / "heldout-am.rows.yaml"
HELDOUT_AN = SETS / "heldout-an.rows.yaml"
HELDOUT_AO = SETS / "heldout-ao.rows.yaml"
HELDOUT_AP = SETS / "heldout-ap.rows.yaml"
HELDOUT_AQ = SETS / "heldout-aq.rows.yaml"
HELDOUT_AR = SETS / "heldout-ar.rows.yaml"
HELDOUT_AS = SETS / "heldout-as.rows.yaml"
HELDOUT_AT = SETS / "heldout-at.rows.yaml"
ALL = (
    DEV,
    HELDOUT,
    HELDOUT_B,
    HELDOUT_C,
    HELDOUT_D,
    HELDOUT_E,
    HELDOUT_F,
    HELDOUT_G,
    HELDOUT_H,
    HELDOUT_I,
    HELDOUT_J,
    HELDOUT_K,
    HELDOUT_L,
    HELDOUT_M,
    HELDOUT_N,
    HELDOUT_O,
    HELDOUT_P,
    HELDOUT_Q,
    HELDOUT_R,
    HELDOUT_S,
    HELDOUT_T,
    HELDOUT_U,
    HELDOUT_V,
    HELDOUT_W,
    HELDOUT_X,
    HELDOUT_Y,
    HELDOUT_Z,
    HELDOUT_AA,
    HELDOUT_AB,
    HELDOUT_AC,
    HELDOUT_AD,
    HELDOUT_AE,
    HELDOUT_AF,
    HELDOUT_AG,
    HELDOUT_AH,
    HELDOUT_AI,
    HELDOUT_AJ,
    HELDOUT_AL,
    HELDOUT_AM,
    HELDOUT_AN,
    HELDOUT_AO,
    HELDOUT_AP,
    HELDOUT_AQ,
    HELDOUT_AR,
    HELDOUT_AS,
    HELDOUT_AT,
)

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is not there")


@cache
def _run(gold_file: Path) -> list[tuple[GoldPage, ExtractionResult]]:
    golds = load_rows_gold(gold_file, DATA)
    return [(gold, extract_text(gold.text or "", name=gold.path.name, html=False)) for gold in golds]


def test_the_sets_are_rows_of_the_data_in_both_languages() -> None:
    for gold_file, size in (
        (DEV, 36),
        (HELDOUT, 26),
        (HELDOUT_B, 20),
        (HELDOUT_C, 40),
        (HELDOUT_D, 40),
        (HELDOUT_E, 20),
        (HELDOUT_F, 21),
        (HELDOUT_G, 22),
        (HELDOUT_H, 27),
        (HELDOUT_I, 29),
        (HELDOUT_J, 29),
        (HELDOUT_K, 28),
        (HELDOUT_L, 25),
        (HELDOUT_M, 27),
        (HELDOUT_N, 28),
        (HELDOUT_O, 28),
        (HELDOUT_P, 28),
        (HELDOUT_Q, 28),
        (HELDOUT_R, 28),
        (HELDOUT_S, 28),
        (HELDOUT_T, 28),
        (HELDOUT_U, 28),
        (HELDOUT_V, 28),
        (HELDOUT_W, 28),
        (HELDOUT_X, 28),
        (HELDOUT_Y, 28),
        (HELDOUT_Z, 28),
        (HELDOUT_AA, 28),
        (HELDOUT_AB, 28),
    ):
        pairs = _run(gold_file)
        assert len(pairs) == size
        # Sets L on are all Swedish: the English pools had no row left for them.
        swedish = ALL[ALL.index(HELDOUT_L) :]
        languages = {"sv"} if gold_file in swedish else {"sv", "en"}
        assert {gold.language for gold, _ in pairs} == languages
    rows = {gold.path.name for f in ALL for gold, _ in _run(f)}
    assert len(rows) == 1286  # no row in two sets


@pytest.mark.parametrize("later", ALL[ALL.index(HELDOUT_H) :], ids=lambda p: p.name)
def test_the_later_sets_repeat_no_sentence_of_an_earlier_set(later: Path) -> None:
    # From set H on, the picker leaves out a row that shares a sentence of 40 characters or more
    # with a row of an earlier set (set G had taken one that repeats a sentence of set F's).
    def sentences(gold: GoldPage) -> set[str]:
        text = normalise_space(gold.text or "")
        return {part.lower() for part in re.split(r"(?<=[.!?])\s+", text) if len(part) >= 40}

    earlier = {s for f in ALL[: ALL.index(later)] for gold, _ in _run(f) for s in sentences(gold)}
    for gold, _ in _run(later):
        assert not sentences(gold) & earlier, gold.path.name


def test_every_annotated_name_is_written_in_its_row() -> None:
    for gold_file in ALL:
        for gold, _ in _run(gold_file):
            text = normalise_space(gold.text or "")
            for person in gold.people:
                assert person.name in text, (gold.path.name, person.name)


@pytest.mark.parametrize(
    "gold_file",
    ALL,
    ids=[f.name.removesuffix(".rows.yaml") for f in ALL],
)
def test_no_invented_people_and_every_item_quotes_the_text(gold_file: Path) -> None:
    for _gold, result in _run(gold_file):
        text = result.normalised
        for event in result.events:
            for participant in event.participants:
                evidence = participant.evidence
                assert text[evidence.start : evidence.end] == evidence.quote
                ((start, end),) = participant.spans["name"]
                assert text[start:end] == participant.name


def test_the_development_set_scores() -> None:
    # The figures of docs/extraction.md (names P 1.0, R 0.824; full tuple F1 0.688), kept from
    # falling back; the held-out set is scored in the docs, not held to a figure here.
    scores = score(_run(DEV))
    names, full = scores.strict["names"], scores.strict["full tuple"]
    assert names.precision >= 0.95, scores.differences
    assert names.recall >= 0.8, scores.differences
    assert full.f1 >= 0.65, scores.differences


def test_no_name_is_invented_on_either_set() -> None:
    for gold_file in ALL:
        for gold, result in _run(gold_file):
            text = normalise_space(gold.text or "")
            for participant in result.participants:
                assert participant.name in text, (gold.path.name, participant.name)
