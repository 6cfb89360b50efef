"""Open the graph a command works on, from a store specification.

``memory`` (the default) loads the given data files (or the built-in data) into an in-memory
Oxigraph store. Other specifications are added by the stores issue (``oxigraph:DIR`` and
``http(s)://.../sparql``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from .errors import StoreError
from .sources import load_dataset
from .vocab import DEFAULT_BASE

MEMORY = "memory"


def open_graph(
    store: str = MEMORY,
    data: Sequence[Path | str] = (),
    *,
    base: str = DEFAULT_BASE,
) -> Dataset:
    """Return the graph described by ``store``; for ``memory``, loaded from ``data``."""
    if store == MEMORY:
        return load_dataset(data, base=base)
    raise StoreError(f"unknown store {store!r}; use 'memory'")
