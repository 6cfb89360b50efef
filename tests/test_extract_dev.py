"""Extraction on the annotated pages: the seed page exactly right, the targets on the development
set, and every item checkable against the text it quotes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from seminargraph.errors import SourceError
from seminargraph.extract import ExtractionResult, extract_file
from seminargraph.extract.scoring import GoldPage, load_gold, score
from seminargraph.textfile import normalise_space

EXTRACT = Path(__file__).parent / "data" / "extract"
DEV = sorted((EXTRACT / "dev").glob("*.gold.yaml"))
HELDOUT = sorted(
    path
    for folder in (
        "heldout",
        "heldout2",
        "heldout3",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
    )
    for path in (EXTRACT / folder).glob("*.gold.yaml")
)
SEED = EXTRACT / "dev" / "d00-hypergene-almedalen-2015.gold.yaml"


@cache
def _run(gold_path: Path) -> tuple[GoldPage, ExtractionResult]:
    gold = load_gold(gold_path)
    return gold, extract_file(gold.text_path, lang=gold.language)


def test_the_development_set_has_twenty_pages_and_the_seed_page() -> None:
    assert len(DEV) >= 21
    assert SEED in DEV
    languages = {load_gold(path).language for path in DEV}
    assert languages == {"sv", "en"}
    assert any(load_gold(path).text_path.suffix == ".htm" for path in DEV)


def test_the_seed_gold_is_the_shared_seed_page() -> None:
    gold = load_gold(SEED)
    shared = Path("/work/shared/seeds/000_c2aea3d9b67761fb.txt")
    if shared.exists():
        assert gold.text_path.read_bytes() == shared.read_bytes()
    assert (
        gold.text_path.resolve()
        == (Path(__file__).parent.parent / "data/hypergene-almedalen-2015.txt").resolve()
    )


def test_the_seed_page_is_exactly_right() -> None:
    scores = score([_run(SEED)])
    assert scores.differences == []
    full = scores.strict["full tuple"]
    assert (full.tp, full.fp, full.fn) == (8, 0, 0)
    assert scores.organisations.tp == 2


def test_the_seed_page_gives_its_two_seminars_in_order() -> None:
    _gold, result = _run(SEED)
    assert [event.name for event in result.events] == [
        "Människor, förändringsvilja och IT: hur 21 myndigheter enas om ett gemensamt beslutsstöd",
        "Från röra till ledning – hur kan kommunal verksamhetsstyrning bli effektivare?",
    ]
    magnus = next(p for p in result.participants if p.name == "Magnus Staxäng")
    assert magnus.job_title == "konsultchef och erfaren beslutsstödskonsult"
    assert magnus.job_titles == ("konsultchef", "beslutsstödskonsult")
    leif = next(p for p in result.participants if p.name == "Leif Jonsson")
    assert leif.organisation is None and leif.job_titles == ("docent",)


def test_the_development_set_meets_the_targets() -> None:
    scores = score(_run(path) for path in DEV)
    names, full = scores.strict["names"], scores.strict["full tuple"]
    assert names.precision >= 0.95, scores.differences
    assert names.f1 >= 0.95, scores.differences
    assert full.f1 >= 0.85, scores.differences


@pytest.mark.parametrize("gold_path", DEV + HELDOUT, ids=lambda p: p.name.removesuffix(".gold.yaml"))
def test_every_item_is_a_quote_of_the_text(gold_path: Path) -> None:
    _gold, result = _run(gold_path)
    text = result.normalised
    assert text == normalise_space(result.text)
    for event in result.events:
        if event.evidence is not None:
            assert text[event.evidence.start : event.evidence.end] == event.evidence.quote == event.title
        if event.title is not None:  # the name is the title, at most in another case
            assert event.name is not None and event.name.casefold() == event.title.casefold()
        if event.part_of is not None:
            nesting = event.part_of.evidence
            assert text[nesting.start : nesting.end] == nesting.quote
        for participant in event.participants:
            evidence = participant.evidence
            assert text[evidence.start : evidence.end] == evidence.quote
            assert 0 < evidence.confidence < 1
            (name_span,) = participant.spans["name"]
            assert text[name_span[0] : name_span[1]] == participant.name
            assert (evidence.start <= name_span[0] and name_span[1] <= evidence.end) or evidence.more
            titles = [text[s:e] for s, e in participant.spans.get("job_titles", ())]
            assert tuple(dict.fromkeys(titles)) == participant.job_titles
            if participant.organisation is not None:
                ((start, end),) = participant.spans["organisation"]
                written = text[start:end]
                if participant.organisation_status == "stated":
                    assert written == participant.organisation
                else:  # read from a genitive: the name it is read as occurs in the text too
                    assert participant.organisation in text and participant.organisation_note
            if participant.party is not None:
                ((start, end),) = participant.spans["party"]
                assert text[start:end] == participant.party
            if participant.status != "stated":
                assert participant.notes and participant.notes[0].startswith("REVIEW:")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("language: sv\nevents: []\n", "gold.yaml:1:1: the gold file has no 'text' field"),
        ("text: p.txt\n", "gold.yaml:1:1: the gold file has no 'events' field"),
        (
            "text: p.txt\nevents:\n  - title: T\n    participants:\n      - {name: Anna Berg}\n",
            "gold.yaml:5:9: a participant has no 'role' field",
        ),
        (
            "text: p.txt\nevents:\n  - title: T\n    organisations:\n      - {role: organiser}\n",
            "gold.yaml:5:9: an organisation has no 'name' field",
        ),
        ("text: p.txt\nevents: none\n", "gold.yaml:2:9: events: 'events' must be a list"),
        (
            "text: p.txt\nevents:\n  - title: T\n    participants: [Anna Berg]\n",
            "gold.yaml:4:20: a participant must be a mapping",
        ),
    ],
)
def test_a_malformed_gold_file_names_the_file_and_the_missing_field(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(body, "utf-8")
    with pytest.raises(SourceError) as caught:
        load_gold(path)
    assert str(caught.value) == f"{tmp_path}/{message}"
