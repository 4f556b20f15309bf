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
