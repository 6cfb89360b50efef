"""The network page as a file: self-contained, escaped, written only where asked; `seminargraph viz`."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Dataset, Literal, URIRef

from seminargraph import load_graph, render_html, show_network, to_networkx, write_html
from seminargraph.network.views import view_members
from seminargraph.vocab import SG

HOSTILE = Path(__file__).parent / "data" / "network" / "hostile.ttl"


@pytest.fixture(scope="module")
def full(seed_graph: Dataset) -> Any:
    return to_networkx(seed_graph)


@pytest.fixture(scope="module")
def page(full: Any) -> str:
    return render_html(full)


def page_data(text: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="sg-data">(.*?)</script>', text, re.DOTALL)
    assert match, "the page holds no data block"
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def inline_scripts(text: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", text, re.DOTALL)


def test_the_page_needs_nothing_from_outside(page: str) -> None:
    assert not re.search(r"<(?:script|img|link|iframe)[^>]+(?:src|href)=", page, re.IGNORECASE)
    assert "@import" not in page and "url(http" not in page
    # the vis-network library that ships inside pyvis is inlined
    assert "vis-network" in page and "DataView" in page


def test_only_the_pages_own_scripts_may_run(page: str) -> None:
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = html.unescape(csp.group(1))
    assert (
        "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    hashes = {
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in inline_scripts(page)
    }
    assert len(hashes) == 2
    assert all(h in policy for h in hashes)


def test_the_data_block_matches_the_projection(page: str, full: Any) -> None:
    data = page_data(page)
    assert len(data["nodes"]) == full.number_of_nodes() and len(data["edges"]) == full.number_of_edges()
    assert [n["label"] for n in data["nodes"]] == [d["label"] for _, d in full.nodes(data=True)]
    # every node has a position computed in Python, and physics starts off
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert [t["key"] for t in data["types"]] == ["person", "organisation", "event"]
    events = dict(view_members(full, "event"))
    assert sorted(label for label, _ in data["events"]) == sorted(events, key=str.casefold)


def test_the_page_has_title_source_line_and_its_words_in_the_chosen_language(seed_graph: Dataset) -> None:
    swedish = render_html(to_networkx(seed_graph))
    assert "<title>Vem mötte vem: hela nätverket</title>" in swedish
    assert "Uppgifter från: Seminarium i Almedalen 2015 (hypergene-almedalen-2015.txt, Hypergene)" in swedish
    english = render_html(to_networkx(seed_graph, focus="johan-lod", lang="en"))
    assert '<html lang="en">' in english
    assert "<title>Who met whom: around Johan Lod, depth 1</title>" in english
    titled = render_html(to_networkx(seed_graph), title="Almedalen 2015 & friends")
    assert "<title>Almedalen 2015 &amp; friends</title>" in titled
    assert '<h1 id="sg-title">Almedalen 2015 &amp; friends</h1>' in titled


def test_hostile_text_is_never_markup() -> None:
    text = render_html(to_networkx(load_graph(HOSTILE), lang="en"))
    for raw in ("<img src=x", "<svg onload", "<a href=", "<iframe src", "<script>window", "<b>Programme"):
        assert raw not in text, raw
    block = re.search(r'id="sg-data">(.*?)</script>', text, re.DOTALL)
    assert block is not None and "<" not in block.group(1) and ">" not in block.group(1)
    # the names are all there, intact, in the data
    names = {n["name"] for n in page_data(text)["info"]["nodes"]}
    assert "<img src=x onerror=\"window.__ran.push('img')\">" in names
    assert "&lt;b&gt;Programme&lt;/b&gt; &amp; &#34;friends&#34;" in text  # the source line, escaped


def test_characters_no_page_can_hold_are_shown_as_replacement_characters(tmp_path: Path) -> None:
    # The loader refuses them, but a remote store could hand them to the projection.
    graph = Dataset(default_union=True)
    person = URIRef("https://example.org/p")
    graph.add((person, RDF.type, SG.Person))
    graph.add((person, SG.identifier, Literal("p")))
    graph.add((person, SG.name, Literal("bell\x07 lone \ud800 end")))
    path = write_html(to_networkx(graph), tmp_path / "page.html")
    (node,) = page_data(path.read_text("utf-8"))["info"]["nodes"]
    assert node["name"] == "bell\ufffd lone \ufffd end"


def test_the_same_network_gives_the_same_page(full: Any, page: str) -> None:
    assert render_html(full) == page


def test_large_networks_open_calm_and_show_names_on_zoom(full: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("seminargraph.network.page.LARGE_NETWORK", 10)
    text = render_html(full)
    data = page_data(text)
    assert data["large"] is True
    assert data["options"]["nodes"]["scaling"]["label"]["drawThreshold"] > 5
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True
    assert not any("label" in e for e in data["edges"])  # no labels along edges
    assert 'id="sg-large"' in text


def test_write_html_writes_one_file_and_nothing_else(
    full: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "pages" / "network.html"
    out.parent.mkdir()
    assert write_html(full, out) == out
    assert [p.name for p in tmp_path.rglob("*")] == ["pages", "network.html"]
    assert out.read_text("utf-8") == render_html(full)


def test_in_a_notebook_the_page_is_an_iframe_and_no_file(
    seed_graph: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    view = show_network(seed_graph, event="it-dagen-2015", height=500)
    shown = view._repr_html_()
    assert shown.startswith('<iframe srcdoc="') and "height:500px" in shown
    assert 'sandbox="allow-scripts allow-downloads"' in shown
    srcdoc = re.search(r'srcdoc="([^"]*)"', shown)
    assert srcdoc is not None and html.unescape(srcdoc.group(1)) == view.html
    assert view.html == render_html(to_networkx(seed_graph, event="it-dagen-2015"))
    assert list(tmp_path.iterdir()) == []


# --- the command line --------------------------------------------------------------------------


def test_viz_draws_the_seed_data(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("viz", "-o", "seminars.html")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == "wrote seminars.html: 18 nodes, 26 links"
    assert [p.name for p in tmp_path.iterdir()] == ["seminars.html"]
    data = page_data((tmp_path / "seminars.html").read_text("utf-8"))
    names = {n["name"] for n in data["info"]["nodes"]}
    assert {
        "Staffan Larsson",
        "Robin Askelöf",
        "Länsstyrelsernas IT-enhet",
        "Linköpings universitet",
    } <= names
    assert {d["label"] for _, d in full.nodes(data=True)} == names


def test_viz_views_and_options(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(
        "viz", "--focus", "johan-lod", "--depth", "2", "--lang", "en", "--title", "Johan", "-o", "j.html"
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "j.html").read_text("utf-8")
    assert "<title>Johan</title>" in text and '<html lang="en">' in text
    result = run_cli("viz", "--event", "fran-rora-till-ledning", "--projection", "people", "-o", "p.html")
    assert result.exit_code == 0, result.stderr
    assert "wrote p.html: 5 nodes, 10 links" in result.stderr
    result = run_cli("viz", "--no-ambiguous", "-o", "strict.html")
    assert "18 nodes, 25 links" in result.stderr


def test_viz_suggests_a_narrower_view_for_large_networks(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("seminargraph.cli.viz.SUGGEST_NARROWER", 18)
    result = run_cli("viz", "-o", "all.html")
    assert result.exit_code == 0
    assert "note: 18 nodes is a lot to explore on one page" in result.stderr
    assert "--event ID, --focus ID --depth 1, or --projection people" in result.stderr
    assert "note:" not in run_cli("viz", "--event", "it-dagen-2015", "-o", "it.html").stderr


def test_viz_from_a_query(
    run_cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    query = tmp_path / "works-for.rq"
    query.write_text(
        "PREFIX sg: <https://seminargraph.example/ns#>\n"
        "CONSTRUCT { ?p sg:worksFor ?o ; sg:name ?n } WHERE { ?p sg:worksFor ?o ; sg:name ?n }\n"
    )
    result = run_cli("viz", "--query", str(query), "-o", "w.html")
    assert result.exit_code == 0, result.stderr
    assert "note: 7 triple(s) of the query's result do not link two people" in result.stderr
    result = run_cli(
        "viz",
        "--sparql",
        "PREFIX sg: <https://seminargraph.example/ns#> SELECT ?p WHERE { ?p sg:worksFor ?o }",
        "--depth",
        "1",
        "-o",
        "s.html",
    )
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--event", "nope", "-o", "x.html"], 1, "error: no event with the id or IRI 'nope' in the graph"),
        (["--focus", "nobody", "--depth", "2", "-o", "x.html"], 1, "'nobody'"),
        (["--event", "johan-lod", "-o", "x.html"], 1, "no event with the id or IRI 'johan-lod'"),
        (["--event", "it-dagen-2015", "--focus", "johan-lod", "-o", "x.html"], 2, "choose one of"),
        (["--depth", "2", "-o", "x.html"], 2, "--depth needs --focus"),
        (["--projection", "circles", "-o", "x.html"], 2, "'circles' is not one of"),
        (["--lang", "de", "-o", "x.html"], 2, "'de' is not one of"),
        (["--query", "participants", "-o", "x.html"], 1, "names no person, organisation or event by IRI"),
        (
            ["--sparql", "SELECT * WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }", "-o", "x.html"],
            1,
            "refused",
        ),
        (["--query", "participants", "--sparql", "ASK {}", "-o", "x.html"], 2, "not both"),
        (["--param", "x=y", "-o", "x.html"], 2, "--param needs --query"),
        (
            ["--query", "organisation-network", "-p", "organisation", "-o", "x.html"],
            2,
            "write it as NAME=VALUE",
        ),
        (["--query", "organisation-network", "-p", "nope=x", "-o", "x.html"], 1, "has no parameter 'nope'"),
        (
            ["--query", "organisation-network", "-p", "organisation=nobody", "-o", "x.html"],
            1,
            "no organisation with the id or IRI 'nobody'",
        ),
        (["--query", "nosuch.rq", "-o", "x.html"], 1, "nosuch.rq: cannot read the file"),
        (["--event", "it-dagen-2015"], 2, "Missing option '-o' / '--output'"),
        (["-d", "nowhere.ttl", "-o", "x.html"], 1, "nowhere.ttl: no such file or folder"),
    ],
)
def test_viz_refuses_bad_input_and_writes_nothing(
    run_cli: Callable[..., Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("viz", *args)
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_viz_into_a_folder_that_cannot_be_written(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("viz", "-o", str(blocker / "x.html"))
    assert result.exit_code == 1
    assert str(blocker) in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_an_empty_network_still_gives_a_page() -> None:
    data = page_data(render_html(to_networkx(Dataset(default_union=True))))
    assert data["nodes"] == [] and data["edges"] == [] and data["types"] == []


def test_the_shipped_organisation_network_query_draws_an_organisation(seed_graph: Dataset) -> None:
    network = to_networkx(
        seed_graph, query="organisation-network", params={"organisation": "lansstyrelserna"}
    )
    labels = {data["label"] for _, data in network.nodes(data=True)}
    assert labels == {
        "Länsstyrelserna",
        "Länsstyrelsen i Södermanland",
        "Länsstyrelsernas IT-enhet",
        "Staffan Larsson",
        "Johan Lod",
        "Människor, förändringsvilja och IT: hur 21 myndigheter enas om ett gemensamt beslutsstöd",
    }


def test_a_table_of_many_source_documents_is_named_once_in_the_source_line() -> None:
    graph = Dataset(default_union=True)
    for n in range(5):
        row = URIRef(f"https://example.org/source/row-{n}")
        graph.add((row, RDF.type, SG.SourceDocument))
        graph.add((row, SG.title, Literal(f"Seminar {n}")))
        graph.add((row, SG.fileName, Literal("2015.csv")))
    paper = URIRef("https://example.org/source/paper")
    graph.add((paper, RDF.type, SG.SourceDocument))
    graph.add((paper, SG.title, Literal("A programme")))
    graph.add((paper, SG.fileName, Literal("programme.txt")))
    parts = to_networkx(graph).graph["sources"].split("; ")
    assert sorted(parts) == ["2015.csv (5 källdokument)", "A programme (programme.txt)"]
    assert "2015.csv (5 source documents)" in to_networkx(graph, lang="en").graph["sources"].split("; ")
