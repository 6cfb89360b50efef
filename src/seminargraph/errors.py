"""The exceptions seminargraph raises, each with its exit code and its HTTP status.

Every error the library, the command line and the server raise on purpose derives from
:class:`SeminargraphError`, so a caller can catch one class. The tree, with each class's exit code
and HTTP status::

    SeminargraphError                 1 500
    ├── SourceError                   1 400  bad input: YAML, text, RDF files (names the file, line, field)
    ├── QueryError                    1 400  a query that cannot be run
    │   ├── UnknownQueryError         1 404  no named query by that name
    │   └── QueryParameterError       1 400  a parameter that is unknown, missing or names nothing
    ├── NotFound                      1 404  no such thing: a page, an entity
    ├── OptionError                   2 400  an option's value is not of the form it needs
    ├── StoreError                    1 502  a store that cannot be opened, read or written
    │   ├── DiskFull                  1 507  a write that found no room
    │   └── WriteFailed               1 500  a write that could not be saved for another reason
    ├── Busy                          1 503  no one free to answer in time; try again
    ├── Refused                       1 4xx  a request the web protocol refuses (the status says why)
    ├── OutputError                   1 500  an output that cannot be written (names the path)
    ├── ValidationFailed              3 422  the data does not conform to the SHACL shapes (the report)
    └── MissingExtraError             1 500  an optional extra is not installed (names the pip command)

The front ends read ``exit_code`` (the command line, see ``cli``) and ``status`` (the server, see
``server.app``) from the error itself, so one error means the same in both; the library never prints
and never exits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from .validate import ValidationReport


class SeminargraphError(Exception):
    """Base class of every error seminargraph raises on purpose."""

    #: The command line's exit code: 1 an error, 2 a usage error, 3 the data does not conform.
    exit_code: int = 1
    #: The HTTP status the server answers with.
    status: int = 500


class SourceError(SeminargraphError):
    """An input file or value is malformed or means something we refuse.

    ``path``, ``line`` and ``column`` say where, when known; ``field`` names the offending field.
    """

    status = 400

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

    status = 400


#: Oxigraph's parse errors: "error at LINE:COLUMN: expected one of ..." (the grammar's own terms).
_ENGINE_POSITION = re.compile(r"error at (\d+):(\d+)")
#: Plain words for the few engine messages that say what is wrong rather than what the grammar expected.
_ENGINE_REASONS = {
    "Prefix not found": "a prefix is used that no PREFIX line declares",
    "variable that is unbound": "the SELECT names a variable that its GROUP BY does not give",
    "IRI parsing failed": "this is not a valid IRI",
}


def syntax_error(text: str, engine_message: str, what: str = "query") -> QueryError:
    """A QueryError for a parse error of ``text``: where it is and what is there, in plain words.

    ``engine_message`` is the parser's own (Oxigraph lists the grammar rules it expected, as in
    ``expected one of LATERAL, SERVICE, [_]``): only its position and the few reasons it gives
    in words are kept.
    """
    found = _ENGINE_POSITION.search(engine_message)
    if found is None:
        return QueryError(f"the {what} is not valid SPARQL")
    line, column = int(found[1]), int(found[2])
    lines = text.splitlines() or [""]
    row = lines[min(line, len(lines)) - 1]
    start = max(0, column - 1)
    reason = next((plain for words, plain in _ENGINE_REASONS.items() if words in engine_message), None)
    if reason is None:
        at_end = line >= len(lines) and not row[start:].strip()
        if at_end:
            reason = (
                f"the {what} ends before it is complete; a term, a closing }} or ) or a quote may be missing"
            )
        else:
            near = row[max(0, start - 15) : start + 15].strip()
            reason = f"the text near {near!r} does not fit there; check the brackets, dots and keywords"
    return QueryError(f"the {what} is not valid SPARQL at line {line}, column {column}: {reason}")


class UnknownQueryError(QueryError):
    """No named query has this name."""

    status = 404


def _parameter_words(name: str) -> str:
    return f"the parameter {name}"


class QueryParameterError(QueryError):
    """A query parameter is unknown, missing, or does not name an existing thing.

    ``parameter`` names the parameter when the message is about one: its ``{param}`` is worded by
    the front end that shows it (``--param event`` on the command line, ``the parameter event``
    elsewhere), see :meth:`worded`.
    """

    def __init__(self, message: str, *, parameter: str | None = None) -> None:
        self.template = message
        self.parameter = parameter
        super().__init__(self.worded(_parameter_words))

    def worded(self, name: Callable[[str], str]) -> str:
        """The message with the parameter named by ``name`` (for example ``--param {name}``)."""
        if self.parameter is None:
            return self.template
        return self.template.replace("{param}", name(self.parameter))


class NotFound(SeminargraphError):
    """Nothing by this name or address: a page, an entity."""

    status = 404


class OptionError(SeminargraphError):
    """An option's value is not of the form the option needs (a usage error)."""

    exit_code = 2
    status = 400


class StoreError(SeminargraphError):
    """A store could not be opened, read or written."""

    # The store is behind the server, as an upstream is behind a gateway.
    status = 502


class DiskFull(StoreError):
    """A write the store had no room for: the disk is full, or a file size or quota limit was hit."""

    status = 507


#: How the operating system words a write that found no room (ENOSPC, EFBIG, EDQUOT).
NO_ROOM_WORDS = ("no space left on device", "file too large", "disk quota exceeded")


def is_no_room(cause: str) -> bool:
    """True when the message of a failed write says that it found no room (see :class:`DiskFull`)."""
    return any(words in cause.lower() for words in NO_ROOM_WORDS)


class WriteFailed(StoreError):
    """A write the store could not save, for another reason than room."""

    status = 500


class Busy(SeminargraphError):
    """No one was free to answer within the time allowed; the same request may work later."""

    status = 503


class Refused(SeminargraphError):
    """A request the web protocol refuses: ``status`` (a 4xx) says why, ``headers`` go with the answer."""

    status = 400

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = dict(headers or {})


class OutputError(SeminargraphError):
    """An output file or folder could not be written."""


class ValidationFailed(SeminargraphError):
    """The data does not conform to the shapes; ``report`` holds every result."""

    exit_code = 3
    status = 422

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        n = len(report.results)
        super().__init__(f"the data does not conform to the shapes ({n} problem(s))")


class MissingExtraError(SeminargraphError):
    """A feature needs an optional extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs the optional extra '{extra}': pip install 'seminargraph[{extra}]'")
