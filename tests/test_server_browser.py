"""The pages of `seminargraph serve` in a real headless Chromium: what a reader sees and does.

Debian's chromium at /usr/bin/chromium (``./dev test`` installs it; never a downloaded browser).
Every request the pages make is recorded: only the server itself may be asked. A script planted in
the data would push to ``window.__ran``; it must stay empty, and the console must stay quiet (a
blocked inline script would be reported there by the Content-Security-Policy).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import Visit, launch, needs_chromium, visits
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


@pytest.fixture
def visit(browser: Any, site: Running) -> Iterator[Callable[[str], Visit]]:
    yield from visits(browser, site.url)


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


#: Each word (letters and digits) of each result cell: [cell text, word, the lines it is drawn on].
WORD_LINES = """() => {
  const found = [];
  for (const cell of document.querySelectorAll("table.results td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        found.push([cell.innerText, match[0], tops.size]);
      }
    }
  }
  return found;
}"""


def test_result_tables_break_between_words_never_inside_one(browser: Any, site: Running) -> None:
    for width in (1280, 700, 420):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(site.url + "queries/participants?lang=en")
            words = page.evaluate(WORD_LINES)
            assert len(words) > 50
            split = [(cell, word) for cell, word, lines in words if lines > 1]
            assert split == [], f"words broken across lines at {width} px"
            tall = "td => td.getClientRects()[0].height > 40"
            wrapped = page.evaluate(f"[...document.querySelectorAll('table.results td')].some({tall})")
            assert wrapped or width == 1280  # at a narrow width the cells do wrap, between words
        finally:
            context.close()


def test_a_name_in_a_result_cell_opens_its_page_and_edit_runs_in_the_page_language(
    visit: Callable[[str], Visit],
) -> None:
    opened = visit("/query?lang=en")
    page = opened.page
    page.locator("form[action='/queries/participants'] button.edit").click()
    page.locator("#sparql").press("Control+Enter")
    page.wait_for_url("**/query?sparql=*&lang=en")
    table = page.locator("table.results").inner_text()
    assert "panelist" in table and "paneldeltagare" not in table
    page.locator("table.results").get_by_role("link", name="Leif Jonsson").first.click()
    page.wait_for_url("**/person/leif-jonsson?lang=en")
    assert "Leif Jonsson" in page.locator("h1").inner_text()
    opened.clean()


# --- CORS: a page of another origin reads through the endpoint, never writes -------------------------

#: The page a browser tool on another origin would be: it asks the endpoint three ways, then tries
#: to write (with and without the token, and by the Graph Store), and keeps the answers in window.__done.
CROSS_ORIGIN_PAGE = (Path(__file__).parent / "data" / "cors_tool.html").read_text("utf-8")


@pytest.fixture(scope="module")
def tool_origin() -> Iterator[tuple[str, list[str]]]:
    """A second loopback origin that serves the tool's page (set in ``pages[0]``) at /."""
    import http.server
    import threading

    pages: list[str] = [""]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages[0].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_a_page_of_another_origin_reads_the_endpoint_with_cors_and_never_writes(
    browser: Any, tool_origin: tuple[str, list[str]], tmp_path: Path
) -> None:
    import httpx

    from test_server_support import TOKEN, count_triples, start_writable

    origin, pages = tool_origin
    running, _store = start_writable(tmp_path, "--cors", origin)
    context = browser.new_context()
    try:
        with httpx.Client(timeout=30) as http:
            before = count_triples(http, running.url)
        pages[0] = CROSS_ORIGIN_PAGE.replace("ENDPOINT", running.url + "sparql").replace("TOKEN", TOKEN)
        page = context.new_page()
        page.goto(origin + "/")
        page.wait_for_function("window.__done !== undefined", timeout=30_000)
        done = page.evaluate("window.__done")
        for way in ("get", "direct", "form"):
            assert done[way]["status"] == 200, done[way]
            assert "Leif Jonsson" in done[way]["body"]
        # The update reaches the server as a simple request, which refuses it; the answer is readable.
        assert done["update"]["status"] == 403
        assert "never update" in done["update"]["body"]
        # With the token or by PUT, the browser's preflight is refused: nothing is sent at all.
        assert "failed" in done["token"] and "failed" in done["store"], done
        with httpx.Client(timeout=30) as http:
            assert count_triples(http, running.url) == before
        assert TOKEN not in running.log()
    finally:
        context.close()
        running.stop()
