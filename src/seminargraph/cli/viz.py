"""Commands that draw the network (viz: one HTML page) or export it (network: GraphML, GEXF, JSON)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..network import PROJECTIONS, to_networkx
from ..network.export import EXPORT_FORMATS, export_format, export_network
from ..network.page import SUGGEST_NARROWER, write_html
from ..query import NamedQuery, get_query, load_query_file, parse_query_text
from ..store import Store
from .options import graph_options, param_option


def view_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the options that choose what part of the network to project, and how."""
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.option(
            "--event",
            metavar="ID",
            help="Only this event: its sub-events, who took part, their organisations.",
        ),
        click.option(
            "--focus", metavar="ID", help="Only the neighbourhood of this person, organisation or event."
        ),
        click.option("--depth", type=click.IntRange(min=1), help="Steps out from --focus (default 1)."),
        click.option(
            "--projection",
            type=click.Choice(PROJECTIONS),
            default="full",
            show_default=True,
            help="full: people, organisations, events; people: people linked by shared events.",
        ),
        click.option(
            "--lang",
            type=click.Choice(["sv", "en"]),
            default="sv",
            show_default=True,
            help="Language of the labels (and, for viz, of the page's own words).",
        ),
        click.option(
            "--query", "query_name", metavar="NAME|FILE.rq", help="Only what this query's result names."
        ),
        click.option(
            "--sparql", "sparql_text", metavar="TEXT", help="Only what this SPARQL query's result names."
        ),
        param_option("A parameter of --query."),
        click.option("--no-ambiguous", is_flag=True, help="Leave out facts the source leaves open."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _project(
    graph: Any,
    *,
    event: str | None,
    focus: str | None,
    depth: int | None,
    projection: str,
    lang: str,
    query_name: str | None,
    sparql_text: str | None,
    params: dict[str, str],
    no_ambiguous: bool,
) -> Any:
    query = _query(query_name, sparql_text)
    if sum(x is not None for x in (event, focus, query)) > 1:
        raise click.UsageError("choose one of --event, --focus, --query and --sparql")
    if depth is not None and focus is None and query is None:
        raise click.UsageError("--depth needs --focus (or --query)")
    if params and query is None:
        raise click.UsageError("--param needs --query")
    return to_networkx(
        graph,
        lang=lang,
        projection=projection,
        event=event,
        focus=focus,
        depth=depth,
        query=query,
        params=params,
        include_ambiguous=not no_ambiguous,
    )


def _query(name: str | None, text: str | None) -> NamedQuery | None:
    if name is not None and text is not None:
        raise click.UsageError("give --query or --sparql, not both")
    if text is not None:
        return parse_query_text(text, "sparql", "--sparql")
    if name is None:
        return None
    return load_query_file(Path(name)) if name.endswith(".rq") else get_query(name)


def _report(network: Any, output: Path) -> None:
    nodes, edges = network.number_of_nodes(), network.number_of_edges()
    click.echo(f"wrote {output}: {nodes} nodes, {edges} links", err=True)
    unlinked = network.graph.get("unlinked_triples", 0)
    if unlinked:
        click.echo(
            f"note: {unlinked} triple(s) of the query's result do not link two people, organisations "
            "or events and are not drawn",
            err=True,
        )
    iris = network.graph.get("unlinked_iris", 0)
    if iris:
        click.echo(
            f"note: {iris} IRI(s) in the query's result are not people, organisations or events "
            "and are not drawn",
            err=True,
        )
    if nodes >= SUGGEST_NARROWER:
        click.echo(
            f"note: {nodes} nodes is a lot to explore on one page; for a narrower view try "
            "--event ID, --focus ID --depth 1, or --projection people",
            err=True,
        )


@click.command("viz")
@view_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The HTML file to write.",
)
@click.option("--title", help="Title of the page (default: made from the view).")
@graph_options()
def viz_command(store: Store, output: Path, title: str | None, **view: Any) -> None:
    """Draw the network as one self-contained HTML page (works offline, no files beside it)."""
    network = _project(store.dataset, **view)
    write_html(network, output, title=title)
    _report(network, output)


@click.command("network")
@view_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The file to write: .graphml, .gexf or .json (node-link).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(list(EXPORT_FORMATS)),
    help="File format (default: from the suffix).",
)
@graph_options()
def network_command(store: Store, output: Path, fmt: str | None, **view: Any) -> None:
    """Export the network for Gephi, Cytoscape or NetworkX: GraphML, GEXF or node-link JSON."""
    export_format(output, fmt)
    network = _project(store.dataset, **view)
    summary = export_network(network, output, format=fmt)
    _report(network, output)
    if summary.replaced:
        click.echo(
            f"note: {summary.replaced} character(s) that {summary.format} cannot hold (control characters) "
            "were written as U+FFFD",
            err=True,
        )
