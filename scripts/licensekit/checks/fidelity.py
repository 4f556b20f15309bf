"""Fidelity: the Chinese text is the original, character for character.

Whitespace is ignored, since the original's line breaks come from the PDF layout;
the stray spaces the original does have are pinned by errata instead. Each erratum's
printed snippet must still stand in its clause.
"""

from __future__ import annotations

import difflib
import hashlib

from ..model import Finding, License

CONTEXT = 6


def check(lic: License) -> list[Finding]:
    return _original_hash(lic) + _compare(lic) + _errata(lic)


def _original_hash(lic: License) -> list[Finding]:
    original = lic.metadata.get("original") or {}
    want = original.get("sha256")
    if not lic.original or not want:
        return []
    got = hashlib.sha256(lic.original.encode("utf-8")).hexdigest()
    if got != want:
        return [
            Finding(
                lic.path("metadata.yaml"),
                lic.line_of("metadata.yaml", "original", "sha256"),
                "ORIGINAL-HASH",
                "",
                f"{original.get('path')} has SHA-256 {got}, not the recorded {want}",
            )
        ]
    return []


def source_chars(lic: License) -> list[tuple[str, str, int]]:
    """The Chinese text as (character, clause ID, line), whitespace and markup removed."""
    doc = lic.zh
    out = [(ch, "", doc.title_line) for ch in doc.title if not ch.isspace()]
    for clause in doc.clauses:
        out += [(ch, clause.id, clause.line) for ch in clause.number + clause.title if not ch.isspace()]
        for para in clause.paragraphs:
            out += [(ch, clause.id, para.line) for ch in para.text if not ch.isspace()]
    return out


def original_chars(text: str) -> list[tuple[str, int]]:
    """The original as (character, line), whitespace removed."""
    return [(ch, n) for n, line in enumerate(text.split("\n"), start=1) for ch in line if not ch.isspace()]


def _compare(lic: License) -> list[Finding]:
    if not lic.original:
        return []
    src = source_chars(lic)
    orig = original_chars(lic.original)
    a = "".join(c for c, _, _ in src)
    b = "".join(c for c, _ in orig)
    found = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        at = min(i1, len(src) - 1)
        _, clause, line = src[at] if src else ("", "", 1)
        orig_line = orig[min(j1, len(orig) - 1)][1] if orig else 0
        before = a[max(0, i1 - CONTEXT) : i1]
        if op == "replace":
            code, message = "TEXT-CHANGED", f"“{a[i1:i2]}” where the original has “{b[j1:j2]}”"
        elif op == "delete":
            code, message = "TEXT-ADDED", f"“{a[i1:i2]}” is not in the original"
        else:
            code, message = "TEXT-DROPPED", f"the original's “{b[j1:j2]}” is missing"
        found.append(Finding(lic.zh.path, line, code, clause, f"{message}, after “{before}” (original line {orig_line})"))
    return found


def _errata(lic: License) -> list[Finding]:
    found = []
    by_id = lic.zh.by_id()
    for index, erratum in enumerate(lic.errata):
        clause = by_id.get(erratum.get("clause", ""))
        line = lic.line_of("errata.yaml", index)
        if clause is None:
            found.append(
                Finding(
                    lic.path("errata.yaml"),
                    line,
                    "META-CLAUSE",
                    erratum.get("clause", ""),
                    f"erratum {erratum.get('id')} names no clause of the zh-Hans text",
                )
            )
            continue
        printed = erratum.get("printed", "")
        where = clause.printed_number if erratum.get("kind") == "numbering" else clause.number + clause.title + clause.text
        if (printed != where) if erratum.get("kind") == "numbering" else (printed not in where):
            found.append(
                Finding(
                    lic.path("errata.yaml"),
                    line,
                    "ERRATUM-STALE",
                    clause.id,
                    f"erratum {erratum.get('id')}: {printed!r} is not printed in this clause",
                )
            )
    return found
