"""The pages and downloads of `seminargraph serve`, over a real socket, with hostile data beside the seed.

What a reader relies on: the landing page's title, sources and counts; a page per person,
organisation and event with roles, job titles, links and the quoted evidence; the query page with
the named queries as forms; stable .csv/.json URLs; every text from the data shown as text; no
inline script anywhere; and `serve --get` answering without a socket.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest

from seminargraph.ontology import builtin_data_dir
from test_server_support import Running, start_server

HOSTILE = """\
@prefix sg: <https://seminargraph.example/ns#> .
@prefix id: <https://seminargraph.example/id/> .

id:source\\/hostile a sg:SourceDocument ; sg:identifier "hostile" ;
    sg:title "<b>Programme</b> </title><script>window.__ran.push('title')</script>"@en .
id:person\\/img a sg:Person ; sg:identifier "img" ;
    sg:name "<img src=x onerror=\\"window.__ran.push('img')\\">" .
id:person\\/formula a sg:Person ; sg:identifier "formula" ;
    sg:name "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" .
id:event\\/js a sg:Event, sg:Seminar ; sg:identifier "js" ;
    sg:name "</script><script>window.__ran.push('event')</script>"@en .
id:participation\\/img a sg:Participation ; sg:identifier "img" ;
    sg:agent id:person\\/img ; sg:event id:event\\/js ; sg:role sg:PanelistRole ; sg:status sg:Stated ;
    sg:note "<iframe src=\\"javascript:window.__ran.push('note')\\"></iframe>"@en ;
    sg:evidence id:participation\\/img\\/evidence\\/1 .
id:participation\\/img\\/evidence\\/1 a sg:Evidence ;
    sg:quote "<a href=\\"javascript:window.__ran.push('quote')\\">quote</a> & </textarea>"@en ;
    sg:source id:source\\/hostile .
id:participation\\/formula a sg:Participation ; sg:identifier "formula" ;
    sg:agent id:person\\/formula ; sg:event id:event\\/js ; sg:role sg:ModeratorRole ; sg:status sg:Stated .
"""
RAW_MARKUP = [
    "<img src=x",
    "<script>window.__ran",
    "<iframe",
    '<a href="javascript:',
    "quote</a> & </textarea>",
]


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.ttl"
    path.write_text(HOSTILE, "utf-8")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    hostile = write_hostile(tmp_path_factory.mktemp("hostile"))
    running = start_server("-d", str(builtin_data_dir()), "-d", str(hostile), "--title", "Test <programmes>")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def http(site: Running) -> Iterator[Callable[..., httpx.Response]]:
    with httpx.Client(timeout=30, base_url=site.url) as client:

        def get(path: str, **params: str) -> httpx.Response:
            return client.get(path, params=params)

        yield get


class Markup(HTMLParser):
    """Collects what matters for safety and for the reader: scripts, handlers, links, text."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.script_sources: list[str] = []
        self.handlers: list[str] = []
        self.styles = 0
        self.links: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self._in_script = True
            if found.get("src"):
                self.script_sources.append(found["src"] or "")
            elif found.get("type") != "application/json":
                self.inline_scripts += 1
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.styles += tag == "style" or "style" in found
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)

    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def read(answer: httpx.Response) -> Markup:
    markup = Markup()
    markup.feed(answer.text)
    return markup


def test_the_landing_page_gives_title_sources_and_counts(http: Callable[..., httpx.Response]) -> None:
    markup = read(http("/"))
    words = markup.words()
    assert "Test <programmes>" in words
    assert "Seminarium i Almedalen 2015" in words
    assert "<b>Programme</b> </title><script>window.__ran.push('title')</script>" in words
    assert re.search(r"People 10 Organisations 6 Events 5 Participations 14", words)
    assert "/organisation/hypergene?lang=sv" in markup.links
    assert "/queries/participants?lang=sv" in markup.links


def test_a_person_page_has_roles_titles_links_and_evidence(http: Callable[..., httpx.Response]) -> None:
    answer = http("/person/magnus-staxang", lang="en")
    markup = read(answer)
    words = markup.words()
    assert "Magnus Staxäng" in words
    assert "Took part in moderator People, will to change and IT" in words
    assert "konsultchef (sv) · head of consulting (en)" in words
    assert "beslutsstödskonsult (sv) · decision support consultant (en)" in words
    assert (
        "Samtalet leddes av Magnus Staxäng, konsultchef och erfaren beslutsstödskonsult på Hypergene."
        in words
    )
    assert "— Seminarium i Almedalen 2015" in words
    assert "/event/manniskor-forandringsvilja-och-it?lang=en" in markup.links
    assert "/organisation/hypergene?lang=en" in markup.links
    assert "stated" in words
    swedish = read(http("/person/magnus-staxang", lang="sv")).words()
    assert "Människor, förändringsvilja och IT" in swedish and "angiven" in swedish


def test_an_organisation_page_lists_its_people_and_events(http: Callable[..., httpx.Response]) -> None:
    markup = read(http("/organisation/hypergene", lang="en"))
    words = markup.words()
    for person in ("magnus-staxang", "robin-askelof", "david-hallgren"):
        assert f"/person/{person}?lang=en" in markup.links
    assert "organiser" in words
    assert "People" in words and "Took part in" in words


def test_an_event_page_shows_who_took_part_and_what_it_is_part_of(
    http: Callable[..., httpx.Response],
) -> None:
    markup = read(http("/event/fran-rora-till-ledning", lang="en"))
    words = markup.words()
    assert "Who took part" in words and "Part of" in words
    for person in ("leif-jonsson", "peter-ingesson", "therese-hjalmroth", "david-hallgren", "robin-askelof"):
        assert f"/person/{person}?lang=en" in markup.links
    assert "/event/almedalen-2015?lang=en" in markup.links
    assert "inferred" in words
    assert "docent (sv)" in words


def test_unknown_pages_say_what_is_missing(http: Callable[..., httpx.Response]) -> None:
    for path, message in [
        ("/person/nobody", "no person with the id 'nobody'"),
        ("/queries/nothing", "no named query 'nothing'"),
        ("/nowhere", "no page at /nowhere"),
        ("/queries/participants.xlsx", "no such format .xlsx"),
    ]:
        answer = http(path)
        assert answer.status_code == 404
        assert message in read(answer).words()


def test_the_query_page_offers_every_named_query_with_its_parameters(
    http: Callable[..., httpx.Response],
) -> None:
    from seminargraph import list_queries

    answer = http("/query")
    for query in list_queries():
        assert f'action="/queries/{query.name}"' in answer.text
        for parameter in query.parameters:
            assert f'name="{parameter.name}"' in answer.text
    assert 'class="edit" data-sparql="# title: Participants' in answer.text
    # The fields take an id or an IRI as typed; the page lists no entities (app.js asks for
    # suggestions as the user types), so it costs the same on a store of any size.
    assert '<input name="person" data-kind="person" list="suggest-evidence-person"' in answer.text
    assert '<datalist id="suggest-evidence-person"></datalist>' in answer.text
    assert "leif-jonsson" not in answer.text and "<option" not in answer.text


def test_parameter_fields_get_suggestions_by_name_or_id(http: Callable[..., httpx.Response]) -> None:
    def ids(**params: str) -> list[str]:
        answer = http("/entities.json", **params)
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        return [item["id"] for item in answer.json()["items"]]

    assert ids(kind="person", q="leif") == ["leif-jonsson"]
    assert ids(kind="person", q="JONSSON Leif") == ["leif-jonsson"]
    assert ids(kind="person", q="leif-jonsson") == ["leif-jonsson"]
    assert ids(kind="organisation", q="leif") == []
    assert ids(kind="agent", q="hypergene") == ["hypergene"]
    found = http("/entities.json", kind="event", q="mess", lang="en").json()
    assert found["items"][0] == {
        "id": "fran-rora-till-ledning",
        "kind": "event",
        "label": "From mess to management – how can municipal performance management become more effective?",
    }
    assert (
        http("/entities.json", kind="event", q="röra", lang="sv")
        .json()["items"][0]["label"]
        .startswith("Från röra")
    )
    # Hostile names come back as JSON strings, to be put in as text.
    [img] = http("/entities.json", kind="person", q="img").json()["items"]
    assert img["label"] == "<img src=x onerror=\"window.__ran.push('img')\">"
    # Typed text is a value to look for, never query text.
    assert ids(kind="person", q='" ) } ; DROP ALL #') == []
    for params, message in [
        ({"q": "leif"}, "kind: '' is not a kind of entity"),
        ({"kind": "source", "q": "x"}, "kind: 'source' is not a kind of entity"),
        ({"kind": "person", "q": "x" * 201}, "longer than 200 characters"),
        ({"kind": "person", "q": "x", "lang": "<b>"}, "is not a language tag"),
    ]:
        refused = http("/entities.json", **params)
        assert refused.status_code == 400 and message in refused.json()["error"]


def test_named_queries_have_stable_csv_and_json_urls(http: Callable[..., httpx.Response]) -> None:
    page = http("/queries/evidence", person="leif-jonsson", lang="en")
    assert page.status_code == 200
    assert "/queries/evidence.csv?person=leif-jonsson&amp;lang=en" in page.text
    document = http("/queries/evidence.json", person="leif-jonsson", lang="en").json()
    assert document["columns"] == ["event", "fact", "status", "status_label", "quote", "source", "note"]
    assert document["truncated"] is False
    assert {row["status"] for row in document["rows"]} >= {"stated"}
    csv_answer = http("/queries/evidence.csv", person="leif-jonsson", lang="en")
    assert csv_answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="evidence.csv"' in csv_answer.headers["content-disposition"]
    assert csv_answer.text.splitlines()[0] == "event,fact,status,status_label,quote,source,note"
    missing = http("/queries/evidence.json")
    assert missing.status_code == 400
    assert "needs the parameter person=" in missing.json()["error"]
    assert "--param" not in missing.json()["error"]
    unknown = http("/queries/participants.json", colour="blue")
    assert unknown.status_code == 400 and "has no parameter 'colour'" in unknown.json()["error"]


def test_a_named_construct_query_downloads_as_rdf(
    http: Callable[..., httpx.Response], run_cli: Callable[..., Any]
) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from seminargraph import load_graph, run_query
    from seminargraph.rdfio import union_graph

    page = http("/queries/event-graph", event="fran-rora-till-ledning")
    assert page.status_code == 200
    assert "/queries/event-graph.ttl?event=fran-rora-till-ledning&amp;lang=sv" in page.text
    expected = run_query(load_graph(), "event-graph", event="fran-rora-till-ledning").graph
    assert expected is not None
    for suffix, rdflib_format, media_type in (
        ("ttl", "turtle", "text/turtle"),
        ("nt", "nt", "application/n-triples"),
        ("jsonld", "json-ld", "application/ld+json"),
    ):
        answer = http(f"/queries/event-graph.{suffix}", event="fran-rora-till-ledning")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith(media_type)
        assert f'filename="event-graph.{suffix}"' in answer.headers["content-disposition"]
        got = Graph().parse(data=answer.text, format=rdflib_format)
        assert isomorphic(got, union_graph(expected)), suffix
        # Written by the same writer as the command line's: the same bytes, the data's prefixes.
        fmt = {"ttl": "turtle", "nt": "ntriples", "jsonld": "jsonld"}[suffix]
        cli = run_cli("query", "event-graph", "-p", "event=fran-rora-till-ledning", "--format", fmt)
        assert answer.text == cli.stdout, suffix
    rows_as_rdf = http("/queries/participants.ttl")
    assert rows_as_rdf.status_code == 404
    assert "gives rows, not a graph; use /queries/participants.csv or .json" in rows_as_rdf.text
    assert "Turtle</a>" not in http("/queries/participants").text


def test_the_network_page_brings_its_own_policy(http: Callable[..., httpx.Response]) -> None:
    answer = http("/network", lang="en", event="fran-rora-till-ledning")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert (
        "'sha256-" in policy
        and "script-src 'self'" not in policy
        and "'unsafe-inline'" not in policy.split(";")[1]
    )
    assert "Leif Jonsson" in answer.text
    bad = http("/network", depth="two")
    assert bad.status_code == 400 and "depth" in read(bad).words()
    unknown = http("/network", focus="nobody")
    assert unknown.status_code == 400


def test_static_files_are_served_with_their_types(http: Callable[..., httpx.Response]) -> None:
    assert http("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert http("/static/style.css").headers["content-type"].startswith("text/css")


def test_serve_get_answers_without_a_socket(run_cli: Callable[..., Any]) -> None:
    result = run_cli("serve", "--get", "/queries/moderators.csv?lang=en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "event,moderator,job_title,organisation"
    assert "Robin Askelöf" in result.stdout
    page = run_cli("serve", "--get", "/person/leif-jonsson")
    assert page.exit_code == 0 and "Leif Jonsson" in page.stdout
    sparql = run_cli("serve", "--get", "/sparql?query=ASK%7B%7D")
    assert sparql.stdout == '{"head": {}, "boolean": true}'


def test_serve_starts_on_a_store_too_large_to_count_within_the_time_limit(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    import pyoxigraph as ox

    from seminargraph.inputs.mapping import new_dataset
    from seminargraph.store import oxigraph_of, write_store

    lines = "".join(
        f'<https://big.example/s{i}> <https://big.example/p> "v{i}" <https://big.example/g> .\n'
        for i in range(300_000)
    )
    dataset = new_dataset()
    inner = oxigraph_of(dataset)
    assert inner is not None
    inner.bulk_load(lines.encode(), format=ox.RdfFormat.N_QUADS)
    store = f"oxigraph:{tmp_path / 'kg'}"
    write_store(store, dataset)
    # Counting the triples for the landing page takes seconds here; the start-up needs only the
    # sources (for the title), so it must not wait for the counts.
    result = run_cli("serve", "--store", store, "--time-limit", "1", "--get", "/health")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == '{"status": "ok", "workers": 1, "of": 1}'


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--get", "/person/nobody"], "error: GET /person/nobody: HTTP 404"),
        (["--get", "person/x"], "give a path that starts with /"),
        (["--store", "oxigraph:/nonexistent/kg", "--get", "/"], "there is no store in /nonexistent/kg"),
        (
            ["--store", "memory", "--write-token-file", "{token}", "--get", "/"],
            "a write token needs an oxigraph:DIR",
        ),
        (["-d", "{broken}", "--get", "/"], "broken.ttl:2:"),
    ],
)
def test_serve_get_fails_with_a_clear_message(
    run_cli: Callable[..., Any], tmp_path: Path, args: list[str], message: str
) -> None:
    token = tmp_path / "token"
    token.write_text("x" * 20, "utf-8")
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix sg: <https://seminargraph.example/ns#> .\n<a> sg:name "x .\n', "utf-8")
    result = run_cli("serve", *[a.format(token=token, broken=broken) for a in args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# --- the cost of a page does not grow with the store -----------------------------------------------


def _panel(folder: Path, people: int) -> Path:
    """An event with ``people`` panelists, each there for another organisation (Turtle)."""
    lines = [
        "@prefix sg: <https://seminargraph.example/ns#> .",
        "@prefix id: <https://seminargraph.example/id/> .",
        'id:event\\/panel a sg:Event, sg:Seminar ; sg:identifier "panel" ;',
        '    sg:name "Panelen"@sv, "The panel"@en .',
    ]
    for n in range(people):
        lines += [
            f'id:person\\/p{n} a sg:Person ; sg:identifier "p{n}" ; sg:name "Person {n}" .',
            f'id:organisation\\/o{n} a sg:Organisation ; sg:identifier "o{n}" ; '
            f'sg:name "Organisationen {n}"@sv, "Organisation {n}"@en .',
            f'id:affiliation\\/p{n} a sg:Affiliation ; sg:identifier "a{n}" ; sg:member id:person\\/p{n} ; '
            f'sg:organisation id:organisation\\/o{n} ; sg:jobTitle "chef"@sv ; sg:status sg:Stated .',
            f'id:participation\\/p{n} a sg:Participation ; sg:identifier "f{n}" ; '
            f"sg:agent id:person\\/p{n} ; sg:event id:event\\/panel ; sg:role sg:PanelistRole ; "
            f"sg:status sg:Stated ; sg:inCapacityOf id:affiliation\\/p{n} .",
        ]
    path = folder / f"panel-{people}.ttl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SPARQL texts the page data runs from now on (its own queries and the id look-up)."""
    from seminargraph import query
    from seminargraph.server import pagedata

    texts: list[str] = []
    original = query.execute

    def counted(graph: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(text)
        return original(graph, text, *args, **kwargs)

    monkeypatch.setattr(query, "execute", counted)
    monkeypatch.setattr(pagedata, "execute", counted)
    return texts


@pytest.mark.parametrize("people", [2, 40])
def test_an_entity_page_runs_the_same_few_queries_however_many_entities_it_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, people: int
) -> None:
    from seminargraph import load_graph
    from seminargraph.server import pagedata

    graph = load_graph(_panel(tmp_path, people))
    texts = _counting(monkeypatch)
    page = pagedata.entity(graph, "event", "panel", "en")
    # Found by id, then facts, job titles, labels, evidence and kind: never a query per neighbour.
    assert len(texts) <= 6, texts
    assert page["label"] == "The panel"
    facts = [f for f in page["facts"] if f["kind"] == "Participation"]
    assert len(facts) == people
    for n in range(people):
        fact = next(f for f in facts if f["other"]["id"] == f"p{n}")
        assert fact["other"] == {"label": f"Person {n}", "kind": "person", "id": f"p{n}"}
        assert fact["relation"] == "panelist" and fact["status"] == "stated"
        [capacity] = fact["capacities"]
        organisation = {"label": f"Organisation {n}", "kind": "organisation", "id": f"o{n}"}
        assert capacity["organisation"] == organisation
    texts.clear()
    person = pagedata.entity(graph, "person", "p1", "sv")
    assert len(texts) <= 6, texts
    assert [f["other"]["label"] for f in person["facts"]] == ["Organisationen 1", "Panelen"]


def test_listings_come_in_pages_that_together_hold_everyone_once(run_cli: Callable[..., Any]) -> None:
    import re as re_module

    from seminargraph import load_graph
    from seminargraph.server import pagedata

    everyone = pagedata.listing(load_graph(), "person", "sv")
    assert everyone["pages"] == 1 and everyone["total"] == len(everyone["items"]) == 8
    seen: list[str] = []
    for number in (1, 2, 3):
        answer = run_cli("serve", "--row-limit", "3", "--get", f"/people?page={number}")
        assert answer.exit_code == 0, answer.stderr
        seen += re_module.findall(r'<li><a href="/person/([^"?]+)\?lang=sv">', answer.stdout)
        assert f"(page {number} of 3)" in answer.stdout
        assert ('rel="prev"' in answer.stdout) == (number > 1)
        assert ('rel="next"' in answer.stdout) == (number < 3)
    assert seen == [item["id"] for item in everyone["items"]], "every person once, in the order of their ids"
    assert "7–8 of 8" in answer.stdout
    past = run_cli("serve", "--row-limit", "3", "--get", "/people?page=4")
    assert (
        past.exit_code != 0 and "page 4 is past the end: the 8 person entries fit on 3 page(s)" in past.stdout
    )
    bad = run_cli("serve", "--get", "/people?page=-1")
    assert bad.exit_code != 0 and "is not a page number" in bad.stdout


def test_the_query_page_and_its_downloads_bind_lang_as_the_command_line_does(
    http: Callable[..., httpx.Response], tmp_path: Path
) -> None:
    from seminargraph import load_graph, run_sparql
    from seminargraph.query import get_query

    text = get_query("participants").text  # what "Edit" puts into the editor
    graph = load_graph(builtin_data_dir(), write_hostile(tmp_path))
    for lang in ("en", "sv"):
        expected = run_sparql(graph, text, lang=lang).records()
        assert {r["role"] for r in expected} and None not in {r["role"] for r in expected}
        document = http("/query.json", sparql=text, lang=lang).json()
        assert sorted(document["rows"], key=str) == sorted(expected, key=str)
        page = http("/query", sparql=text, lang=lang)
        assert (
            "/query.csv?sparql=" in page.text
            and f"lang={lang}" in page.text.split("/query.csv?")[1].split('"')[0]
        )
        roles = {r["role"] for r in expected}
        words = read(page).words()
        assert all(role in words for role in roles)
    english = {r["role"] for r in http("/query.json", sparql=text, lang="en").json()["rows"]}
    swedish = {r["role"] for r in http("/query.json", sparql=text, lang="sv").json()["rows"]}
    assert "paneldeltagare" in swedish and "paneldeltagare" not in english


def test_result_cells_that_name_an_entity_link_to_its_page(http: Callable[..., httpx.Response]) -> None:
    named = read(http("/queries/participants", lang="en"))
    assert "/person/leif-jonsson?lang=en" in named.links
    assert "/event/fran-rora-till-ledning?lang=en" in named.links
    assert "/person/img?lang=en" in named.links  # the hostile name links as any name does
    iris = read(
        http("/query", sparql="SELECT ?p WHERE { ?p a <https://seminargraph.example/ns#Organisation> }")
    )
    assert "/organisation/hypergene?lang=sv" in iris.links
    # An IRI may break after its slashes, never inside a segment.
    page = http("/query", sparql="SELECT ?p WHERE { ?p a <https://seminargraph.example/ns#Organisation> }")
    assert "https:/<wbr>/<wbr>seminargraph.example/<wbr>id/<wbr>organisation/<wbr>hypergene" in page.text
    # A cell that names nothing (a role, a number) is plain text.
    counted = read(http("/query", sparql="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert not [link for link in counted.links if link.startswith(("/person/", "/event/", "/organisation/"))]


def test_a_name_two_entities_share_links_to_neither(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    from seminargraph.server.pagedata import cell_links
    from seminargraph.store import open_graph

    data = tmp_path / "twins.ttl"
    data.write_text(
        """@prefix sg: <https://seminargraph.example/ns#> .
@prefix id: <https://seminargraph.example/id/> .
id:person\\/anna-1 a sg:Person ; sg:identifier "anna-1" ; sg:name "Anna Lind" .
id:person\\/anna-2 a sg:Person ; sg:identifier "anna-2" ; sg:name "Anna Lind" .
id:person\\/bo a sg:Person ; sg:identifier "bo" ; sg:name "Bo Ek" .
id:event\\/e a sg:Event ; sg:identifier "e" ; sg:name "Ett seminarium"@sv .
""",
        "utf-8",
    )
    graph = open_graph("memory", [data])
    bo = URIRef("https://seminargraph.example/id/person/bo")
    cells = [
        Literal("Anna Lind"),
        Literal("Bo Ek"),
        Literal("Ett seminarium"),
        bo,
        Literal("nobody"),
        Literal(3),
    ]
    assert cell_links(graph, cells, "sv") == {
        Literal("Bo Ek"): ("person", "bo"),
        Literal("Ett seminarium"): ("event", "e"),
        bo: ("person", "bo"),
    }


def test_the_favicon_is_our_own_small_svg(http: Callable[..., httpx.Response]) -> None:
    import xml.etree.ElementTree as ET

    answer = http("/favicon.ico")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/svg+xml"
    assert ET.fromstring(answer.content).tag == "{http://www.w3.org/2000/svg}svg"
    assert len(answer.content) < 2000
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in http("/").text
    assert http("/static/favicon.svg").content == answer.content
