"""`seminargraph extract` as a user runs it: outputs, messages, exit codes, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seminargraph.extract.document import MAX_PAGE_BYTES

ROOT = Path(__file__).parent.parent
SEED = ROOT / "data" / "hypergene-almedalen-2015.txt"
DEV = Path(__file__).parent / "data" / "extract" / "dev"
PAGE = "Skogen och klimatet\n\nMedverkande:\nÅke Norrby, skogsägare, Norrby gård\n\nModerator: Eva Holm\n"


def test_seed_page_as_json(run_cli) -> None:
    result = run_cli("extract", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    events = data["events"]
    assert [e["name"] for e in events] == [
        "Människor, förändringsvilja och IT: hur 21 myndigheter enas om ett gemensamt beslutsstöd",
        "Från röra till ledning – hur kan kommunal verksamhetsstyrning bli effektivare?",
    ]
    people = {p["name"]: p for e in events for p in e["participants"] if p["kind"] == "person"}
    assert len(people) == 8
    staffan = people["Staffan Larsson"]
    assert (staffan["job_title"], staffan["organisation"], staffan["role"]) == (
        "länsråd",
        "Länsstyrelsen i Södermanland",
        "panelist",
    )
    assert people["Leif Jonsson"]["organisation"] is None  # null where the text does not say
    assert people["Robin Askelöf"]["role"] == "moderator"
    text = SEED.read_text("utf-8")
    for person in people.values():
        evidence = person["evidence"]
        assert set(evidence) >= {"quote", "start", "end", "confidence"}
        assert " ".join(evidence["quote"].split()) in " ".join(text.split())
    assert data["sources"][0]["language"] == "sv"


def test_draft_is_written_beside_its_text_and_builds(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "in" / "skogen.html"
    page.parent.mkdir()
    page.write_text(
        "<html><body><h1>Skogen och klimatet</h1><h2>Medverkande</h2><ul><li>Åke Norrby, skogsägare, "
        "Norrby gård</li></ul><p><b>Moderator:</b> Eva&nbsp;Holm</p></body></html>",
        "utf-8",
    )
    draft = tmp_path / "out" / "skogen.yaml"
    result = run_cli("extract", str(page), "-o", str(draft), "--no-known")
    assert result.exit_code == 0, result.stderr
    assert f"wrote {draft}" in result.stderr
    text = draft.with_suffix(".txt").read_text("utf-8")
    assert text.startswith("Skogen och klimatet\n") and "<" not in text
    assert 'text: "skogen.txt"' in draft.read_text("utf-8")
    built = run_cli("build", str(draft), "-o", str(tmp_path / "graph"))
    assert built.exit_code == 0, built.stderr
    table = run_cli("query", "participants", "-d", str(draft), "--format", "json")
    rows = json.loads(table.stdout)
    assert {(r["person"], r["role"]) for r in rows} >= {
        ("Åke Norrby", "paneldeltagare"),
        ("Eva Holm", "moderator"),
    }


def test_an_existing_draft_is_replaced_only_with_force(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    draft = tmp_path / "draft.yaml"
    draft.write_text("reviewed: yes\n", "utf-8")
    result = run_cli("extract", str(page), "-o", str(draft))
    assert result.exit_code == 1
    assert "exists" in result.stderr and "--force" in result.stderr
    assert draft.read_text("utf-8") == "reviewed: yes\n"
    assert not (tmp_path / "draft.txt").exists()
    assert run_cli("extract", str(page), "-o", str(draft), "--force").exit_code == 0
    assert "Åke Norrby" in draft.read_text("utf-8")


def test_the_draft_never_rewrites_the_page_it_was_made_from(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    result = run_cli("extract", str(page), "-o", str(tmp_path / "page.yaml"))
    assert result.exit_code == 0, result.stderr
    assert page.read_text("utf-8") == PAGE
    written = [line for line in result.stderr.splitlines() if line.startswith("wrote")]
    assert written == [f"wrote {tmp_path / 'page.yaml'}"]


def test_several_pages_give_one_draft_each_in_a_folder(run_cli, tmp_path: Path) -> None:
    pages = [DEV / "d01-vattnet-framtid.txt", DEV / "d07-kulturarv.htm"]
    assert run_cli("extract", *map(str, pages)).exit_code == 1  # several drafts need a folder
    out = tmp_path / "drafts"
    result = run_cli("extract", *map(str, pages), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "d01-vattnet-framtid.txt",
        "d01-vattnet-framtid.yaml",
        "d07-kulturarv.txt",
        "d07-kulturarv.yaml",
    ]
    assert run_cli("build", str(out), "-o", str(tmp_path / "graph")).exit_code == 0


def test_a_hostile_file_name_cannot_write_yaml_into_the_draft(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page\nsource: {id: evil}.txt"
    page.write_text(PAGE, "utf-8")
    result = run_cli("extract", str(page), "-o", str(tmp_path / "draft.yaml"))
    assert result.exit_code == 0, result.stderr
    assert run_cli("validate", str(tmp_path / "draft.yaml")).exit_code == 0


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("notes.txt", " is a file, not a folder: give -o DRAFT.yaml for one page, or a folder"),
        ("found.json", ": a draft is YAML; give -o DRAFT.yaml or a folder, or use --format json"),
    ],
)
def test_an_output_that_is_no_draft_name_or_folder_is_refused(
    run_cli, tmp_path: Path, output: str, message: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = run_cli("extract", str(page), "-o", str(tmp_path / output))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / output}{message}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "page.txt"]
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


def test_json_to_a_file(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "found.json"
    result = run_cli("extract", str(DEV / "d09-circular-economy.txt"), "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["events"][0]["participants"][0]["name"] == "Laura Mäkelä"


def test_json_never_replaces_a_page_it_reads(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    result = run_cli("extract", str(page), "--format", "json", "-o", str(page))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {page} is a page being read; give -o another name"
    assert page.read_text("utf-8") == PAGE


def test_a_page_without_participants_gives_an_empty_draft_and_a_message(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "empty.yaml"
    result = run_cli("extract", str(DEV / "d17-inga-deltagare.txt"), "-o", str(draft))
    assert result.exit_code == 0
    assert "found no participants" in result.stderr
    text = draft.read_text("utf-8")
    assert "source:" in text and "participations:" not in text
    assert run_cli("validate", str(draft)).exit_code == 0


def test_another_language_gets_a_warning(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "seite.txt"
    page.write_text(
        "Die Zukunft der Stadt\n\nDie Teilnehmer diskutieren, wie die Stadt und die Region mit den Daten "
        "arbeiten und was sie dafür tun können.\n",
        "utf-8",
    )
    result = run_cli("extract", str(page), "--format", "json")
    assert result.exit_code == 0
    assert "looks German" in result.stderr
    assert json.loads(result.stdout)["sources"][0]["detected_language"] == "de"


def test_html_to_standard_output_names_the_text_it_needs(run_cli) -> None:
    result = run_cli("extract", str(DEV / "d07-kulturarv.htm"))
    assert result.exit_code == 0
    assert 'text: "d07-kulturarv.txt"' in result.stdout
    assert "only -o writes" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Seminarium om skogen\nMedverkande: Åke".encode("latin-1"), "not UTF-8 at line 2 column 14"),
        (b"\xef\xbb\xbfSeminarium\n", "byte-order mark"),
        ("Seminarium\n".encode("utf-16"), "looks like UTF-16"),
        (b"Program\n" + b"\x01\x02\x03\x04" * 50, "binary file"),
        (b"<html><body><script>x()</script></body></html>", "no visible text"),
    ],
    ids=["empty", "whitespace", "png", "latin-1", "bom", "utf-16", "control-characters", "html-without-text"],
)
def test_bad_input_is_refused_and_nothing_is_written(
    run_cli, tmp_path: Path, content: bytes, message: str
) -> None:
    page = tmp_path / ("page.html" if content.startswith(b"<html") else "page.txt")
    page.write_bytes(content)
    draft = tmp_path / "out" / "draft.yaml"
    result = run_cli("extract", str(page), "-o", str(draft))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {page}")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not draft.parent.exists()


def test_stray_control_characters_become_spaces_and_the_draft_loads(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE.replace("skogsägare,", "skogsägare\x07\uffff,"), "utf-8")
    draft = tmp_path / "out" / "page.yaml"
    result = run_cli("extract", str(page), "-o", str(draft), "--no-known")
    assert result.exit_code == 0, result.stderr
    assert "replaced 2 control character(s) or non-character(s) with spaces" in result.stderr
    assert run_cli("validate", str(draft)).exit_code == 0
    assert "Åke Norrby" in draft.read_text("utf-8")


def test_invisible_marks_are_spaces_a_soft_hyphen_is_nothing_and_the_draft_loads(
    run_cli, tmp_path: Path
) -> None:
    # A direction mark before a title, a zero-width space between two words and a soft hyphen
    # inside a name, as programmes copied out of other programs carry them.
    page = tmp_path / "page.txt"
    text = PAGE.replace("skogsägare,", "\u200eskogsägare,\u200b").replace("Norrby gård", "Norr\u00adby gård")
    page.write_text(text, "utf-8")
    draft = tmp_path / "out" / "page.json"
    result = run_cli("extract", str(page), "-o", str(draft), "--no-known", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (person,) = [
        p
        for e in json.loads(draft.read_text("utf-8"))["events"]
        for p in e["participants"]
        if p["name"] == "Åke Norrby"
    ]
    assert (person["job_title"], person["organisation"]) == ("skogsägare", "Norrby gård")
    yaml_draft = tmp_path / "out" / "page2.yaml"
    assert run_cli("extract", str(page), "-o", str(yaml_draft), "--no-known").exit_code == 0
    assert run_cli("validate", str(yaml_draft)).exit_code == 0


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("page.md", "# Program\n\n## Samtal med Anna Berg och Per Ek\n"),
        ("page.html", "<h1>Program</h1><p>Om skolan.</p><h2>Möt Anna Berg</h2><h2>Möt Per Ek</h2>"),
        ("page.txt", "Första samtalet\n\nEn text om skolan.\n\nMöt Anna Berg och Per Ek\n"),
    ],
)
def test_a_last_heading_that_names_people_and_has_nothing_under_it(
    run_cli, tmp_path: Path, name: str, text: str
) -> None:
    # The people named by the heading's own cue are read; such a heading used to stop the
    # command with an IndexError (session 27).
    page = tmp_path / name
    page.write_text(text, "utf-8")
    draft = tmp_path / "out" / "page.yaml"
    result = run_cli("extract", str(page), "-o", str(draft), "--no-known")
    assert result.exit_code == 0, result.stderr
    assert "Anna Berg" in draft.read_text("utf-8") and "Per Ek" in draft.read_text("utf-8")
    assert run_cli("validate", str(draft)).exit_code == 0


def test_a_missing_file_and_a_folder(run_cli, tmp_path: Path) -> None:
    result = run_cli("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'nope.txt'}: cannot read the file")
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_cli("extract", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path}: is not a file"


def test_a_draft_that_cannot_be_written_names_the_place_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, "utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    for args in (["-o", str(blocker / "draft.yaml")], ["--format", "json", "-o", str(blocker / "x.json")]):
        result = run_cli("extract", str(page), "--lang", "sv", *args)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {blocker}: cannot write here: ")
        assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "page.txt"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "huge.txt"
    with page.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)  # sparse: the limit is checked on the size
    result = run_cli("extract", str(page))
    assert result.exit_code == 1
    assert "over the limit" in result.stderr


def test_a_large_page_with_no_punctuation_is_read_in_bounded_time(run_cli, tmp_path: Path) -> None:
    # One endless sentence after a cue, with no commas: the worst case for list reading.
    page = tmp_path / "long.txt"
    page.write_text("Panel\n\nI samtalet deltar " + "Anna Berg och " * 20_000 + "Per Lind.\n", "utf-8")
    result = run_cli("extract", str(page), "--format", "json", "--no-known")
    assert result.exit_code == 0
    names = {p["name"] for e in json.loads(result.stdout)["events"] for p in e["participants"]}
    assert names == {"Anna Berg", "Per Lind"}


def test_usage_errors(run_cli) -> None:
    assert run_cli("extract").exit_code == 2
    assert run_cli("extract", str(SEED), "--lang", "de").exit_code == 2
    assert run_cli("extract", str(SEED), "--format", "xml").exit_code == 2
    both = run_cli("extract", str(SEED), "--known", str(ROOT / "data"), "--no-known")
    assert both.exit_code == 2 and "--known PATH or --no-known, not both" in both.stderr


def test_known_data_must_be_authored_yaml(run_cli, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("x", "utf-8")
    result = run_cli("extract", str(SEED), "--known", str(other))
    assert result.exit_code == 1
    assert "notes.txt" in result.stderr and "YAML" in result.stderr
