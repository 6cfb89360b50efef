"""Commands on the graph itself: build, validate, queries, query."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click
from click.core import ParameterSource

from ..build import BUILD_FORMATS, build, summarize
from ..errors import OptionError, ValidationFailed
from ..inputs import check_outputs
from ..inputs.mapping import Minter
from ..query import (
    DEFAULT_LANG,
    LANG_PATTERN,
    NamedQuery,
    list_queries,
    load_query_file,
    parse_query_text,
    run_query,
)
from ..query import get_query as named_query
from ..rdfio import FORMATS, format_named, serialize, write_atomic
from ..read.labels import has_language, label_languages
from ..results import TABLE_FORMATS, render
from ..store import Store, StoreSpec, open_store
from ..validate import validate_graph
from .options import BASE_OPTION, STORE_OPTION, data_options, graph_options, param_option


@click.command("build")
@data_options()
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("build"),
    show_default=True,
    help="Folder to write graph.ttl and friends into.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(list(FORMATS)),
    help=f"RDF format(s) to write; repeat for several. Default: {', '.join(BUILD_FORMATS)}.",
)
@click.option("--no-validate", is_flag=True, help="Write even if the data does not conform.")
@STORE_OPTION
@BASE_OPTION
def build_command(
    data: tuple[Path, ...],
    outdir: Path,
    formats: tuple[str, ...],
    no_validate: bool,
    store: StoreSpec,
    base: str | None,
) -> None:
    """Build the graph from DATA (YAML, RDF files or folders; default: built-in data).

    Validates it against the SHACL shapes, then writes it into the --output folder as graph.ttl,
    graph.nt, graph.jsonld and graph.trig (or the --format ones). Nothing is written when the data
    does not conform. With --store, the graph in that store is validated and written instead.
    """
    summary = build(
        data, outdir, base=base, formats=formats or BUILD_FORMATS, validate=not no_validate, store=store
    )
    click.echo(summary.text())


@click.command("validate")
@data_options()
@STORE_OPTION
@BASE_OPTION
def validate_command(data: tuple[Path, ...], store: StoreSpec, base: str | None) -> None:
    """Check DATA (or the graph in --store) against the SHACL shapes (exit 3 when it does not conform)."""
    with open_store(store, data, base=base) as opened:
        report = validate_graph(opened.dataset)
        summary = summarize(opened.dataset)
    click.echo(summary.text())
    if not report.conforms:
        raise ValidationFailed(report)
    click.echo(report.text())


@click.command("queries")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def queries_command(fmt: str) -> None:
    """List the named queries with their parameters."""
    queries = list_queries()
    if fmt == "json":
        import json

        click.echo(json.dumps([_describe(q) for q in queries], ensure_ascii=False, indent=2))
        return
    for q in queries:
        click.echo(f"{q.name}: {q.title}")
        click.echo(f"    {q.description}")
        for p in q.parameters:
            need = "required" if p.required else "optional"
            click.echo(f"    --param {p.name}=<{p.kind}>  ({need}) {p.description}")


def _describe(q: NamedQuery) -> dict[str, object]:
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "parameters": [
            {"name": p.name, "kind": p.kind, "required": p.required, "description": p.description}
            for p in q.parameters
        ],
    }


GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")


@click.command("query")
@click.argument("name", required=False)
@click.option("--sparql", "sparql_text", metavar="TEXT", help="Run this SPARQL text instead.")
@param_option("A parameter of the query; repeat for several.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*TABLE_FORMATS, *GRAPH_FORMATS]),
    help="Output format: table (the default), csv, tsv or json for rows; turtle (the default), "
    "ntriples or jsonld for the graph of a CONSTRUCT or DESCRIBE.",
)
@click.option(
    "--lang",
    default=DEFAULT_LANG,
    show_default=True,
    metavar="LANG",
    help="Language of labels (sv or en; job titles stay as written).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the result to this file instead of standard output.",
)
@graph_options(positional=False)
def query_command(
    name: str | None,
    sparql_text: str | None,
    params: dict[str, str],
    fmt: str | None,
    lang: str,
    output: Path | None,
    store: Store,
) -> None:
    """Run the named query NAME (see `seminargraph queries`), a FILE.rq, or --sparql TEXT."""
    query = _choose_query(name, sparql_text)
    if click.get_current_context().get_parameter_source("lang") is not ParameterSource.DEFAULT:
        _check_language(store, lang)
    if output is not None and name is not None and name.endswith(".rq"):
        check_outputs([output], [Path(name)], option="-o")
    result = run_query(store.dataset, query, lang=lang, params=params)
    if result.kind == "graph":
        assert result.graph is not None
        if fmt is not None and fmt not in GRAPH_FORMATS:
            raise click.UsageError(
                f"--format {fmt} is for rows, but this query gives a graph (CONSTRUCT/DESCRIBE); "
                "use turtle, ntriples or jsonld"
            )
        # With the prefixes of the data's IRIs, as build writes them (and the server answers).
        prefixes = Minter(store.base).prefixes()
        text = serialize(
            result.graph, format_named(fmt or "turtle"), prefixes=prefixes, base=store.base
        ).decode("utf-8")
    elif fmt in GRAPH_FORMATS:
        raise click.UsageError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use table, csv, tsv or json")
    else:
        # In a terminal the table fits its width; a file (or a pipe) gets every cell in full.
        fitted = output is None and (fmt or "table") == "table" and sys.stdout.isatty()
        text = render(result, fmt or "table", width=shutil.get_terminal_size().columns if fitted else None)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic({output: text.encode("utf-8")})
        click.echo(f"wrote {output}", err=True)


def _check_language(store: Store, lang: str) -> None:
    # A language no label is written in would give every label in a fallback language, silently.
    languages = label_languages(store.dataset)
    if languages and LANG_PATTERN.match(lang) and not has_language(languages, lang):
        raise OptionError(
            f"--lang {lang}: the graph has no names or labels in {lang!r}; "
            f"its languages are: {', '.join(languages)}"
        )


def _choose_query(name: str | None, sparql_text: str | None) -> NamedQuery:
    if name is None and sparql_text is None:
        raise click.UsageError("give a query NAME (see `seminargraph queries`), a FILE.rq, or --sparql TEXT")
    if name is not None and sparql_text is not None:
        raise click.UsageError("give a query NAME (or FILE.rq), or --sparql TEXT, not both")
    if sparql_text is not None:
        return parse_query_text(sparql_text, "sparql", "--sparql")
    assert name is not None
    if name.endswith(".rq"):
        return load_query_file(Path(name))
    return named_query(name)
