"""The ``seminargraph`` command line: a click group of thin commands around the library.

This is the one place where errors become messages and exit codes: 0 success, 1 error,
2 usage error, 3 the data does not conform to the shapes. A traceback is shown only with
``--debug``.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def _worded(exc: SeminargraphError) -> str:
    # A parameter of a query is an option here: the message names it as the user typed it.
    if isinstance(exc, QueryParameterError):
        return exc.worded(lambda name: f"--param {name}")
    return str(exc)


class SeminargraphGroup(click.Group):
    """A click group that turns seminargraph's errors into messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            if debug:
                raise
            raise InvalidData(exc, ctx.invoked_subcommand) from None
        except SeminargraphError as exc:
            if debug:
                raise
            raise CommandError(_worded(exc), exc.exit_code) from None
        except OSError as exc:
            if debug:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            raise CommandError(f"{where}{exc.strerror or exc}") from None


@click.group(
    cls=SeminargraphGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="seminargraph")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
def cli(debug: bool) -> None:
    """Turn seminar programmes into a knowledge graph and ask it questions.

    With no data given, every command works on the built-in seed data: Hypergene's two
    seminars at Almedalen 2015.
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; exit with 0, 1 (error), 2 (usage) or 3 (data does not validate)."""
    cli.main(args=None if argv is None else list(argv), prog_name="seminargraph")


# Commands register themselves on ``cli`` when their module is imported.
from . import core, extract  # noqa: E402, F401
from . import serve as serve  # noqa: E402
from . import viz as viz  # noqa: E402
