"""Start the server: with a socket (``serve``), or for one request without one (``get``)."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
from collections.abc import Callable, Iterator
from urllib.parse import unquote, urlsplit

import anyio
from starlette.types import ASGIApp, Message

from ..errors import SeminargraphError
from ..store import as_spec, base_of, held
from .app import create_app
from .config import ServerConfig
from .workers import Pool

__all__ = ["Response", "ServerConfig", "get", "running", "serve"]


class Response:
    """One answer of the app: status, headers (lowercase names) and body."""

    def __init__(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name: str) -> str | None:
        """The first header called ``name``."""
        return next((v for k, v in self.headers if k == name.lower()), None)


@contextlib.contextmanager
def running(config: ServerConfig, *, host: str = "127.0.0.1") -> Iterator[ASGIApp]:
    """Start the workers (holding the store for them) and yield the app; stop them afterwards."""
    config.check()
    spec = as_spec(config.store)
    # The base is settled here, once, for the workers and for the answers the app writes itself.
    config = dataclasses.replace(config, store=spec, base=config.base or base_of(spec))
    with held(spec, exclusive=config.writable):
        pool = Pool(config)
        try:
            pool.start()
            yield create_app(config, pool, title=_title(config, pool), store_name=str(spec), host=host)
        finally:
            pool.close()


def _title(config: ServerConfig, pool: Pool) -> str:
    if config.title:
        return config.title
    # The number of sources and the one title: reading every source (an import has one per row)
    # could take longer than a query may on a large store.
    try:
        count, title = pool.run("title", {"lang": "en"})
    except SeminargraphError as exc:
        raise SeminargraphError(f"the store cannot be read: {exc}") from None
    if count == 1 and title:
        return str(title)
    return f"seminargraph: {count:,} sources" if count else "seminargraph"


def serve(config: ServerConfig, *, host: str, port: int, on_ready: Callable[[str], None]) -> None:
    """Serve until interrupted; ``on_ready`` gets the address once the socket listens."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on sockets that say so, and without it a
    # kept-alive connection waits 40 ms (Nagle and delayed ACKs) for each answer after the first.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise SeminargraphError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    with running(config, host=host) as app:
        bound = sock.getsockname()[1]
        shown = f"[{host}]" if family == socket.AF_INET6 else host
        uv = uvicorn.Config(
            app,
            lifespan="off",
            log_level="info",
            # Long GET queries (up to the request size limit) must reach the app.
            h11_max_incomplete_event_size=config.max_request_bytes + 64 * 1024,
            timeout_graceful_shutdown=5,
        )
        on_ready(f"http://{shown}:{bound}/")
        uvicorn.Server(uv).run(sockets=[sock])


def get(config: ServerConfig, path: str, *, accept: str = "*/*") -> Response:
    """Answer one GET request for ``path`` through the app, without a socket."""
    if not path.startswith("/"):
        raise SeminargraphError(
            f"--get {path!r}: give a path that starts with /, e.g. /queries/participants.csv"
        )
    with running(dataclasses.replace(config, workers=1)) as app:
        return anyio.run(_call, app, path, accept)


async def _call(app: ASGIApp, path: str, accept: str) -> Response:
    parts = urlsplit(path)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(parts.path),
        "raw_path": parts.path.encode("utf-8"),
        "query_string": parts.query.encode("utf-8"),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", accept.encode("latin-1"))],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in start.get("headers", [])]
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return Response(start["status"], headers, body)
