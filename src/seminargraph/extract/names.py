"""Person names found by their shape and the given-name lexicon, wherever they are in a text.

A name here is two to four name words (``tokens.name_length``: capitalised words, initials,
particles) whose given name is in the lexicon (``wordlists/given-names.txt`` and
``first-names.txt``), and which is not a genitive ("Astrid Lindgrens barnbarn") nor the start
of a longer capitalised run ("Anna Lindh Foundation"). The context rules of ``collect`` decide
which of them take part; the others are reported as seen but not placed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .namemodel import written_as_person
from .tokens import (
    Token,
    is_capitalised,
    is_common,
    is_definite_body,
    is_first_name,
    is_honorific,
    is_initial,
    is_organisation_word,
    is_title_word,
    name_length,
    organisation_ahead,
    role_word,
    tokenize,
)

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class NameSeen:
    """A person's name found by its shape: its span and its given name."""

    start: int
    end: int
    given: str
    known: bool = True  # the given name is in the lexicon


def names_in(text: str, start: int, end: int, *, known_only: bool = True) -> list[NameSeen]:
    """Every name with a known given name in ``text[start:end]``, in order, without overlaps
    (with ``known_only=False`` also names of that shape whose given name the lexicon lacks)."""
    tokens = tokenize(text[start:end], start)
    found: list[NameSeen] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper():
            i += 1  # a name begins with a capital or an initial
            continue
        length = name_length(tokens, i)
        if not length or (i and _joined(tokens, i)):
            i += 1
            continue
        words = tokens[i : i + length]
        given = next((t for t in words if not is_initial(t)), words[0])
        after = tokens[i + length] if i + length < len(tokens) else None
        # ("Richard Murray Förbundet för Ekoparken": an organisation's word in the definite form
        # after the name begins the organisation, it does not run on with the name.)
        runs_on = (
            after is not None
            and after.start - words[-1].end == 1
            and is_capitalised(after)
            and not is_definite_body(after)
            # ("Bo Jansson Lärarnas Riksförbund", "… Gidlund Teach for Sweden": an organisation
            # begins after the name)
            and not organisation_ahead(tokens, i + length)
        )
        last = words[-1].text
        genitive = last.endswith(("'s", "’s")) or (
            last.endswith("s")
            and after is not None
            and after.text.islower()
            and after.start - words[-1].end == 1
            and _possessed(tokens, i + length)
        )
        if not genitive and len(words) > 1 and _swedish_genitive(last) and after is not None:
            # "Jan Strömdahls erfarenheter", "Dan Anderssons (fd chefsekonom) rapport": a Swedish
            # surname and the "s" of the genitive, before a lowercase word or a parenthesis.
            gap = text[words[-1].end : after.start]
            genitive = (gap == " " and after.text.islower()) or gap.strip() == "("
        # A given name the lexicon lacks: the name model reads the whole name's letters.
        known = is_first_name(given) or written_as_person(" ".join(t.text for t in words))
        # "Elisabeth Ohlson Wallins uttrycksfulla fotografier": the page names her without the
        # "s" too, so this is her name in the genitive.
        genitive = genitive or named_without_s(text, words[0].start, words[-1].end, after)
        if (known or not known_only) and not runs_on and not genitive:
            found.append(NameSeen(words[0].start, words[-1].end, given.text, known))
        i += length
    return found


def named_without_s(text: str, start: int, end: int, after: Token | None) -> bool:
    """Say whether the name at ``start:end`` is in the genitive because the page also writes it
    without its last "s": the name ends in "s", the word ``after`` it is lowercase ("Elisabeth
    Ohlson Wallins fotografier"), and the name without the "s" is written elsewhere, not as the
    beginning of a longer word."""
    if text[end - 1 : end] != "s" or after is None or not after.text.islower():
        return False
    stem = re.escape(text[start : end - 1]) + r"(?![^\W\d_])"
    return any(found.start() != start for found in re.finditer(stem, text))


def _joined(tokens: list[Token], i: int) -> bool:
    # "Stora Enso Anna Berg": a name right after another capitalised word is part of that run.
    # "Moderator Mattias Olsson", "Professor Eleonora Narvselius", "Om Anna Berg": a title, a
    # role, an honorific or a common word before the name does not join it.
    before = tokens[i - 1]
    if tokens[i].start - before.end != 1 or not before.text[:1].isupper() or before.text.isupper():
        return False
    if _descriptor(before) and is_first_name(tokens[i]):
        return False  # "Radioprofilen Erik Blix", "YouToubern Henrik Jönsson": a noun in the definite form
    return not (is_title_word(before) or role_word(before.text) or is_honorific(before) or is_common(before))


def _descriptor(token: Token) -> bool:
    """A Swedish noun in the definite form ("Radioprofilen", "Forskarna"), no organisation word."""
    low = token.lower
    return len(low) > 5 and low.endswith(("en", "arna", "erna", "orna")) and not is_organisation_word(token)


def _swedish_genitive(word: str) -> bool:
    """Say whether a surname ends as a Swedish surname in the genitive does ("Anderssons",
    "Strömdahls", "Lindqvists"); no Swedish surname of these shapes ends in "s" itself."""
    return word.endswith("s") and word[:-1].lower().endswith(_SURNAME_ENDS)


_SURNAME_ENDS = (
    *("son", "berg", "ström", "dahl", "dal", "lund", "qvist", "kvist", "gren", "holm", "mark"),
    *("stedt", "stad", "blad", "borg", "man", "hed", "sjö", "löf", "fors", "bäck", "vall", "ling"),
)


def _possessed(tokens: list[Token], i: int) -> bool:
    # "Astrid Lindgrens barnbarn Olof": a lowercase noun and a name after it.
    return i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()


@lru_cache(maxsize=65536)
def names_on_line(text: str, start: int, end: int) -> tuple[NameSeen, ...]:
    """``names_in`` for one line of a page, unknown given names too, computed once (sections and
    the report both ask)."""
    return tuple(names_in(text, start, end, known_only=False))
