"""References: each resolves, and each clause makes the same references in both languages."""

from __future__ import annotations

from ..model import Finding, License


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    term_ids = set(lic.terms_by_id())
    for doc in (lic.zh, lic.en):
        anchors = doc.anchors()
        for clause in doc.clauses:
            for para in clause.paragraphs:
                for span in para.spans:
                    if span.kind == "ref" and span.target not in anchors and span.target not in term_ids:
                        found.append(
                            Finding(
                                doc.path,
                                para.line,
                                "REF-BROKEN",
                                clause.id,
                                f"reference [{span.text}](#{span.target}): no clause has this ID",
                            )
                        )
                    if span.kind == "ref" and span.target == clause.id:
                        found.append(
                            Finding(doc.path, para.line, "REF-SELF", clause.id, f"reference [{span.text}] points to its own clause")
                        )
    zh_by_id = lic.zh.by_id()
    for clause in lic.en.clauses:
        twin = zh_by_id.get(clause.id)
        if twin is None:
            continue
        missing, extra = sorted(set(twin.refs) - set(clause.refs)), sorted(set(clause.refs) - set(twin.refs))
        if missing or extra:
            found.append(Finding(lic.en.path, clause.line, "REF-MISMATCH", clause.id, _diff("references", missing, extra)))
    return found


def _diff(what: str, missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append(f"lacks {', '.join(missing)}")
    if extra:
        parts.append(f"adds {', '.join(extra)}")
    return f"{what} differ from the zh-Hans text: " + "; ".join(parts)
