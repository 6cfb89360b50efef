"""Join parameter values into query text as VALUES blocks, for the engines that take no bindings."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node

from ..errors import QueryParameterError
from .checks import MAX_QUERY_CHARS, _tokens


def bind(text: str, bindings: Mapping[str, Node]) -> str:
    """Join ``bindings`` into every group of ``text`` that mentions their variables.

    Each group pattern ``{ ... }`` that mentions a bound variable starts with a one-row
    ``VALUES`` block for it, so the value is seen wherever the variable is, in subqueries,
    OPTIONAL and FILTER EXISTS groups too: the effect of substituting the term for the variable.
    The values are RDF terms written out by rdflib (which escapes them), never raw strings.

    >>> from rdflib import Literal
    >>> bind("SELECT ?x WHERE { ?x ?p ?lang }", {"lang": Literal("sv")})
    'SELECT ?x WHERE { VALUES ?lang { "sv" } ?x ?p ?lang }'
    """
    if not bindings:
        return text
    groups = _groups_cached(text) if len(text) <= MAX_QUERY_CHARS else _groups(text)
    blocks = [(var, f"VALUES ?{var} {{ {_n3(term)} }}") for var, term in sorted(bindings.items())]
    inserts: list[tuple[int, str]] = []
    for position, mentioned in groups:
        block = " ".join(values for var, values in blocks if var in mentioned)
        if block:
            inserts.append((position, " " + block))
    for position, block in sorted(inserts, reverse=True):
        text = text[:position] + block + text[position:]
    return text


def _groups(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """Where each group pattern of ``text`` opens, and the variables a VALUES block there is for."""
    tokens = _tokens(text)
    found = []
    for open_index in _pattern_groups(tokens):
        close_index = _matching(tokens, open_index)
        mentioned = {value[1:] for kind, value, _ in tokens[open_index:close_index] if kind == "var"}
        if _follows_optional(tokens, open_index):
            mentioned -= _only_in_filters(tokens, open_index, close_index)
        found.append((tokens[open_index][2] + 1, frozenset(mentioned)))
    return tuple(found)


# The named queries and page queries are the same texts every time: analysed once each.
_groups_cached = functools.lru_cache(maxsize=256)(_groups)


def _follows_optional(tokens: list[tuple[str, str, int]], open_index: int) -> bool:
    for kind, value, _ in reversed(tokens[:open_index]):
        if kind == "comment" or value.isspace():
            continue
        return kind == "word" and value.upper() == "OPTIONAL"
    return False


def _only_in_filters(tokens: list[tuple[str, str, int]], open_index: int, close_index: int) -> set[str]:
    """The variables an OPTIONAL group mentions only inside its own FILTERs (EXISTS groups included).

    Such a group needs no VALUES of its own: the FILTERs of an OPTIONAL group are the condition of
    the left join, evaluated on the joined row, where the enclosing group (which gets the VALUES)
    has bound the variable already. Left out, the group stays a pattern Oxigraph evaluates row by
    row; with a VALUES block of a variable its patterns do not use, Oxigraph evaluates it on its
    own, over the whole store (every name, for the label choice), and joins afterwards.
    """
    inside: set[str] = set()
    outside: set[str] = set()
    depth = parens = 0
    in_filter = opened = False
    for kind, value, _ in tokens[open_index + 1 : close_index]:
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if in_filter and depth == 0 and parens == 0:
                in_filter = False  # FILTER [NOT] EXISTS { ... } ends with its group
        elif kind == "word" and value.upper() == "FILTER" and depth == 0 and not in_filter:
            in_filter, opened = True, False
        elif in_filter and depth == 0 and value in "()":
            parens += 1 if value == "(" else -1
            opened = True
            if parens == 0 and opened:
                in_filter = False
        elif kind == "var":
            (inside if in_filter else outside).add(value[1:])
    return inside - outside


def _n3(term: Node) -> str:
    if isinstance(term, URIRef):
        value = str(term)
        if re.search(r'[<>"{}|^`\\\x00-\x20]', value):
            raise QueryParameterError(f"'{value}' is not a valid IRI")
    return term.n3()


def _pattern_groups(tokens: list[tuple[str, str, int]]) -> list[int]:
    # Every "{" that opens a group graph pattern: not the data block of VALUES, not the
    # template of CONSTRUCT (including the short form CONSTRUCT WHERE { ... }), and not the
    # braces around a subquery (its own WHERE group gets the values).
    groups = []
    skip_next = False
    previous_word = ""
    for index, (kind, value, _) in enumerate(tokens):
        if kind == "word":
            word = value.upper()
            if word == "VALUES" or word == "CONSTRUCT":
                skip_next = True
            elif word == "WHERE" and previous_word != "CONSTRUCT":
                skip_next = False
            previous_word = word
        elif kind == "open":
            following = next(
                (t for t in tokens[index + 1 :] if t[0] != "comment" and not t[1].isspace()), None
            )
            opens_subquery = following is not None and following[1].upper() == "SELECT"
            if skip_next:
                skip_next = False
            elif not opens_subquery:
                groups.append(index)
    return groups


def _matching(tokens: list[tuple[str, str, int]], open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(tokens)):
        kind = tokens[index][0]
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens)
