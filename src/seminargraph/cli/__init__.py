"""The ``seminargraph`` command line: a click group of thin commands around the library.

The group is the one place where errors become messages and exit codes (worded by ``failure``):
0 success, 1 error, 2 usage error, 3 the data does not conform to the shapes. A traceback is shown
only with ``--debug``. The commands live in ``core``, ``extract``, ``serve`` and ``viz`` and are
joined to the group here, so that none of them imports the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from ..errors import SeminargraphError, ValidationFailed
from . import core, extract, importing, serve, viz
from .failure import CommandError, InvalidData, worded


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
            raise CommandError(worded(exc), exc.exit_code) from None
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


for _command in (
    core.build_command,
    core.validate_command,
    core.queries_command,
    core.query_command,
    extract.extract_command,
    importing.import_command,
    serve.load_command,
    serve.serve_command,
    viz.viz_command,
    viz.network_command,
):
    cli.add_command(_command)
