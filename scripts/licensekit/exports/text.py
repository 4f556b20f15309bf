"""Plain text of one language, with clause numbers as printed."""

from __future__ import annotations

from ..model import Clause, Document


def clause_line(clause: Clause) -> str:
    """A clause as plain text: its printed number, its title and its text."""
    joiner = " " if clause.lang == "en" else ""
    body = joiner.join(x for x in (clause.title, clause.text) if x)
    sep = " " if clause.lang == "en" or clause.number.endswith(".") else ""
    return sep.join(x for x in (clause.number, body) if x)


def lines(doc: Document) -> list[str]:
    """Each clause as one line of plain text, in reading order; captions are left out, as they are ours."""
    return lines_of(doc.clauses)


def lines_of(clauses: list[Clause]) -> list[str]:
    return [text for text in map(clause_line, clauses) if text]


def plain_text(doc: Document, notice: str = "") -> str:
    """The title, an optional notice, then the clauses, a blank line between each."""
    return "\n\n".join([doc.title, *([notice] if notice else []), *lines(doc)]) + "\n"
