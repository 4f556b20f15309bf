"""Meaning that must match clause by clause between the Chinese text and the English.

After the checks of translation-QA tools (Okapi CheckMate, Xbench): the same numbers,
e-mail addresses and URLs; the same negations and modals (see `licensekit.polarity` for
the counting rules); captions that do not contradict their clause or each other; and the
same attributes of the grant. Each finding is on the English clause, as the Chinese
text is the authoritative one and is checked against the original elsewhere.
"""

from __future__ import annotations

import re
from functools import cache

from .. import tokens
from ..model import Clause, Finding, License
from ..polarity import caption_stance, compare, polarity
from .aligned import pairs
from .alignment import untranslated

# Attributes of a grant, longest form first so that 非排他性 is not also read as 排他性.
# Each zh form has its English forms; a negative twin is its own attribute.
GRANT_ATTRIBUTES: list[tuple[str, str, str]] = [
    ("non-exclusive", "非排他性?", r"non-?exclusive"),
    ("exclusive", "排他性?|独占", r"(?<!non-)(?<!non)exclusive"),
    ("worldwide", "全球性?|全世界", r"world-?wide|global"),
    ("non-transferable", "不可转让", r"non-?transferable|not\s+transferable"),
    ("transferable", "可转让", r"(?<!non-)(?<!non)transferable"),
    ("non-sublicensable", "不可再许可", r"non-?sublicen[sc]able|not\s+sublicen[sc]able"),
    ("sublicensable", "可再许可", r"(?<!non-)(?<!non)sublicen[sc]able"),
    ("irrevocable", "不可撤销", r"irrevocable|non-?revocable"),
    ("revocable", "可撤销", r"(?<!ir)(?<!non-)(?<!non)revocable"),
    ("royalty-free", "免版税|免费", r"royalty-?free|free\s+of\s+charge"),
    ("perpetual", "永久", r"perpetual"),
]


def _attribute_pattern(lang: str) -> str:
    column = {"zh-Hans": 1, "en": 2}[lang]  # an unknown language is an error, not English
    return "|".join(f"(?P<a{i}>{row[column]})" for i, row in enumerate(GRANT_ATTRIBUTES))


@cache
def _attribute_regex(lang: str) -> re.Pattern:
    return re.compile(_attribute_pattern(lang), {"zh-Hans": 0, "en": re.IGNORECASE}[lang])


def _attributes(text: str, lang: str) -> list[str]:
    return sorted({GRANT_ATTRIBUTES[int(m.lastgroup[1:])][0] for m in _attribute_regex(lang).finditer(text)})


def _plain(clause: Clause) -> str:
    """Clause text without reference labels: "clause 1" is a label, not a number of the text."""
    return "\n\n".join("".join(s.text for s in p.spans if s.kind != "ref") for p in clause.paragraphs)


def _sets(zh: set[str], en: set[str]) -> str:
    lacks, adds = sorted(zh - en), sorted(en - zh)
    return "; ".join(([f"lacks {', '.join(lacks)}"] if lacks else []) + ([f"adds {', '.join(adds)}"] if adds else []))


def _tokens(zh: Clause, en: Clause) -> list[Finding]:
    found = []
    for code, what, extract in (
        ("PARITY-NUMBER", "numbers", tokens.numbers),
        ("PARITY-EMAIL", "e-mail addresses", tokens.emails),
        ("PARITY-URL", "URLs", tokens.urls),
    ):
        diff = _sets(extract(_plain(zh)), extract(_plain(en)))
        if diff:
            hidden = tokens.hidden(en.text)
            note = f" (the English text holds invisible {', '.join(hidden)})" if hidden else ""
            found.append(Finding(en.path, en.line, code, en.id, f"{what} differ from the zh-Hans text: {diff}{note}"))
    return found


def _without_attributes(text: str, lang: str) -> str:
    """The text with the grant's attributes blanked: their negations (non-exclusive,
    不可转让) are compared as attributes, not counted again as negations."""
    return _attribute_regex(lang).sub(" ", text)


def _polarity(zh: Clause, en: Clause) -> list[Finding]:
    said = polarity(_without_attributes(zh.text, "zh-Hans"), "zh-Hans"), polarity(_without_attributes(en.text, "en"), "en")
    neg, modal = compare(*said)
    found = [Finding(en.path, en.line, "PARITY-NEGATION", en.id, m) for m in neg]
    if modal:
        found.append(Finding(en.path, en.line, "PARITY-MODAL", en.id, "; ".join(modal)))
    return found


def _caption(clause: Clause) -> str:
    """How a caption contradicts its own clause, or ""."""
    stance = caption_stance(clause.caption, clause.lang)
    said = polarity(clause.text, clause.lang)
    if stance == "permits" and said.prohibitions and not said.permissions:
        return f"the caption “{clause.caption}” permits, but the clause only forbids ({', '.join(said.prohibitions)})"
    if stance == "permits" and not said.permissions:
        return f"the caption “{clause.caption}” permits, but the clause grants no permission"
    if stance == "forbids" and not said.prohibitions:
        return f"the caption “{clause.caption}” forbids, but the clause forbids nothing"
    return ""


def _captions(zh: Clause, en: Clause, en_sound: bool) -> list[Finding]:
    """Captions against their clause, and against each other. An English caption is held
    against its clause only when that clause matches the Chinese: otherwise the clause,
    not the caption, is what is wrong, and is reported as such."""
    sound = (zh, en) if en_sound else (zh,)
    found = [Finding(c.path, c.line, "PARITY-CAPTION", c.id, why) for c in sound if (why := _caption(c))]
    stances = {caption_stance(zh.caption, "zh-Hans"), caption_stance(en.caption, "en")}
    if stances == {"permits", "forbids"}:
        found.append(
            Finding(en.path, en.line, "PARITY-CAPTION", en.id, f"the caption “{en.caption}” contradicts the zh-Hans caption “{zh.caption}”")
        )
    return found


def _grant(zh: Clause, en: Clause) -> list[Finding]:
    diff = _sets(set(_attributes(zh.text, "zh-Hans")), set(_attributes(en.text, "en")))
    return (
        [Finding(en.path, en.line, "GRANT-ATTRIBUTE", en.id, f"attributes of the grant differ from the zh-Hans text: {diff}")]
        if diff
        else []
    )


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    skip = untranslated(lic)
    for zh, en in pairs(lic):
        if en.id in skip:
            continue  # reported as far too long or short: not a translation of this clause
        meaning = _polarity(zh, en)
        found += _tokens(zh, en) + meaning + _captions(zh, en, not meaning) + _grant(zh, en)
    return found
