"""Debian's chromium for the browser tests: where it is, how it is started, when tests skip.

The tests never download a browser. They skip when /usr/bin/chromium is absent, except under
``./dev test`` (and so in CI), which installs it and sets SEMINARGRAPH_REQUIRE_BROWSER=1: there a
missing browser fails the run instead of skipping a whole kind of test.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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


@dataclass
class Visit:
    """One browser tab on a served site, with what it logged, asked of other hosts, and alerted."""

    page: Any
    console: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def ran(self) -> list[str]:
        """What scripts planted in the data pushed to ``window.__ran`` (nothing, when all is well)."""
        return self.page.evaluate("window.__ran")  # type: ignore[no-any-return]

    def clean(self, status: int = 200) -> None:
        # A page that reports an error (a bad query) is itself answered with that status.
        expected = (
            []
            if status == 200
            else [f"Failed to load resource: the server responded with a status of {status}"]
        )
        assert [m.split(" (")[0] for m in self.console] == expected
        assert self.elsewhere == []
        assert self.dialogs == []
        assert self.ran() == []


def visits(browser: Any, site: str, **context_options: Any) -> Iterator[Callable[[str], Visit]]:
    """Yield a function that opens a path of ``site`` in a fresh context; requests elsewhere fail."""
    contexts = []

    def open_(path: str) -> Visit:
        context = browser.new_context(accept_downloads=True, **context_options)
        contexts.append(context)
        context.add_init_script("window.__ran = [];")
        page = context.new_page()
        opened = Visit(page)
        page.on(
            "console", lambda m: opened.console.append(m.text) if m.type in ("error", "warning") else None
        )
        page.on("pageerror", lambda e: opened.console.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))

        def route(r: Any) -> None:
            if r.request.url.startswith(site):
                r.continue_()
            else:
                opened.elsewhere.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.goto(site.rstrip("/") + path)
        return opened

    yield open_
    for context in contexts:
        context.close()
