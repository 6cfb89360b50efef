"""The ``extract`` command: seminar pages -> drafts in the authoring format, for review."""

from __future__ import annotations

from pathlib import Path

import click

from ..extract.outputs import extract_files
from ..ontology import builtin_data_dir
from ..rdfio import write_atomic


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["sv", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of the pages; auto tells Swedish from English (and warns about others).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the draft here (DRAFT.yaml for one page, a folder for several; a .json file with "
    "--format json). The page's text is written beside each draft. Default: standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="yaml: a draft in the authoring format; json: every event and participant with its evidence.",
)
@click.option(
    "--known",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Authored YAML (files or folders) whose ids the draft reuses; repeatable. "
    "Default: the built-in data.",
)
@click.option("--no-known", is_flag=True, help="Reuse no existing ids.")
@click.option("--force", is_flag=True, help="Replace a draft that exists (it may hold a review).")
def extract_command(
    files: tuple[Path, ...],
    lang: str,
    output: Path | None,
    fmt: str,
    known: tuple[Path, ...],
    no_known: bool,
    force: bool,
) -> None:
    """Draft the participants of seminar pages FILE... (plain text or HTML) for review.

    Finds the events, and for each participant the name, job title and organisation as
    written, the role, and the quote that states it. Review the draft, then build it alone
    (`seminargraph build DRAFT.yaml`) or with the data it joins (`seminargraph build data/ DRAFT.yaml`).
    """
    if known and no_known:
        raise click.UsageError("give --known PATH or --no-known, not both")
    reuse = () if no_known else known or (builtin_data_dir(),)
    result = extract_files(files, lang=lang, fmt=fmt, output=output, known=reuse, force=force)
    for message in result.messages:
        click.echo(message, err=True)
    if result.stdout is not None:
        click.echo(result.stdout, nl=False)
        return
    write_atomic(result.files)
    for path in result.files:
        click.echo(f"wrote {path}", err=True)
