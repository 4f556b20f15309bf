"""Citation labels of clauses, as a reader would write them: "II.2", "IV.3(iv)".

A number the original misprints keeps its printed form and correction, "IV.3(ii) [sic: (iii)]",
so that the label can be found in the authoritative Chinese text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import SLUGS, License


def label(lic: License, clause_id: str) -> str:
    """The English citation label of a clause or inline term anchor."""
    by_id = lic.en.by_id()
    clause = by_id.get(clause_id)
    if clause is None:
        owner = lic.en.definer(clause_id)
        return f"{label(lic, owner.id)} “{lic.terms_by_id()[clause_id]['en']}”" if owner else clause_id
    parent = by_id.get(clause.parent)
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


SIC = re.compile(r"\(\w+\) \[sic: (\(\w+\))\]")


def label_en(lic: License, clause_id: str) -> str:
    """The English label to cite, with the logical number where the original misprints one:
    "IV.3(ix)". The Chinese label keeps the printed one, and the URL's ID settles both."""
    return SIC.sub(r"\1", label(lic, clause_id))


def label_zh(lic: License, clause_id: str) -> str:
    """The Chinese label of a clause, its numbers exactly as printed: "二、2", "四、3.(x)".

    An item keeps its full stop only before a sub-item's number, as printed ("3.(x)");
    an unnumbered part is named by its term or field in quotation marks ("一、“模型”",
    "附则2“申请人名称”") or, for a paragraph, by our caption in 〔〕, the mark of an
    editor's insertion ("二、〔许可的授予〕").
    """
    by_id = lic.zh.by_id()
    chain, clause = [], by_id.get(clause_id)
    while clause is not None:
        chain.insert(0, clause)
        clause = by_id.get(clause.parent)
    out = ""
    for i, c in enumerate(chain):
        last = i == len(chain) - 1
        if c.kind == "section":
            out += (c.number + c.title if last else c.number) or c.title
        elif c.kind == "definition":
            out += f"“{c.caption}”"
        elif c.kind == "field":
            out += f"“{c.title}”"
        elif c.kind == "paragraph":
            out += f"〔{c.caption}〕"
        else:
            before_number = not last and chain[i + 1].kind == "item"
            out += c.number if before_number else c.number.rstrip(".．")
    return out


@dataclass(frozen=True)
class Citation:
    """How to cite one clause on one language's page: its label, canonical URL and full citation."""

    label: str
    url: str
    text: str


def citation(lic: License, clause_id: str, lang: str, base: str) -> Citation:
    """The citation of a clause in `lang`, its URL under `base` (the site's canonical URL)."""
    url = f"{base.rstrip('/')}/{SLUGS[lang]}/#{clause_id}"
    if lang == "zh-Hans":
        short = label_zh(lic, clause_id)
        return Citation(short, url, f"《{lic.zh.title}》{short} {url}")
    short = label_en(lic, clause_id)
    return Citation(short, url, f"{lic.en.title}, {short}, {url}")
