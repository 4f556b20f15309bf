"""References: each resolves to a clause, and none points to its own clause."""

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
    return found
