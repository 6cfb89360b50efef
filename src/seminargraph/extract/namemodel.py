"""A small trained model of how a person's name is written, against an organisation's or a place's.

The given-name lexicon decides most names: "Anna Berg" is a person because "Anna" is a given
name. A name whose given name the lexicon lacks ("Nisha Besara", "Saeid Esmaeilzadeh", "Domino
Kai") is read from its letters instead: this module scores two to four capitalised words by the
letter sequences of each word at its place in the name (the ends of Swedish, Finnish, English or
Persian surnames, the shapes of given names), with a logistic regression whose weights are in
``wordlists/name-model.json``.

The weights are trained by ``bench/train_name_model.py`` from the names of people (the
``speakers`` and contact columns) and of organisations and places (the ``organiser`` and
``place`` columns, and the organisations of the ``speakers`` column) in
``../shared/almedalsdata/``, leaving out every name written in a row of an annotated set. Only
letter sequences of at most four letters are kept, never a whole word, so no name of the data
is stored. Nothing is downloaded; the model is read once.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .tokens import is_first_name, is_initial, is_initials_name, tokenize

MODEL_FILE = "name-model.json"
#: The shortest and longest letter sequences the model reads in a word (its ends marked).
SHORTEST, LONGEST = 2, 4


def features(words: tuple[str, ...]) -> list[str]:
    """What the model reads of a name: each word's letter sequences, by the word's place in the
    name (first, inner, last), and the number of words."""
    out = [f"words={len(words)}"]
    for k, word in enumerate(words):
        place = "f" if k == 0 else "l" if k == len(words) - 1 else "i"
        low = f"<{word.casefold()}>"
        if "-" in word:
            out.append(f"{place}:hyphen")
        if word.isupper():
            out.append(f"{place}:capitals")
        for n in range(SHORTEST, LONGEST + 1):
            out.extend(f"{place}:{low[i : i + n]}" for i in range(len(low) - n + 1))
    return out


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float  # at or above: written as a person's name
    lowercase: frozenset[str] = frozenset()  # words the programme's prose writes in lowercase

    def probability(self, words: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(words))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model() -> Model | None:
    """The shipped model, or None when the package holds none."""
    source = resources.files("seminargraph.extract").joinpath("wordlists", MODEL_FILE)
    if not source.is_file():
        return None
    data = json.loads(source.read_text("utf-8"))
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    lowercase = frozenset(str(word) for word in data.get("lowercase", ()))
    return Model(weights, float(data["bias"]), float(data["threshold"]), lowercase)


@lru_cache(maxsize=65536)
def written_as_person(name: str) -> bool:
    """Say whether the model reads ``name`` (two to four words) as a person's name."""
    shipped = model()
    words = tuple(name.split())
    if shipped is None or not 2 <= len(words) <= 4:
        return False
    if any(word.casefold() in shipped.lowercase for word in words):
        return False  # "Main Hall", "Hela Sverige": a word prose writes in lowercase
    return shipped.probability(words) >= shipped.threshold


def read_by_model(name: str) -> bool:
    """Say whether ``name`` is a person's only because the model reads it so: its given name is
    not in the lexicon (nor initials) and the model reads its letters as a person's name."""
    tokens = tokenize(name, 0)
    given = next((t for t in tokens if not is_initial(t)), None)
    if given is None or is_first_name(given) or is_initials_name(given):
        return False
    return written_as_person(" ".join(t.text for t in tokens))
