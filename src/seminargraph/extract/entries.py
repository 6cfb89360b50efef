"""Read a list of people ("A, titel på Org och B, titel, Org") into mentions with exact spans.

A region of the normalised text (what follows "deltog", a line under "Medverkande:", ...) is
cut into segments at commas, semicolons and at "och"/"and" before a new person. A segment that
begins with a person's name (or a title and a name: "biskop Eva Brunne") starts an entry; the
segments after it say the person's job title, organisation, party or role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .labels import match_label
from .namemodel import written_as_person
from .names import named_without_s, names_in
from .phrases import (
    LOWERCASE_BODIES,
    Attribute,
    organisation_extent,
    parse_attribute,
    qualifies,
    skip_descriptors,
)
from .roles import MODERATOR, PARTICIPANT
from .tokens import (
    Token,
    begins_organisation,
    is_capitalised,
    is_definite_body,
    is_english_title,
    is_first_name,
    is_honorific,
    is_initial,
    is_initials_name,
    is_lowercase_party_tag,
    is_name_word,
    is_organisation_word,
    is_party_tag,
    is_title_word,
    name_length,
    organisation_ahead,
    role_word,
    second_person,
    tokenize,
)

Span = tuple[int, int]
_CONJUNCTION = re.compile(r" (?:och|and|samt|&|as well as|liksom|respektive|resp\.) ", re.IGNORECASE)
_LEADING = re.compile(
    r"(?:[-•*·–—:,;]\s*|(?i:och|and|samt|&|as well as|bland andra|bl\.a\.|bland annat|"
    r"även|också|dessutom|including|among others|such as|sedan|därefter|then)\s+|the\s+)+"
)
_CLAUSE = re.compile(
    r"^(?:som|vilket|vilka|där|när|who|which|where|whose|that)\b(?!-)"
)  # not "SOM-institutet"


def _organisation_shaped(text: str, name: Span) -> bool:
    """A "name" that begins with an adjective of place ("Svenskt Näringsliv", "Nordiska rådet")
    or holds an organisation's word."""
    words = tokenize(text[name[0] : name[1]], name[0])
    return bool(words) and (
        words[0].lower.endswith(("sk", "ska", "skt")) or any(is_organisation_word(w) for w in words)
    )


#: The people of an organisation, named only as its people: "representanter för X", "tjänstemän
#: från Y", "representatives of Z" (case-sensitive after the words: the organisation's capital).
_DELEGATES = re.compile(
    r"(?:bland\s+andra\s+)?(?:en\s+|ett\s+|an?\s+)?(?:[Rr]epresentanter|[Rr]epresentant|[Ff]öreträdare|[Tt]jänstemän|[Rr]epresentatives|[Rr]epresentative"
    r"|[Oo]fficials)\s+(?:för|från|på|of|from)\s+(?=[A-ZÅÄÖ])"
)
_DASH_ORGANISATION = re.compile(r" ?[-–—] (?=[A-ZÅÄÖ])")
_NOW_FIRST = re.compile(r"(?:idag|i dag|numera|numer|nowadays|today)\s", re.IGNORECASE)
# Words between a cue and the title before a name, which are no part of the title.
_PREFIX_FILLER = frozenset({"gör", "bland", "andra", "bl", "a", "även", "också"})
# Whose the person is, no part of a title: "vår moderator Anna Danielsson".
_OWNERS = frozenset({"vår", "vårt", "våra", "er", "ert", "era", "our", "your", "their"})
_ORG_PREPOSITIONS = frozenset({"från", "vid", "på", "hos", "at", "from", "of"})
# "arbetar på", "jobbar inom", "works at": a verb of working and where.
_WORKING = frozenset({"arbetar", "jobbar", "verkar", "works"})
_WORKING_AT = frozenset({"på", "vid", "inom", "hos", "för", "at", "for"})
# A person's entry is read from at most this many characters, so that a run of text with no
# commas costs no more than its length.
_HEAD_WINDOW = 160
_HEAD_TOKENS = 14


@dataclass
class Mention:
    """A person or organisation named in a region, every part as a span of the normalised text."""

    kind: str  # person | organisation
    name: Span
    titles: list[Span] = field(default_factory=list)
    organisation: Span | None = None
    organisation_name: str | None = None  # set when the name is read from the span, not copied
    organisation_note: str | None = None
    party: Span | None = None
    role: str | None = None  # a role the entry itself gives: "(moderator)"
    known_name: bool = False
    title_before_name: bool = False

    body_titles: tuple[list[Span], Span] | None = None

    def add(self, attribute: Attribute) -> None:
        self.titles.extend(attribute.titles)
        if (
            attribute.organisation is not None
            and self.body_titles is not None
            and attribute.body_titles is None
            and not attribute.titles
        ):
            # "ordf. i regionstyrelsen, Region Dalarna": the organisation written on its own is
            # the person's, and the body stays in the title (CONVENTIONS.md).
            read, whole = self.body_titles
            self.titles = [t for t in self.titles if t not in read] + [*read[:-1], whole]
            self.organisation = None
            self.body_titles = None
        if attribute.organisation is not None and self.organisation is None:
            self.organisation = attribute.organisation
            self.organisation_name = attribute.organisation_name
            self.organisation_note = attribute.organisation_note
            self.body_titles = attribute.body_titles
        if attribute.party is not None and self.party is None:
            self.party = attribute.party
        if attribute.role is not None and self.role is None:
            self.role = attribute.role  # "X, moderator, föreläsare och …": the first role stated


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    separator: str  # what came before: start | , | ; | and | dash


def read_entries(
    text: str,
    start: int,
    end: int,
    *,
    organisations: str = "marked",
    only_organisations: bool = False,
    list_line: bool = False,
    breaks: tuple[int, ...] = (),
) -> list[Mention]:
    """Read the people (and, where allowed, organisations) named in ``text[start:end]``.

    ``organisations``: "none" (only people), "marked" (names with a word such as kommun, AB,
    förbund) or "any" (any capitalised name, as under "Arrangör:"). ``breaks``: offsets where
    a line of one entry ends ("Lena Holm" above "generalsekreterare, Barnrättsbyrån").
    """
    if list_line and not only_organisations:
        titled = _title_first(text, start, end) or _organisation_first(text, start, end)
        if titled is not None:
            return [titled]
    mentions: list[Mention] = []
    current: Mention | None = None
    closed = False  # the sentence ran on after the current person's name
    ahead: Attribute | None = None  # a title before the next person's name and a comma
    after_attribute = False  # the last segment was the current person's title or organisation
    delegating = False  # the segments name organisations whose people take part
    for segment in _segments(text, start, end, list_line, breaks):
        seg_start, seg_end = _trim(text, segment.start, segment.end)
        if seg_start >= seg_end:
            continue
        piece = text[seg_start:seg_end]
        group = _GROUP_HEADING.match(piece)
        if group is not None and not names_in(text, seg_start, seg_start + group.end()):
            # "Medverkande: Från idéburna verksamheter: Nilla Helgesson, Skyddsvärnet, …": the
            # heading of a group inside the list, then its people.
            seg_start += group.end()
            piece = text[seg_start:seg_end]
        if _CLAUSE.match(piece) and current is not None:
            break
        if only_organisations:
            for part_start, part_end in _split_names(text, seg_start, seg_end):
                found = _organisation(text, part_start, part_end, "any")
                if found is not None:
                    mentions.append(found)
            continue
        delegates = _DELEGATES.match(piece)
        if delegates is not None and not only_organisations:
            # "…, ministern Eva Lind, tjänstemän från Arbetsförmedlingen samt …": the organisations
            # whose people take part, not the person before's employer.
            delegated = _delegated(text, seg_start + delegates.end(), seg_end)
        elif delegating and segment.separator in (",", "and") and not _known_person(text, seg_start, seg_end):
            # "representanter från A, B och C": the list of organisations goes on, up to a person
            # with a known given name
            delegated = _delegated(text, seg_start, seg_end)
        else:
            delegated = []
        delegating = bool(delegated)
        if delegated:
            mentions.extend(delegated)
            current = delegated[-1]
            continue
        label = match_label(piece)
        if label is not None and label.kind == "people" and 0 < label.content_start < len(piece):
            # "Medverkande: A, vd, Org; Moderator: B, journalist": a label inside the list
            # gives the role of the entry it begins.
            person = _person(text, seg_start + label.content_start, seg_end)
            if person is not None:
                person.role = person.role or label.person_role
                mentions.append(person)
                current = person
                continue
        role_by = _ROLE_BY.match(piece)
        if role_by is not None and current is not None:
            person = _person(text, seg_start + role_by.end(), seg_end)
            if person is not None:
                person.role = person.role or MODERATOR
                mentions.append(person)
                current = person
                continue
        if segment.separator == "partner" and organisations != "none" and current is not None:
            # "Stadsbiblioteket Kiruna i samarbete med ABF Norrbotten": the partner of an
            # organisation is an organisation too, marked by a word such as "kommun" or not.
            partner = (
                _organisation(text, seg_start, seg_end, "any") if current.kind == "organisation" else None
            )
            if partner is not None:
                mentions.append(partner)
                current = partner
                continue
        person = _person(text, seg_start, seg_end)
        if (
            person is not None
            and segment.separator == "and"
            and after_attribute
            and not person.known_name
            and not (person.titles or person.organisation or person.party or person.role)
            and _organisation_shaped(text, person.name)
        ):
            # "A, tidigare vice vd på Kinnevik och Svenskt Näringsliv": after a title and its
            # organisation, a bare name nobody knows as a person's goes on with the organisations.
            person = None
        if person is not None and _starts_entry(person, segment.separator, current):
            if ahead is not None and not (person.titles or person.organisation or person.title_before_name):
                person.add(ahead)  # "the head of Sida, Charlotte Petri Gornitzka"
            ahead = None
            mentions.append(person)
            current = person
            closed = _runs_on(text, person, seg_end)
            after_attribute = False
            continue
        separator = segment.separator
        joined = _JOINED.match(text[segment.start : segment.end].lstrip())
        if separator == "," and joined is not None and _name_follows(text, seg_end):
            # "Blå Stations vd, Johan Lindau, samt Swedeses marknadschef, Kristina Farwing": a
            # new entry, joined after the comma, whose title comes before the name.
            separator = "and"
        if (
            ahead is None
            and separator in ("start", "and")
            and (
                _TITLE_AHEAD.match(piece)
                or _GENITIVE_TITLE_AHEAD.fullmatch(piece)
                or (
                    # (only at the start, capitalised: after a name, a title is that person's;
                    # after "och" too when the person before had a title before the name:
                    # "forskaren Christer Mattsson och professor i statsvetenskap, Marie Demker")
                    (
                        (separator == "start" and piece[:1].isupper())
                        or (separator == "and" and current is not None and current.title_before_name)
                    )
                    and _SWEDISH_TITLE_AHEAD.fullmatch(piece) is not None
                    and is_title_word(tokenize(piece, 0)[0])
                )
                or (
                    # "VD för NÄRA AB, Anders Roxström, berättar": a title and its organisation
                    separator == "start"
                    and _TITLE_FOR_ORGANISATION_AHEAD.fullmatch(piece) is not None
                    and is_title_word(tokenize(piece, 0)[0])
                )
            )
        ):
            # A title (and its organisation) written before the name, with a comma between.
            attribute = parse_attribute(text, seg_start, seg_end)
            if attribute.titles and not names_in(text, seg_start, seg_end):
                ahead = attribute
                continue
        ahead = None
        if current is not None and current.kind == "person":
            if segment.separator == "partner" and organisations != "any":
                continue  # "Alex Ek, vd Odalen, tillsammans med politiker som gästar": who else
            if not closed:
                if _NOW_FIRST.match(piece):
                    # "A, tidigare vd på X, idag seniorkonsult på Y": what came before is former.
                    current.titles.clear()
                    current.organisation = None
                attribute = parse_attribute(text, seg_start, seg_end)
                unit = _unit_then_employer(text, current, attribute, (seg_start, seg_end))
                if segment.separator == "," and unit:
                    # "Caroline Ek, Avdelningschef Avdelningen för arbetsgivarpolitik, SKR": the
                    # words after the title in its field name a unit, part of the title; the next
                    # field, an organisation's name and nothing else, is the employer.
                    assert current.organisation is not None
                    current.titles[-1] = (current.titles[-1][0], current.organisation[1])
                    current.organisation = None
                current.add(attribute)
                after_attribute = True
            continue
        if organisations != "none":
            parts = _split_organisers(text, seg_start, seg_end, segment.separator == ",")
            if organisations == "marked" and not all(
                _organisation(text, s, e, "marked") is not None for s, e in parts
            ):
                # "Livsmedelsverket och Myndigheten för …": two organisers only when each part is
                # marked as an organisation's name on its own.
                parts = []
            found = None
            for part_start, part_end in parts or [(seg_start, seg_end)]:
                found = _organisation(text, part_start, part_end, organisations)
                if found is not None:
                    mentions.append(found)
                    current = found
            if found is not None:
                continue
        if current is None:
            # Words that do not begin with a name are not a list of participants.
            break
    if organisations == "any":
        mentions = [m for mention in mentions for m in _as_organisations(mention)]
    _share_plural_titles(text, mentions)
    _split_respective(text, mentions)
    _share_place_of_work(text, mentions)
    return mentions


def _unit_then_employer(text: str, person: Mention, attribute: Attribute, segment: Span) -> bool:
    return (
        attribute.organisation == segment
        and not attribute.titles
        and person.organisation is not None
        and person.organisation_name is None
        and bool(person.titles)
        and person.titles[-1][1] + 1 == person.organisation[0]
        and _names_a_unit(text, person.organisation)
    )


def _names_a_unit(text: str, span: Span) -> bool:
    """ "Hälso- och sjukvård", "Avdelningen för arbetsgivarpolitik": a capitalised phrase with
    lowercase words, a unit's name rather than an organisation's own ("Kreab", "MJU")."""
    words = tokenize(text[span[0] : span[1]], span[0])
    return bool(words) and words[0].text[:1].isupper() and any(w.text.islower() for w in words)


def _split_respective(text: str, mentions: list[Mention]) -> None:
    """ "Karim Ek och Martin Berg, filosof respektive demograf vid X": the first title is the
    first person's, the second the second's, and the organisation is both's."""
    for first, second in pairwise(mentions):
        if first.titles or not _joined_by_and(text, first, second, second.name[0]):
            continue
        if len(second.titles) == 2 and _RESPECTIVE.fullmatch(
            text, second.titles[0][1] - 1, second.titles[1][0] + 1
        ):
            # The phrase read as two titles: "ordförande resp. vice ordförande i X"
            first.titles, second.titles = [second.titles[0]], [second.titles[1]]
            _share_organisation(first, second)
            continue
        if len(second.titles) != 1:
            continue
        start, end = second.titles[0]
        word = _RESPECTIVE.search(text, start, end)  # "respektive", "resp."
        if word is None:
            continue
        first.titles = [(start, word.start())]
        second.titles = [(word.end(), end)]
        _share_organisation(first, second)


_RESPECTIVE = re.compile(r" (?:respektive|resp\.) ")


def _share_place_of_work(text: str, mentions: list[Mention]) -> None:
    """Where two people are joined by "och" and the second's organisation follows "från" or
    "vid", it is the first's too when the first has none: "Carl le Grand och Jonas Carlsson
    från SULCIS", "Professor Anna Ek och forskare Per Lund vid Göteborgs universitet"."""
    for k, (first, second) in enumerate(pairwise(mentions)):
        if first.organisation is not None or second.organisation is None:
            continue
        second_start = min([second.name[0], *(a for a, _ in second.titles if a < second.name[0])])
        if not _joined_by_and(text, first, second, second_start):
            continue
        after_name = second.party[1] if second.party else second.name[1]
        shared = _SHARED_PLACE.fullmatch(text, after_name, second.organisation[0])
        # ("kommunpolisen Ahmed Ek och kriminologen Lisa Berg från Malmö universitet": two
        # titles and "från", where only the second comes from the university.)
        both = shared is not None and shared.group(1).strip() != ""
        from_only = shared is not None and shared.group(2).lower() in ("från", "from")
        if shared is not None and (both or not (first.titles and from_only)):
            _share_organisation(first, second)
            # "Sylvester Ek, Trine Lund och Anders Berg från Solhagagruppen": the names in a row
            # before the two share it too, when they are bare names.
            while k > 0:
                before, after = mentions[k - 1], mentions[k]
                bare = not (before.titles or before.organisation or before.party or before.role)
                if not (
                    bare
                    and before.kind == "person"
                    and text[mention_end(before) : after.name[0]].strip() == ","
                ):
                    break
                _share_organisation(before, second)
                k -= 1


def _joined_by_and(text: str, first: Mention, second: Mention, second_start: int) -> bool:
    """Say whether two people's entries are joined by "och" or "and" and nothing else, the second
    beginning at ``second_start``."""
    return first.kind == second.kind == "person" and text[mention_end(first) : second_start].strip(
        " ,()"
    ) in ("och", "and")


def _share_organisation(first: Mention, second: Mention) -> None:
    """Give ``first`` the organisation ``second`` has, as it was read."""
    if first.organisation is None and second.organisation is not None:
        first.organisation = second.organisation
        first.organisation_name = second.organisation_name
        first.organisation_note = second.organisation_note


# What comes between a name (or its party tag) and a place of work two people share.
# "…, båda från Mittuniversitetet": "both" says it of both, titles or not.
_SHARED_PLACE = re.compile(r"\)?(,\s+(?:båda|bägge|both)\s+|\s+)(från|vid|from|at)\s+(?:[a-zåäö]+\s+)?")


def mention_end(mention: Mention) -> int:
    """Where the last part read of a mention (its name, a title, its organisation or party) ends."""
    spans = [mention.name, *mention.titles, mention.organisation, mention.party]
    return max(span[1] for span in spans if span is not None)


_PLURAL_ENDS = ("arna", "erna", "orna")


def _share_plural_titles(text: str, mentions: list[Mention]) -> None:
    """A title in the definite plural before the first of names joined by "och" (and commas) is
    the others' too: "Programledarna Lotta Edling och Kristina Alvendal", "politikerna A, B och C"."""
    for k, first in enumerate(mentions):
        if first.kind != "person" or len(first.titles) != 1:
            continue
        (title,) = first.titles
        words = text[title[0] : title[1]].split()
        if not (title[1] <= first.name[0] and len(words) == 1 and words[0].casefold().endswith(_PLURAL_ENDS)):
            continue
        before = first
        for second in mentions[k + 1 :]:
            # ("politikerna A (M) och B (S)": the party's parenthesis closes before the next)
            between = text[mention_end(before) : second.name[0]].strip(" )").casefold()
            if second.kind != "person" or second.titles or between not in (",", "och", "and", "&"):
                break
            second.titles.append(title)
            if between != ",":
                break  # "… och C": the list's last name
            before = second


def _runs_on(text: str, person: Mention, end: int) -> bool:
    """Say whether prose follows a person's name in its segment, so that what comes after the
    next comma is no longer about the person ("Hannah Al-Rashid about his new collection, Salt
    Roads")."""
    if person.organisation is not None:
        return False
    tail = text[person.name[1] : end]
    if "(" in tail:
        return False
    tokens = tokenize(tail, person.name[1], 3)
    return len(tokens) >= 2 and tokens[0].text[:1].islower() and tokens[0].lower not in _ORG_PREPOSITIONS


def _title_first(text: str, start: int, end: int) -> Mention | None:
    """Read a list line that gives the title first: "Docent i statsvetenskap, Uppsala universitet: Karin Ek".

    The words after the last colon are one person's name and nothing else; the words before it
    hold a title (and an organisation after a comma) and do not begin with a name.
    """
    begin, stop = _trim(text, start, end)
    colon = text.rfind(": ", begin, stop)
    if colon <= begin or "(" in text[colon:stop]:
        return None
    person = _person(text, colon + 2, stop)
    if person is None or person.name[0] != colon + 2 or text[person.name[1] : stop].strip(" ."):
        return None
    if person.titles or person.organisation or person.party or person.role:
        return None
    comma = next((k for k in range(begin, colon) if text[k] in ",;"), colon)
    if _person(text, begin, comma) is not None or match_label(text[begin : colon + 1]) is not None:
        return None
    attributes = []
    at = begin
    for i in range(begin, colon + 1):
        if i == colon or text[i] in ",;":
            part = _trim(text, at, i)
            if part[0] < part[1]:
                attributes.append(parse_attribute(text, *part))
            at = i + 1
    if not attributes or not attributes[0].titles:
        return None  # "Arbetsförmedlingen: Karin Ek" gives no title first
    person.title_before_name = True
    for attribute in attributes:
        person.add(attribute)
    return person


def _organisation_first(text: str, start: int, end: int) -> Mention | None:
    """Read a list line that names the organisation first: "Röda Korset, generalsekreterare Anna
    Ek", "Palmecentret, Per Holm, programhandläggare", "Europeiska Investeringsbanken, EIB, Per
    Holm, vice president".

    The first part is no person's name (no known given name, nothing said of it), and a later
    part after a comma begins with a person whose given name is known and who has a title, alone
    in the line."""
    begin, stop = _trim(text, start, end)
    comma = text.find(", ", begin, stop)
    if comma < 0:
        return None
    first = _person(text, begin, comma)
    if first is not None and (first.known_name or first.titles or first.organisation or first.party):
        return None
    organisation = _organisation(text, begin, comma, "any")
    if organisation is None or organisation.name[1] != comma:
        return None
    at = comma
    while at >= 0:
        after = at + 2
        person = _person(text, after, stop)
        if person is not None and person.known_name:
            rest = read_entries(text, after, stop, list_line=False)
            if len(rest) != 1 or rest[0].kind != "person" or not rest[0].titles:
                return None  # ("Medverkande: Tornike Metreveli, Anna Berg" lists two people)
            if rest[0].organisation is None:
                rest[0].organisation = organisation.name
            return rest[0]
        at = text.find(", ", after, stop)
        if at >= 0 and at - after > 12:
            return None  # only a short form ("EIB") may stand between the organisation and the name
    return None


def _as_organisations(mention: Mention) -> list[Mention]:
    # Under "Arrangör:" a name nobody knows as a first name, with no title ("Civilförsvaret
    # Mitt", "Energiföretagen Norr, Nätforum"), is more likely an organiser than a person,
    # and what follows it another organiser.
    untitled = not (mention.titles or mention.party or mention.role or mention.title_before_name)
    if mention.kind != "person" or not untitled or mention.known_name:
        return [mention]
    found = [Mention(kind="organisation", name=mention.name)]
    if mention.organisation is not None and mention.organisation_name is None:
        found.append(Mention(kind="organisation", name=mention.organisation))
    return found


def _split_organisers(text: str, start: int, end: int, listed: bool = False) -> list[tuple[int, int]]:
    """Split "Jönköpings kommun och Region Jönköpings län" into two organisations.

    Only where the words before "och"/"and" are a whole organisation's name (they hold a word
    such as kommun, förening, AB): "Sveriges Kommuner och Regioner" is one name. ``listed``: the
    segment follows a comma, so that one word before "och" ends a list ("Kraftringen, Sysav och
    Öresundskraft").
    """
    parts, begin = [], start
    for match in _CONJUNCTION.finditer(text, start, end):
        left = tokenize(text[begin : match.start()], begin)
        whole = any(is_organisation_word(t) for t in left) or (listed and len(left) == 1)
        if text[match.end() : match.end() + 1].isupper() and whole:
            parts.append((begin, match.start()))
            begin = match.end()
    parts.append((begin, end))
    return parts if len(parts) > 1 else []


def _segments(text: str, start: int, end: int, list_line: bool, breaks: tuple[int, ...]) -> list[_Segment]:
    pieces: list[_Segment] = []
    depth, begin, separator = 0, start, "start"
    line_ends = set(breaks)
    for i in range(start, end):
        char = text[i]
        if i in line_ends:
            pieces.append(_Segment(begin, i, separator))
            begin, separator = i + 1, "line"
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
            if depth == 0 and _NEXT_PERSON.match(text, i + 1, end) and _person_follows(text, i + 1):
                # "Barbro Westerholm, riksdagsledamot (L) Lars Arrhenius, jurist": a new person
                # right after a closing parenthesis, with no comma.
                pieces.append(_Segment(begin, i + 1, separator))
                begin, separator = i + 1, ","
        elif depth == 0 and (char in ",;" or (char in _BAR_SEPARATORS and text[i - 1 : i] == " ")):
            # "A, vd, Org | B, forskare, Org", "A • B" and the cells of a table row
            # ("Name | title | Org"): a bar or a bullet separates as a comma does.
            pieces.append(_Segment(begin, i, separator))
            begin, separator = i + 1, "," if char in _BAR_SEPARATORS else char
        elif depth == 0 and char == "." and (more := SENTENCE_GOES_ON.match(text, i, end)) is not None:
            # "…, Marita Säther, Bosse Råd och Stöd. Samt Anders Ekholm, …": the list goes on in
            # the next sentence.
            pieces.append(_Segment(begin, i, separator))
            begin, separator = more.end(), "and"
        elif (
            depth == 0
            and list_line
            and char in "–-"
            and text[i - 1 : i] == " "
            and text[i + 1 : i + 2] == " "
        ):
            pieces.append(_Segment(begin, i, separator))
            begin, separator = i + 1, "dash"
    pieces.append(_Segment(begin, end, separator))
    pieces = [part for piece in pieces for part in _split_partners(text, piece)]
    result: list[_Segment] = []
    for piece in pieces:
        for split in _split_run_on(text, piece):
            result.extend(_split_conjunctions(text, split))
    return result


SENTENCE_GOES_ON = re.compile(r"\.\s+(?:Samt|Och|Även|Dessutom)\s+(?=[A-ZÅÄÖ])")
_FOUR_CAPITALS = re.compile(r"[A-ZÅÄÖ][\w'’-]*\s[A-ZÅÄÖ][\w'’-]*\s[A-ZÅÄÖ][\w'’-]*\s[A-ZÅÄÖ]")


def _split_run_on(text: str, segment: _Segment) -> list[_Segment]:
    """ "Statssekreterare Elisabeth Backteman Anita Jernberger": two names in a row, the comma
    between them lost when the programme's lines were joined, are two entries."""
    if _FOUR_CAPITALS.search(text, segment.start, segment.end) is None:
        return [segment]  # (no second name right after a first without four capitalised words in a row)
    tokens = tokenize(text[segment.start : segment.end], segment.start)
    parts: list[_Segment] = []
    begin, separator = segment.start, segment.separator
    for k in range(len(tokens) - 3):
        if second_person(tokens, k) and (k == 0 or not is_first_name(tokens[k - 1])):
            parts.append(_Segment(begin, tokens[k + 2].start, separator))
            begin, separator = tokens[k + 2].start, ","
    parts.append(_Segment(begin, segment.end, separator))
    return parts


_BAR_SEPARATORS = "|•·"
#: "Från idéburna verksamheter:", "För regeringen:": a group's heading inside a list of people.
_GROUP_HEADING = re.compile(r"(?:[Ff]rån|[Ff]ör|[Ii]nom|[Bb]land)\s[^:,.;]{1,60}:\s+")
# "the head of Sida", "the Director General of Sida": an English title and its organisation.
_TITLE_AHEAD = re.compile(r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){1,3}(?:of|at|for|to)\s+(?:the\s+)?[A-ZÅÄÖ]")
# "Skogsindustriernas vd, Viveka Beckeman, berättar": a body's title before the name, in commas.
_GENITIVE_TITLE_AHEAD = re.compile(
    r"(?:[A-ZÅÄÖ][\w-]* ){0,2}[A-ZÅÄÖ][\w-]*(?::s|s|’s|'s) (?:vice )?[a-zåäö][\w-]*"
)
# "VD för NÄRA AB": a title, a preposition and a capitalised name (up to four words).
_TITLE_FOR_ORGANISATION_AHEAD = re.compile(r"[\w-]+ (?:för|på|vid) [A-ZÅÄÖ][\w&-]*(?: [A-ZÅÄÖ][\w&-]*){0,3}")
_JOINED = re.compile(r"(?:samt|och) ")
_NAME_AFTER_COMMA = re.compile(r", ([A-ZÅÄÖ][\w-]+) [A-ZÅÄÖ]")


def _name_follows(text: str, at: int) -> bool:
    """Say whether ", Given Surname" comes at ``at``, with a given name the lexicon knows."""
    match = _NAME_AFTER_COMMA.match(text, at)
    return match is not None and is_first_name(Token(match.group(1), match.start(1), match.end(1)))


# "Professorn i sociologi, Elisabet Näsman, berättar": a title and its field before the name.
# (The definite form or the field says it is one person's title: not "två EU-parlamentariker".)
_SWEDISH_TITLE_AHEAD = re.compile(
    r"[\w-]+n(?: (?:i|inom|för) [a-zåäö][\w-]*)?|[\w-]+ (?:i|inom|för) [a-zåäö][\w-]*"
)
_NEXT_PERSON = re.compile(r" ([A-ZÅÄÖ][\w-]+) [A-ZÅÄÖ]")


def _person_follows(text: str, at: int) -> bool:
    match = _NEXT_PERSON.match(text, at)
    return match is not None and is_first_name(Token(match.group(1), match.start(1), match.end(1)))


_LEADING_AND = re.compile(r"\s*(?:och|and)\s", re.IGNORECASE)
# "Paper: "Waiting lists" – Tobias von Ahlefeldt": the title of a talk before its speaker.
QUOTED_TITLE = re.compile(r"[\"“”«][^\"“”«»]{1,200}[\"“”»]\s*(?:[–—-]|,|by|av)\s+")
# "…; chaired by Prof. Matti Virtanen": the role of the person a list's entry names.
_ROLE_BY = re.compile(
    r"(?:chaired|moderated|hosted|facilitated)\s+by\s+|(?:leds|leddes|modereras|modererades)\s+av\s+",
    re.IGNORECASE,
)
_PARTNERS = re.compile(
    r" (?:i samarbete med|tillsammans med|in collaboration with|in partnership with|together with) ",
    re.IGNORECASE,
)


def _split_partners(text: str, segment: _Segment) -> list[_Segment]:
    # "Norrbacka stadsbibliotek i samarbete med Föreningen Läsande Ungdom": two organisers.
    parts: list[_Segment] = []
    begin, separator = segment.start, segment.separator
    for match in _PARTNERS.finditer(text, segment.start, segment.end):
        parts.append(_Segment(begin, match.start(), separator))
        begin, separator = match.end(), "partner"
    parts.append(_Segment(begin, segment.end, separator))
    return parts


def _split_conjunctions(text: str, segment: _Segment) -> list[_Segment]:
    # "Länsstyrelsen i Södermanland och Johan Lod": split before a new person only, so that
    # "konsultchef och erfaren beslutsstödskonsult" and "Kommuner och Regioner" stay whole.
    piece = text[segment.start : segment.end]
    separator = segment.separator
    if separator == "," and _LEADING_AND.match(piece):
        separator = "and"
    parts: list[_Segment] = []
    begin, depth, scanned = segment.start, 0, 0
    for match in _CONJUNCTION.finditer(piece):
        depth += piece.count("(", scanned, match.start()) - piece.count(")", scanned, match.start())
        scanned = match.start()
        if depth > 0:
            continue  # inside "(vd och grundare, Ekbo AB)"
        right = segment.start + match.end()
        if piece[match.start() - 1 : match.start()] == "-" or _person(text, right, segment.end) is None:
            continue
        left = tokenize(text[begin : segment.start + match.start()], begin)
        if left and all(is_title_word(t) for t in left) and _person(text, begin, segment.end) is not None:
            continue  # "Statsminister och partiordförande Magdalena Andersson": two titles, one person
        parts.append(_Segment(begin, segment.start + match.start(), separator))
        begin, separator = right, "and"
    parts.append(_Segment(begin, segment.end, separator))
    return parts


def begins_with_person(text: str, start: int, end: int, *, known: bool = False) -> bool:
    """Say whether ``text[start:end]`` begins with a person's name (after a bullet); ``known``:
    one with a known given name."""
    segments = _segments(text, start, min(end, start + _HEAD_WINDOW), False, ())
    begin, stop = _trim(text, segments[0].start, segments[0].end)
    person = _person(text, begin, stop) if begin < stop else None
    return person is not None and (person.known_name or not known)


def is_bare_name(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is one person's name and nothing else ("Dr. Leila Haddadi")."""
    mentions = read_entries(text, start, end, organisations="none", list_line=True)
    if len(mentions) != 1 or mentions[0].kind != "person":
        return False
    mention = mentions[0]
    bare = not (mention.titles or mention.organisation or mention.party or mention.role)
    return bare and not text[mention.name[1] : end].strip(" .")


def looks_like_entry(text: str, start: int, end: int) -> bool:
    """Say whether a line reads as a list entry (a person, or a short name) rather than prose."""
    quoted = QUOTED_TITLE.match(text, start, end)
    if quoted is not None:
        start = quoted.end()  # '"Paper promises" – Joanna Reyes, …': a talk's title, then its speaker
    if begins_with_person(text, start, end):
        return True
    begin, stop = _trim(text, start, end)
    line = text[begin:stop]
    return bool(line) and line[0].isupper() and len(line.split()) <= 8 and text[end - 1] not in ".!?"


def _split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Röda Korset Mälardalen och Frivilliga Resursgruppen" into the two names."""
    parts, begin = [], start
    for match in _CONJUNCTION.finditer(text, start, end):
        if text[match.end() : match.end() + 1].isupper():
            parts.append((begin, match.start()))
            begin = match.end()
    parts.append((begin, end))
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    leading = _LEADING.match(text, start, end)
    if leading:
        start = leading.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in '.!?:"”'):
        end -= 1
    return start, end


def _starts_entry(person: Mention, separator: str, current: Mention | None) -> bool:
    if current is None or current.kind == "organisation":
        return True
    untitled = not (current.titles or current.role) and current.organisation is None
    if person.title_before_name and separator == "," and untitled and not person.known_name:
        # "Sofia Mård, projektled. Kompetenslyftet Dalarna": the title and organisation of
        # the person before, not a new person with a title.
        return False
    if person.title_before_name or separator in ("start", ";", "and", "line", "partner"):
        return True
    bare = not (person.titles or person.party or person.role or person.organisation)
    if untitled and separator == "," and bare and not person.known_name:
        # "Peter Munck af Rosenschöld, Sveriges Företagshälsor och …", "Louise Nylén, Dynamic
        # Code": after a name alone, a name nobody knows as a person's is its organisation.
        return False
    if person.organisation is not None and not person.known_name:
        return True  # "…, Juri Laas EULEX Kosovo": a name with its own organisation is a person
    if (current.titles or current.role) and current.organisation is None:
        # After "Name, title," (or "Name (moderator),") an unknown two-word name is more often
        # the organisation ("Kjell Ivarsson, turistchef, Destination Skånevik") than a new person.
        return person.known_name
    return True


def _person(text: str, start: int, end: int) -> Mention | None:
    """Read a segment that begins with a person: [Orgs] [title] [Dr] Name [(…)] [från Org]."""
    paren = text.find("(", start, min(end, start + _HEAD_WINDOW))
    head_end = paren if paren >= 0 else min(end, start + _HEAD_WINDOW)
    tokens = tokenize(text[start:head_end], start, _HEAD_TOKENS)
    if not tokens:
        return None
    found = _head(tokens)
    if found is None:
        return None
    name_at, length, prefix = found
    name_tokens = tokens[name_at : name_at + length]
    after = tokens[name_at + length : name_at + length + 2]
    given = next((t for t in name_tokens if not is_initial(t)), name_tokens[0])
    # "K-G Bergström", "PM Nilsson"; a given name the lexicon lacks is read by the name model.
    known = (
        is_first_name(given)
        or is_initials_name(given)
        or written_as_person(" ".join(t.text for t in name_tokens))
    )
    if (
        after
        and (is_capitalised(after[0]) and not is_honorific(after[0]))
        and not _title_or_acronym(after, known)
        and not (known and begins_organisation(after[0]))  # "Mattias Dahl Svensk Handel"
        and not (known and organisation_ahead(tokens, name_at + length))  # "Bo Jansson Lärarnas …"
    ):
        return None  # "Nordic Health Data Council": the words run on, so this is no name
    last = name_tokens[-1].text
    if last.endswith(("'s", "’s")) or (
        last.endswith("s")
        and len(after) == 2
        and after[0].text.islower()
        and is_name_word(after[1])
        # ("Mats Svegfors vd Sveriges Radio": a title, then its organisation, not a genitive)
        and not (is_title_word(after[0]) and not is_first_name(after[1]))
    ):
        return None  # "Arlie Hochschild's essay", "Astrid Lindgrens barnbarn Olof": a genitive
    if named_without_s(text, name_tokens[0].start, name_tokens[-1].end, after[0] if after else None):
        return None  # "Elisabeth Ohlson Wallins fotografier", the page naming "Elisabeth Ohlson Wallin"
    if (
        _joined_name(tokens, name_at + length)
        and (
            not known
            or not (
                is_first_name(tokens[-1])
                or is_initial(tokens[-1])
                # ("… och Vetenskap & allmänhets utredare": the name goes on past the segment)
                or text[tokens[-1].end : tokens[-1].end + 2].strip()[:1] not in ("", ".", ",", ";", ")")
            )
        )
    ):
        # "Sveriges Kommuner och Regioner", "Bosse Råd och Stöd" (a given name first): one name
        # joined by "och", its last word no given name
        return None
    genitive = name_tokens[0].text.endswith("s") and any(
        is_title_word(t) or is_organisation_word(t) for t in name_tokens[1:]
    )
    run_on = len(after) == 2 and after[0].lower in ("i", "för", "of", "for") and is_capitalised(after[1])
    if not known and (genitive or run_on):
        return None  # "Sveriges Skogsägare i Samverkan" reads like a name but is not one
    mention = Mention(
        kind="person",
        name=(name_tokens[0].start, name_tokens[-1].end),
        known_name=known,
        title_before_name=bool(prefix),
    )
    titled = [t for t in prefix if not (is_honorific(t) or _adjective(t))]
    while titled and (titled[0].lower in _PREFIX_FILLER or titled[0].lower in _OWNERS):
        titled = titled[1:]  # "Deltar gör (bland andra) finansminister Anders Borg", "vår moderator X"
    if (len(prefix) == 1 and name_at == 1 and _genitive_before_given(tokens)) or (
        len(prefix) > 1 and _genitive_before_name(tokens, name_at)
    ):
        cut = 2 if prefix[-1].text.endswith((":s", "'s", "’s")) else 1  # "TV4:s" -> TV4
        mention.organisation = (prefix[0].start, prefix[-1].end - cut)  # "Folkpartiets" -> Folkpartiet
        if len(prefix) == 1 and is_party_tag(text[prefix[0].start : prefix[-1].end - cut]):
            # "KD:s Acko Ankarberg": a party's letters are the party, never the organisation
            mention.party, mention.organisation = mention.organisation, None
        titled = []
    complement = _english_complement(titled) if titled else None
    if complement is not None:
        # "India's Ambassador to Sweden H.E. Tanmaya Lal": the title and its complement, whole
        mention.titles.append((titled[complement].start, titled[-1].end))
    elif titled:
        role = role_word(titled[-1].text)
        if role is not None and len(titled) == 1:
            mention.role = role  # "moderatorn Kim Ek"
        else:
            mention.add(parse_attribute(text, titled[0].start, titled[-1].end))
    rest = name_tokens[-1].end
    if paren >= 0 and not text[rest:paren].strip():
        close = _closing(text, paren, end)
        _read_parenthesis(text, paren + 1, close, mention)
        rest = min(close + 1, end)
    _read_rest(text, rest, end, mention)
    return mention


def _title_or_acronym(after: list[Token], known: bool = True) -> bool:
    """Say whether the words after a name begin its title or organisation, with no comma between:
    an acronym ("Juri Laas EULEX Kosovo") or, after a known given name, a capitalised title
    ("Anna Berg Executive Director …", "Susanne Lindholm Kommunalråd (KD)")."""
    first = after[0]
    if is_party_tag(first.text):
        return False
    acronym = first.text.isupper() and len(first.text) > 1 and first.text.isalpha() and len(after) > 1
    title = is_english_title(first) or is_title_word(first)
    # "Patrik Rossi Managing Director": a capitalised modifier, then the title's head
    two_words = len(after) > 1 and after[1].text[:1].isupper() and is_title_word(after[1])
    # "Svante Axelsson Naturskyddsföreningen": after a known given name, an organisation's word
    # in the definite form is the organisation.
    body = known and is_definite_body(first)
    return acronym or body or (known and (title or two_words) and not is_organisation_word(first))


def _joined_name(tokens: list[Token], i: int) -> bool:
    """Say whether "och"/"and" and one last capitalised word follow at ``tokens[i]``.

    "Sveriges Kommuner och Regioner" is one organisation; "Anna Ek och Per Berg" goes on with
    a person, and "Anna Ek och Region Väst" with an organisation of its own.
    """
    return (
        len(tokens) == i + 2
        and tokens[i].lower in ("och", "and", "&")
        and is_capitalised(tokens[i + 1])
        and not is_organisation_word(tokens[i + 1])
        and tokens[i + 1].start - tokens[i].end == 1
    )


def _genitive_before_given(tokens: list[Token]) -> bool:
    first, second = tokens[0], tokens[1]
    return (
        first.text.endswith("s")
        and len(first.text) > 3
        and not is_first_name(first)
        and is_first_name(second)
        and not is_initial(second)
    )


def _genitive_before_name(tokens: list[Token], length: int) -> bool:
    """What reads as a name at the start ends in a genitive and a person's name follows it, with
    a known given name or initials ("Dagens Industris PM Nilsson")."""
    return (
        length < len(tokens)
        and tokens[length - 1].text.endswith("s")
        and not tokens[length - 1].text.endswith("us")  # ("Professor Emeritus Owe Ronström")
        and not any(is_title_word(t) or is_english_title(t) for t in tokens[:length])
        and not is_first_name(tokens[0])
        and (is_first_name(tokens[length]) or is_initials_name(tokens[length]))
        and name_length(tokens, length) >= 2
    )


def _acronym_genitive(tokens: list[Token]) -> bool:
    """ "TV4:s Anders Pihlblad", "SKL:s Anna Ek": a short name in the genitive, with a colon,
    before a known given name."""
    return len(tokens) > 1 and tokens[0].text.endswith(":s") and is_first_name(tokens[1])


def _genitive_before_title(tokens: list[Token], length: int) -> bool:
    """ "Sveriges Konsumenters ordförande Örjan Brinkman", "Eva Ek, Sveriges Konsumenters
    ordförande": what reads as a name at the start is an organisation in the genitive, with a
    lowercase title after it."""
    return (
        length < len(tokens)
        and tokens[length - 1].text.endswith(("s", "'s", "’s", ":s"))
        and not is_first_name(tokens[0])
        and tokens[length].text.islower()
        and is_title_word(tokens[length])
    )


def _head(tokens: list[Token]) -> tuple[int, int, list[Token]] | None:
    length = name_length(tokens, 0)
    if length >= 3 and _genitive_before_given(tokens):
        # "Folkpartiets Jan Björklund", "Sverigedemokraternas Johnny Skalin": an organisation in
        # the genitive before a known given name is no part of the name.
        return 1, length - 1, tokens[:1]
    if length and _genitive_before_name(tokens, length):
        # "Dagens Industris PM Nilsson": an organisation's name in the genitive, then the person.
        return length, name_length(tokens, length), tokens[:length]
    if length and not _genitive_before_title(tokens, length):
        return 0, length, []
    # Words before the name: a genitive ("Region Skåneviks"), a title ("kulturdirektör",
    # "biskop", "journalisten", "Professor") and honorifics ("Dr").
    for i in range(1, min(len(tokens), 8)):
        length = name_length(tokens, i)
        if length and (_good_prefix(tokens[:i]) or (i == 1 and _acronym_genitive(tokens))):
            return i, length, tokens[:i]
    return None


def _english_complement(words: list[Token]) -> int | None:
    """An English title and its complement before a name: a capitalised title word, "for",
    "of" or "to", and one to three capitalised words ("Minister for Defence", "India's
    Ambassador to Sweden"); the index of the title word, or None."""
    for k in range(len(words) - 2):
        if words[k + 1].text in ("for", "of", "to") and is_english_title(words[k]):
            before, after = words[:k], words[k + 2 :]
            good = (
                words[k].text[:1].isupper()
                and 0 < len(after) <= 3
                and all(t.text[:1].isupper() for t in after)
                and all(t.text[:1].isupper() for t in before)
            )
            return k if good else None
    return None


_NOT_IN_TITLES = frozenset(
    {
        "med",
        "om",
        "av",
        "till",
        "hos",
        "åt",
        "with",
        "by",
        "about",
        "och",
        "and",
        "som",
        "att",
        "en",
        "ett",
        "the",
        "a",
    }
)


def _good_prefix(prefix: list[Token]) -> bool:
    # "biskop Eva Brunne", "Norrbottens landshövding Anders Wikström", "Historian Dr Eleanor
    # Whitcombe": the last word before the name (or before "Dr") is a title; capitalised words
    # before the title are an organisation in the genitive ("Miljöpartiet de grönas språkrör",
    # "TV4:s"); "och" joins two titles ("Statsminister och partiordförande").
    words = [t for t in prefix if not (is_honorific(t) or _adjective(t))]
    if len(words) > 1 and words[0].lower in _ARTICLES:
        words = words[1:]  # "the architect Maria Santos"
    if not words:
        return True  # "Dr Hilde Johannessen"
    if _english_complement(words) is not None:
        return True  # "Minister for Defence Sten Tolgfors", "Secretary of State Ann Linde"
    if not (is_title_word(words[-1]) or role_word(words[-1].text)):
        return False
    for k, token in enumerate(words):
        if token.lower in _NOT_IN_TITLES:
            # "EU- och demokratiminister": a first part cut at its hyphen joins the title after it.
            joins_titles = (
                token.lower in ("och", "and")
                and 0 < k < len(words) - 1
                and (is_title_word(words[k - 1]) or words[k - 1].text.endswith("-"))
                and is_title_word(words[k + 1])
            )
            if not joins_titles:
                return False
    for k in range(len(words)):
        title_part, genitive = words[k:], words[:k]
        if not all(
            t.text.islower()
            or is_title_word(t)
            or role_word(t.text)
            or _cut_compound(title_part, j)
            or qualifies_title(title_part, j)
            for j, t in enumerate(title_part)
        ):
            continue
        if not genitive:
            return True
        inner = all(t.text[:1].isupper() or t.lower in _NAME_INNER for t in genitive[1:-1])
        if (
            genitive[0].text[:1].isupper()
            and genitive[0].lower not in _DETERMINERS
            and len(genitive) <= 4
            and inner
            and genitive[-1].text.endswith(("s", "'s", "’s"))
        ):
            return True
    return False


_ARTICLES = frozenset({"the", "a", "an"})
# Lowercase words inside an organisation's name in the genitive ("Miljöpartiet de grönas").
_NAME_INNER = frozenset({"de", "för", "i", "och", "av", "of", "the", "for"})
_DETERMINERS = frozenset(
    {"our", "their", "his", "her", "its", "my", "your", "this", "the", "vår", "vårt", "våra"}
)


def _cut_compound(words: list[Token], k: int) -> bool:
    """Say whether ``words[k]`` is the first part of a compound cut at its hyphen before "och"
    and the rest of the title ("EU- och demokratiminister")."""
    return words[k].text.endswith("-") and k + 1 < len(words) and words[k + 1].lower in ("och", "and")


def qualifies_title(words: list[Token], k: int) -> bool:
    """Say whether ``words[k]`` qualifies the English title right after it ("German Ambassador")."""
    return k + 1 < len(words) and qualifies(words[k], words[k + 1])


def _adjective(token: Token) -> bool:
    # "Award-winning poet Seamus Ó Laoire": a hyphenated word with a lowercase second part is
    # an adjective before the title, capitalised only as the sentence begins with it.
    # "TV-journalisten" is a title, not an adjective.
    head, _, tail = token.text.partition("-")
    return (
        bool(head)
        and head[0].isupper()
        and tail.isalpha()
        and tail.islower()
        and len(tail) > 3
        and not is_title_word(token)
    )


def _closing(text: str, open_at: int, end: int) -> int:
    depth = 0
    for i in range(open_at, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return end


def _read_parenthesis(text: str, start: int, end: int, mention: Mention) -> None:
    inner = text[start:end].strip()
    # Right after a name, "(S)", "(KD)" or "(MP)" is a party (in Swedish programmes "MP" is
    # Miljöpartiet, not Member of Parliament), and so is "(s)" or "(fp)" as older programmes write it.
    if is_party_tag(inner) or is_lowercase_party_tag(inner):
        offset = text.index(inner, start, end)
        mention.party = (offset, offset + len(inner))
        return
    begin = start
    for i in range(start, end + 1):
        if i == end or text[i] in ",;":
            s, e = _trim(text, begin, i)
            if s < e:
                if is_party_tag(text[s:e]):
                    mention.party = mention.party or (s, e)
                else:
                    mention.add(parse_attribute(text, s, e))
            begin = i + 1


def _modified_title(tokens: list[Token]) -> bool:
    """Say whether the words begin with a lowercase modifier and then a title ("trafikpolitisk
    talesperson")."""
    return (
        len(tokens) > 1 and tokens[0].text.islower() and tokens[0].text.isalpha() and is_title_word(tokens[1])
    )


#: "Anna Ek som är talesperson för …": what the person is, in a relative clause after the name.
_WHO_IS = re.compile(r"\s*som (?:är|idag är|numera är|jobbar som|arbetar som) (?=[a-zåäöA-ZÅÄÖ])")
#: Where such a clause stops saying what the person is: "… för att prata om", "… och som".
_WHO_IS_STOP = re.compile(
    r"\s(?:för att|och som|som|där|med ansvar för|och har|och driver)\s|[.;:!?]\s|\s[–—]\s"
)


def _read_rest(text: str, start: int, end: int, mention: Mention) -> None:
    # "Lars Bäckström från Teologiska högskolan": an organisation after a preposition; any
    # other words after the name ("hur snabbt omställningen kan gå") are not about the person.
    who_is = _WHO_IS.match(text, start, end)
    if who_is is not None and not mention.titles and mention.organisation is None:
        at = who_is.end()
        clause_end = _WHO_IS_STOP.search(text, at, end)
        attribute = parse_attribute(text, at, clause_end.start() if clause_end else end)
        if attribute.titles:
            mention.add(attribute)
        return
    tokens = tokenize(text[start : min(end, start + _HEAD_WINDOW)], start, _HEAD_TOKENS)
    # "Bo Jansson Lärarnas Riksförbund", "Ida Ek Teach for Sweden": an organisation begins here
    ahead = bool(tokens) and organisation_ahead(tokens, 0)
    if (
        tokens
        and tokens[0].start - start <= 1
        and (tokens[0].text.islower() or _title_or_acronym(tokens) or begins_organisation(tokens[0]) or ahead)
        and (
            is_title_word(tokens[0])
            or tokens[0].text.isupper()
            or begins_organisation(tokens[0])
            or ahead
            # "Stina Berg (MP) trafikpolitisk talesperson Sveriges riksdag": a modifier first
            or (mention.party is not None and _modified_title(tokens))
        )
        and not mention.titles
        and mention.organisation is None
    ):
        # "Johan Lindman skogschef Stora Enso", "Roger Lundgren chefredaktör för Kungliga
        # magasinet", "Luljeta Vuniqi Executive Director Kosovar Gender Studies Center",
        # "Juri Laas EULEX Kosovo": the title and organisation after the name, with no comma.
        paren = text.find("(", tokens[0].start, end)
        stop = paren if paren >= 0 else end
        rest = tokenize(text[tokens[0].start : stop], tokens[0].start)
        heads = 0
        while heads < len(rest) and rest[heads].text[:1].isupper() and is_english_title(rest[heads]):
            heads += 1
        if (tokens[0].text.isupper() or begins_organisation(tokens[0]) or ahead) and not is_title_word(
            tokens[0]
        ):
            extent = organisation_extent(rest, 0, text)
            if extent is not None:
                mention.organisation = (rest[0].start, rest[extent - 1].end)
        elif heads and heads < len(rest):
            # "Executive Director Kosovar Gender Studies Center": the title, then the organisation.
            mention.titles.append((rest[0].start, rest[heads - 1].end))
            at = heads
            if at + 1 < len(rest) and rest[at].lower in ("at", "of", "from", "with"):
                # "Urban Ek CEO at the Confederation of …", "Director General of Sida"
                at += 2 if rest[at + 1].lower == "the" and at + 2 < len(rest) else 1
            extent = organisation_extent(rest, at, text)
            if extent is not None:
                extent = _capitalised_run(rest, at, extent)  # "… Enterprise take the discussion"
                mention.organisation = (rest[at].start, rest[extent - 1].end)
        else:
            mention.add(parse_attribute(text, tokens[0].start, stop))
        if paren >= 0:
            _read_parenthesis(text, paren + 1, _closing(text, paren, end), mention)
        return
    dash = _DASH_ORGANISATION.match(text, start, end)
    if dash is not None and not mention.titles and mention.organisation is None:
        # "Jan Berg - Sveriges Konsumenter, Karin Ek – Svensk Handel": a dash before the organisation
        mention.add(parse_attribute(text, dash.end(), end))
        return
    working = int(
        len(tokens) > 2
        and tokens[0].lower in _WORKING
        and tokens[1].lower in _WORKING_AT
        and mention.organisation is None
    )
    if working:
        tokens = tokens[1:]  # "Klas Berg arbetar på Tillväxtverket": where the person works
    if len(tokens) < 2 or tokens[0].lower not in _ORG_PREPOSITIONS | (_WORKING_AT if working else set()):
        return
    at = 2 if tokens[1].text == "the" and len(tokens) > 2 else 1  # "Hannah Lund of the Urban Institute"
    at = skip_descriptors(tokens, at)  # "Arne Berg från undersökningsföretaget Novus"
    if tokens[at].text.islower() and tokens[at].lower.endswith(LOWERCASE_BODIES) and tokens[0].lower != "of":
        # "Mathias Berg (KD) från utbildningsutskottet", "Anders Ek från bygdegårdsrörelsen"
        mention.organisation = (tokens[at].start, tokens[at].end)
        return
    if is_capitalised(tokens[at]):
        extent = organisation_extent(tokens, at, text)
        if extent is not None:
            mention.organisation = (tokens[at].start, tokens[extent - 1].end)


def _delegated(text: str, start: int, end: int) -> list[Mention]:
    """The organisations named in ``text[start:end]`` whose people take part ("Skanska och HSB"),
    each a participant; none when a name holds a lowercase word ("Sveriges främsta
    designutmärkelser" is no organisation's name)."""
    found = []
    for part_start, part_end in _split_names(text, start, end):
        organisation = _organisation(text, part_start, part_end, "any")
        if organisation is None or _lowercase_inside(text, organisation.name):
            return []
        organisation.role = PARTICIPANT
        found.append(organisation)
    return found


def _known_person(text: str, start: int, end: int) -> bool:
    person = _person(text, start, end)
    return person is not None and person.known_name


def _lowercase_inside(text: str, name: Span) -> bool:
    """Say whether a name holds a lowercase word that links no two capitalised ones."""
    words = tokenize(text[name[0] : name[1]], name[0])
    return any(w.text.islower() and w.lower not in _NAME_LINKS for w in words)


_NAME_LINKS = frozenset({"of", "for", "and", "&", "the", "de", "i", "för", "och"})


def _capitalised_run(tokens: list[Token], start: int, end: int) -> int:
    """Where a name with no comma after it ends: at its first lowercase word that links no two
    capitalised words ("Confederation of Swedish Enterprise take the discussion further")."""
    k = start + 1
    while k < end and (tokens[k].text[:1].isupper() or tokens[k].lower in _NAME_LINKS):
        k += 1
    while k - 1 > start and tokens[k - 1].lower in _NAME_LINKS:
        k -= 1
    return k


def _organisation(text: str, start: int, end: int, allowed: str) -> Mention | None:
    tokens = tokenize(text[start:end], start)
    if not tokens or not is_capitalised(tokens[0]) or (is_name_word(tokens[0]) and is_first_name(tokens[0])):
        return None
    extent = organisation_extent(tokens, 0, text)
    if extent is None:
        return None
    words = tokens[:extent]
    if allowed == "marked" and not any(is_organisation_word(t) for t in words):
        return None
    if any(is_title_word(t) and not is_organisation_word(t) for t in words) and len(words) == 1:
        return None
    # "Sveriges Yngre Läkares Förening (SYLF)": the short form in parentheses is no part of the name
    for k, word in enumerate(words[1:], start=1):
        if text[word.start - 1] == "(" and word.text.isupper():
            words = words[:k]
            break
    return Mention(kind="organisation", name=(words[0].start, words[-1].end))
