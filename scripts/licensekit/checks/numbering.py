"""Numbering: each level counts in its own numeral style, with no gap, repeat or misorder.

The original's own misnumbering is allowed only where an erratum records it.
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
    logical: dict[str, dict[str, str]] = {}
    for doc in (lic.zh, lic.en):
        found += _sequence(doc, allowed if doc.lang == "zh-Hans" else {}, logical.setdefault(doc.lang, {}))
    for twin, clause in lic.pairs():
        zh_n, en_n = logical["zh-Hans"].get(clause.id, ""), logical["en"].get(clause.id, "")
        problem = ""
        if bool(twin.number) != bool(clause.number):
            problem = f"numbered {clause.number!r} here but {twin.number!r} in the zh-Hans text"
        elif zh_n and en_n and _value(zh_n) != _value(en_n):
            problem = f"number {clause.number} does not match {twin.number} in the zh-Hans text"
        if problem:
            found.append(Finding(lic.en.path, clause.line, "NUM-MISMATCH", clause.id, problem))
    return found


def _sequence(doc: Document, allowed: dict, logical: dict[str, str]) -> list[Finding]:
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
            logical[clause.id] = clause.number
            if not pattern.match(clause.number):
                found.append(
                    Finding(
                        doc.path, clause.line, "NUM-STYLE", clause.id, f"number {clause.number!r} is not in this level's style ({example})"
                    )
                )
                previous = k
                continue
            if clause.number == expected:
                previous = k
                continue
            if allowed.get((clause.id, clause.number)) == expected:
                logical[clause.id] = expected
                previous = k
                continue
            value = _value(clause.number)
            what = "repeats an earlier number" if value <= previous and value else "skips a number" if value > k else "is out of order"
            found.append(Finding(doc.path, clause.line, "NUM-SEQUENCE", clause.id, f"number {clause.number} {what}: expected {expected}"))
            previous = max(previous, value)
    return found
