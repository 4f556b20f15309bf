"""References: the link text fits the clause it points to (see `licensekit.labels`)."""

from __future__ import annotations

from .. import labels
from ..model import Finding, License


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    for doc, other in ((lic.zh, lic.en), (lic.en, lic.zh)):
        for clause in doc.clauses:
            for para in clause.paragraphs:
                for span in para.spans:
                    why = labels.problem(span.text, span.target, clause, [doc, other]) if span.kind == "ref" else ""
                    if why:
                        found.append(Finding(doc.path, para.line, "REF-LABEL", clause.id, why))
    return found
