"""Find the people and organisations named in the lines of one section, with their quotes."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import pairwise

from .cues import EITHER, POST, PRE, Cue, CueMatch, find_cues
from .entries import QUOTED_TITLE as _QUOTED_TITLE
from .entries import (
    SENTENCE_GOES_ON,
    Mention,
    begins_with_person,
    is_bare_name,
    looks_like_entry,
    mention_end,
    qualifies_title,
    read_entries,
)
from .labels import Label, is_field_word, match_label
from .layout import Line, people_columns, sentences
from .namemodel import likely_person
from .names import NameSeen, names_on_line
from .phrases import opens_with_former_post, organisation_extent, parse_attribute
from .roles import MODERATOR, ORGANISER, PANELIST, SPEAKER
from .tokens import (
    PARTY_PATTERN,
    Token,
    is_capitalised,
    is_common,
    is_first_name,
    is_organisation_word,
    is_party_tag,
    is_title_word,
    role_word,
    tokenize,
)
from .words import subject_words

Span = tuple[int, int]
_CLAUSE_MARK = re.compile(r" (?:att|när|då|där|medan|innan|efter att|while|when|where|after) |: | – | — ")
_BULLET = re.compile(r"^[-•*·–—]\s*")
_BIOGRAPHY = re.compile(r"^\S+(?: \S+){1,3} (?:is|was|är|var|works as|arbetar som) ")
_BIOGRAPHY_REACH = 1500
_BIOGRAPHY_STOP = re.compile(r"[.!?](?:\s|$)|, | who | which | som | and | och ")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# (Not "is one of the world's foremost scholars", "är en av landets främsta forskare": no title.)
_BIOGRAPHY_REST = re.compile(
    r" (?:is|was|är|var|works as|arbetar som) (?!(?:one of|en av|ett av) )(?:(?:a|an|the|en|ett) )?"
)

#: How sure each way of finding a participant is, before the name itself is weighed.
BASE_CONFIDENCE = {
    "label": 0.9,
    "post": 0.85,
    "pre": 0.8,
    "role": 0.85,
    "given": 0.75,
    "subject": 0.65,
    "sentence": 0.6,
    "line": 0.6,
    "apposition": 0.55,
    "genitive": 0.6,
    "title": 0.75,
}


@dataclass(frozen=True)
class Found:
    """A mention with the role it was given, the quote that states it and how it was found."""

    mention: Mention
    role: str
    quote: Span
    more: tuple[Span, ...]
    # label | post | pre | role ("Moderator X") | given (a given name alone) | subject (the people a
    # sentence opens with, before its verb) | sentence (a cue near) | unplaced (read, but
    # reported as seen and not placed) | title (a cue in the event's title) | line (a list line
    # of its own with no label: the last pass) | apposition (a name with its title or party tag
    # in prose: the last pass)
    how: str


def collect(
    text: str, lines: list[Line], heading: Label | None = None, title: Span | None = None
) -> list[Found]:
    """Find every participant named in ``lines`` (label lists, list lines and prose).

    ``heading``: the label the section's title begins with ("Panel: Who pays?"), which gives
    the role of a bare list of people in the section. ``title``: the section's title, where a
    cue of taking part names people too ("Möt Mats Knutson, inrikespolitisk kommentator").
    """
    found: list[Found] = []
    given = _given_index(text, lines)
    if title is not None and heading is None:
        # Of two readings of one person, the body's is kept (``title`` ranks below it).
        found.extend(replace(item, how="title") for item in _prose(text, *title)[0] if item.how in _BY_CUE)
    i = 0
    while i < len(lines):
        line = lines[i]
        label = line.label
        if line.columns is not None:
            found.extend(_row(text, line, line.columns))
            i += 1
            continue
        if label is not None and label.kind in ("people", "organisations"):
            inline = line.start + label.content_start
            quoted = _QUOTED_TITLE.match(text, inline, line.end)
            if quoted is not None:
                inline = quoted.end()
            if inline < line.end:
                # "Föreläsare: Ragnhild Østby, professor, Universitetet i Oslo. Föreläsningen
                # hålls på engelska.": the entry ends with its sentence.
                parts = sentences(text[inline : line.end], inline)
                stop = parts[0][1]
                for _start, end in parts[1:]:
                    if not SENTENCE_GOES_ON.match(text, stop - 1):
                        break
                    stop = end  # "…, Bosse Råd och Stöd. Samt Anders Ekholm, …": the list goes on
                region = _region(text, inline, stop, label, _quote(text, line), (), True)
                found.extend(region)
                if region and stop < line.end:
                    found.extend(_rest_of_label_line(text, stop, line, label, given))
                i += 1
                k = i
                while (
                    not region
                    and k < len(lines)
                    and lines[k].block == line.block
                    and lines[k].label is None
                    and begins_with_person(text, lines[k].start, lines[k].end)
                ):
                    k += 1
                if k > i:
                    # "13.30 Keynote: Care, debt and the family" over "Professor Ayşe Demir, Koç
                    # University": the talk's title, and its speaker on the line below.
                    found.extend(_entries(text, lines[i:k], label, line_span(line)))
                    i = k
                elif region and label.kind == "people":
                    more, i = _next_paragraphs(text, lines, i, line, label)
                    found.extend(more)
                continue
            entries, i = _following(text, lines, i)
            found.extend(_entries(text, entries, label, line_span(line)))
            continue
        if label is not None or line.heading is not None:
            i += 1
            continue
        if _TIME_SLOT.match(line.text):
            # "09.30–09.45 Välkommen" over the people of that item, one a line.
            k = i + 1
            while (
                k < len(lines)
                and lines[k].block == line.block
                and lines[k].label is None
                and begins_with_person(text, lines[k].start, lines[k].end)
            ):
                k += 1
            if k > i + 1:
                found.extend(_prose(text, line.start, line.end, given)[0])
                slot = Label("programme item", "people", _slot_role(line.text), None, len(line.text))
                found.extend(_entries(text, lines[i + 1 : k], slot, line_span(line)))
                i = k
                continue
        j = i
        while j < len(lines) and lines[j].block == line.block and lines[j].label is None:
            j += 1
            if _ends_in_list(text, lines, j):
                break  # "… frågor. Övriga medverkande är:" over one person a line
            if j < len(lines) and lines[j].block == line.block and _moderator_line(text, lines[j]):
                break  # "… talesperson Sveriges riksdag" over "Moderator Yvonne Blom (MP) …"
        prose, pending = _prose(text, lines[i].start, lines[j - 1].end, given)
        if pending is None and _ends_in_list(text, lines, j) and _LIST_CUE_AT_END.search(lines[j - 1].text):
            pending = Label("deltar gör", "people", PANELIST, None, len(lines[j - 1].text))
        if (
            not any(item.how in _BY_CUE for item in prose)
            and heading is not None
            and heading.kind == "people"
        ):
            # "Panel: Who pays?" over "Siobhan Murphy (Dublin City Council), … and Erik
            # Wahlgren (Nordic Mobility Lab, chair)": the heading's label is the list's.
            for listed in lines[i:j]:
                if _list_line(text, listed):
                    prose.extend(
                        _region(text, listed.start, listed.end, heading, line_span(listed), (), True)
                    )
        found.extend(prose)
        if pending is not None:
            # "I panelen sitter:" followed by one person a line.
            entries, j = _following(text, lines, j - 1)
            found.extend(_entries(text, entries, pending, line_span(lines[i])))
        i = j
    found.extend(_last_pass(text, lines, found, given))
    _label_organisations(text, lines, found)
    return [_with_biography(text, lines, item) for item in found]


def _label_organisations(text: str, lines: list[Line], found: list[Found]) -> None:
    """ "Medverkande från Kriminalvården: Nils Ek, generaldirektör; …": the organisation the label
    names is that of every person its list gives none."""
    for k, line in enumerate(lines):
        if line.label is None or line.label.kind != "people":
            continue
        named = _LABEL_FROM.match(line.text)
        if named is None:
            continue
        organisation = (line.start + named.start(1), line.start + named.end(1))
        end = line.end
        for below in lines[k + 1 :]:
            if below.block != line.block or below.label is not None:
                break
            end = below.end
        for i, item in enumerate(found):
            mention = item.mention
            if (
                mention.kind == "person"
                and mention.organisation is None
                and line.start <= mention.name[0] < end
            ):
                mention.organisation = organisation
                if not item.quote[0] <= organisation[0] < item.quote[1]:
                    found[i] = replace(item, more=(*item.more, line_span(line)))  # the label's line


# "Medverkande från Kriminalvården:", "Speakers from Sida:"
_LABEL_FROM = re.compile(r"[^\W\d_]+\s+(?:från|from)\s+((?-i:[A-ZÅÄÖ])[^:;,]{1,60}?)\s*:")


def _last_pass(text: str, lines: list[Line], found: list[Found], names: _Names) -> list[Found]:
    """Place the names that no rule placed, when their line or sentence gives a reading.

    A line of its own that opens with the name and goes on with the person's title,
    organisation or party tag ("Anna Ek, vd Norrby AB", "* Per Lund - Historiker, KTH") is an
    entry of the programme (``line``); a name in prose with an apposition ("…, bl.a. Eva Ek (S)
    och Per Lund (M)", "Anna Ek, professor vid KTH, och …") is read as taking part (``apposition``).
    Both are marked for review. Never a name after "om", "av", "enligt", … , next to a verb of
    saying, inside a quotation, in a negated sentence, a sentence about writing, a report, a
    contact or thanks, nor a line under a field ("Kontakt:") or with a phone number or e-mail.
    """
    covered = [span for span in _covered(found) if span is not None]
    taken = {text[f.mention.name[0] : f.mention.name[1]] for f in found}
    extra: list[Found] = []
    after_field = False
    previous: Line | None = None
    for line in lines:
        if previous is None or previous.block != line.block:
            after_field = False
        if line.label is not None:
            after_field = line.label.kind not in ("people", "organisations")
        previous = line
        if line.label is not None or line.heading is not None or line.columns is not None or after_field:
            continue
        if _CONTACTISH.search(line.text):
            continue
        timed = _TIMED.match(line.text) is not None  # "15.15-15.25 Lena Ek, forskare, om …"
        seen_here = [
            seen for seen in names.within(line.start, line.end) if seen.known and seen.end <= line.end
        ]
        if not seen_here:
            continue
        for s_start, s_end in sentences(text[line.start : line.end], line.start):
            sentence = (s_start, s_end)
            inside = [seen for seen in seen_here if s_start <= seen.start and seen.end <= s_end]
            # (The pattern opens with "^", which matches only at the start of the string it is given.)
            bullet = _BULLET.match(text[s_start:s_end])
            lead = s_start + (bullet.end() if bullet else 0)
            # A sentence that is only a list of people has no word the filters below look for
            # but in a title ("Mattias Klum, fotograf").
            listed_people = _list_sentence(text, lead, s_end, inside, taken, covered) if inside else []
            filtered = (
                not inside
                or _NOT_TAKING_PART.search(text, s_start, s_end) is not None
                or _NEGATION.search(text, s_start, s_end) is not None
            )
            # A list in a sentence the filters take, or after the line's first sentence, is read
            # as it is, its people panelists; a line that opens with the list is read below, names
            # in a row sharing the reading after the last, and the list is the fallback.
            preempt = bool(listed_people) and (filtered or s_start > line.start)
            said = _said_to_take_part(text, s_start, s_end, inside, taken, covered)
            if said:
                # "en studie av Carl Frey – som deltar vid seminariet": the relative clause says it.
                extra.extend(said)
                taken.update(text[f.mention.name[0] : f.mention.name[1]] for f in said)
                continue
            if filtered and not preempt:
                continue
            signed = None if preempt else _talk_signature(text, s_start, s_end, inside, taken, covered)
            # (On a timed line the first sentence's name comes after the time; the text's
            # whitespace is one space.)
            clock = _TIMED.match(text, lead, s_end) if timed and s_start == line.start else None
            begin = lead if clock is None else clock.end()
            talk = None if preempt else _speaker_then_talk(text, begin, s_end, inside, timed)
            if talk is not None:
                # "14.02: Inledning. Fred Nyberg: Vad menas med beroende?": the talk's speaker, as
                # sure as a label, and so the first role stated when a list below names them again.
                extra.append(Found(talk, SPEAKER, sentence, (), "label"))
                taken.add(text[talk.name[0] : talk.name[1]])
                continue
            if signed is not None:
                # "Så här kan byggprocesserna förbättras! Daniel Ek.", "Inledning, Ann Berg.": the
                # talk, then who gives it.
                extra.append(Found(signed, SPEAKER, sentence, (), "line"))
                taken.add(text[signed.name[0] : signed.name[1]])
                continue
            tokens = tokenize(text[s_start:s_end], s_start)
            here: list[Found] = []
            for seen in [] if preempt else inside:
                name = text[seen.start : seen.end]
                if name in taken or any(a <= seen.start < b for a, b in covered):
                    continue
                j = next((k for k, t in enumerate(tokens) if t.start == seen.start), -1)
                if j < 0 or (j and tokens[j - 1].lower in _MENTIONED_AFTER):
                    continue
                if sum(text.count(mark, s_start, seen.start) for mark in _QUOTES) % 2:
                    continue
                if text[s_start : seen.start].rstrip()[-1:] in _QUOTES:
                    continue  # '… som dom flesta helt missat" Jesper Ek, VD.': who is quoted signs
                after = next((t for t in tokens[j + 1 :] if t.start >= seen.end), None)
                if after is not None and after.lower in _SAYING:
                    continue
                listed = seen.start == lead and s_start == line.start and len(line.text) <= _LINE_REACH
                chain = [seen]
                if listed:
                    # "A, B och C, skribenter i …": names in a row share the reading after the last.
                    chain = _name_chain(text, inside, seen, taken, covered)
                    last = chain[-1]
                    # "* Emma Ek - Bloggare och skribent": the dash after the name parts it from the
                    # title as a comma would (the text keeps its length, so the offsets hold).
                    dash = _NAME_DASH.match(text, last.end)
                    entry = text if dash is None else text[: last.end] + ",  " + text[dash.end() :]
                    mentions = read_entries(entry, last.start, line.end, organisations="none", list_line=True)
                    mention = mentions[0] if mentions and mentions[0].name == (last.start, last.end) else None
                    how = "line"
                else:
                    mention = _person_at(text, tokens, j, seen, s_end)
                    how = "apposition"
                    if mention is not None and not _APPOSITION.match(text, seen.end, s_end):
                        mention = None
                if mention is None or mention.kind != "person" or _FIELD_BEFORE.match(text, lead, seen.start):
                    continue  # "Pressfrågor: Anna Ek, presschef": a field this reading does not know
                if mention.organisation is not None and not any(
                    ch.isalpha() for ch in text[mention.organisation[0] : mention.organisation[1]]
                ):
                    continue  # "Stina Ek, 78, från Sandarne": an age
                if _names_someone(text, mention.organisation) or _initials_name(text, mention.organisation):
                    continue  # "…, journalisten PM Nilsson": a person read as an organisation
                if not (mention.titles or mention.organisation or mention.party):
                    continue
                if _TOLD_OF.match(text, max(mention_end(mention), seen.end), s_end):
                    continue  # "Margot Ek, FN:s sändebud, has identified …": what she did, told of
                _party_from_title(text, mention)
                quote = sentence if how == "apposition" else line_span(line)
                for one in chain:
                    person = mention
                    if one is not chain[-1]:
                        name_span, titles = (one.start, one.end), list(mention.titles)
                        person = replace(mention, name=name_span, titles=titles, known_name=one.known)
                    here.append(Found(person, "", quote, (), how))
                    taken.add(text[one.start : one.end])
            if not here and listed_people:
                here = [Found(m, "", sentence, (), "line") for m in listed_people]
                taken.update(text[m.name[0] : m.name[1]] for m in listed_people)
            if here:
                several = len(here) > 1 or _PANEL_ITEM.search(text, s_start, s_end) is not None
                role = PANELIST if several or _panel_above(lines, line) else SPEAKER
                extra.extend(
                    replace(item, role=PANELIST if preempt else item.mention.role or role) for item in here
                )
    return extra


_TALK_TITLE_WORDS = 8
# "X, professor vid KTH, som medverkar i panelen", "X – som deltar vid seminariet": a relative
# clause right after the name (and its apposition) that says the person takes part.
_RELATIVE_TAKING_PART = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:,[^,.;:!?]{1,80})?,?\s*(?:[–—-]\s*)?som\s+(?:också\s+|även\s+|själv\s+)?"
    r"(?:(deltar|medverkar|är\s+med|finns\s+på\s+plats|kommer\s+att\s+(?:delta|medverka))"
    r"|(modererar|kommer\s+att\s+moderera|leder\s+(?:samtalet|panelen|debatten|diskussionen)))\b",
    re.IGNORECASE,
)


# "Fred Nyberg: Vad menas med beroende?": the speaker, a colon, then the talk's title.
# "Agneta Ek om behandlingen", "Lena Ek, forskare vid X, om äldres hälsa", "Sineva Ek, ordförande
# Vårdförbundet, presenterar förslaget": on a timed line, the talk after its speaker's name.
_NAME_OM_TALK = re.compile(
    r"(?:,[^.;:!?]{1,120}?,)?\s+(?:om|presenterar|berättar|talar|inleder|föreläser|redogör)\s+\w"
)
_TIMED = re.compile(r"(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?:?\s", re.IGNORECASE)
_NAME_COLON_TALK = re.compile(r":\s+(?![\"“”'‘’«])[A-ZÅÄÖ][^:]{3,150}[?!]$")


def _speaker_then_talk(text: str, lead: int, end: int, inside: list[NameSeen], timed: bool) -> Mention | None:
    """A sentence that opens with a name and a colon and goes on with a question or an
    exclamation, the title of the talk that person gives (not a quotation: no quotation mark);
    on a timed line of a programme, also a name and "om" ("Agneta Ek om behandlingen")."""
    first = next((seen for seen in inside if seen.start == lead), None)
    if first is None or not first.known:
        return None
    colon = _NAME_COLON_TALK.match(text, first.end, end)
    if colon is None and not (timed and _NAME_OM_TALK.match(text, first.end, end)):
        return None
    return Mention(kind="person", name=(first.start, first.end), known_name=True)


def _said_to_take_part(
    text: str, start: int, end: int, inside: list[NameSeen], taken: set[str], covered: list[Span]
) -> list[Found]:
    """The people of a sentence who a relative clause after their name says take part, with what
    the apposition between says of them."""
    found: list[Found] = []
    tokens: list[Token] | None = None
    for seen in inside:
        if text[seen.start : seen.end] in taken or any(a <= seen.start < b for a, b in covered):
            continue
        relative = _RELATIVE_TAKING_PART.match(text, seen.end, end)
        if relative is None:
            continue
        tokens = tokens or tokenize(text[start:end], start)
        j = next((k for k, t in enumerate(tokens) if t.start == seen.start), -1)
        verb = relative.start(1) if relative.group(1) else relative.start(2)
        mention = _person_at(text, tokens, j, seen, verb)
        if mention is None or mention.name != (seen.start, seen.end):
            mention = Mention(kind="person", name=(seen.start, seen.end), known_name=seen.known)
        role = MODERATOR if relative.group(2) else PANELIST
        found.append(Found(mention, role, (start, end), (), "pre"))
    return found


def _talk_signature(
    text: str, start: int, end: int, inside: list[NameSeen], taken: set[str], covered: list[Span]
) -> Mention | None:
    """The person of a sentence that is only a known person's name, or ends with ", " and the
    name ("Med nya grepp kan vi lösa finansieringen, Fredrik Ek."), the sentence before it or the
    words before the comma being the talk's title; None otherwise."""
    stop = start + len(text[start:end].rstrip(" .!"))
    if len(inside) != 1 or not inside[0].known or inside[0].end != stop:
        return None
    seen = inside[0]
    before = text[start : seen.start]
    if before.strip() and not before.rstrip().endswith(","):
        return None
    if text[seen.start : seen.end] in taken or any(a <= seen.start < b for a, b in covered):
        return None
    if len(before.split()) > _TALK_TITLE_WORDS:
        return None  # "… the first female president in Africa, Ellen Johnson Sirleaf.": an apposition
    return Mention(kind="person", name=(seen.start, seen.end), known_name=True)


def _list_sentence(
    text: str, start: int, end: int, inside: list[NameSeen], taken: set[str], covered: list[Span]
) -> list[Mention]:
    """The people of a sentence that is nothing but a list of them with their titles and
    organisations ("Miljöminister Eva Lind, Per Berg, talesperson Nordpartiet, Anna Ek, fotograf."),
    two at least, each with a known given name, one at least with a title or organisation; else
    nothing. No verb, no other word: the list is the programme's people."""
    known = {(seen.start, seen.end) for seen in inside if seen.known}
    if len(known) < 2:
        return []
    stop = start + len(text[start:end].rstrip(" .;"))
    # "(Sture Hansson, Tina Elfwing, Eskil Erlandsson m fl)": a list in parentheses, or one that
    # ends "med flera", names the people of the item without titles.
    close = text.find(")", start, stop) if text[start] == "(" else -1
    bracketed = close > 0
    if bracketed:
        start, stop = start + 1, close
    others = _AND_OTHERS.search(text, start, stop)
    if others is not None:
        stop = others.start()
    mentions = read_entries(text, start, stop, organisations="none")
    if len(mentions) < 2 or any(m.kind != "person" or not m.known_name for m in mentions):
        return []
    if not known <= {m.name for m in mentions}:
        return []  # a name the list does not read
    first = mentions[0]
    opening = min([first.name[0], *(a for a, _ in first.titles)])
    if text[start:opening].strip() or text[max(mention_end(m) for m in mentions) : stop].strip(" ,)"):
        return []
    if not (bracketed or others) and not any(m.titles or m.organisation or m.party for m in mentions):
        return []
    names = [text[a:b] for a, b in (m.name for m in mentions)]
    if any(n in taken for n in names) or any(a <= m.name[0] < b for m in mentions for a, b in covered):
        return []
    return mentions


_AND_OTHERS = re.compile(r"\s+(?:m\.?\s?fl\.?|med flera|and others)$")
_MEET = re.compile(r"möt|träffa|meet", re.IGNORECASE)
_WHO = re.compile(r"[\s,]*(?:som|who)\s+", re.IGNORECASE)
_WHO_REACH = 12  # characters: one word ("som också berättar") between "som" and the verb
# After a person and the apposition: a verb in the past or the perfect.
_TOLD_OF = re.compile(r"[\s,)]*(?:has|have|had|was|were|har|hade|var|blev)\s+[a-zåäö]")


def _panel_above(lines: list[Line], line: Line) -> bool:
    """Say whether a line saying a panel follows ("*Panelsamtal") stands just above ``line``."""
    k = lines.index(line)
    return any(
        len(above.text) < 60 and _PANEL_ITEM.search(above.text) is not None
        for above in lines[max(0, k - _PANEL_REACH) : k]
    )


_PANEL_REACH = 6


def _party_from_title(text: str, mention: Mention) -> None:
    """The party tag at the end of the last title is the party: "(EU-parlamentariker MP)"."""
    if mention.party is not None or not mention.titles:
        return
    start, end = mention.titles[-1]
    head, _, tag = text[start:end].rpartition(" ")
    if head and is_party_tag(tag):
        mention.titles[-1] = (start, start + len(head.rstrip()))
        mention.party = (end - len(tag), end)


_BETWEEN_NAMES = re.compile(r"(?:,| och| and| samt| &|, och|, and) ")


def _name_chain(
    text: str, inside: list[NameSeen], first: NameSeen, taken: set[str], covered: list[Span]
) -> list[NameSeen]:
    """``first`` and the names that follow it joined only by commas and "och": "A, B och C"."""
    chain = [first]
    for seen in inside:
        if seen.start <= chain[-1].end:
            continue
        if not _BETWEEN_NAMES.fullmatch(text, chain[-1].end, seen.start):
            break
        if text[seen.start : seen.end] in taken or any(a <= seen.start < b for a, b in covered):
            break
        chain.append(seen)
    return chain


_NAME_DASH = re.compile(r" [-–—] (?=\S)")
_INITIALS_NAME = re.compile(r"[A-ZÅÄÖ]{2,3} [A-ZÅÄÖ][a-zåäöéü]+")


def _initials_name(text: str, span: Span | None) -> bool:
    """Say whether an organisation as read is a person's initials and surname ("PM Nilsson")."""
    if span is None or _INITIALS_NAME.fullmatch(text, span[0], span[1]) is None:
        return False
    return not any(is_organisation_word(word) for word in tokenize(text[span[0] : span[1]], span[0]))


_FIELD_BEFORE = re.compile(r"[^\s:]+(?: [^\s:]+)?:\s")
_LINE_REACH = 300
_APPOSITION = re.compile(
    r",\s+\S| \([A-ZÅÄÖ]{1,6}\)| [-–—] \S"
    # "Linnéa Engström (EU-parlamentariker MP)": a title and the party tag in the parentheses
    rf"| \([^()]{{2,60}} (?:{PARTY_PATTERN})\)"
)
_CONTACTISH = re.compile(r"@|\+?\d[\d -]{6,}\d|\bwww\.|https?://")
_NOT_TAKING_PART = re.compile(
    r"\b(?:skriv\w*|skrev\w*|skrivit|författa[dt]\w*|rapport\w*|studie[rn]?\b|report\w*|stud(?:y|ies)|"
    r"wr[oi]te\w*|written|authored|tack\w*|thank\w*|kontakt\w*|contact\w*|foto\w*|photo\w*|"
    r"illustr\w*|citera\w*|cited|quoted|avled\w*|died|minne\w*|memory|publik\w*|audience|"
    r"åhörare\w*|presskontakt\w*|pressansvarig\w*|press contact|"
    # "I nätverket ingår ett femtiotal personer, bland andra: …": members, not the seminar's guests
    r"ingår\s+(?:\w+\s+){0,3}(?:personer|medlemmar|företag|organisationer)|members\s+include|"
    # "Kommissionen för jämlik vård består av: …": a standing body's members, not a panel's
    r"(?:kommission|styrelse|jury|nätverk|referensgrupp|arbetsgrupp|delegation)\w*(?:\s+[\w-]+){0,4}"
    r"\s+består\s+av)\b",
    re.IGNORECASE,
)


_BY_CUE = frozenset({"label", "post", "pre"})
_TIME_SLOT = re.compile(r"^(?:kl\.?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+\S", re.IGNORECASE)
_PANEL_ITEM = re.compile(
    r"\b(?:panel\w*|\w*debatt\w*|\w*samtal\w*|discussion|conversation|debate|dialog\w*|roundtable)\b",
    re.IGNORECASE,
)


def _row(text: str, line: Line, columns: tuple[str, ...]) -> list[Found]:
    """The people in the cells of a table row under "Speakers", "Moderator", … with that role."""
    found: list[Found] = []
    columns_of_people = people_columns(columns)
    start = line.start
    for k, cell in enumerate(line.text.split(" | ")):
        label = columns_of_people.get(k)
        if label is not None and cell.strip():
            found.extend(_region(text, start, start + len(cell), label, line_span(line), (), True))
        start += len(cell) + 3
    return found


def _list_line(text: str, line: Line) -> bool:
    """Say whether a line is a bare list of people: "A (Org), B (Org) and C (Org, chair)".

    Outside parentheses it holds only capitalised words, commas and "and"/"och": a sentence
    ("Anna Lund wrote the report") is no list.
    """
    outside = _PARENTHESES.sub(" ", line.text)
    words = outside.replace(",", " ").replace(";", " ").split()
    return (
        len(words) >= 2
        and all(word[0].isupper() or word.lower() in ("and", "och", "&", "samt") for word in words)
        and begins_with_person(text, line.start, line.end)
    )


_PARENTHESES = re.compile(r"\([^()]*\)")
# A name, a dash and the person's biography: "Farah Nouri – överläkare och forskare vid …".
_DASH_BIOGRAPHY = re.compile(r"^[^–—:]{3,60}?\s[–—]\s\S")


def _slot_role(item: str) -> str:
    """The role of the people under a programme item: on a panel or in a debate, else speaking."""
    return PANELIST if _PANEL_ITEM.search(item) else SPEAKER


def line_span(line: Line) -> Span:
    return line.start, line.end


def _quote(text: str, line: Line) -> Span:
    bullet = _BULLET.match(line.text)
    return (line.start + (bullet.end() if bullet else 0), line.end)


def _following(text: str, lines: list[Line], i: int) -> tuple[list[Line], int]:
    """Return the list lines after the label line ``lines[i]``, and where to go on from.

    The list is the rest of the label's block, or the next block; then any further short
    blocks that begin with a person ("<p>" a person, or blank lines between), skipping a
    biography under a name ("Margaret O'Neill is Professor of Design ...").
    """
    k = i + 1
    if k >= len(lines) or not looks_like_entry(text, lines[k].start, lines[k].end):
        return [], k  # "Panel" over a paragraph of prose is a heading, not a list
    taken = _block(lines, k)
    k += len(taken)
    while k < len(lines):
        block = _block(lines, k)
        if not block:
            break
        if _entry_block(text, block):
            taken.extend(block)
        elif _card_title(text, block, taken):
            taken.extend(block)  # "<h3>Elsa Fredholm</h3><p>Digitaliseringsdirektör, …</p>"
        elif not (taken and _is_biography(block[0], taken[-1])):
            break  # a biography in a paragraph of its own is skipped, anything else ends the list
        k += len(block)
    return taken, k


def _card_title(text: str, block: list[Line], taken: list[Line]) -> bool:
    """Say whether a block is the title line of the bare name just above it, in a block of its own."""
    line = block[0]
    return (
        len(block) == 1
        and bool(taken)
        and taken[-1].block != line.block
        and _is_bare_name(text, taken[-1])
        and len(line.text) < 150
        and line.text[-1] not in ".!?"
        and not begins_with_person(text, line.start, line.end)
    )


def _block(lines: list[Line], k: int) -> list[Line]:
    block = []
    for line in lines[k:]:
        if line.block != lines[k].block or line.label is not None or line.heading is not None:
            break
        if is_field_word(line.text):
            break  # "Tid" on its own line: the next field of an exported listing
        block.append(line)
    return block


def _entry_block(text: str, block: list[Line]) -> bool:
    """Say whether a block is one list entry: a short line with a name, and its title or biography."""
    first = block[0]
    if (
        len(block) == 1
        and _DASH_BIOGRAPHY.match(first.text)
        and begins_with_person(text, first.start, first.end)
    ):
        return True  # "<b>Henrik Ståhl</b> – chief medical officer på Medisyn AB, som …": a biography
    if len(block) > 1 and all(
        len(line.text) < 150 and begins_with_person(text, line.start, line.end) for line in block
    ):
        return True  # a block of entries, one a line, after a blank line under the first
    if len(block) > 3 or len(first.text) >= 150 or first.text[-1] in ".!?":
        return False
    rest_short = all(
        (len(line.text) < 150 and line.text[-1] not in ".!?") or _is_biography(line, first)
        for line in block[1:]
    )
    return rest_short and begins_with_person(text, first.start, first.end)


def _is_biography(line: Line, name_line: Line) -> bool:
    # "Margaret O'Neill is Professor of Design ..." under the line "Margaret O'Neill".
    return line.text.startswith(name_line.text + " ") and bool(_BIOGRAPHY.match(line.text))


def _next_paragraphs(
    text: str, lines: list[Line], i: int, line: Line, label: Label
) -> tuple[list[Found], int]:
    """ "Panel: A, titel på X. Om A …" over paragraphs that each begin with a person ("B,
    seniorkonsult på Y.", "C, nyhetschef på Z."): the label's further entries, each the first
    sentence of its paragraph, up to the next label or a paragraph that begins otherwise."""
    found: list[Found] = []
    block = line.block
    while i < len(lines) and lines[i].label is None and lines[i].heading is None:
        here = lines[i]
        if here.block != block + 1 or not begins_with_person(text, here.start, here.end):
            break  # (the rest of the label's own paragraph is read as prose)
        if i + 1 < len(lines) and lines[i + 1].block == here.block:
            break  # only a paragraph of one line is an entry; a longer one is prose
        stop = sentences(text[here.start : here.end], here.start)[0][1]
        region = _region(text, here.start, stop, label, line_span(here), (), True)
        if not region:
            break
        found.extend(region)
        block = here.block
        i += 1
    return found, i


# "… bjuder in till ett seminarium. Deltar gör" over one person a line: the list's cue, its colon left out.
_LIST_CUE_AT_END = re.compile(
    r"(?:^|[.!?]\s+)(?:deltar|medverkar)\s+gör(?:\s+bland\s+(?:andra|annat))?\s*$|"
    r"(?:^|[.!?]\s+)(?:medverkande|deltagare|i\s+panelen)\s+(?:är|sitter)\s*$",
    re.IGNORECASE,
)


def _ends_in_list(text: str, lines: list[Line], j: int) -> bool:
    """Say whether the line before ``lines[j]`` ends with a colon and lines of people follow it in
    the same block."""
    above = lines[j - 1].text if 0 < j <= len(lines) else ""
    return (
        0 < j < len(lines)
        and (above.rstrip().endswith(":") or _LIST_CUE_AT_END.search(above) is not None)
        and lines[j].block == lines[j - 1].block
        and begins_with_person(text, lines[j].start, lines[j].end)
    )


def _rest_of_label_line(text: str, start: int, line: Line, label: Label, given: _Names) -> list[Found]:
    """The sentences of a label's line after its first: a sentence that begins with a person is
    the label's next entry ("Participants: A, lawyer. B, founder of Bambuser."); the others are
    prose, where a label gives its own role ("Medverkande: A och B. Moderator: C, Timbro.")."""
    found: list[Found] = []
    for s_start, s_end in sentences(text[start : line.end], start):
        if match_label(text[s_start:s_end]) is None and begins_with_person(text, s_start, s_end):
            found.extend(_region(text, s_start, s_end, label, _quote(text, line), (), True))
        else:
            found.extend(_prose(text, s_start, s_end, given)[0])
    return found


def _entries(text: str, lines: list[Line], label: Label | Cue, heading: Span) -> list[Found]:
    """Read list lines as entries; a bare name and the line under it are one entry."""
    groups: list[list[Line]] = []
    for line in lines:
        previous = groups[-1] if groups else None
        if previous is not None and _is_biography(line, previous[0]):
            continue  # read by _with_biography
        bare_name = previous is not None and len(previous) == 1 and _is_bare_name(text, previous[0])
        below = previous is not None and (previous[0].block == line.block or len(line.text) < 150)
        if bare_name and below and previous and not begins_with_person(text, line.start, line.end):
            previous.append(line)
            continue
        groups.append([line])
    found: list[Found] = []
    for group in groups:
        start, end = _quote(text, group[0])[0], group[-1].end
        quoted = _QUOTED_TITLE.match(text, start, end)
        if quoted is not None:
            start = quoted.end()  # '"Paper promises" – Joanna Reyes, PhD candidate': the talk's title
        if len(group) == 1 and _DASH_BIOGRAPHY.match(group[0].text):
            # A biography after the name: what the entry says ends with its first sentence.
            end = sentences(text[start:end], start)[0][1]
        breaks = tuple(line.end for line in group[:-1])
        found.extend(_region(text, start, end, label, (start, end), (heading,), True, breaks))
    return found


def _is_bare_name(text: str, line: Line) -> bool:
    return is_bare_name(text, line.start, line.end)


def _region(
    text: str,
    start: int,
    end: int,
    label: Label | Cue,
    quote: Span,
    more: tuple[Span, ...],
    listed: bool,
    breaks: tuple[int, ...] = (),
) -> list[Found]:
    organisation_role = label.organisation_role
    person_role = label.person_role
    only_orgs = isinstance(label, Label) and label.kind == "organisations"
    if organisation_role is None:
        allowed = "none"
    elif isinstance(label, Label) and (person_role == ORGANISER or only_orgs):
        allowed = "any"
    elif not isinstance(label, Label) and person_role is None:
        # A cue that names only organisers ("Seminariet arrangeras av Datakooperativet"): any
        # capitalised name after it is the organiser's, as under an "Arrangör:" label.
        allowed = "any"
    else:
        allowed = "marked"
    mentions = read_entries(
        text, start, end, organisations=allowed, only_organisations=only_orgs, list_line=listed, breaks=breaks
    )
    how = "label" if isinstance(label, Label) else "post"
    return _with_roles(text, mentions, person_role, organisation_role, quote, more, how)


def _with_roles(
    text: str,
    mentions: list[Mention],
    person_role: str | None,
    organisation_role: str | None,
    quote: Span,
    more: tuple[Span, ...],
    how: str,
) -> list[Found]:
    found = []
    for mention in mentions:
        if how != "label" and _bare_unknown(text, mention):
            # In prose, a "name" with no known given name and nothing else ("Tillsammans med
            # Region Gotland", "samtal med Bra Liv") is more often an organisation's than a
            # person's: it is reported as seen but not placed instead (``unplaced``).
            found.append(Found(mention, "", quote, more, "unplaced"))
            continue
        role = mention.role or (person_role if mention.kind == "person" else organisation_role)
        if role is not None:
            found.append(Found(mention, role, quote, more, how))
    return found


def _moderator_line(text: str, line: Line) -> bool:
    """Say whether a line opens with "Moderator" (or another moderator's word) and a name, with
    no colon: "Moderator Yvonne Blom (MP) trafikpolitisk talesperson …"."""
    words = tokenize(line.text, line.start, 2)
    if len(words) < 2 or not is_capitalised(words[0]) or role_word(words[0].text) != MODERATOR:
        return False
    seen = names_on_line(text, line.start, line.end)
    return bool(seen) and seen[0].start == words[1].start


def _bare_unknown(text: str, mention: Mention) -> bool:
    """A person's name with no known given name and nothing else said, which the name model does
    not read as a person's even where a cue names people ("samtal med Bra Liv")."""
    return (
        mention.kind == "person"
        and not mention.known_name
        and not (mention.titles or mention.party or mention.role or mention.title_before_name)
        and mention.organisation is None
        and not likely_person(text[mention.name[0] : mention.name[1]])
    )


def _prose(
    text: str, start: int, end: int, given: _Names | None = None
) -> tuple[list[Found], Cue | Label | None]:
    found: list[Found] = []
    pending: Cue | Label | None = None
    for s_start, s_end in sentences(text[start:end], start):
        sentence = (s_start, s_end)
        before = len(found)
        found.extend(_genitive_organisers(text, sentence))
        pending, cues = _sentence(text, sentence, found, pending)
        if given is not None and cues is not None:
            found.extend(_subjects(text, sentence, found[before:], given, cues))
            found.extend(_names_in_sentence(text, sentence, found[before:], given, cues))
    return found, pending


_GENITIVE_EVENT = re.compile(
    r"(?<![\w.-])((?-i:[A-ZÅÄÖ])[\w&-]*(?:\s+(?-i:[A-ZÅÄÖ])[\w&-]*){0,3}?)(:s|s'|'|’|s)\s+"
    r"(?:[a-zåäö-]+\s+|(?-i:[A-ZÅÄÖ])[\w-]*\s+){0,3}?"
    r"(?:seminari\w*|serie\w*|heldag\w*|halvdag\w*|frukostmöte\w*|frukostseminari\w*|konferens\w*|"
    r"seminars?|series|conference|event)\b",
    re.IGNORECASE,
)
_DEFINITE_PLURAL = re.compile(r"[a-zåäö](?:erna|arna|orna)$")


def _genitive_organisers(text: str, sentence: Span) -> list[Found]:
    """ "Seminariet är en del av Tågoperatörernas heldag", "FINSAM:s serie frukostmöten", "SNS'
    Economic Policy Seminar": the organisation whose event it is organises it. Read only for a
    name that has an organisation's shape: an acronym, a word such as förbund or kommun, or a
    definite plural ("Tågoperatörerna", "Företagarna"); never a person's or a place's genitive
    ("Sveriges", "Almedalens"). Marked for review (``genitive``)."""
    found = []
    for match in _GENITIVE_EVENT.finditer(text, sentence[0], sentence[1]):
        start, end = match.span(1)
        words = tokenize(text[start:end], start)
        while len(words) > 1 and is_common(words[0]):
            words = words[1:]  # "På Tillväxtverkets seminarium", "At SNS' seminar"
        if not words or is_first_name(words[0]) or len(words) > 3:
            continue
        start = words[0].start
        name = text[start:end]
        acronym = len(words) == 1 and name.isupper() and 2 <= len(name) <= 8
        marked = any(is_organisation_word(word) for word in words)
        if not (acronym or marked or _DEFINITE_PLURAL.search(words[-1].text)):
            continue
        mention = Mention(kind="organisation", name=(start, end))
        found.append(Found(mention, ORGANISER, sentence, (), "genitive"))
    return found


def _sentence(
    text: str, sentence: Span, found: list[Found], pending: Cue | Label | None
) -> tuple[Cue | Label | None, list[CueMatch] | None]:
    """Read one sentence's labels and cues into ``found``; return the cue or label left pending,
    and the sentence's cues (None for a sentence that names no participant: another event's)."""
    s_start, s_end = sentence
    label = match_label(text[s_start:s_end])
    if label is not None and label.kind == "people":
        inline = s_start + label.content_start
        if inline < s_end:
            found.extend(_region(text, inline, s_end, label, sentence, (), False))
        else:
            pending = label
        return pending, []
    inner = _inner_label(text, s_start, s_end)
    if inner is not None:
        # "Ett samtal på Coc & Vin (Adelsgatan 38) Medverkande: PM Nilsson, …": a label inside
        # the sentence, after a capital, gives the role of what follows it.
        at, label = inner
        found.extend(_region(text, at + label.content_start, s_end, label, sentence, (), False))
        return pending, []
    if _ELSEWHERE.match(text, s_start, s_end):
        # "Se även vårt samtal med X på söndagen": another event, named in passing.
        return None, None
    cues = find_cues(text[s_start:s_end], s_start)
    pending = None
    for match in cues:
        if _NEGATED_AFTER.match(text, match.end, s_end) or _NEGATED_BEFORE.search(
            text, max(s_start, match.start - 40), match.start
        ):
            continue  # "Anna Ek deltar tyvärr inte", "kan inte medverka": the cue is negated
        # The words between this cue and its neighbours (a cue of the same words, read for another
        # role, is no neighbour).
        after_end = next((c.start for c in cues if c.start >= match.end), s_end)
        before_start = max((c.end for c in cues if c.end <= match.start), default=s_start)
        cue = match.cue
        if cue.direction in (POST, EITHER):
            if text[match.start : match.end].lower() in ("bjuder", "bjöd"):
                # "bjuder Linköpings studentkår in ungdomsförbunden": the organiser is
                # the subject between the verb and its particle.
                particle = _PARTICLE_IN.search(text, match.end, after_end)
                after_end = particle.start() if particle is not None else after_end
            region = _region(text, match.end, after_end, cue, sentence, (), False)
            colon = _colon_after_cue(text, match, after_end) if not region else -1
            if colon >= 0:
                # "… meets two economists of the region: Professor Per Holm … and …": the people
                # after a colon that ends what the cue says of them.
                region = _region(text, colon + 2, after_end, cue, sentence, (), False)
            if region and cue.person_role == PANELIST and _MEET.fullmatch(text, match.start, match.end):
                # "Möt A och B som berättar om …": the people met speak (a speaker's cue, the
                # sentence's own, right after "som" and perhaps one word).
                who = _WHO.match(text, max(mention_end(item.mention) for item in region), s_end)
                if who is not None and any(
                    c.cue.person_role == SPEAKER and who.end() <= c.start <= who.end() + _WHO_REACH
                    for c in cues
                ):
                    region = [
                        replace(item, role=SPEAKER) if item.mention.kind == "person" else item
                        for item in region
                    ]
            found.extend(region)
            if not region and not text[match.end : after_end].strip(" :") and text[s_end - 1] == ":":
                pending = cue
        if cue.direction in (PRE, EITHER):
            clause = before_start
            for mark in _CLAUSE_MARK.finditer(text, before_start, match.start):
                if sum(text.count(q, before_start, mark.start()) for q in _QUOTES) % 2:
                    continue  # 'som skrivit ”Boken: Grannskapsrevolutionen”': inside a quotation
                clause = mark.end()
            # Only a cue that names no people's role ("X bjuder in till") reads an
            # organisation before it.
            organisations = "marked" if cue.person_role is None else "none"
            described = _DESCRIBED.search(text, clause, match.start) if cue.person_role is None else None
            if described is not None:
                # "när föreningen Kulturarv Nord höll sitt vårseminarium": the word
                # "föreningen" says that the name after it is an organisation's.
                clause, organisations = described.end(), "any"
            mentions = read_entries(text, clause, match.start, organisations=organisations)
            alone = _NAME_BEFORE.fullmatch(text, clause, match.start)
            if (
                cue.person_role is None
                and alone is not None
                and not any(m.kind == "organisation" for m in mentions)
            ):
                # "Stockholm Nordost bjuder in till …", "Radiobranschen (RAB) bjuder in": a name
                # alone before the organiser's verb, not a person's (no known given name).
                words = tokenize(alone.group(1), alone.start(1))
                if not (is_common(words[0]) or is_first_name(words[0])):
                    mentions = [Mention(kind="organisation", name=(words[0].start, words[-1].end))]
            first = min((m.name[0] for m in mentions if m.kind == "person"), default=match.start)
            if _AUTHORS_OF.search(text, clause, first):
                # "När författarna till boken; A och B intervjuade kvinnorna": what the authors did
                # for their book, not their part in the item.
                mentions = [m for m in mentions if m.kind != "person"]
            role = cue.organisation_role if organisations != "none" else None
            person_role = cue.person_role
            if (
                text[match.start : match.end].lower() in _DISCUSSES_ALONE
                and sum(m.kind == "person" for m in mentions) == 1
                and _GROUPS_BEFORE.search(text, clause, match.start) is None
            ):
                # "Hans Ek, professor vid KTH, diskuterar konsekvenserna": one person who
                # discusses a question alone gives a talk.
                person_role = SPEAKER
            found.extend(_with_roles(text, mentions, person_role, role, sentence, (), "pre"))
    return pending, cues


_DISCUSSES_ALONE = frozenset({"diskuterar", "diskuterade"})
# "Utredaren Mats Ek, branschföreträdare och politiker diskuterar": groups named after the person,
# right before the verb, discuss with them.
_GROUPS_BEFORE = re.compile(r",\s+[a-zåäö-]+\s+och\s+[a-zåäö-]+\s*$")
# "författarna till boken; A och B": the authors named as such before their names.
_AUTHORS_OF = re.compile(
    r"\bförfattar(?:na|en)\s+(?:till|bakom)\s+(?:boken|rapporten|studien)\b", re.IGNORECASE
)


def _colon_after_cue(text: str, match: CueMatch, end: int) -> int:
    """Where ": " ends two or more plain words after a cue of people ("meets two economists of
    the region: A and B"), or -1: not after a negation, an abbreviation or a parenthesis."""
    colon = text.find(": ", match.end, end)
    if colon < 0 or match.cue.person_role is None:
        return -1
    said = text[match.end : colon]
    if len(said.split()) < 2 or any(mark in said for mark in ".()") or _NEGATION.search(said):
        return -1
    return colon


def _inner_label(text: str, start: int, end: int) -> tuple[int, Label] | None:
    """A people label with a colon inside a sentence ("… (Adelsgatan 38) Medverkande: A, B"),
    and where it begins."""
    for match in _INNER_LABEL.finditer(text, start + 1, end):
        label = match_label(text[match.start(1) : end])
        if label is not None and label.kind == "people" and match.start(1) + label.content_start < end:
            return match.start(1), label
    return None


_INNER_LABEL = re.compile(r"(?<=[\s)])([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?):\s")


@dataclass
class _Names:
    """The names of a section (``names.names_on_line``), in order and by their given name."""

    seen: list[NameSeen]
    starts: list[int]
    by_given: dict[str, list[NameSeen]]

    def within(self, start: int, end: int) -> list[NameSeen]:
        return self.seen[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def _given_index(text: str, lines: list[Line]) -> _Names:
    """The names of a section, also by given name (for "Walter kommer att tala" after "Walter Osika")."""
    seen = [name for line in lines for name in names_on_line(text, line.start, line.end)]
    index: dict[str, list[NameSeen]] = {}
    for name in seen:
        same = index.setdefault(name.given, [])
        if all(text[o.start : o.end] != text[name.start : name.end] for o in same):
            same.append(name)
    return _Names(seen, [name.start for name in seen], index)


_AND_NEXT = re.compile(r"\s+(?:och|and|&)\s+")


def _names_in_sentence(
    text: str, sentence: Span, here: list[Found], names: _Names, all_cues: list[CueMatch]
) -> list[Found]:
    """People in a sentence whom its cues did not reach: by a role word before the name
    ("Moderator Mattias Olsson, …"), by a cue elsewhere in the sentence (marked for review),
    or by the given name alone, next to a cue, of a person the section names in full."""
    s_start, s_end = sentence
    covered = [m.mention.name for m in here] + [
        m.mention.organisation for m in here if m.mention.organisation
    ]
    cues = [m for m in all_cues if m.cue.person_role is not None]
    inside = names.within(s_start, s_end)
    if not inside and not cues:
        return []
    found: list[Found] = []
    tokens = tokenize(text[s_start:s_end], s_start)
    negated = _NEGATION.search(text, s_start, s_end) is not None
    joined: dict[int, str] = {}  # "Debattledare A och B": where B begins, and A's role
    signed = _talk_signature(text, s_start, s_end, inside, set(), [])
    for seen in inside:
        if seen.end > s_end or not seen.known:
            continue
        if any(span is not None and span[0] <= seen.start < span[1] for span in covered):
            continue
        j = next((k for k, t in enumerate(tokens) if t.start == seen.start), -1)
        if j < 0:
            continue
        mention = _person_at(text, tokens, j, seen, s_end)
        if mention is None:
            continue
        if seen.start in joined and not (mention.titles or mention.title_before_name):
            mention.role = joined[seen.start]
            found.append(Found(mention, mention.role, sentence, (), "role"))
            continue
        if mention.role is not None and mention.title_before_name and not negated:
            found.append(Found(mention, mention.role, sentence, (), "role"))  # "Moderator Anna Ek, …"
            pair = _AND_NEXT.match(text, mention.name[1])
            if pair is not None and not (mention.titles or mention.organisation):
                joined[pair.end()] = mention.role
            continue
        if not cues or negated or (j and tokens[j - 1].lower in _MENTIONED_AFTER):
            continue
        if _AUTHORS_OF.search(text, s_start, seen.start):
            continue  # "När författarna till boken; A och B intervjuade …": the book's authors
        after = next((t for t in tokens[j + 1 :] if t.start >= seen.end), None)
        if after is not None and after.lower in _SAYING:
            continue  # "Per Albin Hansson sade …": quoted, not taking part
        if sum(text.count(mark, s_start, seen.start) for mark in _QUOTES) % 2:
            continue  # inside a quotation
        near = [m for m in cues if _same_clause(text, tokens, seen, m) and _faces(m, seen)]
        if not near:
            continue
        nearest = min(near, key=lambda m: min(abs(m.start - seen.end), abs(seen.start - m.end)))
        role = nearest.cue.person_role
        assert role is not None
        if (
            signed is not None
            and signed.name == (seen.start, seen.end)
            and not s_start <= nearest.start < seen.start
        ):
            role = SPEAKER  # "Med nya grepp kan vi lösa finansieringen, Fredrik Ek.": the talk's speaker
        found.append(Found(mention, role, sentence, (), "sentence"))
    if not negated:
        found.extend(_given_name_only(text, sentence, cues, tokens, names.by_given, here + found))
    return found


def _subjects(
    text: str, sentence: Span, here: list[Found], names: _Names, cues: list[CueMatch]
) -> list[Found]:
    """The people a sentence opens with, when a verb in the present tense follows them.

    "Författaren Lena Andersson, journalisten PM Nilsson och YouToubern Henrik Jönsson synliggör
    …", "SBAB:s chefsekonom Robert Boije ger sin syn på saken", "Anna Ek, CEO of Nordvik, will
    outline …": in a programme's description, the people who do something now or next are the
    ones on the stage, though no word of taking part is beside them. Read only when every name
    before the verb has a known given name and nothing but their titles, organisations and party
    tags stands between them and the verb; never in a negated sentence, before a verb of saying,
    nor in the past tense ("Per Ewert disputerade i vintras"). Marked for review (``subject``).
    """
    s_start, s_end = sentence
    inside = [seen for seen in names.within(s_start, s_end) if seen.end <= s_end]
    if not inside or not inside[0].known or _negated(text, s_start, s_end):
        return []
    tokens = tokenize(text[s_start:s_end], s_start)
    first = next((k for k, t in enumerate(tokens) if t.start == inside[0].start), -1)
    if first < 0:
        return []
    # "In this seminar, the German Ambassador Anne Lind will outline …": a short opening phrase
    # and its comma before the subject.
    opening = next(
        (k + 1 for k, t in enumerate(tokens[: min(first, _OPENING_REACH)]) if text[t.end : t.end + 1] == ","),
        0,
    )
    if first - opening > _SUBJECT_LEAD:
        return []
    lead = tokens[opening:first]
    for k, token in enumerate(lead):
        # Before the first name only its titles and a genitive organisation: "SBAB:s
        # chefsekonom", "Tidningsutgivarnas vd", "Författaren"; not "Kom och lyssna på"; an
        # article first, and a capitalised word that qualifies an English title ("the German
        # Ambassador").
        if k == 0 and token.lower in _SUBJECT_ARTICLES and len(lead) > 1:
            continue
        qualifies = qualifies_title(lead, k)
        if not (is_title_word(token) or qualifies or (token.text[:1].isupper() and not is_common(token))):
            return []
    tokens, first = tokens[opening:], first - opening
    known = {(seen.start, seen.end) for seen in inside if seen.known}
    shaped = {(seen.start, seen.end) for seen in inside}  # "journalisten PM Nilsson" after the first
    tried = 0
    for verb in tokens[first + 1 : first + 1 + _SUBJECT_REACH]:
        if tried == _SUBJECT_TRIES:
            break
        if verb.start < inside[0].end or not verb.text.islower():
            continue
        if verb.lower in _BEING and tried == 0:
            return _biography_subject(text, sentence, here, tokens, verb, known)
        # "Gunilla Hallonsten has extensive experience from …": what they bring to the stage
        # ("has" and "har" are otherwise no verb here: the perfect tells of the past).
        experienced = verb.lower in ("has", "har") and _EXPERIENCE.match(text, verb.end) is not None
        # "Chefekonom Annika Winsth om de ekonomiska förutsättningarna": the people, then what
        # they speak about, with no verb (a programme's headline style).
        about = verb.lower == "om" and tried == 0 and _right_after_a_name(text, inside, verb)
        if verb.lower in _SUBJECT_STOP and not (experienced or about):
            continue
        if not about and (is_title_word(verb) or not (_PRESENT_VERB.fullmatch(verb.lower) or experienced)):
            continue
        if text[verb.end : verb.end + 1] == ")" or verb.lower in _SAYING:
            return []
        tried += 1
        # The words before the verb must be read whole as people, their titles and
        # organisations: "Anna Ek, expert på frågor om vård, talar" is not read at "frågor".
        mentions = read_entries(text, tokens[0].start, verb.start, organisations="none")
        if (
            not mentions
            or mentions[0].name not in known
            or any(m.kind != "person" or m.name not in shaped for m in mentions)
        ):
            continue
        rest = text[max(mention_end(m) for m in mentions) : verb.start].strip(" ,)")
        if rest and not opens_with_former_post(rest):
            continue  # ("Lena Berg, tidigare miljöminister, ger …": a former post, no title)
        if any(_names_someone(text, m.organisation) for m in mentions):
            # "…, journalisten PM Nilsson och YouToubern Henrik Jönsson": a person read as an
            # organisation
            return []
        covered = _covered(here)
        if any(span is not None and span[0] <= m.name[0] < span[1] for m in mentions for span in covered):
            return []
        role = SPEAKER if about else PANELIST if len(mentions) > 1 or verb.lower in _DISCUSSING else SPEAKER
        # "…, Thorbjörn Larsson och Peter Daneryd modererar": a verb that is a cue gives its role.
        at_verb = [
            m.cue.person_role
            for m in cues
            if m.start == verb.start and m.cue.person_role is not None and m.cue.direction in (PRE, EITHER)
        ]
        return _with_roles(text, mentions, at_verb[0] if at_verb else role, None, sentence, (), "subject")
    return []


def _biography_subject(
    text: str, sentence: Span, here: list[Found], tokens: list[Token], verb: Token, known: set[Span]
) -> list[Found]:
    """ "Vibeke Stadling är förändringsledare och hälsostrateg", "Anna Lund is a researcher at
    Y": a sentence that opens with one person and says what they are, in the present tense,
    introduces someone on the programme (marked for review as ``subject``). Described with no
    role word, the person is a panelist, as the annotated sets of real rows have it."""
    after_verb = tokens.index(verb) + 1
    one_of = _one_of(tokens, after_verb)
    k = after_verb
    if k < len(tokens) and tokens[k].lower in ("en", "ett", "a", "an"):
        k += 1
    # "a leading economist", "en erfaren forskare": a word or two that describe the title
    while (
        not one_of
        and k + 1 < len(tokens)
        and k - after_verb < 3
        and tokens[k].text.islower()
        and not is_title_word(tokens[k])
        and tokens[k].lower not in _ONE_OF_STOP
        and is_title_word(tokens[k + 1])
    ):
        k += 1
    if not one_of and (k >= len(tokens) or not is_title_word(tokens[k])):
        return []  # "Paul R. är förlagan till filmen": no title, nothing read
    mentions = read_entries(text, tokens[0].start, verb.start, organisations="none")
    if len(mentions) != 1 or mentions[0].kind != "person" or mentions[0].name not in known:
        return []
    mention = mentions[0]
    if text[mention_end(mention) : verb.start].strip(" ,") or any(
        span is not None and span[0] <= mention.name[0] < span[1] for span in _covered(here)
    ):
        return []
    if not one_of:
        stop = _BEING_STOP.search(text, tokens[k].start, sentence[1])
        mention.add(parse_attribute(text, tokens[k].start, stop.start() if stop else sentence[1]))
    return _with_roles(text, [mention], PANELIST, None, sentence, (), "subject")


_ONE_OF_STOP = frozenset({"of", "av", "the", "and", "och", "in", "i", "at", "på", "not", "inte", "no"})


def _one_of(tokens: list[Token], k: int) -> bool:
    """Say whether the words from ``k`` are "one of Sweden's most known economists", "en av
    landets främsta forskare": what the person is, ending in a plural title, but no title of theirs."""
    if k + 2 >= len(tokens) or (tokens[k].lower, tokens[k + 1].lower) not in (("one", "of"), ("en", "av")):
        return False
    for token in tokens[k + 2 : k + 8]:
        if _plural_title(token):
            return True
        if token.lower in _ONE_OF_STOP - {"the"}:
            return False
    return False


def _plural_title(token: Token) -> bool:
    """A lowercase title in the plural ("economists", "forskare", "ekonomer")."""
    if not token.text.islower():
        return False
    word = token.lower
    stems = [word, *(word[: -len(ending)] for ending in ("s", "er", "ar") if word.endswith(ending))]
    return any(
        len(stem) > 3 and is_title_word(Token(stem, token.start, token.start + len(stem))) for stem in stems
    )


def _negated(text: str, start: int, end: int) -> bool:
    """Say whether a sentence is negated outside its quotations ("X varnar för … – ”inte ens
    …”" is not)."""
    return _NEGATION.search(_QUOTATION.sub(" ", text[start:end])) is not None


_QUOTATION = re.compile(r"[”\"“][^”\"“]*[”\"“]")


def _right_after_a_name(text: str, inside: list[NameSeen], verb: Token) -> bool:
    """Say whether ``verb`` comes right after the last name before it (a comma or a closing
    parenthesis between them at most): "om" there is "what they speak about"."""
    before = [seen for seen in inside if seen.end <= verb.start]
    if not before:
        return False
    gap = text[before[-1].end : verb.start]
    return not gap.strip(" ,") or gap.strip() == ")"


_BEING = frozenset({"är", "is"})
_BEING_STOP = re.compile(r"[.!?](?:\s|$)|, | som | who | which | samt ")


def _names_someone(text: str, span: Span | None) -> bool:
    """Say whether an organisation as read holds a person's name (a known given name and a
    capitalised word after it)."""
    if span is None:
        return False
    words = tokenize(text[span[0] : span[1]], span[0])
    return any(
        is_first_name(word) and is_capitalised(after) and after.start - word.end == 1
        for word, after in pairwise(words)
    )


def _covered(here: list[Found]) -> list[Span | None]:
    return [m.mention.name for m in here] + [m.mention.organisation for m in here]


_SUBJECT_LEAD = 4
_EXPERIENCE = re.compile(
    r"\s+(?:(?:extensive|long|broad|wide|deep|solid|considerable|great|many\s+years\s+of|years\s+of)\s+)*"
    r"(?:experience|expertise)\b"
    r"|\s+(?:(?:lång|gedigen|bred|stor|djup|mångårig|många\s+års)\s+)*erfarenhet\b"
)
_OPENING_REACH = 5  # words of an opening phrase before its comma ("In this seminar,")
_SUBJECT_ARTICLES = frozenset({"the", "our", "vår", "vårt", "våra"})
_SUBJECT_REACH = 30  # words from the first name to its verb
_SUBJECT_TRIES = 3
# A verb in the present tense (Swedish "-r": "ger", "berättar", "synliggör"; English "-s":
# "presents", "outlines") or one of the auxiliaries of the future.
_PRESENT_VERB = re.compile(
    r"[a-zåäöéü-]*[aeiouyåäö]r|[a-z-]{2,}[^s']s|kommer|ska|skall|vill|will|shall", re.IGNORECASE
)
_SUBJECT_STOP = subject_words()["not-verbs"]
_DISCUSSING = subject_words()["discussing"]


def _faces(cue: CueMatch, seen: NameSeen) -> bool:
    """Say whether a cue reads towards a name: after it for "leds av X", before it for "X leder"."""
    if cue.start >= seen.end:
        return cue.cue.direction in (PRE, EITHER)
    return cue.cue.direction in (POST, EITHER)


def _same_clause(text: str, tokens: list[Token], seen: NameSeen, cue: CueMatch) -> bool:
    """Say whether a cue is close to a name, with no new clause between them ("…, och X kallade")."""
    start, end = (seen.end, cue.start) if cue.start >= seen.end else (cue.end, seen.start)
    between = sum(1 for t in tokens if start <= t.start < end)
    return between <= _CLAUSE_REACH and _NEW_CLAUSE.search(text, start, end) is None


_CLAUSE_REACH = 10
_NEW_CLAUSE = re.compile(
    r"[;:–—]|, (?:och|men|and|but|while|medan|där|which|who|som|vilket) |\b(?:att|that)\b"
)


def _person_at(text: str, tokens: list[Token], j: int, seen: NameSeen, end: int) -> Mention | None:
    """Read the person whose name is ``seen`` with the title words before it and what follows it."""
    if j >= 2 and tokens[j - 1].text.islower() and tokens[j - 2].text[:1].isupper():
        relation = tokens[j - 2].text.endswith(("s", "'s", "’s")) and not is_title_word(tokens[j - 1])
        if relation:
            return None  # "Astrid Lindgrens barnbarn Olof Hellberg": named by a relation to another
    for k in range(max(0, j - 4), j + 1):
        if any(text[t.end : t.end + 1] in ",;:" for t in tokens[k:j]):
            continue  # a comma between the words before and the name: they are not its title
        mentions = read_entries(text, tokens[k].start, end, organisations="none")
        if mentions and mentions[0].kind == "person" and mentions[0].name == (seen.start, seen.end):
            return mentions[0]
    return None


def _given_name_only(
    text: str,
    sentence: Span,
    cues: list[CueMatch],
    tokens: list[Token],
    given: dict[str, list[NameSeen]],
    here: list[Found],
) -> list[Found]:
    """ "Walter kommer att tala om …", "I föreläsningen berättar Mitko om …": a given name alone
    next to a cue is the person the section names in full with that given name, if only one."""
    found: list[Found] = []
    taken = {text[f.mention.name[0] : f.mention.name[1]] for f in here}
    for match in cues:
        candidates = []
        if match.cue.direction in (POST, EITHER):
            candidates += [t for t in tokens if t.start > match.end][:1]
        if match.cue.direction in (PRE, EITHER):
            candidates += [t for t in tokens if t.end < match.start][-1:]
        for token in candidates:
            full = given.get(token.text, [])
            if len(full) != 1 or token.start == full[0].start or not token.text[:1].isupper():
                continue
            k = tokens.index(token)
            if k + 1 < len(tokens) and is_capitalised(tokens[k + 1]) and tokens[k + 1].start - token.end == 1:
                continue  # a name of two words, read above
            name = text[full[0].start : full[0].end]
            if name in taken:
                continue
            stop = _SENTENCE_END.search(text, full[0].end)
            mentions = read_entries(
                text, full[0].start, stop.start() if stop else len(text), organisations="none"
            )
            mention = mentions[0] if mentions and mentions[0].name == (full[0].start, full[0].end) else None
            if mention is None:
                mention = Mention(kind="person", name=(full[0].start, full[0].end), known_name=True)
            where = (full[0].start, stop.start() + 1 if stop else len(text))
            role = match.cue.person_role
            assert role is not None
            found.append(Found(mention, role, sentence, (where,), "given"))
            taken.add(name)
    return found


_NEGATED_AFTER = re.compile(
    r"\s+(?:tyvärr\s+|dessvärre\s+|ändå\s+)?(?:inte|ej|icke|aldrig|not|never)\b", re.IGNORECASE
)
_NEGATED_BEFORE = re.compile(
    r"(?<!missa )\b(?:inte|ej|icke|aldrig|not|never|cannot|can't)\s+(?:att\s+|be\s+)?$",
    re.IGNORECASE,
)
# ("Missa inte samtalet mellan …": an invitation, no negation of taking part.)
_NEGATION = re.compile(
    r"\b(?<!missa )(?:inte|ej|icke|aldrig|not|never|cannot|can't|unable|tyvärr|unfortunately)\b",
    re.IGNORECASE,
)
# "en bok om Astrid Lindgren", "enligt Anna Ek", "a book by Mary Beard": a name after these is mentioned.
_MENTIONED_AFTER = frozenset(
    {
        "om",
        "about",
        "kring",
        "enligt",
        "according",
        "av",
        "by",
        "of",
        "för",
        "for",
        "till",
        "to",
        "efter",
        "after",
    }
    | {"sade", "sa", "skrev", "said", "wrote", "says", "säger", "citerar", "quotes", "quoted"}
)
_SAYING = frozenset({"sade", "sa", "skrev", "said", "wrote", "says", "säger", "skriver", "writes", "menade"})
_QUOTES = ('"', "“", "”")


_PARTICLE_IN = re.compile(r"\s+in\s")
_NAME_BEFORE = re.compile(r"\s*([A-ZÅÄÖ][\w&.-]*(?: [A-ZÅÄÖ][\w&.-]*){0,3})(?: \([A-ZÅÄÖ]{2,8}\))?\s*")
_ELSEWHERE = re.compile(
    r"(?:se även|se också|missa inte|läs också|läs mer|tips:|see also|don't miss|do not miss|"
    r"read more|also on)\b"
    # ("Missa inte samtalet mellan A och B": this event's conversation, in the definite form.)
    r"(?!\s+(?:samtalet|seminariet|debatten|panelen|diskussionen|föreläsningen|the\s+(?:talk|debate|panel)))",
    re.IGNORECASE,
)
_DESCRIBED = re.compile(
    r"\b(?:föreningen|stiftelsen|nätverket|organisationen|förbundet|tankesmedjan|myndigheten|"
    r"the organisation|the organization|the network|the foundation|the association) (?=[A-ZÅÄÖ])"
)


_WORKS_AT = re.compile(
    r" (?:är|var) (?:verksam|anställd|forskare|lektor|docent|professor) (?:vid|på|inom|hos) "
)


def _with_biography(text: str, lines: list[Line], item: Found) -> Found:
    """Give a listed person the title and organisation a biography below the list states."""
    mention = item.mention
    if mention.kind != "person" or mention.organisation is not None:
        return item
    # A biography follows its name closely: look no further than a paragraph or two.
    if not lines:
        return item  # a heading with nothing under it, its people read from its cue
    limit = min(lines[-1].end, mention.name[1] + _BIOGRAPHY_REACH)
    name = text[mention.name[0] : mention.name[1]]
    if mention.titles:
        # "Manne Ek, docent i kriminologi, … Manne Ek är verksam vid Malmö universitet."
        works = re.compile(re.escape(name) + _WORKS_AT.pattern).search(text, mention.name[1], limit)
        if works is None:
            return item
        sentence_end = _SENTENCE_END.search(text, works.end(), limit)
        until = sentence_end.start() if sentence_end else limit
        comma = text.find(",", works.end(), until)
        tokens = tokenize(text[works.end() : comma if comma >= 0 else until], works.end(), 8)
        extent = organisation_extent(tokens, 0) if tokens else None
        if extent is None:
            return item
        mention.organisation = (tokens[0].start, tokens[extent - 1].end)
        quote = (works.start(), until + 1)
        return replace(item, more=(*item.more, quote))
    found = re.compile(re.escape(name) + _BIOGRAPHY_REST.pattern).search(text, mention.name[0], limit)
    if found is None:
        return item
    stop = _BIOGRAPHY_STOP.search(text, found.end(), limit)
    mention.add(parse_attribute(text, found.end(), stop.start() if stop else limit))
    if not (mention.titles or mention.organisation):
        return item
    sentence_end = _SENTENCE_END.search(text, found.end(), limit)
    quote = (found.start(), sentence_end.start() + 1 if sentence_end else limit)
    return replace(item, more=(*item.more, quote))
