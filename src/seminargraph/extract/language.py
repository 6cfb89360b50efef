"""Tell which language a page is written in, from its most common short words."""

from __future__ import annotations

import re
from collections import Counter

from ..errors import SourceError

NAMES = {
    "sv": "Swedish",
    "en": "English",
    "no": "Norwegian or Danish",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "fi": "Finnish",
}
SUPPORTED = ("sv", "en")
_MARKERS = {
    "sv": "och att det som är för på med av till inte har vi en ett om hur vad kan ska var också eller men",
    "en": "the and of to in is for with on by are was will be this that from at as an have how what",
    "no": "og ikke er jeg det til av på med som har vi hvordan hva skal kan også eller men af ved",
    "de": "und der die das nicht ist ein eine zu mit auf für von den dem sich wir wie was auch oder",
    "fr": "et le la les des est une un pour dans avec sur par nous comment ce qui que sont aussi ou",
    "es": "y el la los las es una un para con por del que en se como nosotros también pero son",
    "fi": "ja on ei että se tämä mitä miten kanssa myös tai mutta ovat oli kun sekä joka",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _MARKERS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """Return the language most of the page's short words belong to, or None when it cannot tell.

    >>> detect_language("I samtalet deltar Anna Ek och Per Berg, som har arbetat med frågan.")
    'sv'
    """
    counts: Counter[str] = Counter()
    for word in _TOKEN.findall(text[:50_000].lower()):
        for lang, words in _WORDS.items():
            if word in words:
                counts[lang] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return _short_swedish(text, counts)
    if len(ranked) > 1 and ranked[0][1] < 1.3 * ranked[1][1]:
        return None
    return ranked[0][0]


_SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
_FINNISH = re.compile(r"aa|ää|ii|uu|yy|öö|ee|oo")
_OTHER_LETTERS = re.compile(r"[øæüßõžšœçñãØÆÜ]")
#: Words of seminar pages that only Swedish has ("medverkande", "välkommen"), for short pages.
_SEMINAR_WORDS = (
    "medverkande samtalsledare arrangör arrangörer anmälan plats tid välkommen välkomna seminarium "
    "seminariet samtal samtalet föreläsning föreläsningen deltar leds frukostmöte frukostseminarium "
    "lunchseminarium inledning fika kl från vid hos i den de ni"
)
_SWEDISH_WORDS = frozenset(_SEMINAR_WORDS.split())


def _short_swedish(text: str, counts: Counter[str]) -> str | None:
    """Tell a short Swedish page from its letters and seminar words when its short words are too few.

    A page of a heading and two lines ("Frukostmöte om skolan", "Moderator: …") has too few
    common words to count; å, ä and ö (without ø, æ, ü) and words such as "medverkande" say
    Swedish when no other language's words are found.
    """
    if any(count >= counts["sv"] for lang, count in counts.items() if lang != "sv"):
        return None
    if _OTHER_LETTERS.search(text[:50_000]):
        return None
    words = _TOKEN.findall(text[:50_000].lower())
    lettered_words = [word for word in words if _SWEDISH_LETTERS.search(word)]
    lettered = len(lettered_words)
    if 2 * sum(1 for word in lettered_words if _FINNISH.search(word)) >= max(lettered, 1):
        return None  # "Tervetuloa seminaariin": Finnish doubles its vowels
    known = sum(1 for word in words if word in _SWEDISH_WORDS)
    return "sv" if counts["sv"] + known + lettered >= 3 and (lettered or known) else None


def choose_language(text: str, requested: str, name: str) -> tuple[str, str | None, list[str]]:
    """Return (language of the draft, detected language, warnings) for ``--lang`` ``requested``."""
    if requested not in ("auto", *SUPPORTED):
        raise SourceError(f"unknown language {requested!r}: use sv, en or auto", path=name)
    detected = detect_language(text)
    warnings: list[str] = []
    if detected is not None and detected not in SUPPORTED:
        warnings.append(
            f"{name}: the text looks {NAMES[detected]}, not Swedish or English; the rules know Swedish "
            "and English programmes, so people may be missed: check the draft against the page"
        )
    if requested != "auto":
        if detected in SUPPORTED and detected != requested:
            warnings.append(f"{name}: the text looks {NAMES[detected]}, but --lang {requested} was given")
        return requested, detected, warnings
    if detected is None:
        warnings.append(f"{name}: could not tell the language of the text; assuming Swedish (give --lang)")
        return "sv", None, warnings
    return detected, detected, warnings
