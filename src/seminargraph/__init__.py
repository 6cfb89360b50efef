"""seminargraph: seminar programmes as a knowledge graph of people, roles, organisations, events.

The public API (nothing else is promised to stay)::

    from seminargraph import load_graph, run_query, validate_graph
    graph = load_graph()                      # the built-in seed data
    rows = run_query(graph, "participants", lang="en").records()
"""

from __future__ import annotations

from .build import BuildSummary, build, load_graph, write_graph
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
from .query import NamedQuery, Parameter, QueryResult, get_query, list_queries, run_query, run_sparql
from .validate import ValidationReport, ValidationResult, validate_graph

__version__ = "0.1.0"

__all__ = [
    "BuildSummary",
    "MissingExtraError",
    "NamedQuery",
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
    "__version__",
    "build",
    "get_query",
    "list_queries",
    "load_graph",
    "run_query",
    "run_sparql",
    "validate_graph",
    "write_graph",
]
