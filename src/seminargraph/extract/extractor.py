"""Seminar page -> events and participants, each with the quote that states it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import namemodel
from .collect import BASE_CONFIDENCE, Found, collect
from .document import Page, page_from_text, read_page
from .entries import Mention
from .labels import match_label
from .language import choose_language
from .layout import Layout, lay_out
from .model import Evidence, ExtractedEvent, ExtractionResult, Nesting, Participant
from .names import names_on_line
from .roles import MODERATOR, ORGANISER, PANELIST, SPEAKER
from .sections import Section, find_part_of, split_sections
from .tokens import is_organisation_word, party_tag_form, tokenize

#: Below this confidence an item goes into the draft marked ambiguous, for review.
REVIEW_BELOW = 0.7


def extract_text(
    text: str, *, name: str = "<text>", lang: str = "auto", html: bool | None = None
) -> ExtractionResult:
    """Extract the events and participants a seminar text (plain or HTML) describes."""
    return extract_page(page_from_text(text, name, html=html), lang=lang)


def extract_file(path: Path | str, *, lang: str = "auto") -> ExtractionResult:
    """Extract from a file: UTF-8 plain text, or an HTML page (its visible text)."""
    return extract_page(read_page(Path(path)), lang=lang)


def extract_page(page: Page, *, lang: str = "auto") -> ExtractionResult:
    """Extract from a page already read."""
    layout = lay_out(page)
    text = layout.text
    language, detected, warnings = choose_language(text, lang, page.name)
    warnings = [*page.warnings, *warnings]
    sections = split_sections(layout)
    found = [
        collect(
            text, section.lines, match_label(section.title) if section.title else None, section.title_span
        )
        for section in sections
    ]
    doubtful = [item.mention.name for items in found for item in items if item.how == "unplaced"]
    found = [[item for item in items if item.how != "unplaced"] for items in found]
    for section, items in zip(sections, found, strict=True):
        if section.organiser is not None and items:
            where = section.organiser
            items.append(Found(Mention(kind="organisation", name=where), ORGANISER, where, (), "label"))
    events = _assemble(layout, sections, found, warnings, page)
    if not any(event.participants for event in events):
        warnings.append(f"{page.name}: found no participants; the draft holds only the source")
    unplaced = unplaced_names(text, [(line.start, line.end) for line in layout.lines], events, doubtful)
    if unplaced:
        shown = ", ".join(unplaced[:_SHOWN]) + (", …" if len(unplaced) > _SHOWN else "")
        count = f"{len(unplaced)} names were" if len(unplaced) > 1 else "1 name was"
        warnings.append(f"{page.name}: {count} seen but not placed: {shown}; check whether they take part")
    return ExtractionResult(
        source=page.name,
        text=page.text,
        normalised=text,
        language=language,
        detected_language=detected,
        events=tuple(events),
        title=page.title or next((s.title for s in sections if s.title), None),
        is_html=page.is_html,
        warnings=tuple(warnings),
        unplaced=tuple(unplaced),
    )


_SHOWN = 10


def unplaced_names(
    text: str,
    lines: list[tuple[int, int]],
    events: list[ExtractedEvent],
    doubtful: Iterable[tuple[int, int]] = (),
) -> list[str]:
    """The names of people written on the page (``names.names_in``) that are no participant,
    and the names read where people take part but left out (``doubtful``: no known given name,
    nothing else said), in the order of the page.

    A name inside a participant's name or organisation ("Anna Lindhs minnesfond") is placed.
    """
    placed = [p for event in events for p in event.participants]
    people = {p.name for p in placed if p.kind == "person"}
    within = [p.name for p in placed if p.kind == "organisation"] + [p.organisation or "" for p in placed]
    unplaced: list[str] = []
    spans = {
        (seen.start, seen.end)
        for start, end in lines
        for seen in names_on_line(text, start, end)
        if seen.known
    }
    for start, end in sorted(spans | set(doubtful)):
        name = text[start:end]
        if name in people or name in unplaced or any(name in other for other in within):
            continue
        unplaced.append(name)
    return unplaced


def _assemble(
    layout: Layout, sections: list[Section], found: list[list[Found]], warnings: list[str], page: Page
) -> list[ExtractedEvent]:
    text = layout.text
    chosen = [i for i, items in enumerate(found) if any(f.mention.kind == "person" for f in items)]
    if not chosen:
        chosen = [i for i, items in enumerate(found) if items][:1]
    parents: dict[int, tuple[int | str, str, tuple[int, int], str | None]] = {}
    for i in chosen:
        statement = find_part_of(text, sections[i])
        if statement is not None:
            titled = _section_titled(sections, statement.title, i)
            target: int | str = statement.title if titled is None else titled
            parents[i] = (target, "stated", statement.sentence, None)
        elif (series := sections[i].series) is not None:
            heading = sections[series].title_span
            if heading is not None:
                note = (
                    "REVIEW: the heading right above the title names a series; the text does not say "
                    "so in words"
                )
                parents[i] = (series, "inferred", heading, note)
        elif sections[i].level is not None:
            j = _enclosing(sections, i)
            heading = sections[j].title_span if j is not None else None
            if j is not None and heading is not None:
                note = (
                    "REVIEW: the page's headings put it under this event; the text does not say so in words"
                )
                parents[i] = (j, "inferred", heading, note)
    wanted = sorted(set(chosen) | {t for t, *_ in parents.values() if isinstance(t, int)})
    events: list[ExtractedEvent] = []
    index: dict[int | str, int] = {}
    pending_children: list[tuple[int, int]] = []
    for i in wanted:
        parent = parents.get(i)
        if parent is not None and isinstance(parent[0], str) and parent[0] not in index:
            span = _span_of(text, parent[0], parent[2])
            index[parent[0]] = len(events)
            events.append(ExtractedEvent(parent[0], parent[0], Evidence(text[span[0] : span[1]], *span, 0.8)))
        index[i] = len(events)
        events.append(_event(text, sections[i], _participants(text, found[i])))
        if parent is not None:
            pending_children.append((i, index[i]))
    for i, at in pending_children:
        target, status, where, why = parents[i]
        if target in index:
            evidence = Evidence(
                text[where[0] : where[1]], where[0], where[1], 0.85 if status == "stated" else 0.6
            )
            events[at] = replace(events[at], part_of=Nesting(index[target], status, evidence, why))
    _place_loose_organisations(text, sections, found, set(wanted), index, events, warnings, page)
    return events


def _section_titled(sections: list[Section], title: str, exclude: int) -> int | None:
    for j, section in enumerate(sections):
        if j != exclude and section.title is not None and section.title.casefold() == title.casefold():
            return j
    return None


def _span_of(text: str, title: str, sentence: tuple[int, int]) -> tuple[int, int]:
    at = text.find(title, sentence[0], sentence[1])
    return (at, at + len(title)) if at >= 0 else sentence


def _enclosing(sections: list[Section], i: int) -> int | None:
    level = sections[i].level
    assert level is not None
    for j in range(i - 1, -1, -1):
        other = sections[j].level
        if other is not None and other < level:
            return j
    return None


def _event(text: str, section: Section, participants: list[Participant]) -> ExtractedEvent:
    evidence = None
    if section.title_span is not None:
        start, end = section.title_span
        evidence = Evidence(text[start:end], start, end, 0.9 if section.level is not None else 0.75)
    name = draft_name(section.title, text) if section.title else None
    return ExtractedEvent(section.title, name, evidence, tuple(participants))


#: A person named twice in one event takes part once: as a list under a label says, before
#: what a prose cue says, before what a cue after the name says.
_HOW_RANK = {
    "label": 0,
    "post": 1,
    "role": 1,
    "pre": 2,
    "given": 3,
    "subject": 4,
    "sentence": 5,
    "line": 6,
    "title": 6,
    "apposition": 7,
    "genitive": 8,
}


def _participants(text: str, found: list[Found]) -> list[Participant]:
    kept: dict[tuple[str, str, str], tuple[int, Participant]] = {}
    readings: dict[tuple[str, str, str], list[Participant]] = {}
    for item in found:
        participant = _participant(text, item)
        # An organisation may take part in two roles (organiser and participant); a person once.
        role = participant.role if participant.kind == "organisation" else ""
        key = (participant.kind, participant.name.casefold(), role)
        # The surest reading is kept; of two as sure, the one earlier in the text: a person takes
        # part in the first role stated ("inleds av ministern X …" before "ett samtal mellan
        # statsrådet X …").
        rank = _HOW_RANK[item.how]
        other = kept.get(key)
        if (
            other is None
            or rank < other[0]
            or (rank == other[0] and participant.evidence.start < other[1].evidence.start)
        ):
            kept[key] = (rank, participant)
        readings.setdefault(key, []).append(participant)
    return [_first_described(participant, readings[key]) for key, (_rank, participant) in kept.items()]


def _first_described(participant: Participant, readings: list[Participant]) -> Participant:
    """A person read more than once in an event takes the titles of the first reading in the text
    that gives titles (or of a later one that repeats them and adds more), and the organisation
    and the party of the first that gives each (tests/data/extract/almedalen/CONVENTIONS.md: "A
    person described twice")."""
    if participant.kind != "person" or len(readings) < 2:
        return participant
    ordered = sorted(readings, key=lambda r: r.evidence.start)
    titled = next((r for r in ordered if r.job_titles), None)
    if titled is not None:
        # ("Moderator: X, överläkare" and, below, "X, specialist inom internmedicin, överläkare":
        # a later reading that repeats the first's titles and adds to them is the fuller list.)
        fuller = [r for r in ordered if set(r.job_titles) > set(titled.job_titles)]
        if fuller:
            titled = max(fuller, key=lambda r: len(r.job_titles))
    placed = next((r for r in ordered if r.organisation is not None), None)
    tagged = next((r for r in ordered if r.party is not None), None)
    changes: dict[str, object] = {}
    spans = dict(participant.spans)
    if titled is not None and titled.job_titles != participant.job_titles:
        changes.update(job_title=titled.job_title, job_titles=titled.job_titles)
        if "job_titles" in titled.spans:
            spans["job_titles"] = titled.spans["job_titles"]
    if placed is not None and placed.organisation != participant.organisation:
        changes.update(
            organisation=placed.organisation,
            organisation_status=placed.organisation_status,
            organisation_note=placed.organisation_note,
        )
        if "organisation" in placed.spans:
            spans["organisation"] = placed.spans["organisation"]
    if tagged is not None and participant.party is None:
        changes["party"] = tagged.party
        if "party" in tagged.spans:
            spans["party"] = tagged.spans["party"]
    if not changes:
        return participant
    others = [r for r in (titled, placed, tagged) if r is not None and r is not participant]
    more = participant.evidence.more + tuple(
        (r.evidence.start, r.evidence.end)
        for r in others
        if (r.evidence.start, r.evidence.end) not in participant.evidence.more
    )
    changes.update(evidence=replace(participant.evidence, more=more), spans=spans)
    return replace(participant, **changes)  # type: ignore[arg-type]


#: Titles that say the person hosts the event: read as its moderator unless a label says otherwise.
_HOSTS = frozenset({"programledare", "programledaren", "programledarna", "konferencier", "konferenciern"})


def _participant(text: str, item: Found) -> Participant:
    mention = item.mention
    name = text[mention.name[0] : mention.name[1]]
    titles = tuple(dict.fromkeys(text[s:e] for s, e in mention.titles))
    phrase = None
    if mention.titles:
        phrase = text[min(s for s, _ in mention.titles) : max(e for _, e in mention.titles)]
    organisation = None
    if mention.organisation is not None:
        organisation = mention.organisation_name or text[mention.organisation[0] : mention.organisation[1]]
    confidence = BASE_CONFIDENCE[item.how]
    notes: list[str] = []
    by_model = namemodel.read_by_model(name) if mention.kind == "person" else None
    if mention.kind == "person":
        if by_model is not None:
            notes.append(
                f'REVIEW: "{name.split()[0]}" is not in the given-name lexicon; the name model reads '
                f'"{name}" as a person\'s name from its letters (probability {by_model:.2f}); check '
                "that it is one, then set status stated"
            )
        elif mention.known_name:
            confidence += 0.05
        else:
            confidence -= 0.1
            if not titles and organisation is None:
                confidence -= 0.15
                notes.append(
                    f'"{name}" is not a known first name and the text gives no title or organisation'
                )
    elif not any(is_organisation_word(t) for t in tokenize(name, 0)):
        confidence -= 0.1
    status = "stated"
    if item.how == "sentence":
        status = "ambiguous"
        notes.insert(
            0,
            "REVIEW: named in a sentence that says someone takes part, not right beside the words that "
            "say so; check that this person is one of them, then set status stated",
        )
    elif item.how == "subject":
        status = "ambiguous"
        notes.insert(
            0,
            "REVIEW: read as taking part because the sentence opens with this person and goes on "
            "with what they do (no word of taking part beside the name); check, then set status stated",
        )
    elif item.how == "line":
        status = "ambiguous"
        notes.insert(
            0,
            "REVIEW: read from a line of its own that gives this person's name and title, organisation "
            "or party, with no word of taking part; check that the line lists the programme's people, "
            "and the role, then set status stated",
        )
    elif item.how == "apposition":
        status = "ambiguous"
        notes.insert(
            0,
            "REVIEW: read as taking part because the sentence gives this person with a title, "
            "organisation or party tag, though no word of taking part is beside the name; check, "
            "then set status stated",
        )
    elif item.how == "genitive":
        status = "ambiguous"
        notes.insert(
            0,
            "REVIEW: read as the organiser because the text names the event as this organisation's "
            '("X:s seminarium", "part of X\'s series"); check, then set status stated',
        )
    elif confidence < REVIEW_BELOW:
        status = "ambiguous"
        notes.insert(
            0, f"REVIEW: unsure (confidence {confidence:.2f}); check the quote, then set status stated"
        )
    if by_model is not None:
        status = "ambiguous"
    spans: dict[str, tuple[tuple[int, int], ...]] = {"name": (mention.name,)}
    if mention.titles:
        spans["job_titles"] = tuple(mention.titles)
    if mention.organisation is not None:
        spans["organisation"] = (mention.organisation,)
    if mention.party is not None:
        spans["party"] = (mention.party,)
    quote = item.quote
    role = item.role
    if role in (PANELIST, SPEAKER) and item.how != "label" and any(t.casefold() in _HOSTS for t in titles):
        # "Programledarna Lotta Edling och Kristina Alvendal kommenterar …": the hosts lead it.
        role = MODERATOR
    return Participant(
        kind=mention.kind,
        name=name,
        role=role,
        evidence=Evidence(text[quote[0] : quote[1]], quote[0], quote[1], min(confidence, 0.98), item.more),
        job_title=phrase,
        job_titles=titles,
        organisation=organisation,
        party=_party(text[mention.party[0] : mention.party[1]]) if mention.party else None,
        status=status,
        notes=tuple(notes),
        organisation_status="inferred" if mention.organisation_name else "stated",
        organisation_note=("REVIEW: " + mention.organisation_note) if mention.organisation_note else None,
        spans=spans,
    )


def _place_loose_organisations(
    text: str,
    sections: list[Section],
    found: list[list[Found]],
    placed: set[int],
    index: dict[int | str, int],
    events: list[ExtractedEvent],
    warnings: list[str],
    page: Page,
) -> None:
    """Give organisations named outside every event's section the event the text points to."""
    for i, items in enumerate(found):
        if i in placed:
            continue
        for item in items:
            participant = _participant(text, item)
            target, note = _target_event(text, sections, placed, index, participant, i == 0)
            if target is None:
                warnings.append(
                    f'{page.name}: "{participant.name}" takes part ({participant.role}), but the text '
                    "does not say in which event; left out of the draft"
                )
                continue
            if note is not None:
                participant = _inferred(participant, note)
            events[target] = replace(events[target], participants=(*events[target].participants, participant))


def _target_event(
    text: str,
    sections: list[Section],
    placed: set[int],
    index: dict[int | str, int],
    participant: Participant,
    top_of_page: bool,
) -> tuple[int | None, str | None]:
    with_people = [i for i in sorted(placed) if sections[i].span is not None]
    if len(with_people) == 1:
        if top_of_page and sections[0].title is None:
            return index[with_people[0]], None
        note = "REVIEW: named outside the event's own section; the page describes only this event"
        return index[with_people[0]], note
    pattern = re.compile(rf"(?<!\w){re.escape(participant.name)}(?!\w)")
    naming = []
    for i in with_people:
        span = sections[i].span
        assert span is not None
        if pattern.search(text, span[0], span[1]):
            naming.append(i)
    if len(naming) == 1:
        title = sections[naming[0]].title or "this event"
        note = (
            f'REVIEW: the sentence does not name the event; "{title}" is the only event whose '
            f"description names {participant.name}"
        )
        return index[naming[0]], note
    return None, None


def _inferred(participant: Participant, note: str) -> Participant:
    evidence = participant.evidence
    return replace(
        participant,
        evidence=replace(evidence, confidence=min(evidence.confidence, 0.6)),
        status="inferred",
        notes=(note, *participant.notes),
    )


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def draft_name(title: str, text: str) -> str:
    """Name an event for the draft: the title as written, or in sentence case when written in capitals.

    A word keeps the case it has elsewhere in the text (not at the start of a sentence), so
    "MÄNNISKOR, FÖRÄNDRINGSVILJA OCH IT" becomes "Människor, förändringsvilja och IT".
    """
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters) or len(title.split()) < 2:
        return title
    forms = _word_forms(text)

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        if match.start() == 0:
            known = forms.get(word.casefold(), word.lower())
            return known[0].upper() + known[1:]
        return forms.get(word.casefold(), word.lower())

    return _WORD.sub(recase, title)


@lru_cache(maxsize=4)
def _word_forms(text: str) -> dict[str, str]:
    """Map each word of the text (case-folded) to the form it is most often written in, mid-sentence."""
    seen: Counter[str] = Counter()
    words = list(_WORD.finditer(text))
    for k, match in enumerate(words):
        at = match.start()
        if at == 0 or (at >= 2 and text[at - 1].isspace() and text[at - 2] in ".!?:"):
            continue
        word = match.group()
        if word.isupper() and (
            (k > 0 and words[k - 1].group().isupper())
            or (k + 1 < len(words) and words[k + 1].group().isupper())
        ):
            continue  # a word of another heading in capitals says nothing about its case
        seen[word] += 1
    forms: dict[str, str] = {}
    for word, _count in seen.most_common():
        forms.setdefault(word.casefold(), word)
    return forms


def _party(tag: str) -> str:
    """A party tag as parties write it: "(m)" in a programme is the party M."""
    return party_tag_form(tag) or tag
