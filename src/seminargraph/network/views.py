"""Views of a projected network: people linked by shared events, and what one event or
organisation holds (the page's filters, and the same rule as ``to_networkx(event=...)``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_TOOK_PART = ("took_part", "organised")
_ORG_PARTS = ("unit_of", "member_of", "sub_organisation_of")


def people_network(network: Any) -> Any:
    """Keep the people of a full projection, linked when they took part in the same event."""
    import networkx as nx  # imported when needed: commands that draw no network start faster

    people = nx.Graph(**{**network.graph, "projection": "people"})
    for node, data in network.nodes(data=True):
        if data["type"] != "person":
            continue
        events = _ends(network, node, _TOOK_PART)
        organisations = _ends(network, node, ("affiliation",))
        names = [network.nodes[o]["label"] for o in organisations]
        people.add_node(
            node,
            **data,
            events="\n".join(network.nodes[e]["label"] for e in events),
            event_ids=" ".join(network.nodes[e]["identifier"] for e in events),
            # as the details show them: an affiliation the source leaves open says so
            organisations="\n".join(
                name + _uncertain(network, node, o) for name, o in zip(names, organisations, strict=True)
            ),
            organisation_names="\n".join(names),
            organisation_ids=" ".join(network.nodes[o]["identifier"] for o in organisations),
        )
    shared: dict[tuple[str, str], list[str]] = {}
    for event, data in network.nodes(data=True):
        if data["type"] != "event":
            continue
        there = sorted(
            {u for u, _, d in network.in_edges(event, data=True) if d["relation"] in _TOOK_PART} & set(people)
        )
        for i, first in enumerate(there):
            for second in there[i + 1 :]:
                shared.setdefault((first, second), []).append(event)
    for (first, second), events in sorted(shared.items()):
        labels = sorted(network.nodes[e]["label"] for e in events)
        people.add_edge(
            first,
            second,
            relation="co_participation",
            weight=len(events),
            label="; ".join(labels),
            events="\n".join(labels),
            event_ids=" ".join(sorted(network.nodes[e]["identifier"] for e in events)),
        )
    return people


def _uncertain(network: Any, person: Any, organisation: Any) -> str:
    """The status mark (e.g. `` (oklar)``) when no affiliation of ``person`` with it is stated."""
    found = [
        d
        for d in network.get_edge_data(person, organisation, default={}).values()
        if d["relation"] == "affiliation"
    ]
    firmest = min(found, key=lambda d: _FIRMNESS.get(d.get("status", ""), 0))
    if firmest.get("status", "") in ("", "stated"):
        return ""
    return f" ({firmest.get('status_label') or firmest['status']})"


_FIRMNESS = {"stated": 0, "": 0, "inferred": 1, "ambiguous": 2}


def view_members(network: Any, type_: str) -> list[tuple[str, set[Any]]]:
    """For each event (or organisation) of a network: its label and the nodes its view holds.

    An event's view holds the events it is part of and its sub-events, the agents that took part
    in it or them, and those people's organisations; an organisation's view holds its units and
    members, the people affiliated with them and the events they took part in.
    """
    if network.graph.get("projection") == "people":
        return _people_members(network, type_)
    found = []
    for node, data in network.nodes(data=True):
        if data["type"] == type_:
            members = (
                _event_members(network, node) if type_ == "event" else _organisation_members(network, node)
            )
            found.append((data["label"], members))
    return found


def _ends(network: Any, node: Any, relations: Sequence[str], incoming: bool = False) -> list[Any]:
    edges = network.in_edges(node, data=True) if incoming else network.out_edges(node, data=True)
    return sorted({(u if incoming else v) for u, v, d in edges if d["relation"] in relations}, key=str)


def _closure(network: Any, start: Any, relations: Sequence[str], incoming: bool) -> set[Any]:
    seen, todo = {start}, [start]
    while todo:
        for other in _ends(network, todo.pop(), relations, incoming):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _event_members(network: Any, event: Any) -> set[Any]:
    events = _closure(network, event, ("part_of",), True) | _closure(network, event, ("part_of",), False)
    below = _closure(network, event, ("part_of",), True)
    agents = {a for e in below for a in _ends(network, e, _TOOK_PART, incoming=True)}
    organisations = {o for a in agents for o in _ends(network, a, ("affiliation",))}
    return events | agents | organisations


def _organisation_members(network: Any, organisation: Any) -> set[Any]:
    organisations = _closure(network, organisation, _ORG_PARTS, True)
    people = {p for o in organisations for p in _ends(network, o, ("affiliation",), incoming=True)}
    events = {e for a in organisations | people for e in _ends(network, a, _TOOK_PART)}
    return organisations | people | events


def _people_members(network: Any, type_: str) -> list[tuple[str, set[Any]]]:
    key = "event" if type_ == "event" else "organisation"
    groups: dict[str, tuple[str, set[Any]]] = {}
    for node, data in network.nodes(data=True):
        ids = data.get(f"{key}_ids", "").split()
        labels = data.get(f"{key}_names", data.get(f"{key}s", "")).split("\n")
        for ident, label in zip(ids, labels, strict=False):
            groups.setdefault(ident, (label, set()))[1].add(node)
    return [groups[k] for k in sorted(groups)]
