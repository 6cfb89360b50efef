"""Commands on stores and serving: load (a built graph into a store) and serve (the web app)."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import load_graph
from ..errors import ValidationFailed
from ..store import DEFAULT_WRITE_TIMEOUT, SPEC_HELP, write_store
from ..validate import validate_graph
from . import cli
from .options import BASE_OPTION


@cli.command("load")
@click.argument("data", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", required=True, metavar="SPEC", help=f"The store to load into: {SPEC_HELP}.")
@click.option("--clear", is_flag=True, help="Remove every other graph, so the store holds exactly DATA.")
@click.option("--no-validate", is_flag=True, help="Load even if the data does not conform to the shapes.")
@click.option(
    "--update",
    "update_endpoint",
    metavar="URL",
    help="For an http(s) store: its SPARQL Update address, when not the store's own address.",
)
@click.option(
    "--graph-store",
    metavar="URL",
    help="For an http(s) store: load by the Graph Store Protocol at this address (one PUT per graph).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_WRITE_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="For an http(s) store: give up when the server has not taken the load within this time.",
)
@BASE_OPTION
def load_command(
    data: tuple[Path, ...],
    store: str,
    clear: bool,
    no_validate: bool,
    update_endpoint: str | None,
    graph_store: str | None,
    timeout: float,
    base: str,
) -> None:
    """Load DATA (default: the built-in data) into a store, replacing each source's earlier graph.

    The replacement is all or nothing: a load that fails or is killed leaves the store with its
    earlier data, readable. Nothing is loaded when the data does not conform to the shapes.
    """
    graph = load_graph(*data, base=base)
    if not no_validate:
        report = validate_graph(graph)
        if not report.conforms:
            raise ValidationFailed(report)
    written = write_store(
        store, graph, clear=clear, update_endpoint=update_endpoint, graph_store=graph_store, timeout=timeout
    )
    click.echo(written.text())
