"""Numbering: each level counts in its own numeral style, with no gap, repeat or misorder.

The original's own misnumbering is allowed only where an erratum records it. The
translation prints such a number as the original does, followed by the erratum's
correction — "(ii) [sic: (iii)]" — so that a citation of either finds the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Clause, Document, Finding, License
from ..numerals import chinese, roman
from ..numerals import value as _value

# The style of each level, per language: a pattern and the k-th number in that style.
Style = tuple[re.Pattern, Callable[[int], str], str]
ARABIC: Style = (re.compile(r"^[1-9][0-9]*\.$"), lambda k: f"{k}.", "1. 2. 3.")
SUB: Style = (re.compile(r"^\([ivxlc]+\)$"), lambda k: f"({roman(k).lower()})", "(i) (ii) (iii)")
STYLES: dict[tuple[str, int], Style] = {
    ("zh-Hans", 2): (re.compile(r"^[一二三四五六七八九十]+、$"), lambda k: f"{chinese(k)}、", "一、 二、 三、"),
    ("en", 2): (re.compile(r"^[IVXLC]+\.$"), lambda k: f"{roman(k)}.", "I. II. III."),
    ("zh-Hans", 3): ARABIC,
    ("en", 3): ARABIC,
    ("zh-Hans", 4): SUB,
    ("en", 4): SUB,
}


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    allowed = {
        (e.get("clause"), e.get("printed")): e.get("expected") for e in lic.errata if isinstance(e, dict) and e.get("kind") == "numbering"
    }
    for doc in (lic.zh, lic.en):
        found += _sic(doc, allowed)
        found += _sequence(doc, allowed)
    for twin, clause in lic.pairs():
        problem = ""
        if bool(twin.number) != bool(clause.number):
            problem = f"numbered {clause.number!r} here but {twin.number!r} in the zh-Hans text"
        elif _value(twin.printed_number) != _value(clause.printed_number):
            # the authoritative number must stay visible: "(iii)" alone hides the printed "(ii)"
            problem = f"number {clause.number} does not match {twin.number} in the zh-Hans text"
        if problem:
            found.append(Finding(lic.en.path, clause.line, "NUM-MISMATCH", clause.id, problem))
    return found


def _sic(doc: Document, allowed: dict) -> list[Finding]:
    """A "[sic: …]" correction only in the translation, and only as an erratum records it."""
    found = []
    for clause in doc.clauses:
        if not clause.sic:
            continue
        expected = allowed.get((clause.id, clause.printed_number))
        if doc.lang == "zh-Hans":
            problem = "the Chinese text prints its numbers as the original does, without [sic: …]"
        elif expected is None:
            problem = f"no erratum records {clause.printed_number} as a misprint in this clause"
        elif expected != clause.sic:
            problem = f"[sic: {clause.sic}] differs from the erratum, which corrects {clause.printed_number} to {expected}"
        else:
            continue
        found.append(Finding(doc.path, clause.line, "NUM-SIC", clause.id, problem))
    return found


def _sequence(doc: Document, allowed: dict) -> list[Finding]:
    """Each level counts on; the Chinese may misnumber where an erratum allows, the English via [sic: …]."""
    found = []
    groups: dict[str | None, list[Clause]] = {}
    for clause in doc.clauses:
        if clause.number:
            groups.setdefault(clause.parent, []).append(clause)
    for children in groups.values():
        previous = 0
        for k, clause in enumerate(children, start=1):
            style = STYLES.get((doc.lang, clause.level))
            if style is None:
                continue
            pattern, nth, example = style
            expected = nth(k)
            printed = clause.printed_number
            if not pattern.match(printed) or (clause.sic and not pattern.match(clause.sic)):
                found.append(
                    Finding(
                        doc.path, clause.line, "NUM-STYLE", clause.id, f"number {clause.number!r} is not in this level's style ({example})"
                    )
                )
                previous = k
                continue
            # a [sic: …] stands for the logical number; _sic checks it against the errata
            if (clause.sic or printed) == expected or (
                not clause.sic and allowed.get((clause.id, printed)) == expected and doc.lang == "zh-Hans"
            ):
                previous = k
                continue
            value = _value(clause.sic or printed)
            what = "repeats an earlier number" if value <= previous and value else "skips a number" if value > k else "is out of order"
            found.append(Finding(doc.path, clause.line, "NUM-SEQUENCE", clause.id, f"number {clause.number} {what}: expected {expected}"))
            previous = max(previous, value)
    return found
