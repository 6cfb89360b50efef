"""The import command: programme tables (CSV, TSV, JSON Lines) into a store, by a mapping."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import BASE_OPTION

MAPPING_HELP = (
    "How to read the tables: a built-in mapping (almedalsveckan) or a mapping YAML file (docs/import.md)."
)


@click.command("import")
@click.argument("tables", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--mapping", "-m", required=True, metavar="NAME|FILE", help=MAPPING_HELP)
@click.option(
    "--store",
    required=True,
    metavar="SPEC",
    help="The store to import into: oxigraph:DIR or http(s)://HOST/PATH.",
)
@click.option(
    "--review",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("seminargraph-review.tsv"),
    show_default=True,
    help="The review file of merges: read for your decisions (accept/refuse), then written anew.",
)
@click.option(
    "--keep-contact-details",
    is_flag=True,
    help="Also import the e-mail addresses and phone numbers of contact persons (left out by default).",
)
@click.option(
    "--skip-bad-rows",
    is_flag=True,
    help="Import the rows that can be read and list the others, instead of importing nothing.",
)
@click.option(
    "--bad-rows-report",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --skip-bad-rows: write the rows left out, and why, to this TSV file.",
)
@click.option("--no-validate", is_flag=True, help="Import even if the result does not conform to the shapes.")
@click.option(
    "--no-linked-data",
    is_flag=True,
    help="Leave out the authored data the mapping links to (for almedalsveckan: the built-in seed page).",
)
@click.option(
    "--read-prose",
    is_flag=True,
    help="Also read the people and organisations that the title and description columns name (by "
    "`seminargraph extract`); they are imported as inferred or ambiguous, never as stated.",
)
@click.option(
    "--prose-report",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --read-prose: write each name read from prose, and each name seen but not placed, to "
    "this TSV file.",
)
@BASE_OPTION
def import_command(
    tables: tuple[Path, ...],
    mapping: str,
    store: str,
    review: Path,
    keep_contact_details: bool,
    skip_bad_rows: bool,
    bad_rows_report: Path | None,
    no_validate: bool,
    no_linked_data: bool,
    read_prose: bool,
    prose_report: Path | None,
    base: str,
) -> None:
    """Import programme TABLES (one row per event or per participation) into a store.

    Every event, person, organisation, participation and affiliation becomes the ontology's, with
    the file, line, programme id and verbatim cell it was read from. People and organisations are
    one node across the tables where the evidence agrees; the review file lists every merge and
    every uncertain one, for you to accept or refuse. Nothing is written unless every row can be
    read and the result conforms (see --skip-bad-rows, --no-validate).

    \b
    Example:
      seminargraph import ../shared/almedalsdata/*.csv --mapping almedalsveckan --store oxigraph:./decade
    """
    from ..programme import import_tables, load_mapping

    if bad_rows_report is not None and not skip_bad_rows:
        raise click.UsageError("--bad-rows-report goes with --skip-bad-rows")
    if prose_report is not None and not read_prose:
        raise click.UsageError("--prose-report goes with --read-prose")
    table_mapping = load_mapping(mapping)
    bar: Any = None
    if sys.stderr.isatty():
        bar = click.progressbar(length=None, label="importing rows", file=sys.stderr, show_pos=True)
    try:
        report = import_tables(
            tables,
            table_mapping,
            store=store,
            base=base,
            review=review,
            keep_contact_details=keep_contact_details,
            skip_bad_rows=skip_bad_rows,
            validate=not no_validate,
            linked_data=not no_linked_data,
            read_prose=read_prose,
            on_rows=(lambda n: bar.update(n)) if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.render_finish()
    if bad_rows_report is not None:
        _write_bad_rows(bad_rows_report, report)
    if prose_report is not None:
        _write_prose_report(prose_report, report)
    click.echo(report.text())


def _write_bad_rows(path: Path, report: object) -> None:
    from ..programme.importer import ImportReport
    from ..rdfio import write_atomic

    assert isinstance(report, ImportReport)
    lines = ["where\treason"] + [
        f"{b.where}\t{b.reason}" for b in report.skipped_rows + report.unread_entries
    ]
    write_atomic({path: ("\n".join(lines) + "\n").encode("utf-8")})


def _write_prose_report(path: Path, report: object) -> None:
    from ..programme.importer import ImportReport
    from ..rdfio import write_atomic

    assert isinstance(report, ImportReport)
    lines = ["where\tname\treading"]
    lines += [f"{where}\t{name}\t{role}" for where, name, role in report.prose_found]
    lines += [f"{where}\t{name}\tseen but not placed" for where, name in report.prose_unplaced]
    write_atomic({path: ("\n".join(lines) + "\n").encode("utf-8")})
