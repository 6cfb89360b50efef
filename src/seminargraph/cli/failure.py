"""How an error is shown on the command line: one line ``error: ...`` and the error's exit code.

The exit codes: 0 success, 1 error, 2 usage error, 3 the data does not conform to the shapes
(each error brings its own, see ``errors``).
"""

from __future__ import annotations

from typing import Any

import click

from ..errors import QueryParameterError, SeminargraphError, ValidationFailed

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INVALID = 3


class CommandError(click.ClickException):
    """A library error shown as one line ``error: ...`` with exit code 1."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        # click declares exit_code for the class; here each error brings its own (errors.py).
        self.exit_code = exit_code  # type: ignore[misc]

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


#: The commands that write data only when it conforms, unless told --no-validate: what they would do.
_WRITE_ANYWAY = {"build": "written", "load": "loaded"}


class InvalidData(CommandError):
    """The data does not conform: the report, then one line, exit code 3."""

    def __init__(self, failure: ValidationFailed, command: str | None = None) -> None:
        hint = ""
        if command in _WRITE_ANYWAY:
            done = _WRITE_ANYWAY[command]
            hint = f"; nothing was {done}: fix the data, or {command} it anyway with --no-validate"
        super().__init__(f"{failure}{hint}", failure.exit_code)
        self.report = failure.report

    def show(self, file: Any = None) -> None:
        click.echo(self.report.text(), err=True)
        super().show(file)


def worded(exc: SeminargraphError) -> str:
    """The message of ``exc`` as the command line words it."""
    # A parameter of a query is an option here: the message names it as the user typed it.
    if isinstance(exc, QueryParameterError):
        return exc.worded(lambda name: f"--param {name}")
    return str(exc)
