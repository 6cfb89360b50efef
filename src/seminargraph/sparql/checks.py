"""Refuse query texts that are too large, too deep, updates, or reach outside the store.

Every query run from outside (the command line's --sparql, the server, a notebook) passes
:func:`check_query` before any engine sees it.
"""

from __future__ import annotations

import functools
import os
import re
import threading

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery

from ..errors import QueryError

#: Longest query text accepted (characters).
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of { } accepted in a query.
MAX_QUERY_DEPTH = 64
#: Most operator characters (+ - * / ! = < > & | ^) and most groups { } a query may hold.
#: Oxigraph recurses down long expressions and UNION chains and crashes the whole process
#: somewhere past 5,000 terms or 8,000 groups; real queries hold a few dozen of each. The
#: environment variables SEMINARGRAPH_MAX_QUERY_OPERATORS and SEMINARGRAPH_MAX_QUERY_GROUPS
#: change them.
MAX_QUERY_OPERATORS = 2_000
MAX_QUERY_GROUPS = 1_000


_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r'|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)"
    r"|(?P<pname>(?:[A-Za-z][\w\-.]*)?:[\w\-%]*(?:\.[\w\-%]+)*)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<other>.)",
    re.DOTALL,
)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    return [(m.lastgroup or "other", m.group(), m.start()) for m in _TOKEN.finditer(text)]


_UPDATE_WORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "DROP",
    "CREATE",
    "ADD",
    "MOVE",
    "COPY",
    "WITH",
}


def check_query(text: str, *, allow_remote: bool = False, parse: bool = True, update: bool = False) -> None:
    """Refuse queries that are too large, too deep, updates, or reach outside the store.

    SERVICE, LOAD and FROM / FROM NAMED would make rdflib fetch from the network (even file:
    URLs); they are refused unless ``allow_remote`` is set. With ``parse`` false the syntax is
    left to the engine (rdflib's parser needs seconds for a long expression that Oxigraph reads at once).
    With ``update`` the text is checked as a SPARQL Update instead (of any length): all but LOAD may pass.
    """
    max_operators = _limit("SEMINARGRAPH_MAX_QUERY_OPERATORS", MAX_QUERY_OPERATORS)
    max_groups = _limit("SEMINARGRAPH_MAX_QUERY_GROUPS", MAX_QUERY_GROUPS)
    if update or len(text) > MAX_QUERY_CHARS:
        _check(text, allow_remote, parse, update, max_operators, max_groups)
    else:
        # The named queries and page queries are the same texts every time: checked once each
        # (a failure raises and is not cached).
        _check_cached(text, allow_remote, parse, update, max_operators, max_groups)


def _check(
    text: str, allow_remote: bool, parse: bool, update: bool, max_operators: int, max_groups: int
) -> None:
    if len(text) > MAX_QUERY_CHARS and not update:
        raise QueryError(f"the query is {len(text):,} characters long, over the limit of {MAX_QUERY_CHARS:,}")
    depth = brackets = operators = groups = 0
    for kind, value, _pos in _tokens(_expand_codepoints(text)):
        if kind == "open":
            depth += 1
            groups += 1
            if depth > MAX_QUERY_DEPTH:
                raise QueryError(f"the query nests {{ }} more than {MAX_QUERY_DEPTH} deep")
            if groups > max_groups and not update:
                raise QueryError(f"the query has more than {max_groups:,} groups {{ }}; split it")
        elif kind == "close":
            depth -= 1
        elif kind == "other":
            brackets += (value == "(") - (value == ")")
            if brackets > MAX_QUERY_DEPTH:
                raise QueryError(f"the query nests ( ) more than {MAX_QUERY_DEPTH} deep")
            operators += value in _OPERATORS
            if operators > max_operators and not update:
                raise QueryError(
                    f"the query has more than {max_operators:,} operators; "
                    "split it or use VALUES for long lists"
                )
        elif kind == "word":
            word = value.upper()
            if update and word == "LOAD" and not allow_remote:
                raise QueryError(
                    f"'{value}' would read from outside the store (the network or files); it is refused"
                )
            if word in _UPDATE_WORDS and not update:
                raise QueryError(
                    f"'{value}' is an update; only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are run here"
                )
            if word in ("SERVICE", "FROM") and not allow_remote:
                raise QueryError(
                    f"'{value}' would read from outside the store (the network or files); it is refused"
                )
    if parse and not update:
        _check_syntax(text)


_check_cached = functools.lru_cache(maxsize=256)(_check)
_PARSING = threading.Lock()


@functools.lru_cache(maxsize=128)
def _check_syntax(text: str) -> None:
    # rdflib's parser takes about a tenth of a second even for a short query, far longer than
    # Oxigraph takes to answer it; the named queries and page queries are the same texts every
    # time, so each is parsed once. Failures raise, and are not cached. One parse at a time:
    # pyparsing's grammar objects are shared and not thread-safe (threads that ran their first
    # queries at once failed inside the parser).
    try:
        with _PARSING:
            parseQuery(text)
    except ParseException as exc:
        raise QueryError(
            f"the query is not valid SPARQL at line {exc.lineno} column {exc.col}: {exc.msg}"
        ) from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to parse") from None


_OPERATORS = frozenset("+-*/!=<>&|^")


def _limit(variable: str, default: int) -> int:
    value = os.environ.get(variable, "")
    return int(value) if value.isdigit() else default


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _expand_codepoints(text: str) -> str:
    # SPARQL reads \uXXXX and \UXXXXXXXX escapes before parsing, anywhere in the text: rdflib
    # would run "\u0053ERVICE <...>" as SERVICE, so the checks look at the expanded text.
    def expand(match: re.Match[str]) -> str:
        code = int(match[1] or match[2], 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"'{match[0]}' is not a Unicode character")
        return chr(code)

    return _CODEPOINT.sub(expand, text)
