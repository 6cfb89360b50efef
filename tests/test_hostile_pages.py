"""Cases 23-25 of ../shared/HOSTILE.md ("Pages"), on the pages `seminargraph serve` and `viz` make.

Hostile text comes two ways: authored data (tests/test_server_pages.py's HOSTILE, beside the seed)
and a programme table imported with the built-in mapping ``almedalsveckan`` (titles, organiser,
place, job title and organisation cells holding markup, script and formulas). Either must reach
every page and every export as text, never as markup: no script runs in the browser when every
link and node is hovered and clicked, no request leaves the page's own origin, and CSV downloads
neutralise formulas.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from browser_support import Visit, launch, needs_chromium, visits
from seminargraph.ontology import builtin_data_dir
from test_server_pages import RAW_MARKUP, read, write_hostile
from test_server_support import Running, start_server
from test_viz import page_data

#: One row of an Almedalsveckan table whose cells hold markup. The speaker whose name is markup is
#: refused at import (no person's name looks like that); the others come in with hostile cells.
HOSTILE_TABLE = """\
title,organiser,start,end,category,type,topic_1,topic_2,language,place,description,more_info,speakers,\
contact_person_1,contact_person_2,websites,facebook,twitter,food,hashtags,page_views,id
"<img src=x onerror=""window.__ran.push('title')""> & </title>",\
"</script><script>window.__ran.push('organiser')</script>, Beta AB",\
2031-07-01 10:00:00,2031-07-01 11:00:00,Seminarium,Seminarium/föreläsning,Infrastruktur,,Svenska,\
"<b>Donners plats</b> 1, Visby",Om <i>broar</i>.,,\
"['<svg onload=""window.__ran.push(1)""> Ek, ordförande, Alfa kommun', 'Olle Berg, \
=HYPERLINK(""http://evil.example""), <a href=""javascript:window.__ran.push(2)"">Riksdagen</a>']",\
"Per Holm, <iframe src=""javascript:window.__ran.push(3)""></iframe>, Alfa kommun",,[],,,True,,12,9101
"""
TITLE = "<img src=x onerror=\"window.__ran.push('title')\"> & </title>"
ORGANISER = "</script><script>window.__ran.push('organiser')</script>"
PLACE = "<b>Donners plats</b> 1, Visby"
JOB_TITLE = '=HYPERLINK("http://evil.example")'
ORGANISATION = '<a href="javascript:window.__ran.push(2)">Riksdagen</a>'
CONTACT_TITLE = '<iframe src="javascript:window.__ran.push(3)"></iframe>'
TABLE_TEXTS = [TITLE, ORGANISER, PLACE, JOB_TITLE, ORGANISATION, CONTACT_TITLE]
#: What must never appear in a page or an XML export as it was written: each would be markup there.
TABLE_MARKUP = ["<img src=x", "<script>window.__ran", "<b>Donners", '<a href="javascript:', "<iframe src"]


@pytest.fixture(scope="module")
def authored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """The seed with hostile authored data beside it."""
    hostile = write_hostile(tmp_path_factory.mktemp("hostile"))
    running = start_server("-d", str(builtin_data_dir()), "-d", str(hostile), "--title", "Test <programmes>")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def table_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An on-disk store holding only the hostile programme table, imported as a user imports one."""
    from seminargraph.programme import import_tables

    folder = tmp_path_factory.mktemp("programme")
    table = folder / "hostile.csv"
    table.write_text(HOSTILE_TABLE, "utf-8")
    store = f"oxigraph:{folder / 'kg'}"
    report = import_tables(
        [table], "almedalsveckan", store=store, linked_data=False, review=folder / "review.tsv"
    )
    assert "is not a person's name" in report.text()
    return store


@pytest.fixture(scope="module")
def imported(table_store: str) -> Iterator[Running]:
    running = start_server("--store", table_store)
    yield running
    running.stop()


def _get(site: Running, path: str, **params: str) -> httpx.Response:
    with httpx.Client(timeout=30, base_url=site.url) as client:
        return client.get(path, params=params)


def _ids(site: Running, kind: str) -> list[str]:
    query = (
        "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?id WHERE { ?e a sg:"
        + kind
        + " ; sg:identifier ?id } ORDER BY ?id"
    )
    rows = _get(site, "/query.json", sparql=query).json()["rows"]
    return [row["id"] for row in rows]


def _assert_text_not_markup(
    answer: httpx.Response, raw: list[str], statuses: tuple[int, ...] = (200, 404)
) -> None:
    assert answer.status_code in statuses, answer.text[:300]
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    policy = answer.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert answer.headers["x-content-type-options"] == "nosniff"
    for markup in raw:
        assert markup not in answer.text, markup


# --- 23. HTML and script in data shown on pages ---------------------------------------------------

AUTHORED_PAGES = [
    "/",
    "/?lang=en",
    "/people",
    "/organisations",
    "/events",
    "/person/magnus-staxang",
    "/person/img",
    "/organisation/hypergene",
    "/event/fran-rora-till-ledning",
    "/event/js",
    "/query",
    "/query?sparql=SELECT+%3Fs+WHERE+%7B%3Fs+%3Fp+%3Fo%7D+LIMIT+3",
    # Every literal of the data in the result cells, the hostile ones included.
    "/query?sparql=SELECT+%3Fo+WHERE+%7B%3Fs+%3Fp+%3Fo+FILTER+isLiteral%28%3Fo%29%7D",
    "/queries/participants?lang=en",
    "/person/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]


@pytest.mark.parametrize("path", AUTHORED_PAGES)
def test_case23_every_page_shows_authored_data_as_text_and_runs_only_our_script(
    authored: Running, path: str
) -> None:
    answer = _get(authored, path)
    _assert_text_not_markup(answer, [*RAW_MARKUP, "<script>alert(1)"])
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    markup = read(answer)
    assert markup.inline_scripts == 0
    assert markup.script_sources == ["/static/app.js"]
    assert markup.handlers == [] and markup.styles == 0
    assert not any(link.startswith("javascript:") for link in markup.links)


def test_case23_authored_markup_is_shown_as_the_text_it_is(authored: Running) -> None:
    person = read(_get(authored, "/person/img", lang="en")).words()
    assert "<img src=x onerror=\"window.__ran.push('img')\">" in person
    assert "</script><script>window.__ran.push('event')</script>" in person
    assert "<iframe src=\"javascript:window.__ran.push('note')\"></iframe>" in person
    assert "<a href=\"javascript:window.__ran.push('quote')\">quote</a> & </textarea>" in person
    listing = read(_get(authored, "/people")).words()
    assert '=HYPERLINK("http://evil.example","click")' in listing
    cells = read(_get(authored, "/query", sparql="SELECT ?o WHERE { ?s ?p ?o FILTER isLiteral(?o) }")).words()
    assert "<img src=x onerror=\"window.__ran.push('img')\">" in cells
    assert "<a href=\"javascript:window.__ran.push('quote')\">quote</a> & </textarea>" in cells


def test_case23_programme_table_cells_reach_every_page_as_text(imported: Running) -> None:
    paths = ["/", "/people", "/organisations", "/events", "/query", "/queries/participants", "/network"]
    paths += [f"/event/{i}" for i in _ids(imported, "Event")]
    paths += [f"/person/{i}" for i in _ids(imported, "Person")]
    paths += [f"/organisation/{i}" for i in _ids(imported, "Organisation")]
    paths.append("/query?sparql=" + "SELECT+%3Fo+WHERE+%7B%3Fs+%3Fp+%3Fo+FILTER+isLiteral%28%3Fo%29%7D")
    shown = ""
    for path in paths:
        answer = _get(imported, path)
        _assert_text_not_markup(answer, TABLE_MARKUP)
        shown += " " + (read(answer).words() if path != "/network" else "")
    for text in TABLE_TEXTS:
        assert text in shown, text
    assert "<svg" not in shown, "the speaker whose name is markup was refused at import"


def test_case23_programme_table_cells_reach_every_export_as_text(
    imported: Running, table_store: str, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    # Downloads of the server: JSON keeps the text; CSV keeps it too, formulas neutralised.
    rows = _get(imported, "/queries/participants.json").json()["rows"]
    assert {r["event"] for r in rows} == {TITLE}
    assert {r["job_title"] for r in rows} >= {JOB_TITLE}
    assert {r["organisation"] for r in rows} >= {ORGANISATION}
    csv_text = _get(imported, "/queries/participants.csv").text
    assert "'" + JOB_TITLE.replace('"', '""') in csv_text
    # Files: the RDF the build writes, the network for Gephi, the network page.
    out = tmp_path / "build"
    built = run_cli("build", "--store", table_store, "-o", str(out), "-f", "rdfxml", "-f", "jsonld")
    assert built.exit_code == 0, built.stderr
    network = tmp_path / "network"
    for fmt in ("graphml", "gexf"):
        exported = run_cli(
            "network", "--store", table_store, "-f", fmt, "-o", str(network.with_suffix("." + fmt))
        )
        assert exported.exit_code == 0, exported.stderr
    for xml_file in [
        *out.glob("*.rdf"),
        *out.glob("*.xml"),
        network.with_suffix(".graphml"),
        network.with_suffix(".gexf"),
    ]:
        tree = ET.parse(xml_file)  # well-formed: every < of the data written as &lt;
        tags = {element.tag.rsplit("}", 1)[-1].lower() for element in tree.iter()}
        assert not tags & {"img", "script", "b", "a", "iframe", "svg"}, xml_file.name
        texts = " ".join(t for element in tree.iter() for t in (element.text or "", *element.attrib.values()))
        for text in (TITLE, ORGANISATION, JOB_TITLE):
            assert text in texts, (xml_file.name, text)
    jsonld = json.dumps(json.loads(next(out.glob("*.jsonld")).read_text("utf-8")), ensure_ascii=False)
    assert json.dumps(TITLE, ensure_ascii=False)[1:-1] in jsonld
    page = tmp_path / "network.html"
    drawn = run_cli("viz", "--store", table_store, "-o", str(page))
    assert drawn.exit_code == 0, drawn.stderr
    html_text = page.read_text("utf-8")
    for markup in TABLE_MARKUP:
        assert markup not in html_text, markup


# --- 23, in the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch()


@pytest.fixture
def visit_authored(browser: Any, authored: Running) -> Iterator[Callable[[str], Visit]]:
    yield from visits(browser, authored.url)


@pytest.fixture
def visit_imported(browser: Any, imported: Running) -> Iterator[Callable[[str], Visit]]:
    yield from visits(browser, imported.url)


@pytest.mark.parametrize(
    "path", ["/person/img", "/event/js?lang=en", "/people", "/queries/participants?event=js&lang=en"]
)
@pytest.mark.browser
@needs_chromium
def test_case23_in_the_browser_hovering_every_link_runs_no_script(
    visit_authored: Callable[[str], Visit], path: str
) -> None:
    opened = visit_authored(path)
    page = opened.page
    for link in page.locator("main a").all():
        link.hover()
    body = page.locator("main").inner_text()
    if path.startswith("/person/img"):
        assert "<img src=x onerror=\"window.__ran.push('img')\">" in body
        assert "<a href=\"javascript:window.__ran.push('quote')\">quote</a> & </textarea>" in body
    assert page.locator("main img, main iframe, main svg").count() == 0
    opened.clean()


@pytest.mark.browser
@needs_chromium
def test_case23_in_the_browser_every_node_of_an_imported_table_hovered_and_clicked_runs_no_script(
    visit_imported: Callable[[str], Visit],
) -> None:
    opened = visit_imported("/network?lang=en")
    page = opened.page
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    nodes = page.evaluate("window.seminargraph.network.body.nodeIndices")
    assert len(nodes) >= 5
    box = page.locator("#sg-network").bounding_box()
    details: list[str] = []
    for node in nodes:
        spot = page.evaluate(
            "(id) => { const net = window.seminargraph.network;"
            " const at = Object.values(net.getPositions([id]))[0];"
            " return at ? net.canvasToDOM(at) : null; }",
            node,
        )
        assert spot is not None, f"node {node} is not drawn"
        x, y = box["x"] + spot["x"], box["y"] + spot["y"]
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        details.append(page.locator("body").inner_text())
        back = page.locator("#sg-back")
        if back.count() and back.is_visible():  # a click shows the node's neighbourhood only
            back.click()
        page.mouse.move(5, 5)
    assert any(TITLE in shown for shown in details)
    assert any(ORGANISATION in shown for shown in details)
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    handlers = "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))"
    assert not [name for name in page.evaluate(handlers) if name.startswith("on")]
    opened.clean()


# --- 24. pages opened offline or from another folder ------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_case24_a_network_page_moved_to_another_folder_renders_fully_offline_and_asks_for_nothing(
    browser: Any, table_store: str, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    written = tmp_path / "made" / "network.html"
    assert run_cli("viz", "--store", table_store, "-o", str(written)).exit_code == 0
    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    moved = Path(shutil.move(str(written), elsewhere / "page.html"))
    shutil.rmtree(tmp_path / "made")
    context = browser.new_context(offline=True)
    asked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url == moved.as_uri():
            r.continue_()
        else:
            asked.append(r.request.url)
            r.abort()

    try:
        page = context.new_page()
        context.route("**/*", route)
        page.goto(moved.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=30_000)
        drawn = page.evaluate("window.seminargraph.drawn()")
        nodes = page_data(moved.read_text("utf-8"))["info"]["nodes"]
        assert drawn["nodes"] == len(nodes) and len(nodes) >= 5
        assert TITLE in {n["name"] for n in nodes}
    finally:
        context.close()
    assert asked == []


@pytest.mark.parametrize("path", ["/", "/query?lang=en", "/people", "/network", "/queries/participants"])
@pytest.mark.browser
@needs_chromium
def test_case24_served_pages_render_without_asking_any_other_host(
    visit_imported: Callable[[str], Visit], path: str
) -> None:
    opened = visit_imported(path)
    if path == "/network":
        opened.page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    # Our own stylesheet applied: the page does not depend on anything it could not load.
    assert opened.page.evaluate("getComputedStyle(document.body).margin") == "0px"
    opened.clean()


# --- 25. the web query page reflecting hostile text --------------------------------------------------

HOSTILE_QUERY = "SELECT * WHERE { </textarea><script>window.__ran.push(1)</script> }"


def test_case25_the_query_page_escapes_the_query_its_error_and_the_cells(authored: Running) -> None:
    text = "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?n {?p a sg:Person; sg:name ?n} ORDER BY ?n"
    answer = _get(authored, "/query", sparql=text)
    words = read(answer).words()
    assert "David Hallgren" in words and "<img src=x onerror=\"window.__ran.push('img')\">" in words
    assert "/query.csv?sparql=" in answer.text
    bad = _get(authored, "/query", sparql=HOSTILE_QUERY)
    assert bad.status_code == 400
    _assert_text_not_markup(bad, ["<script>window.__ran"], (400,))
    assert "&lt;/textarea&gt;&lt;script&gt;window.__ran.push(1)&lt;/script&gt;" in bad.text
    assert "not valid SPARQL at line 1" in read(bad).words()
    # The error is the page's own words, escaped: none of the engine's grammar terms.
    assert "[_]" not in read(bad).words()
    refused = _get(authored, "/query", sparql="SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert refused.status_code == 400
    assert "would read from outside the store" in read(refused).words()
    policy = bad.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert read(bad).inline_scripts == 0


def test_case25_csv_downloads_neutralise_formula_cells_and_json_keeps_the_text(authored: Running) -> None:
    csv_text = _get(authored, "/queries/participants.csv", event="js").text
    assert "'=HYPERLINK(" in csv_text
    assert "\n=HYPERLINK" not in csv_text and ",=HYPERLINK" not in csv_text
    rows = _get(authored, "/queries/participants.json", event="js").json()["rows"]
    assert '=HYPERLINK("http://evil.example","click")' in {r["person"] for r in rows}
    values = "SELECT ?v WHERE { VALUES ?v { '=1+1' '+1' '-1' '@SUM(A1)' 'plain' } } ORDER BY ?v"
    editor_csv = _get(authored, "/query.csv", sparql=values).text.splitlines()
    assert editor_csv == ["v", "'+1", "'-1", "'=1+1", "'@SUM(A1)", "plain"]


@pytest.mark.browser
@needs_chromium
def test_case25_in_the_browser_hostile_query_text_stays_in_the_box_and_runs_nothing(
    visit_authored: Callable[[str], Visit],
) -> None:
    opened = visit_authored("/query?" + urlencode({"sparql": HOSTILE_QUERY}))
    page = opened.page
    assert "</textarea><script>" in page.locator("#sparql").input_value()
    assert "not valid SPARQL" in page.locator("p.error").inner_text()
    opened.clean(400)
