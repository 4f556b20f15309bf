"""The negation and modal counts behind PARITY-NEGATION, PARITY-MODAL and PARITY-CAPTION."""

from __future__ import annotations

import pytest

from licensekit.polarity import Polarity, caption_stance, compare, polarity

ZH = [
    # text, negations, prohibitions, obligations, permissions
    ("您不得出于任何军事或非法目的使用", ("不", "非"), ("不得",), (), ()),
    ("非排他性、不可转让、免版税", ("非", "不"), (), (), ()),
    ("否则许可方将按现状授予，未来亦然，无论如何", (), (), (), ()),
    ("协商不成时，向法院提起诉讼", (), (), (), ()),
    ("禁止用于军事目的", ("禁止",), ("禁止",), (), ()),
    ("您应当事先登记，并遵守相应数据集的许可协议", (), (), ("应当",), ()),
    ("需自行训练，如果您需要满足其他要求", (), (), ("需",), ()),
    ("您不应转让，也不必登记", ("不", "不"), ("不应",), (), ()),
    ("您可以修改，可能包含个人信息，许可方有权处理", (), (), (), ("可以", "可能", "有权")),
    ("所有权归许可方，可能对模型拥有权利", (), (), (), ("可能",)),
    ("您不可以使用，这不可能", ("不", "不"), ("不可以",), (), ()),
    ("违法违规行为，并排除冲突法的适用", ("违法", "违规", "排除"), (), (), ()),
    ("也不得向他人明示或暗示有权展示，您可以主张", ("不",), ("不得",), (), ("可以",)),  # a right under 不得 is forbidden
]
EN = [
    ("You must not use the Model for any military or illegal purpose.", ("not", "illegal"), ("must not",), (), ()),
    ("a non-exclusive, worldwide, non-transferable license", ("non-exclusive", "non-transferable"), (), (), ()),
    ("Under no circumstances may You use it, nor may You permit others.", ("no", "nor"), ("no circumstances may", "nor may"), (), ()),
    ("Under no circumstances shall the Licensor be liable. You shall compensate it.", ("no",), ("no circumstances shall",), ("shall",), ()),
    ("You shall register; You must state changes; You are required to report.", (), (), ("shall", "must", "are required to"), ()),
    ("You may modify it, and You have the right to claim; it may contain data.", (), (), (), ("may", "have the right", "may")),
    (
        "You cannot use it and You don't need to, unless excluding Hong Kong.",
        ("cannot", "don't", "unless", "excluding"),
        ("cannot",),
        (),
        (),
    ),
    ("for purposes other than Commercial Use, without consent", ("other than", "without"), (), (), ()),
    ("Note: the notion of notices is not a denial.", ("not",), (), (), ()),
    ("Use is prohibited; it is unlawful and irrevocable.", ("prohibited", "unlawful", "irrevocable"), ("is prohibited",), (), ()),
    ("nor may You imply that You have the right to display, and You may claim", ("nor",), ("nor may",), (), ("may",)),
]


@pytest.mark.parametrize(("text", "neg", "prohibit", "oblige", "permit"), ZH, ids=[row[0][:12] for row in ZH])
def test_chinese_counts(text, neg, prohibit, oblige, permit):
    assert polarity(text, "zh-Hans") == Polarity(neg, prohibit, oblige, permit)


@pytest.mark.parametrize(("text", "neg", "prohibit", "oblige", "permit"), EN, ids=[row[0][:24] for row in EN])
def test_english_counts(text, neg, prohibit, oblige, permit):
    assert polarity(text, "en") == Polarity(neg, prohibit, oblige, permit)


COMPARE = [
    # zh, en, negation problems, modal problems
    ("您不得使用。", "You must not use it.", [], []),
    (
        "您不得使用。",
        "You must use it.",
        ["0 negations here, 1 in the zh-Hans text (不)"],
        ["0 prohibitions here, 1 in the zh-Hans text (不得)"],
    ),
    (
        "您应当登记。",
        "You may register.",
        [],
        ["0 obligations here, 1 in the zh-Hans text (应当)", "1 permission (may) here, 0 in the zh-Hans text"],
    ),
    ("由您承担责任。", "You shall bear liability.", [], []),  # English legal style adds "shall"
    ("您可以主张。", "You must claim.", [], ["0 permissions here, 1 in the zh-Hans text (可以)"]),
    ("许可方不对损失负责。", "Under no circumstances shall the Licensor be liable.", [], []),
    (
        "您可以修改。",
        "You may not modify.",
        ["1 negation (not) here, 0 in the zh-Hans text"],
        ["0 permissions here, 1 in the zh-Hans text (可以)"],
    ),
]


@pytest.mark.parametrize(("zh", "en", "neg", "modal"), COMPARE, ids=[row[1] for row in COMPARE])
def test_compare(zh, en, neg, modal):
    assert compare(polarity(zh, "zh-Hans"), polarity(en, "en")) == (neg, modal)


CAPTIONS = [
    ("不得用于军事或非法目的", "zh-Hans", "forbids"),
    ("禁止用于军事或非法目的", "zh-Hans", "forbids"),
    ("可用于军事目的", "zh-Hans", "permits"),
    ("可以用于军事或非法目的", "zh-Hans", "permits"),
    ("许可方不承担责任", "zh-Hans", ""),
    ("所有权归许可方", "zh-Hans", ""),
    ("许可的授予", "zh-Hans", ""),
    ("No military or illegal use", "en", "forbids"),
    ("Military use not allowed", "en", "forbids"),
    ("Military use allowed", "en", "permits"),
    ("Military or illegal use permitted", "en", "permits"),
    ("The Licensor may act on violations", "en", "permits"),
    ("The Licensor is not liable", "en", ""),
    ("Provided “as is”, without warranty", "en", ""),
]


@pytest.mark.parametrize(("caption", "lang", "stance"), CAPTIONS, ids=[row[0] for row in CAPTIONS])
def test_caption_stance(caption, lang, stance):
    assert caption_stance(caption, lang) == stance


def test_every_real_clause_passes(lic):
    """The rules were measured on the real text: no clause of it breaks them."""
    problems = {zh.id: compare(polarity(zh.text, "zh-Hans"), polarity(en.text, "en")) for zh, en in lic.pairs()}
    assert {cid: p for cid, p in problems.items() if p != ([], [])} == {}
