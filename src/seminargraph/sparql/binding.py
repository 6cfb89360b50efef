"""Join parameter values into query text as VALUES blocks, for the engines that take no bindings."""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node

from ..errors import QueryParameterError
from .checks import _tokens


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
    tokens = _tokens(text)
    inserts: list[tuple[int, str]] = []
    for open_index in _pattern_groups(tokens):
        close_index = _matching(tokens, open_index)
        mentioned = {value[1:] for kind, value, _ in tokens[open_index:close_index] if kind == "var"}
        block = " ".join(
            f"VALUES ?{var} {{ {_n3(term)} }}" for var, term in sorted(bindings.items()) if var in mentioned
        )
        if block:
            inserts.append((tokens[open_index][2] + 1, " " + block))
    for position, block in sorted(inserts, reverse=True):
        text = text[:position] + block + text[position:]
    return text


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
