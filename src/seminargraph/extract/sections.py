"""Cut a page into sections under its headings, and find what says one event is part of another."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .cues import EITHER, POST, PRE, find_cues
from .entries import begins_with_person, is_bare_name, looks_like_entry
from .labels import is_field_word
from .layout import Layout, Line, heading_title, is_meta_line, looks_like_heading, sentences
from .names import names_in
from .phrases import organisation_extent
from .tokens import tokenize
from .words import session_words

Span = tuple[int, int]


@dataclass
class Section:
    """The lines under one heading (the first section may have none: the top of the page)."""

    title: str | None = None
    title_span: Span | None = None
    level: int | None = None
    lines: list[Line] = field(default_factory=list)
    series: int | None = None  # the section whose heading names the series right above the title
    organiser: Span | None = None  # a name in capitals over the title of a listing's block

    @property
    def span(self) -> Span | None:
        starts = [self.title_span[0]] if self.title_span else []
        ends = [self.title_span[1]] if self.title_span else []
        if self.lines:
            starts.append(self.lines[0].start)
            ends.append(self.lines[-1].end)
        return (min(starts), max(ends)) if starts else None


def split_sections(layout: Layout) -> list[Section]:
    """Cut a page into sections, in order; a heading is an HTML or Markdown heading, a "Titel:" line, or a
    short line on its own with no full stop (plain text)."""
    sizes: dict[int, int] = {}
    for line in layout.lines:
        sizes[line.block] = sizes.get(line.block, 0) + 1
    sections = [Section()]
    listing = False
    card = False
    skip = -1
    # After a table of sessions, the lines go on with the section that holds the table.
    table: int | None = None
    rows: set[int] = set()
    for index, line in enumerate(layout.lines):
        if index == skip:
            continue
        under_card, card = card, False
        session = _row_session(line)
        if session is not None:
            # A row of a table of sessions ("09:00 | Who pays for the grid? | A (Org) | B"):
            # its session is an event, and the row names its people.
            start = line.start + session[0]
            sections.append(
                Section(
                    title=line.text[session[0] : session[1]],
                    title_span=(start, start + session[1] - session[0]),
                )
            )
            sections[-1].lines.append(line)
            if table is None:
                table = len(sections) - 2
            rows.add(len(sections) - 1)
            continue
        if _capitals_over_title(layout, index):
            # "UNGA FÖRETAGARE I FÖRORTEN" over "Vem får ett första jobb?" and its fields:
            # the organiser of the event the block describes.
            title_line = layout.lines[index + 1]
            sections.append(_titled(title_line, heading_title(title_line.text), None))
            sections[-1].organiser = (line.start, line.end)
            skip = index + 1
            continue
        label = line.label
        # The lines under "Medverkande" are people, however much one looks like a title.
        listing = (listing and line.block == layout.lines[index - 1].block) or _opens_list(layout, index)
        after_label = (index > 0 and _opens_list(layout, index - 1)) or (
            listing and not _opens_list(layout, index)
        )
        # The page's first line alone in its paragraph, with more below: its title, which may
        # hold commas and two sentences.
        top = index == 0 and sizes[line.block] == 1 and len(layout.lines) > 1
        alone = sizes[line.block] == 1 or index == 0 or _over_fields(layout, index)
        if _NUMBERED.match(line.text) and line.heading is None:
            # "Session 2: Rents, rules and residence permits" starts a session, even with its
            # chair and speakers on the lines right under it.
            sections.append(_titled(line, heading_title(line.text), None))
        elif line.heading is None and _session_heading(layout, line):
            # "Panel: Who pays for the shared bike?" names a session, not its panelists.
            sections.append(_titled(line, heading_title(line.text), None))
        elif _PROGRAMME.match(line.text) or _GENRE.match(line.text) or _BYLINE.match(line.text):
            # "Program": the programme of the event above; "Pressmeddelande": the kind of page.
            sections[-1].lines.append(line)
        elif line.heading is not None and _card_name(layout, index, sections[-1]):
            # A speaker card: "<h3>Elsa Fredholm</h3><p>Digitaliseringsdirektör, …</p>" under
            # "<h2>Talare</h2>" is an entry of that list, not an event.
            sections[-1].lines.append(replace(line, heading=None))
            card = True
        elif under_card and line.heading is None and line.label is None:
            sections[-1].lines.append(line)  # the title line under a card's name
        elif label is not None and label.kind == "title" and label.content_start < len(line.text):
            sections.append(_titled(line, line.text[label.content_start :].strip(), None))
        elif line.heading is not None and (label is None or label.kind in ("field", "title")):
            sections.append(_titled(line, heading_title(line.text), line.heading))
        elif (
            (label is None or _lone_label(layout, index))
            and not after_label
            and (line.text.count(",") < 2 or top)
            and looks_like_heading(line, alone, top)
            # (the page's first line only when the name is a known person's: "Political Satire,
            # mass media and the American Society" is a title)
            and not ("," in line.text and begins_with_person(layout.text, line.start, line.end, known=top))
            and (top or not _says_who_takes_part(layout.text, line))
        ):
            current = sections[-1]
            if (
                current.title is not None
                and all(_is_meta(other) for other in current.lines)
                and not _over_fields(layout, index)
                and not _SERIES.search(current.title)
            ):
                current.lines.append(line)  # a subtitle under the title, not a new section
            else:
                sections.append(_titled(line, heading_title(line.text), None))
                if current.title is not None and not current.lines and _SERIES.search(current.title):
                    sections[-1].series = len(sections) - 2
        elif table is not None and len(sections) - 1 in rows:
            sections[table].lines.append(line)  # "Track chair: …" under the table
        else:
            table = None
            sections[-1].lines.append(line)
    return sections


def _says_who_takes_part(text: str, line: Line) -> bool:
    """A line below the page's first that names a person right beside a cue that faces them
    ("Samtalet leds av moderator Ellinor Persson", "Moderator är Claes-Johan Larsson", "… och
    Kristina Alvendal kommenterar …"): a sentence with its full stop left out, not a heading."""
    names = names_in(text, line.start, line.end)
    for cue in find_cues(line.text, line.start):
        if cue.cue.person_role is None:
            continue
        after = cue.cue.direction in (POST, EITHER)
        before = cue.cue.direction in (PRE, EITHER)
        for seen in names:
            if (after and 0 <= seen.start - cue.end <= _CUE_REACH) or (
                before and 0 <= cue.start - seen.end <= _CUE_REACH
            ):
                return True
    return False


_CUE_REACH = 12  # characters between the cue and the name: "leds av moderator"


_SESSION_COLUMNS = frozenset(
    {
        "session",
        "sessions",
        "title",
        "titel",
        "seminarium",
        "seminar",
        "pass",
        "programpunkt",
        "rubrik",
        "event",
    }
)


def _row_session(line: Line) -> Span | None:
    """Where in a table row the session's title is: the cell under "Session", "Titel", …"""
    if line.columns is None:
        return None
    for k, column in enumerate(line.columns):
        if column in _SESSION_COLUMNS:
            cells = line.text.split(" | ")
            start = sum(len(cell) + 3 for cell in cells[:k])
            title = cells[k].strip()
            if title:
                at = line.text.index(title, start)
                return at, at + len(title)
    return None


def _capitals_over_title(layout: Layout, index: int) -> bool:
    """Say whether a line in capitals begins a block over a title line and its fields."""
    lines = layout.lines
    line = lines[index]
    if line.heading is not None or line.label is not None or index + 2 >= len(lines):
        return False
    if index > 0 and lines[index - 1].block == line.block:
        return False
    title, field = lines[index + 1], lines[index + 2]
    if title.block != line.block or field.block != line.block or field.label is None:
        return False
    letters = [c for c in line.text if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters) or len(line.text.split()) > 8:
        return False
    if line.text[-1] in ".:;,!?" or title.label is not None or title.heading is not None:
        return False
    return looks_like_heading(title, True) and any(c.islower() for c in title.text)


_NUMBERED = re.compile(
    r"^(?:session|seminarium|seminar|pass|block|panel|workshop|del|part)\s+\d{1,2}\s*[:.–-]\s+\S",
    re.IGNORECASE,
)
_PROGRAMME = re.compile(
    r"^[#*_ ]*(?:program|programme|programmet|agenda|schema|dagens program|dagordning)[*_ ]*:?$",
    re.IGNORECASE,
)


# A heading that names a series ("Open lecture series – Arctic Futures", "Seminarieserien
# Hållbara städer") is over the title of the event, not the event's title with a subtitle.
_SERIES = re.compile(
    r"\b(?:series|lecture series|seminar series|webinar series|talk series)\b"
    r"|\w*(?:serie|serien|serier)\b",
    re.IGNORECASE,
)


_KIND = (
    r"(?:pressmeddelande|press release|nyheter|news|evenemang|events|kalendarium|seminarium|seminar|"
    r"program|programme|agenda|call for participation|call for papers|webinar|webbinarium|konferens|"
    r"conference|föreläsning|lecture|debatt|debate)"
)
_PART = r"[^|·•?!]{1,40}"
_GENRE = re.compile(
    r"^[#*_ ]*(?:(?:pressmeddelande|press release|nyhet|nyheter|news|inbjudan|invitation|kalendarium|"
    r"evenemang|events|aktuellt|nyhetsbrev|newsletter|webinar|webinarium|webbinarium|online event)"
    r"[*_ ]*:?"
    # "Nyhetsbrev från X, nr 4 2025": the newsletter an item is in, not the item's event.
    r"|(?:nyhetsbrev|newsletter)\b(?:(?!\?).)*(?:\bnr\.?|\bno\.|\bissue|\d{4})(?:(?!\?).)*"
    # "Socialdemokraterna i Västerbotten bjuder in": who invites, over the event's title.
    r"|[A-ZÅÄÖ][^.?!]{2,80}\s(?:bjuder in|inbjuder|invites you|invite you)[!.]?"
    # "Startsida > Kalender > Konferenser": where the page is on its site.
    r"|[^>›»]{1,40}(?:\s[>›»]\s[^>›»]{1,40}){1,6}"
    # "NYHETER | Söderhamn", "BOKMÄSSAN 2026 · SEMINARIUM", "Call for participation | Programme":
    # a kicker naming the kind of page among a few short parts.
    rf"|(?:{_PART}\s[|·•]\s){{1,3}}{_KIND}(?:\s[|·•]\s{_PART}){{0,3}}"
    rf"|{_KIND}(?:\s[|·•]\s{_PART}){{1,3}})$",
    re.IGNORECASE,
)
# A byline: "Av Maria Engvall", "By John Smith", "Text: Elin Sundberg".
_BYLINE = re.compile(
    r"^(?:Av|By|Text|Text och foto|Text och bild|Words|Written by|Skriven av)[:]?\s+"
    r"[A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,3}$"
)


_SESSION_WORDS = session_words()  # wordlists/session-words.txt


def _session_heading(layout: Layout, line: Line) -> bool:
    """Say whether a line is a session's title after its kind: "Panel: Who pays?", not "Panel: Anna Ek"."""
    label = line.label
    if label is None or label.word not in _SESSION_WORDS or label.content_start >= len(line.text):
        return False
    if not line.text[:1].isalpha() or line.text[-1] in ".,;:":
        return False  # "11.00 Paneldebatt: …" is an item of a timed programme
    if "," in line.text and "?" not in line.text:
        return False  # "Panel: Region Skåne, Malmö stad": a list of organisations
    return not begins_with_person(layout.text, line.start + label.content_start, line.end)


def _card_name(layout: Layout, index: int, section: Section) -> bool:
    """Say whether a heading is only a person's name, under an open list label of its section."""
    labels = [line.label for line in section.lines if line.label is not None]
    if not labels or labels[-1].kind != "people" or index + 1 >= len(layout.lines):
        return False
    line, below = layout.lines[index], layout.lines[index + 1]
    if below.heading is not None or below.label is not None or len(below.text) > 150:
        return False
    return is_bare_name(layout.text, line.start, line.end)


def _opens_list(layout: Layout, index: int) -> bool:
    label = layout.lines[index].label
    if label is None or label.kind not in ("people", "organisations"):
        return False
    if label.content_start < len(layout.lines[index].text) or index + 1 >= len(layout.lines):
        return False
    following = layout.lines[index + 1]
    return looks_like_entry(layout.text, following.start, following.end)


def _lone_label(layout: Layout, index: int) -> bool:
    # A label word alone on a line with prose below ("Panel") is a title, not a label.
    label = layout.lines[index].label
    alone = (
        label is not None and label.kind == "people" and label.content_start >= len(layout.lines[index].text)
    )
    return alone and not _opens_list(layout, index)


def _titled(line: Line, title: str, level: int | None) -> Section:
    at = line.text.find(title)
    start = line.start + max(at, 0)
    return Section(title=title, title_span=(start, start + len(title)), level=level)


def _lone_word(line: Line) -> bool:
    label = line.label
    return (label is not None and label.content_start >= len(line.text)) or is_field_word(line.text)


def _is_meta(line: Line) -> bool:
    return line.label is not None or is_meta_line(line.text)


def _over_fields(layout: Layout, index: int) -> bool:
    """Say whether a line begins a block whose other lines are all fields or labels.

    A listing gives each event as its title over "Arrangör:", "Tid:", "Plats:" and
    "Medverkande:" lines with no blank line between them: the first line is the title.
    """
    lines = layout.lines
    line = lines[index]
    if line.label is not None or (index > 0 and lines[index - 1].block == line.block):
        return False
    rest = [other for other in lines[index + 1 : index + 12] if other.block == line.block]
    if rest and _lone_word(rest[0]) and sum(_lone_word(other) for other in rest) >= 2:
        # A listing exported with each field's name on a line of its own ("Arrangör", then
        # the organiser; "Tid", then the time; "Medverkande", then one person a line).
        return True
    if not rest or len(rest) >= 11:
        return False
    return all(_is_meta(other) for other in rest) and any(other.label is not None for other in rest)


_SUBJECT = re.compile(
    r"^(?:seminariet|samtalet|panelen|eventet|evenemanget|föreläsningen|sessionen|passet|workshopen|"
    r"programpunkten|dagen|det|detta|debatten|this|the)\b",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"\b(?:(?:är|var|blir)\s+(?:en\s+del\s+av|ett\s+av\s+(?:\w+\s+){0,3}?(?:under|på|inom))"
    r"|(?:ingår|ingick)\s+i|inom\s+ramen\s+för|(?:hålls|arrangeras|genomförs|äger\s+rum)\s+(?:som\s+en\s+del\s+av|under)"
    r"|(?:is|was|forms|formed)\s+(?:a\s+)?part\s+of|as\s+part\s+of|within\s+the\s+framework\s+of"
    r"|is\s+one\s+of\s+the\s+\w+\s+(?:at|of|in))\s+(?:the\s+|den\s+|det\s+)?",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"(?:[a-zåäö]+\s+){0,2}[\"“”«'‘]([^\"“”«»'’]{2,120})[\"“”»'’]")


@dataclass(frozen=True)
class PartOf:
    """A sentence saying the section's event is part of ``title``."""

    title: str
    title_span: Span
    sentence: Span


def find_part_of(text: str, section: Section) -> PartOf | None:
    """Find the first sentence of a section that says which event it is part of, if any."""
    for block_start, block_end in _paragraphs(section.lines):
        for start, end in sentences(text[block_start:block_end], block_start):
            sentence = text[start:end]
            if not _SUBJECT.match(sentence):
                continue
            match = _PART_OF.search(sentence)
            if match is None:
                continue
            at = start + match.end()
            quoted = _QUOTED.match(text, at, end)
            if quoted:
                return PartOf(quoted.group(1), (quoted.start(1), quoted.end(1)), (start, end))
            tokens = tokenize(text[at:end], at)
            extent = organisation_extent(tokens, 0)
            if extent is not None:
                span = (tokens[0].start, tokens[extent - 1].end)
                return PartOf(text[span[0] : span[1]], span, (start, end))
    return None


def _paragraphs(lines: list[Line]) -> list[Span]:
    spans: list[Span] = []
    previous: Line | None = None
    for line in lines:
        if line.label is None:
            if spans and previous is not None and previous.block == line.block and previous.label is None:
                spans[-1] = (spans[-1][0], line.end)
            else:
                spans.append((line.start, line.end))
        previous = line
    return spans
