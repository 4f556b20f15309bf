"""Clause text: no clause is empty."""

from __future__ import annotations

from ..model import Finding, License


def check(lic: License) -> list[Finding]:
    found = []
    for doc in (lic.zh, lic.en):
        parents = {c.parent for c in doc.clauses}
        for clause in doc.clauses:
            has_text = bool(clause.text.strip())
            if clause.kind == "section" and not clause.title:
                found.append(Finding(doc.path, clause.line, "TEXT-EMPTY", clause.id, "a section needs a title"))
            elif clause.kind in ("definition", "item", "paragraph") and not has_text and clause.id not in parents:
                found.append(Finding(doc.path, clause.line, "TEXT-EMPTY", clause.id, "the clause has no text"))
            elif clause.kind == "field" and has_text:
                found.append(Finding(doc.path, clause.line, "TEXT-UNEXPECTED", clause.id, "a form field is its heading alone"))
    return found
