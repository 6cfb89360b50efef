"""The network page's own words, in Swedish and English, and the title it gets from its view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

UI: dict[str, dict[str, str]] = {
    "en": {
        "heading": "Who met whom",
        "view_full": "the whole network",
        "view_event": "{label}",
        "view_focus": "around {label}, depth {depth}",
        "view_query": "a query's result",
        "view_people": "people who met at the same events",
        "source": "Data from",
        "made_with": (
            "Drawn by seminargraph from the quoted sources; dashed and dotted links are inferred "
            "or ambiguous."
        ),
        "search": "Search by name",
        "search_none": "No name matches.",
        "filters": "Filters",
        "event": "Event",
        "organisation": "Organisation",
        "all": "all",
        "physics": "Let the network move (physics)",
        "physics_large": "Let the network move (physics; slow on a network this size)",
        "png": "Save view as PNG",
        "svg": "Save view as SVG",
        "saved": "Saved from seminargraph on {date}.",
        "back": "Show the whole network",
        "fit": "Fit to screen",
        "shown": "Showing {nodes} of {all_nodes} nodes and {edges} of {all_edges} links.",
        "focused": "Showing the neighbourhood of {name}.",
        "legend": "Legend",
        "nodes": "Nodes (untick to hide)",
        "links": "Links (untick to hide)",
        "details": "Details",
        "details_help": "Point at a node or link for a summary; click a node to see only its neighbourhood.",
        "large": (
            "A large network: names appear as you zoom in, and the network stands still until you switch "
            "on physics."
        ),
        "type_person": "person",
        "type_organisation": "organisation",
        "type_event": "event",
        "status_stated": "stated",
        "status_inferred": "inferred (dashed)",
        "status_ambiguous": "ambiguous (dotted)",
        "co_participation": "took part in the same event (thicker: more events)",
        "f_kind_label": "kind",
        "f_roles": "took part",
        "f_titles": "job titles",
        "f_relations": "relations",
        "f_events": "events",
        "f_organisations": "organisations",
        "f_evidence": "in the source",
        "f_identifier": "id",
        "f_label": "link",
        "f_job_title": "job title",
        "f_organisation": "for",
        "f_status_label": "how firmly",
        "f_note": "note",
        "f_weight": "shared events",
        "noscript": "This page needs JavaScript to draw the network.",
    },
    "sv": {
        "heading": "Vem mötte vem",
        "view_full": "hela nätverket",
        "view_event": "{label}",
        "view_focus": "kring {label}, djup {depth}",
        "view_query": "resultatet av en fråga",
        "view_people": "personer som möttes vid samma evenemang",
        "source": "Uppgifter från",
        "made_with": (
            "Ritat av seminargraph ur de citerade källorna; streckade och prickade kopplingar är härledda "
            "eller oklara."
        ),
        "search": "Sök på namn",
        "search_none": "Inget namn matchar.",
        "filters": "Filter",
        "event": "Evenemang",
        "organisation": "Organisation",
        "all": "alla",
        "physics": "Låt nätverket röra sig (fysik)",
        "physics_large": "Låt nätverket röra sig (fysik; långsamt för ett så här stort nätverk)",
        "png": "Spara vyn som PNG",
        "svg": "Spara vyn som SVG",
        "saved": "Sparad ur seminargraph {date}.",
        "back": "Visa hela nätverket",
        "fit": "Anpassa till skärmen",
        "shown": "Visar {nodes} av {all_nodes} noder och {edges} av {all_edges} kopplingar.",
        "focused": "Visar grannskapet kring {name}.",
        "legend": "Förklaring",
        "nodes": "Noder (bocka ur för att dölja)",
        "links": "Kopplingar (bocka ur för att dölja)",
        "details": "Detaljer",
        "details_help": (
            "Peka på en nod eller koppling för en sammanfattning; klicka på en nod för att bara se "
            "dess grannskap."
        ),
        "large": (
            "Ett stort nätverk: namnen syns när du zoomar in, och nätverket står still tills du slår på "
            "fysiken."
        ),
        "type_person": "person",
        "type_organisation": "organisation",
        "type_event": "evenemang",
        "status_stated": "angiven",
        "status_inferred": "härledd (streckad)",
        "status_ambiguous": "oklar (prickad)",
        "co_participation": "deltog i samma evenemang (tjockare: fler evenemang)",
        "f_kind_label": "slag",
        "f_roles": "deltog",
        "f_titles": "titlar",
        "f_relations": "relationer",
        "f_events": "evenemang",
        "f_organisations": "organisationer",
        "f_evidence": "i källan",
        "f_identifier": "id",
        "f_label": "koppling",
        "f_job_title": "titel",
        "f_organisation": "för",
        "f_status_label": "hur säkert",
        "f_note": "anteckning",
        "f_weight": "gemensamma evenemang",
        "noscript": "Sidan behöver JavaScript för att rita nätverket.",
    },
}


def field_labels(words: Mapping[str, str]) -> dict[str, str]:
    """The labels of the detail fields, keyed by the attribute they show."""
    return {key[2:]: value for key, value in words.items() if key.startswith("f_")}


def title_for(graph: Mapping[str, Any], words: Mapping[str, str]) -> str:
    """The page title for a network's view, e.g. "Who met whom: around Johan Lod, depth 1"."""
    view = str(graph.get("view", "full"))
    text = words.get(f"view_{view}", words["view_full"]).format(
        label=graph.get("view_label", ""), depth=graph.get("depth", "")
    )
    if graph.get("projection") == "people":
        text = f"{text} – {words['view_people']}"
    return f"{words['heading']}: {text}"
