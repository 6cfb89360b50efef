"""Options shared by the commands: --data, --store, --base, --timeout for the graph; --param for a query."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import OptionError
from ..inputs import check_outputs, input_names
from ..store import DEFAULT_TIMEOUT, MEMORY, StoreSpec, as_spec, open_store
from ..vocab import DEFAULT_BASE

BASE_OPTION = click.option(
    "--base",
    metavar="IRI",
    help=f"Base IRI under which ids become IRIs (ends in / or #). Default: {DEFAULT_BASE}, or for a "
    "store, the base its data was loaded with.",
)

STORE_HELP = (
    "Where the graph is: memory (the --data files, loaded now), oxigraph:DIR (a store made by "
    "`seminargraph load`), or http(s)://HOST/PATH (a SPARQL endpoint)."
)


def parse_store(ctx: click.Context, option: click.Parameter, value: str | None) -> StoreSpec | None:
    """The --store text parsed, once, into the StoreSpec the command and the library use."""
    return None if value is None else as_spec(value)


def store_option(
    help_text: str = STORE_HELP, **kwargs: Any
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add --store SPEC (default memory); the command receives a StoreSpec."""
    options: dict[str, Any] = {"default": MEMORY, "show_default": True, **kwargs}
    return click.option("--store", metavar="SPEC", callback=parse_store, help=help_text, **options)


STORE_OPTION = store_option()


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


_PATH = click.Path(path_type=Path)


def data_options(
    help_text: str = "Data to use", *, positional: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the data: DATA... arguments and -d/--data PATH (repeatable); the command receives ``data``.

    Every command takes its data the same way: as arguments, with -d, or both (arguments first).
    A command whose arguments are something else (``query NAME``) takes -d only, and says so to
    data given as an argument (``positional`` false).
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @click.argument("data_arguments", nargs=-1, metavar="[DATA]..." if positional else "", type=_PATH)
        @click.option(
            "-d",
            "--data",
            "data_options",
            multiple=True,
            type=_PATH,
            help=f"{help_text} ({input_names()} files, or folders of them); repeatable"
            + (", or give them as arguments" if positional else "")
            + ". Default: the built-in data. Only with --store memory.",
        )
        @functools.wraps(command)
        def wrapper(
            *args: Any, data_arguments: tuple[Path, ...], data_options: tuple[Path, ...], **kwargs: Any
        ) -> Any:
            if data_arguments and not positional:
                name = click.get_current_context().info_name
                raise click.UsageError(
                    f"{name} takes its data with -d/--data, not as arguments: -d {data_arguments[0]}"
                )
            return command(*args, data=data_arguments + data_options, **kwargs)

        return wrapper

    return decorate


def graph_options(*, positional: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the data (see data_options), --store, --base and --timeout; the command receives ``store``.

    ``store`` is the open Store. A command's ``output`` (its -o) is checked first: it may not
    replace a data file, nor be written where the next load of a data folder would read it.
    """
    return functools.partial(_with_graph, positional=positional)


def _with_graph(command: Callable[..., Any], *, positional: bool) -> Callable[..., Any]:
    @data_options(positional=positional)
    @STORE_OPTION
    @BASE_OPTION
    @TIMEOUT_OPTION
    @functools.wraps(command)
    def wrapper(
        *args: Any, data: tuple[Path, ...], store: StoreSpec, base: str | None, timeout: float, **kwargs: Any
    ) -> Any:
        output = kwargs.get("output")
        if output is not None and store.kind == "memory":
            check_outputs([output], data)
        # Closing gives an on-disk store back to loads as soon as the command is done with it.
        with open_store(store, data, base=base, timeout=timeout) as opened:
            return command(*args, store=opened, **kwargs)

    return wrapper
