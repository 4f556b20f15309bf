"""Defined terms: defined once per language as the glossary says, in allowed forms, and used."""

from __future__ import annotations

import re

from ..model import Document, Finding, License

# “Term” means … / “术语”是指 …, with an optional alternative form in parentheses.
DEFINES = re.compile(r"^“([^”]+)”(?:\s*\((?:或|or )“[^”]+”\))?\s*(?:是指|means)")
GLOSSARY = "glossary.yaml"


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    glossary = lic.terms_by_id()
    seen_ids: set[str] = set()
    for index, term in enumerate(lic.glossary):
        if term.get("id") in seen_ids:
            found.append(
                Finding(lic.path(GLOSSARY), lic.line_of(GLOSSARY, index), "TERM-DUPLICATE", term["id"], "listed twice in the glossary")
            )
        seen_ids.add(term.get("id"))
    for doc in (lic.zh, lic.en):
        found += _definitions(lic, doc, glossary)
        found += _uses(lic, doc, glossary)
    return found


def _definitions(lic: License, doc: Document, glossary: dict) -> list[Finding]:
    """Each term defined once, by the clause or inline anchor the glossary names, in its words."""
    found = []
    defined: dict[str, tuple[str, int]] = {}  # term text -> (clause id, line)
    anchors: dict[str, int] = {}
    for clause in doc.clauses:
        match = DEFINES.match(clause.text)
        if match:
            word = match.group(1)
            if word in defined:
                found.append(
                    Finding(
                        doc.path,
                        clause.line,
                        "TERM-DUPLICATE",
                        clause.id,
                        f"“{word}” is already defined in {defined[word][0]} (line {defined[word][1]})",
                    )
                )
            defined[word] = (clause.id, clause.line)
            if clause.id not in glossary:
                found.append(
                    Finding(
                        doc.path,
                        clause.line,
                        "TERM-NOT-IN-GLOSSARY",
                        clause.id,
                        f"defines “{word}”, but the glossary has no entry {clause.id}",
                    )
                )
            elif glossary[clause.id].get(doc.lang) != word:
                found.append(
                    Finding(
                        doc.path,
                        clause.line,
                        "TERM-GLOSSARY",
                        clause.id,
                        f"defines “{word}”, but the glossary says “{glossary[clause.id].get(doc.lang)}”",
                    )
                )
            anchors[clause.id] = clause.line
        elif clause.kind == "definition":
            found.append(
                Finding(
                    doc.path,
                    clause.line,
                    "TERM-GLOSSARY",
                    clause.id,
                    f"should define “{glossary[clause.id].get(doc.lang)}” but does not start with a definition",
                )
            )
        for para in clause.paragraphs:
            for span in para.spans:
                if span.kind != "defterm":
                    continue
                if span.target in anchors:
                    found.append(
                        Finding(
                            doc.path,
                            para.line,
                            "TERM-DUPLICATE",
                            clause.id,
                            f"{span.target} is already defined on line {anchors[span.target]}",
                        )
                    )
                anchors[span.target] = para.line
                entry = glossary.get(span.target)
                if entry is None:
                    found.append(
                        Finding(doc.path, para.line, "TERM-NOT-IN-GLOSSARY", clause.id, f"defines {span.target}, which the glossary lacks")
                    )
                elif entry.get(doc.lang) != span.text:
                    found.append(
                        Finding(
                            doc.path,
                            para.line,
                            "TERM-GLOSSARY",
                            clause.id,
                            f"defines “{span.text}”, but the glossary says “{entry.get(doc.lang)}”",
                        )
                    )
    for index, term in enumerate(lic.glossary):
        if term["id"] not in anchors:
            found.append(
                Finding(
                    lic.path(GLOSSARY),
                    lic.line_of(GLOSSARY, index),
                    "TERM-UNDEFINED",
                    term["id"],
                    f"the {doc.lang} text has no definition of “{term.get(doc.lang)}”",
                )
            )
    return found


def _uses(lic: License, doc: Document, glossary: dict) -> list[Finding]:
    """Every marked use names a defined term in a form the glossary allows; each term is used."""
    found = []
    used: set[str] = set()
    defined = {c.id for c in doc.clauses if c.kind == "definition"} | {t for c in doc.clauses for t in c.defines}
    for clause in doc.clauses:
        for para in clause.paragraphs:
            for span in para.spans:
                if span.kind != "term":
                    continue
                used.add(span.target)
                entry = glossary[span.target]
                if span.target not in defined:
                    found.append(
                        Finding(
                            doc.path,
                            para.line,
                            "TERM-UNDEFINED",
                            clause.id,
                            f"uses “{span.text}”, but the {doc.lang} text never defines {span.target}",
                        )
                    )
                elif span.text not in _forms(entry, doc.lang):
                    found.append(
                        Finding(
                            doc.path,
                            para.line,
                            "TERM-FORM",
                            clause.id,
                            f"“{span.text}” is not a form of the glossary term “{entry.get(doc.lang)}”",
                        )
                    )
    for index, term in enumerate(lic.glossary):
        if term["id"] not in used:
            line = lic.line_of(GLOSSARY, index)
            found.append(
                Finding(
                    lic.path(GLOSSARY),
                    line,
                    "TERM-UNUSED",
                    term["id"],
                    f"“{term.get(doc.lang)}” is never marked as used in the {doc.lang} text",
                )
            )
    return found


def _forms(entry: dict, lang: str) -> set[str]:
    base = [entry.get(lang, "")] + list((entry.get("forms") or {}).get(lang, []))
    if lang == "en":
        return {f + suffix for f in base for suffix in ("", "s", "’s")}
    return set(base)
