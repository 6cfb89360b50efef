"""The SPARQL 1.1 Protocol endpoint (``/sparql``) and the Graph Store Protocol (``/store``).

Both are read-only unless the server was started with a write token and the request carries it
(``Authorization: Bearer TOKEN``, or HTTP Basic with the token as password). The token is compared
in constant time and never written anywhere.
"""

from __future__ import annotations

import base64
import binascii
import hmac

import anyio.to_thread
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS
from starlette.requests import Request
from starlette.responses import Response

from ..rdfio import from_oxigraph
from ..results import sparql_results
from ..sparql import QueryResult, graph_of
from .protocol import CROSS_ORIGIN, ProtocolError, graph_target, media_type, read_operation
from .results import TRUNCATED_HEADER, Format, choose

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
_W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}
_GRAPH_BODY_TYPES = ("text/turtle", "application/n-triples")
#: Answers whose format the Accept header chose say so, for caches.
NEGOTIATED = {"Vary": "Accept"}


def authorised(request: Request) -> bool:
    """Whether the request carries the server's write token."""
    token: str | None = request.app.state.write_token
    if token is None:
        return False
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    given = value.strip()
    if scheme.lower() == "basic":
        try:
            given = base64.b64decode(given, validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return False
    elif scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def require_write(request: Request) -> None:
    """Refuse with 403 unless the request may write."""
    if authorised(request):
        return
    if request.app.state.write_token is None:
        raise ProtocolError(403, "this endpoint is read-only: updates and graph writes are refused")
    raise ProtocolError(
        403, "updates and graph writes need the server's write token (Authorization: Bearer ...)"
    )


async def endpoint(request: Request) -> Response:
    """Answer one SPARQL Protocol request."""
    operation = await read_operation(request)
    pool = request.app.state.pool
    if operation.kind == "description":
        return _description(request, operation.format)
    if operation.kind == "update":
        if request.scope.get("state", {}).get(CROSS_ORIGIN):
            raise ProtocolError(403, "requests from pages of other sites may query here but never update")
        require_write(request)
        if operation.by_get:
            raise ProtocolError(405, "an update must be sent by POST, not GET", {"Allow": "POST"})
        await pool.call("update", text=operation.text)
        return Response(status_code=204)
    outcome: QueryResult = await pool.call(
        "sparql",
        text=operation.text,
        default_graphs=operation.default_graphs,
        named_graphs=operation.named_graphs,
    )
    fmt = choose(outcome.kind, request.headers.get("accept", ""), operation.format)
    body = await anyio.to_thread.run_sync(sparql_results, outcome, fmt.name, request.app.state.config.base)
    headers = {**NEGOTIATED, TRUNCATED_HEADER: "true"} if outcome.truncated else dict(NEGOTIATED)
    return Response(body, media_type=_with_charset(fmt.media_type), headers=headers)


def _with_charset(kind: str) -> str:
    return f"{kind}; charset=utf-8" if kind != "application/n-triples" else kind


def _description(request: Request, requested: str | None) -> Response:
    graph = Graph(bind_namespaces="none")
    graph.bind("sd", SD)
    graph.bind("formats", _W3C_FORMATS)
    graph.bind("rdfs", RDFS)
    service = BNode("service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(str(request.url_for("sparql")))))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if request.app.state.write_token is not None:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in _FORMAT_IRIS.values():
        graph.add((service, SD.resultFormat, _W3C_FORMATS[name]))
    limits = request.app.state.config
    note = f"Queries stop after {limits.time_limit:g} s; an answer holds at most {limits.row_limit} rows."
    graph.add((service, RDFS.comment, Literal(note, lang="en")))
    fmt = choose("graph", request.headers.get("accept", ""), requested)
    if fmt.name == "jsonld":
        body = graph.serialize(format="json-ld", context={"sd": str(SD), "rdfs": str(RDFS)}, encoding="utf-8")
    else:
        body = graph.serialize(
            format={"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}[fmt.name], encoding="utf-8"
        )
    return Response(body, media_type=_with_charset(fmt.media_type), headers=NEGOTIATED)


async def graph_store(request: Request) -> Response:
    """Answer one Graph Store Protocol request: GET reads a graph; PUT, POST, DELETE write one."""
    method = request.method
    if method not in ("GET", "HEAD", "PUT", "POST", "DELETE"):
        raise ProtocolError(405, f"{method} is not a Graph Store method", {"Allow": "GET, PUT, POST, DELETE"})
    target = graph_target(request.query_params)
    pool = request.app.state.pool
    if method in ("GET", "HEAD"):
        data: bytes = await pool.call("graph_get", graph=target)
        fmt = choose("graph", request.headers.get("accept", ""), request.query_params.get("format"))
        if fmt.name != "ntriples":
            data = await anyio.to_thread.run_sync(_convert, data, fmt, request.app.state.config.base)
        return Response(data, media_type=_with_charset(fmt.media_type), headers=NEGOTIATED)
    require_write(request)
    if target is None:
        raise ProtocolError(
            400, "the default graph is the union of the named graphs here; write to ?graph=IRI"
        )
    body = b""
    kind = ""
    if method != "DELETE":
        kind, charset = media_type(request)
        if kind not in _GRAPH_BODY_TYPES or (charset is not None and charset not in ("utf-8", "utf8")):
            raise ProtocolError(415, f"send the graph as {' or '.join(_GRAPH_BODY_TYPES)} (UTF-8)")
        body = await request.body()
    existed = await pool.call("graph_write", method=method, graph=target, data=body, media_type=kind)
    return Response(status_code=204 if existed or method == "DELETE" else 201)


def _convert(data: bytes, fmt: Format, base: str) -> bytes:
    triples = (
        (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    )
    return sparql_results(QueryResult("graph", graph=graph_of(triples)), fmt.name, base)
