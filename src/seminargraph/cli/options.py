"""Options shared by every command that reads the graph: --data, --store, --base."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rdflib import Dataset

from ..store import MEMORY, open_graph
from ..vocab import DEFAULT_BASE

BASE_OPTION = click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base IRI under which ids become IRIs (ends in / or #).",
)


def graph_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add -d/--data, --store and --base; the command receives ``graph`` (a Dataset) instead."""

    @click.option(
        "-d",
        "--data",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Data to use (YAML, RDF files, folders); repeatable. Default: the built-in data.",
    )
    @click.option(
        "--store",
        default=MEMORY,
        show_default=True,
        metavar="SPEC",
        help="Where the graph is: memory (load --data).",
    )
    @BASE_OPTION
    @functools.wraps(command)
    def wrapper(*args: Any, data: tuple[Path, ...], store: str, base: str, **kwargs: Any) -> Any:
        graph: Dataset = open_graph(store, data, base=base)
        return command(*args, graph=graph, **kwargs)

    return wrapper
