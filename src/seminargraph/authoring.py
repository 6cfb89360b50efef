"""The old home of the authored-YAML reader, kept for extract/: it lives in ``inputs.authoring`` now."""

from __future__ import annotations

from .inputs.authoring import Item, load_file, parse_yaml

__all__ = ["Item", "load_file", "parse_yaml"]
