"""Style, after Common Form's linter: duplicate headings (a warning) and defined terms
used without being marked (informational, shown with `check.py --all`)."""

from __future__ import annotations

import re

from ..model import Document, Finding, License


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    for doc in (lic.zh, lic.en):
        found += _duplicate_headings(doc)
        found += _unmarked_terms(lic, doc)
    return found


def _duplicate_headings(doc: Document) -> list[Finding]:
    found, seen = [], {}
    for clause in doc.clauses:
        heading = clause.caption or (clause.title if clause.kind == "field" else "")
        if not heading:
            continue
        if heading in seen:
            message = f"heading “{heading}” is also used by {seen[heading]}"
            found.append(Finding(doc.path, clause.line, "HEADING-DUPLICATE", clause.id, message))
        seen.setdefault(heading, clause.id)
    return found


def _patterns(lic: License, lang: str) -> list[tuple[str, re.Pattern]]:
    """Each term's words, longest first, so that a longer term hides the shorter inside it."""
    words = []
    for term in lic.glossary:
        forms = [term.get(lang), *(term.get("forms") or {}).get(lang, [])]
        words += [(term["id"], w) for w in forms if w]
    words.sort(key=lambda x: -len(x[1]))
    edge = r"\b" if lang == "en" else ""
    return [(tid, re.compile(edge + re.escape(w) + edge)) for tid, w in words]


def _unmarked_terms(lic: License, doc: Document) -> list[Finding]:
    found = []
    patterns = _patterns(lic, doc.lang)
    for clause in doc.clauses:
        text = clause.text
        hits = set()
        for tid, pattern in patterns:
            if pattern.search(text):
                hits.add(tid)
                text = pattern.sub(" ", text)
        for tid in sorted(hits - set(clause.terms) - set(clause.defines) - {clause.id}):
            message = f"uses “{lic.terms_by_id()[tid].get(doc.lang)}” without marking it"
            found.append(Finding(doc.path, clause.line, "TERM-UNMARKED", clause.id, message))
    return found
