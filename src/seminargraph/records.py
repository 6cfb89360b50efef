"""The old home of the typed records, kept for extract/: they live in ``inputs.records`` now."""

from __future__ import annotations

from .inputs.records import Event, LangText, Loc, Organisation, Person

__all__ = ["Event", "LangText", "Loc", "Organisation", "Person"]
