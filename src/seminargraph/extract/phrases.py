"""Read what a segment says about a person: job titles, organisation, party, role.

"konsultchef och erfaren beslutsstödskonsult på Hypergene" gives the titles "konsultchef" and
"beslutsstödskonsult" and the organisation "Hypergene"; "länsråd Länsstyrelsen i Södermanland"
the title "länsråd" and the organisation; "Motalas kommunchef" the title and, read from the
genitive, the organisation Motala kommun when the text names it so elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .roles import MODERATOR
from .tokens import (
    DESCRIPTIVE,
    Token,
    continues_with_of,
    is_capitalised,
    is_english_title,
    is_first_name,
    is_lowercase_party_tag,
    is_organisation_word,
    is_party_tag,
    is_title_word,
    party_tag_form,
    role_word,
    tokenize,
)
from .words import english_titles

Span = tuple[int, int]
# Prepositions after a title that introduce the organisation; "i", "för" and "of" only when a
# capitalised name follows ("professor i pedagogik" is one title).
_ALWAYS = frozenset({"vid", "på", "hos", "från", "inom", "at", "from"})
_BEFORE_NAME = frozenset({"i", "för", "av", "of", "for", "with"})
_DESCRIPTORS = frozenset(
    {
        *("tidningen", "tidskriften", "magasinet", "podden", "podcasten", "nätverket", "bolaget"),
        *("företaget", "organisationen", "föreningen", "stiftelsen", "myndigheten", "förlaget"),
        *("tankesmedjan", "the", "network", "magazine", "newspaper", "podcast", "company"),
        *("kontoret", "byrån", "firman", "koncernen", "gruppen", "nyhetsmagasinet", "nyhetssajten"),
        *("organisation", "organization", "journal", "think", "tank"),
    }
)
#: Swedish descriptors also end a compound ("skolföretaget Academedia", "branschorganisationen X",
#: "PR-byrån Greenhill Relations").
_COMPOUND_DESCRIPTORS = tuple(
    word
    for word in _DESCRIPTORS
    if word.endswith(("et", "en", "an", "ån")) and word not in ("the", "magasinet")
)
#: Words written with a full stop inside an organisation's name ("Kungl. Vetenskapsakademien").
_ABBREVIATIONS = frozenset(
    {"kungl", "st", "dr", "prof", "univ", "inst", "avd", "co", "inc", "ltd", "corp", "jr"}
)


def _descriptor(token: Token) -> bool:
    low = token.lower
    return low in _DESCRIPTORS or (len(low) > 8 and low.endswith(_COMPOUND_DESCRIPTORS))


_DEGREES = frozenset({"phd", "msc", "mba", "llm"})
#: Degrees that open a segment of their own ("MSc in General Management", "Fil. Dr. i …").
_DEGREE_WORDS = _DEGREES | {"ma", "ba", "bsc", "fil"}
_CONJUNCTIONS = frozenset({"och", "and", "samt", "&", "/"})
_COMPLEMENT = frozenset({"för", "i", "inom", "av", "of", "for", "in", "on"})
_STOP = frozenset(
    {
        *("som", "där", "när", "med", "om", "vilket", "vilka", "who", "which", "that", "will", "is"),
        *("was", "has", "have", "har", "hade", "är", "var", "ska", "kommer", "också", "även", "sedan"),
        *("about", "och", "and", "samt", "att", "to"),
        # "höra vad politikerna X svarar": a question's words before a title are no part of it
        *("vad", "hur", "vem", "vilken", "vilket", "varför", "höra", "lyssna"),
    }
)
# Verbs of what a person does in an item, which end an organisation's name read after them.
_ACTING = frozenset(
    {
        *("presenterar", "berättar", "talar", "diskuterar", "inleder", "leder", "modererar"),
        *("medverkar", "deltar", "samtalar", "debatterar", "föreläser", "arbetar", "jobbar"),
        *("reflekterar", "pratar", "intervjuar", "visar", "beskriver", "förklarar", "svarar"),
        *("utfrågad", "intervjuad", "utfrågas", "intervjuas"),
        *("presents", "discusses", "talks", "speaks", "leads", "moderates", "explains", "works"),
    }
)
# A verb in the present tense ("demonstrerar", "ligger", "finns"), not a noun of a name
# ("tidningar", "kulturallians"): verbs in "-erar" and a few common ones (with _ACTING).
_PRESENT_TENSE = re.compile(
    r"[a-zåäö]{3,}erar|ligger|finns|avslutar|sammanfattar|står|blir|får|kan|har|är|gör"
)
_CONNECTORS = frozenset(
    {"i", "för", "och", "av", "de", "of", "for", "and", "the", "&", "på", "du", "des", "la"}
)
_PRONOUNS = frozenset({"vi", "du", "ni", "man", "jag", "hon", "han", "hen", "we", "you", "they"})
_DETERMINERS = frozenset(
    {"ett", "en", "sitt", "sin", "sina", "två", "tre", "fyra", "fem", "flera", "några", "många", "alla"}
)
_POSSESSIVES = frozenset(
    {"vår", "vårt", "våra", "er", "ert", "era", "dess", "deras", "our", "their", "his", "her", "its"}
)
_ARTICLES = frozenset({"den", "det", "de", "en", "ett", "the", "a", "an"})
MAX_ORGANISATION_WORDS = 8
_PARTIES = frozenset({"S", "M", "C", "L", "V", "KD", "MP", "SD", "Fi"})
_LEADING_PARTY = re.compile(r"\s*\(([A-Za-zÅÄÖåäö]{1,3})\)[\s,]*")
_TRAILING_ROLE = re.compile(r"\s*\(([^()]{2,30})\)\s*$")
_ORG_SUFFIXES = ("kommun", "stad", "region", "län", "landsting", "församling")


@dataclass
class Attribute:
    """What one segment says: spans of the text, and the organisation name when it is read."""

    titles: list[Span] = field(default_factory=list)
    organisation: Span | None = None
    organisation_name: str | None = None
    organisation_note: str | None = None
    party: Span | None = None
    role: str | None = None
    # A title that named a body ("ordf. i regionstyrelsen"): the titles as read, then the whole
    # title, which comes back when an organisation is written on its own after it.
    body_titles: tuple[list[Span], Span] | None = None


_PAST = re.compile(
    r"\s(?:med\s+(?:ett\s+)?förflutet\s+som|med\s+bakgrund\s+som|med\s+lång\s+erfarenhet\s+som|"
    r"som\s+tidigare\s+(?:var|har\s+varit)|with\s+a\s+background\s+as|formerly|previously|"
    # "leg barnmorska som jobbat på RFSU i många år": a former employer
    r"som\s+(?:har\s+|hade\s+)?(?:jobbat|arbetat|jobbade|arbetade)\s+(?:på|vid|hos|i|inom|som)|"
    r"who\s+(?:has\s+)?(?:previously\s+)?worked\s+(?:at|for|in|as))\s",
    re.IGNORECASE,
)
_FORMER = re.compile(
    r"(?:tidigare|förut|före detta|f\.d\.|formerly|previously|former(?:ly)?)\s+"
    r"(?:på|vid|hos|i|inom|at|with|of|in)\s",
    re.IGNORECASE,
)


# A post held before, in Swedish: "fd. anstaltschef på X", "läkare och tidigare regeringens
# psykiatrisamordnare", "Rikshem. F. d. kommunalråd": from the word on, no title of the person's now.
# (English "former Prime Minister of Haiti" is how such a person is named, and kept.)
_NOW = re.compile(
    r"(?:^\s*|,\s+|\s(?:och|samt|and)\s+)(?:idag|i dag|numera|numer|nu|now|today)\s+(?=\w)", re.IGNORECASE
)
_FORMER_POST = re.compile(
    r"(?:^|(?<=\s)(?:och|samt)\s+|[.;]\s*|(?<=\s))(?:tidigare|före\s+detta|förre|f\.\s?d\.?|f\s+d|fd\.?|previously|formerly|(?:under|på)\s+\d{4}-talet)\s+(?=\w)",
    re.IGNORECASE,
)


def opens_with_former_post(piece: str) -> bool:
    """Say whether ``piece`` is a former post ("tidigare miljöminister", "fd vd på X"), which says
    who the person was and gives them no title."""
    former = _FORMER_POST.search(piece.strip())
    return former is not None and former.start() == 0


_INNER_PARTY = re.compile(r"\s+(?:för\s+)?\(([A-Za-zÅÄÖåäö]{1,2})\)(?=\s+\S)")
_TRAILING_PARTY = re.compile(r"\s*\(([A-Za-zÅÄÖåäö!]{1,3})\)\s*$")


def parse_attribute(text: str, start: int, end: int) -> Attribute:
    """Read the segment ``text[start:end]`` that follows a person's name."""
    attribute = Attribute()
    piece = text[start:end]
    inner = piece.strip("() ")
    if (is_party_tag(inner) and ("(" in piece or piece.strip() in _PARTIES)) or (
        "(" in piece and is_lowercase_party_tag(inner)
    ):
        # "(S)", "(s)" as older programmes write it, or a bare "S" or "KD"; a bare "SLU" is an
        # organisation.
        at = text.index(inner, start, end)
        attribute.party = (at, at + len(inner))
        return attribute
    leading = _LEADING_PARTY.match(piece)
    if leading is not None and party_tag_form(leading.group(1)) is not None:
        # "(c), jordbruksminister": the party tag, then the title.
        attribute.party = (start + leading.start(1), start + leading.end(1))
        start += leading.end()
        piece = text[start:end]
        if not piece.strip():
            return attribute
    if _FORMER.match(piece.strip()):
        return attribute  # "tidigare på Sveriges Radio": a former employer, not the organisation
    now = _NOW.search(piece)
    if now is not None:
        # "huvudsekreterare i utredningen X och idag socialrättsjurist hos Y": the post before
        # "idag" is a former one.
        start += now.end()
        piece = text[start:end]
    former = _FORMER_POST.search(piece.strip())
    if former is not None:
        if former.start() == 0:
            return attribute
        end = start + (len(piece) - len(piece.lstrip())) + former.start()
        piece = text[start:end]
    past = _PAST.search(piece)
    if past is not None and past.start() > 0:
        # "debattör och författare med förflutet som politisk chefredaktör på Dagens Nyheter":
        # what the person was before is no title of theirs.
        end = start + past.start()
        piece = text[start:end]
    seated = _INNER_PARTY.search(piece)
    if seated is not None and seated.start() > 0 and party_tag_form(seated.group(1)) is not None:
        # "riksdagsledamot för (m) Stockholms stad": the party, and where the seat is, end the title.
        attribute.party = (start + seated.start(1), start + seated.end(1))
        end = start + seated.start()
        piece = text[start:end]
    tagged = _TRAILING_PARTY.search(piece)
    if tagged is not None and tagged.start() > 0 and is_party_tag(tagged.group(1)):
        # "riksdagsledamot (L)": the party tag after the title.
        attribute.party = (start + tagged.start(1), start + tagged.end(1))
        end = start + tagged.start()
        piece = text[start:end]
    role = role_word(piece)
    words = piece.split()
    if role is None and len(words) == 2 and words[0].islower() and words[0].endswith("s"):
        role = role_word(words[1])  # "frukostseminariernas samtalsledare": whose moderator
    if role is not None:
        attribute.role = role
        return attribute
    marked = _TRAILING_ROLE.search(piece)
    if marked is not None and role_word(marked.group(1)) is not None:
        # "energijournalist (moderator)": the role in parentheses after the title.
        attribute.role = role_word(marked.group(1))
        end = start + marked.start()
        piece = text[start:end]
    tokens = tokenize(piece, start)
    if tokens and (tokens[0].lower in _CLAUSE or (tokens[0].lower == "tillsammans" and len(tokens) > 1)):
        return attribute  # "…, tillsammans med politiker som gästar": who else, not a title
    # "LRF Från Gotland medverkar …": a capitalised preposition begins the next sentence (its
    # line break lost), not the organisation's name.
    cut = next((k for k, t in enumerate(tokens) if k and t.text in _SENTENCE_PREPOSITIONS), len(tokens))
    tokens = tokens[:cut]
    if not tokens:
        return attribute
    if len(tokens) > 1 and tokens[0].text in ("a", "an") and tokens[1].text.islower():
        tokens = tokens[1:]  # "a housing researcher at the University of Leeds"
    if not tokens:
        return attribute
    if tokens[0].lower.replace(".", "") in _DEGREE_WORDS and (
        len(tokens) == 1 or tokens[1].lower in ("in", "i", "of", "från", "from", "dr")
    ):
        return attribute  # "MSc in General Management": a degree is no job title
    if (
        len(tokens) > 1
        and tokens[0].text.islower()
        and tokens[0].lower in _INSTITUTIONS
        and is_title_word(tokens[1])
    ):
        # "regeringens utredare", "hovets informationschef": an organisation written as a
        # definite noun in the genitive, then the title ("regeringen", "hovet").
        attribute.organisation = (tokens[0].start, tokens[0].end - 1)
        tokens = tokens[1:]
    genitive = _genitive(tokens)
    if genitive:
        # "Region Skåneviks kulturdirektör", "Motalas kommunchef"
        _read_genitive(text, tokens[:genitive], attribute)
        tokens = tokens[genitive:]
    # "vice VD Svensk Energi": a lowercase word before a title in capitals belongs to the title.
    lead = int(
        len(tokens) > 2
        and tokens[0].lower in _TITLE_MODIFIERS
        and tokens[1].text.isupper()
        and is_title_word(tokens[1])
    )
    rest = tokens[lead:]
    if (
        not genitive
        and len(rest) > 1
        and (
            rest[0].text.isupper()
            or _swedish_title(rest[0])
            # "Professor Harvard Business School": an English title, then a name marked as an
            # organisation's
            or (
                rest[0].text[:1].isupper()
                and english_titles().matches(rest[0].lower)
                and any(is_organisation_word(t) and is_capitalised(t) for t in rest[1:])
            )
        )
        and is_title_word(rest[0])
        and is_capitalised(rest[1])
        and not is_title_word(rest[1])
    ):
        # "VD NyföretagarCentrum Sverige", "CEO Ekbo AB": a title in capitals, then the organisation.
        attribute.titles.append((tokens[0].start, rest[0].end))
        extent = organisation_extent(rest, 1, text)
        if extent is not None:
            attribute.organisation = (rest[1].start, rest[extent - 1].end)
        return attribute
    body = _lowercase_body(tokens)
    if body is not None:
        body_end = tokens[-1].end
        attribute.organisation = (tokens[body].start, body_end)
        tokens = tokens[: body - 1] if tokens[body - 1].lower in _ALWAYS | _BEFORE_NAME else tokens[:body]
        for phrase in _split_phrases(tokens):
            span = _title(phrase)
            if span is not None:
                attribute.titles.append(span)
        if attribute.titles:
            attribute.body_titles = (list(attribute.titles), (attribute.titles[-1][0], body_end))
        return attribute
    split = _organisation_split(tokens)
    title_tokens = tokens
    if split is None and _lowercase_agency(tokens):
        # "generaldirektör för energimyndigheten": an authority written in lowercase ends the title.
        attribute.organisation = (tokens[-1].start, tokens[-1].end)
        title_tokens = tokens[:-2]
    if split is not None:
        # Without the preposition: "kommunalråd i Sundstad" has the title "kommunalråd".
        preposition = tokens[split - 1].lower in _ALWAYS | _BEFORE_NAME
        title_tokens = tokens[: split - 1] if preposition else tokens[:split]
        org_at = skip_descriptors(tokens, split)
        if (
            org_at + 3 < len(tokens)
            and tokens[split - 1].lower == "hos"
            and _person_next(tokens, org_at)
            and tokens[org_at + 2].lower in ("på", "vid", "i")
            and is_capitalised(tokens[org_at + 3])
        ):
            # "statssekreterare hos Erik Ullenhag på Arbetsmarknadsdepartementet": whom the person
            # works for, then where.
            org_at += 3
        extent = organisation_extent(tokens, org_at, text) if org_at < len(tokens) else None
        unit = _genitive_unit(tokens, org_at, extent) if extent is not None and preposition else None
        if unit is not None and extent is not None:
            # "chef för PTKs förhandlingschefsgrupp": a unit of the organisation in the genitive is
            # part of the title, and the organisation is the genitive's (CONVENTIONS.md).
            _read_genitive(text, tokens[org_at:unit], attribute)
            head = _title(title_tokens)
            if head is not None:
                attribute.titles.append((head[0], tokens[extent - 1].end))
            return attribute
        if extent is not None:
            attribute.organisation = (tokens[org_at].start, tokens[extent - 1].end)
            rest = tokens[extent + 1 :]
            if (
                extent < len(tokens)
                and tokens[extent].lower in ("och", "samt", "and")
                and rest
                and rest[0].text.islower()
                and is_title_word(rest[0])
            ):
                # "vd Consid och författare till boken …": a second title after the organisation
                title_tokens = [*title_tokens, tokens[extent], *rest]
    elif (
        not genitive
        and is_capitalised(tokens[0])
        and not (_has_title(tokens) and not _association(text, start, tokens))
    ):
        extent = organisation_extent(tokens, 0, text)
        if extent is not None:
            attribute.organisation = (tokens[0].start, tokens[extent - 1].end)
        return attribute
    # "vice ordf. för samtal med forskare och praktiker", "…, som ansvarar för …": what follows
    # "med" or "som" says what the person does, not more titles.
    cut = next((k for k, t in enumerate(title_tokens) if k and t.lower in _CLAUSE), len(title_tokens))
    for phrase in _split_phrases(title_tokens[:cut], text):
        if len(phrase) == 1 and role_word(phrase[0].text) is not None:
            attribute.role = role_word(phrase[0].text)
            continue
        span = _title(phrase)
        if span is not None:
            attribute.titles.append(_closing_quote(text, span))
    return attribute


_CLAUSE = frozenset({"med", "som", "with", "who", "which"})
_SENTENCE_PREPOSITIONS = frozenset({"Från", "På", "Med", "Under", "Vid", "Efter", "Inför", "Om"})
_NEW_IN_POST = frozenset(
    {
        *("ny", "nya", "nye", "nyvald", "nyvalda", "nyvalde", "nyutnämnd", "nyutnämnda", "nyutnämnde"),
        *("nytillträdd", "nytillträdda", "nytillträdde", "nyblivna", "nyblivne", "new", "newly"),
    }
)
_TITLE_MODIFIERS = frozenset({"vice", "biträdande", "tf", "t.f.", "ställföreträdande", "deputy"})
#: The ends of a body's name written in lowercase in the definite form ("energimyndigheten",
#: "utbildningsutskottet", "bygdegårdsrörelsen"), read as its name after "för", "på", "vid",
#: "hos" (a title's) or "från" (a person's).
LOWERCASE_BODIES = (
    *("myndigheten", "verket", "styrelsen", "inspektionen", "departementet", "nämnden"),
    *("utskottet", "rörelsen", "förbundet", "föreningen"),
)


def _prefixed_title(token: Token) -> bool:
    """A title with a capitalised prefix and a hyphen ("S-debattör", "EU-minister", "IT-chef")."""
    head, dash, rest = token.text.partition("-")
    return bool(dash) and head[:1].isupper() and rest[:1].islower() and is_title_word(token)


def _capital_title(token: Token) -> bool:
    """A title written in capitals ("VD", "CEO"): after "vice" it goes on with the title."""
    return token.text.isupper() and is_title_word(token)


def _lowercase_agency(tokens: list[Token]) -> bool:
    """Say whether a title ends with "för"/"på"/"vid"/"hos" and an authority written in lowercase."""
    return (
        len(tokens) >= 3
        and tokens[-2].lower in ("för", "på", "vid", "hos")
        and tokens[-1].text.islower()
        and tokens[-1].lower.endswith(LOWERCASE_BODIES)
        and any(is_title_word(t) for t in tokens[:-2])
    )


#: Bodies a title can name in lowercase after "i" or "av" as well ("ledamot i socialutskottet",
#: "ordförande för vattenrådet"): a compound, never the bare word ("ledamot i styrelsen" says
#: whose board only with the organisation around it).
_SEATED_BODIES = ("utskottet", "styrelsen", "nämnden", "departementet", "rådet", "delegationen", "kommittén")


def _lowercase_body(tokens: list[Token]) -> int | None:
    """Return where a body written in lowercase begins when the segment ends with it: "ledamot i
    miljö- och jordbruksutskottet", "ordförande för landstingsstyrelsen i Östergötland",
    "statssekreterare utbildningsdepartementet". The title ends before it (and its preposition),
    as a title that names the person's organisation does (tests/data/extract/almedalen/CONVENTIONS.md)."""
    titled = False  # a title word before tokens[k]
    for k in range(1, len(tokens)):
        titled = titled or is_title_word(tokens[k - 1])
        preposition = tokens[k].lower in ("i", "för", "på", "vid", "hos", "av")
        at = k + 1 if preposition else k
        if not titled:
            continue
        if not preposition and not (k == 1 and tokens[k].lower.endswith("departementet")):
            continue  # without a preposition only "statssekreterare näringsdepartementet"
        j = at
        if j + 2 < len(tokens) and tokens[j].text.endswith("-") and tokens[j + 1].lower in ("och", "samt"):
            j += 2  # "miljö- och jordbruksutskottet"
        if j >= len(tokens):
            return None
        body = tokens[j]
        if not (
            body.text.islower()
            and body.lower.endswith(_SEATED_BODIES)
            and not any(body.lower == end for end in _SEATED_BODIES)
        ):
            continue
        rest = tokens[j + 1 :]
        # "… i Östergötland": where the body sits is part of its name
        if not rest or (
            rest[0].lower == "i" and 1 < len(rest) <= 3 and all(is_capitalised(t) for t in rest[1:])
        ):
            return at
        return None
    return None


def _swedish_title(token: Token) -> bool:
    """A whole Swedish title written with a capital ("Ordförande Kommunal"), not an English one."""
    return token.text[:1].isupper() and not english_titles().matches(token.lower) and is_title_word(token)


_CAMEL = re.compile(r"[a-zåäö]{1,3}[A-ZÅÄÖ][a-zåäö]+[\w-]*")


def _camel(token: Token) -> bool:
    """A brand written with a lowercase first letter: "mySafety", "iZettle", "eBay"."""
    return bool(_CAMEL.fullmatch(token.text))


_CLOCK = re.compile(r"\d{1,2}[.:]\d{2}(?:[-–]\d{1,2}[.:]\d{2})?")


def organisation_extent(tokens: list[Token], i: int, text: str | None = None) -> int | None:
    """Return the end (exclusive token index) of the organisation name starting at ``tokens[i]``
    (``text``, the text the tokens are of: a colon or a parenthesis between two words ends the
    name)."""
    if i >= len(tokens) or not (is_capitalised(tokens[i]) or _camel(tokens[i])) or tokens[i].lower in _STOP:
        return None
    end = i + 1
    j = i + 1
    while j < len(tokens) and j - i < MAX_ORGANISATION_WORDS:
        between = text[tokens[j - 1].end : tokens[j].start] if text is not None else " "
        if (
            between.startswith(". ")
            and len(tokens[j - 1].text) >= 3
            and not tokens[j - 1].text.isupper()
            and tokens[j - 1].lower not in _ABBREVIATIONS
        ):
            break  # "Greenhill Relations. Bakom …": a full stop ends the name ("Kungl." does not)
        if ":" in between or "(" in between:
            # "Konstnärsnämnden: Tillämpningen av …": the talk's title after a colon; "Reitan
            # Convenience (Pressbyrån/7-Eleven)": what the parentheses say is no part of the name
            break
        low = tokens[j].lower
        if (low in _STOP and low not in ("och", "and")) or low in _DETERMINERS:
            break  # "Kommunförbundet ett seminarium", "Vikby kommun tre seminarier"
        if _CLOCK.fullmatch(tokens[j].text):
            break  # "Viktoria Neimane, Vattenfall 08.40 Start för …": the programme's next time
        if tokens[j].text.islower() and j + 1 < len(tokens) and tokens[j + 1].lower in _PRONOUNS:
            break  # "Handelshögskolan i Stockholm får vi …": a verb and its subject end the name
        if low in _ACTING or (
            tokens[j].text.islower()
            and is_capitalised(tokens[j - 1])
            and _PRESENT_TENSE.fullmatch(low) is not None
            and not is_organisation_word(tokens[j])
        ):
            # "ordförande i Innovationsrådet presenterar rådets arbete", "Archus ligger …": a verb
            # right after the name ends it
            break
        if is_capitalised(tokens[j]) and role_word(tokens[j].text) == MODERATOR:
            break  # "… talesperson Sveriges riksdag Moderator Yvonne Blom": the next entry's label
        if low in ("i", "in", "for") and j + 1 < len(tokens) and not is_capitalised(tokens[j + 1]):
            # "Skolforum Öst i tisdags": "i" goes on with a place only; "the Church of Sweden
            # for discussions": English names go on after "for" with a capital only.
            break
        if low == "i" and j + 1 == len(tokens) and j - i <= 2 and tokens[j].end - tokens[j - 1].end == 2:
            end = j + 1  # "journalist på Mitt i": a last "i" with nothing after it ends the name
            break
        # "Landsbygds- och infrastrukturdepartementet": "och" after a word ending in "-" goes on;
        # "Myndigheten för samhällsskydd och beredskap": so does "och" between two lowercase
        # fields after "för"/"of".
        goes_on = j + 1 < len(tokens) and (
            is_capitalised(tokens[j + 1]) or tokens[j - 1].text.endswith("-") or _joined_field(tokens, i, j)
        )
        if low in ("och", "and") and not goes_on:
            break
        if low in ("och", "and") and _person_next(tokens, j + 1):
            break  # "från tankesmedjan Arena Idé och Irene Svenonius": a person after "och"
        if (
            low == "och"
            and any(t.lower == "i" for t in tokens[i + 1 : j])
            and not tokens[j - 1].text.endswith("-")
        ):
            # "Handelshögskolan i Stockholm och Karlstad Universitet": a name placed with "i" is
            # whole; what follows "och" is a second organisation.
            break
        j += 1
        if low not in _CONNECTORS and not (tokens[j - 1].text.islower() and low in _DESCRIPTORS):
            end = j  # "the Tech & Society podcast" names "Tech & Society"
    return end


def _person_next(tokens: list[Token], i: int) -> bool:
    """Say whether a known given name and a capitalised word begin at ``tokens[i]``."""
    return (
        i + 1 < len(tokens)
        and is_first_name(tokens[i])
        and is_capitalised(tokens[i + 1])
        and not is_organisation_word(tokens[i + 1])
        and tokens[i + 1].start - tokens[i].end == 1
    )


def _joined_field(tokens: list[Token], i: int, j: int) -> bool:
    """Say whether "och" at ``tokens[j]`` joins a second field to "för X" in a name started at ``i``.

    "Myndigheten för samhällsskydd och beredskap", "Institutet för språk och folkminnen": the
    word before "och" is the lowercase field right after "för"/"of", the word after it is the
    name's last word (the end of the phrase, or a comma after it).
    """
    if j - i < 3 or tokens[j - 2].lower not in ("för", "of", "for") or not tokens[j - 1].text.islower():
        return False
    after = tokens[j + 1]
    if not after.text.islower() or after.lower in _STOP or after.lower in _CONNECTORS:
        return False
    return j + 2 == len(tokens) or tokens[j + 2].lower in _STOP or tokens[j + 2].lower in _ALWAYS


def _has_title(tokens: list[Token]) -> bool:
    if any(is_organisation_word(t) and is_capitalised(t) for t in tokens):
        return False  # "Balans Konsult AB" is a company, whatever words it is made of
    return any(is_title_word(t, capitalised_swedish=i == 0) for i, t in enumerate(tokens))


def _association(text: str, start: int, tokens: list[Token]) -> bool:
    """Say whether the segment is one capitalised title in the plural, after a comma: "Anna Ek,
    Företagarna" names an association (before a name, "Forskarna Eva Ek och Per Lund" is a title)."""
    after_comma = text[:start].rstrip().endswith(",") or text[start:].lstrip().startswith(",")
    word = tokens[0]
    return after_comma and len(tokens) == 1 and is_capitalised(word) and word.lower.endswith(_PLURAL_DEFINITE)


_PLURAL_DEFINITE = ("arna", "erna", "orna")


def _organisation_split(tokens: list[Token]) -> int | None:
    """Return the index where the organisation starts (after its preposition), if the segment names one."""
    lowercase_title = tokens[0].text[0].islower()
    for i, token in enumerate(tokens):
        second_title = (
            i > 0
            and tokens[i - 1].lower in _CONJUNCTIONS
            and is_title_word(token)
            and (token.text.isupper() or i + 1 == len(tokens) or not is_capitalised(tokens[i + 1]))
        )  # "ingenjör och VD Lichron Teknik AB", but not "… och Chief Medical Officer i X"
        if (
            i
            and lowercase_title
            and is_capitalised(token)
            and not second_title
            and not _capital_title(token)
            and not _prefixed_title(token)
        ):
            # "länsråd Länsstyrelsen i Södermanland": a lowercase title, then a capitalised name
            # (but not "författare till boken Ensamma tillsammans", nor the second title of
            # "president and CEO of Fortum").
            return i if is_title_word(tokens[i - 1]) else None
        if i == len(tokens) - 1:
            break
        low = token.lower
        after = skip_descriptors(tokens, i + 1)
        if after >= len(tokens) or not (is_capitalised(tokens[after]) or _camel(tokens[after])):
            continue
        if low in _ALWAYS and i > 0:
            return i + 1
        if low in _BEFORE_NAME and i > 0 and _title_before(tokens[:i]):
            if _english_field(tokens, i) and not _marked_until_break(tokens, after):
                continue  # "Head of Data", "Cabinet Member for Environment"
            return i + 1
    return None


def _genitive_unit(tokens: list[Token], start: int, end: int) -> int | None:
    """Return where the unit begins when ``tokens[start:end]`` is an organisation in the genitive
    and a unit of it in lowercase: "PTKs förhandlingschefsgrupp", "SKL:s utbildningsberedning",
    "Lugna Gatans ungdomsverksamheter"; not "Stockholms universitet" nor "Dagens industri" (no
    unit's word ends them) nor "Sveriges kommuner och landsting"."""
    for g in range(start, min(end - 1, start + 4)):
        word = tokens[g]
        if not is_capitalised(word):
            return None
        if not word.text.endswith(("s", ":s", "'s", "’s")) or word.lower in _WHOLE_LANDS:
            continue
        tail = tokens[g + 1 : end]
        if (
            1 <= len(tail) <= 2
            and all(t.text.islower() and t.text.isalpha() for t in tail)
            and tail[-1].lower.endswith(_UNITS)
            and not any(is_title_word(t) or t.lower in _NOT_IN_NAME for t in tail)
        ):
            return g + 1
        return None
    return None


_WHOLE_LANDS = frozenset({"sveriges", "europas", "nordens"})
#: The ends of a unit's name ("förhandlingschefsgrupp", "utbildningsberedning",
#: "ledarredaktion"), which an organisation's own name ("Dagens industri", "Djurens rätt",
#: "Linköpings studentkår") does not end with.
_UNITS = (
    *("grupp", "gruppen", "beredning", "beredningen", "redaktion", "redaktionen", "styrelse"),
    *("kansli", "kansliet", "verksamhet", "verksamheter", "projekt", "projektet", "avdelning"),
    *("avdelningen", "enhet", "enheten", "sekretariat", "sekretariatet", "nätverk", "nätverket"),
)


def _english_field(tokens: list[Token], i: int) -> bool:
    """Say whether ``tokens[i]`` ("of", "for") begins the capitalised field of an English title."""
    before = tokens[i - 1]
    low = tokens[i].lower
    if i + 1 < len(tokens) and tokens[i + 1].lower == "the":
        return False  # "Director of the Harbour Book Festival": "the" begins a name, not a field
    return (low == "of" and continues_with_of(before)) or (
        low == "for" and is_capitalised(before) and english_titles().matches(before.lower)
    )


def _title_before(tokens: list[Token]) -> bool:
    return any(is_title_word(t, capitalised_swedish=i == 0) for i, t in enumerate(tokens))


def _marked_until_break(tokens: list[Token], i: int) -> bool:
    for token in tokens[i:]:
        if token.lower in _ALWAYS:
            return False
        if is_organisation_word(token):
            return True
    return False


def skip_descriptors(tokens: list[Token], i: int) -> int:
    while i < len(tokens) - 1 and tokens[i].text.islower() and _descriptor(tokens[i]):
        i += 1
    return i


_GENITIVE_INNER = frozenset({"de", "för", "i", "av"})


def _genitive(tokens: list[Token]) -> int:
    """Count the leading tokens that are an organisation in the genitive before a title."""
    count = 0
    for token in tokens:
        capital = is_capitalised(token)
        if not capital and not (count and is_organisation_word(token)):
            break
        if count and token.text.isupper() and is_title_word(token):
            break  # "Hanaholmens VD": the title in capitals after the genitive
        count += 1
    if count and count < len(tokens) and tokens[count].lower in _GENITIVE_INNER:
        # "Miljöpartiet de grönas språkrör": lowercase words of the name, its last in the genitive.
        j = count
        while j < len(tokens) and tokens[j].lower in _GENITIVE_INNER:
            j += 1
        if j < len(tokens) - 1 and tokens[j].text.endswith("s") and _title_before(tokens[j + 1 :]):
            return j + 1
    tail = _lowercase_genitive_tail(tokens, count)
    if tail:
        return count + tail
    if not count or count == len(tokens) or not tokens[count - 1].text.endswith(("s", "'s", "’s")):
        return 0
    return count if _title_before(tokens[count:]) else 0


def _lowercase_genitive_tail(tokens: list[Token], count: int) -> int:
    """The lowercase words (at most three) that end an organisation's name in the genitive after
    its ``count`` capitalised words, the last with the "s", right before a title: "Liberala
    ungdomsförbundets ordförande", "Sveriges radios vd", "Hela Sverige ska levas ordförande",
    "Vetenskap & allmänhets utredare"; 0 when there are none."""
    if not count:
        return 0
    for j in range(count, min(count + 3, len(tokens) - 1)):
        word = tokens[j]
        if not (word.text.islower() or word.text == "&") or is_title_word(word) or word.lower in _NOT_IN_NAME:
            return 0
        title = tokens[j + 1]
        # (A Swedish genitive: "Human rights lawyer" is an English title.)
        if word.text.endswith("s") and is_title_word(title) and not is_english_title(title):
            return j + 1 - count
    return 0


# Lowercase words that end no organisation's name: prepositions, conjunctions, determiners.
_NOT_IN_NAME = frozenset(
    {"och", "and", "i", "på", "vid", "för", "med", "om", "av", "till", "från", "hos", "åt", "som", "samt"}
    | {"of", "at", "for", "the", "a", "an", "en", "ett", "den", "det", "de", "nya", "ny", "nye", "förre"}
)


def _read_genitive(text: str, tokens: list[Token], attribute: Attribute) -> None:
    last = tokens[-1]
    cut = 2 if last.text.endswith(("'s", "’s", ":s")) else 1
    if cut == 1 and last.text.endswith("us") and _words(text)[last.text[:-1]] == 0:
        cut = 0  # "nyhetsmagasinet Fokus politiske chefredaktör": a name in "-s" takes no genitive "s"
    start, end = tokens[0].start, last.end - cut
    name = text[start:end]
    attribute.organisation = (start, end)
    written = text[start : last.end]
    fuller = _place_names(text).get(name, set())
    if len(fuller) == 1:
        attribute.organisation_name = next(iter(fuller))
        attribute.organisation_note = (
            f'written "{written}"; read as {attribute.organisation_name}, which the text names elsewhere'
        )
    elif " " not in name and _words(text)[name] == 0:
        attribute.organisation_note = f'written "{written}"; "{name}" is read from the genitive'


@lru_cache(maxsize=4)
def _place_names(text: str) -> dict[str, set[str]]:
    """Map each place to the names such as "Motala kommun" the text gives it (computed once per text)."""
    names: dict[str, set[str]] = {}
    pattern = rf"(?<!\w)([A-ZÅÄÖ][\w-]+) ({'|'.join(_ORG_SUFFIXES)})(?!\w)"
    for match in re.finditer(pattern, text):
        names.setdefault(match.group(1), set()).add(match.group())
    return names


@lru_cache(maxsize=4)
def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def _split_phrases(tokens: list[Token], text: str | None = None) -> list[list[Token]]:
    phrases: list[list[Token]] = [[]]
    for k, token in enumerate(tokens):
        suspended = phrases[-1] and phrases[-1][-1].text.endswith("-")
        if text is not None and phrases[-1] and _open_quote(text[phrases[-1][0].start : token.start]):
            phrases[-1].append(token)  # "studien ”Idrott och motion …”": a work's name, whole
        elif token.lower in _CONJUNCTIONS and not suspended and not _in_complement(phrases[-1], tokens, k):
            phrases.append([])
        else:
            phrases[-1].append(token)
    return [p for p in phrases if p]


def _in_complement(phrase: list[Token], tokens: list[Token], k: int) -> bool:
    # "gymnasielärare i svenska och historia": the "och" joins two fields of one title.
    has_complement = any(
        t.lower in _COMPLEMENT and any(is_title_word(h) for h in phrase[:i]) for i, t in enumerate(phrase)
    )
    return has_complement and tokens[k].lower in ("och", "and") and _last_field(tokens, k + 1)


def _last_field(tokens: list[Token], i: int) -> bool:
    """One lowercase word that is no title ends the phrase at ``tokens[i]``: "(och) historia"."""
    return i == len(tokens) - 1 and tokens[i].text.islower() and not is_title_word(tokens[i])


def _title(tokens: list[Token]) -> Span | None:
    """Return the job title in a phrase: modifiers, the title word, and a complement such as "i pedagogik"."""
    heads = [
        i
        for i, t in enumerate(tokens)
        # A lowercase word is no organisation's name: "utbildningsborgarrådet" is a title.
        if is_title_word(t, capitalised_swedish=i == 0 or t.text.isupper() or _prefixed_title(t))
        and (t.text.islower() or not is_organisation_word(t))
    ]
    if not heads:
        return None
    head = heads[-1]
    end = head + 1 + _complement_length(tokens, head)
    if end == head + 1 == len(tokens) - 1 and _field_word(tokens[end]):
        end += 1  # "projektledare klimatomställning", "chef kommunikation": the title's field
    first = head
    while first > 0 and head - first < 3:
        before = tokens[first - 1]
        if before.lower in _CONJUNCTIONS and first > 1 and tokens[first - 2].text.endswith("-"):
            first -= 2  # "Analys- och prognoschef": the first part waits for the head after "och"
            continue
        if before.lower in DESCRIPTIVE or before.lower in _STOP or before.lower in _CONNECTORS:
            break
        if before.lower in _POSSESSIVES:
            break  # "vår chefsekonom": the title without whose it is
        if before.lower in _NEW_IN_POST:
            break  # "ny forskningschef på SNS", "Friskis nya GS": new in the post, not part of its name
        degree = before.lower.replace(".", "") in _DEGREES  # "PhD candidate"
        # "Opera singer", "Burma expert": a capitalised first word before an English title
        qualifier = first == 1 and qualifies(before, tokens[head])
        if (
            before.text.islower()
            or degree
            or qualifier
            or (is_capitalised(before) and is_capitalised(tokens[head]))
        ):
            first -= 1
        else:
            break
    return tokens[first].start, tokens[end - 1].end


def qualifies(token: Token, title: Token) -> bool:
    """Say whether a capitalised word qualifies the English title ``title`` after it ("German
    Ambassador", "European Economist", "Burma expert", "Opera singer"), and is no name."""
    return (
        token.text[:1].isupper()
        and not is_first_name(token)
        and not is_organisation_word(token)
        and english_titles().matches(title.lower)
    )


def _field_word(token: Token) -> bool:
    """A lowercase noun that can follow a title as its field, with no preposition between."""
    low = token.lower
    return (
        token.text.islower()
        and token.text.isalpha()
        and len(low) >= 6
        and low not in _STOP
        and low not in _CONNECTORS
        and low not in DESCRIPTIVE
        and not is_title_word(token)
    )


#: Institutions written as a lowercase definite noun ("regeringens utredare"); a body such as
#: "kommunstyrelsens" (ordförande) stays part of the title, as the annotated sets have it.
_INSTITUTIONS = frozenset({"regeringens", "riksdagens", "hovets", "polisens", "försvarsmaktens"})
_QUANTITIES = frozenset({"several", "many", "numerous", "two", "three", "flera", "många", "två", "tre"})
_ACCREDITED = frozenset({"ambassador", "envoy", "consul"})


#: A department written in lowercase in the definite form.
_DEPARTMENTS = ("avdelningen", "enheten", "sektionen", "staben", "kansliet", "redaktionen", "kliniken")
#: Who made a work, whose title names it after "till".
_AUTHORS = ("författare", "upphovsman", "upphovsmännen", "upphovskvinna", "initiativtagare", "grundare")
_QUOTES = '”"»“'


def _open_quote(piece: str) -> bool:
    """Say whether ``piece`` opens a quotation it does not close."""
    return sum(piece.count(q) for q in _QUOTES) % 2 == 1


def _closing_quote(text: str, span: Span) -> Span:
    """Take in the quotation mark that closes a work's name at the end of a title."""
    start, end = span
    if not _open_quote(text[start:end]):
        return span
    if end < len(text) and text[end] in _QUOTES:
        return start, end + 1
    # The name was cut ("författare till ”Är du lönsam, …”" read up to its comma): the title
    # without it.
    cut = text.find(" till ", start, end)
    return (start, cut) if cut > start else span


def _complement_length(tokens: list[Token], head: int) -> int:
    # "professor i pedagogik", "enhetschef för hemtjänsten", "Head of Urban Planning".
    rest = tokens[head + 1 :]
    if (
        len(rest) > 1
        and rest[0].lower == "to"
        and tokens[head].lower in _ACCREDITED
        and is_capitalised(rest[1])
    ):
        # "German Ambassador to Sweden": where the ambassador is sent is part of the title.
        return 1 + next((k for k, t in enumerate(rest[1:4]) if not is_capitalised(t)), len(rest[1:4]))
    if len(rest) > 1 and rest[0].lower == "till" and tokens[head].lower.endswith(_AUTHORS):
        # "författare till boken ”Alla i mål”", "initiativtagare till BoN": the work is part of
        # the title, however it is written (CONVENTIONS.md)
        return len(rest)
    if (
        len(rest) == 2
        and rest[0].lower in ("vid", "på", "inom", "hos")
        and rest[1].text.islower()
        and rest[1].lower.endswith(_DEPARTMENTS)
    ):
        # "avdelningschef vid tillsynsavdelningen (på Socialstyrelsen)": the department is part of
        # the title, its employer the organisation (CONVENTIONS.md)
        return 2
    if not rest or rest[0].lower not in _COMPLEMENT:
        return 0
    # English capitalises the field of a title: "Head of Urban Planning", "Lecturer in Ethics".
    capitals = _english_field(tokens, head + 1) or (
        rest[0].lower == "in" and english_titles().matches(tokens[head].lower)
    )
    if len(rest) > 1 and (rest[1].lower in _ARTICLES or rest[1].lower in _QUANTITIES):
        # "redaktör för den nya boken …", "author of several books on Burma": what the person
        # did, not the title's field
        return 0
    words = 0
    for k, token in enumerate(rest[1:5], start=1):
        # "barn- och utbildningsnämnden"; "i svenska och historia" (a last field after "och").
        suspended = token.lower in ("och", "and") and (
            rest[k - 1].text.endswith("-") or _last_field(rest, k + 1)
        )
        if (token.lower in _STOP and not suspended) or token.lower in _ALWAYS:
            break
        if not token.text.islower() and not capitals:
            break
        words += 1
    return words + 1 if words else 0
