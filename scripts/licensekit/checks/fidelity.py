"""Fidelity: the Chinese text is the original, character for character.

Only U+0020 SPACE and U+000A LINE FEED are free, since the original's line breaks come
from the PDF layout; every other character counts, including other whitespace (those
are refused outright by `checks.chars`). The stray spaces the original does have are
pinned by errata (`checks.errata`).

The original cannot certify itself: its SHA-256 is pinned here, in code, and in
`metadata.yaml`; both must agree and match the file. An empty original or one much
shorter than the pinned one is an error, never a reason to skip the comparison.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

from ..model import Finding, License

# The SHA-256 of license/original/baichuan-7B-license.zh.txt, as published by the licensor's PDF.
# Changing the original needs this line changed too, in review, not only data under license/.
ORIGINAL_SHA256 = "f049634b91e0e0b3011a7d2f999173fcb67230c4af9adc1b1a82719c474872c1"
FREE = " \n"  # the only characters the comparison ignores
CONTEXT = 6  # characters of context before a difference
QUOTE = 60  # longest quote of changed text in a message
ORIGINAL_CHARS = 3159  # its characters, spaces and line feeds not counted
SHORT = 0.9  # an original with less than this share of ORIGINAL_CHARS is truncated, not edited
# diff-match-patch stops refining after this many seconds; normal inputs finish in milliseconds,
# and a source with nothing in common with the original still yields a (coarser) correct diff.
DIFF_TIMEOUT = 5.0


def check(lic: License) -> list[Finding]:
    found = _original(lic)
    if not any(f.code in ("ORIGINAL-EMPTY", "ORIGINAL-SHORT") for f in found):
        found += _compare(lic)
    return found + _front_title(lic)


def usable(lic: License) -> bool:
    """The original is there and has not lost a tenth of its characters: worth comparing with."""
    n = len(original_text(lic.original))
    return n >= ORIGINAL_CHARS * SHORT


def _original_path(lic: License) -> str:
    return str((lic.metadata.get("original") or {}).get("path") or "")


def _original(lic: License) -> list[Finding]:
    """The original is there, long enough, and pinned by the same hash in code and in metadata."""
    rel = _original_path(lic)
    meta_line = lic.line_of("metadata.yaml", "original", "sha256")
    here = lic.path(rel) if rel else lic.path("metadata.yaml")
    orig_n = len(original_text(lic.original))
    if not orig_n:
        what = f"{rel} is empty or only whitespace" if rel else "metadata.yaml names no original (original.path)"
        return [Finding(here, 1 if rel else meta_line, "ORIGINAL-EMPTY", "", f"{what}: the Chinese text cannot be checked")]
    found = []
    if orig_n < ORIGINAL_CHARS * SHORT:
        message = f"{rel} has {orig_n} characters, the pinned original {ORIGINAL_CHARS}: it is truncated"
        found.append(Finding(here, 1, "ORIGINAL-SHORT", "", message))
    want = str((lic.metadata.get("original") or {}).get("sha256") or "")
    got = hashlib.sha256(lic.original.encode()).hexdigest()
    if got != want:
        found.append(
            Finding(lic.path("metadata.yaml"), meta_line, "ORIGINAL-HASH", "", f"{rel} has SHA-256 {got}, not the recorded {want}")
        )
    if want != ORIGINAL_SHA256:
        found.append(
            Finding(
                lic.path("metadata.yaml"),
                meta_line,
                "ORIGINAL-PIN",
                "",
                f"original.sha256 is {want or 'missing'}, but the checker pins {ORIGINAL_SHA256} (checks/fidelity.py)",
            )
        )
    return found


def _front_title(lic: License) -> list[Finding]:
    """The front-matter title of the Chinese text is the original's title (its first line)."""
    first = next((line for line in lic.original.split("\n") if line.strip(FREE)), "")
    want = "".join(ch for ch in first if ch not in FREE)
    got = lic.zh.front_title
    if not want or "".join(ch for ch in got if ch not in FREE) == want:
        return []
    return [
        Finding(
            lic.zh.path, lic.zh.front_title_line, "FRONT-MATTER", "", f"title is {_quote(got)}, not the original's title {_quote(first)}"
        )
    ]


def source_chars(lic: License) -> list[tuple[str, str, int]]:
    """The Chinese text as (character, clause ID, line), free whitespace and markup removed."""
    doc = lic.zh
    out = [(ch, "", doc.title_line) for ch in doc.title if ch not in FREE]
    for clause in doc.clauses:
        out += [(ch, clause.id, clause.line) for ch in clause.number + clause.title if ch not in FREE]
        for para in clause.paragraphs:
            out += [(ch, clause.id, para.line) for ch in para.text if ch not in FREE]
    return out


def original_chars(text: str) -> list[tuple[str, int]]:
    """The original as (character, line), free whitespace removed."""
    return [(ch, n) for n, line in enumerate(text.split("\n"), start=1) for ch in line if ch not in FREE]


def source_text(lic: License) -> str:
    return "".join(c for c, _, _ in source_chars(lic))


def original_text(text: str) -> str:
    return "".join(ch for ch in text if ch not in FREE)


@dataclass(frozen=True)
class Edit:
    """One difference: `a[i1:i2]` of the Chinese text stands where the original has `b[j1:j2]`."""

    i1: int
    i2: int
    j1: int
    j2: int


@lru_cache(maxsize=8)
def diff(a: str, b: str) -> tuple[Edit, ...]:
    """The differences between two texts, in linear time for texts that mostly agree.

    diff-match-patch (Myers' O(ND) with common prefix and suffix removed) replaces
    difflib.SequenceMatcher, which is quadratic in the length of the text.
    """
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT
    edits: list[Edit] = []
    i = j = 0
    start: tuple[int, int] | None = None
    for op, chunk in dmp.diff_main(a, b, False):
        if op == 0:
            if start is not None:
                edits.append(Edit(start[0], i, start[1], j))
                start = None
            i += len(chunk)
            j += len(chunk)
            continue
        if start is None:
            start = (i, j)
        if op == -1:
            i += len(chunk)
        else:
            j += len(chunk)
    if start is not None:
        edits.append(Edit(start[0], i, start[1], j))
    return tuple(edits)


def _compare(lic: License) -> list[Finding]:
    src = source_chars(lic)
    orig = original_chars(lic.original)
    a = "".join(c for c, _, _ in src)
    b = "".join(c for c, _ in orig)
    found = []
    for e in diff(a, b):
        at = min(e.i1, len(src) - 1)
        _, clause, line = src[at] if src else ("", "", 1)
        orig_line = orig[min(e.j1, len(orig) - 1)][1] if orig else 0
        before = a[max(0, e.i1 - CONTEXT) : e.i1]
        if e.i2 > e.i1 and e.j2 > e.j1:
            code, message = "TEXT-CHANGED", f"{_quote(a[e.i1 : e.i2])} where the original has {_quote(b[e.j1 : e.j2])}"
        elif e.i2 > e.i1:
            code, message = "TEXT-ADDED", f"{_quote(a[e.i1 : e.i2])} is not in the original"
        else:
            code, message = "TEXT-DROPPED", f"the original's {_quote(b[e.j1 : e.j2])} is missing"
        found.append(Finding(lic.zh.path, line, code, clause, f"{message}, after “{before}” (original line {orig_line})"))
    return found


def _quote(text: str) -> str:
    """Quote text for a message, shortened so that a message stays around 200 characters."""
    if len(text) <= QUOTE:
        return f"“{text}”"
    return f"“{text[: QUOTE - 10]}…” ({len(text)} characters)"
