"""Read text input safely: strict UTF-8 with a located error, size limits, clean strings."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import SourceError

#: Largest authored YAML file we read (bytes).
MAX_YAML_BYTES = 5 * 1024 * 1024
#: Largest source text or RDF file we read (bytes).
MAX_TEXT_BYTES = 100 * 1024 * 1024
#: Characters XML 1.0 cannot hold (controls, lone surrogates, U+FFFE, U+FFFF): GraphML and GEXF, and
#: the network page (UTF-8 HTML), write U+FFFD in their place.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_SPACE = re.compile(r"\s+")
# C0 and C1 controls except tab, newline and carriage return; also DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


#: The environment variable that, set to a number of bytes, replaces every input file's size limit.
LIMIT_VARIABLE = "SEMINARGRAPH_MAX_INPUT_BYTES"


def size_limit(default: int) -> int:
    """The size limit of an input file: ``default``, unless SEMINARGRAPH_MAX_INPUT_BYTES says otherwise."""
    value = os.environ.get(LIMIT_VARIABLE, "").strip()
    return int(value) if value.isdigit() else default


def read_text(path: Path, *, limit: int = MAX_TEXT_BYTES) -> str:
    """Return the text of a UTF-8 file, or raise SourceError saying where it is not UTF-8.

    Every input file is read here (authored YAML, source texts, RDF, programme tables and their
    mappings): its size checked against ``limit`` (see :func:`size_limit`) before it is read.
    """
    limit = size_limit(limit)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path=path) from None
    if size > limit:
        raise SourceError(
            f"the file is {size:,} bytes, over the limit of {limit:,}; split it into smaller files "
            f"(or raise the limit with {LIMIT_VARIABLE})",
            path=path,
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path=path) from None
    return decode_utf8(data, path)


def decode_utf8(data: bytes, path: Path | str) -> str:
    """Decode strict UTF-8; refuse byte-order marks, UTF-16 and NUL bytes with a location."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            "not UTF-8 at line 1 column 1: the file looks like UTF-16; save it as UTF-8", path=path
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise SourceError(
            "not UTF-8 at line 1 column 1: the file starts with a byte-order mark; "
            "save it as UTF-8 without BOM",
            path=path,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise SourceError(
            f"not UTF-8 at line {line} column {column} (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8",
            path=path,
            line=line,
            column=column,
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _position(data, len(text[:nul].encode("utf-8")))
        raise SourceError(
            f"a NUL byte at line {line} column {column}: this is not a text file",
            path=path,
            line=line,
            column=column,
        )
    return text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (no-break spaces too) into one space, and strip.

    >>> normalise_space("I\\u00a0detta  samtal\\n deltog")
    'I detta samtal deltog'
    """
    return _SPACE.sub(" ", text).strip()


def clean_text(text: str, path: Path | str) -> str:
    """Return a whole text in NFC; raise SourceError at the line and column of a control character.

    Whitespace controls (tab, form feed, ...) pass: normalising whitespace turns them into spaces.
    Others would reach the graph, and RDF/XML cannot hold them.
    """
    for match in _CONTROL.finditer(text):
        if not match.group().isspace():
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - text.rfind("\n", 0, match.start())
            raise SourceError(
                f"the control character U+{ord(match.group()):04X} at line {line} column {column}; remove it",
                path=path,
                line=line,
                column=column,
            )
    return unicodedata.normalize("NFC", text)


def clean_string(value: str) -> str:
    """Return ``value`` in NFC; raise ValueError on control characters or lone surrogates."""
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate (broken Unicode)")
    match = _CONTROL.search(value)
    if match:
        raise ValueError(f"contains the control character U+{ord(match.group()):04X}")
    return unicodedata.normalize("NFC", value)
