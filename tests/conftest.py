"""Shared fixtures: the seed graph, a command-line runner, and paths to test data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset

from seminargraph import load_graph
from seminargraph.cli import cli

TESTS = Path(__file__).parent
DATA = TESTS / "data"
REPO = TESTS.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--refresh-golden",
        action="store_true",
        help="Rewrite the golden files under tests/data/golden from the current output.",
    )


@pytest.fixture
def refresh_golden(request: pytest.FixtureRequest) -> bool:
    """True when the golden files are to be rewritten instead of compared."""
    return bool(request.config.getoption("--refresh-golden"))


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Run ``seminargraph ARGS...`` as a user would: result.exit_code, .stdout, .stderr."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input, prog_name="seminargraph")

    return run


@pytest.fixture(scope="session")
def seed_graph() -> Dataset:
    """The built-in seed data, loaded once. Do not modify it in a test."""
    return load_graph()


@pytest.fixture(scope="module")
def http() -> Iterator[Any]:
    """An HTTP client for the server tests (httpx comes with the serve extra)."""
    import httpx

    with httpx.Client(timeout=30) as client:
        yield client
