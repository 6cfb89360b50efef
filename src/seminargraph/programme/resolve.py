"""One node per person and organisation across tables and years, only where the evidence agrees.

Organisations are one node when their names are the same apart from case, spacing, quotes and a
legal form ("Hypergene" / "Hypergene AB"). People are one node when their names are the same
(apart from case and hyphens) and what the rows say of them does not conflict: appearances that
share an organisation are joined; two groups of appearances of one name with no organisation in
common stay apart (namesakes, or a change of job: a person decides, in the review file). Names
that differ a little (rapidfuzz, compared only within blocks of names that share a first letter
and the start of the last name) are joined when they share an organisation, and proposed for
review otherwise. Every merge, automatic or proposed, is a line of the review file with its score
and reason; decisions written there are applied on the next import.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import SourceError
from ..textfile import read_text

#: Names this similar (rapidfuzz ratio, 0-100) are compared further.
SIMILAR = 90.0
_LEGAL = re.compile(
    r"(?:,?\s+(?:AB|Ab|ab|\(publ\)|Aktiebolag|Inc\.?|Ltd\.?|AS|Oy|GmbH|ekonomisk förening|ek\. ?för\.?))+$"
)
REVIEW_COLUMNS = ("decision", "kind", "score", "reason", "id", "name", "other_id", "other_name", "evidence")
DECISIONS = ("", "merged", "accept", "refuse")


def slug(text: str) -> str:
    """An id from a name: lower case, accents dropped, every other character a hyphen.

    >>> slug("Robin Askelöf")
    'robin-askelof'
    """
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def organisation_key(name: str) -> str:
    """What must be equal for two organisation names to be one organisation."""
    text = " ".join(name.replace("\u00a0", " ").split()).strip("\"'“”")
    return _LEGAL.sub("", text).casefold()


def person_key(name: str) -> str:
    """What must be equal for two names to be one person's (given no conflicting evidence)."""
    return " ".join(name.replace("-", " ").split()).casefold()


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Decision:
    """A line of the review file: merge ``other`` into ``ident`` (or keep them apart)."""

    decision: str
    kind: str
    score: float
    reason: str
    ident: str
    name: str
    other_id: str
    other_name: str
    evidence: str

    def key(self) -> tuple[str, str, str]:
        low, high = sorted((self.name, self.other_name))
        return (self.kind, low, high)


@dataclass
class Organisations:
    """The organisations named in the tables, by key; ids and canonical names decided once."""

    spellings: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, name: str) -> None:
        self.spellings[organisation_key(name)][name] += 1

    def resolve(self, taken: Iterable[str]) -> tuple[dict[str, str], dict[str, str], list[Decision]]:
        """Return the id of every key, the name of every id, and the merge lines for the review file."""
        ids: dict[str, str] = {}
        names: dict[str, str] = {}
        linked = set(taken)
        lines: list[Decision] = []
        for key in sorted(self.spellings):
            counts = self.spellings[key]
            name = sorted(counts, key=lambda s: (-counts[s], len(s), s))[0]
            base = slug(name)
            # An id of the linked data is that organisation; another key with the same id is not.
            ident = base if base in linked or base not in names else _next_id(base, set(names))
            ids[key] = ident
            names.setdefault(ident, name)
            for other in sorted(counts):
                if other != name:
                    lines.append(
                        Decision(
                            "merged",
                            "organisation",
                            100.0,
                            "the same name apart from case, spacing or legal form",
                            ident,
                            name,
                            ident,
                            other,
                            f"{counts[other]} row(s)",
                        )
                    )
        lines += self._similar(ids, names)
        return ids, names, lines

    def _similar(self, ids: dict[str, str], names: dict[str, str]) -> list[Decision]:
        blocks: dict[str, list[str]] = defaultdict(list)
        for key in self.spellings:
            blocks[_plain(key)[:4]].append(key)
        found = []
        for keys in blocks.values():
            keys.sort()
            for n, a in enumerate(keys):
                for b in keys[n + 1 :]:
                    score = fuzz.ratio(a, b)
                    if score >= SIMILAR:
                        found.append(
                            Decision(
                                "",
                                "organisation",
                                round(score, 1),
                                "similar names",
                                ids[a],
                                names[ids[a]],
                                ids[b],
                                names[ids[b]],
                                "",
                            )
                        )
        return found


@dataclass
class Appearance:
    """One mention of a person: their name, the organisations that row gives them, and where."""

    name: str
    organisations: frozenset[str]  # organisation ids
    where: str  # "2015.csv:12"


@dataclass
class People:
    """Every mention of a person; resolved into one id per person once all tables are read."""

    mentions: dict[str, list[Appearance]] = field(default_factory=lambda: defaultdict(list))

    def add(self, appearance: Appearance) -> None:
        self.mentions[person_key(appearance.name)].append(appearance)

    def resolve(
        self, linked: dict[str, str], decisions: dict[tuple[str, str, str], Decision]
    ) -> tuple[dict[tuple[str, str], str], dict[str, str], list[Decision]]:
        """Return the id of every (name key, where), the name of every id, and the review lines.

        ``linked`` maps ids of people in the linked data to their names: a name of the tables that
        gives such an id is that person.
        """
        of: dict[tuple[str, str], str] = {}
        names: dict[str, str] = {}
        lines: list[Decision] = []
        used = set(linked)
        groups: dict[str, list[list[Appearance]]] = {}
        for key in sorted(self.mentions):
            groups[key] = _clusters(self.mentions[key])
        for key, clusters in groups.items():
            first_id = ""
            for n, cluster in enumerate(clusters):
                name = _canonical(cluster)
                base = slug(name)
                if n == 0:
                    # A name whose id is a person of the linked data is that person.
                    ident = base if base in linked or base not in used else _next_id(base, used)
                    first_id = ident
                else:
                    other = Decision(
                        "",
                        "person",
                        100.0,
                        "the same name, but no organisation in common: "
                        "namesakes, or one person who changed jobs",
                        first_id,
                        names[first_id],
                        "",
                        name,
                        _evidence(cluster),
                    )
                    decided = decisions.get(other.key())
                    if decided is not None and decided.decision == "accept":
                        ident = first_id
                        other.decision = "accept"
                    else:
                        ident = _next_id(base, used)
                        if decided is not None:
                            other.decision = decided.decision
                    other.other_id = ident
                    lines.append(other)
                used.add(ident)
                names.setdefault(ident, name)
                for appearance in cluster:
                    of[(key, appearance.where)] = ident
        lines += self._variants(of, names, decisions)
        return of, names, lines

    def _variants(
        self,
        of: dict[tuple[str, str], str],
        names: dict[str, str],
        decisions: dict[tuple[str, str, str], Decision],
    ) -> list[Decision]:
        """Spelling variants of one name: joined when they share an organisation, else proposed."""
        orgs: dict[str, set[str]] = defaultdict(set)
        for key, appearances in self.mentions.items():
            for a in appearances:
                orgs[of[(key, a.where)]] |= a.organisations
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        for ident, name in names.items():
            words = _plain(person_key(name)).split()
            if len(words) >= 2:
                blocks[(words[0][:1], words[-1][:3])].append(ident)
        lines = []
        renamed: dict[str, str] = {}
        for idents in blocks.values():
            idents.sort()
            for n, first in enumerate(idents):
                for second in idents[n + 1 :]:
                    if person_key(names[first]) == person_key(names[second]):
                        continue  # one name in two groups: proposed once, as namesakes
                    score = fuzz.ratio(_plain(person_key(names[first])), _plain(person_key(names[second])))
                    if score < SIMILAR:
                        continue
                    shared = orgs[first] & orgs[second]
                    line = Decision(
                        "", "person", round(score, 1), "", first, names[first], second, names[second], ""
                    )
                    decided = decisions.get(line.key())
                    if shared:
                        line.decision, line.reason = (
                            "merged",
                            f"similar names at the same organisation ({sorted(shared)[0]})",
                        )
                    else:
                        line.reason = "similar names, no organisation in common"
                    if decided is not None and decided.decision in ("accept", "refuse"):
                        line.decision = decided.decision
                    if line.decision in ("merged", "accept"):
                        renamed[second] = renamed.get(first, first)
                    lines.append(line)
        for where, ident in list(of.items()):
            if ident in renamed:
                of[where] = renamed[ident]
        return lines


def _clusters(appearances: list[Appearance]) -> list[list[Appearance]]:
    """Group the appearances of one name: those sharing an organisation belong together."""
    with_org = [a for a in appearances if a.organisations]
    without = [a for a in appearances if not a.organisations]
    clusters: list[tuple[set[str], list[Appearance]]] = []
    for a in with_org:
        joined = [c for c in clusters if c[0] & a.organisations]
        merged_orgs: set[str] = set(a.organisations)
        merged: list[Appearance] = [a]
        for c in joined:
            merged_orgs |= c[0]
            merged += c[1]
            clusters.remove(c)
        clusters.append((merged_orgs, merged))
    clusters.sort(key=lambda c: (-len(c[1]), c[1][0].where))
    result = [c[1] for c in clusters]
    if not result:
        return [without]
    # Mentions with no organisation agree with every group: they join the largest.
    result[0] = result[0] + without
    return result


def _canonical(cluster: list[Appearance]) -> str:
    counts = Counter(a.name for a in cluster)
    return sorted(counts, key=lambda s: (-counts[s], s))[0]


def _next_id(base: str, used: set[str]) -> str:
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def _evidence(cluster: list[Appearance]) -> str:
    orgs = sorted({o for a in cluster for o in a.organisations})
    return f"{len(cluster)} row(s), first {cluster[0].where}; organisations: {', '.join(orgs) or 'none'}"


def read_review(path: Path) -> dict[tuple[str, str, str], Decision]:
    """The decisions of an earlier review file (none when it does not exist)."""
    if not path.exists():
        return {}
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t", strict=True)
    if tuple(reader.fieldnames or ()) != REVIEW_COLUMNS:
        raise SourceError(
            f"the review file's header must be {' '.join(REVIEW_COLUMNS)} (tab-separated)", path=path, line=1
        )
    found = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise SourceError(f"malformed review file: {exc}", path=path, line=reader.line_num) from None
        line = reader.line_num
        if None in row or None in row.values():
            raise SourceError(
                f"the line has not the {len(REVIEW_COLUMNS)} tab-separated cells of the header",
                path=path,
                line=line,
            )
        decision = (row["decision"] or "").strip()
        if decision not in DECISIONS:
            raise SourceError(
                f"the decision {decision!r} is not one of accept, refuse, merged or empty",
                path=path,
                line=line,
                field="decision",
            )
        try:
            score = float(row["score"])
        except (TypeError, ValueError):
            raise SourceError("the score is not a number", path=path, line=line, field="score") from None
        entry = Decision(
            decision,
            row["kind"],
            score,
            row["reason"],
            row["id"],
            row["name"],
            row["other_id"],
            row["other_name"],
            row["evidence"],
        )
        found[entry.key()] = entry
    return found


def write_review(path: Path, lines: list[Decision]) -> None:
    """Write the review file atomically: uncertain merges first, highest score first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    order = {"": 0, "accept": 1, "refuse": 2, "merged": 3}
    for d in sorted(lines, key=lambda d: (order[d.decision], d.kind, -d.score, d.name, d.other_name)):
        writer.writerow(
            [
                d.decision,
                d.kind,
                f"{d.score:g}",
                d.reason,
                d.ident,
                d.name,
                d.other_id,
                d.other_name,
                d.evidence,
            ]
        )
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(out.getvalue(), "utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise SourceError(f"cannot write the review file: {exc.strerror}", path=path) from None
