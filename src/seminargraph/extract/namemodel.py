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

from ..errors import SourceError
from .tokens import is_first_name, is_initial, is_initials_name, tokenize

MODEL_FILE = "name-model.json"
#: Where a cue or a label says people are named ("Moderator är X", "samtal med X"), a name the
#: lexicon lacks is a person's from this probability on (the model's own threshold holds
#: elsewhere): about 0.99 of held-out people and 0.07 of organisations and places reach it.
CUE_THRESHOLD = 0.5
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
    return load_model(source.read_text("utf-8"), str(source))


def load_model(text: str, where: str) -> Model:
    """Read a model file's text (``where`` names the file in an error). Raises SourceError when
    the text is not a model file, naming the field that is wrong."""
    retrain = "train the model again with bench/train_name_model.py, or restore the file"
    try:
        data = json.loads(text)
    except ValueError as error:
        raise SourceError(f"the name model is not JSON ({error}); {retrain}", path=where) from None
    if not isinstance(data, dict):
        raise SourceError(f"the name model is not a JSON object; {retrain}", path=where)
    for key, kind in (("weights", dict), ("bias", (int, float)), ("threshold", (int, float))):
        if not isinstance(data.get(key), kind) or isinstance(data.get(key), bool):
            raise SourceError(f"missing or of the wrong type; {retrain}", path=where, field=key)
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except (TypeError, ValueError):
        raise SourceError(f"a weight is not a number; {retrain}", path=where, field="weights") from None
    lowercase = data.get("lowercase", [])
    if not isinstance(lowercase, list) or not all(isinstance(word, str) for word in lowercase):
        raise SourceError(f"not a list of words; {retrain}", path=where, field="lowercase")
    return Model(weights, float(data["bias"]), float(data["threshold"]), frozenset(lowercase))


@lru_cache(maxsize=65536)
def probability(name: str) -> float | None:
    """The model's probability that ``name`` (two to four words) is a person's name; None when
    the package holds no model, the name has another length, or one of its words is one that
    prose writes in lowercase ("Main Hall", "Hela Sverige")."""
    shipped = model()
    words = tuple(name.split())
    if shipped is None or not 2 <= len(words) <= 4:
        return None
    if any(word.casefold() in shipped.lowercase for word in words):
        return None
    return shipped.probability(words)


def written_as_person(name: str) -> bool:
    """Say whether the model reads ``name`` as a person's name, wherever it is written."""
    shipped, p = model(), probability(name)
    return shipped is not None and p is not None and p >= shipped.threshold


def likely_person(name: str) -> bool:
    """Say whether the model reads ``name`` as a person's name where a cue or label says people
    are named (``CUE_THRESHOLD``)."""
    p = probability(name)
    return p is not None and p >= CUE_THRESHOLD


def read_by_model(name: str) -> float | None:
    """The model's probability for ``name`` when its given name is not in the lexicon (nor
    initials) and the model reads it as a person's name at least where a cue names people;
    otherwise None."""
    tokens = tokenize(name, 0)
    given = next((t for t in tokens if not is_initial(t)), None)
    if given is None or is_first_name(given) or is_initials_name(given):
        return None
    p = probability(" ".join(t.text for t in tokens))
    return p if p is not None and p >= CUE_THRESHOLD else None
