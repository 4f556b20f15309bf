"""The Chinese source reproduces the original, and any change to it is caught."""

from __future__ import annotations

import hashlib
import random

import pytest

from licensekit.checks import fidelity


def test_original_is_the_seed(lic):
    digest = hashlib.sha256((lic.root / lic.metadata["original"]["path"]).read_bytes()).hexdigest()
    assert digest == "f049634b91e0e0b3011a7d2f999173fcb67230c4af9adc1b1a82719c474872c1"


def test_same_characters_in_the_same_order(lic):
    source = "".join(c for c, _, _ in fidelity.source_chars(lic))
    original = "".join(c for c, _ in fidelity.original_chars(lic.original))
    assert source == original
    assert len(source) > 3000


def test_oddities_are_kept(lic):
    zh = lic.zh.by_id()
    assert "利润 损失" in zh["s4-3-ii"].text
    assert "训练， 并" in zh["s4-2"].text
    assert '"标识"' in zh["s3-2"].text
    assert zh["s1-data"].text.count("数据集中提取的信息和/或内容的集合") == 2


def _mutate(lic, index: int, op: str):
    """A copy of the model with one character of one paragraph changed, dropped or doubled."""
    import copy

    other = copy.deepcopy(lic)
    paras = [(c, p) for c in other.zh.clauses for p in c.paragraphs]
    clause, para = paras[index % len(paras)]
    spans = para.spans
    k = next(i for i, s in enumerate(spans) if s.kind == "text" and s.text.strip())
    text = spans[k].text
    pos = next(i for i, ch in enumerate(text) if not ch.isspace())
    new = {"change": text[:pos] + "〇" + text[pos + 1 :], "drop": text[:pos] + text[pos + 1 :], "add": text[:pos] + "〇" + text[pos:]}[op]
    spans[k] = type(spans[k])("text", new)
    return other, clause.id


@pytest.mark.parametrize("op,code", [("change", "TEXT-CHANGED"), ("drop", "TEXT-DROPPED"), ("add", "TEXT-ADDED")])
@pytest.mark.parametrize("seed", range(5))
def test_one_character_anywhere_is_caught(lic, op, code, seed):
    index = random.Random(seed).randrange(1000)
    mutated, clause = _mutate(lic, index, op)
    found = [(f.code, f.clause) for f in fidelity.check(mutated) if f.code.startswith("TEXT-")]
    assert found == [(code, clause)]


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
