"""Words of a phrase with their offsets, and what kind of word each one is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .words import (
    WordList,
    common_words,
    english_titles,
    first_names,
    fold,
    organisation_words,
    role_words,
    swedish_titles,
)

_WORD = re.compile(r"[^\s()]+")
# Compiled once: these are asked of nearly every word of a page.
_INITIALS = re.compile(r"(?:[A-ZÅÄÖ]\.)+|(?:[A-ZÅÄÖ]\.-?)+[A-ZÅÄÖ]\.")
_INITIALS_NAME = re.compile(r"[A-ZÅÄÖ]-[A-ZÅÄÖ]|[A-ZÅÄÖ]{2}")
#: Two capitals that are an abbreviation, not a person's initials ("PM Nilsson", "KG Hammar").
_NOT_INITIALS = frozenset(
    {
        "AB",
        "AI",
        "DN",
        "EU",
        "FN",
        "GP",
        "HR",
        "IT",
        "LO",
        "PR",
        "SJ",
        "SL",
        "SR",
        "TV",
        "UD",
        "UK",
        "US",
        "VD",
    }
)
#: The party tags of Swedish programmes: the Riksdag parties (with older spellings) and a few
#: others. Other capitals in parentheses after a name ("(KTH)", "(SKR)", "(LO)") name an organisation.
_PARTIES = frozenset({"S", "M", "C", "L", "V", "KD", "MP", "SD", "FP", "Fp", "Kd", "Mp", "Fi", "Pp", "Nyans"})
#: The party tags as a regular expression: "KD|MP|…".
PARTY_PATTERN = "|".join(sorted(_PARTIES, key=lambda tag: (-len(tag), tag)))
_EDGE = "\"“”'‘’«»,.;:!?"
PARTICLES = frozenset(
    {"af", "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del", "bin", "ibn"}
)
HONORIFICS = frozenset(
    {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "sir", "dame", "h.e.", "rev", "rev."}
)
# Abbreviations whose full stop belongs to the word ("Prof. Hanna de Wit": the title "Prof.").
_ABBREVIATED = frozenset(
    {
        *("prof", "doc", "ordf", "v.ordf", "generaldir", "projektled", "avd.chef", "adj", "univ.lekt"),
        *(
            "kommunikationsdir",
            "förvaltn.chef",
            "bitr",
            "sekr",
            "handl",
            "red",
            "chefred",
            "mod",
            "styrelseled",
        ),
    }
)
#: Words that name a role on their own: wordlists/role-words.txt.
ROLE_WORDS = role_words()
# Adjectives that describe a person next to a title but are no part of it.
DESCRIPTIVE = frozenset(
    {
        *("erfaren", "erfarne", "erfarna", "välkänd", "välkände", "känd", "kände", "prisbelönt"),
        *("prisbelönte", "flerfaldigt", "uppskattad", "uppskattade", "populär", "populäre", "framstående"),
        *("nyblivne", "nyutnämnd", "nyutnämnde", "nytillträdd", "nytillträdde", "engagerad", "engagerade"),
        *("experienced", "renowned", "award-winning", "well-known", "acclaimed", "mångårig", "mångårige"),
        *("världsberömd", "världsberömde", "world-renowned", "leading", "ledande"),
    }
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word without the punctuation around it; ``start``/``end`` are absolute offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return fold(self.text)


def tokenize(text: str, offset: int, limit: int | None = None) -> list[Token]:
    """Return the words of ``text`` (parentheses and surrounding punctuation left out), at most ``limit``."""
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        if limit is not None and len(tokens) >= limit:
            break
        word = match.group()
        left = len(word) - len(word.lstrip(_EDGE))
        core = word.strip(_EDGE)
        if word.endswith("-") and _dash_after(core, text, match.end()):
            core = core[:-1]
        if word.endswith(".") and (_is_initial(core + ".") or core.lower() in _ABBREVIATED):
            core += "."
        if core:
            start = offset + match.start() + left
            tokens.append(Token(core, start, start + len(core)))
    return tokens


#: Words after which a hyphen at the end of a word shortens a compound ("Kultur- och fritidsnämnden").
_SUSPENDED = frozenset({"och", "eller", "samt", "resp", "respektive", "till", "and", "or", "&", "/"})
_NEXT_WORD = re.compile(r"\s+([^\s()]+)")


def _dash_after(core: str, text: str, end: int) -> bool:
    """Whether the hyphen ending ``core`` is a dash typed against the word ("David Eberhard- psykiater").

    A hyphen at a word's end is kept when it shortens a compound: before "och", "eller", "and", …,
    or before another such word ("Stockholms- Göteborgs- och Malmöregionen"), and in a word written
    in capitals ("EU- och demokratiminister"), which no name is.
    """
    if len(core) < 3 or not core[-2].islower():
        return False
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return not (word.endswith("-") or word.rstrip(_EDGE).lower() in _SUSPENDED)


def _is_initial(word: str) -> bool:
    return "." in word and bool(_INITIALS.fullmatch(word))


def is_initial(token: Token) -> bool:
    return _is_initial(token.text)


def is_initials_name(token: Token) -> bool:
    """A given name written as initials: "P-O", "K-G", "PM" (Per-Olof, Karl-Gustav, Per Mikael)."""
    word = token.text
    return bool(_INITIALS_NAME.fullmatch(word)) and word not in _NOT_INITIALS and word not in _PARTIES


def is_capitalised(token: Token) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit()


def is_name_word(token: Token, *, first: bool = True) -> bool:
    """A word that can be part of a person's name: Capitalised letters, hyphens, apostrophes.

    A name never starts with a title or organisation word ("Professor Anna Ek", "Region
    Skåne"), but a surname may look like one in Swedish ("Karin Bonde", "Per Bergstad").
    """
    return _name_word(token.text, first)


@lru_cache(maxsize=65536)
def _name_word(word: str, first: bool) -> bool:
    token = Token(word, 0, 0)
    if not word[0].isupper() or not word[0].isalpha() or word.isupper():
        return False
    if not any(c.islower() for c in word) or not all(c.isalpha() or c in "-'’" for c in word):
        return False
    if word.endswith("-"):
        return False  # "Digitala Fri- och rättigheter": the first part of a compound cut at its hyphen
    if first:
        return not (is_common(token) or is_organisation_word(token) or is_title_word(token))
    # Surnames may end like organisations ("Bergstad", "Hamn"): only whole words stop a name, and
    # an organisation's word in the definite form ("Naturskyddsföreningen").
    whole = organisation_words().matches_whole(token.text) or is_definite_body(token)
    return not (is_common(token) or whole or english_titles().matches(token.lower))


def is_definite_body(token: Token) -> bool:
    """A capitalised organisation's word in the definite form ("Naturskyddsföreningen",
    "Socialstyrelsen"), which no surname ends like."""
    return token.text[:1].isupper() and token.lower.endswith(_DEFINITE_BODIES)


#: The ends of organisations' names in the definite form, which no surname has.
_DEFINITE_BODIES = (
    "föreningen",
    "förbundet",
    "institutet",
    "verket",
    "myndigheten",
    "kommunen",
    "regionen",
    "universitetet",
    "högskolan",
    "akademien",
    "nämnden",
    "styrelsen",
    "centret",
    "centrumet",
    "sällskapet",
    "rörelsen",
    "företagen",
    "företaget",
    "unionen",
    "stiftelsen",
    "departementet",
    "inspektionen",
    "utskottet",
    "kammaren",
    "fonden",
    "partiet",
    "byrån",
)


def is_common(token: Token) -> bool:
    return token.lower in common_words()


def is_first_name(token: Token) -> bool:
    names = first_names()
    low = token.lower
    return low in names or all(part in names for part in low.split("-") if part)


def is_organisation_word(token: Token) -> bool:
    return organisation_words().matches(token.text) or _council(token.lower)


def _council(low: str) -> bool:
    """A council in "-råd" ("samverkansråd", "forskningsråd"), not a title ("kommunalråd", "statsråd").

    Titles in "-råd" are a closed set, listed in the titles word list; any other compound in
    "-råd" names a council.
    """
    return len(low) > 5 and low.endswith("råd") and not swedish_titles().matches(low)


def is_title_word(token: Token, *, capitalised_swedish: bool = True) -> bool:
    """A job title or the head of one, in Swedish (any definite form) or English.

    Swedish writes titles in lowercase; ``capitalised_swedish=False`` refuses a capitalised
    Swedish title word, which inside a name is part of the name ("Sveriges Skogsägare").
    """
    return _title_word(token.text, capitalised_swedish)


@lru_cache(maxsize=65536)
def _title_word(word: str, capitalised_swedish: bool) -> bool:
    low = fold(word).rstrip(".")
    if english_titles().matches(low):
        return True
    if not capitalised_swedish and word[:1].isupper():
        return False
    titles = swedish_titles()
    if titles.matches(low):
        return True
    # Definite forms: "journalisten", "forskaren", "riksdagsledamoten", "professorn".
    # Neuter titles in "-råd" take "-et": "utbildningsborgarrådet", "kommunalrådet".
    # Plurals: "programledarna", "forskarna" (-are), "journalisterna", "skribenter".
    return (
        (low.endswith("n") and titles.matches(low[:-1]))
        or (low.endswith("mannen") and titles.matches(low[:-3]))  # "ombudsmannen", "talesmannen"
        or (low.endswith("en") and titles.matches(low[:-2]))
        or (low.endswith("rådet") and titles.matches(low[:-2]))
        or (low.endswith("et") and titles.matches_whole(low[:-2]))  # "språkröret"
        or (low.endswith("arna") and titles.matches(low[:-4] + "are"))
        or (low.endswith("erna") and titles.matches(low[:-4]))
        or (low.endswith("erna") and titles.matches(low[:-2]))  # "politikerna" (a title in "-er")
        or (low.endswith("er") and len(low) > 6 and titles.matches(low[:-2]))
        or _changed_plural(low, titles)
    )


#: Plurals that change the stem ("riksdagsledamöterna", "ministrarna"): the plural's stem, the
#: singular's.
_CHANGED_PLURALS = (("ledamöter", "ledamot"), ("ministrar", "minister"))


def _changed_plural(low: str, titles: WordList) -> bool:
    for plural, singular in _CHANGED_PLURALS:
        for ending in (plural, plural + "na"):
            if low.endswith(ending) and titles.matches(low[: -len(ending)] + singular):
                return True
    return False


def is_english_title(token: Token) -> bool:
    """A capitalised English title word or head ("Executive", "Director", "Professor")."""
    return english_titles().matches(token.lower)


def continues_with_of(token: Token) -> bool:
    """An English title head that an "of ..." phrase belongs to ("Head of Data")."""
    return token.lower in english_titles().continued


def is_honorific(token: Token) -> bool:
    return token.lower in HONORIFICS


def role_word(text: str) -> str | None:
    """The role a phrase names on its own ("moderator" -> moderator), or None."""
    return ROLE_WORDS.get(fold(" ".join(text.split())).strip(".:"))


def name_length(tokens: list[Token], i: int) -> int:
    """How many tokens from ``i`` form a person's name (two to four name words), or 0.

    Initials may come first ("G. Sofia Nilsson") or between ("Karl J. Holmberg"); a given name
    may be hyphenated initials ("P-O Lindgren"); particles may be capitalised inside a name
    ("Ann-Christin De la Motte"). The words of a name follow each other with only a space
    between them: "Workshop: Housing" is no name.
    """
    if is_honorific(tokens[i]):
        return 0  # "H.E. Tanmaya Lal": an honorific, even one written as initials, before the name
    first = i
    while first < len(tokens) and is_initial(tokens[first]) and first - i < 2:
        first += 1
    if first > i and not _adjacent(tokens, first):
        return 0
    if first >= len(tokens) or not (is_name_word(tokens[first]) or is_initials_name(tokens[first])):
        return 0
    if (
        first == i
        and _adjacent(tokens, first + 1)
        and is_first_name(tokens[first + 1])
        and not is_first_name(tokens[first])
        and is_title_word(tokens[first])
    ):
        return 0  # "Talman Andreas Norlén", "Programledarna Lotta Edling": a title, then the name
    names, j, end = 1, first + 1, first + 1
    while j < len(tokens) and j - first < 5 and _adjacent(tokens, j):
        token = tokens[j]
        if token.text in PARTICLES or is_initial(token) or (token.text.lower() in _INNER_PARTICLES):
            j += 1
            continue
        if names == 1 and _middle_initial(tokens, first, j):
            j += 1  # "Anders W Jonsson", "Erik A Eriksson": an initial with no full stop
            continue
        if not is_name_word(token, first=False):
            break
        if names >= 2 and is_title_word(token):
            break  # "Susanne Lindholm Kommunalråd (KD) Örebro": a capitalised title after the name
        if names >= 2 and begins_organisation(token):
            break  # "Mattias Dahl Svensk Handel": the organisation after the name, its comma lost
        if names >= 2 and organisation_ahead(tokens, j):
            # "Bo Jansson Lärarnas Riksförbund", "Ida Karlberg Gidlund Teach for Sweden": a plural's
            # genitive, or a word that "for"/"of" and a capital go on from, begins an organisation
            break
        if (
            names >= 2
            and _adjacent(tokens, j + 1)
            and tokens[j + 1].text[:1].isupper()
            and is_title_word(tokens[j + 1])
            and not is_first_name(token)
        ):
            break  # "Patrik Rossi Managing Director": a title of two capitalised words after the name
        if names == 2 and j == first + 2 and second_person(tokens, first):
            break  # "Elisabeth Backteman Anita Jernberger": two people, the comma between them lost
        names += 1
        j += 1
        end = j
    if (
        names >= 3
        and first == i
        and not is_first_name(tokens[first])
        and not is_initials_name(tokens[first])
        and not tokens[first].text.endswith(("s", ":s"))  # "Folkpartiets Jan Björklund": read later
        and any(is_first_name(t) for t in tokens[first + 1 : end - 1])
    ):
        # "YouToubern Henrik Jönsson", "Professor Emeritus Owe Ronström": words before a given
        # name and a surname are no part of the name.
        return 0
    return end - i if names >= 2 else 0


#: Words that begin an organisation's name and never end a person's.
_NATIONAL = frozenset({"svensk", "svenskt", "svenska", "sveriges", "nordiska", "nordisk", "europeiska"})


def organisation_ahead(tokens: list[Token], j: int) -> bool:
    """Say whether an organisation begins at ``tokens[j]``, right after a name: a plural's genitive
    ("Lärarnas Riksförbund"), or a word that "for"/"of" and a capital go on from ("Teach for
    Sweden")."""
    token = tokens[j]
    nxt = tokens[j + 1] if j + 1 < len(tokens) and _adjacent(tokens, j + 1) else None
    if nxt is None:
        return False
    if token.lower.endswith(("arnas", "ernas", "ornas")) and nxt.text[:1].isupper():
        return True  # no surname is a plural's genitive
    return (
        nxt.text in ("for", "of")
        and j + 2 < len(tokens)
        and _adjacent(tokens, j + 2)
        and tokens[j + 2].text[:1].isupper()
        and not is_first_name(token)
    )


def begins_organisation(token: Token) -> bool:
    """A capitalised word that no name goes on with: an organisation's first word ("Svensk
    Handel", "Sveriges …") or a body's name in the definite form ("Unionen")."""
    return token.text[:1].isupper() and (token.lower in _NATIONAL or is_definite_body(token))


def second_person(tokens: list[Token], first: int) -> bool:
    """Say whether a second name begins right after the given name and surname at ``first``: a
    known given name that is not the surname before it, then a surname ("Elisabeth Backteman",
    then "Anita Jernberger"). "Anna Karin Berg" and "Per Olsson Fridh" are one name each."""
    j = first + 2
    return (
        j < len(tokens)
        and _adjacent(tokens, first + 1)
        and _adjacent(tokens, j)
        and is_name_word(tokens[first])
        and is_name_word(tokens[first + 1], first=False)
        and is_name_word(tokens[j])
        and is_first_name(tokens[first])
        and not is_first_name(tokens[j - 1])
        and is_first_name(tokens[j])
        and _adjacent(tokens, j + 1)
        and is_name_word(tokens[j + 1], first=False)
        and not is_first_name(tokens[j + 1])
        and not is_title_word(tokens[j + 1])
    )


def _middle_initial(tokens: list[Token], first: int, j: int) -> bool:
    """A capital letter alone between a known given name and a surname ("Alf B Svensson"); never
    "I", which is also the preposition."""
    word = tokens[j].text
    return (
        len(word) == 1
        and word.isupper()
        and word != "I"
        and is_first_name(tokens[first])
        and _adjacent(tokens, j + 1)
        and is_name_word(tokens[j + 1], first=False)
    )


# Particles that are written capitalised inside a name as well ("De la Motte", "Von Essen",
# the Irish "Seamus Ó Laoire", "Nuala Ní Bhraonáin").
_INNER_PARTICLES = frozenset({"de", "af", "von", "van", "du", "la", "ó", "ní", "nic"})


def _adjacent(tokens: list[Token], j: int) -> bool:
    # One space between two words of a name; punctuation between them (":", ",") ends it.
    return j < len(tokens) and tokens[j].start - tokens[j - 1].end == 1


def is_party_tag(text: str) -> bool:
    """A Swedish party tag such as S, M, KD, MP or Fi (without the parentheses)."""
    return text in _PARTIES


def party_tag_form(text: str) -> str | None:
    """The party tag as parties write it, however the page writes it ("m" gives "M", "fi" "Fi");
    None when ``text`` is no party tag in any case."""
    return next((form for form in (text, text.upper(), text.capitalize()) if form in _PARTIES), None)


def is_lowercase_party_tag(text: str) -> bool:
    """A party tag written in lowercase, as older programmes write it ("(s)", "(kd)")."""
    return text.islower() and party_tag_form(text) is not None
