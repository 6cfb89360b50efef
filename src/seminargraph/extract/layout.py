"""The shape of a page: lines and blocks with offsets in the normalised text, headings, labels.

Every offset is a position in the *normalised* text: the page text with every run of
whitespace (line breaks and no-break spaces too) made one space, which is the text the
authoring loader checks quotes against and the graph stores. Lines of the page are joined by
exactly one space there, so a line or a run of lines is always one slice of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..textfile import normalise_space
from .document import Page
from .labels import Label, match_label

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_CLOCK = re.compile(r"\b\d{1,2}[.:]\d{2}\b|\bkl\.?\s*\d|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}\b")
_DATE = re.compile(
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*\s+\d{1,2}\b",
    re.IGNORECASE,
)
_LEADING_TIME = re.compile(
    r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s*[-–:]?\s+(?=\S)", re.IGNORECASE
)
_ABBREVIATIONS = {
    "bl.a", "t.ex", "m.fl", "m.m", "o.s.v", "osv", "kl", "ca", "resp", "dvs", "d.v.s", "jfr", "s.k",
    "fr.o.m", "t.o.m", "f.d", "dr", "prof", "mr", "mrs", "ms", "st", "nr", "no", "vol", "inc", "ltd",
    "jr", "sr", "e.g", "i.e", "etc", "vs", "tel", "ev", "ordf", "doc", "ass", "tf", "t.f", "bitr",
    "gen", "sek", "kungl", "generaldir", "projektled", "chefred", "sekr", "mod", "fd", "styrelseled",
    "p.g.a", "pga", "inkl", "exkl", "ang", "enl", "jan", "feb", "aug", "sept", "okt",
    "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "approx", "dept", "univ", "rev",
}  # fmt: skip
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"”’)]*\s+(?=[\"“”'‘(–—-]?[A-ZÅÄÖÆØÜÉ0-9])"
    # "… goda nationella exempel.Kjell Stjernholm berättar": a full stop with no space after it,
    # between a word and a capitalised one
    r"|(?<=[a-zåäö]{3})\.(?=[A-ZÅÄÖ][a-zåäö]{2})"
    # "… under den grumliga ytan.(Sture Hansson, Tina Elfwing m fl)": a parenthesis right after it
    r"|(?<=[a-zåäö]{3})\.(?=\([A-ZÅÄÖ][a-zåäö]{2})"
)


_DOTTED = re.compile(r"(?:[a-zåäö]\.)+[a-zåäö]")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page."""

    number: int  # 0-based line number in the page text
    start: int  # offsets in the normalised text
    end: int
    text: str  # the normalised line, equal to the normalised text [start:end]
    block: int  # lines with no blank line between them share a block
    heading: int | None  # heading level given by HTML or Markdown markup
    label: Label | None
    # A row of a table whose header names columns of people ("Time | Session | Speakers |
    # Moderator"): the header's cells, lowercased, one per cell of the row.
    columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Layout:
    """The normalised text of a page and its lines."""

    text: str
    lines: tuple[Line, ...]

    def blocks(self) -> list[list[Line]]:
        """Group the lines into blocks, in order."""
        groups: list[list[Line]] = []
        for line in self.lines:
            if groups and groups[-1][0].block == line.block:
                groups[-1].append(line)
            else:
                groups.append([line])
        return groups


def lay_out(page: Page) -> Layout:
    """Split a page into lines and blocks, with offsets into its normalised text."""
    lines: list[Line] = []
    pieces: list[str] = []
    position = 0
    block = 0
    for number, raw in enumerate(page.text.splitlines()):
        text = normalise_space(raw)
        if not text:
            block += 1
            continue
        if pieces:
            position += 1
        level = page.headings.get(number)
        markdown = _MARKDOWN_HEADING.match(text)
        if level is None and markdown and not page.is_html:
            level = len(markdown.group(1))
        label = match_label(text) if level is None or _only_label(text) else None
        lines.append(Line(number, position, position + len(text), text, block, level, label))
        pieces.append(text)
        position += len(text)
    normalised = " ".join(pieces)
    return Layout(normalised, tuple(_table_rows(lines)))


def _table_rows(lines: list[Line]) -> list[Line]:
    """Give the rows under a header naming columns of people ("Speakers", "Moderator") its columns."""
    header: tuple[str, ...] | None = None
    block = -1
    for k, line in enumerate(lines):
        cells = tuple(cell.strip().lower() for cell in line.text.split(" | "))
        if header is not None and line.block == block and len(cells) == len(header):
            lines[k] = replace(line, columns=header)
            continue
        header = None
        if line.label is None and people_columns(cells):
            header, block = cells, line.block
    return lines


def people_columns(cells: tuple[str, ...]) -> dict[int, Label]:
    """The columns of a table header that hold people, with the label each gives them.

    Only a header whose first column is not the people's own ("Namn | Titel | Organisation" is
    a list of people, one a row) and whose cells are all short words.
    """
    if len(cells) < 2 or any(not cell or len(cell) > 30 for cell in cells):
        return {}
    found = {}
    for k, cell in enumerate(cells):
        label = match_label(cell + ":")
        if label is not None and label.kind == "people" and k > 0:
            found[k] = replace(label, content_start=0)
    return found


def _only_label(text: str) -> bool:
    # An HTML or Markdown heading is a label only when it holds nothing but the label word
    # ("<h2>Medverkande</h2>"); "## Panel: Vem har råd med kulturen?" is a heading.
    label = match_label(text)
    return label is not None and label.content_start >= len(text)


def is_meta_line(text: str) -> bool:
    """Say whether a line gives a time, date or place rather than a title."""
    return bool(_CLOCK.search(text) or _DATE.search(text))


def looks_like_heading(line: Line, alone: bool, top: bool = False) -> bool:
    """Say whether a plain line has the shape of a heading (a title on a line of its own).

    ``top``: the page's first line, alone in its paragraph, which may hold two sentences ("The rise
    of the rest. How emerging economies change our world").
    """
    text = line.text.strip("*_# ")
    if not text or not alone:
        return False
    if len(text) > 150 or len(text.split()) > 20 or text[-1] in ",;:" or is_meta_line(text):
        return False
    if text[-1] == "." and not (top and (re.search(r"[?!] [A-ZÅÄÖ]", text) or ". " not in text)):
        return False  # (a page's title may end with a full stop, and one that asks and goes on)
    if (re.search(r"\. [A-ZÅÄÖ]", text) and not top) or "@" in text or "http" in text:
        return False
    if (
        not top
        and re.search(r"[!?] [A-ZÅÄÖ]", text)
        and (len(text.split()) > 16 or (not text.endswith(("?", "!")) and len(text) > 90))
    ):
        return False  # a title may ask and go on: "Men rättstryggheten då? Så skyddar vi kvinnor …"
    # Swedish opens a quotation with "”" too: '”Can politics stimulate entrepreneurship?”' as a
    # page's title (inside a page, such a line is more often a quoted slogan).
    first = text.lstrip("\"“'‘«" + ("”’»" if top else ""))[:1]
    return first.isupper() or first.isdigit()


def heading_title(text: str) -> str:
    """Return the title a heading line gives: without Markdown marks, emphasis or a leading time."""
    title = _MARKDOWN_HEADING.sub("", text).strip("*_ ")
    return _LEADING_TIME.sub("", title).strip() or title


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; returns (start, end) offsets, shifted by ``offset``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(" ", 1)[-1].lstrip('("“').lower()
        if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
            continue
        if "." in before and _DOTTED.fullmatch(before):
            continue
        end = match.start() + len(match.group().rstrip())
        spans.append((offset + start, offset + end))
        start = match.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return [(s, e) for s, e in spans if e > s]
