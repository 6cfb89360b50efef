"""seminargraph: seminar programmes as a knowledge graph of people, roles, organisations, events.

The public API (nothing else is promised to stay)::

    from seminargraph import load_graph, run_query, validate_graph
    graph = load_graph()                      # the built-in seed data
    rows = run_query(graph, "participants", lang="en").records()
"""

# No ``from __future__ import annotations`` here, and the modules this one needs under private
# names: tests/test_api.py checks that the public names are exactly __all__.
import importlib as _importlib
import sys as _sys
import types as _types
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .errors import (
    MissingExtraError,
    OutputError,
    QueryError,
    QueryParameterError,
    SeminargraphError,
    SourceError,
    StoreError,
    UnknownQueryError,
    ValidationFailed,
)

if _TYPE_CHECKING:
    from .build import BuildSummary, build, write_graph
    from .drafts import write_draft
    from .extract import ExtractionResult, extract_file, extract_text
    from .inputs import load_graph
    from .network import to_networkx
    from .network.export import EXPORT_FORMATS, ExportSummary, export_network
    from .network.page import NetworkView, render_html, show_network, write_html
    from .ontology import builtin_data_dir
    from .query import NamedQuery, Parameter, QueryResult, get_query, list_queries, run_query, run_sparql
    from .store import WriteReport, open_graph, write_store
    from .validate import ValidationReport, ValidationResult, validate_graph

#: Where each name of the API lives. They are imported when first used, so that importing
#: seminargraph (as `seminargraph --help` does) does not load rdflib, Oxigraph and the rest.
_LAZY = {
    **dict.fromkeys(("BuildSummary", "build", "write_graph"), "build"),
    "write_draft": "drafts",
    **dict.fromkeys(("ExtractionResult", "extract_file", "extract_text"), "extract"),
    "load_graph": "inputs",
    "to_networkx": "network",
    **dict.fromkeys(("EXPORT_FORMATS", "ExportSummary", "export_network"), "network.export"),
    **dict.fromkeys(("NetworkView", "render_html", "show_network", "write_html"), "network.page"),
    "builtin_data_dir": "ontology",
    **dict.fromkeys(
        ("NamedQuery", "Parameter", "QueryResult", "get_query", "list_queries", "run_query", "run_sparql"),
        "query",
    ),
    **dict.fromkeys(("WriteReport", "open_graph", "write_store"), "store"),
    **dict.fromkeys(("ValidationReport", "ValidationResult", "validate_graph"), "validate"),
}


class _Package(_types.ModuleType):
    """The package module, which keeps ``seminargraph.build`` the function when its module loads."""

    def __setattr__(self, name: str, value: _Any) -> None:
        # Importing the submodule seminargraph.build sets the package's attribute "build" to the
        # module; the API's name is the function build() of that module.
        if isinstance(value, _types.ModuleType) and _LAZY.get(name) == name:
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'seminargraph' has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__version__ = "0.1.0"

__all__ = [
    "EXPORT_FORMATS",
    "BuildSummary",
    "ExportSummary",
    "ExtractionResult",
    "MissingExtraError",
    "NamedQuery",
    "NetworkView",
    "OutputError",
    "Parameter",
    "QueryError",
    "QueryParameterError",
    "QueryResult",
    "SeminargraphError",
    "SourceError",
    "StoreError",
    "UnknownQueryError",
    "ValidationFailed",
    "ValidationReport",
    "ValidationResult",
    "WriteReport",
    "__version__",
    "build",
    "builtin_data_dir",
    "export_network",
    "extract_file",
    "extract_text",
    "get_query",
    "list_queries",
    "load_graph",
    "open_graph",
    "render_html",
    "run_query",
    "run_sparql",
    "show_network",
    "to_networkx",
    "validate_graph",
    "write_draft",
    "write_graph",
    "write_html",
    "write_store",
]
