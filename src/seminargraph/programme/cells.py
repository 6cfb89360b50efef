"""Read the cells of a programme row: lists of people, one person's entry, organiser lists, times.

Each reading says how firm it is, as the graph's facts do: a split that can only go one way is
*stated*; one that could go two ways is *ambiguous* with a note, or read by a rule named in the
note (*inferred*). The rules are in docs/import.md.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..textfile import normalise_space

#: Longest cell of people we parse as a Python list (characters).
MAX_LIST_CELL = 200_000
# The shapes' rule for a person's name (ontology/shapes.ttl), with ':' for patronymics ("N:son").
PERSON_NAME = re.compile(r"^[^\W\d_]+\.?(?:(?: |-|'|’|:|\. ?)[^\W\d_]+\.?)*$")
# The shapes' rule for an organisation's name; a leading dot names a domain (".SE").
ORGANISATION_NAME = re.compile(r"^(?:\.\w|[^\s,;:.])(?:[^\n]*[^\s,;:])?$")
_PARTY = re.compile(r"^(?P<name>.*?)\s*\((?P<tag>[^()]{1,6})\)$")
_EMAIL = re.compile(r"[^\s,;<>()\[\]]+(?:@|\(at\)|\[at\])[^\s,;<>()\[\]]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"^(?:tel\.?:?\s*|telefon:?\s*|mobil:?\s*)?\+?[\d][\d\s\-()/.]{5,}\d$", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»"
# Marks of a job title: a lower-case start, or one of these words in it.
_TITLE_WORDS = re.compile(
    r"(?:chef|direktör|ordförande|\bvd\b|ledamot|minister|ansvarig|handläggare|strateg|expert|ekonom|"
    r"redaktör|forskare|professor|docent|rådgivare|sekreterare|samordnare|analytiker|journalist|"
    r"grundare|råd\b|talesperson|\bmanager|director|officer|\bhead\b|\bceo\b|founder|president|"
    r"chairman|chair\b|researcher|advisor|adviser|lecturer|consultant|konsult|författare|"
    r"programledare|projektledare|kommunalråd|regionråd|generalsekreterare|koordinator)",
    re.IGNORECASE,
)
# Marks of an organisation: legal forms, kinds of body, an acronym, an ampersand.
_ORG_WORDS = re.compile(
    r"(?:\bAB\b|\bab\b|kommun\b|\bregion\b|Region |universitet|högskola|förbund|förening|myndighet|"
    r"verket\b|institut|stiftelse|partiet|departementet|landsting|\bSveriges\b|\bSvensk|\bAB$|"
    r"\bInc\b|\bLtd\b|\bGroup\b|\bRegion\b|akademi|kansli|nämnd|rådet\b|centrum|center|&|"
    r"\b[A-ZÅÄÖ]{2,}\b)"
)


@dataclass(frozen=True)
class Entry:
    """One person as a cell names them, read into name, titles, organisation, party and role."""

    quote: str  # the entry as written (whitespace-normalised), contact details left out
    name: str
    titles: tuple[str, ...]
    organisation: str | None
    party: str | None  # the party's name, from a tag such as "(S)"
    party_tag: str | None
    role: str
    #: how firmly the cell gives the title and organisation, and why when not stated
    status: str
    note: str | None
    #: set when the role was read from a title word ("Moderator"): the rule, for the note
    role_note: str | None
    contact_details: tuple[str, ...]
    #: the participation's status when it is not read from a cell (prose: inferred or ambiguous)
    participation_status: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """An entry that names no person we can write: kept in the import's report, never dropped silently."""

    quote: str
    reason: str


def people_entries(cell: str, syntax: str) -> list[str]:
    """Split a cell naming people into one text per person; ValueError says why it cannot be read."""
    text = cell.strip()
    if syntax == "python-list":
        return _python_list(text)
    if syntax == "lines":
        parts = text.splitlines()
    elif syntax == "semicolons":
        parts = text.split(";")
    else:
        parts = [text]
    return [normalise_space(p) for p in parts if p.strip()]


def _python_list(text: str) -> list[str]:
    if text in ("", "[]"):
        return []
    if len(text) > MAX_LIST_CELL:
        raise ValueError(f"the list is {len(text):,} characters, over the limit of {MAX_LIST_CELL:,}")
    if not (text.startswith("[") and text.endswith("]")):
        raise ValueError("expected a list such as ['Name, title, Organisation', ...]")
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise ValueError("not a list of quoted texts: check the quotes and commas") from None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of texts")
    return [normalise_space(v) for v in value if v.strip()]


def read_entry(
    text: str,
    role: str,
    *,
    known_organisations: Collection[str],
    role_words: Mapping[str, str],
    parties: Mapping[str, str],
    contact: bool = False,
) -> Entry | Unreadable:
    """Read one person's entry, ``'Name, title, Organisation'`` and its variants (docs/import.md)."""
    parts = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    details = tuple(p for p in parts if _is_contact_detail(p))
    parts = [p for p in parts if not _is_contact_detail(p) and not _EMAIL.search(p)]
    if not parts:
        return Unreadable(text, "names no person, only contact details")
    quote = ", ".join(parts)
    name, party_tag = _name_and_party(parts[0], parties)
    if not PERSON_NAME.match(name):
        return Unreadable(quote, f"{name!r} is not a person's name as the shapes allow one")
    rest = parts[1:]
    role_note = None
    role_word = next((p for p in rest[:-1] if p.casefold() in role_words), None)
    if role_word is None and len(rest) == 1 and rest[0].casefold() in role_words:
        role_word = rest[0]
    if role_word is not None:
        role = role_words[role_word.casefold()]
        role_note = f"the programme writes {role_word!r} where a title goes: read as the role {role}"
    titles, organisation, status, note = _titles_and_organisation(rest, known_organisations, contact)
    organisation = clean_organisation(organisation)
    if role_word is not None:
        # The role word stood where a title goes: the part after it is still the organisation.
        titles = tuple(
            t for t in (", ".join(p for p in t.split(", ") if p != role_word) for t in titles) if t
        )
        if organisation == role_word:
            organisation = None
    return Entry(
        quote=quote,
        name=name,
        titles=titles,
        organisation=organisation,
        party=parties.get(party_tag) if party_tag else None,
        party_tag=party_tag,
        role=role,
        status=status,
        note=note,
        role_note=role_note,
        contact_details=details,
    )


def clean_organisation(name: str | None) -> str | None:
    """An organisation's name without stray punctuation around it; None when nothing usable is left.

    >>> clean_organisation("Fryshuset;")
    'Fryshuset'
    """
    if name is None:
        return None
    text = name.strip(" ,;:")
    while text.startswith(".") and not text[1:2].isalnum():
        text = text[1:].strip(" ,;:")
    return text if ORGANISATION_NAME.match(text) else None


def read_entries(text: str, role: str, **options: Any) -> list[Entry | Unreadable]:
    """Read one entry as :func:`read_entry` does; two names joined by '/' are two people.

    ``Tobias Olsson/Ingrid Petersson, Director, AstraZeneca`` gives both, each with the title and
    organisation that follow (the quote is the whole entry for each).
    """
    whole = read_entry(text, role, **options)
    head, comma, rest = text.partition(",")
    names = [n.strip() for n in head.split("/")]
    if len(names) != 2 or not all(PERSON_NAME.match(n) for n in names):
        return [whole]
    found: list[Entry | Unreadable] = []
    for name in names:
        entry = read_entry(f"{name}{comma}{rest}", role, **options)
        # the quote is the entry as written, both names in it
        found.append(dataclasses.replace(entry, quote=whole.quote) if isinstance(entry, Entry) else entry)
    return found


def _is_contact_detail(part: str) -> bool:
    return bool(_EMAIL.fullmatch(part) or _PHONE.match(part) or _URL.match(part))


def _name_and_party(text: str, parties: Mapping[str, str]) -> tuple[str, str | None]:
    name = text.strip(_QUOTES + " ")
    match = _PARTY.match(name)
    if match and match["tag"].strip() in parties:
        return match["name"].strip(_QUOTES + " "), match["tag"].strip()
    if match and match["tag"].strip().upper() in parties:
        return match["name"].strip(_QUOTES + " "), match["tag"].strip().upper()
    return name, None


def _titles_and_organisation(
    rest: list[str], known: Collection[str], contact: bool
) -> tuple[tuple[str, ...], str | None, str, str | None]:
    if not rest:
        return (), None, "stated", None
    if len(rest) == 1:
        return _one_part(rest[0], known, contact)
    joined = ", ".join(rest[-2:])
    if joined in known:
        titles, organisation = tuple(rest[:-2]), joined
    else:
        titles, organisation = tuple(rest[:-1]), rest[-1]
    if not titles:
        return (), organisation, "stated", None
    if len(titles) == 1 or organisation in known:
        return (", ".join(titles),), organisation, "stated", None
    return (
        (", ".join(titles),),
        organisation,
        "ambiguous",
        f"{len(titles) + 2} parts after splitting at commas: several titles, or an organisation "
        f"whose name has a comma; read as the titles {', '.join(titles)!r} at {organisation!r}",
    )


def _one_part(
    part: str, known: Collection[str], contact: bool
) -> tuple[tuple[str, ...], str | None, str, str | None]:
    if part in known:
        return (), part, "stated", None
    looks_title = part[:1].islower() or bool(_TITLE_WORDS.search(part))
    looks_org = bool(_ORG_WORDS.search(part))
    if looks_title and not looks_org:
        return (part,), None, "stated", None
    if looks_org and not looks_title:
        return (), part, "stated", None
    reading = "organisation" if contact or not looks_title else "job title"
    note = f"one part after the name, {part!r}: a job title or an organisation; read as the {reading}"
    if reading == "organisation":
        return (), part, "ambiguous", note
    return (part,), None, "ambiguous", note


def split_organisers(cell: str, known: Collection[str]) -> list[tuple[str, str, str | None]]:
    """Split an organiser cell into (name, status, note) without breaking names that contain ', '.

    A part is joined to the one before when the two make a name seen on its own elsewhere, or when
    it starts in lower case or is a legal form ("AB"); a split whose parts are not all seen on
    their own elsewhere is *inferred*, with a note.
    """
    text = normalise_space(cell)
    if not text:
        return []
    if ", " not in text or text in known:
        return [(text, "stated", None)]
    parts = text.split(", ")
    groups: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = ", ".join(parts[i:j])
            if j - i > 1 and candidate in known:
                groups.append(candidate)
                i = j
                break
        else:
            part = parts[i]
            if groups and (part[:1].islower() or part in ("AB", "Inc.", "Ltd", "ek. för.", "m.fl.")):
                groups[-1] = f"{groups[-1]}, {part}"
            else:
                groups.append(part)
            i += 1
    unknown = [g for g in groups if g not in known]
    if len(groups) == 1:
        status, note = "stated", None
    elif unknown:
        status = "inferred"
        note = (
            f"the organiser cell {text!r} is split at ', ' into {len(groups)} organisers; "
            f"{', '.join(map(repr, unknown))} is not seen as an organiser on its own elsewhere"
        )
    else:
        status, note = "stated", None
    cleaned = ((clean_organisation(g), status, note) for g in groups)
    return [(name, status, note) for name, status, note in cleaned if name]


def parse_time(cell: str, time_format: str) -> str:
    """An ``xsd:dateTime`` lexical form of ``cell``; ValueError names the format expected."""
    try:
        moment = datetime.strptime(cell.strip(), time_format)
    except ValueError:
        raise ValueError(f"{cell!r} is not a time in the form {time_format}") from None
    return moment.isoformat()
