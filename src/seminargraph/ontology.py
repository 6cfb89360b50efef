"""The packaged ontology, SHACL shapes and built-in data, read with importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

from .vocab import SG

#: IRI of the named graph that holds the ontology when it is loaded beside the data.
ONTOLOGY_GRAPH = SG[""]


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
