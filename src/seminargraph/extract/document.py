"""Read a seminar page: strict UTF-8 plain text, or the visible text of an HTML page."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import SourceError
from ..textfile import decode_utf8, normalise_space

#: Largest page ``extract`` reads (bytes); a whole festival programme fits well within it.
MAX_PAGE_BYTES = 10 * 1024 * 1024

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters, and U+FFFE and U+FFFF, which are no characters at all: YAML cannot hold
# them, so a draft could not quote a sentence holding one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Private-use characters mark, in the visible text of an HTML page, where a heading starts and
# ends and where a block (blank line) or a line (line break) ends; whitespace between tags is
# not a line of its own.
_HEADING_START, _HEADING_END, _BLOCK, _BREAK = "\ue000", "\ue001", "\ue002", "\ue003"
_PRIVATE = re.compile("[\ue000-\ue003]")
#: Invisible marks that programmes carry from where they were written (zero-width spaces, the
#: direction marks, word joiners, a byte order mark inside the text): between words they are
#: spaces ("Grönberg, \u200eSenior Vice President" is read as "Grönberg, Senior …"). A soft
#: hyphen, shown only where a line breaks, is no part of the word it sits in.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_BREAKS = re.compile("[ \t]*[\ue002\ue003][\ue002\ue003 \t]*")
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav"}
_VOID_TAGS = {
    "br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "source", "embed",
    "track", "param", "keygen",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "dl",
    "table", "blockquote", "pre", "figure", "figcaption", "address", "form", "fieldset", "details",
    "summary", "body", "html", "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_LINE_TAGS = {"li", "dt", "dd", "tr", "caption", "label", "option"}


@dataclass(frozen=True)
class Page:
    """One input page: the text to extract from and to keep beside the draft."""

    name: str
    text: str
    is_html: bool = False
    title: str | None = None
    #: Line number (0-based, in ``text.splitlines()``) -> heading level, for HTML headings.
    headings: dict[int, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def read_page(path: Path, *, limit: int = MAX_PAGE_BYTES) -> Page:
    """Read a page from a file; refuse what is missing, too large, empty, binary or not UTF-8."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise SourceError("is not a file", path=path)
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path=path) from None
    if size > limit:
        raise SourceError(
            f"the file is {size:,} bytes, over the limit of {limit:,} for one page; "
            "split the programme into smaller files",
            path=path,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path=path) from None
    # UTF-16 is full of NUL bytes too, but decode_utf8 names it for what it is.
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        raise SourceError("holds NUL bytes: this is a binary file, not a text or HTML page", path=path)
    text = decode_utf8(data, path)
    return page_from_text(text, str(path), html=path.suffix.lower() in HTML_SUFFIXES or None)


def page_from_text(text: str, name: str = "<text>", *, html: bool | None = None) -> Page:
    """Make a page from text; ``html=None`` decides from the text whether it is HTML."""
    text, warnings = _clean(text, name)
    is_html = looks_like_html(text) if html is None else html
    if not is_html:
        return Page(name=name, text=text, warnings=warnings)
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    if parser.skip_tag is not None:
        warnings += (
            f"{name}: the hidden <{parser.skip_tag}> at line {parser.skip_line} is never closed; "
            "the text after it was not read",
        )
    visible, headings = _split_headings(parser.text())
    if not normalise_space(visible):
        raise SourceError("the HTML page has no visible text to extract from", path=name)
    title = normalise_space(parser.title) or None
    return Page(name=name, text=visible, is_html=True, title=title, headings=headings, warnings=warnings)


def looks_like_html(text: str) -> bool:
    """Say whether a text is an HTML page rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _clean(text: str, name: str) -> tuple[str, tuple[str, ...]]:
    if not normalise_space(text):
        raise SourceError("the file is empty (or only whitespace): there is nothing to extract", path=name)
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise SourceError(
            f"holds {controls} control characters: this looks like a binary file, not a text or HTML page",
            path=name,
        )
    warnings: list[str] = []
    if controls:
        # A few stray control characters come from copying out of other programs; a quote
        # holding one could not be checked against the text, so they become spaces.
        text = _CONTROL.sub(" ", text)
        warnings.append(f"{name}: replaced {controls} control character(s) or non-character(s) with spaces")
    if _PRIVATE.search(text):
        text = _PRIVATE.sub(" ", text)
    text = _INVISIBLE.sub(" ", text).replace("\u00ad", "")
    # Line and paragraph separators would split lines differently in different readers.
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return unicodedata.normalize("NFC", text), tuple(warnings)


class _VisibleText(HTMLParser):
    """Collect the text a browser shows, with line breaks where blocks and list items are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.in_title = False
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.skip_line = 0
        self.pre = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIPPED_TAGS or (tag not in _VOID_TAGS and _hidden(attrs)):
            self.skip_tag, self.skip_depth, self.skip_line = tag, 1, self.getpos()[0]
            return
        self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is None:
            self._open(tag)

    def _open(self, tag: str) -> None:
        if tag in ("br", "tr") or tag in _LINE_TAGS:
            self.parts.append(_BREAK)
        elif tag == "hr" or tag in _BLOCK_TAGS:
            self.parts.append(_BLOCK)
        elif tag in ("td", "th"):
            # Cells of a row are kept apart by " | ", as a name, a title and an organisation
            # in three cells are three parts of one entry.
            self.parts.append(" | " if self.cells else " ")
            self.cells += 1
        if tag == "tr":
            self.cells = 0
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append(_HEADING_START + tag[1])
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.parts.append(_HEADING_END + _BLOCK)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_BLOCK)
        elif tag in _LINE_TAGS:
            self.parts.append(_BREAK)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif self.skip_tag is None:
            # Browsers collapse runs of whitespace (but not no-break spaces) outside <pre>.
            self.parts.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        def breaks(match: re.Match[str]) -> str:
            return "\n\n" if _BLOCK in match.group() else "\n"

        return _BREAKS.sub(breaks, "".join(self.parts))


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    values = {name: (value or "") for name, value in attrs}
    style = values.get("style", "").replace(" ", "").lower()
    return (
        "hidden" in values
        or values.get("aria-hidden", "").lower() == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _split_headings(raw: str) -> tuple[str, dict[int, int]]:
    lines: list[str] = []
    headings: dict[int, int] = {}
    blank = True
    for line in raw.split("\n"):
        level = None
        if _HEADING_START in line:
            level = int(line[line.index(_HEADING_START) + 1])
            line = line.replace(_HEADING_START + str(level), "")
        line = line.replace(_HEADING_END, "").strip(" \t")
        if not line.strip():
            if not blank:
                lines.append("")
            blank = True
            continue
        if level is not None:
            headings[len(lines)] = level
        lines.append(line)
        blank = False
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n", headings
