"""Each English clause translates its own Chinese clause: not a copy of another clause's
translation, no sentence fewer, and not far longer or shorter than the Chinese.

Length follows Gale and Church's sentence-alignment model (1993): the English length of
a clause is about c times its Chinese length, with a variance that grows with the length.
c is the median of the clauses' ratios, so it follows the translation's style and one
broken clause cannot move it; the spread is fixed, so one broken clause cannot widen it. Lengths count characters other than spaces.

Sentences: English splits long Chinese sentences but does not merge them, so an English
clause has at least as many sentences as its Chinese clause. A sentence moved to the
next clause leaves one too few behind.

Measured on the real text: c ≈ 3.0; every clause lies within |z| < 3.2 (the wordiest is
IV.6 at +3.2); an English clause gutted to one term lies near -7.
"""

from __future__ import annotations

import math
import re
import statistics

from .. import tokens
from ..model import Clause, Finding, License
from .aligned import pairs

SPREAD = 3.5  # variance per expected English character (Gale and Church's s²)
LIMIT = 4.0  # |z| beyond this is not a translation of the clause
MIN_CHARS = 10  # clauses shorter than this (form fields, list items) say little about the ratio
_ZH_END = re.compile(r"[。！？!?]")
_EN_END = re.compile(r"(?<=[.!?])[\s”’\"')]*\s")


def length(text: str) -> int:
    return len(text) - sum(map(str.isspace, text))


def zscore(zh_len: int, en_len: int, ratio: float) -> float:
    """How far an English length is from the expected one, in standard deviations."""
    return (en_len - ratio * zh_len) / math.sqrt(SPREAD * ratio * max(zh_len, 1))


def sentences(text: str, lang: str) -> int:
    parts = {"zh-Hans": _ZH_END, "en": _EN_END}[lang].split(text.strip())
    return sum(1 for p in parts if re.search(r"\w", p))


def _ratio(texts: list[tuple[Clause, Clause]]) -> float | None:
    """The median of the clauses' ratios: one clause blown up to a megabyte moves it no more
    than any other clause does, so it cannot make every other clause look wrong. None when
    no Chinese clause is long enough to measure it: then no length can be judged."""
    ratios = sorted(length(en.text) / length(zh.text) for zh, en in texts if length(zh.text) >= MIN_CHARS)
    return statistics.median(ratios) if ratios else None


def _texts(lic: License) -> list[tuple[Clause, Clause]]:
    return [(zh, en) for zh, en in pairs(lic) if tokens.visible(zh.text) and tokens.visible(en.text)]


def untranslated(lic: License) -> set[str]:
    """IDs of clauses whose English is too far off in length to be their translation:
    the finer comparisons of meaning would only restate that."""
    texts = _texts(lic)
    ratio = _ratio(texts)
    if ratio is None:
        return set()
    return {en.id for zh, en in texts if abs(zscore(length(zh.text), length(en.text), ratio)) > LIMIT}


def _copy_key(text: str) -> str:
    """A clause's words without case, punctuation or a list's closing and/or."""
    words = re.sub(r"[\W_]+", " ", text.casefold()).split()
    return " ".join(words[:-1] if words[-1:] in (["and"], ["or"]) else words)


def _length(zh: Clause, en: Clause, ratio: float | None) -> list[Finding]:
    if ratio is None:  # nothing long enough to measure the ratio: no length can be judged
        return []
    z = zscore(length(zh.text), length(en.text), ratio)
    if abs(z) <= LIMIT:
        return []
    what = "longer" if z > 0 else "shorter"
    expected = round(ratio * length(zh.text))
    return [
        Finding(
            en.path,
            en.line,
            "PARITY-LENGTH",
            en.id,
            f"{length(en.text)} characters, far {what} than the {expected} the zh-Hans text leads to expect (z = {z:+.1f})",
        )
    ]


def _sentences(zh: Clause, en: Clause) -> list[Finding]:
    ours, theirs = sentences(en.text, "en"), sentences(zh.text, "zh-Hans")
    if ours >= theirs:
        return []
    message = f"{ours} sentence{'s' if ours != 1 else ''} here, {theirs} in the zh-Hans text: was one moved to another clause or left out?"
    return [Finding(en.path, en.line, "PARITY-SENTENCE", en.id, message)]


def check(lic: License) -> list[Finding]:
    texts = _texts(lic)
    ratio = _ratio(texts)
    found: list[Finding] = []
    seen: dict[str, tuple[str, str]] = {}
    for zh, en in texts:
        found += _length(zh, en, ratio) or _sentences(zh, en)
        key = _copy_key(en.text)
        if key in seen and seen[key][1] != zh.text:
            found.append(
                Finding(
                    en.path,
                    en.line,
                    "TEXT-COPY",
                    en.id,
                    f"the same English text as #{seen[key][0]}, whose Chinese differs: one of the two translates another clause",
                )
            )
        seen.setdefault(key, (en.id, zh.text))
    return found
