"""Labelled lines of programmes: "Moderator: X", "Medverkande:", "Speakers", "Tid: ...", "Titel: ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .roles import PANELIST, PARTICIPANT, SPEAKER
from .words import list_labels

#: Label -> (role of people, role of organisations); ``None``: that kind is not listed there.
#: The list is wordlists/labels.txt ("@ - participant": labels of organisations only).
_ALL_LABELS = list_labels()
_PEOPLE_LABELS = {roles: words for roles, words in _ALL_LABELS.items() if roles[0] is not None}
_ORGANISATION_LABELS = {
    word: roles[1] for roles, words in _ALL_LABELS.items() if roles[0] is None for word in words
}
_FIELD_LABELS = frozenset(
    {
        *("tid", "tider", "datum", "dag", "plats", "lokal", "adress", "kategori", "ämne", "ämnen", "språk"),
        *("pris", "kostnad", "anmälan", "kontakt", "kontaktperson", "kontaktuppgifter", "information"),
        *("beskrivning", "målgrupp", "tillgänglighet", "typ", "format", "arrangemangstyp", "sändning"),
        *("livesändning", "webbsändning", "tema", "taggar", "nyckelord", "time", "date", "venue"),
        *("location", "room", "language", "price", "cost", "registration", "register", "contact"),
        *("description", "about", "audience", "tags", "topics", "topic", "theme", "stream", "livestream"),
        *("accessibility", "e-post", "email", "telefon", "phone", "tel", "webb", "web", "website"),
        *("hashtag", "växel", "övrigt", "other", "fika", "lunch"),
    }
) | {"mer information", "more information", "läs mer", "read more", "om seminariet", "sista anmälningsdag"}
_TITLE_LABELS = frozenset(
    {"titel", "title", "rubrik", "seminarium", "seminarietitel", "evenemang", "event", "session", "seminar"}
)
# A line of a timed programme may start with its time: "12.05 Talk: Naomi Achterberg-Reyes".
_SPLIT = re.compile(
    r"^\s*(?:(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+)?"
    r"[-•*·–]?\s*[*_]{0,2}([^:;*_]{1,40}?)[*_]{0,2}\s*(?::|;(?=\s)|[*_]{0,2}\s+[–-]\s+|$)"
)


@dataclass(frozen=True)
class Label:
    """A label at the start of a line, and where the text after it starts (offset in the line)."""

    word: str
    kind: str  # people | organisations | field | title
    person_role: str | None
    organisation_role: str | None
    content_start: int


_LOOKUP: dict[str, tuple[str, str | None, str | None]] = {}
for (person_role, org_role), words in _PEOPLE_LABELS.items():
    for word in words:
        _LOOKUP[word] = ("people", person_role, org_role)
for word, role in _ORGANISATION_LABELS.items():
    _LOOKUP[word] = ("organisations", None, role)
for word in _FIELD_LABELS:
    _LOOKUP[word] = ("field", None, None)
for word in _TITLE_LABELS:
    _LOOKUP[word] = ("title", None, None)


_TEAM = ("people", PANELIST, PARTICIPANT)


def is_field_word(text: str) -> bool:
    """Say whether a line is only a field's name ("Tid", "Plats"), as in a listing exported with
    each field name on a line of its own and its value below."""
    return " ".join(text.lower().split()) in _FIELD_LABELS


_HEDGE = re.compile(
    r"(?:\s+(?:bland\s+annat|bland\s+andra|bl\.?\s?a\.?|bl\.a\.|bl\.\s?a|among\s+others|inter\s+alia)"
    # "Medverkande, (per 07/06):", "Medverkande (preliminärt):": a date or a note in parentheses
    r"|,?\s*\([^()]{1,30}\))$"
)


def match_label(text: str) -> Label | None:
    """Return the label a line starts with, or None.

    >>> match_label("Moderator: Karin Ljung, vetenskapsjournalist").person_role
    'moderator'
    >>> match_label("Vem äger kulturarvet?") is None
    True
    """
    header = _table_header(text)
    if header is not None:
        return header
    match = _SPLIT.match(text)
    if not match:
        return None
    word = " ".join(match.group(1).split()).lower()
    if ":" in match.group():
        # "Medverkar gör bland annat:", "Speakers include among others:": the label and a hedge
        word = _HEDGE.sub("", word).strip() or word
    found = _LOOKUP.get(word)
    if found is None and ":" in match.group() and len(word.split()) <= 3:
        # "Medverkande politiker:", "Moderator för dagen:": a people label and a few words.
        first = _LOOKUP.get(word.split()[0])
        found = first if first is not None and first[0] == "people" else None
    if found is None and ":" in match.group() and len(word.split()) == 2:
        # "Stockholms lag:", "Malmös panel:": whose team or panel, then its people.
        genitive, rest = word.split()
        listed = _TEAM if rest in ("lag", "laget", "team") else _LOOKUP.get(rest)
        if genitive.endswith("s") and listed is not None and listed[0] == "people":
            found = listed
    if found is None and match.end() >= len(text.rstrip()) and len(word.split()) == 2:
        # A heading "Förmiddagens talare", "Kvällens panel": a genitive and a people label.
        genitive, rest = word.split()
        listed = _LOOKUP.get(rest)
        if genitive.endswith("ens") and listed is not None and listed[0] == "people":
            found = listed
    if found is None:
        return None
    kind, person_role, org_role = found
    if match.group().rstrip().endswith(";") and (kind != "people" or word not in _LOOKUP):
        return None  # "Moderator; Pernilla Ström" is a label; another word before a semicolon is not
    alone = match.end() >= len(text.rstrip())
    has_colon = ":" in match.group()
    if not has_colon and not alone and kind != "people":
        return None
    if alone and not has_colon and kind in ("field", "title"):
        # A lone "Beskrivning" or "Program" is a heading-like word, not a field.
        return Label(word, kind, person_role, org_role, len(text)) if word in ("beskrivning",) else None
    content = match.end()
    while content < len(text) and text[content] in " *_":
        content += 1
    return Label(word, kind, person_role, org_role, content)


#: The first header cell of a table of people: "Namn | Titel | Organisation | Roll".
_NAME_COLUMNS = frozenset(
    {
        "namn",
        "name",
        "talare",
        SPEAKER,
        "speakers",
        "medverkande",
        "deltagare",
        PARTICIPANT,
        "participants",
    }
)


def _table_header(text: str) -> Label | None:
    """A table's header row whose first column holds the people: its rows are a list of them."""
    cells = [cell.strip().lower() for cell in text.split(" | ")]
    if len(cells) < 2 or cells[0] not in _NAME_COLUMNS or any(len(cell) > 30 for cell in cells):
        return None
    return Label(cells[0], "people", PANELIST, None, len(text))
