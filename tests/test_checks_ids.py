"""Clause IDs (checks/ids.py) on small models: each valid model yields nothing, each
broken one exactly its findings."""

from __future__ import annotations

import pytest

from factories import clause, defterm, finding, item, license_of, section
from licensekit.checks import ids


def formatted(findings) -> list[str]:
    return sorted(f.format() for f in findings)


def pair(*specs):
    """Both languages from (id, kind, parent, line) specs; numbers and text are left out."""
    out = {}
    for lang in ("zh-Hans", "en"):
        out[lang] = [
            section(cid, "", "S", line=line, lang=lang)
            if kind == "section"
            else clause(cid, kind, "x", parent=parent, level=3 if kind != "sub" else 4, line=line, lang=lang)
            for cid, kind, parent, line in specs
        ]
    return out["zh-Hans"], out["en"]


VALID = [
    pytest.param(*pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5)), id="two-clauses"),
    pytest.param(*pair(("s1", "section", None, 3), ("s1-model-derivatives", "item", "s1", 5)), id="hyphenated"),
    pytest.param(*pair(("appendix", "section", None, 3), ("appendix-2-x1", "item", "appendix", 5)), id="digits"),
    pytest.param(*pair(("a", "section", None, 3)), id="one-letter"),
]


@pytest.mark.parametrize("zh,en", VALID)
def test_valid_ids_yield_nothing(zh, en):
    assert ids.check(license_of(zh, en)) == []


@pytest.mark.parametrize("bad", ["S1", "s1.2", "s1--2", "1s", "s_1", "s1-", "é1"])
def test_id_format(bad):
    zh, en = pair(("s1", "section", None, 3), (bad, "item", "s1", 5))
    message = "an ID is lower-case ASCII letters and digits joined by single hyphens"
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [finding("zh-Hans", 5, "ID-FORMAT", bad, message), finding("en", 5, "ID-FORMAT", bad, message)]
    )


def test_inline_term_ids_are_checked_too():
    zh, en = pair(("s1", "section", None, 3))
    for doc in (zh, en):
        doc.append(item("s1-1", "1.", "s1", ["a ", defterm("Mark", "s1-1_mark")], line=5, lang=doc[0].lang))
    message = "an ID is lower-case ASCII letters and digits joined by single hyphens"
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [finding("zh-Hans", 5, "ID-FORMAT", "s1-1_mark", message), finding("en", 5, "ID-FORMAT", "s1-1_mark", message)]
    )


def test_id_missing_names_the_counterpart():
    zh, en = pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5), ("s1-2", "item", "s1", 7))
    zh[2] = item("", "2.", "s1", "x", line=8, lang="zh-Hans")
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [
            finding("zh-Hans", 8, "ID-MISSING", "s1-2", "heading '2.' has no {#id} (the en text has s1-2 here)"),
            finding("en", 7, "ID-UNPAIRED", "s1-2", "no clause with this ID in the zh-Hans text"),
        ]
    )


def test_id_missing_without_a_counterpart():
    zh, en = pair(("s1", "section", None, 3))
    en.append(item("", "1.", "s1", "x", line=9, caption="Extra"))
    assert formatted(ids.check(license_of(zh, en))) == formatted([finding("en", 9, "ID-MISSING", "", "heading '1. Extra' has no {#id}")])


def test_id_duplicate_among_clauses_and_inline_terms():
    zh, en = pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5), ("s1-2", "item", "s1", 7))
    zh.append(item("s1-1", "3.", "s1", "x", line=9, lang="zh-Hans"))
    en[2] = item("s1-2", "2.", "s1", ["a ", defterm("Mark", "s1-1")], line=7)
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [
            finding("zh-Hans", 9, "ID-DUPLICATE", "s1-1", "already used on line 5"),
            finding("en", 7, "ID-DUPLICATE", "s1-1", "already used on line 5"),
        ]
    )


def test_id_unpaired_both_ways():
    zh, en = pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5))
    zh.append(item("s1-zh", "2.", "s1", "x", line=7, lang="zh-Hans"))
    en.append(item("s1-en", "2.", "s1", "x", line=8))
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [
            finding("zh-Hans", 7, "ID-UNPAIRED", "s1-zh", "no clause with this ID in the en text"),
            finding("en", 8, "ID-UNPAIRED", "s1-en", "no clause with this ID in the zh-Hans text"),
        ]
    )


def test_id_order_reports_the_first_difference_only():
    zh, _ = pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5), ("s1-2", "item", "s1", 7), ("s1-3", "item", "s1", 9))
    _, en = pair(("s1", "section", None, 3), ("s1-2", "item", "s1", 5), ("s1-1", "item", "s1", 7), ("s1-3", "item", "s1", 9))
    assert ids.check(license_of(zh, en)) == [finding("en", 5, "ID-ORDER", "s1-2", "out of order: the zh-Hans text has s1-1 here")]


def test_id_parent():
    zh, _ = pair(("s1", "section", None, 3), ("s2", "section", None, 5), ("s2-1", "item", "s2", 7), ("s2-1-i", "sub", "s2-1", 9))
    _, en = pair(("s1", "section", None, 3), ("s2", "section", None, 5), ("s2-1", "item", "s1", 7), ("s2-1-i", "sub", None, 9))
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [
            finding("en", 7, "ID-PARENT", "s2-1", "sits under s1, but under s2 in the zh-Hans text"),
            finding("en", 9, "ID-PARENT", "s2-1-i", "sits under None, but under s2-1 in the zh-Hans text"),
        ]
    )


def test_ids_after_a_missing_one_are_still_checked():
    zh, en = pair(("s1", "section", None, 3), ("s1-1", "item", "s1", 5), ("S-2", "item", "s1", 9))
    zh[1] = item("", "1.", "s1", "x", line=5, lang="zh-Hans")
    message = "an ID is lower-case ASCII letters and digits joined by single hyphens"
    assert formatted(ids.check(license_of(zh, en))) == formatted(
        [
            finding("zh-Hans", 5, "ID-MISSING", "s1-1", "heading '1.' has no {#id} (the en text has s1-1 here)"),
            finding("en", 5, "ID-UNPAIRED", "s1-1", "no clause with this ID in the zh-Hans text"),
            finding("zh-Hans", 9, "ID-FORMAT", "S-2", message),
            finding("en", 9, "ID-FORMAT", "S-2", message),
        ]
    )
