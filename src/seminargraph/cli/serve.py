"""Commands on stores and serving: load (a built graph into a store) and serve (the web app)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import MissingExtraError, ValidationFailed
from ..inputs import load_graph
from ..server.config import (
    CORS_ORIGIN,
    DEFAULT_MAX_REQUEST,
    DEFAULT_ROW_LIMIT,
    DEFAULT_TIME_LIMIT,
    ServerConfig,
)
from ..store import DEFAULT_WRITE_TIMEOUT, SPEC_HELP, StoreSpec, write_store
from ..validate import validate_graph
from ..vocab import DEFAULT_BASE
from .failure import CommandError
from .options import BASE_OPTION, TIMEOUT_OPTION, data_options, store_option


@click.command("load")
@data_options("Data to load")
@store_option(f"The store to load into: {SPEC_HELP}.", required=True, default=None, show_default=False)
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
    store: StoreSpec,
    clear: bool,
    no_validate: bool,
    update_endpoint: str | None,
    graph_store: str | None,
    timeout: float,
    base: str | None,
) -> None:
    """Load DATA (default: the built-in data) into a store, replacing each source's earlier graph.

    The replacement is all or nothing: a load that fails or is killed leaves the store with its
    earlier data, readable. Nothing is loaded when the data does not conform to the shapes.
    """
    base = base or DEFAULT_BASE
    if store.kind == "oxigraph":
        # In Oxigraph's terms: parsed, derived and validated there, then bulk-loaded (bulk.py).
        from ..bulk import load_disk

        click.echo(load_disk(data, store, clear=clear, validate=not no_validate, base=base).text())
        return
    graph = load_graph(*data, base=base)
    if not no_validate:
        report = validate_graph(graph)
        if not report.conforms:
            raise ValidationFailed(report)
    written = write_store(
        store,
        graph,
        base=base,
        clear=clear,
        update_endpoint=update_endpoint,
        graph_store=graph_store,
        timeout=timeout,
    )
    click.echo(written.text())


@click.command("serve")
@data_options("Data to serve")
@store_option(f"The store to serve: {SPEC_HELP}.")
@BASE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one)."
)
@click.option("--title", metavar="TEXT", help="Title of the pages (default: the source's title).")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    metavar="SECONDS",
    help="Stop any query after this long (its worker process is killed).",
)
@click.option(
    "--row-limit",
    type=click.IntRange(min=1),
    default=DEFAULT_ROW_LIMIT,
    show_default=True,
    help="Return at most this many rows; longer answers are cut and marked truncated.",
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(min=1024),
    default=DEFAULT_MAX_REQUEST,
    show_default=True,
    help="Refuse request bodies and URLs longer than this.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Query worker processes (each holds the graph; one when writable).",
)
@TIMEOUT_OPTION
@click.option(
    "--write-token-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Accept updates and Graph Store writes carrying the token in this file (oxigraph:DIR only).",
)
@click.option(
    "--cors",
    metavar="ORIGIN|*",
    callback=lambda ctx, param, value: _cors(value),
    help="Let pages of ORIGIN (e.g. https://tools.example; * for any) query /sparql from a browser. "
    "Never for updates or Graph Store writes.",
)
@click.option(
    "--get", "get_path", metavar="PATH", help="Answer one GET of PATH without a socket, print it, exit."
)
def serve_command(
    data: tuple[Path, ...],
    store: StoreSpec,
    base: str | None,
    host: str,
    port: int,
    title: str | None,
    time_limit: float,
    row_limit: int,
    max_request_bytes: int,
    workers: int,
    timeout: float,
    write_token_file: Path | None,
    cors: str | None,
    get_path: str | None,
) -> None:
    """Serve the graph: SPARQL endpoint at /sparql, query page, entity pages, network page.

    Read-only unless --write-token-file is given; pages of other sites may query it only with
    --cors. Stop it with Ctrl+C.
    """
    server = _server_module()
    config = ServerConfig(
        store=store,
        data=tuple(str(d) for d in data),
        base=base,
        title=title,
        time_limit=time_limit,
        row_limit=row_limit,
        max_request_bytes=max_request_bytes,
        workers=workers,
        remote_timeout=timeout,
        write_token=_read_token(write_token_file),
        cors=cors,
    )
    if get_path is not None:
        response = server.get(config, get_path)
        click.echo(response.body, nl=False)
        if response.status >= 400:
            raise CommandError(f"GET {get_path}: HTTP {response.status}")
        return
    server.serve(
        config,
        host=host,
        port=port,
        # The store as StoreSpec shows it: without the password an endpoint's URL may hold.
        on_ready=lambda url: click.echo(f"serving {store} on {url}", err=True),
    )


def _server_module() -> Any:
    try:
        from ..server import run as server
    except ImportError as exc:
        raise MissingExtraError("seminargraph serve", "serve") from exc
    return server


def _cors(value: str | None) -> str | None:
    if value is None or value == "*":
        return value
    origin = value.rstrip("/")
    if not CORS_ORIGIN.match(origin):
        raise click.BadParameter(
            f"{value!r} is not an origin; give scheme, host and port such as https://tools.example "
            "or http://localhost:3000 (no path), or * for any",
            param_hint="--cors",
        )
    return origin


def _read_token(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        token = path.read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(
            f"{path}: cannot read the token: {exc}", param_hint="--write-token-file"
        ) from None
    if not token:
        raise click.BadParameter(f"{path} is empty", param_hint="--write-token-file")
    return token
