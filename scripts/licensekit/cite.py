"""Citation labels of clauses, as a reader would write them: "II.2", "IV.3(iv)".

A number the original misprints keeps its printed form and correction, "IV.3(ii) [sic: (iii)]",
so that the label can be found in the authoritative Chinese text.
"""

from __future__ import annotations

from .model import License


def label(lic: License, clause_id: str) -> str:
    """The English citation label of a clause or inline term anchor."""
    by_id = lic.en.by_id()
    clause = by_id.get(clause_id)
    if clause is None:
        owner = lic.en.definer(clause_id)
        return f"{label(lic, owner.id)} “{lic.terms_by_id()[clause_id]['en']}”" if owner else clause_id
    parent = by_id.get(clause.parent or "")
    up = label(lic, parent.id) if parent else ""
    if clause.kind == "section":
        return clause.number.rstrip(".") or clause.title
    if clause.kind == "definition":
        return f"{up} “{lic.terms_by_id()[clause.id]['en']}”"
    if clause.kind == "field":
        return f"{up}: {clause.title}"
    if clause.kind == "paragraph":
        return f"{up}, {clause.caption.lower()}"
    number = clause.number.rstrip(".")
    if number.startswith("("):
        return up + number
    return f"{up}.{number}" if parent and parent.kind == "section" and parent.number else f"{up} {number}"
