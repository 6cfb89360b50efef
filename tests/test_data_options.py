"""Every command takes its data the same way: as arguments or with -d/--data, or says which."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

MINIMAL = Path(__file__).parent / "data" / "minimal"


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["viz", "-o", "{out}/x.html"],
        ["network", "-o", "{out}/x.json"],
        ["serve", "--get", "/health"],
    ],
)
def test_data_as_arguments_or_with_d_is_the_same(
    command: list[str], tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    args = [a.format(out=tmp_path) for a in command]
    positional = run_cli(*args, str(MINIMAL))
    optional = run_cli(*args, "-d", str(MINIMAL))
    assert positional.exit_code == optional.exit_code == 0, positional.output + optional.output
    assert positional.stdout == optional.stdout


def test_build_and_load_take_d_as_well(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    built = run_cli("build", "-d", str(MINIMAL), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert "3 people" in built.stdout
    loaded = run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", "-d", str(MINIMAL))
    assert loaded.exit_code == 0, loaded.output
    rows = run_cli("query", "participants", "--store", f"oxigraph:{tmp_path / 'kg'}", "--format", "csv")
    assert rows.stdout == run_cli("query", "participants", "-d", str(MINIMAL), "--format", "csv").stdout


def test_query_says_where_its_data_goes(
    run_cli: Callable[..., Result],
) -> None:
    refused = run_cli("query", "participants", str(MINIMAL))
    assert refused.exit_code == 2
    assert f"query takes its data with -d/--data, not as arguments: -d {MINIMAL}" in refused.stderr
