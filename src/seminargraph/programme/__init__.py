"""Programme tables (CSV, TSV, JSON Lines) into the graph: a mapping says which column is what.

``import_tables(paths, "almedalsveckan", store="oxigraph:./decade")`` reads the tables, resolves
people and organisations across them, and loads the result into the store in one atomic step.
The mapping format and the reading rules are in docs/import.md.
"""

from __future__ import annotations

from .importer import ImportReport, import_tables
from .spec import TableMapping, builtin_mappings, load_mapping

__all__ = ["ImportReport", "TableMapping", "builtin_mappings", "import_tables", "load_mapping"]
