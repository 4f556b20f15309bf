"""Length, sentences and copies (PARITY-LENGTH, PARITY-SENTENCE, TEXT-COPY), and the
attributes of the grant (GRANT-ATTRIBUTE), on small strings."""

from __future__ import annotations

import pytest

from factories import clause, finding, license_of
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


def test_check_on_a_small_model():
    """Length, sentences and copies at once. The ratio is the median over clauses of 10 or more
    Chinese characters: 40/10, 24/12, 36/12 and 300/12 give 3.5 (s1-5, of 5, does not count);
    s1-4 expects 3.5 × 12 = 42 characters, z = (300 - 42) / √(3.5 × 3.5 × 12) = +21.3."""
    texts = [
        ("s1-1", "甲乙丙丁戊己庚辛壬。", "x" * 39 + "."),
        ("s1-2", "甲" * 11 + "。", "Yyyyyyyyyyy. Zzzzzzzzzzz."),
        ("s1-3", "甲" * 5 + "。" + "乙" * 5 + "。", "w" * 35 + "."),
        ("s1-4", "丙" * 11 + "。", "v" * 299 + "."),
        ("s1-5", "丁" * 4 + "。", "Yyyyyyyyyyy. Zzzzzzzzzzz."),
    ]
    lic = license_of(
        [clause(cid, "item", zh, parent="s1", line=10 + n, lang="zh-Hans") for n, (cid, zh, _) in enumerate(texts)],
        [clause(cid, "item", en, parent="s1", line=20 + n) for n, (cid, _, en) in enumerate(texts)],
    )
    assert alignment.check(lic) == [
        finding(
            "en", 22, "PARITY-SENTENCE", "s1-3", "1 sentence here, 2 in the zh-Hans text: was one moved to another clause or left out?"
        ),
        finding("en", 23, "PARITY-LENGTH", "s1-4", "300 characters, far longer than the 42 the zh-Hans text leads to expect (z = +21.3)"),
        finding(
            "en",
            24,
            "TEXT-COPY",
            "s1-5",
            "the same English text as #s1-2, whose Chinese differs: one of the two translates another clause",
        ),
    ]


@pytest.mark.parametrize(
    ("zh", "en", "message"),
    [
        ("甲。乙。", "A and b.", "1 sentence here, 2 in the zh-Hans text"),
        ("甲。乙。丙！", "A. B, c.", "2 sentences here, 3 in the zh-Hans text"),
        ("甲。乙。", "", "0 sentences here, 2 in the zh-Hans text"),
        ("甲。", "A. B.", None),
        ("甲。乙？", "A? B.", None),
    ],
)
def test_sentences_finding(zh, en, message):
    a, b = clause("s1-1", "item", zh, line=3, lang="zh-Hans"), clause("s1-1", "item", en, line=7)
    expected = [finding("en", 7, "PARITY-SENTENCE", "s1-1", f"{message}: was one moved to another clause or left out?")] if message else []
    assert alignment._sentences(a, b) == expected


def test_length_at_and_beyond_the_limit():
    """The ratio is 2 (the median of 2, 2, 2 and 4/80). s1-5 lies exactly at the limit:
    z = (42 - 2 × 7) / √(3.5 × 2 × 7) = 28 / 7 = 4.0, which is still a translation; s1-4 is
    z = (4 - 160) / √(3.5 × 2 × 80) = -6.6, far shorter."""
    texts = [("s1-1", 10, 20), ("s1-2", 12, 24), ("s1-3", 15, 30), ("s1-4", 80, 4), ("s1-5", 7, 42)]
    lic = license_of(
        [clause(cid, "item", "甲" * zh, parent="s1", line=10 + n, lang="zh-Hans") for n, (cid, zh, _) in enumerate(texts)],
        [clause(cid, "item", "e" * en, parent="s1", line=20 + n) for n, (cid, _, en) in enumerate(texts)],
    )
    assert alignment.untranslated(lic) == {"s1-4"}
    assert alignment.check(lic) == [
        finding("en", 23, "PARITY-LENGTH", "s1-4", "4 characters, far shorter than the 160 the zh-Hans text leads to expect (z = -6.6)"),
    ]


@pytest.mark.parametrize(("en", "message"), [(21, "21 characters, far longer than the 14"), (7, "7 characters, far shorter than the 14")])
def test_longer_or_shorter_is_the_sign_of_z(monkeypatch, en, message):
    """z = (21 - 2 × 7) / √(3.5 × 2 × 7) = +1.0, and (7 - 14) / 7 = -1.0: beyond a limit lowered to 0.5."""
    monkeypatch.setattr(alignment, "LIMIT", 0.5)
    a, b = clause("s1-1", "item", "甲" * 7, line=3, lang="zh-Hans"), clause("s1-1", "item", "e" * en, line=7)
    z = "+1.0" if en > 14 else "-1.0"
    expected = f"{message} the zh-Hans text leads to expect (z = {z})"
    assert alignment._length(a, b, 2.0) == [finding("en", 7, "PARITY-LENGTH", "s1-1", expected)]


@pytest.mark.parametrize(
    ("zh", "en", "ratio", "z"),
    [
        (7, 42, 2.0, 28 / 49**0.5),
        (14, 0, 3.5, -49 / 171.5**0.5),
        (1, 9, 2.0, 7 / 7**0.5),
        (0, 7, 2.0, 7 / 7**0.5),  # an empty Chinese clause counts as one character
    ],
)
def test_zscore_exactly(zh, en, ratio, z):
    """(en - ratio × zh) / √(3.5 × ratio × zh)."""
    assert alignment.zscore(zh, en, ratio) == pytest.approx(z, abs=1e-12)


def test_only_pairs_that_show_text_in_both_languages_are_measured():
    lic = license_of(
        [clause("s1-1", "item", "甲" * 12, line=3, lang="zh-Hans"), clause("s1-2", "item", "乙" * 12, line=5, lang="zh-Hans")],
        [clause("s1-1", "item", "x" * 24, line=3), clause("s1-2", "item", "\u200b\u2060", line=5)],
    )
    assert [(zh.id, en.id) for zh, en in alignment._texts(lic)] == [("s1-1", "s1-1")]
    assert alignment.check(lic) == []


def test_nothing_to_measure():
    assert alignment.check(license_of()) == []
    assert alignment.untranslated(license_of()) == set()


@pytest.mark.parametrize(
    ("texts", "sentence_findings"),
    [
        # No Chinese clause reaches MIN_CHARS, so there is no ratio: lengths are not judged
        # (not even the 300-character one), sentences and copies still are.
        ([("s1-1", "甲乙丙。", "x" * 300 + ".")], []),
        ([("s1-1", "甲。", "A."), ("s1-2", "乙。丙。", "B and c.")], ["s1-2"]),
        ([("s1-1", "甲" * 9, "y" * 9)], []),
        ([("s1-1", "\u3000甲 乙\u3000丙 丁 戊 己 庚 辛", "z" * 50)], []),  # spaces do not count: 8 characters
    ],
)
def test_no_clause_long_enough_to_measure_the_ratio(texts, sentence_findings):
    lic = license_of(
        [clause(cid, "item", zh, parent="s1", line=10 + n, lang="zh-Hans") for n, (cid, zh, _) in enumerate(texts)],
        [clause(cid, "item", en, parent="s1", line=20 + n) for n, (cid, _, en) in enumerate(texts)],
    )
    assert alignment._ratio(alignment._texts(lic)) is None
    assert alignment.untranslated(lic) == set()
    assert [(f.code, f.clause) for f in alignment.check(lic)] == [("PARITY-SENTENCE", cid) for cid in sentence_findings]
    assert parity.check(lic) == []
