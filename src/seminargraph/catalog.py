"""The old home of the catalog check, kept for extract/: it lives in ``inputs.catalog`` now."""

from __future__ import annotations

from .inputs.catalog import build_catalog

__all__ = ["build_catalog"]
