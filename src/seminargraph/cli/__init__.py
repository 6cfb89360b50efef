"""The ``seminargraph`` command line: a click group of thin commands around the library.

The group is the one place where errors become messages and exit codes (worded by ``failure``):
0 success, 1 error, 2 usage error, 3 the data does not conform to the shapes. A traceback is shown
only with ``--debug``. The commands live in ``core``, ``extract``, ``serve`` and ``viz`` and are
joined to the group here, so that none of them imports the group.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import click

from ..errors import SeminargraphError, ValidationFailed
from .failure import CommandError, InvalidData, worded

#: Each command: the module of this package and the name that define it, and the first paragraph of
#: its help (the listing of `seminargraph --help`; a test keeps them equal). A command's module is
#: imported only when the command runs, so that `seminargraph --help` loads neither rdflib nor Oxigraph.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": (
        "core",
        "build_command",
        "Build the graph from DATA (YAML, RDF files or folders; default: built-in data).",
    ),
    "extract": (
        "extract",
        "extract_command",
        "Draft the participants of seminar pages FILE... (plain text or HTML) for review.",
    ),
    "import": (
        "importing",
        "import_command",
        "Import programme TABLES (one row per event or per participation) into a store.",
    ),
    "load": (
        "serve",
        "load_command",
        "Load DATA (default: the built-in data) into a store, replacing each source's earlier graph.",
    ),
    "network": (
        "viz",
        "network_command",
        "Export the network for Gephi, Cytoscape or NetworkX: GraphML, GEXF or node-link JSON.",
    ),
    "queries": ("core", "queries_command", "List the named queries with their parameters."),
    "query": (
        "core",
        "query_command",
        "Run the named query NAME (see `seminargraph queries`), a FILE.rq, or --sparql TEXT.",
    ),
    "serve": (
        "serve",
        "serve_command",
        "Serve the graph: SPARQL endpoint at /sparql, query page, entity pages, network page.",
    ),
    "validate": (
        "core",
        "validate_command",
        "Check DATA (or the graph in --store) against the SHACL shapes (exit 3 when it does not conform).",
    ),
    "viz": (
        "viz",
        "viz_command",
        "Draw the network as one self-contained HTML page (works offline, no files beside it).",
    ),
}


class SeminargraphGroup(click.Group):
    """A click group that turns seminargraph's errors into messages and exit codes.

    Its commands load on demand (see COMMANDS); reading ``commands`` loads them all.
    """

    @property  # type: ignore[override]
    def commands(self) -> dict[str, click.Command]:
        for name in COMMANDS:
            self.get_command(click.Context(self), name)
        return self._loaded

    @commands.setter
    def commands(self, value: dict[str, click.Command]) -> None:
        self._loaded = dict(value)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        self._loaded[name or cmd.name or ""] = cmd

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self._loaded and cmd_name in COMMANDS:
            module, attribute, _summary = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
            self._loaded[cmd_name] = command
        return self._loaded.get(cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self._loaded) | set(COMMANDS))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # As click lists the commands, from their summaries, without loading them.
        rows = []
        for name in self.list_commands(ctx):
            command = self._loaded.get(name) or click.Command(name, help=COMMANDS[name][2])
            if not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])

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
