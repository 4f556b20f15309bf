"""Clause IDs: present, well-formed, unique, and the same in the same order in both languages."""

from __future__ import annotations

import re

from ..model import Clause, Document, Finding, License

ID_FORMAT = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    zh, en = lic.zh, lic.en
    for doc, other in ((zh, en), (en, zh)):
        found += _per_document(doc, other)
    found += _pairing(zh, en)
    return found


def _counterpart(clause: Clause, doc: Document, other: Document) -> str:
    """The ID at the same place in the other language: same parent, same position."""
    siblings = [c for c in doc.clauses if c.parent == clause.parent and c.level == clause.level]
    twins = [c for c in other.clauses if c.parent == clause.parent and c.level == clause.level]
    index = siblings.index(clause)
    return twins[index].id if index < len(twins) else ""


def _per_document(doc: Document, other: Document) -> list[Finding]:
    found = []
    seen: dict[str, int] = {}
    anchors = [(c.id, c.line) for c in doc.clauses] + [(t, c.line) for c in doc.clauses for t in c.defines]
    for clause in doc.clauses:
        if not clause.id:
            near = _counterpart(clause, doc, other)
            hint = f" (the {other.lang} text has {near} here)" if near else ""
            found.append(Finding(doc.path, clause.line, "ID-MISSING", near, f"heading {clause.heading!r} has no {{#id}}{hint}"))
    for anchor, line in sorted(anchors, key=lambda a: a[1]):
        if not anchor:
            continue
        if not ID_FORMAT.match(anchor):
            found.append(
                Finding(doc.path, line, "ID-FORMAT", anchor, "an ID is lower-case ASCII letters and digits joined by single hyphens")
            )
        if anchor in seen:
            found.append(Finding(doc.path, line, "ID-DUPLICATE", anchor, f"already used on line {seen[anchor]}"))
        else:
            seen[anchor] = line
    return found


def _pairing(zh: Document, en: Document) -> list[Finding]:
    found = []
    zh_ids = [c.id for c in zh.clauses if c.id]
    en_ids = [c.id for c in en.clauses if c.id]
    for doc, theirs, other in ((zh, set(en_ids), en), (en, set(zh_ids), zh)):
        for clause in doc.clauses:
            if clause.id and clause.id not in theirs:
                found.append(Finding(doc.path, clause.line, "ID-UNPAIRED", clause.id, f"no clause with this ID in the {other.lang} text"))
    common = set(zh_ids) & set(en_ids)
    zh_order = [i for i in dict.fromkeys(zh_ids) if i in common]
    en_order = [i for i in dict.fromkeys(en_ids) if i in common]
    en_by_id, zh_by_id = en.by_id(), zh.by_id()
    for a, b in zip(zh_order, en_order, strict=True):
        if a != b:
            found.append(Finding(en.path, en_by_id[b].line, "ID-ORDER", b, f"out of order: the {zh.lang} text has {a} here"))
            break
    for cid in sorted(common):
        if zh_by_id[cid].parent != en_by_id[cid].parent:
            found.append(
                Finding(
                    en.path,
                    en_by_id[cid].line,
                    "ID-PARENT",
                    cid,
                    f"sits under {en_by_id[cid].parent}, but under {zh_by_id[cid].parent} in the {zh.lang} text",
                )
            )
    return found
