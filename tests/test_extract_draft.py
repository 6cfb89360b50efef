"""Drafts in the authoring format: they load, build, reuse existing ids with evidence only, and the
seed page's draft builds into the same participants table as the hand-authored data."""

from __future__ import annotations

from pathlib import Path

import pytest

from seminargraph import load_graph, run_query
from seminargraph.authoring import load_file
from seminargraph.build import summarize
from seminargraph.errors import SourceError
from seminargraph.extract import extract_file, extract_text
from seminargraph.extract.outputs import extract_files
from seminargraph.extract.reconcile import load_known
from seminargraph.ontology import builtin_data_dir
from seminargraph.query import parse_query_text
from seminargraph.validate import validate_graph

ROOT = Path(__file__).parent.parent
SEED = ROOT / "data" / "hypergene-almedalen-2015.txt"
DEV = Path(__file__).parent / "data" / "extract" / "dev"


def write(files: dict[Path, bytes]) -> None:
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def draft_of(page: Path, folder: Path, known: tuple[Path, ...] = ()) -> Path:
    output = extract_files([page], output=folder / f"{page.stem}.yaml", known=known)
    write(output.files)
    return folder / f"{page.stem}.yaml"


def participants(*paths: Path | str) -> list[dict[str, object]]:
    return run_query(load_graph(*paths), "participants", lang="sv").records()


def test_the_seed_draft_builds_into_the_hand_authored_participants_table(tmp_path: Path) -> None:
    draft = draft_of(SEED, tmp_path)
    assert participants(draft) == participants()  # the draft alone, as extracted, not yet reviewed


def test_the_seed_draft_reuses_every_id_and_adds_nobody(tmp_path: Path) -> None:
    draft = draft_of(SEED, tmp_path, known=(builtin_data_dir(),))
    records = load_file(draft)
    hand = load_file(builtin_data_dir() / "hypergene-almedalen-2015.yaml")
    assert {p.id for p in records.people} == {p.id for p in hand.people}
    assert {e.id for e in records.events} == {"manniskor-forandringsvilja-och-it", "fran-rora-till-ledning"}
    assert {o.id for o in records.organisations} <= {o.id for o in hand.organisations}
    together = summarize(load_graph(builtin_data_dir(), draft))
    alone = summarize(load_graph())
    assert (together.people, together.organisations, together.events) == (
        alone.people,
        alone.organisations,
        alone.events,
    )


def test_every_development_draft_loads_and_validates(tmp_path: Path) -> None:
    pages = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".htm"))
    output = extract_files(pages, output=tmp_path)
    write(output.files)
    drafts = sorted(tmp_path.glob("*.yaml"))
    assert len(drafts) == len(pages)
    for draft in drafts:
        load_file(draft)  # quotes occur in the text beside it, ids are valid, nothing unknown
    report = validate_graph(load_graph(tmp_path))
    assert report.conforms, report.text()


HAS_PARTICIPANT = """
PREFIX sg: <https://seminargraph.example/ns#>
SELECT ?name WHERE { ?event sg:hasParticipant ?person . ?person sg:name ?name }
"""


def taking_part(path: Path) -> set[str]:
    query = parse_query_text(HAS_PARTICIPANT, "taking-part", "test")
    return {str(row["name"]) for row in run_query(load_graph(path), query).records()}


def test_uncertain_items_are_marked_and_kept_apart_until_reviewed(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Skogen\n\nMedverkande:\nQuorx Zapp\nAnna Lund, skogsägare, Lunds gård\n", "utf-8")
    draft = draft_of(page, tmp_path / "out")
    text = draft.read_text("utf-8")
    assert "status: ambiguous" in text and 'note: "REVIEW:' in text
    assert taking_part(draft) == {"Anna Lund"}  # no convenience edge from an ambiguous fact
    reviewed = draft.parent / "reviewed.yaml"
    reviewed.write_text(text.replace("status: ambiguous", "status: stated"), "utf-8")
    assert taking_part(reviewed) == {"Anna Lund", "Quorx Zapp"}


KNOWN = """
source: {id: known-page, title: Known, text: known.txt, language: sv}
organisations:
  - {id: ekbo-ab, name: {sv: Ekbo AB}}
people:
  - {id: anna-berg, name: Anna Berg}
affiliations:
  - id: anna-berg-vd
    person: anna-berg
    organisation: ekbo-ab
    title: {sv: vd}
    status: stated
    quote: Anna Berg, vd på Ekbo AB, talar.
"""


@pytest.fixture
def known(tmp_path: Path) -> Path:
    folder = tmp_path / "known"
    folder.mkdir()
    (folder / "known.txt").write_text("Ett seminarium. Anna Berg, vd på Ekbo AB, talar.\n", "utf-8")
    (folder / "known.yaml").write_text(KNOWN, "utf-8")
    return folder


def test_same_name_and_organisation_gets_the_existing_id(tmp_path: Path, known: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Framtiden\n\nI samtalet deltar Anna Berg, styrelseledamot i Ekbo AB.\n", "utf-8")
    draft = draft_of(page, tmp_path / "out", known=(known,))
    records = load_file(draft)
    assert [p.id for p in records.people] == ["anna-berg"]
    assert [o.id for o in records.organisations] == ["ekbo-ab"]
    assert "same name and organisation" in draft.read_text("utf-8")
    assert summarize(load_graph(known, draft)).people == 1


def test_a_namesake_at_another_organisation_is_not_merged(tmp_path: Path, known: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Framtiden\n\nI samtalet deltar Anna Berg, rektor på Åbyskolan.\n", "utf-8")
    draft = draft_of(page, tmp_path / "out", known=(known,))
    records = load_file(draft)
    (person,) = records.people
    assert person.id != "anna-berg" and person.name == "Anna Berg"
    assert "# REVIEW: another person named Anna Berg exists (anna-berg)" in draft.read_text("utf-8")
    graph = load_graph(known, draft)
    assert summarize(graph).people == 2


def test_no_organisation_is_not_evidence_either(tmp_path: Path, known: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Framtiden\n\nSamtalet leds av Anna Berg.\n", "utf-8")
    draft = draft_of(page, tmp_path / "out", known=(known,))
    assert load_file(draft).people[0].id == "anna-berg-2"


def test_reconciling_needs_valid_known_data(tmp_path: Path, known: Path) -> None:
    (known / "known.yaml").write_text(KNOWN.replace("anna-berg-vd", "Anna Berg VD"), "utf-8")
    with pytest.raises(SourceError, match=r"known\.yaml:8: affiliations\.id"):
        load_known([known])


def test_json_and_draft_agree(tmp_path: Path) -> None:
    result = extract_file(DEV / "d16-parentes.txt")
    draft = draft_of(DEV / "d16-parentes.txt", tmp_path)
    records = load_file(draft)
    assert {p.name for p in records.people} == {p.name for p in result.participants}
    assert len(records.participations) == len(result.participants)


def test_text_given_directly_has_no_file(tmp_path: Path) -> None:
    result = extract_text("Skogen\n\nModerator: Eva Holm", name="inline")
    assert result.source == "inline" and result.participants[0].name == "Eva Holm"
