"""Words in prose that say who takes part, and in which role: "deltog", "leds av", "moderated by".

A cue governs the people named right after it ("Samtalet leds av X"), right before it ("X var
seminariets moderator"), or either, as Swedish puts the verb second ("I samtalet deltar X",
"X deltar i samtalet").
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from .roles import MODERATOR, ORGANISER, PANELIST, PARTICIPANT, SPEAKER

# The standard library's own parser of patterns (no stubs are shipped for it), to read the words
# a cue's matches hold.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

POST, PRE, EITHER = "post", "pre", "either"


@dataclass(frozen=True)
class Cue:
    """What a matched cue means: the role of people and of organisations named with it.

    ``gate``: words one of which every match holds (lowercase), so that a sentence holding none
    of them is not searched; None when the pattern has no such words.
    """

    person_role: str | None
    organisation_role: str | None
    direction: str
    pattern: re.Pattern[str]
    gate: tuple[str, ...] | None = None


def _cue(person: str | None, org: str | None, direction: str, *patterns: str) -> Cue:
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return Cue(person, org, direction, pattern, _gate(pattern))


#: The shortest word worth testing for: shorter ones are in nearly every sentence.
_GATE_LENGTH = 3


def _gate(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words (lowercased) one of which every match of ``pattern`` holds: for each branch, the
    longest literal it cannot match without; None when some branch has none of three letters."""
    words = _required(list(_parser.parse(pattern.pattern, pattern.flags)))
    if words is None or any(len(word) < _GATE_LENGTH for word in words):
        return None
    return tuple(sorted(words))


def _starts(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The literal starts of every match of the sequence ``items`` (None when some has none)."""
    if not items:
        return None
    op, value = items[0]
    if op is _c.LITERAL:
        run = ""
        for item in items:
            if item[0] is not _c.LITERAL:
                break
            run += chr(item[1])
        return {run}
    if op is _c.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            starts = _starts(list(branch) + list(items[1:]))
            if starts is None:
                return None
            found |= starts
        return found
    if op is _c.SUBPATTERN:
        return _starts(list(value[-1]) + list(items[1:]))
    return None


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best set of words one of which a match of the sequence ``items`` must hold."""
    candidates: list[set[str]] = []
    i = 0
    while i < len(items):
        op, value = items[i]
        if op is _c.LITERAL:
            run = ""
            while i < len(items) and items[i][0] is _c.LITERAL:
                run += chr(items[i][1])
                i += 1
            # The parser takes a shared start out of the branches after it ("bjudit|bjöd" is
            # "bj" and a branch of "udit" and "öd"): the run goes on into each branch.
            after = _starts(items[i:]) if i < len(items) else None
            candidates.append({(run + start).lower() for start in after} if after else {run.lower()})
            continue
        if op is _c.SUBPATTERN:
            inner = _required(list(value[-1]))
            if inner is not None:
                candidates.append(inner)
        elif op is _c.BRANCH:
            branches = [_required(list(branch)) for branch in value[1]]
            if all(branch is not None for branch in branches):
                candidates.append(set().union(*branches))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and value[0] >= 1:
            body = _required(list(value[2]))
            if body is not None:
                candidates.append(body)
        i += 1
    if not candidates:
        return None
    return max(candidates, key=lambda words: min(len(word) for word in words))


_EVENT_NOUN = (
    r"(?:samtalet|samtalen|seminariet|seminarierna|panelen|panelsamtalet|diskussionen|debatten|"
    r"diskussionerna|debatterna|"
    r"dagen|programmet|mötet|eftermiddagen|förmiddagen|kvällen|passet|workshopen|sessionen|"
    r"frukostseminariet|lunchseminariet|konferensen|utfrågningen|intervjun|frågestunden|webbinariet|"
    r"träffen|dialogen|rundabordssamtalet|rundabordssamtalen|programpunkten|föreläsningen|panelsamtalen|"
    r"kvällens samtal|"
    r"eftermiddagens samtal|samtalet efteråt|"
    # "Detta seminarium leds av X", "Dagens samtal modereras av X"
    r"(?:detta|dagens|vårt|det\s+här|den\s+här)\s+(?:seminarium|samtal|panelsamtal|frukostseminarium|"
    r"lunchseminarium|pass|möte|program|debatt|diskussion|panel))"
)
_EN_EVENT_NOUN = (
    r"(?:session|panel|discussion|conversation|debate|seminar|workshop|event|talk|dialogue|evening|"
    r"morning|afternoon|plenary|webinar|roundtable|day|programme|program)"
)
# What an organiser holds: "(Kommunförbundet) ett seminarium", "(Region Väst) sitt årliga möte".
_HELD_EVENT = (
    r"(?:\s+[\w.-]+){0,5}?\s+(?:ett|en|sitt|sin|två|tre|flera)\s+(?:[\w-]+\s+)?"
    r"(?:\w*seminari|\w*samtal|\w*möte|\w*konferens|\w*föreläsning|\w*debatt|webbinari|workshop|"
    r"\w*panel|\w*träff|\w*dialog|\w*forum|\w*dag\b|\w*kväll\b|\w*frukost)"
)
_SPEAKING_INFINITIVE = (
    r"(?:tala|berätta|föreläsa|presentera|inleda|redogöra|beskriva|ge\s+(?:en|sin|konkreta|sina)"
    r"|dela\s+med\s+sig)"
)
_PANEL_INFINITIVE = r"(?:samtala|diskutera|debattera|medverka|delta|prata|bidra|resonera)"
# (Case-sensitive inside the cue, which is not: a name is capitalised.)
_INVITING_PERSON = r"(?-i:[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2})\s*(?:\([^()]{1,40}\)\s*)?"
_INVITING_PEOPLE = rf"{_INVITING_PERSON}(?:(?:,|och|and)\s+{_INVITING_PERSON})*"
_INVITED = (
    r"\b(?:har\s+)?(?:bjudit|bjuder|bjöd)\s+in\b"
    r"(?=\s+(?:[a-zåäö]+\s+){0,2}(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))"
)
# "X ställer frågor till riksdagspolitiker, bl.a. A (FP) och B (KD)": who asks moderates, and the
# people asked (after a lowercase noun and "bl.a.") take part.
_ASKS = (
    r"\b(?:ställer|ställde)\s+(?:frågor|sina\s+frågor)\s+till\b"
    r"(?:\s+(?-i:[a-zåäö]+),?(?:\s+(?:bl\.\s?a\.|bl\s?a|bland\s+andra))?(?=\s+(?-i:[A-ZÅÄÖ])))?"
)
# What a person brings to an item, a speaker's part: "bidrar med sina erfarenheter".
_BROUGHT = (
    r"(?:sina\s+|sin\s+|sitt\s+)?(?:insikter|erfarenheter|kunskap|kunskaper|perspektiv|reflektioner|tankar)\b"
)
_PRONOUN_WITH = r"(?:\s+(?:hon|han|hen|de|dom|vi|dessa|båda|she|he|they))?\s+med\b"

CUES: tuple[Cue, ...] = (
    # moderators
    _cue(
        MODERATOR,
        None,
        POST,
        # ("… på seminariet, som leds av X": the comma before the relative clause)
        rf"\b{_EVENT_NOUN},?\s+(?:som\s+)?(?:leds|leddes|hålls ihop|hölls ihop)\s+av\b",
        # "… en gemensam diskussion, ledd av moderator X"
        r"\b(?:ledd|ledda|lett)\s+av\b",
        # "Debatterna kommer att ledas av X", "i ett samtal som leds av X"
        r"\b(?:kommer\s+att\s+|ska\s+)ledas\s+av\b",
        r"\b(?:ett|en)\s+(?:samtal|debatt|diskussion|panelsamtal)\s+som\s+(?:leds|modereras)\s+av\b",
        r"\b(?:modereras|modererades|modereras och leds|moderas|modererat|modererad)\s+av\b",
        # "Allt under ledning av moderatorn X", "diskuterar vi under ledning av X"
        r"\bunder\s+ledning\s+av\b",
        r"\b(?:moderator|moderatorer|samtalsledare|diskussionsledare|debattledare|"
        r"(?:moderator|samtalsledare) för (?:samtalet|seminariet|dagen|kvällen|eftermiddagen|förmiddagen|"
        r"panelen|debatten|diskussionen|panelsamtalet|programmet|passet))\s+(?:är|var|blir)\b",
        # "Moderator under dagen är X och Y"
        r"\b(?:moderator|moderatorer)\s+under\s+(?:dagen|seminariet|samtalet|förmiddagen|eftermiddagen)"
        r"\s+(?:är|var|blir)\b",
        # "Frågorna ställs av X"
        r"\bfrågorna\s+(?:ställs|ställdes)\s+av\b",
        r"\b(?:dagens|seminariets|samtalets|panelens|kvällens)\s+(?:moderator|samtalsledare|konferencier)"
        r"\s+(?:är|var|blir)\b",
        r"\b(?:moderated|chaired|facilitated|co-moderated)\s+by\b",
        # "Samtalet faciliteras av X", "Sedan leder moderator X diskussionen"
        r"\b(?:faciliteras|faciliterades|facilitateras|faciliterat|faciliterad)\s+av\b",
        r"\b(?:leder|ledde)\s+(?:moderator|moderatorn|samtalsledaren)\b(?=\s+(?-i:[A-ZÅÄÖ]))",
        # "Leder samtalet gör Right To Plays utvecklare Rana Jumaah": the verb first, then "gör"
        r"^(?:leder|modererar)(?:\s+[\wåäö]+){0,2}?\s+gör\b",
        rf"\b{_EN_EVENT_NOUN}\s+(?:is|was|will be)\s+led\s+by\b",
        rf"\b{_EN_EVENT_NOUN}\s+led\s+by\b",  # "Discussion led by X, journalist"
        r"\b(?:the\s+)?(?:moderator|chair|facilitator|host)\s+(?:is|was|will be)\b",
    ),
    _cue(MODERATOR, ORGANISER, POST, r"\bhosted\s+by\b"),
    # "Migrationsminister Anders Ygeman intervjuas av Viktor Barth-Kron": the one interviewed (before the
    # cue for the interviewer, which reads the words after the same verb) is the speaker.
    _cue(
        SPEAKER,
        None,
        PRE,
        r"\b(?:intervjuas|intervjuades|utfrågas|utfrågades|frågas\s+ut|frågades\s+ut|utfrågad|intervjuad|"
        r"(?:(?:is|was|will\s+be)\s+)?interviewed)\s+(?:av|by)\b",
        r"\b(?:intervjuas|intervjuades|utfrågas|utfrågades|frågas\s+ut|frågades\s+ut|is interviewed|"
        r"will be interviewed)\b",
    ),
    # "… som intervjuas av X", "Utfrågningen hålls av X", "Programledare är X"
    _cue(
        MODERATOR,
        None,
        POST,
        # the same span as the cue of the one interviewed, so that both are kept
        r"\b(?:intervjuas|intervjuades|utfrågas|utfrågades|frågas\s+ut|frågades\s+ut|utfrågad|intervjuad|"
        r"(?:(?:is|was|will\s+be)\s+)?interviewed)\s+(?:av|by)\b",
        r"\butfrågningen\s+(?:hålls|leds|görs)\s+av\b",
        # "Värdar för seminariet är X ordförande Y och Z vice vd Y"
        r"\b(?:programledare|konferencier|värd|värdar|host|hosts)"
        r"(?:\s+för\s+(?:seminariet|samtalet|dagen|kvällen|eftermiddagen|förmiddagen|frukosten|mötet))?"
        r"\s+(?:är|var|blir|is|was|will be)\b",
    ),
    _cue(
        MODERATOR,
        None,
        PRE,
        # "X är dagens moderator", "X är frukostseminariernas samtalsledare": any genitive before it
        r"\b(?:är|var|blir)\s+(?-i:[a-zåäö]+s)\s+(?:moderator|samtalsledare|konferencier|programledare)\b",
        r"\b(?:är|var|blir)\s+moderator\b",
        rf"\b(?:modererar|modererade|leder|ledde|håller ihop|höll ihop)\s+{_EVENT_NOUN}\b",
        # "A och B, ordförande resp. vice ordförande i X, leder detta seminarium"
        r"\b(?:leder|ledde|modererar)\s+(?:detta|det\s+här|dagens)\s+(?:seminarium|samtal|pass|möte|frukostmöte)\b",
        r"\b(?:modererar|modererade)\b",
        # "A, TV4, och B, Expressen, sänder direkt från TV4:s scen": who broadcasts the item hosts it
        r"\b(?:sänder|sände)\s+(?:direkt|live)\b",
        # "X (ordf. Utgivarna) leder utfrågning av Y": the verb alone, so that the cue of the one
        # questioned reads what follows
        r"\b(?:leder|ledde)\b(?=\s+(?:en\s+|ett\s+)?(?:utfrågning|utfrågningen|intervju|intervjun|samtal|debatt|"
        r"diskussion|panelsamtal)\b)",
        r"\b(?:will moderate|moderates|will chair|chairs the|will host|will facilitate|facilitates)\b",
        # "Anna Ek leder uppsnacket", "X ställer frågor till Y"
        r"\b(?:leder|ledde)\s+(?:upp|efter)?snacket\b",
        _ASKS,
        r"\b(?:is|was|will be)\s+(?:the\s+)?(?:moderator|chair|host|facilitator)\b",
    ),
    # people on the stage
    _cue(
        PANELIST,
        PARTICIPANT,
        EITHER,
        r"\b(?:deltog|deltar|deltager|medverkade|medverkar)\b",
    ),
    _cue(
        PANELIST,
        None,
        EITHER,
        rf"\b(?:samtalar|samtalade|diskuterar|diskuterade|debatterar|debatterade|möts|möttes){_PRONOUN_WITH}",
        r"\b(?:samtalar|samtalade|diskuterar|diskuterade|debatterar|debatterade|möts|möttes)\b",
        # "Anna Ek meets two economists of the region: Professor Per Holm … and …", "X meets Y"
        r"\b(?:meets|will\s+meet)\b(?=\s+(?:[\w'’:,-]+\s+){0,12}?(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))",
    ),
    _cue(
        PANELIST,
        None,
        POST,
        r"\b(?:ett\s+|i\s+)?samtal\s+(?:mellan|med)\b",
        # "Samtal om utsatthet och attityder mellan A, B och C": what it is about, then who talks
        r"\b(?:ett\s+)?samtal\s+om\s+(?:[a-zåäö-]+\s+){1,6}?mellan\b(?=\s+(?:[a-zåäö-]+\s+){0,3}(?-i:[A-ZÅÄÖ]))",
        r"\b(?:samtalet|panelsamtalet|debatten|diskussionen|dialogen)\s+(?:mellan|med)\b",
        # "… och med deltagande från bland andra jämställdhetsminister X, Y och Z"
        r"\b(?:med\s+)?deltagande\s+(?:av|från)(?:\s+bland\s+(?:andra|annat))?(?=\s+[\wåäö-]*\s*(?-i:[A-ZÅÄÖ]))",
        # "Paneldiskussion med politikerna A, B och C", "en debatt med X"
        r"\b(?:ett\s+|en\s+|i\s+)?(?:panelsamtal|paneldiskussion|paneldebatt|debatt|diskussion|"
        r"paneldiskussionen|paneldebatten)\s+(?:mellan|med)\b(?=\s+(?:[\w-]+\s+){0,2}(?-i:[A-ZÅÄÖ]))",
        # "Chalmers bjuder in till en annorlunda workshop med konstnären X och professorn Y"
        r"\b(?:ett|en)\s+(?:[a-zåäö]+\s+)?(?:workshop|rundabordssamtal|frukostsamtal)\s+med\b"
        r"(?=\s+(?:[\w-]+\s+){0,2}(?-i:[A-ZÅÄÖ]))",
        # "Tillsammans med Henrik Axell från Kinnarps … får vi …", "bjuder vi in Nora Bavey, …,
        # till samtal"
        r"^tillsammans\s+med\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        r"\bbjuder\s+vi\s+(?:också\s+|även\s+)?in\b(?=\s+[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        r"\bi\s+(?:\w+-)?\w*panelen\s+(?:sitter|satt|finns|fanns|ingår|ingick|medverkar|medverkade|deltar|"
        r"deltog)\b",
        # "I panelen hör vi Maria Lund, …", "På scen möter vi …"
        r"\b(?:i\s+(?:\w+-)?\w*panelen|på\s+scen(?:en)?)\s+(?:hör|ser|möter|träffar)\s+(?:vi|ni|du)\b",
        # "Kom och lyssna och ställ frågor till Hans Granlund, försvarsattaché i Kiev."
        r"\bställ(?:a)?\s+(?:dina\s+|era\s+)?frågor\s+till\b(?=\s+[A-ZÅÄÖ])",
        _ASKS,  # the people asked take part (the same words read for the one who asks)
        # "Med Jonas Sill (VISITA), Mikael Bränn (…) och …", "På scen Alex Mabäcker, VD …": a
        # sentence that opens with the people of the item.
        r"^(?:med|på\s+scen(?:en)?)(?=\s+(?:[a-zåäö]+\s+)?(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))",
        # "Med i samtalet är Fatima Ek", "Med på seminariet är också X", "Med på scenen som
        # side-kicks är också X"
        r"^med\s+(?:i|på)\s+(?:samtalet|panelen|debatten|seminariet|diskussionen|scenen|scen)\b"
        r"(?:\s+som\s+[\w-]+)?\s+(?:är|finns|sitter)(?:\s+(?:också|även))?\b",
        r"\b(?:med\s+)?på\s+scen(?:en)?\s+(?:finns|fanns|är|var|står|stod|möts|möttes|ses)\b",
        r"\b[\wåäö]*panelen\s+(?:består|bestod)\s+av\b:?",
        # "På plats finns företrädare för studieförbunden och civilminister Ida Karkiainen"
        r"\bpå\s+plats\s+(?:finns|fanns|är|var|blir)\b",
        # "På plats för att diskutera detta finns bl.a. journalisten X"
        r"\bpå\s+plats\s+för\s+att(?:\s+[\wåäö]+){1,4}?\s+(?:finns|fanns|är|var)\b",
        r"\b(?:medverkande|deltagare|deltagarna|panelister|panelisterna|paneldeltagare|paneldeltagarna)"
        r"\s+(?:är|var|blir)\b",
        r"\bbland\s+(?:de\s+medverkande|deltagarna|panelisterna|paneldeltagarna|gästerna)\s+"
        r"(?:finns|fanns|märks|syns)\b",
        r"\bmedverkar\s+gör\b",
        # "Deltar på seminariet gör X, …": the verb first, "gör" before the people.
        r"^(?:deltar|medverkar)(?:\s+[\wåäö]+){1,3}?\s+gör\b",
        r"\b(?:kommentator|kommentatorer|opponent|opponenter|diskutant)\s+(?:är|var|blir)\b",
        r"\b(?:joined|accompanied)\s+(?:on\s+(?:stage|the\s+panel)\s+|in\s+the\s+(?:panel|discussion)\s+)?by\b",
        r"\b(?:also\s+)?taking\s+part\s+(?:are|is|will\s+be|were|was)\b",
        r"\b(?:också|även)\s+(?:medverkar|deltar)\b",
        r"\b(?:panelists|panellists|panel members|participants|discussants|guests)\s+"
        r"(?:include|includes|are|were|will be)\b",
        r"\bthe\s+panel\s+(?:includes|included|consists of|features|comprises)\b",
        r"\b(?:discussion|conversation|debate|dialogue|talk)\s+between\b",
        # "A discussion on global leadership and the new digital landscape, with Jan Eliasson"
        r"\b(?:discussion|conversation|debate|dialogue)\s+(?:on|about)\s+(?:[\w,-]+\s+){1,8}?with\b"
        r"(?=\s+(?:[a-z]+\s+)?(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))",
        # "Discussion with Susan Glasser, Editor in Chief of …", "These questions will be
        # discussed by X, Y and Z"
        r"^(?:a\s+)?(?:panel\s+)?(?:discussion|debate|dialogue)\s+with\b",
        r"\b(?:discussed|debated)\s+by\b",
        # "He will discuss the situation with the head of Sida, Anna Ek, and …"
        r"\bwill\s+(?:discuss|debate|talk)\b(?:\s+[\w'’-]+){0,6}?\s+with\b(?=\s+(?:the\s+)?[\w-]+)",
        r"\bas\s+well\s+as\s+by\b",
        r"\bwith\s+contributions\s+from\b",
        # "Featuring A, … and B, …", "With special guest C": present tense only ("Our last
        # webinar featured D" names someone who spoke before).
        r"^(?:featuring|with\s+special\s+guests?)\b",
        r"\bfeaturing\b(?=\s+[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        r"\b(?:special\s+guests?)\s+(?:is|are|will be|include|includes)\b",
    ),
    _cue(
        PANELIST,
        None,
        PRE,
        # ("debate" alone is more often the noun: "tore up debate about …")
        r"\b(?:will discuss|will debate|will argue|will join the panel|joins the panel|join the panel|discuss"
        r"|debate(?=\s+(?:the|whether|how|what|if|with|on)\b))\b",
        r"\b(?:is|are|will\s+be)\s+taking\s+part\b",
        r"\bwill\s+(?:participate|take\s+part)\b",
    ),
    # "X will be in conversation with Y": both take part.
    _cue(PANELIST, None, EITHER, r"\b(?:(?:will be|is|are)\s+)?in\s+conversation\s+with\b"),
    # speakers
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:inleds|inleddes|öppnas|öppnades|avslutas|avslutades|introduceras|introducerades)"
        r"\s+(?:av|med\s+att)\b",
        # "Seminariet inleds och modereras av X": the first role stated
        r"\b(?:inleds|inleddes|öppnas|öppnades)\s+och\s+(?:modereras|modererades|leds|leddes)\s+av\b",
        # "Samtalet inleds med en framtidsspaning av X", "Introduktion och summering av X"
        r"\b(?:inleds|inleddes|avslutas|avslutades)\s+med\s+(?:en|ett)\s+[\wåäö-]+\s+av\b",
        r"\b(?:introduktion|summering|framtidsspaning|spaning|genomgång|omvärldsanalys)"
        r"(?:\s+och\s+[\wåäö]+)?\s+av\b(?=\s+(?:[\w:]+\s+){0,3}[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        # "Under Miljöpartiets halvdag håller språkröret Per Bolund tal": the verb second
        r"\b(?:håller|höll)(?=\s+(?:[\w.:'’-]+\s+){1,6}?(?:sitt\s+|ett\s+)?[\wåäö]*tal\b)",
        r"\b(?:presenteras|presenterades)\s+av\b(?=\s+(?:[\w:]+\s+){0,3}[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        # "… och lyssna på vår chefsekonom Jens Magnusson"
        r"\blyssna\s+(?:på|till)\b(?=\s+(?:[a-zåäö]+\s+){0,3}[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        r"\b(?:föreläsning|föredrag|presentation|anförande|inledning|keynote|dragning)\s+(?:av|med)\b",
        # "… samt tal av Sveriges kristna råds generalsekreterare Karin Wiborn"; not "kommentarer
        # till onsdagskvällens tal av X" (a speech of another day's, in the genitive)
        r"(?<!s\s)\btal\s+av\b(?=\s+(?:[\w:]+\s+){0,5}(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))",
        r"\b(?:inledningstalare|huvudtalare|talare|föreläsare|inledare|talarna|föreläsarna)\s+(?:är|var|blir)\b",
        r"\bbland\s+(?:talarna|föreläsarna|inledarna|dagens talare|kvällens talare)\s+"
        r"(?:finns|fanns|märks|syns)\b",
        r"\b(?:speakers|presenters|keynote speakers|keynote speaker|speaker)\s+(?:include|includes|are|is|"
        r"were|will be)\b",
        r"\b(?:keynote|talk|lecture|presentation|address|introduction|opening remarks|welcome|startup|"
        r"start-up|kick-off|opening)\s+(?:by|from)\b",
        r"\b(?:keynote|opening|closing|welcome)\s+(?:address|speech|remarks|lecture)\s+(?:by|from)\b",
        r"\b(?:frågestund|frågor och svar|Q&A|questions and answers)\s+(?:med|with)\b",
        r"\b(?:introduced|presented|opened|given|delivered)\s+by\b",
        # "The review is made by X, a doctoral candidate …"
        r"\b(?:review|overview|presentation|introduction|analysis)\s+(?:is|will\s+be)\s+(?:made|given|held)\s+by\b",
        # "Först ut var Lisa Ek från Vinnova", "Sist ut är …"
        r"\b(?:först|sist|näst)\s+ut\s+(?:var|är|blir)\b",
        r"\bfirst\s+up\s+(?:is|was|will be)\b",
        # "Välkommen till en kväll med Lisa Hedenström, författare …"
        r"\b(?:en|ett)\s+(?:kväll|afton|eftermiddag|förmiddag|lunchtimme|författarkväll|författarsamtal)"
        r"\s+med\b(?=\s+[A-ZÅÄÖ])",
        # "Hon lämnade över till kvällens huvudtalare, Johan Ekdahl, docent …"
        r"\b(?:kvällens|dagens|eftermiddagens|förmiddagens|seminariets|konferensens|mötets)\s+"
        r"(?:huvudtalare|inledningstalare|talare|föreläsare|inledare)(?=,|:|\s+[A-ZÅÄÖ])",
    ),
    _cue(
        SPEAKER,
        None,
        EITHER,
        r"\b(?:talar|talade|föreläser|föreläste|presenterar|presenterade|inleder|inledde|berättar|"
        r"berättade|guidar|guidade|redogör|redogjorde|beskriver)\b",
        r"\b(?:håller|höll)\s+(?:ett\s+|en\s+)?(?:föredrag|anförande|inledning|föreläsning|keynote)\b",
        # "X håller sitt Almedalstal", "håller sitt första tal", "håller tal i Almedalen"
        r"\b(?:håller|höll)\s+(?:sitt\s+|ett\s+)?(?:första\s+|årliga\s+|traditionella\s+)?[\wåäö]*tal\b",
    ),
    # "Eva Lind och Riksidrottsförbundet delar sina tankar", "X shares her experiences": who
    # shares what they think or have lived tells, and an organisation that does so takes part.
    _cue(
        SPEAKER,
        PARTICIPANT,
        PRE,
        r"\b(?:delar|delade)\s+(?:med\s+sig\s+av\s+)?(?:sina|sin|sitt|sin\s+egen)\s+(?:tankar|erfarenheter|"
        r"erfarenhet|perspektiv|kunskaper|kunskap|insikter|berättelse|historia)\b",
        # "X och Y ger sin syn", "… sammanfattar sin syn på svensk ekonomi": who gives their view
        # (spelled out, so that the words that gate the cue are long: "ger" is in too many words)
        r"\b(?:ger sin syn|gav sin syn|ger sin bild|gav sin bild|ger sina perspektiv|ger sina tankar|"
        r"sammanfattar sin syn|sammanfattade sin syn)\b",
        r"\b(?:share|shares|shared|will\s+share)\s+(?:their|his|her|its)\s+(?:thoughts|experiences?|"
        r"insights|perspectives?|stor(?:y|ies)|knowledge)\b",
        # "X låg bakom förändringen och svarar nu på frågan: …": who answers the item's question
        r"\b(?:svarar|svarade)\s+(?:nu\s+|också\s+|även\s+)?på\s+(?:frågan|frågorna|era\s+frågor|dina\s+frågor)\b",
        # "A, B och C från X står på scen för att dela med sig av erfarenheter"
        r"\b(?:står|stod)\s+på\s+scen(?:en)?\s+för\s+att\s+(?:dela|berätta|tala|föreläsa|presentera|visa)\b",
    ),
    # "… samt intervju med Nooshi Dadgostar", "Dagens gäst är X": who is interviewed or the guest.
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:en\s+)?(?:intervju|utfrågning)\s+med\b(?=\s+(?:[a-zåäö]+\s+){0,3}(?-i:[A-ZÅÄÖ]))",
        r"\b(?:dagens|kvällens|veckans|morgonens|seminariets|programmets)\s+(?:gäst|huvudgäst)\s+(?:är|var|blir)\b",
    ),
    # "Under seminariet ger Katarina Tingström konkreta råd", "Därefter gav regionrådet X en
    # bakgrund": the verb second, the speaker after it and what is given after the speaker.
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:ger|gav)(?=\s+(?:[\w.:()'’-]+\s+){1,8}?(?:konkreta\s+|praktiska\s+|sina\s+)?(?:råd|tips|"
        r"en\s+(?:översikt|bakgrund|introduktion|lägesbild|inblick|föreläsning|presentation|inledning))\b)",
    ),
    # "Om detta kommer Företagarnas chefsekonom Johan Grip (att) tala", "Walter kommer att tala om":
    # a verb of taking part after "kommer (att)" / "ska", with the person before or inside.
    _cue(
        SPEAKER,
        None,
        POST,
        rf"\b(?:kommer|ska|skall)(?=\s+(?:[\w.:,'’()-]+\s+){{1,12}}?(?:att\s+)?{_SPEAKING_INFINITIVE}\b)",
    ),
    _cue(
        SPEAKER,
        None,
        PRE,
        rf"\b(?:kommer\s+(?:även\s+|också\s+)?(?:att\s+)?|ska\s+|skall\s+){_SPEAKING_INFINITIVE}\b",
    ),
    # "I slutet kommer Petter Ek, chef på Vectura, att bidra med sina erfarenheter": a speaker's part
    _cue(
        SPEAKER,
        None,
        POST,
        rf"\b(?:kommer|ska|skall)(?=\s+(?:[\w.:,'’()-]+\s+){{1,16}}?(?:att\s+)?bidra\s+med\s+{_BROUGHT})",
    ),
    # "Därefter kommer Per Lund, sakkunnig för X, att leda ett samtal med …"
    _cue(
        MODERATOR,
        None,
        POST,
        r"\b(?:kommer|ska|skall)(?=\s+(?:[\w.:,'’()-]+\s+){1,12}?(?:att\s+)?(?:leda|moderera)\s+"
        r"(?:ett\s+|en\s+|samtalet|debatten|diskussionen|panelen))",
    ),
    _cue(
        PANELIST,
        None,
        POST,
        rf"\b(?:kommer|ska|skall|får)(?=\s+(?:[\w.:,'’()-]+\s+){{1,20}}?(?:att\s+)?{_PANEL_INFINITIVE}\b)",
    ),
    _cue(PANELIST, None, PRE, rf"\b(?:kommer\s+(?:att\s+)?|ska\s+|skall\s+){_PANEL_INFINITIVE}\b"),
    _cue(MODERATOR, None, PRE, r"\b(?:kommer\s+(?:att\s+)?|ska\s+|skall\s+)(?:moderera|leda samtalet)\b"),
    # "Dr. Tornike Metreveli will situate …", "Professor X will outline …": what a speaker will do.
    _cue(
        SPEAKER,
        None,
        PRE,
        r"\bwill\s+(?:situate|outline|show|explain|share|talk|address|reflect|elaborate|highlight|describe|"
        r"examine|explore|discuss how|offer|provide an?|look at|walk us|take us|tell)\b",
    ),
    # Interviews: "X frågar ut Y", "Expressens reporter X intervjuar Y", "Utfrågning med Y".
    _cue(
        MODERATOR,
        None,
        PRE,
        r"\b(?:frågar|frågade)\s+ut\b",
        r"\b(?:intervjuar|intervjuade|interviews)\b",
        # "TV4:s Anders Ek och Expressens Nils Berg grillar aktuella makthavare"
        r"\b(?:grillar|grillade)\b(?=\s+(?:[a-zåäö]+\s+){0,2}(?:makthavare|politiker|ministrar|partiledare|gäster|gästerna))",
    ),
    # The one interviewed or questioned is the speaker.
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:frågar|frågade)\s+ut\b",
        r"\b(?:intervjuar|intervjuade|interviews)\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])",
        r"\b(?:utfrågning|intervju|interview)\s+(?:med|av|with)\b",
    ),
    _cue(
        PANELIST,
        None,
        POST,
        r"\b\w*(?:samtal|diskussion|debatt|dialog|eftersnack|duell)\s+(?:mellan|med|bestående\s+av)\b",
        # "Panelsamtal om journalistik, politik och förtroende med forskarna A och B": the subject
        # between the noun and "med" (a lowercase word or none, then a capitalised name, after it).
        r"\b\w*(?:samtal|diskussion|debatt|dialog)\s+om\s+(?:[\w,-]+\s+){1,6}?med\b"
        r"(?=\s+(?:bland\s+andra\s+|bl\.?\s?a\.?\s+|[a-zåäö]+\s+)?(?-i:[A-ZÅÄÖ])[\w-]+\s+(?-i:[A-ZÅÄÖ]))",
        r"\b(?:gästas|besöks)\s+(?:bland\s+annat\s+|bl\.?\s?a\.?\s+)?av\b",
        r"\b(?:debatteras|diskuteras|debatterades|diskuterades)\s+(?:av|mellan)\b",
        r"\b(?:övriga\s+)?medverkande(?:\s+är)?(?=\s+(?:bl\.a\.\s+|bland\s+andra\s+)?[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ])",
        r"\bpanel(?:en)?\s+som\s+består\s+av\b",
        r"\bkom\s+och\s+(?:möt|träffa)\b(?=\s+[A-ZÅÄÖ])",
        # "Efter det följer analys och kommentarer från K-G Bergström och Mona Sahlin": commentators
        r"\b(?:kommentarer|kommentar|kommenteras)\s+(?:från|av)\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])",
    ),
    _cue(SPEAKER, None, PRE, r"\b(?:är|var|blir)\s+först\s+ut\b"),
    # "Från Pensionsmyndigheten föredrar analyschef Ole Ek", "Föredragande från SCB är Lena Ek"
    _cue(
        SPEAKER,
        None,
        POST,
        r"\bföredrar\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ][\w-]+\s+[A-ZÅÄÖ])",
        r"\bföredragande(?:\s+(?:från|för)\s+[\w-]+)?\s+(?:är|blir)\b",
    ),
    # "Klockan 13.00 invigning av landshövding Kristina Ek": who opens the item speaks.
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:invigning|invigningstal|invigs|invigdes)\s+(?:av|med)\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])",
    ),
    # "Johan Ek och Maria Berg ställs för första gången mot varandra": a debate of the two.
    _cue(PANELIST, None, PRE, r"\bställs\b(?=(?:\s+[\wåäö]+){0,4}\s+mot\s+varandra\b)"),
    # "Bror Ek i samtal utifrån boken …": the person before "i samtal" talks with others.
    _cue(PANELIST, None, PRE, r"\bi\s+samtal\b(?!\s+(?:med|mellan)\b)"),
    # "Gunilla Ek i personligt samtal med filmaren X": the person before talks with the one after.
    _cue(PANELIST, None, EITHER, r"\bi\s+(?:[a-zåäö]+\s+)?samtal\s+med\b"),
    # "Dessutom bidrar forskaren Olof Ek med insikter från en studie", "X bidrar med sina
    # erfarenheter": what one brings to the item, a speaker's part.
    _cue(
        SPEAKER,
        None,
        POST,
        rf"\b(?:bidrar|bidrog)(?=\s+(?:[\w.:,'’()-]+\s+){{1,8}}?med\s+{_BROUGHT})",
    ),
    _cue(
        SPEAKER,
        None,
        PRE,
        rf"\b(?:bidrar|bidrog|bidra)\s+med\s+{_BROUGHT}",
    ),
    # "Kom och lyssna på professorn Anna Lund": the one listened to speaks.
    _cue(SPEAKER, None, POST, r"\bkom\s+och\s+lyssna\s+på\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])"),
    # Performers: "Opera singer X will perform some Swedish folk songs", "X uppträder".
    _cue(
        PARTICIPANT,
        None,
        PRE,
        r"\bwill\s+(?:perform|sing)\b",
        r"\b(?:performs|sings)\b",
        r"\b(?:uppträder|uppträdde|sjunger|sjöng)\b",
    ),
    # "Amir Rostami, kriminolog …, besvarar frågorna": who answers the questions speaks.
    _cue(
        SPEAKER,
        None,
        PRE,
        r"\b(?:besvarar|besvarade|svarar\s+på|svarade\s+på)\s+(?:(?:era|dina|publikens|alla)\s+)?frågor(?:na)?\b",
        r"\b(?:answers|will answer|answered)\s+(?:your\s+|the\s+|questions\b)",
    ),
    _cue(
        SPEAKER,
        None,
        POST,
        r"\b(?:får|kan|kommer)\s+(?:vi\s+|du\s+|ni\s+)?(?:också\s+|även\s+|bland\s+annat\s+)?"
        r"(?:lyssna\s+(?:till|på)|höra)\b",
    ),
    _cue(SPEAKER, None, PRE, r"\b(?:visar|demonstrerar|analyserar)\b"),
    # "K-G Bergström kommenterar": a commentator sits with the panel.
    _cue(PANELIST, None, PRE, r"\b(?:kommenterar|comments)\b(?!\s+(?:from|by)\b)"),
    _cue(
        SPEAKER,
        None,
        PRE,
        r"\b(?:går|gick)\s+igenom\b",
        r"\b(?:ger|gav)\s+en\s+bild\s+av\b",
        r"\b(?:delar|delade)\s+(?:med\s+sig\s+av\s+)?(?:sina\s+)?erfarenheter\b",
        r"\b(?:pratar|pratade)\s+om\b",
        r"\b(?:explains|discusses|talks\s+about|reflects\s+on|shares)\b",
    ),
    # "Möt Lydia Graflund, EsterCare, …", "Meet X", "Träffa X", "Lyssna på X": an invitation to
    # meet the people on the stage, at the start of a sentence.
    _cue(
        PANELIST,
        None,
        POST,
        r"^(?:möt|träffa|meet|join)\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])",
        r"\b(?:vi\s+)?(?:möter|träffar)\s+(?:du|ni|vi)?\s*(?=[A-ZÅÄÖ])",
        r"\b(?:vi\s+)?(?:välkomnar|välkomnade)(?=\s+(?!dig\b|er\b|alla\b|hjärtligt\b)(?:[\w'’.-]+\s+){0,6}?"
        r"[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ])",
        r"\b(?:invites|invite|welcomes)(?=\s+(?!you\b|everyone\b|all\b)(?:[\w'’.-]+\s+){0,6}?[A-ZÅÄÖ][a-zåäö]+"
        r"\s+[A-ZÅÄÖ])",
        r"\b(?:en\s+|a\s+)?(?:namnkunnig\s+|expert\s+)?panel\s+(?:med|with|bestående\s+av|consisting\s+of)\b",
        r"\b(?:in\s+)?a\s+conversation\s+with\b",
    ),
    # "Listen to A (Org) and B analyse …", "Hör A och B analysera": the people heard speak.
    _cue(
        SPEAKER,
        None,
        POST,
        r"^(?:lyssna\s+(?:på|till)|listen\s+to|hör|hear)\b(?=\s+(?:[a-zåäö]+\s+)?[A-ZÅÄÖ])",
    ),
    # Commentators: "The speech will be commented on by A and B", "Comments from C, …".
    _cue(
        PANELIST,
        None,
        POST,
        r"\b(?:(?:will\s+be\s+|is\s+|are\s+)?commented\s+(?:on\s+)?by|comments\s+(?:from|by))\b",
        r"\b(?:kommenteras|kommenterades)\s+av\b",
    ),
    # "… en debatt där Svensk Direktreklam bjudit in A, B och C": the people invited take part, and
    # the organisation that invites them (the cue of the same words below) organises.
    _cue(PANELIST, None, POST, _INVITED),
    _cue(None, ORGANISER, PRE, _INVITED),
    # "Urban Ek, CEO of X, will together with Professor Lind discuss …": both take part.
    _cue(PANELIST, None, EITHER, r"\bwill\s+together\s+with\b", r"\b(?:kommer|ska)\s+tillsammans\s+med\b"),
    _cue(
        SPEAKER,
        None,
        PRE,
        # "X holds his first Almedalen lecture ever"
        r"\b(?:holds|will\s+hold|gives|will\s+give)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:lecture|talk|speech|keynote|presentation|address)\b",
        r"\b(?:will speak|speaks|spoke|addresses|adresses|will present|presents|introduces|will introduce|"
        r"will give|gives|will deliver|delivers|will open|opens the)\b",
    ),
    # organisers
    _cue(
        None,
        ORGANISER,
        POST,
        r"\b(?:arrangeras|arrangerades|anordnas|anordnades|organiseras|organiserades|arrangerat|"
        r"anordnat)\s+(?:av|tillsammans med|i samarbete med)\b",
        r"\b(?:arrangör|arrangörer|medarrangör|medarrangörer)\s+(?:är|var)\b",
        r"\b(?:organised|organized|arranged|co-organised|co-organized|co-hosted)\s+(?:together\s+)?"
        r"(?:by|with|in (?:collaboration|partnership|cooperation) with)\b",
    ),
    # "SAS vd Anko van der Werff bjuder in till samtal": a person who invites hosts the item (the
    # organisers' cue below, of the same words, reads an organisation there).
    _cue(
        MODERATOR,
        None,
        PRE,
        r"\b(?:bjuder|bjöd)\s+(?:(?:nu|åter|härmed|återigen|också)\s+)?in\s+till\b"
        r"(?=\s+(?:ett\s+|en\s+)?(?:samtal|seminari|debatt|diskussion|talkshow|\d+\s+minuter))",
    ),
    # "Kommunförbundet bjuder in till ett samtal", "X inbjuder till", "X invites you to".
    _cue(
        None,
        ORGANISER,
        PRE,
        r"\b(?:bjuder|bjöd)\s+(?:(?:nu|åter|härmed|återigen|också)\s+)?in\s+(?:till|er|dig|alla)\b",
        r"\b(?:bjuder|bjöd)\s+in[!.]?$",
        r"\b(?:inbjuder|inbjöd)\s+(?:(?:nu|härmed)\s+)?till\b",
        r"\b(?:invites|invited|invite)\s+(?:you|everyone|all)\s+to\b",
        r"\b(?:välkomnar|hälsar)\s+(?:dig|er|alla|hjärtligt)\b",
        r"\bwelcomes\s+(?:you|everyone|all)\b",
    ),
    # People who invite to the item host it: "bjuder Dan Adolphsson Björck (AMF) och Staffan Ström
    # (Alecta) in till en talkshow" (names of two or three capitalised words, each perhaps with its
    # organisation in parentheses; before the organisers' cue of the same verb, which it then hides).
    _cue(MODERATOR, None, POST, rf"\b(?:bjuder|bjöd)(?=\s+{_INVITING_PEOPLE}\s*in\s)"),
    # "Kvällen är ett samarbete mellan Stadsbiblioteket och Forskarföreningen": both organise it;
    # "Inför valet bjuder Linköpings studentkår in …": the verb first, the organiser before "in".
    _cue(
        None,
        ORGANISER,
        POST,
        r"\b(?:är|var|blir)\s+ett\s+samarbete\s+mellan\b",
        r"\b(?:is|was)\s+(?:a\s+)?(?:collaboration|partnership|co-operation|cooperation)\s+between\b",
        r"\b(?:bjuder|bjöd)(?=\s+[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,4}?\s+in\s)",
        # "Bakom arenan står Kraftringen, Sysav och Öresundskraft"
        rf"\bbakom\s+(?:{_EVENT_NOUN}|arenan|eventet|evenemanget|arrangemanget|mötesplatsen)\s+(?:står|stod)\b",
    ),
    # "Kraftringen och Sysav står bakom seminariet"
    _cue(
        None,
        ORGANISER,
        PRE,
        rf"\b(?:står|stod)\s+bakom\s+(?:{_EVENT_NOUN}|arenan|eventet|evenemanget|arrangemanget)\b",
    ),
    # "Den 12 september höll Kommunförbundet ett seminarium om …" (the subject after the verb)
    # and "Kommunförbundet höll ett seminarium": who held an event is its organiser.
    _cue(
        None,
        ORGANISER,
        EITHER,
        rf"\b(?:höll|håller|arrangerade|arrangerar|anordnade|anordnar|ordnade|ordnar)\b(?={_HELD_EVENT})",
    ),
)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a sentence: where it is (absolute offsets) and what it means."""

    start: int
    end: int
    cue: Cue


def find_cues(text: str, offset: int) -> list[CueMatch]:
    """Find every cue in a sentence, in order, without overlaps (the longer of two overlapping wins)."""
    found: list[CueMatch] = []
    low = text.lower()
    for cue in CUES:
        if cue.gate is not None and not any(start in low for start in cue.gate):
            continue  # no match can begin anywhere in the sentence
        for match in cue.pattern.finditer(text):
            found.append(CueMatch(offset + match.start(), offset + match.end(), cue))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[CueMatch] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
        elif (item.start, item.end) == (kept[-1].start, kept[-1].end) and (
            item.cue.direction != kept[-1].cue.direction
            or (item.cue.person_role is None) != (kept[-1].cue.person_role is None)
        ):
            # "X frågar ut Y": one verb, a role before it and another after it; "X bjuder in till
            # samtal": a person there hosts, an organisation organises.
            kept.append(item)
    return kept
