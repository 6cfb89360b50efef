"""The word lists the rules rely on, read once from the text files in ``extract/wordlists/``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .roles import role


@dataclass(frozen=True)
class WordList:
    """Whole words and word endings read from one list file."""

    whole: frozenset[str]
    endings: frozenset[str]
    continued: frozenset[str] = frozenset()
    whole_only: frozenset[str] = frozenset()

    def matches_whole(self, word: str) -> bool:
        """Say whether ``word`` is in the list as a whole word ("=word" lines only)."""
        return fold(word) in self.whole_only

    def matches(self, word: str) -> bool:
        """Say whether ``word`` (any case) is in the list or ends in one of its endings."""
        low = fold(word)
        if low in self.whole or low in self.continued:
            return True
        return any(low[-k:] in self.endings for k in range(1, len(low)))


def fold(word: str) -> str:
    """Lowercase and compose a word for lookups."""
    return unicodedata.normalize("NFC", word).casefold()


def _lines(name: str) -> list[str]:
    text = resources.files("seminargraph.extract").joinpath("wordlists", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _word_list(name: str) -> WordList:
    whole: set[str] = set()
    endings: list[str] = []
    continued: set[str] = set()
    for line in _lines(name):
        marker, word = line[0], fold(line[1:])
        if marker == "=":
            whole.add(word)
        elif marker == "-":
            endings.append(word)
            whole.add(word)
        elif marker == "+":
            continued.add(word)
        else:
            raise ValueError(f"{name}: a line must start with =, - or +: {line!r}")
    return WordList(
        frozenset(whole), frozenset(endings), frozenset(continued), frozenset(whole - set(endings))
    )


@cache
def _plain_words(name: str) -> frozenset[str]:
    return frozenset(fold(word) for line in _lines(name) for word in line.split())


@cache
def first_names() -> frozenset[str]:
    """Given names, lowercase: the hand-made list and the given-name lexicon built from open sources."""
    return _plain_words("first-names.txt") | _plain_words("given-names.txt")


def common_words() -> frozenset[str]:
    """Capitalised words that never begin a person's name."""
    return _plain_words("common-words.txt")


def swedish_titles() -> WordList:
    return _word_list("titles-sv.txt")


def english_titles() -> WordList:
    return _word_list("titles-en.txt")


def organisation_words() -> WordList:
    return _word_list("org-words.txt")


Roles = tuple[str | None, str | None]


@cache
def list_labels() -> dict[Roles, tuple[str, ...]]:
    """Labels that open a list, by the roles (of people, of organisations) of what they list."""
    labels: dict[Roles, list[str]] = {}
    current: list[str] | None = None
    for line in _lines("labels.txt"):
        if line.startswith("@"):
            people, organisations = line[1:].split()
            key = (_role_or_none(people), _role_or_none(organisations))
            current = labels.setdefault(key, [])
        elif current is None:
            raise ValueError(f"labels.txt: a label before the first '@ roles' line: {line!r}")
        else:
            current.append(fold(line))
    return {key: tuple(words) for key, words in labels.items()}


@cache
def role_words() -> dict[str, str]:
    """Words that name a role on their own ("moderator", "keynote speaker") and that role."""
    found: dict[str, str] = {}
    for line in _lines("role-words.txt"):
        word, _, name = line.partition(" = ")
        found[fold(word)] = role(name.strip())
    return found


@cache
def session_words() -> frozenset[str]:
    """Kinds of session that may come before a session's title ("Panel: Who pays?")."""
    return frozenset(fold(line) for line in _lines("session-words.txt"))


@cache
def subject_words() -> dict[str, frozenset[str]]:
    """The word groups of ``subject-words.txt`` ("not-verbs", "discussing"), lowercase."""
    groups: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in _lines("subject-words.txt"):
        if line.startswith("@"):
            current = groups.setdefault(line[1:].strip(), set())
        elif current is None:
            raise ValueError(f"subject-words.txt: a word before the first '@ group' line: {line!r}")
        else:
            current.add(fold(line))
    return {name: frozenset(words) for name, words in groups.items()}


def _role_or_none(name: str) -> str | None:
    return None if name == "-" else role(name)
