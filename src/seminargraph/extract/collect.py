"""Find the people and organisations named in the lines of one section, with their quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import EITHER, POST, PRE, Cue, find_cues
from .entries import Mention, begins_with_person, read_entries
from .labels import Label, match_label
from .layout import Line, sentences

Span = tuple[int, int]
_CLAUSE_MARK = re.compile(r" (?:att|när|då|där|medan|innan|efter att|while|when|where|after) |: | – | — ")
_BULLET = re.compile(r"^[-•*·–—]\s*")

#: How sure each way of finding a participant is, before the name itself is weighed.
BASE_CONFIDENCE = {"label": 0.9, "post": 0.85, "pre": 0.8}


@dataclass(frozen=True)
class Found:
    """A mention with the role it was given, the quote that states it and how it was found."""

    mention: Mention
    role: str
    quote: Span
    more: tuple[Span, ...]
    how: str  # label | post | pre


def collect(text: str, lines: list[Line]) -> list[Found]:
    """Find every participant named in ``lines`` (label lists, list lines and prose)."""
    found: list[Found] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        label = line.label
        if label is not None and label.kind in ("people", "organisations"):
            inline = line.start + label.content_start
            if inline < line.end:
                found.extend(_region(text, inline, line.end, label, _quote(text, line), (), True))
                i += 1
                continue
            entries = _following(text, lines, i)
            for entry in entries:
                found.extend(
                    _region(
                        text, entry.start, entry.end, label, _quote(text, entry), (line_span(line),), True
                    )
                )
            i += 1 + len(entries)
            continue
        if label is not None or line.heading is not None:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].block == line.block and lines[j].label is None:
            j += 1
        prose, pending = _prose(text, lines[i].start, lines[j - 1].end)
        found.extend(prose)
        if pending is not None:
            # "I panelen sitter:" followed by one person a line.
            entries = _following(text, lines, j - 1)
            quote = (lines[j - 1].start, lines[j - 1].end)
            for entry in entries:
                found.extend(
                    _region(text, entry.start, entry.end, pending, _quote(text, entry), (quote,), True)
                )
            j += len(entries)
        i = j
    return found


def line_span(line: Line) -> Span:
    return line.start, line.end


def _quote(text: str, line: Line) -> Span:
    bullet = _BULLET.match(line.text)
    return (line.start + (bullet.end() if bullet else 0), line.end)


def _following(text: str, lines: list[Line], i: int) -> list[Line]:
    """Return the list lines after the label line ``lines[i]``: the rest of its block, or the next block.

    When entries stand one a paragraph ("<p>" each, or blank lines between), the following
    one-line blocks that begin with a person's name belong to the list too.
    """
    if i + 1 >= len(lines):
        return []
    block = lines[i + 1].block
    taken: list[Line] = []
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if line.label is not None or line.heading is not None:
            break
        if line.block != block:
            alone = len(taken) == 1 or taken[-1].block != taken[-2].block
            next_alone = k + 1 == len(lines) or lines[k + 1].block != line.block
            if not (alone and next_alone and begins_with_person(text, line.start, line.end)):
                break
            block = line.block
        taken.append(line)
    return taken


def _region(
    text: str, start: int, end: int, label: Label | Cue, quote: Span, more: tuple[Span, ...], listed: bool
) -> list[Found]:
    organisation_role = label.organisation_role
    person_role = label.person_role
    only_orgs = isinstance(label, Label) and label.kind == "organisations"
    if organisation_role is None:
        allowed = "none"
    elif isinstance(label, Label) and (person_role == "organiser" or only_orgs):
        allowed = "any"
    else:
        allowed = "marked"
    mentions = read_entries(
        text, start, end, organisations=allowed, only_organisations=only_orgs, list_line=listed
    )
    how = "label" if isinstance(label, Label) else "post"
    return _with_roles(mentions, person_role, organisation_role, quote, more, how)


def _with_roles(
    mentions: list[Mention],
    person_role: str | None,
    organisation_role: str | None,
    quote: Span,
    more: tuple[Span, ...],
    how: str,
) -> list[Found]:
    found = []
    for mention in mentions:
        role = (mention.role or person_role) if mention.kind == "person" else organisation_role
        if role is not None:
            found.append(Found(mention, role, quote, more, how))
    return found


def _prose(text: str, start: int, end: int) -> tuple[list[Found], Cue | Label | None]:
    found: list[Found] = []
    pending: Cue | Label | None = None
    for s_start, s_end in sentences(text[start:end], start):
        sentence = (s_start, s_end)
        label = match_label(text[s_start:s_end])
        if label is not None and label.kind == "people":
            inline = s_start + label.content_start
            if inline < s_end:
                found.extend(_region(text, inline, s_end, label, sentence, (), False))
            else:
                pending = label
            continue
        cues = find_cues(text[s_start:s_end], s_start)
        pending = None
        for k, match in enumerate(cues):
            after_end = cues[k + 1].start if k + 1 < len(cues) else s_end
            before_start = cues[k - 1].end if k else s_start
            cue = match.cue
            if cue.direction in (POST, EITHER):
                region = _region(text, match.end, after_end, cue, sentence, (), False)
                found.extend(region)
                if not region and not text[match.end : after_end].strip(" :") and text[s_end - 1] == ":":
                    pending = cue
            if cue.direction in (PRE, EITHER):
                clause = before_start
                for mark in _CLAUSE_MARK.finditer(text, before_start, match.start):
                    clause = mark.end()
                mentions = read_entries(text, clause, match.start, organisations="none")
                found.extend(_with_roles(mentions, cue.person_role, None, sentence, (), "pre"))
    return found, pending
