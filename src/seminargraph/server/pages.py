"""The HTML pages and the stable download URLs of the named queries.

Pages are Jinja2 templates with autoescape on: every text from the data or the request is shown as
text. No page has inline script; the Content-Security-Policy allows only our own script file.
"""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from rdflib.term import Node, URIRef
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from ..errors import Refused, SeminargraphError
from ..query import LANG_PATTERN, QueryResult, get_query, list_queries
from ..results import render, sparql_results
from .pagedata import ENTITY_KINDS, MAX_LINKED, SUGGEST_KINDS
from .results import FORMATS, TRUNCATED_HEADER

_LANGS = ("sv", "en")
_RESERVED = {"lang"}
_DEFAULT_QUERY = """PREFIX sg: <https://seminargraph.example/ns#>
SELECT ?name WHERE {
  ?person a sg:Person ; sg:name ?name .
}
ORDER BY ?name
"""
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class PageProblem(Refused):
    """A page that cannot be shown: ``status`` and a message for the reader."""


def lang_of(request: Request) -> str:
    """The label language the request asks for (``?lang=``), default Swedish."""
    lang = request.query_params.get("lang", "sv")
    if not LANG_PATTERN.match(lang):
        raise PageProblem(400, f"lang: {lang[:20]!r} is not a language tag such as sv or en")
    return lang


def page(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the values every page needs."""
    state = request.app.state
    lang = context.pop("lang", None) or request.query_params.get("lang", "sv")
    others = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    links = [(code, f"{request.url.path}?{urlencode([*others, ('lang', code)])}") for code in _LANGS]
    html = state.templates.get_template(template).render(
        site_title=state.title,
        store=state.store_name,
        lang=lang if LANG_PATTERN.match(lang) else "sv",
        lang_links=links,
        **context,
    )
    return HTMLResponse(html, status_code=code)


def problem_page(request: Request, status: int, message: str) -> HTMLResponse:
    """An error page that says what went wrong."""
    headings = {
        400: "Bad request",
        403: "Not allowed",
        404: "Not found",
        413: "Too large",
        503: "Try again",
        507: "No room to save",
    }
    return page(
        request, "error.html", status, status=status, heading=headings.get(status, "Error"), message=message
    )


async def health(request: Request) -> Response:
    """How many query workers are ready, for monitoring (and for tests that wait for a restart)."""
    pool = request.app.state.pool
    ready, size = pool.ready(), pool.size
    body = {"status": "ok" if ready == size else "degraded", "workers": ready, "of": size}
    return Response(json.dumps(body), media_type="application/json")


FAVICON = Path(__file__).parent / "static" / "favicon.svg"


async def favicon(request: Request) -> Response:
    """``/favicon.ico``, which browsers ask for by themselves: our small SVG icon."""
    return Response(
        FAVICON.read_bytes(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"}
    )


async def landing(request: Request) -> Response:
    """The start page: title, sources, counts, and where to go next."""
    lang = lang_of(request)
    summary = await _call(request, "summary", lang=lang)
    endpoint = str(request.url_for("sparql"))
    return page(request, "index.html", summary=summary, queries=list_queries(), endpoint=endpoint, lang=lang)


async def listing(request: Request) -> Response:
    """Every person, organisation or event, linked to its page."""
    lang = lang_of(request)
    kind = {"people": "person", "organisations": "organisation", "events": "event"}[
        request.url.path.strip("/")
    ]
    number = request.query_params.get("page", "1").strip()
    if not number.isdigit() or not 1 <= int(number) <= 1_000_000:
        raise PageProblem(400, f"page: {number[:20]!r} is not a page number; give 1, 2, ...")
    found = await _call(request, "listing", kind=kind, lang=lang, page=int(number))
    heading = {"person": "People", "organisation": "Organisations", "event": "Events"}[kind]
    path = request.url.path
    return page(request, "listing.html", listing=found, kind=kind, heading=heading, lang=lang, path=path)


_SECTIONS = [
    ("Participation", "out", "Took part in"),
    ("Participation", "in", "Who took part"),
    ("Affiliation", "out", "Job titles and organisations"),
    ("Affiliation", "in", "People"),
    ("EventInclusion", "out", "Part of"),
    ("EventInclusion", "in", "Includes"),
    ("OrganisationRelation", "out", "Belongs to"),
    ("OrganisationRelation", "in", "Has as parts or members"),
]


async def entity(request: Request) -> Response:
    """The page of one person, organisation or event: its facts, links and evidence."""
    lang = lang_of(request)
    kind = request.url.path.split("/")[1]
    if kind not in ENTITY_KINDS:
        raise PageProblem(404, f"there are no pages for {kind!r}")
    data = await _call(request, "entity", kind=kind, ident=request.path_params["ident"], lang=lang)
    sections = []
    for fact_kind, direction, heading in _SECTIONS:
        facts = [f for f in data["facts"] if f["kind"] == fact_kind and f["direction"] == direction]
        if facts:
            sections.append({"heading": heading, "facts": facts})
    return page(request, "entity.html", page=data, sections=sections, lang=lang)


async def query_page(request: Request) -> Response:
    """The query editor, its result, and the named queries as examples."""
    lang = lang_of(request)
    sparql = request.query_params.get("sparql")
    context: dict[str, Any] = {
        "sparql": sparql if sparql is not None else _DEFAULT_QUERY,
        "lang": lang,
        "outcome": None,
        "error": None,
    }
    status = 200
    if sparql is not None and sparql.strip():
        try:
            outcome = await _call(request, "sparql", text=sparql, lang=lang)
            context["outcome"] = await _view(request, outcome, lang)
        except SeminargraphError as exc:  # the answer shows on the page itself
            status, context["error"] = exc.status, str(exc)
        context["csv_url"] = f"/query.csv?{urlencode({'sparql': sparql, 'lang': lang})}"
        context["json_url"] = f"/query.json?{urlencode({'sparql': sparql, 'lang': lang})}"
    # The parameter fields are plain text fields (an id or an IRI); app.js suggests entities from
    # /entities.json as the user types, so the page itself reads nothing from the store.
    kinds = sorted(SUGGEST_KINDS)
    return page(request, "query.html", status, queries=list_queries(), suggest_kinds=kinds, **context)


#: Longest text /entities.json looks up.
MAX_LOOKUP_CHARS = 200


async def entities(request: Request) -> Response:
    """``/entities.json?kind=person&q=TEXT``: entities to suggest for a parameter field, as JSON."""
    kind = request.query_params.get("kind", "")
    if kind not in SUGGEST_KINDS:
        known = ", ".join(sorted(SUGGEST_KINDS))
        raise PageProblem(400, f"kind: {kind[:20]!r} is not a kind of entity; give one of {known}")
    text = request.query_params.get("q", "")
    if len(text) > MAX_LOOKUP_CHARS:
        raise PageProblem(400, f"q: the text is longer than {MAX_LOOKUP_CHARS} characters; type less")
    found = await _call(request, "suggest", kind=kind, text=text, lang=lang_of(request))
    body = json.dumps(found, ensure_ascii=False)
    return Response(body, media_type="application/json", headers={"Cache-Control": "no-store"})


async def query_download(request: Request) -> Response:
    """``/query.csv`` and ``/query.json``: the editor's query as a file."""
    sparql = request.query_params.get("sparql", "")
    if not sparql.strip():
        raise PageProblem(400, "sparql: give the query to run, e.g. /query.csv?sparql=SELECT...")
    # ?lang bound to the page's language, as on the query page and on the command line.
    outcome = await _call(request, "sparql", text=sparql, lang=lang_of(request))
    return _download(outcome, request.url.path.rsplit(".", 1)[1], "query")


async def named_query(request: Request) -> Response:
    """``/queries/NAME`` (a page), ``/queries/NAME.csv`` and ``/queries/NAME.json``."""
    name, _, suffix = request.path_params["name"].partition(".")
    if suffix not in ("", "csv", "json", *_RDF_SUFFIXES):
        raise PageProblem(
            404,
            f"no such format .{suffix}; use /queries/{name}.csv or .json (.ttl, .nt or .jsonld for graphs)",
        )
    query = get_query(name)  # an unknown name is a 404, UnknownQueryError's status
    lang = lang_of(request)
    params = {k: v for k, v in request.query_params.multi_items() if k not in _RESERVED and v.strip()}
    if suffix:
        outcome = await _call(request, "named", name=name, params=params, lang=lang)
        if suffix in _RDF_SUFFIXES:
            return _rdf_download(request, outcome, suffix, name)
        return _download(outcome, suffix, name)
    context: dict[str, Any] = {"query": query, "params": params, "lang": lang, "outcome": None, "error": None}
    status = 200
    try:
        outcome = await _call(request, "named", name=name, params=params, lang=lang)
        context["outcome"] = await _view(request, outcome, lang)
    except SeminargraphError as exc:  # the answer shows on the page itself
        status, context["error"] = exc.status, str(exc)
    fields = urlencode([*params.items(), ("lang", lang)])
    context["csv_url"] = f"/queries/{name}.csv?{fields}"
    context["json_url"] = f"/queries/{name}.json?{fields}"
    context["ttl_url"] = f"/queries/{name}.ttl?{fields}"
    return page(request, "named.html", status, **context)


async def network(request: Request) -> Response:
    """The network page of the network view, for ?event=, ?focus= and ?depth=, ?projection=."""
    options: dict[str, Any] = {"lang": lang_of(request)}
    for key in ("event", "focus", "projection"):
        value = request.query_params.get(key, "").strip()
        if value:
            options[key] = value
    depth = request.query_params.get("depth", "").strip()
    if depth:
        if not depth.isdigit():
            raise PageProblem(400, f"depth: {depth[:20]!r} is not a whole number")
        options["depth"] = int(depth)
    html: str = await _call(request, "network", **options)
    match = _CSP_META.search(html)
    headers = {"Content-Security-Policy": html_module.unescape(match[1])} if match else {}
    return HTMLResponse(html, headers=headers)


async def _call(request: Request, job: str, **arguments: Any) -> Any:
    return await request.app.state.pool.call(job, **arguments)


async def _view(request: Request, outcome: QueryResult, lang: str) -> dict[str, Any]:
    """A result as the table shows it: each cell's text, and its entity page when it names one."""
    if outcome.kind == "graph":
        columns = ["subject", "predicate", "object"]
        terms: list[tuple[Node | None, ...]] = list(outcome.triples)
    else:
        columns = outcome.columns
        terms = outcome.rows
    distinct = list(dict.fromkeys(v for row in terms for v in row if v is not None))[: 4 * MAX_LINKED]
    try:
        pages = await _call(request, "links", cells=distinct, lang=lang) if distinct else {}
    except SeminargraphError:  # the links are a help: the table is shown without them
        pages = {}

    def cell(value: Node | None) -> dict[str, Any]:
        if value is None:
            return {"text": "", "href": None, "parts": None}
        target = pages.get(value)
        href = f"/{target[0]}/{quote(target[1], safe='')}?lang={lang}" if target else None
        parts = re.split(r"(?<=[/#])", str(value)) if isinstance(value, URIRef) else None
        return {"text": str(value), "href": href, "parts": parts}

    cells = [[cell(v) for v in row] for row in terms]
    return {
        "kind": outcome.kind,
        "columns": columns,
        "rows": cells,
        "truncated": outcome.truncated,
        "boolean": outcome.boolean,
    }


#: The RDF files a named CONSTRUCT query can be downloaded as, by suffix.
_RDF_SUFFIXES = {"ttl": "turtle", "nt": "ntriples", "jsonld": "jsonld"}


def _rdf_download(request: Request, outcome: QueryResult, suffix: str, stem: str) -> Response:
    if outcome.kind != "graph":
        raise PageProblem(404, f"the query {stem} gives rows, not a graph; use /queries/{stem}.csv or .json")
    fmt = next(f for f in FORMATS if f.name == _RDF_SUFFIXES[suffix])
    headers = {"Content-Disposition": f'attachment; filename="{stem}.{suffix}"'}
    if outcome.truncated:
        headers[TRUNCATED_HEADER] = "true"
    body = sparql_results(outcome, fmt.name, request.app.state.config.base)
    return Response(body, media_type=fmt.media_type, headers=headers)


def _download(outcome: QueryResult, suffix: str, stem: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{stem}.{suffix}"'}
    if outcome.truncated:
        headers[TRUNCATED_HEADER] = "true"
    rows: list[tuple[Node | None, ...]] = list(outcome.triples) if outcome.kind == "graph" else outcome.rows
    kind = "ask" if outcome.kind == "ask" else "select"
    columns = ["subject", "predicate", "object"] if outcome.kind == "graph" else outcome.columns
    result = QueryResult(kind, columns=columns, rows=rows, boolean=outcome.boolean)
    if suffix == "json":
        # The rows as `seminargraph query --format json` gives them (null where unbound), flagged.
        document: dict[str, Any] = (
            {"boolean": outcome.boolean}
            if kind == "ask"
            else {"columns": columns, "rows": result.records(), "truncated": outcome.truncated}
        )
        body = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        return Response(body, media_type="application/json", headers=headers)
    # Spreadsheets run cells that start with = + - @ as formulas: downloads are for spreadsheets.
    text = render(result, "csv", neutralise_formulas=True)
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
