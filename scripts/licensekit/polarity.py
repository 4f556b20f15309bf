"""Negations and modals of a text, counted so that the two languages can be compared.

A translation can keep every term and reference and still say the opposite: "You must
not use …" → "You must use …". So each clause is counted in both languages:

- **negations**: zh 不 非 无 未 否 毋 勿 禁止 排除 违法 违规 (one per occurrence, so 不得,
  不可转让, 非法, 除非 each count once); en not, no, never, none, nothing, nor, neither,
  without, unless, cannot, n't, non-…, other than, exclud…, illegal, unlawful,
  irrevocable, prohibit…, forbid…. Words that only contain a negation character are
  not negations: 否则 (otherwise), 未来 (future), 无论 (whether), 不成 (fails),
  不断 (continually), 非常 (very).
- **prohibitions** (a negated modal): zh 不得 不能 不可以 不应当 不应 不准 不许 禁止 严禁
  无权; en must/shall/may/can/will not or never, cannot, nor may/shall/must/can,
  "no … may/shall/must/can" (under no circumstances may), is/are prohibited or forbidden.
- **obligations**: zh 应当 必须 务必 须 应 需 (not in 相应 对应 响应 供应 适应 应用 反应 答应,
  需要 or 需求, which say "relevant", "need" or "entail"); en shall, must, is/are required
  to, has/have to — outside prohibitions and what they govern.
- **permissions**: zh 可以 可能 有权 (not in 所有权 拥有权利 享有权利: own, hold, enjoy); en may, can, might,
  has/have the right, is/are entitled — outside prohibitions and what they govern (up
  to the next punctuation mark: in 不得…暗示有权展示 / "nor may You … imply that You have
  the right" the right is forbidden, not granted). 可能 is counted with 可以 because
  English "may" says both.

The rules, measured clause by clause on the real text (every clause passes):
- negations: the same count in both languages;
- prohibitions and obligations: English has at least as many as Chinese (English legal
  style adds "shall" to plain Chinese statements, and renders 不对…负责 as "under no
  circumstances shall … be liable", so only a loss is a change of meaning);
- permissions: the same count in both languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Polarity:
    """What a text negates, forbids, requires and allows: the words found, in order."""

    negations: tuple[str, ...] = ()
    prohibitions: tuple[str, ...] = ()
    obligations: tuple[str, ...] = ()
    permissions: tuple[str, ...] = ()


_ZH_SKIP = r"否则|未来|无论|不成|不断|非常"
_ZH = {
    "negations": re.compile(rf"(?:{_ZH_SKIP})|(禁止|排除|违法|违规|[不非无未否毋勿])"),
    "prohibitions": re.compile(r"(不得|不能|不可以|不应当|不应|不准|不许|禁止|严禁|无权)"),
    "obligations": re.compile(r"(?<![不无毋])(?:相应|对应|响应|供应|适应|应用|反应|答应|需要|需求)|(?<![不无毋])(应当|必须|务必|须|应|需)"),
    "permissions": re.compile(r"(?:所有|拥有|享有)|(?<![不无毋])(可以|可能|有权)"),
}
_EN_PROHIBITION = (
    r"\b(?:must|shall|may|can|will)\s+(?:not|never)\b|\bcannot\b|\b(?:mustn|shan|can|won)['’]t\b"
    r"|\bnor\s+(?:may|shall|must|can)\b|\bno\s+\w+\s+(?:may|shall|must|can)\b|\b(?:is|are)\s+(?:prohibited|forbidden)\b"
)
_EN = {
    "negations": re.compile(
        r"\b(not|no|never|none|nothing|nor|neither|without|unless|cannot|non-\w+|other\s+than|exclud\w*|exclusion"
        r"|illegal\w*|unlawful\w*|irrevocabl\w*|prohibit\w*|forbid\w*|\w+n['’]t)\b",
        re.IGNORECASE,
    ),
    "prohibitions": re.compile(f"({_EN_PROHIBITION})", re.IGNORECASE),
    "obligations": re.compile(r"\b(shall|must|(?:is|are)\s+required\s+to|(?:has|have)\s+to)\b", re.IGNORECASE),
    "permissions": re.compile(r"\b(may|can|might|(?:has|have)\s+the\s+right|(?:is|are)\s+entitled)\b", re.IGNORECASE),
}
# Caption wording: short phrases, where "allowed" and 可用 say permission.
_CAPTION_PERMIT = {
    "zh-Hans": re.compile(r"可以|(?<![所拥享])有权|允许|准许|(?<![许不认])可(?=[用使自任随])"),
    "en": re.compile(r"\b(?:may|can|allowed|permitted|free\s+to|right\s+to)\b", re.IGNORECASE),
}
_CAPTION_FORBID = {
    "zh-Hans": _ZH["prohibitions"],
    "en": re.compile(rf"^\s*no\b|{_EN_PROHIBITION}|\bnot\s+(?:allowed|permitted)\b", re.IGNORECASE),
}


def _found(pattern: re.Pattern, text: str, outside: list[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Matches of the pattern's first group, skipping matches without it (exceptions) and
    matches inside the given spans."""
    out = []
    for m in pattern.finditer(text):
        if m.group(1) is None or (outside and any(a <= m.start(1) < b for a, b in outside)):
            continue
        out.append(_SPACES.sub(" ", m.group(1)))
    return tuple(out)


_SPACES = re.compile(r"\s+")


_BREAK = re.compile(r"[，。；：！？,;:.!?]")


def _scopes(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Each prohibition with what it governs: up to the next punctuation mark."""
    spans = []
    for m in pattern.finditer(text):
        stop = _BREAK.search(text, m.end())
        spans.append((m.start(), stop.start() if stop else len(text)))
    return spans


def polarity(text: str, lang: str) -> Polarity:
    """Count the negations, prohibitions, obligations and permissions of a text."""
    table = {"zh-Hans": _ZH, "en": _EN}[lang]
    spans = _scopes(table["prohibitions"], text)
    return Polarity(
        negations=_found(table["negations"], text),
        prohibitions=_found(table["prohibitions"], text),
        obligations=_found(table["obligations"], text, spans),
        permissions=_found(table["permissions"], text, spans),
    )


def compare(zh: Polarity, en: Polarity) -> tuple[list[str], list[str]]:
    """The differences that change meaning, as (negation problems, modal problems)."""
    neg = []
    if len(en.negations) != len(zh.negations):
        neg.append(_count("negation", en.negations, zh.negations))
    modal = []
    for what, ours, theirs in (("prohibition", en.prohibitions, zh.prohibitions), ("obligation", en.obligations, zh.obligations)):
        if len(ours) < len(theirs):
            modal.append(_count(what, ours, theirs))
    if len(en.permissions) != len(zh.permissions):
        modal.append(_count("permission", en.permissions, zh.permissions))
    return neg, modal


def _count(what: str, ours: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    def listed(words: tuple[str, ...]) -> str:
        return f" ({', '.join(words)})" if words else ""

    plural = "s" if len(ours) != 1 else ""
    return f"{len(ours)} {what}{plural}{listed(ours)} here, {len(theirs)} in the zh-Hans text{listed(theirs)}"


def caption_stance(caption: str, lang: str) -> str:
    """'forbids', 'permits' or '' for an editorial caption."""
    if _CAPTION_FORBID[lang].search(caption):
        return "forbids"
    if _CAPTION_PERMIT[lang].search(caption):
        return "permits"
    return ""
