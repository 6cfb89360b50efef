"""The README documents every command, option and named query; every command has help."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import click
import pytest

from seminargraph import list_queries
from seminargraph.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    found = []

    def walk(group: click.Group, prefix: str) -> None:
        for name, command in sorted(group.commands.items()):
            found.append((f"{prefix}{name}", command))
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")

    walk(cli, "")
    return found


COMMANDS = _commands()


def test_there_are_commands() -> None:
    assert {"build", "validate", "queries", "query"} <= {name for name, _ in COMMANDS}


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"seminargraph {name}" in README, f"README.md does not show `seminargraph {name}`"
    assert command.help, f"`seminargraph {name}` has no help text"
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        longest = max(param.opts, key=len)
        assert longest in README, f"README.md does not mention {longest} of `seminargraph {name}`"
        assert param.help, f"{longest} of `seminargraph {name}` has no help text"


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_named_query_is_in_the_readme(query) -> None:
    assert f"`{query.name}`" in README, f"README.md does not list the named query `{query.name}`"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_answers_help(run_cli, name: str, command: click.Command) -> None:
    result = run_cli(*name.split(), "--help")
    assert result.exit_code == 0
    assert "Usage: seminargraph" in result.stdout


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:1500]
    assert "./dev run" in head and "./dev test" in head
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text("utf-8")
    assert "./dev test" in ci


def test_dev_run_installs_what_the_readme_serves_with() -> None:
    # A new user runs `./dev run`, then `seminargraph serve`: the run must install the serve extra.
    import re
    import tomllib

    root = Path(__file__).parent.parent
    script = (root / "dev").read_text("utf-8")
    branch = script.split("  run)", 1)[1].split(";;", 1)[0]
    extras = re.search(r'setup "([^"]*)"', branch)
    assert extras is not None, "./dev run does not call setup"
    installed = set(extras.group(1).split(","))
    declared = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    assert "serve" in installed and set(installed) <= set(declared)
    serving = README.split("## Stores and serving", 1)[1]
    assert "`serve` extra" in serving and "./dev run" in serving


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "seminargraph", "query", "moderators", "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Robin Askelöf" in result.stdout


def test_the_built_in_data_works_from_any_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "seminargraph", "validate"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "8 people" in result.stdout


PACKAGE = Path(__file__).parent.parent / "src" / "seminargraph"
MODULES = sorted(
    ".".join(("seminargraph", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
    if path.name != "__main__.py"
)


@pytest.mark.parametrize("module", MODULES)
def test_the_examples_in_docstrings_run(module: str) -> None:
    failed, _tried = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert failed == 0, f"a docstring example in {module} does not give what it shows"


def test_the_command_listing_matches_the_commands_help() -> None:
    import inspect

    from seminargraph.cli import COMMANDS

    assert sorted(COMMANDS) == sorted(cli.commands)
    for name, (module, _attribute, summary) in COMMANDS.items():
        command = cli.commands[name]
        assert command.callback is not None and command.callback.__module__ == f"seminargraph.cli.{module}"
        assert summary == inspect.cleandoc(command.help or "").split("\n\n")[0], name


def test_help_loads_neither_rdflib_nor_oxigraph() -> None:
    code = (
        "import sys\nfrom seminargraph.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'pyshacl', 'networkx') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Commands:" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"
