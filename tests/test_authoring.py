"""Authored YAML: what is read, and every way a file is refused (with file, line and field)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from seminargraph import SourceError, load_graph
from seminargraph.inputs.authoring import load_file
from seminargraph.inputs.catalog import build_catalog
from seminargraph.ontology import builtin_data_dir
from seminargraph.textfile import normalise_space

MINIMAL = Path(__file__).parent / "data" / "minimal"


def case(tmp_path: Path, *edits: tuple[str, str], text: str | None = None) -> Path:
    """Copy the minimal source into tmp_path with textual edits; return the YAML path."""
    yaml_text = (MINIMAL / "seminar.yaml").read_text("utf-8")
    for old, new in edits:
        assert old in yaml_text, f"test setup: {old!r} not in the minimal YAML"
        yaml_text = yaml_text.replace(old, new, 1)
    target = tmp_path / "seminar.yaml"
    target.write_text(yaml_text, "utf-8")
    if text is None:
        shutil.copy(MINIMAL / "seminar.txt", tmp_path / "seminar.txt")
    else:
        (tmp_path / "seminar.txt").write_text(text, "utf-8")
    return target


def refused(path: Path) -> SourceError:
    with pytest.raises(SourceError) as info:
        build_catalog([load_file(path)])
    return info.value


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# --- what is read --------------------------------------------------------------------------------


def test_the_seed_file_reads_completely() -> None:
    records = load_file(builtin_data_dir() / "hypergene-almedalen-2015.yaml")
    names = sorted(p.name for p in records.people)
    assert names == [
        "David Hallgren",
        "Johan Lod",
        "Leif Jonsson",
        "Magnus Staxäng",
        "Peter Ingesson",
        "Robin Askelöf",
        "Staffan Larsson",
        "Therese Hjälmroth",
    ]
    assert {o.id for o in records.organisations} == {
        "hypergene",
        "lansstyrelserna",
        "lansstyrelsen-i-sodermanland",
        "lansstyrelsernas-it-enhet",
        "motala-kommun",
        "linkopings-universitet",
    }
    assert len(records.participations) == 12
    # The no-break spaces of the page are normalised, so quotes written with plain spaces match.
    assert "\u00a0" not in records.source.text


def test_whitespace_inside_values_is_normalised(tmp_path: Path) -> None:
    path = case(tmp_path, ("name: Anna Berg", 'name: "Anna\\u00a0 Berg"'))
    assert "Anna Berg" in {p.name for p in load_file(path).people}


# --- refused, with the place named ---------------------------------------------------------------


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = case(tmp_path, ("  - id: karl-nystrom\n    name", "  - id: karl-nystrom\n   name"))
    error = refused(path)
    assert error.path == str(path)
    assert error.line is not None and abs(error.line - line_of(path, "   name: Karl")) <= 1
    assert "malformed YAML" in str(error)


def test_unclosed_quote_is_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("name: Eva Lind", 'name: "Eva Lind'))
    assert "malformed YAML" in str(refused(path))


def test_unknown_field_is_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("  - id: eva-lind\n", "  - id: eva-lind\n    email: eva@example.org\n"))
    error = refused(path)
    assert error.field == "people.email" and "not a known field" in str(error)
    assert error.line == line_of(path, "email:")


def test_missing_required_field_is_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("    agent: eva-lind\n    role: moderator\n", "    agent: eva-lind\n"))
    error = refused(path)
    assert error.field == "participations.role" and "missing" in str(error)


def test_undefined_reference_is_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("    agent: eva-lind", "    agent: eva-lund"))
    error = refused(path)
    assert "'eva-lund', which is not defined" in str(error)
    assert error.field == "participations.agent"


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        (
            "  - id: eva-lind\n    name: Eva Lind",
            "  - id: eva-lind\n    name: Eva Lind\n  - id: eva-lind\n    name: Eva Lind",
        ),
    )
    assert "already used" in str(refused(path))


def test_a_person_and_an_organisation_cannot_share_an_id(tmp_path: Path) -> None:
    path = case(
        tmp_path, ("  - id: eva-lind\n", "  - id: exempelbyran\n    name: Exempel Byrå\n  - id: eva-lind\n")
    )
    assert "both a person" in str(refused(path))


def test_quote_not_in_the_source_is_refused(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        (
            "quote: Samtalet leddes av Eva Lind, journalist.",
            "quote: Samtalet leddes av Eva Lund, journalist.",
        ),
    )
    error = refused(path)
    assert "does not occur in the source text" in str(error)
    assert error.line == line_of(path, "Eva Lund")


def test_inferred_fact_needs_a_note(tmp_path: Path) -> None:
    path = case(
        tmp_path, ("    role: organiser\n    status: stated", "    role: organiser\n    status: inferred")
    )
    assert "needs a note" in str(refused(path))
    assert "an inferred participation needs a note saying why it is inferred" in str(refused(path))
    path = case(
        tmp_path, ("    role: organiser\n    status: stated", "    role: organiser\n    status: ambiguous")
    )
    assert "an ambiguous participation needs a note saying why it is ambiguous" in str(refused(path))


_EVENT = "    name: {sv: Frukostseminarium om öppna data, en: Breakfast seminar on open data}\n"
_TOPIC = "topics:\n  - id: oppna-data\n    label: {sv: öppna data, en: open data}\n\norganisations:\n"


def _with_topic(tmp_path: Path, entry: str, remark: str = "") -> Path:
    return case(
        tmp_path,
        ("  publisher: exempelbyran\n", "  publisher: exempelbyran\n" + remark),
        ("organisations:\n", _TOPIC),
        (_EVENT, _EVENT + "    topics:\n" + entry),
    )


def test_an_events_topic_is_a_fact_with_status_and_evidence(tmp_path: Path) -> None:
    from rdflib import URIRef

    from seminargraph.vocab import SG

    sentence = "Den 3 mars höll Exempelbyrån ett frukostseminarium om öppna data i kommunerna."
    event = URIRef("https://seminargraph.example/id/event/frukostseminarium-oppna-data")
    topic = URIRef("https://seminargraph.example/id/topic/oppna-data")
    for status, edge in (("stated", True), ("inferred", True), ("ambiguous", False)):
        note = "" if status == "stated" else "        note: Read from the seminar's name.\n"
        folder = tmp_path / status
        folder.mkdir()
        path = _with_topic(
            folder, f"      - topic: oppna-data\n        status: {status}\n        quote: {sentence}\n{note}"
        )
        graph = load_graph(path)
        facts = list(graph.subjects(SG.ofTopic, topic))
        assert len(facts) == 1
        assert (facts[0], SG.ofEvent, event) in graph
        assert str(graph.value(facts[0], SG.status)).endswith(status.capitalize())
        (evidence,) = graph.objects(facts[0], SG.evidence)
        start = int(graph.value(evidence, SG.start))  # type: ignore[arg-type]
        text = str(
            graph.value(URIRef("https://seminargraph.example/id/source/frukostseminarium"), SG.content)
        )
        assert text[start : start + len(sentence)] == sentence
        # The topic edge queries use is derived from the fact, never from an ambiguous one.
        assert ((event, SG.topic, topic) in graph) is edge


def test_a_topic_given_as_a_bare_id_or_without_its_quote_is_refused(tmp_path: Path) -> None:
    bare = _with_topic(tmp_path, "      - oppna-data\n")
    error = refused(bare)
    assert error.line == line_of(bare, "- oppna-data") and error.field == "topics"
    assert "an event's topic is a fact: write it as '- {topic: oppna-data, status: ..., quote: ...}'" in str(
        error
    )
    unquoted = _with_topic(tmp_path, "      - topic: oppna-data\n        status: stated\n")
    assert "event topic needs the quote from the source" in str(refused(unquoted))
    unknown = _with_topic(
        tmp_path,
        "      - topic: stangd-data\n        status: stated\n"
        "        quote: Samtalet leddes av Eva Lind, journalist.\n",
    )
    assert "refers to the topic 'stangd-data', which is not defined" in str(refused(unknown))


def test_a_remark_on_the_source_has_a_status_and_a_note(tmp_path: Path) -> None:
    remark = (
        "  remarks:\n    - status: ambiguous\n      quote: Samtalet leddes av Eva Lind, journalist.\n"
        "      note: Which talk is not said.\n"
    )
    entry = (
        "      - topic: oppna-data\n        status: stated\n"
        "        quote: Samtalet leddes av Eva Lind, journalist.\n"
    )
    graph = load_graph(_with_topic(tmp_path, entry, remark))
    from seminargraph import run_query

    uncertain = run_query(graph, "uncertain-facts", lang="en").records()
    assert [(r["status"], r["fact"], r["note"]) for r in uncertain] == [
        ("ambiguous", "remark frukostseminarium--1", "Which talk is not said.")
    ]
    missing = tmp_path / "missing"
    missing.mkdir()
    no_status = _with_topic(
        missing, entry, remark.replace("    - status: ambiguous\n      quote", "    - quote")
    )
    assert "remark needs a status: stated, inferred or ambiguous" in str(refused(no_status))


def test_event_nesting_cycle_is_refused(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        (
            "    name: {sv: Frukostseminarium om öppna data, en: Breakfast seminar on open data}\n",
            "    name: {sv: Frukostseminarium om öppna data, en: Breakfast seminar on open data}\n"
            "    part_of: {event: frukostseminarium-oppna-data, status: stated, "
            "quote: Frukostseminarium om öppna data}\n",
        ),
    )
    assert "cycle" in str(refused(path))


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("", "utf-8")
    assert "empty" in str(refused(path))


SECOND_SOURCE = """
source:
  id: uppfoljning
  title: Uppföljning
  text: uppfoljning.txt
  language: sv
people:
  - id: eva-lind
    name: {name}
events:
  - id: uppfoljningsmote
    type: seminar
    name: {{sv: Uppföljningsmöte}}
participations:
  - event: uppfoljningsmote
    agent: eva-lind
    role: moderator
    status: stated
    quote: Eva Lind ledde mötet.
"""


def second_source(folder: Path, name: str = "Eva Lind") -> None:
    folder.mkdir()
    (folder / "uppfoljning.yaml").write_text(SECOND_SOURCE.format(name=name), "utf-8")
    (folder / "uppfoljning.txt").write_text("Eva Lind ledde mötet.", "utf-8")


def test_same_person_in_two_sources_is_one_node(tmp_path: Path) -> None:
    case(tmp_path)
    second_source(tmp_path / "b")
    graph = load_graph(tmp_path / "seminar.yaml", tmp_path / "b")
    people = {
        str(row[0])
        for row in graph.query("SELECT DISTINCT ?p WHERE { ?p a <https://seminargraph.example/ns#Person> }")
    }
    assert len(people) == 3
    moderated = graph.query(
        "PREFIX sg: <https://seminargraph.example/ns#> "
        "SELECT ?e WHERE { ?e sg:moderator <https://seminargraph.example/id/person/eva-lind> }"
    )
    assert len(moderated) == 2


def test_the_same_id_described_differently_in_two_sources_is_refused(tmp_path: Path) -> None:
    case(tmp_path)
    second_source(tmp_path / "b", name="Eva Lindqvist")
    with pytest.raises(SourceError, match=r"described at .*differently") as info:
        load_graph(tmp_path / "seminar.yaml", tmp_path / "b")
    assert info.value.field == "id"


NESTING_SOURCE = """
source: {{id: {source}, title: Programmet, text: program.txt, language: sv}}
events:
  - id: festen
    type: festival
    name: {{sv: Festen 2020}}
  - id: alfa
    type: seminar
    name: {{sv: Alfa}}
    part_of: {{event: festen, status: {status}, quote: "{quote}", note: Läst ur programmet.}}
"""


def nesting_source(folder: Path, source: str, status: str, quote: str) -> Path:
    folder.mkdir()
    (folder / "program.txt").write_text(f"Programmet för Festen 2020. {quote}", "utf-8")
    path = folder / "program.yaml"
    path.write_text(NESTING_SOURCE.format(source=source, status=status, quote=quote), "utf-8")
    return path


def test_two_sources_nesting_the_same_events_give_two_facts(tmp_path: Path) -> None:
    from seminargraph import run_sparql, validate_graph

    nesting_source(tmp_path / "a", "programmet", "stated", "Alfa är en del av Festen 2020.")
    nesting_source(tmp_path / "b", "referatet", "inferred", "Alfa hölls under festen.")
    graph = load_graph(tmp_path / "a", tmp_path / "b")
    report = validate_graph(graph)
    assert report.conforms, report.text()
    facts = run_sparql(
        graph,
        "PREFIX sg: <https://seminargraph.example/ns#> "
        "SELECT DISTINCT ?i ?status ?quote ?source WHERE { ?i a sg:EventInclusion ; sg:status ?status ; "
        "sg:evidence ?e . ?e sg:quote ?quote ; sg:source/sg:identifier ?source }",
    ).records()
    assert sorted((r["source"], r["status"].rsplit("#")[-1], r["quote"]) for r in facts) == [
        ("programmet", "Stated", "Alfa är en del av Festen 2020."),
        ("referatet", "Inferred", "Alfa hölls under festen."),
    ]
    assert len({r["i"] for r in facts}) == 2


def test_the_same_nesting_twice_in_one_source_is_refused(tmp_path: Path) -> None:
    path = nesting_source(tmp_path / "a", "programmet", "stated", "Alfa är en del av Festen 2020.")
    text = path.read_text("utf-8")
    first = "      - {event: festen, status: stated, quote: Programmet för Festen 2020.}\n"
    path.write_text(text.replace("    part_of: {", "    part_of:\n" + first + "      - {"), "utf-8")
    error = refused(path)
    assert error.field == "part_of.event" and "already given at line" in str(error)
    assert error.line == line_of(path, "Läst ur programmet")


def test_the_same_organisation_relation_twice_in_one_source_is_refused(tmp_path: Path) -> None:
    relation = (
        "      - {relation: unit-of, organisation: exempelbyran, status: stated, "
        "quote: 'Samtalet leddes av Eva Lind, journalist.'}\n"
    )
    path = case(
        tmp_path,
        (
            "    name: {sv: Exempelstads kommun, en: Exempelstad Municipality}\n",
            "    name: {sv: Exempelstads kommun, en: Exempelstad Municipality}\n    relations:\n"
            + relation
            + relation.replace("{relation", "{ relation"),
        ),
    )
    error = refused(path)
    assert error.field == "relations" and "already given at line" in str(error)
    assert error.line == line_of(path, "{ relation")


def test_a_control_character_in_the_source_text_is_refused_where_it_is(tmp_path: Path) -> None:
    text = (MINIMAL / "seminar.txt").read_text("utf-8") + "Kaffe\x01 serverades.\n"
    path = case(tmp_path, text=text)
    error = refused(path)
    assert error.path == str(tmp_path / "seminar.txt")
    assert (error.line, error.column) == (6, 6) and "U+0001" in str(error)


def test_the_source_text_is_read_in_nfc_with_whitespace_controls_as_spaces(tmp_path: Path) -> None:
    import unicodedata

    # Text copied from some systems comes decomposed ("o" + combining diaeresis), with page breaks.
    text = unicodedata.normalize("NFD", (MINIMAL / "seminar.txt").read_text("utf-8")).replace(
        "\n", "\n\x0c", 1
    )
    quote = "Karl Nyström, utvecklare på Exempelbyrån."
    path = case(tmp_path, text=text)
    yaml_text = path.read_text("utf-8")
    path.write_text(yaml_text.replace(quote, unicodedata.normalize("NFD", quote)), "utf-8")
    records = load_file(path)
    assert records.source.text == normalise_space((MINIMAL / "seminar.txt").read_text("utf-8"))
    assert unicodedata.normalize("NFC", quote) in records.participations[0].provenance.quotes[0]
