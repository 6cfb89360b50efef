"""Seminar text -> events and participants with evidence, and a draft in the authoring format."""

from __future__ import annotations

from .extractor import extract_file, extract_page, extract_text
from .model import Evidence, ExtractedEvent, ExtractionResult, Nesting, Participant

__all__ = [
    "Evidence",
    "ExtractedEvent",
    "ExtractionResult",
    "Nesting",
    "Participant",
    "extract_file",
    "extract_page",
    "extract_text",
]
