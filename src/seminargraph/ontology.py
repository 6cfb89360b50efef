"""The packaged ontology, SHACL shapes and built-in data, read with importlib.resources.

The names authored data may use for roles, statuses, event types and organisation kinds are the
``skos:notation`` of the ontology's concepts and classes, read from it (:func:`terms`): adding a
role is adding its concept to the ontology (with ``sg:shortcut``, the edge it derives, if any),
plus the words the extractor knows it by.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .vocab import SG

#: IRI of the named graph that holds the ontology when it is loaded beside the data.
ONTOLOGY_GRAPH = SG[""]


@cache
def resource_path(*parts: str) -> Path:
    """Return the path of a packaged resource file or folder."""
    return Path(str(resources.files("seminargraph").joinpath("resources", *parts)))


def builtin_data_dir() -> Path:
    """The folder of the built-in seed data (shipped inside the package)."""
    return resource_path("data")


def ontology_path() -> Path:
    return resource_path("ontology", "seminargraph.ttl")


def shapes_path() -> Path:
    return resource_path("ontology", "shapes.ttl")


@cache
def _parsed(path: Path) -> Graph:
    graph = Graph(bind_namespaces="none")
    graph.parse(path, format="turtle")
    return graph


def ontology_graph() -> Graph:
    """The seminargraph ontology (classes, properties, role and status concepts). Do not modify."""
    return _parsed(ontology_path())


def shapes_graph() -> Graph:
    """The SHACL shapes the data is validated against. Do not modify."""
    return _parsed(shapes_path())


@dataclass(frozen=True, eq=False)
class Terms:
    """The authored names of the ontology's concepts and classes, each to its IRI."""

    roles: dict[str, URIRef]
    statuses: dict[str, URIRef]
    event_types: dict[str, URIRef]
    organisation_kinds: dict[str, URIRef]
    #: The convenience edge (event -> agent) a participation in each role derives.
    role_shortcuts: dict[URIRef, URIRef]


def terms() -> Terms:
    """The authored names the packaged ontology defines (read once)."""
    return _terms(ontology_path())


@cache
def _terms(path: Path) -> Terms:
    graph = _parsed(path)
    return Terms(
        roles=_notations(graph, _instances(graph, SG.Role)),
        statuses=_notations(graph, _instances(graph, SG.Status)),
        event_types=_notations(graph, _subclasses(graph, SG.Event)),
        organisation_kinds=_notations(graph, _subclasses(graph, SG.Organisation)),
        role_shortcuts={
            role: edge
            for role in _instances(graph, SG.Role)
            for edge in graph.objects(role, SG.shortcut)
            if isinstance(edge, URIRef)
        },
    )


def _instances(graph: Graph, cls: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}


def _subclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    found = {cls}
    frontier = {cls}
    while frontier:
        frontier = {
            s for c in frontier for s in graph.subjects(RDFS.subClassOf, c) if isinstance(s, URIRef)
        } - found
        found |= frontier
    return found


def _notations(graph: Graph, nodes: set[URIRef]) -> dict[str, URIRef]:
    # Sorted by name: RDF keeps no order, and messages list the names.
    named = {
        str(n): node for node in nodes for n in graph.objects(node, SKOS.notation) if isinstance(n, Literal)
    }
    return dict(sorted(named.items()))


#: Object properties whose values are terms of the ontology itself (a status, a role, a relation):
#: JSON-LD writes their values by short name too (``"status": "Stated"``).
_VALUES_ARE_TERMS = (SG.Status, SG.Role, RDF.Property)


def jsonld_terms() -> dict[str, Any]:
    """Short JSON-LD names for the ontology's terms: ``name`` for sg:name, ``Person`` for sg:Person.

    Object properties are typed ``@id`` (their values are IRIs), or ``@vocab`` when their values
    are the ontology's own terms (statuses, roles, relations). Sorted by name.
    """
    return dict(_jsonld_terms(ontology_path()))


@cache
def _jsonld_terms(path: Path) -> tuple[tuple[str, Any], ...]:
    graph = _parsed(path)
    found: dict[str, Any] = {}
    for subject in set(graph.subjects(RDF.type, None)):
        if not isinstance(subject, URIRef) or not subject.startswith(SG) or subject == SG[""]:
            continue
        name = subject[len(SG) :]
        if (subject, RDF.type, OWL.ObjectProperty) in graph:
            ranges = set(graph.objects(subject, RDFS.range))
            kind = "@vocab" if ranges & set(_VALUES_ARE_TERMS) else "@id"
            found[name] = {"@id": f"sg:{name}", "@type": kind}
        else:
            found[name] = f"sg:{name}"
    return tuple(sorted(found.items()))


_TABLES = {
    "ROLES": "roles",
    "STATUSES": "statuses",
    "EVENT_TYPES": "event_types",
    "ORGANISATION_KINDS": "organisation_kinds",
}


def __getattr__(name: str) -> Any:
    # ROLES, STATUSES, EVENT_TYPES and ORGANISATION_KINDS, read from the ontology when first asked
    # for; code that runs often reads terms() once instead.
    if name in _TABLES:
        return getattr(terms(), _TABLES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
