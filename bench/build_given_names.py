"""Build src/seminargraph/extract/wordlists/given-names.txt, the given-name lexicon of `extract`.

    python3 -m venv /tmp/faker && /tmp/faker/bin/pip install faker   # only to rebuild the list
    PYTHONPATH=$(echo /tmp/faker/lib/python3*/site-packages) .venv/bin/python bench/build_given_names.py

Two open sources of given names (facts, not personal data: only the first word of a name is
kept, never a surname, e-mail, phone or a whole name):

1. The first words of the people named in the ``speakers``, ``contact_person_1`` and
   ``contact_person_2`` columns of ../shared/almedalsdata/ (beside the repository): a first word
   is kept when it is written as a given name (capitalised letters, a hyphen or apostrophe) and
   opens the names of at least ``MIN_PEOPLE`` different people there, so that typing errors,
   organisations written first and one-off words fall out.
2. The given-name lists of the Faker package (MIT licence; its person providers for sv_SE,
   no_NO, da_DK, fi_FI, is_IS, en_GB, en_IE and en_US, which say they come from the countries'
   name statistics: for Sweden Isof's name statistics, for the US the Census).

Words that the extraction's other word lists say are common words, titles, organisation words
or roles ("Vi", "Region", "Professor", "Moderator") are left out, and so are words that open
at least two organisers' names in the programme ("Svenska", "Stiftelsen"), so that the lexicon
never makes a heading a name.
"""

from __future__ import annotations

import ast
import csv
import importlib
import re
import sys
from collections import defaultdict
from pathlib import Path

from seminargraph.extract.tokens import Token, is_name_word, role_word
from seminargraph.extract.words import fold

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared/almedalsdata"
OUT = ROOT / "src/seminargraph/extract/wordlists/given-names.txt"
YEARS = (2009, 2010, 2011, 2012, 2013, 2014, 2015, 2021, 2022, 2023)
FAKER_LOCALES = ("sv_SE", "no_NO", "da_DK", "fi_FI", "is_IS", "en_GB", "en_IE", "en_US")
MIN_PEOPLE = 2
_GIVEN = re.compile(r"[A-ZÅÄÖÆØÜÉÈÁÍÓÚÞÐ][a-zåäöæøüéèáíóúýþðëïçñ]+(?:-[A-ZÅÄÖÆØ][a-zåäöæøüéèáíóúþðëï]+)?")


def _name_words(cell: str) -> list[str] | None:
    """The words of the name at the start of "Name, title, Organisation, e-mail"."""
    name = cell.split(",")[0].strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or "@" in name:
        return None
    return words


def from_programme() -> set[str]:
    csv.field_size_limit(sys.maxsize)
    people: dict[str, set[str]] = defaultdict(set)  # given name -> the surnames seen (only counted)
    organisations_opened: dict[str, int] = defaultdict(int)
    for year in YEARS:
        with (DATA / f"{year}.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                for organiser in row.get("organiser", "").split(", "):
                    if organiser.split():
                        organisations_opened[organiser.split()[0]] += 1
                cells = [row.get("contact_person_1", ""), row.get("contact_person_2", "")]
                try:
                    speakers = ast.literal_eval(row["speakers"]) if row.get("speakers", "").strip() else []
                except (ValueError, SyntaxError):
                    speakers = []
                cells += [str(s) for s in speakers]
                for cell in cells:
                    words = _name_words(cell)
                    if words is None or not _GIVEN.fullmatch(words[0]):
                        continue
                    if not all(w[:1].isupper() or w in ("von", "af", "de", "van", "der") for w in words[1:]):
                        continue
                    people[words[0]].add(fold(words[-1]))
    # A word that opens organisers' names too ("Region", "Svenska", "Stiftelsen") is no given name.
    return {
        given
        for given, surnames in people.items()
        if len(surnames) >= MIN_PEOPLE and organisations_opened[given] < 2
    }


def from_faker() -> set[str]:
    names: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = getattr(provider, attribute, None)
            if value:
                names.update(str(name) for name in value)
    return {name for name in names if _GIVEN.fullmatch(name)}


def main() -> int:
    programme = from_programme()
    faker = from_faker()

    def keep(name: str) -> bool:
        # A common word, a title, an organisation word or a role never opens a name.
        return is_name_word(Token(name, 0, 0)) and role_word(name) is None

    names = sorted({fold(n) for n in programme | faker if keep(n)})
    header = [
        "# Given names, lowercase, one a line: the given-name lexicon of `extract` (see docs/extraction.md).",
        "# Built by bench/build_given_names.py; do not edit by hand. Sources: the first words of the names",
        f"# of at least {MIN_PEOPLE} different people in the speakers and contact columns of the",
        "# Almedalsveckan programme (../shared/almedalsdata, 2009-2015 and 2021-2023), and the",
        "# given-name lists of the Faker package (MIT licence; " + ", ".join(FAKER_LOCALES) + "),",
        "# which come from the countries' name statistics. Only given names: no surname or whole",
        "# name is kept.",
        f"# {len(programme)} from the programme, {len(faker)} from Faker, {len(names)} in all.",
    ]
    OUT.write_text("\n".join(header + names) + "\n", "utf-8")
    print(f"wrote {OUT}: {len(names)} given names ({len(programme)} programme, {len(faker)} Faker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
