"""Clause text: no clause is empty, or shows nothing because it is only invisible characters."""

from __future__ import annotations

from .. import tokens
from ..model import Clause, Finding, License


def _invisible(clause: Clause) -> Finding:
    found = ", ".join(tokens.hidden(clause.text))
    return Finding(clause.path, clause.line, "TEXT-INVISIBLE", clause.id, f"the clause text is only invisible characters ({found})")


def check(lic: License) -> list[Finding]:
    found = []
    for doc in (lic.zh, lic.en):
        parents = {c.parent for c in doc.clauses}
        for clause in doc.clauses:
            has_text = tokens.visible(clause.text)
            only_invisible = not has_text and bool(tokens.hidden(clause.text))
            if clause.kind == "section" and not clause.title:
                found.append(Finding(doc.path, clause.line, "TEXT-EMPTY", clause.id, "a section needs a title"))
            elif only_invisible:
                found.append(_invisible(clause))
            elif clause.kind in ("definition", "item", "paragraph") and not has_text and clause.id not in parents:
                found.append(Finding(doc.path, clause.line, "TEXT-EMPTY", clause.id, "the clause has no text"))
            elif clause.kind == "field" and has_text:
                found.append(Finding(doc.path, clause.line, "TEXT-UNEXPECTED", clause.id, "a form field is its heading alone"))
    return found
