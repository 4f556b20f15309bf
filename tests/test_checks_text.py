"""Clause text and fidelity to the original (checks/text.py, checks/fidelity.py) on small models."""

from __future__ import annotations

import hashlib

import pytest

from factories import clause, finding, item, license_of, section
from licensekit.checks import fidelity, text
from licensekit.checks.errata import check as errata_check


def formatted(findings) -> list[str]:
    return sorted(f.format() for f in findings)


def text_model(**changes):
    """A section, an item with a sub-item, an empty parent item and a field, in both languages."""
    docs = {}
    for lang in ("zh-Hans", "en"):
        clauses = [
            section("s1", "I.", changes.get("title", "Rules"), line=3, lang=lang),
            item("s1-1", "1.", "s1", *changes.get("s1-1", ["Text."]), line=5, lang=lang),
            item("s1-2", "2.", "s1", line=9, lang=lang),
            item("s1-2-i", "(i)", "s1-2", "Sub.", level=4, line=11, lang=lang),
            clause("s1-3", "field", *changes.get("s1-3", []), parent="s1", title="Name", line=15, lang=lang),
            clause("s1-4", "paragraph", *changes.get("s1-4", ["Note."]), parent="s1", caption="Note", line=17, lang=lang),
            clause("s1-5", "definition", *changes.get("s1-5", ["“X” means y."]), parent="s1", caption="X", line=19, lang=lang),
        ]
        docs[lang] = clauses
    return license_of(docs["zh-Hans"], docs["en"])


def test_text_of_a_valid_model():
    assert text.check(text_model()) == []


@pytest.mark.parametrize("title", ["", "0"[:0]])
def test_text_empty_for_a_section_without_a_title(title):
    found = text.check(text_model(title=title))
    assert formatted(found) == formatted([finding(lang, 3, "TEXT-EMPTY", "s1", "a section needs a title") for lang in ("zh-Hans", "en")])


@pytest.mark.parametrize(
    "cid,line,change", [("s1-1", 5, {"s1-1": []}), ("s1-1", 5, {"s1-1": ["  "]}), ("s1-4", 17, {"s1-4": []}), ("s1-5", 19, {"s1-5": []})]
)
def test_text_empty_for_a_clause_without_text(cid, line, change):
    found = text.check(text_model(**change))
    assert formatted(found) == formatted([finding(lang, line, "TEXT-EMPTY", cid, "the clause has no text") for lang in ("zh-Hans", "en")])


@pytest.mark.parametrize("paras", [["Jane Doe"], ["x", "y"]])
def test_text_unexpected_in_a_form_field(paras):
    found = text.check(text_model(**{"s1-3": paras}))
    assert formatted(found) == formatted(
        [finding(lang, 15, "TEXT-UNEXPECTED", "s1-3", "a form field is its heading alone") for lang in ("zh-Hans", "en")]
    )


# -- fidelity -------------------------------------------------------------------------

ORIGINAL = "T\n一、定义\n1. Ab 12，文本。\n2. 数据\n"
SHA = hashlib.sha256(ORIGINAL.encode()).hexdigest()
PINNED = {"original": {"path": "original/x.txt", "sha256": SHA}}


@pytest.fixture
def pinned(monkeypatch):
    """The checker pins the real original's hash and size: here it pins this small one instead."""
    monkeypatch.setattr(fidelity, "ORIGINAL_SHA256", SHA)
    monkeypatch.setattr(fidelity, "ORIGINAL_CHARS", len(fidelity.original_text(ORIGINAL)))


def fidelity_model(item1="Ab 12，文本。", item2="数据", errata=(), metadata=PINNED, original=ORIGINAL):
    zh = [
        section("s1", "一、", "定义", line=3, lang="zh-Hans"),
        item("s1-1", "1.", "s1", item1, line=5, lang="zh-Hans"),
        item("s1-2", "2.", "s1", item2, line=9, lang="zh-Hans"),
    ]
    lic = license_of(zh, [], errata=list(errata), metadata=metadata, original=original)
    lic.zh.front_title = "T"  # the original's first line
    return lic


def test_fidelity_of_a_faithful_model(pinned):
    assert fidelity.check(fidelity_model()) == []
    assert fidelity.check(fidelity_model("A b\n12 ， 文本。")) == []  # whitespace is free


COMPARE = [
    # (item 1 as edited, code, message): Latin letters, digits, ASCII and Chinese punctuation, Han
    ("A 12，文本。", "TEXT-DROPPED", "the original's “b” is missing, after “、定义1.A” (original line 3)"),
    ("Ab 1，文本。", "TEXT-DROPPED", "the original's “2” is missing, after “义1.Ab1” (original line 3)"),
    ("Ab 12文本。", "TEXT-DROPPED", "the original's “，” is missing, after “1.Ab12” (original line 3)"),
    ("Ax 12，文本。", "TEXT-CHANGED", "“x” where the original has “b”, after “、定义1.A” (original line 3)"),
    ("Ab 17，文本。", "TEXT-CHANGED", "“7” where the original has “2”, after “义1.Ab1” (original line 3)"),
    ("Ab 12,文本。", "TEXT-CHANGED", "“,” where the original has “，”, after “1.Ab12” (original line 3)"),
    ("Ab 12，文体。", "TEXT-CHANGED", "“体” where the original has “本”, after “Ab12，文” (original line 3)"),
    ("Ab 12，文本。.", "TEXT-ADDED", "“.” is not in the original, after “12，文本。” (original line 4)"),
    ("Abc 12，文本。", "TEXT-ADDED", "“c” is not in the original, after “定义1.Ab” (original line 3)"),
]


@pytest.mark.parametrize("edited,code,message", COMPARE, ids=[m[0] for m in COMPARE])
def test_fidelity_catches_one_character(pinned, edited, code, message):
    assert fidelity.check(fidelity_model(edited)) == [finding("zh-Hans", 7, code, "s1-1", message)]


def test_fidelity_in_a_heading(pinned):
    lic = fidelity_model()
    lic.zh.clauses[0].title = "定意"
    assert fidelity.check(lic) == [
        finding("zh-Hans", 3, "TEXT-CHANGED", "s1", "“意” where the original has “义”, after “T一、定” (original line 2)")
    ]


def test_erratum_naming_no_clause(pinned):
    errata = [{"id": "e1", "kind": "wording", "clause": "s9", "printed": "数据"}, {"id": "e2", "kind": "wording", "printed": "x"}]
    lic = fidelity_model(errata=errata)
    assert fidelity.check(lic) == []  # errata are checked by checks/errata.py, not by the comparison
    assert errata_check(lic) == [
        finding("errata.yaml", 10, "META-CLAUSE", "s9", "erratum e1 names no clause of the zh-Hans text"),
        finding("errata.yaml", 11, "META-CLAUSE", "", "erratum e2 names no clause of the zh-Hans text"),
    ]


def test_stale_errata(pinned):
    errata = [
        {"id": "w", "kind": "wording", "clause": "s1-2", "printed": "数 据"},
        {"id": "n", "kind": "numbering", "clause": "s1-2", "printed": "2", "expected": "3."},
        {"id": "ok", "kind": "wording", "clause": "s1-2", "printed": "2.数"},
        {"id": "ok2", "kind": "numbering", "clause": "s1-2", "printed": "2.", "expected": "3."},
    ]
    lic = fidelity_model(errata=errata)
    assert fidelity.check(lic) == []
    unfounded = "the checker finds no {} oddity {!r} in the original, and it is not a reviewed erratum (checks/errata.py REVIEWED)"
    assert errata_check(lic) == [
        finding("errata.yaml", 10, "ERRATUM-STALE", "s1-2", "erratum w: '数 据' is not printed in this clause"),
        finding("errata.yaml", 11, "ERRATUM-STALE", "s1-2", "erratum n: '2' is not printed in this clause"),
        # ok and ok2 are printed there (not stale); this small original has no such oddity to found them
        finding("errata.yaml", 12, "ERRATUM-UNFOUNDED", "s1-2", "erratum ok: " + unfounded.format("wording", "2.数")),
        finding("errata.yaml", 13, "ERRATUM-UNFOUNDED", "s1-2", "erratum ok2: " + unfounded.format("numbering", "2.")),
    ]


def test_original_hash(pinned):
    assert fidelity.check(fidelity_model(metadata=PINNED)) == []
    bad = {"original": {"path": "original/x.txt", "sha256": "0" * 64}}
    assert fidelity.check(fidelity_model(metadata=bad)) == [
        finding("metadata.yaml", 1, "ORIGINAL-HASH", "", f"original/x.txt has SHA-256 {SHA}, not the recorded {'0' * 64}"),
        finding("metadata.yaml", 1, "ORIGINAL-PIN", "", f"original.sha256 is {'0' * 64}, but the checker pins {SHA} (checks/fidelity.py)"),
    ]


def test_a_short_original_is_truncated_and_not_compared():
    # Unpatched, the checker pins the real original: this small one is far too short and not its hash.
    real, n = fidelity.ORIGINAL_SHA256, fidelity.ORIGINAL_CHARS
    assert fidelity.check(fidelity_model("Ax 12，文本。")) == [
        finding("original/x.txt", 1, "ORIGINAL-SHORT", "", f"original/x.txt has 19 characters, the pinned original {n}: it is truncated"),
        finding("metadata.yaml", 1, "ORIGINAL-PIN", "", f"original.sha256 is {SHA}, but the checker pins {real} (checks/fidelity.py)"),
    ]
    assert fidelity.check(fidelity_model(original=" \n")) == [
        finding("original/x.txt", 1, "ORIGINAL-EMPTY", "", "original/x.txt is empty or only whitespace: the Chinese text cannot be checked")
    ]


@pytest.mark.parametrize(
    ("cid", "line", "paras", "shown"),
    [("s1-1", 5, ["\u200b"], "U+200B"), ("s1-4", 17, ["\u2060\u200b", "\u200b"], "U+200B, U+2060")],
)
def test_text_invisible_for_a_clause_of_invisible_characters(cid, line, paras, shown):
    found = text.check(text_model(**{cid: paras}))
    message = f"the clause text is only invisible characters ({shown})"
    assert formatted(found) == formatted([finding(lang, line, "TEXT-INVISIBLE", cid, message) for lang in ("zh-Hans", "en")])
