"""The Chinese source reproduces the original, and any change to it is caught.

The oracle is independent of the checker: the original's characters are read from the
seed file, and the source's by plain patterns over zh.md (casebook.markdown_chars).
"""

from __future__ import annotations

import copy
import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from casebook import LICENSE, SEED, markdown_chars, seed_chars
from licensekit.checks import fidelity
from licensekit.model import Finding, Span


def test_original_is_the_seed(lic):
    assert (lic.root / lic.metadata["original"]["path"]).resolve() == SEED.resolve()
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == "f049634b91e0e0b3011a7d2f999173fcb67230c4af9adc1b1a82719c474872c1"


def test_same_characters_in_the_same_order(lic):
    original = seed_chars()
    assert len(original) > 3000
    assert markdown_chars((LICENSE / "zh.md").read_text(encoding="utf-8")) == original
    # The checker's own view of both texts agrees with the oracle.
    assert "".join(c for c, _, _ in fidelity.source_chars(lic)) == original
    assert "".join(c for c, _ in fidelity.original_chars(lic.original)) == original


def test_oddities_are_kept(lic):
    zh = lic.zh.by_id()
    assert "利润 损失" in zh["s4-3-ii"].text
    assert "训练， 并" in zh["s4-2"].text
    assert '"标识"' in zh["s3-2"].text
    assert zh["s1-data"].text.count("数据集中提取的信息和/或内容的集合") == 2


# -- one character, anywhere ---------------------------------------------------------


def test_the_hash_is_pinned_in_code_and_metadata_alike(lic):
    assert lic.metadata["original"]["sha256"] == fidelity.ORIGINAL_SHA256
    assert hashlib.sha256((lic.root / lic.metadata["original"]["path"]).read_bytes()).hexdigest() == fidelity.ORIGINAL_SHA256


@pytest.mark.parametrize(
    "a,b,edits",
    [
        ("不得使用", "不得使用", []),
        ("可以使用", "不得使用", [fidelity.Edit(0, 2, 0, 2)]),
        ("不得使用", "不使用", [fidelity.Edit(1, 2, 1, 1)]),
        ("不使用", "不得使用", [fidelity.Edit(1, 1, 1, 2)]),
        ("甲乙丙丁", "甲丙丁戊", [fidelity.Edit(1, 2, 1, 1), fidelity.Edit(4, 4, 3, 4)]),
    ],
)
def test_diff(a, b, edits):
    assert list(fidelity.diff(a, b)) == edits


@pytest.mark.parametrize("ch", ["\u3000", "\u00a0", "\t", "\u2028", "\u001f", "\u0085", "\u200b"])
def test_only_space_and_line_feed_are_free(lic, ch):
    import copy

    other = copy.deepcopy(lic)
    para = other.zh.by_id()["s2-1"].paragraphs[0]
    first = para.spans[0]
    para.spans[0] = type(first)("text", first.text.replace("不得", f"不{ch}得", 1))
    assert [(f.code, f.clause) for f in fidelity.check(other)] == [("TEXT-ADDED", "s2-1")]


def test_a_long_change_is_quoted_short(lic):
    import copy

    other = copy.deepcopy(lic)
    para = other.zh.by_id()["s4-3-i"].paragraphs[0]
    para.spans[0] = type(para.spans[0])("text", para.spans[0].text + "许可" * 500_000)
    found = fidelity.check(other)
    assert [(f.code, f.clause) for f in found] == [("TEXT-ADDED", "s4-3-i")]
    assert len(found[0].message) < 200
    assert "(1000000 characters)" in found[0].message


def test_short_and_empty_originals_stop_the_comparison(lic):
    import copy

    for original, code in [
        ("", "ORIGINAL-EMPTY"),
        (" \n \n", "ORIGINAL-EMPTY"),
        (lic.original[: len(lic.original) // 2], "ORIGINAL-SHORT"),
    ]:
        other = copy.deepcopy(lic)
        other.original = original
        codes = [f.code for f in fidelity.check(other)]
        assert code in codes and not [c for c in codes if c.startswith("TEXT-")], codes


def test_the_pinned_size_is_the_original(lic):
    assert len(fidelity.original_text(lic.original)) == fidelity.ORIGINAL_CHARS


@dataclass
class Slot:
    """Where one character of the Chinese text lives in the model."""

    kind: str  # "title" | "number" | "heading" | "span"
    clause: str
    line: int
    index: int  # clause index in the document, -1 for the title
    para: int
    span: int
    pos: int  # position of the character in its string
    char: str


def slots(lic) -> list[Slot]:
    out = [Slot("title", "", lic.zh.title_line, -1, 0, 0, i, ch) for i, ch in enumerate(lic.zh.title) if not ch.isspace()]
    for k, clause in enumerate(lic.zh.clauses):
        out += [Slot("number", clause.id, clause.line, k, 0, 0, i, ch) for i, ch in enumerate(clause.number) if not ch.isspace()]
        out += [Slot("heading", clause.id, clause.line, k, 0, 0, i, ch) for i, ch in enumerate(clause.title) if not ch.isspace()]
        for p, para in enumerate(clause.paragraphs):
            for s, span in enumerate(para.spans):
                out += [Slot("span", clause.id, para.line, k, p, s, i, ch) for i, ch in enumerate(span.text) if not ch.isspace()]
    return out


def edit(lic, slot: Slot, op: str, new: str):
    """A copy of the model with the slot's character changed to `new`, dropped, or `new` added before it."""
    other = copy.copy(lic)
    other.docs = {**lic.docs, "zh-Hans": copy.deepcopy(lic.zh)}

    def apply(text: str) -> str:
        i = slot.pos
        return {"change": text[:i] + new + text[i + 1 :], "drop": text[:i] + text[i + 1 :], "add": text[:i] + new + text[i:]}[op]

    if slot.kind == "title":
        other.zh.title = apply(other.zh.title)
    else:
        clause = other.zh.clauses[slot.index]
        if slot.kind == "number":
            clause.number = apply(clause.number)
        elif slot.kind == "heading":
            clause.title = apply(clause.title)
        else:
            spans = clause.paragraphs[slot.para].spans
            spans[slot.span] = Span(spans[slot.span].kind, apply(spans[slot.span].text), spans[slot.span].target)
    return other


def replacement(ch: str) -> str:
    """A different character of the same class: a digit for a digit, a letter for a letter, else 〇."""
    if ch.isdigit():
        return "7" if ch != "7" else "8"
    if ch.isascii() and ch.isalpha():
        return "q" if ch != "q" else "z"
    if ch.isascii():
        return "!" if ch != "!" else "?"
    return "〇"


def expected(lic, every: list[Slot], slot: Slot, op: str, new: str) -> Finding:
    """The finding, worked out from the seed file: position `at` in the original's characters."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    orig = [(ch, n) for n, line in enumerate(lines, start=1) for ch in re.sub(r"\s", "", line)]
    at = every.index(slot)
    before = "".join(c for c, _ in orig[max(0, at - fidelity.CONTEXT) : at])
    if op == "change":
        code, message = "TEXT-CHANGED", f"“{new}” where the original has “{slot.char}”"
    elif op == "drop":
        code, message = "TEXT-DROPPED", f"the original's “{slot.char}” is missing"
    else:
        code, message = "TEXT-ADDED", f"“{new}” is not in the original"
    # A dropped character is reported where the text goes on: at the next character.
    where = every[at + 1] if op == "drop" else slot
    return Finding(lic.zh.path, where.line, code, where.clause, f"{message}, after “{before}” (original line {orig[at][1]})")


def sample(every: list[Slot], seed: int) -> list[Slot]:
    """Positions across the whole text, by a fixed seed: some of every sort, plus random ones.

    A dropped or added character next to the same character could be reported a place
    earlier, so such positions are left out, and so is the very last character.
    """
    flat = "".join(s.char for s in every)
    fair = [s for i, s in enumerate(every) if (i == 0 or flat[i - 1] != s.char) and i + 1 < len(flat) and flat[i + 1] != s.char]
    rng = random.Random(seed)
    sorts = {
        "title": [s for s in fair if s.kind == "title"],
        "number": [s for s in fair if s.kind == "number"],
        "heading": [s for s in fair if s.kind == "heading"],
        "digit": [s for s in fair if s.char.isdigit()],
        "latin": [s for s in fair if s.char.isascii() and s.char.isalpha()],
        "ascii-punctuation": [s for s in fair if s.char.isascii() and not s.char.isalnum()],
        "han": [s for s in fair if "\u4e00" <= s.char <= "\u9fff"],
        "mid-paragraph": [s for s in fair if s.kind == "span" and s.pos > 5],
    }
    assert all(sorts.values()), [k for k, v in sorts.items() if not v]
    return [rng.choice(group) for group in sorts.values()] + rng.sample(fair, 4)


@pytest.mark.parametrize("op", ["change", "drop", "add"])
@pytest.mark.parametrize("seed", range(3))
def test_one_character_anywhere_is_caught(lic, op, seed):
    every = slots(lic)
    for slot in sample(every, seed):
        new = replacement(slot.char)
        found = [f for f in fidelity.check(edit(lic, slot, op, new)) if f.code.startswith("TEXT-")]
        assert found == [expected(lic, every, slot, op, new)], (slot.kind, slot.clause, slot.char)


@pytest.mark.parametrize(
    ("length", "quoted"),
    [
        (0, "“”"),
        (59, "“" + "许" * 59 + "”"),
        (60, "“" + "许" * 60 + "”"),
        (61, "“" + "许" * 50 + "…” (61 characters)"),
        (1000, "“" + "许" * 50 + "…” (1000 characters)"),
    ],
    ids=["empty", "59", "60", "61", "1000"],
)
def test_a_quote_is_whole_up_to_sixty_characters(length, quoted):
    assert fidelity._quote("许" * length) == quoted


PIN = "f049634b91e0e0b3011a7d2f999173fcb67230c4af9adc1b1a82719c474872c1"
NOT_CHECKED = "the Chinese text cannot be checked"


def _small(original: str, meta: dict | None):
    from factories import license_of

    lic = license_of(original=original, metadata={} if meta is None else {"original": meta})
    lic.lines[lic.path("metadata.yaml")] = {("original",): 6, ("original", "sha256"): 7}
    return lic


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


ORIGINALS = [
    pytest.param(
        "", None, [("metadata.yaml", 7, "ORIGINAL-EMPTY", f"metadata.yaml names no original (original.path): {NOT_CHECKED}")], id="unnamed"
    ),
    pytest.param(
        " \n \n",
        {"path": "original/x.txt", "sha256": PIN},
        [("original/x.txt", 1, "ORIGINAL-EMPTY", f"original/x.txt is empty or only whitespace: {NOT_CHECKED}")],
        id="blank",
    ),
    pytest.param(
        "甲 乙\n",
        {"path": "original/x.txt", "sha256": PIN},
        [
            ("original/x.txt", 1, "ORIGINAL-SHORT", "original/x.txt has 2 characters, the pinned original 3159: it is truncated"),
            ("metadata.yaml", 7, "ORIGINAL-HASH", "original/x.txt has SHA-256 " + _sha("甲 乙\n") + f", not the recorded {PIN}"),
        ],
        id="short",
    ),
    pytest.param(
        "甲乙",
        {"path": "original/x.txt"},
        [
            ("original/x.txt", 1, "ORIGINAL-SHORT", "original/x.txt has 2 characters, the pinned original 3159: it is truncated"),
            ("metadata.yaml", 7, "ORIGINAL-HASH", f"original/x.txt has SHA-256 {_sha('甲乙')}, not the recorded "),
            ("metadata.yaml", 7, "ORIGINAL-PIN", f"original.sha256 is missing, but the checker pins {PIN} (checks/fidelity.py)"),
        ],
        id="unpinned",
    ),
    pytest.param(
        "甲乙",
        {"path": "original/x.txt", "sha256": _sha("甲乙")},
        [
            ("original/x.txt", 1, "ORIGINAL-SHORT", "original/x.txt has 2 characters, the pinned original 3159: it is truncated"),
            ("metadata.yaml", 7, "ORIGINAL-PIN", f"original.sha256 is {_sha('甲乙')}, but the checker pins {PIN} (checks/fidelity.py)"),
        ],
        id="pinned-elsewhere",
    ),
]


@pytest.mark.parametrize(("n", "usable", "short"), [(8, False, True), (9, True, False), (10, True, False)])
def test_an_original_of_exactly_nine_tenths_is_not_short(monkeypatch, n, usable, short):
    monkeypatch.setattr(fidelity, "ORIGINAL_CHARS", 10)  # nine tenths: 9 characters
    lic = _small("甲" * n, {"path": "original/x.txt", "sha256": PIN})
    hashed = ("metadata.yaml", 7, "ORIGINAL-HASH", f"original/x.txt has SHA-256 {_sha('甲' * n)}, not the recorded {PIN}")
    truncated = ("original/x.txt", 1, "ORIGINAL-SHORT", f"original/x.txt has {n} characters, the pinned original 10: it is truncated")
    expected = [truncated, hashed] if short else [hashed]
    assert fidelity.usable(lic) is usable
    assert fidelity._original(lic) == [Finding(Path("lic") / name, line, code, "", message) for name, line, code, message in expected]


@pytest.mark.parametrize(("original", "meta", "expected"), ORIGINALS)
def test_original_rules_on_a_small_model(original, meta, expected):
    want = [Finding(Path("lic") / name, line, code, "", message) for name, line, code, message in expected]
    assert fidelity._original(_small(original, meta)) == want


@pytest.mark.parametrize(
    ("original", "title", "expected"),
    [
        ("百川 模型 许可协议\n正文", "百川模型许可协议", None),
        ("\n \n百川模型\n许可协议\n", "百川 模型", None),
        ("", "任意", None),
        ("百川 模型 许可协议\n正文", "百川模型协议", "title is “百川模型协议”, not the original's title “百川 模型 许可协议”"),
        ("百川模型许可协议", "", "title is “”, not the original's title “百川模型许可协议”"),
        ("\n百川模型\n", "正文", "title is “正文”, not the original's title “百川模型”"),
        # only spaces and line feeds are free: a line of an ideographic space is the first line
        ("\u3000\n百川模型\n", "百川模型", "title is “百川模型”, not the original's title “\u3000”"),
    ],
)
def test_front_title_on_a_small_model(original, title, expected):
    lic = _small(original, None)
    lic.zh.front_title, lic.zh.front_title_line = title, 3
    assert fidelity._front_title(lic) == ([Finding(Path("lic/zh.md"), 3, "FRONT-MATTER", "", expected)] if expected else [])


def _compare_model(zh_title: str, clauses: list, original: str):
    from factories import license_of

    return license_of(clauses, original=original, zh_title=zh_title)


def _s1(*paras):
    from factories import section

    return section("s1", "一、", "定义", *paras, line=7, lang="zh-Hans")


ORIGINAL_SMALL = "甲\n一、定义\n乙\n"
COMPARED = [
    pytest.param("甲", [_s1("乙")], ORIGINAL_SMALL, [], id="same"),
    pytest.param(
        "",
        [],
        ORIGINAL_SMALL,
        [("TEXT-DROPPED", "", 1, "the original's “甲一、定义乙” is missing, after “” (original line 1)")],
        id="empty-source",
    ),
    # the last character and the one before it are on different lines: a difference at the
    # end is placed on the last one's line
    pytest.param(
        "甲",
        [_s1("乙")],
        "甲\n一、定义\n乙丙\n",
        [("TEXT-DROPPED", "s1", 9, "the original's “丙” is missing, after “甲一、定义乙” (original line 3)")],
        id="end-dropped",
    ),
    pytest.param(
        "甲",
        [_s1("丙")],
        ORIGINAL_SMALL,
        [("TEXT-CHANGED", "s1", 9, "“丙” where the original has “乙”, after “甲一、定义” (original line 3)")],
        id="last-changed",
    ),
    pytest.param(
        "甲",
        [_s1("乙丁")],
        ORIGINAL_SMALL,
        [("TEXT-ADDED", "s1", 9, "“丁” is not in the original, after “甲一、定义乙” (original line 3)")],
        id="end-added",
    ),
    pytest.param("甲", [], "", [("TEXT-ADDED", "", 5, "“甲” is not in the original, after “” (original line 0)")], id="empty-original"),
]


@pytest.mark.parametrize(("title", "clauses", "original", "expected"), COMPARED)
def test_compare_on_a_small_model(title, clauses, original, expected):
    want = [Finding(Path("lic/zh.md"), line, code, clause, message) for code, clause, line, message in expected]
    assert fidelity._compare(_compare_model(title, clauses, original)) == want
