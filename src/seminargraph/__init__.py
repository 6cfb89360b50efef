"""seminargraph: seminar programmes as a knowledge graph of people, roles, organisations, events.

The public API (nothing else is promised to stay)::

    from seminargraph import load_graph, run_query, validate_graph
    graph = load_graph()                      # the built-in seed data
    rows = run_query(graph, "participants", lang="en").records()
"""

# No ``from __future__ import annotations`` here: this module annotates nothing, and the name would
# sit among the public ones (tests/test_api.py checks that __all__ is exactly those).
from .build import BuildSummary, build, write_graph
from .drafts import write_draft
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
from .extract import ExtractionResult, extract_file, extract_text
from .inputs import load_graph
from .network import to_networkx
from .network.export import EXPORT_FORMATS, ExportSummary, export_network
from .network.page import NetworkView, render_html, show_network, write_html
from .ontology import builtin_data_dir
from .query import NamedQuery, Parameter, QueryResult, get_query, list_queries, run_query, run_sparql
from .store import WriteReport, open_graph, write_store
from .validate import ValidationReport, ValidationResult, validate_graph

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
