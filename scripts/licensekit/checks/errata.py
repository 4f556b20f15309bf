"""Errata: every oddity of the original is recorded, and every record is founded.

The rule, in both directions:

- Each erratum's ID is unique (it is the anchor `erratum-<id>` on /notes/), its clause
  exists, and its `printed` text still stands in that clause (`ERRATUM-STALE`).
- Each oddity the detectors below find in the original has an erratum that quotes it
  (`ERRATUM-MISSING`), so deleting one is an error.
- Each erratum is founded (`ERRATUM-UNFOUNDED` otherwise): it quotes an oddity the
  detectors find, or it is one of the `REVIEWED` errata pinned in this module — oddities
  no detector can find (a doubled predicate, a word that does not fit). A new one of
  those is added here, in review, like the original's hash; data alone cannot declare
  a prohibition a typo.

Detectors, run on the original (mapped to clauses through the fidelity alignment):

- spacing: a U+0020 between two non-ASCII characters of the same clause (the spaces
  between the appendix's form fields fall between clauses and are layout);
- punctuation: a half-width `( ) ; : "` next to Chinese text; one erratum per character
  covers all its occurrences, since the original uses them throughout;
- repetition: a phrase of 12 or more characters (no Latin letters or digits, so that
  the repeated name "baichuan-7B模型" does not count) printed twice in one clause, and an
  item of a 、-list that starts a later item of the same list (复制 … 复制或创建);
- numbering: a printed number other than the one its position calls for; the numbering
  check already refuses such a number without its erratum (`NUM-SEQUENCE`), and a
  numbering erratum is founded only where the printed number is such a misprint.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Finding, License
from . import fidelity
from ._rules import duplicates
from .numbering import STYLES

# Errata of oddities no detector finds, each reviewed: id -> (clause, printed).
REVIEWED: dict[str, tuple[str, str]] = {
    "personal-information-doubled-predicate": ("s1-personal-information", "是指个人信息是"),
    "iii-2-permit-without-authorization": ("s3-2", "不得在允许未经许可方授权的情况下"),
    "iii-2-right-doubled": ("s3-2", "有权展示、使用、或以其他方式处理这些标识的权利"),
    "s1-distribution-provide-twice": ("s1-distribution", "提供的托管服务提供"),
    "iv-3-ix-indirect-twice": ("s4-3-ix", "任何间接、附带的特殊或间接损害损失"),
    "iv-3-ix-missing-comma": ("s4-3-ix", "附带的特殊"),
    "appendix-1-placeholder-brackets": ("appendix-1", "【opensource@baichuan-inc.com】"),
}
HALF_WIDTH = '();:"'
WIDE = r"\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
STRAY_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
PUNCT = re.compile(rf"(?<=[{WIDE}])[{re.escape(HALF_WIDTH)}]|[{re.escape(HALF_WIDTH)}](?=[{WIDE}])")
PHRASE = 12
NOT_PHRASE = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class Oddity:
    kind: str  # spacing | punctuation | repetition
    clause: str
    key: str  # what an erratum's `printed` must contain

    def describe(self) -> str:
        what = {"spacing": "stray space in", "punctuation": "half-width", "repetition": "repeated"}[self.kind]
        return f"{what} “{self.key}”"


def check(lic: License) -> list[Finding]:
    stale = _stale(lic)
    found = _ids(lic) + stale
    if fidelity.usable(lic):  # an empty or truncated original is ORIGINAL-EMPTY's or ORIGINAL-SHORT's
        oddities = detect(lic)
        # an erratum already reported as naming a missing clause, or quoting text that is not
        # there, would only be reported again below: leave it to that finding
        broken = {f.line for f in stale}
        errata = [(i, e) for i, e in enumerate(lic.errata) if lic.line_of("errata.yaml", i) not in broken]
        found += _missing(lic, oddities, [e for _, e in errata]) + _unfounded(lic, oddities, errata)
    return found


def _ids(lic: License) -> list[Finding]:
    items = [
        (str(e.get("id", "")), lic.path("errata.yaml"), lic.line_of("errata.yaml", i, "id"), str(e.get("clause", "")))
        for i, e in enumerate(lic.errata)
    ]
    return duplicates(items, "ERRATUM-DUPLICATE", "erratum ID {key} already used on line {first}")


def _stale(lic: License) -> list[Finding]:
    found = []
    by_id = lic.zh.by_id()
    for index, erratum in enumerate(lic.errata):
        clause = by_id.get(erratum.get("clause"))
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
        numbering = erratum.get("kind") == "numbering"
        where = clause.printed_number if numbering else clause.number + clause.title + clause.text
        if (printed != where) if numbering else (printed not in where):
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


def clause_texts(lic: License) -> dict[str, str]:
    """The original's text per clause of the Chinese text, line breaks removed, spaces kept.

    Each character of the original goes to the clause that holds it in the Chinese text
    (through the fidelity diff); a space goes with its neighbours when both are in the
    same clause, and is dropped between clauses.
    """
    src = fidelity.source_chars(lic)
    a = "".join(c for c, _, _ in src)
    b = fidelity.original_text(lic.original)
    owner = _owners(src, fidelity.diff(a, b), len(b))
    flat = lic.original.replace("\n", "")
    texts: dict[str, list[str]] = {}
    j = 0
    pending = ""
    last = None
    for ch in flat:
        if ch == " ":
            pending += ch
            continue
        here = owner[j]
        if pending and here == last:
            texts[here].append(pending)  # here == last: the previous character made its list
        pending, last = "", here
        texts.setdefault(here, []).append(ch)
        j += 1
    return {cid: "".join(chars) for cid, chars in texts.items()}


def _owners(src: list[tuple[str, str, int]], edits, n: int) -> list[str]:
    """The clause of each character of the whitespace-free original."""
    owner: list[str] = []
    i = j = 0
    for e in (*edits, fidelity.Edit(len(src), len(src), n, n)):
        while j < e.j1:
            # a common run: the diff covers both texts, so it is as long in `src` (i < e.i1)
            owner.append(src[i][1])
            i, j = i + 1, j + 1
        at = src[min(e.i1, len(src) - 1)][1] if src else ""
        owner += [at] * (e.j2 - e.j1)
        i, j = e.i2, e.j2
    return owner


def detect(lic: License) -> list[Oddity]:
    """The oddities of the original the detectors find, in reading order."""
    found: list[Oddity] = []
    for cid, text in clause_texts(lic).items():
        if not cid:
            continue
        found += [Oddity("spacing", cid, text[m.start() - 1 : m.end() + 1]) for m in STRAY_SPACE.finditer(text)]
        found += [Oddity("punctuation", cid, m.group()) for m in PUNCT.finditer(text)]
        found += [Oddity("repetition", cid, key) for key in _repeats(text.replace(" ", ""))]
    return list(dict.fromkeys(found))


def _repeats(text: str) -> list[str]:
    """Phrases printed twice in one text, and list items that start a later item."""
    windows = Counter(text[i : i + PHRASE] for i in range(len(text) - PHRASE + 1))
    found = [w for w, n in windows.items() if n > 1 and not NOT_PHRASE.search(w)][:1]
    for part in re.split(r"[，。;；:：]", text):
        items = part.split("、")
        found += [
            f"{item}、…{later[: len(item) + 1]}"
            for k, item in enumerate(items)
            for later in items[k + 1 :]
            if len(item) >= 2 and later.startswith(item)
        ]
    return found


def _covers(erratum: dict, oddity: Oddity) -> bool:
    printed = str(erratum.get("printed", ""))
    if erratum.get("kind") != oddity.kind:
        return False
    if oddity.kind == "punctuation":
        return oddity.key in printed
    if erratum.get("clause") != oddity.clause:
        return False
    if "、…" in oddity.key:
        first, later = oddity.key.split("、…")
        return first in printed and later[: len(first) + 1] in printed
    return oddity.key in printed


def _misnumbered(lic: License, erratum: dict) -> bool:
    """The clause's printed number is not the one its position calls for.

    A wrong `expected` is left to the numbering check, which then refuses the number.
    """
    clause = lic.zh.by_id().get(str(erratum.get("clause")))
    style = STYLES.get((lic.zh.lang, clause.level)) if clause else None
    if clause is None or style is None:
        return False
    siblings = [c for c in lic.zh.clauses if c.parent == clause.parent and c.number]
    position = style[1](siblings.index(clause) + 1) if clause in siblings else ""
    return clause.printed_number == erratum.get("printed") != position


def _missing(lic: License, oddities: list[Oddity], errata: list[dict]) -> list[Finding]:
    found = []
    by_id = lic.zh.by_id()
    stale = [e for e in lic.errata if not any(e is x for x in errata)]
    for oddity in oddities:
        if any(_covers(e, oddity) for e in errata) or any(_covers({**e, "clause": oddity.clause}, oddity) for e in stale):
            continue
        if oddity.kind == "punctuation" and any(o.key == oddity.key for o in oddities[: oddities.index(oddity)]):
            continue  # one finding per half-width character, at its first occurrence
        clause = by_id.get(oddity.clause)
        line = clause.line if clause else 1
        found.append(
            Finding(
                lic.zh.path,
                line,
                "ERRATUM-MISSING",
                oddity.clause,
                f"the original's {oddity.describe()} has no erratum of kind {oddity.kind} in errata.yaml",
            )
        )
    return found


def _unfounded(lic: License, oddities: list[Oddity], errata: list[tuple[int, dict]]) -> list[Finding]:
    found = []
    for index, erratum in errata:
        kind = erratum.get("kind")
        founded = _misnumbered(lic, erratum) if kind == "numbering" else any(_covers(erratum, o) for o in oddities)
        ok = founded or REVIEWED.get(str(erratum.get("id"))) == (erratum.get("clause"), erratum.get("printed"))
        if not ok:
            found.append(
                Finding(
                    lic.path("errata.yaml"),
                    lic.line_of("errata.yaml", index),
                    "ERRATUM-UNFOUNDED",
                    str(erratum.get("clause", "")),
                    f"erratum {erratum.get('id')}: the checker finds no {kind} oddity {erratum.get('printed')!r} in the original,"
                    " and it is not a reviewed erratum (checks/errata.py REVIEWED)",
                )
            )
    return found
