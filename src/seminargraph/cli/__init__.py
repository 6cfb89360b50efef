"""The ``seminargraph`` command line: a click group of thin commands around the library.

This is the one place where errors become messages and exit codes: 0 success, 1 error,
2 usage error, 3 the data does not conform to the shapes. A traceback is shown only with
``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..errors import SeminargraphError, ValidationFailed

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INVALID = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="seminargraph")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
def cli(debug: bool) -> None:
    """Turn seminar programmes into a knowledge graph and ask it questions.

    With no data given, every command works on the built-in seed data: Hypergene's two
    seminars at Almedalen 2015.
    """


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line; exit with 0, 1 (error), 2 (usage) or 3 (data does not validate)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args[: _first_command(args)]
    try:
        code = cli.main(args=args, prog_name="seminargraph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ValidationFailed as exc:
        if debug:
            raise
        click.echo(exc.report.text(), err=True)
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except SeminargraphError as exc:
        if debug:
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)
    if isinstance(code, int) and code:
        sys.exit(code)


def _first_command(args: list[str]) -> int:
    for index, arg in enumerate(args):
        if not arg.startswith("-"):
            return index
    return len(args)


# Commands register themselves on ``cli`` when their module is imported.
from . import core  # noqa: E402, F401
