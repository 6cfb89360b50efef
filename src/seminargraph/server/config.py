"""The settings of one running server, checked before anything starts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import StoreError
from ..store import DEFAULT_TIMEOUT, MEMORY, StoreSpec, as_spec

#: Seconds a query may run before its worker process is killed.
DEFAULT_TIME_LIMIT = 5.0
#: Rows (or triples) a query returns at most; more are cut off and the answer says so.
DEFAULT_ROW_LIMIT = 10_000
#: Largest request body accepted (bytes); the query string of a GET is capped at the same size.
DEFAULT_MAX_REQUEST = 1_000_000

#: An origin as browsers send it: scheme, host and maybe a port, nothing after.
CORS_ORIGIN = re.compile(
    r"^https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$"
)


@dataclass(frozen=True)
class ServerConfig:
    """What to serve and with which limits. ``write_token`` is never shown in a repr or a log."""

    store: StoreSpec | str = MEMORY
    data: tuple[str, ...] = ()
    #: None: the base the store's data was loaded with (see ``store.base_of``).
    base: str | None = None
    title: str | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
    row_limit: int = DEFAULT_ROW_LIMIT
    max_request_bytes: int = DEFAULT_MAX_REQUEST
    workers: int = 2
    remote_timeout: float = DEFAULT_TIMEOUT
    write_token: str | None = field(default=None, repr=False)
    #: Pages of which other origin may query ``/sparql`` from a browser (CORS): one origin such as
    #: ``https://yasgui.example``, ``*`` for any, None for none. Never for writes.
    cors: str | None = None

    @property
    def writable(self) -> bool:
        """Whether updates and Graph Store writes can be allowed (with the token)."""
        return self.write_token is not None

    def check(self) -> None:
        """Raise StoreError when the settings cannot work together."""
        spec = as_spec(self.store)
        if self.data and spec.kind != "memory":
            raise StoreError(
                f"--data is for a memory store; the store is {spec} (load the data into it first)"
            )
        if self.write_token is not None:
            if spec.kind != "oxigraph":
                raise StoreError(
                    f"a write token needs an oxigraph:DIR store to write into, not {spec}: a memory store "
                    "is rebuilt from its files at every start, and an endpoint is written to directly"
                )
            if len(self.write_token) < 16:
                raise StoreError("the write token is too short; use at least 16 random characters")
        if self.cors is not None and self.cors != "*" and not CORS_ORIGIN.match(self.cors):
            raise StoreError(
                f"--cors {self.cors!r}: give an origin such as https://tools.example or "
                "http://localhost:3000 (scheme, host and port, no path), or * for any"
            )
        if self.time_limit <= 0 or self.row_limit < 1 or self.max_request_bytes < 1024 or self.workers < 1:
            raise StoreError("the limits must be positive (and the request size at least 1024 bytes)")
