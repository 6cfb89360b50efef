"""The pages of `seminargraph serve` in a real headless Chromium: what a reader sees and does.

Debian's chromium at /usr/bin/chromium (``./dev test`` installs it; never a downloaded browser).
Every request the pages make is recorded: only the server itself may be asked. A script planted in
the data would push to ``window.__ran``; it must stay empty, and the console must stay quiet (a
blocked inline script would be reported there by the Content-Security-Policy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from browser_support import launch, needs_chromium
from seminargraph.ontology import builtin_data_dir
from test_server_pages import write_hostile
from test_server_support import Running, start_server

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    hostile = write_hostile(tmp_path_factory.mktemp("hostile"))
    running = start_server("-d", str(builtin_data_dir()), "-d", str(hostile))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@dataclass
class Visit:
    """One browser tab on the site, with what it logged, asked for, and alerted."""

    page: Any
    console: list[str] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def ran(self) -> list[str]:
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


@pytest.fixture
def visit(browser: Any, site: Running) -> Iterator[Callable[[str], Visit]]:
    contexts = []

    def open_(path: str) -> Visit:
        context = browser.new_context(accept_downloads=True)
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
            if r.request.url.startswith(site.url):
                r.continue_()
            else:
                opened.elsewhere.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.goto(site.url.rstrip("/") + path)
        return opened

    yield open_
    for context in contexts:
        context.close()


def test_the_landing_page_shows_counts_and_sources(visit: Callable[[str], Visit]) -> None:
    opened = visit("/?lang=en")
    counts = opened.page.locator("table.counts").inner_text()
    assert "People\t10" in counts and "Events\t5" in counts
    assert "Seminarium i Almedalen 2015" in opened.page.locator("ul.sources").inner_text()
    assert opened.page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
    opened.clean()


def test_a_named_query_runs_with_one_click_and_downloads_as_csv(
    visit: Callable[[str], Visit], tmp_path: Path
) -> None:
    opened = visit("/query?lang=en")
    page = opened.page
    form = page.locator("form[action='/queries/evidence']")
    form.locator("input[name=person]").fill("leif-jonsson")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/queries/evidence?person=leif-jonsson&lang=en")
    rows = page.locator("table.results tbody tr")
    assert rows.count() >= 2
    assert "docent" in page.locator("table.results").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    saved = tmp_path / "evidence.csv"
    download.value.save_as(saved)
    assert saved.read_text("utf-8").startswith("event,fact,status,status_label,quote,source,note\n")
    opened.clean()


def test_a_parameter_field_suggests_people_as_the_user_types(visit: Callable[[str], Visit]) -> None:
    opened = visit("/query?lang=en")
    page = opened.page
    field = page.locator("form[action='/queries/evidence'] input[name=person]")
    field.press_sequentially("jons")
    options = page.locator("#suggest-evidence-person option")
    options.first.wait_for(state="attached")
    assert options.evaluate_all("all => all.map(o => [o.value, o.label])") == [
        ["leif-jonsson", "Leif Jonsson"]
    ]
    # A hostile name is put in as text.
    hostile = page.locator("form[action='/queries/co-participants'] input[name=person]")
    hostile.press_sequentially("onerror")
    img = page.locator("#suggest-co-participants-person option")
    img.first.wait_for(state="attached")
    assert img.first.get_attribute("label") == "<img src=x onerror=\"window.__ran.push('img')\">"
    assert page.locator("main img").count() == 0
    opened.clean()


def test_edit_puts_a_named_query_in_the_editor_and_ctrl_enter_runs_it(visit: Callable[[str], Visit]) -> None:
    opened = visit("/query")
    page = opened.page
    page.locator("form[action='/queries/moderators'] button.edit").click()
    text = page.locator("#sparql").input_value()
    assert text.startswith("# title: Moderators")
    page.locator("#sparql").press("Control+Enter")
    page.wait_for_url("**/query?sparql=*")
    table = page.locator("table.results").inner_text()
    assert "Robin Askelöf" in table and "Magnus Staxäng" in table
    opened.clean()


@pytest.mark.parametrize(
    "path",
    [
        "/person/img",
        "/event/js?lang=en",
        "/people",
        "/query?sparql=SELECT+*+WHERE+%7B+%3C%2Ftextarea%3E%3Cscript%3Ewindow.__ran.push(1)%3C%2Fscript%3E+%7D",
        "/queries/participants?event=js&lang=en",
    ],
)
def test_hostile_text_is_shown_as_text_and_runs_nothing(visit: Callable[[str], Visit], path: str) -> None:
    opened = visit(path)
    page = opened.page
    for link in page.locator("main a").all():
        link.hover()
    body = page.locator("main").inner_text()
    if path.startswith("/person/img"):
        assert "<img src=x onerror=\"window.__ran.push('img')\">" in body
        assert "<a href=\"javascript:window.__ran.push('quote')\">quote</a> & </textarea>" in body
    if path.startswith("/query?"):
        assert "</textarea><script>" in page.locator("#sparql").input_value()
        assert "not valid SPARQL" in page.locator("p.error").inner_text()
    opened.clean(400 if path.startswith("/query?") else 200)


def test_the_network_page_draws_from_the_server(visit: Callable[[str], Visit]) -> None:
    opened = visit("/network?event=fran-rora-till-ledning")
    opened.page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    drawn = opened.page.evaluate("window.seminargraph.drawn()")
    assert drawn["nodes"] >= 7 and drawn["edges"] >= 6
    opened.clean()


def test_an_entity_page_links_on_to_related_pages(visit: Callable[[str], Visit]) -> None:
    opened = visit("/person/leif-jonsson?lang=en")
    page = opened.page
    page.get_by_role("link", name="From mess to management", exact=False).first.click()
    page.wait_for_url("**/event/fran-rora-till-ledning?lang=en")
    assert "Who took part" in page.locator("main").inner_text()
    page.get_by_role("link", name="Peter Ingesson").first.click()
    page.wait_for_url("**/person/peter-ingesson?lang=en")
    assert "kommunchef" in page.locator("main").inner_text()
    opened.clean()
