"""Characters: no invisible, control, bidi or exotic whitespace character in any source.

"Whitespace is free" in the fidelity check means U+0020 SPACE and U+000A LINE FEED
only. Every other character of the Unicode categories Cc (controls, C0 and C1, so also
TAB and U+0085 NEXT LINE), Cf (format: zero-width characters, soft hyphen, U+FEFF, and
the bidi controls U+200E/200F, U+202A–202E and U+2066–2069 of "Trojan Source"), Zs
(U+00A0, U+3000 and the other spaces), Zl (U+2028) and Zp (U+2029) is refused anywhere
in any source: under `license/` and in `docs/*.md`. They are invisible or look like
ordinary spaces, can reverse text on screen, and a control character makes the
published XML malformed. The original has none of them (checked), so its byte-identical
copy is held to the same rule.

A leading byte-order mark and CR line endings are reported by the encoding rules
(`ENC-BOM`, `ENC-CRLF`) and are not repeated here.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..model import Document, Finding, License

REFUSED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
ALLOWED = {" ", "\n"}
# Control characters have no Unicode name; these are their names in ISO/IEC 6429.
C0 = [
    "NULL",
    "START-OF-HEADING",
    "START-OF-TEXT",
    "END-OF-TEXT",
    "END-OF-TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "BELL",
    "BACKSPACE",
    "CHARACTER-TABULATION",
    "LINE-FEED",
    "LINE-TABULATION",
    "FORM-FEED",
    "CARRIAGE-RETURN",
    "SHIFT-OUT",
    "SHIFT-IN",
    "DATA-LINK-ESCAPE",
    "DEVICE-CONTROL-ONE",
    "DEVICE-CONTROL-TWO",
    "DEVICE-CONTROL-THREE",
    "DEVICE-CONTROL-FOUR",
    "NEGATIVE-ACKNOWLEDGE",
    "SYNCHRONOUS-IDLE",
    "END-OF-TRANSMISSION-BLOCK",
    "CANCEL",
    "END-OF-MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "FILE-SEPARATOR",
    "GROUP-SEPARATOR",
    "RECORD-SEPARATOR",
    "UNIT-SEPARATOR",
]
CONTROL_NAMES = {i: name.replace("-", " ") for i, name in enumerate(C0)} | {0x7F: "DELETE", 0x85: "NEXT LINE", 0xA0: "NO-BREAK SPACE"}


def refused(ch: str) -> bool:
    return ch not in ALLOWED and unicodedata.category(ch) in REFUSED_CATEGORIES


def describe(ch: str) -> str:
    """`U+3000 IDEOGRAPHIC SPACE`: the code point and its name."""
    code = ord(ch)
    name = unicodedata.name(ch, "") or CONTROL_NAMES.get(code) or ("C1 CONTROL" if 0x80 <= code <= 0x9F else "UNNAMED")
    return f"U+{code:04X} {name}"


def check(lic: License) -> list[Finding]:
    found = []
    for path, text in lic.texts.items():
        doc = next((d for d in lic.docs.values() if d.path == path), None)
        found += scan(path, text, doc)
    return found


def scan(path: Path, text: str, doc: Document | None = None) -> list[Finding]:
    """One finding per line that holds a refused character, naming the first and counting the rest."""
    found: list[Finding] = []
    # Each distinct character is judged once; only a line holding a refused one is read again.
    refused_here = {ch for ch in set(text) if ch != "\r" and refused(ch)}
    if not refused_here:
        return found
    for number, line in enumerate(text.split("\n"), start=1):
        if refused_here.isdisjoint(line):
            continue
        bad = [ch for ch in line if ch in refused_here]
        if number == 1 and line.startswith("\ufeff"):
            bad = bad[1:]  # a leading BOM is ENC-BOM's
        if not bad:
            continue
        more = f" and {len(bad) - 1} more on this line" if len(bad) > 1 else ""
        column = line.index(bad[0]) + 1
        message = f"{describe(bad[0])} at column {column}{more}: invisible, control and non-ASCII space characters are not allowed"
        found.append(Finding(path, number, "CHAR-FORBIDDEN", _clause_at(doc, number), message))
    return found


def _clause_at(doc: Document | None, line: int) -> str:
    """The clause whose heading is the last one at or above `line`."""
    if doc is None:
        return ""
    heading = [c for c in doc.clauses if c.line <= line]
    return heading[-1].id if heading else ""
