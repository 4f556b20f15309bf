"""Consistency of the translation: one English rendering for each glossary term and noted phrase.

As a translation-QA tool checks a term base, every clause whose Chinese has a glossary
term (a marked use) or a translation note's phrase (in a clause the note lists) must
have the recorded English rendering. A clause that lacks it is named together with a
clause that has it, so that the reader sees the two renderings side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..model import Clause, Finding, License
from .terms import _forms

NOTES = "translation-notes.yaml"
SPACE = re.compile(r"\s+")


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    zh, en = lic.zh.by_id(), lic.en.by_id()
    if [c.id for c in lic.zh.clauses] != [c.id for c in lic.en.clauses]:
        return []  # clauses are paired by ID; the ID checks report the broken pairing
    for term in lic.glossary:
        tid = term.get("id", "")
        # the definition fixes the rendering; a marked use in English is the terms check's to judge
        defining = [c.id for c in lic.zh.clauses if c.id == tid or tid in c.defines]
        uses = [c.id for c in lic.zh.clauses if tid in c.terms and c.id not in defining and tid not in en[c.id].terms]
        forms = _forms(term, "en")
        what = f"the glossary term “{term.get('zh-Hans')}”"
        found += _renderings(
            lic, defining + uses, en, what, str(term.get("en")), lambda t, forms=forms: any(f in t for f in forms), defining
        )
    for index, note in enumerate(lic.notes):
        listed = note.get("clauses", [])
        if note.get("phrase", True) is False or not all(c in zh and c in en for c in listed):
            continue  # a clause missing from one text is the metadata check's finding
        for phrase, rendering in pairs(note):
            ids = [c for c in listed if _squeeze(phrase) in _squeeze(_zh_text(zh[c]))]
            if not ids:
                found.append(
                    Finding(
                        lic.path(NOTES),
                        lic.line_of(NOTES, index),
                        "NOTE-STALE",
                        note.get("id", ""),
                        f"“{phrase}” is in the Chinese of none of the clauses the note lists",
                    )
                )
                continue
            want = _fold(rendering)
            found += _renderings(lic, ids, en, f"“{phrase}” (note {note.get('id')})", rendering, lambda t, want=want: want in _fold(t))
    return found


def pairs(note: dict) -> list[tuple[str, str]]:
    """A note's (Chinese phrase, English rendering) pairs: "；"- and "; "-separated, in order."""
    phrases = [p.strip() for p in str(note.get("zh-Hans", "")).split("；") if p.strip()]
    renderings = [r.strip() for r in str(note.get("en", "")).split("; ") if r.strip()]
    if len(renderings) == 1:
        renderings = renderings * len(phrases)
    return list(zip(phrases, renderings, strict=False))


def _renderings(
    lic: License, ids: list[str], en: dict[str, Clause], what: str, rendering: str, has: Callable[[str], bool], exempt: Iterable[str] = ()
) -> list[Finding]:
    """A finding for each clause in `ids` whose English lacks the rendering, naming one that has it."""
    good = [i for i in ids if has(_en_text(en[i]))]
    found = []
    for cid in ids:
        if cid in good or cid in exempt:
            continue
        where = f"as in {good[0]}" if good else "and no clause renders it so"
        found.append(
            Finding(lic.en.path, en[cid].line, "TRANSLATION-INCONSISTENT", cid, f"{what} is not rendered “{rendering}” here, {where}")
        )
    return found


def _zh_text(clause: Clause) -> str:
    return clause.number + clause.title + clause.text


def _en_text(clause: Clause) -> str:
    return " ".join(x for x in (clause.number, clause.title, clause.text) if x)


def _squeeze(text: str) -> str:
    """Chinese compared without whitespace: the original's line breaks and stray spaces do not count."""
    return SPACE.sub("", text)


def _fold(text: str) -> str:
    """English compared case-insensitively, with runs of whitespace as one space: a phrase may open a sentence."""
    return SPACE.sub(" ", text).casefold()
