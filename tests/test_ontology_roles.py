"""Roles, statuses and kinds come from the ontology: a new role is the ontology (plus word lists)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from seminargraph import load_graph, ontology, run_query, to_networkx, validate_graph
from seminargraph.ontology import terms
from seminargraph.vocab import SG

MINIMAL = Path(__file__).parent / "data" / "minimal"

# What adding a role means: its concept (typed sg:Role, in the scheme, with its authored name as
# skos:notation and its labels) and, when it derives an edge, that edge and sg:shortcut to it.
KEYNOTE = """
sg:KeynoteRole a sg:Role ;
    skos:inScheme sg:Roles ; skos:broader sg:ParticipantRole ; skos:notation "keynote" ;
    skos:prefLabel "keynote speaker"@en, "huvudtalare"@sv ;
    skos:definition "Gives the main talk."@en, "Håller huvudanförandet."@sv ;
    sg:shortcut sg:keynote .

sg:keynote a owl:ObjectProperty ;
    rdfs:subPropertyOf sg:hasParticipant ;
    rdfs:label "keynote speaker"@en, "huvudtalare"@sv ;
    skos:definition "Derived: the agent gives the keynote."@en,
        "Härledd: aktören håller huvudanförandet."@sv .
"""


def test_the_authored_names_are_the_ontologys_notations() -> None:
    known = terms()
    assert known.roles == {
        "contact": SG.ContactRole,
        "moderator": SG.ModeratorRole,
        "organiser": SG.OrganiserRole,
        "panelist": SG.PanelistRole,
        "participant": SG.ParticipantRole,
        "speaker": SG.SpeakerRole,
    }
    assert known.statuses == {"ambiguous": SG.Ambiguous, "inferred": SG.Inferred, "stated": SG.Stated}
    assert set(known.event_types) == {"event", "festival", "seminar", "theme-day"}
    assert known.organisation_kinds["unit"] == SG.OrganisationalUnit
    assert known.role_shortcuts[SG.ModeratorRole] == SG.moderator
    assert SG.ParticipantRole not in known.role_shortcuts  # gives only sg:hasParticipant
    assert known.roles == ontology.ROLES


@pytest.fixture
def keynote_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    packaged = ontology.ontology_path().read_text("utf-8")
    path = tmp_path / "ontology" / "seminargraph.ttl"
    path.parent.mkdir()
    path.write_text(packaged + KEYNOTE, "utf-8")
    monkeypatch.setattr(ontology, "ontology_path", lambda: path)
    return path


def test_a_role_added_to_the_ontology_works_everywhere(keynote_ontology: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(MINIMAL / "seminar.txt", data / "seminar.txt")
    authored = (MINIMAL / "seminar.yaml").read_text("utf-8")
    assert "role: panelist" in authored
    (data / "seminar.yaml").write_text(authored.replace("role: panelist", "role: keynote", 1), "utf-8")

    assert terms().roles["keynote"] == SG.KeynoteRole
    graph = load_graph(data)  # the authored name is accepted
    assert validate_graph(graph).conforms  # the shapes take any sg:Role
    event = URIRef("https://seminargraph.example/id/event/frukostseminarium-oppna-data")
    anna = URIRef("https://seminargraph.example/id/person/anna-berg")
    assert (event, SG.keynote, anna) in graph  # the edge its sg:shortcut names is derived
    assert (event, SG.hasParticipant, anna) in graph
    rows = run_query(graph, "participants", lang="en").records()
    assert {"person": "Anna Berg", "role": "keynote speaker"}.items() <= next(
        r for r in rows if r["person"] == "Anna Berg"
    ).items()
    network = to_networkx(graph, lang="en")
    roles = {data["role"] for _, _, data in network.edges(data=True) if data["relation"] == "took_part"}
    assert "keynote" in roles
