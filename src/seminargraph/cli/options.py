"""Options shared by the commands: --data, --store, --base, --timeout for the graph; --param for a query."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rdflib import Dataset

from ..errors import OptionError
from ..sources import check_outputs
from ..store import DEFAULT_TIMEOUT, MEMORY, open_graph, parse_spec
from ..vocab import DEFAULT_BASE

BASE_OPTION = click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    metavar="IRI",
    help="Base IRI under which ids become IRIs (ends in / or #).",
)

STORE_HELP = (
    "Where the graph is: memory (the --data files, loaded now), oxigraph:DIR (a store made by "
    "`seminargraph load`), or http(s)://HOST/PATH (a SPARQL endpoint)."
)


STORE_OPTION = click.option("--store", default=MEMORY, show_default=True, metavar="SPEC", help=STORE_HELP)


TIMEOUT_OPTION = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="For an http(s) store: give up when the whole answer has not come within this time.",
)


def param_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add -p/--param NAME=VALUE (repeatable); the command receives ``params`` as a dict."""
    return click.option(
        "-p",
        "--param",
        "params",
        multiple=True,
        metavar="NAME=VALUE",
        callback=_split_params,
        help=help_text,
    )


def _split_params(ctx: click.Context, option: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for text in values:
        name, sep, value = text.partition("=")
        if not sep or not name.strip():
            raise OptionError(f"--param {text!r}: write it as NAME=VALUE, e.g. event=it-dagen-2015")
        params[name.strip()] = value
    return params


def graph_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add -d/--data, --store, --base and --timeout; the command receives ``graph`` (a Dataset) instead.

    A command's ``output`` (its -o) is checked first: it may not replace a --data file, nor be
    written where the next load of a --data folder would read it.
    """

    @click.option(
        "-d",
        "--data",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Data to use (YAML, RDF files, folders); repeatable. Default: the built-in data. "
        "Only with --store memory.",
    )
    @STORE_OPTION
    @BASE_OPTION
    @TIMEOUT_OPTION
    @functools.wraps(command)
    def wrapper(
        *args: Any, data: tuple[Path, ...], store: str, base: str, timeout: float, **kwargs: Any
    ) -> Any:
        output = kwargs.get("output")
        if output is not None and parse_spec(store).kind == "memory":
            check_outputs([output], data)
        graph: Dataset = open_graph(store, data, base=base, timeout=timeout)
        try:
            return command(*args, graph=graph, **kwargs)
        finally:
            # Gives an on-disk store back to loads as soon as the command is done with it.
            graph.close()

    return wrapper
