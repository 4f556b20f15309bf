"""Length, sentences and copies (PARITY-LENGTH, PARITY-SENTENCE, TEXT-COPY), and the
attributes of the grant (GRANT-ATTRIBUTE), on small strings."""

from __future__ import annotations

import pytest

from factories import clause, license_of
from licensekit.checks import aligned, alignment, parity

SENTENCES = [
    ("许可方不负责。若由此导致损失，您应当赔偿。", "zh-Hans", 2),
    ("收入损失;", "zh-Hans", 1),
    ("如下条件：", "zh-Hans", 1),
    ("", "zh-Hans", 0),
    ("The Licensor is not liable. You shall compensate it.", "en", 2),
    ("Beijing Baichuan Intelligent Technology Co., Ltd. (北京), or an entity", "en", 2),  # an abbreviation only adds
    ("“Licensor” means the owner.” Then this.", "en", 2),
    ("loss of revenue;", "en", 1),
    ("\u200b", "en", 0),
]


@pytest.mark.parametrize(("text", "lang", "count"), SENTENCES, ids=[r[0][:20] or "empty" for r in SENTENCES])
def test_sentences(text, lang, count):
    assert alignment.sentences(text, lang) == count


ZSCORES = [
    # Chinese length, English length, ratio, |z| beyond the limit?
    (100, 300, 3.0, False),
    (100, 380, 3.0, False),
    (100, 150, 3.0, True),
    (60, 11, 3.0, True),
    (5, 16, 3.0, False),
    (27, 224, 3.0, True),
]


@pytest.mark.parametrize(("zh", "en", "ratio", "flagged"), ZSCORES, ids=[f"{r[0]}->{r[1]}" for r in ZSCORES])
def test_zscore_against_the_limit(zh, en, ratio, flagged):
    assert (abs(alignment.zscore(zh, en, ratio)) > alignment.LIMIT) is flagged


def test_length_counts_no_spaces():
    assert alignment.length("a b\n\nc") == 3


COPY_KEYS = [
    ("loss of use of software; or", "loss of use of software"),
    ("Loss of Revenue;", "loss of revenue"),
    ("loss of business and", "loss of business"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "key"), COPY_KEYS, ids=[r[0] or "empty" for r in COPY_KEYS])
def test_copy_key(text, key):
    assert alignment._copy_key(text) == key


def test_the_real_text_is_aligned(lic):
    assert alignment.check(lic) == []


ATTRIBUTES = [
    (
        "非排他性、全球性、不可转让、不可再许可、可撤销、免版税的版权许可",
        "zh-Hans",
        ["non-exclusive", "non-sublicensable", "non-transferable", "revocable", "royalty-free", "worldwide"],
    ),
    (
        "a non-exclusive, worldwide, non-transferable, non-sublicensable, revocable, royalty-free license",
        "en",
        ["non-exclusive", "non-sublicensable", "non-transferable", "revocable", "royalty-free", "worldwide"],
    ),
    ("an exclusive, irrevocable, perpetual license", "en", ["exclusive", "irrevocable", "perpetual"]),
    ("a nonexclusive, transferable, sublicensable, global license", "en", ["worldwide", "non-exclusive", "sublicensable", "transferable"]),
    ("不可撤销、可转让的许可", "zh-Hans", ["irrevocable", "transferable"]),
    ("a license free of charge that is not transferable", "en", ["non-transferable", "royalty-free"]),
]


@pytest.mark.parametrize(("text", "lang", "found"), ATTRIBUTES, ids=[r[0][:20] for r in ATTRIBUTES])
def test_grant_attributes(text, lang, found):
    assert parity._attributes(text, lang) == sorted(found)


def _pairs_of(zh_ids: list[str], en_ids: list[str]) -> list[str]:
    zh = [clause(i, "paragraph", "甲", lang="zh-Hans") for i in zh_ids]
    en = [clause(i, "paragraph", "a") for i in en_ids]
    return [(a.id, b.id) for a, b in aligned.pairs(license_of(zh=zh, en=en))]


@pytest.mark.parametrize(
    ("zh", "en", "compared"),
    [
        (["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"]),
        (["a", "x", "b", "c"], ["a", "b", "c"], ["a", "b", "c"]),  # a clause of one text only moves no other
        (["a", "b", "c"], ["a", "y", "b", "c"], ["a", "b", "c"]),
        (["a", "b", "c"], ["a", "c", "b"], ["a"]),  # swapped: neither is at its place
        (["a", "b", "b", "c"], ["a", "b", "c"], ["a"]),  # used twice in one text: it, and what it shifts, are not compared
    ],
)
def test_only_aligned_pairs_are_compared(zh, en, compared):
    assert _pairs_of(zh, en) == [(i, i) for i in compared]
