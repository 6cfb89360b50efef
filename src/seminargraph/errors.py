"""The exceptions seminargraph raises.

Every error the library raises on purpose derives from :class:`SeminargraphError`, so a caller can
catch one class. The tree::

    SeminargraphError
    ├── SourceError            bad input: YAML, text, RDF files (names the file, line and field)
    ├── QueryError             a query that cannot be run
    │   ├── UnknownQueryError  no named query by that name
    │   └── QueryParameterError  a parameter that is unknown, missing or of the wrong form
    ├── StoreError             a store that cannot be opened, read or written
    ├── OutputError            an output that cannot be written (names the path)
    ├── ValidationFailed       the data does not conform to the SHACL shapes (carries the report)
    └── MissingExtraError      an optional extra is not installed (names the pip command)

The command line turns these into one-line messages and exit codes (see ``cli``); the library never
prints and never exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .validate import ValidationReport


class SeminargraphError(Exception):
    """Base class of every error seminargraph raises on purpose."""


class SourceError(SeminargraphError):
    """An input file or value is malformed or means something we refuse.

    ``path``, ``line`` and ``column`` say where, when known; ``field`` names the offending field.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.field = field
        super().__init__(self._format())

    def _format(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        what = f"{self.field}: " if self.field else ""
        return f"{where}{what}{self.reason}"


class QueryError(SeminargraphError):
    """A query could not be parsed or run."""


class UnknownQueryError(QueryError):
    """No named query has this name."""


class QueryParameterError(QueryError):
    """A query parameter is unknown, missing, or does not name an existing thing."""


class StoreError(SeminargraphError):
    """A store could not be opened, read or written."""


class OutputError(SeminargraphError):
    """An output file or folder could not be written."""


class ValidationFailed(SeminargraphError):
    """The data does not conform to the shapes; ``report`` holds every result."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        n = len(report.results)
        super().__init__(f"the data does not conform to the shapes ({n} problem(s))")


class MissingExtraError(SeminargraphError):
    """A feature needs an optional extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs the optional extra '{extra}': pip install 'seminargraph[{extra}]'")
