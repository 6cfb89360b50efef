"""Debian's chromium for the browser tests: where it is, how it is started, when tests skip.

The tests never download a browser. They skip when /usr/bin/chromium is absent, except under
``./dev test`` (and so in CI), which installs it and sets SEMINARGRAPH_REQUIRE_BROWSER=1: there a
missing browser fails the run instead of skipping a whole kind of test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Headless, no sandbox (CI runs as root), no calls home: the machine has no network.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REQUIRED = os.environ.get("SEMINARGRAPH_REQUIRE_BROWSER") == "1"

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not REQUIRED,
    reason="Debian's chromium is not at /usr/bin/chromium (./dev test installs it)",
)


def launch() -> Iterator[Any]:
    """Start headless Chromium (playwright drives it; each test opens its own fresh context)."""
    if not CHROMIUM.exists():
        pytest.fail("SEMINARGRAPH_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
