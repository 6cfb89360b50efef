"""The cues' gates (issue 12, speed): a sentence that holds none of a cue's words is not searched
with its pattern, and that must never change what is found."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from seminargraph.extract import cues
from seminargraph.extract.cues import CUES, CueMatch, find_cues
from seminargraph.extract.layout import sentences

ROOT = Path(__file__).resolve().parent
TEXTS = sorted((ROOT / "data" / "extract").rglob("*.txt"))


def _key(found: list[CueMatch]) -> list[tuple[int, int, str, str | None, str]]:
    return [(m.start, m.end, m.cue.pattern.pattern, m.cue.person_role, m.cue.direction) for m in found]


def _sentences() -> list[str]:
    out = []
    for path in TEXTS:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            out += [paragraph[a:b] for a, b in sentences(paragraph)]
    return out


def test_every_cue_has_a_gate_of_real_words() -> None:
    for cue in CUES:
        assert cue.gate, cue.pattern.pattern[:60]
        assert all(len(word) >= 3 and word == word.lower() for word in cue.gate)


def test_the_gates_change_nothing_that_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _sentences()
    assert len(texts) > 500  # the annotated pages of tests/data/extract
    gated = [_key(find_cues(text, 0)) for text in texts]
    assert sum(map(bool, gated)) > 100  # many sentences hold a cue
    monkeypatch.setattr(cues, "CUES", tuple(replace(cue, gate=None) for cue in CUES))
    assert [_key(find_cues(text, 0)) for text in texts] == gated


DATA = ROOT.parent.parent / "shared" / "almedalsdata"


@pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is not there")
def test_the_gates_change_nothing_on_real_programme_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from seminargraph.extract.scoring import programme_rows

    rows = [text for year in (2012, 2022) for _title, text in programme_rows(DATA / f"{year}.csv").values()]
    texts = [p[a:b] for text in rows[::4] for p in text.split("\n") for a, b in sentences(p)]
    gated = [_key(find_cues(text, 0)) for text in texts]
    assert sum(map(bool, gated)) > 500
    monkeypatch.setattr(cues, "CUES", tuple(replace(cue, gate=None) for cue in CUES))
    assert [_key(find_cues(text, 0)) for text in texts] == gated


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Seminariet bjöd in Anna Ek.", {"bjöd"}),  # a start the parser takes out of "bjudit|bjöd"
        ("Samtalet leds av Per Holm.", {"samtalet"}),  # the longest word a match must hold
        ("A and B will together with C discuss it.", {"together"}),
    ],
)
def test_a_gate_holds_the_word_its_match_begins_or_goes_on_with(sentence: str, words: set[str]) -> None:
    found = find_cues(sentence, 0)
    assert found
    assert any(set(m.cue.gate or ()) & words for m in found)
