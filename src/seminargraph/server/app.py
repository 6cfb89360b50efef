"""The Starlette application: routes, the guard around every request, and errors as responses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Refused, SeminargraphError
from . import pages, sparql
from .config import ServerConfig
from .protocol import CROSS_ORIGIN
from .results import TRUNCATED_HEADER
from .workers import Pool

HERE = Path(__file__).parent
#: The policy of every page but the network page (which brings its own, with its scripts' hashes).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
_UNSAFE = {"POST", "PUT", "DELETE", "PATCH"}
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


class BodyTooLarge(Refused):
    """The request body is over the size limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes")


#: The one path that pages of other origins may query when CORS is on, and how.
CORS_PATH = "/sparql"
_CORS_METHODS = "GET, POST"
_CORS_HEADERS = "Accept, Content-Type"


class Guard:
    """Checks every request before the app sees it, and adds the security headers to every answer.

    Refused here: a Host header naming another server (when serving on loopback, against DNS
    rebinding), a query string or body over the size limit, and a write (POST, PUT, DELETE) from a
    page of another origin. With ``cors`` (an origin, or ``*``), pages of that origin may query
    ``/sparql`` by GET and POST (the preflight is answered here); an update they POST is refused
    by the endpoint, and every other write route keeps refusing them here.
    """

    def __init__(
        self, app: ASGIApp, *, max_bytes: int, hosts: set[str] | None, cors: str | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.hosts = hosts
        self.cors = cors

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = self._cors_origin(scope, headers)
        refusal = self._refusal(scope, headers, cross_origin_query=origin is not None)
        if refusal is None and origin is not None and scope["method"] == "OPTIONS":
            refusal = self._preflight(headers)
        if refusal is not None:
            await _problem_json(*refusal)(scope, receive, self._secured(send, origin))
            return
        if origin is not None and scope["method"] == "OPTIONS":
            await Response(status_code=204)(scope, receive, self._secured(send, origin, preflight=True))
            return
        if origin is not None and scope["method"] == "POST":
            scope.setdefault("state", {})[CROSS_ORIGIN] = True
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, self._secured(send, origin))

    def _cors_origin(self, scope: Scope, headers: Headers) -> str | None:
        """The Origin of a request CORS lets through (to ``/sparql``, from an allowed page), else None."""
        origin = headers.get("origin")
        if self.cors is None or origin is None or scope["path"] != CORS_PATH:
            return None
        if origin == f"{scope.get('scheme', 'http')}://{headers.get('host', '')}":
            return None  # our own pages need no CORS
        return origin if self.cors in ("*", origin) else None

    def _preflight(self, headers: Headers) -> tuple[int, str] | None:
        method = headers.get("access-control-request-method", "").upper()
        if method not in ("GET", "POST"):
            return 403, f"pages of other sites may only query here (GET or POST), not {method or 'OPTIONS'}"
        return None

    def _refusal(
        self, scope: Scope, headers: Headers, *, cross_origin_query: bool = False
    ) -> tuple[int, str] | None:
        host = headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]").lower()
        if self.hosts is not None and name not in self.hosts:
            return 400, "the Host header names another server; this one answers to 127.0.0.1 and localhost"
        if len(scope.get("query_string", b"")) > self.max_bytes:
            return 414, f"the URL is longer than {self.max_bytes:,} bytes; POST the query instead"
        length = headers.get("content-length", "0")
        if not length.isdigit():
            return 400, "Content-Length is not a number"
        if int(length) > self.max_bytes:
            return 413, f"the request body is over the limit of {self.max_bytes:,} bytes"
        if scope["method"] in _UNSAFE and not (cross_origin_query and scope["method"] == "POST"):
            origin = headers.get("origin")
            own = f"{scope.get('scheme', 'http')}://{host}"
            if headers.get("sec-fetch-site") in ("cross-site", "same-site") or (origin and origin != own):
                return 403, "requests from pages of other sites may not POST, PUT or DELETE here"
        return None

    def _secured(self, send: Send, origin: str | None = None, *, preflight: bool = False) -> Send:
        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                if origin is not None:
                    # No credentials: a page of another origin never sends the write token.
                    headers["Access-Control-Allow-Origin"] = "*" if self.cors == "*" else str(origin)
                    headers["Access-Control-Expose-Headers"] = TRUNCATED_HEADER
                    if preflight:
                        headers["Access-Control-Allow-Methods"] = _CORS_METHODS
                        headers["Access-Control-Allow-Headers"] = _CORS_HEADERS
                        headers["Access-Control-Max-Age"] = "600"
                if self.cors not in (None, "*"):
                    headers.add_vary_header("Origin")
            await send(message)

        return secured


def _problem_json(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps({"error": message, "status": status}, ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith(("/sparql", "/store")) or path.endswith((".json", ".csv"))


def _answer(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return _problem_json(status, message, headers)
    response = pages.problem_page(request, status, message)
    response.headers.update(headers or {})
    return response


async def _on_error(request: Request, exc: Exception) -> Response:
    # The one boundary between seminargraph's errors and the web: each error carries its status.
    assert isinstance(exc, SeminargraphError)
    headers = exc.headers if isinstance(exc, Refused) else None
    return _answer(request, exc.status, str(exc), headers)


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {404: f"no page at {request.url.path}", 405: f"{request.method} is not allowed here"}
    headers = dict(exc.headers or {})
    return _answer(request, exc.status_code, message.get(exc.status_code, str(exc.detail)), headers)


def create_app(config: ServerConfig, pool: Pool, *, title: str, store_name: str, host: str) -> ASGIApp:
    """The web app over ``pool``; ``host`` is the address it listens on (for the Host check)."""
    routes = [
        Route("/", pages.landing),
        Route("/query", pages.query_page),
        Route("/query.csv", pages.query_download),
        Route("/query.json", pages.query_download),
        Route("/queries/{name}", pages.named_query),
        Route("/entities.json", pages.entities),
        Route("/people", pages.listing),
        Route("/organisations", pages.listing),
        Route("/events", pages.listing),
        Route("/person/{ident}", pages.entity),
        Route("/organisation/{ident}", pages.entity),
        Route("/event/{ident}", pages.entity),
        Route("/network", pages.network),
        Route("/health", pages.health),
        Route("/favicon.ico", pages.favicon),
        Route("/sparql", sparql.endpoint, methods=_ALL_METHODS, name="sparql"),
        Route("/store", sparql.graph_store, methods=_ALL_METHODS),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers: dict[Any, Any] = {
        SeminargraphError: _on_error,
        HTTPException: _on_http,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.config = config
    app.state.pool = pool
    app.state.write_token = config.write_token
    app.state.title = title
    app.state.store_name = store_name
    app.state.templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    hosts = LOOPBACK_NAMES if host in LOOPBACK_NAMES else None
    return Guard(app, max_bytes=config.max_request_bytes, hosts=hosts, cors=config.cors)
