"""Read a SPARQL 1.1 Protocol request (query or update, by GET, form POST or direct POST).

Everything the protocol calls a bad request is refused here, before any work, with a 4xx status
and a message that names the parameter or header: a wrong method, two ``query`` parameters, a
missing or wrong media type, a body that is not UTF-8, an update by GET, a query and an update at
once, dataset IRIs that are not IRIs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from starlette.datastructures import QueryParams
from starlette.requests import Request

from ..errors import Refused

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
_TYPES = f"{FORM}, {QUERY_TYPE} or {UPDATE_TYPE}"
MAX_FORM_FIELDS = 10_000
#: Set in a request's state when a page of another origin POSTs to the endpoint (CORS): it may
#: query, never update.
CROSS_ORIGIN = "cross_origin"
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^<>"{}|^`\\\x00-\x20]*$')


class ProtocolError(Refused):
    """A request the protocol does not allow: ``status`` is the HTTP status to answer with."""


@dataclass
class Operation:
    """What a request asks: a query, an update, or (neither) the service description."""

    kind: str  # query | update | description
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    format: str | None = None
    by_get: bool = False


def media_type(request: Request) -> tuple[str, str | None]:
    """The request's media type (lowercase, no parameters) and its charset, if given."""
    header = request.headers.get("content-type", "")
    kind, *parameters = [p.strip() for p in header.split(";")]
    charset = None
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.lower(), charset


async def read_operation(request: Request) -> Operation:
    """Read the operation of a request to the SPARQL endpoint, or raise ProtocolError."""
    url_fields = list(request.query_params.multi_items())
    if request.method in ("GET", "HEAD"):
        fields = url_fields
        direct = None
    elif request.method == "POST":
        kind, charset = media_type(request)
        if not kind:
            raise ProtocolError(415, f"say what the body is: Content-Type {_TYPES}")
        if charset is not None and charset not in ("utf-8", "utf8"):
            raise ProtocolError(415, f"the body must be UTF-8, not {charset}")
        body = _utf8(await request.body())
        if kind == FORM:
            fields = url_fields + _form_fields(body)
            direct = None
        elif kind in (QUERY_TYPE, UPDATE_TYPE):
            fields = url_fields
            direct = ("query" if kind == QUERY_TYPE else "update", body)
        else:
            raise ProtocolError(415, f"Content-Type {kind} is not a SPARQL request; use {_TYPES}")
    else:
        raise ProtocolError(
            405, f"{request.method} is not a SPARQL Protocol method; use GET or POST", {"Allow": "GET, POST"}
        )
    queries = _values(fields, "query") + ([direct[1]] if direct and direct[0] == "query" else [])
    updates = _values(fields, "update") + ([direct[1]] if direct and direct[0] == "update" else [])
    if len(queries) > 1:
        raise ProtocolError(400, "the request has more than one query; send one")
    if len(updates) > 1:
        raise ProtocolError(
            400, "the request has more than one update; send them in one text, separated by ;"
        )
    if queries and updates:
        raise ProtocolError(400, "the request has both a query and an update; send one")
    requested = _values(fields, "format")
    operation = Operation("description", format=requested[-1] if requested else None)
    if queries:
        operation.kind, operation.text = "query", queries[0]
        operation.default_graphs = _iris(fields, "default-graph-uri")
        operation.named_graphs = _iris(fields, "named-graph-uri")
    elif updates:
        # An update by GET is refused by the endpoint: with 403 like any update without the
        # token, with 405 when the token is there.
        operation.kind, operation.text = "update", updates[0]
        operation.by_get = request.method in ("GET", "HEAD")
        for name in ("using-graph-uri", "using-named-graph-uri"):
            if _values(fields, name):
                raise ProtocolError(400, f"{name} is not supported here; write USING in the update instead")
    if operation.kind != "description" and not operation.text.strip():
        raise ProtocolError(400, f"the {operation.kind} is empty")
    return operation


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the body is not UTF-8 (byte {exc.start})") from None


def _form_fields(body: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(body, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS)
    except ValueError:  # the only ValueError parse_qsl raises here: too many fields
        raise ProtocolError(400, f"the form has more than {MAX_FORM_FIELDS:,} fields") from None


def _values(fields: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in fields if key == name]


def _iris(fields: list[tuple[str, str]], name: str) -> list[str]:
    values = _values(fields, name)
    for value in values:
        if not _IRI.match(value):
            raise ProtocolError(400, f"{name}: {value[:100]!r} is not an IRI")
    return values


def graph_target(params: QueryParams) -> str | None:
    """The graph a Graph Store Protocol request names (``None`` for ``?default``), or ProtocolError."""
    graphs = params.getlist("graph")
    default = "default" in params
    if len(graphs) + int(default) != 1:
        raise ProtocolError(400, "name one graph: ?graph=IRI or ?default")
    if default:
        return None
    if not _IRI.match(graphs[0]):
        raise ProtocolError(400, f"graph: {graphs[0][:100]!r} is not an IRI")
    return graphs[0]
