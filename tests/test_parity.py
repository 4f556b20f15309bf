"""Parity of meaning (checks/parity.py) on single clause pairs built in the test: numbers,
addresses, negations and modals, captions and the grant's attributes, each with its exact
finding on the English clause (or on the clause whose caption contradicts it)."""

from __future__ import annotations

import pytest

from factories import clause, finding, item, license_of, ref, term
from licensekit.checks import parity


def zh(*paras, caption: str = "", cid: str = "s1-1"):
    return clause(cid, "item", *paras, parent="s1", caption=caption, line=5, lang="zh-Hans")


def en(*paras, caption: str = "", cid: str = "s1-1"):
    return clause(cid, "item", *paras, parent="s1", caption=caption, line=7, lang="en")


def _en(code: str, message: str):
    return finding("en", 7, code, "s1-1", message)


def _zh(code: str, message: str):
    return finding("zh-Hans", 5, code, "s1-1", message)


TOKENS = [
    pytest.param(zh("支付100元，发邮件至A@b.cn。"), en("Pay 100 yuan, mail a@B.cn."), [], id="same"),
    pytest.param(zh(["见", ref("第1条", "s1"), "。"]), en(["See ", ref("clause 2", "s1"), "."]), [], id="reference-labels-left-out"),
    pytest.param(zh("邮件：a@b.cn", "见 https://x.cn/a"), en("Mail: a@b.cn.", "See https://x.cn/a."), [], id="paragraphs-apart"),
    pytest.param(zh(["发邮件至", term("a@b.cn", "t")]), en(["Mail ", term("a@b.cn", "t"), " now."]), [], id="spans-joined"),
    pytest.param(
        zh("支付100元或1,000.5元，邮件 a@b.cn，见 https://x.cn/a。"),
        en("Pay 200 or 1,000.5 yuan, mail c@d.cn, see https://x.cn/b."),
        [
            _en("PARITY-NUMBER", "numbers differ from the zh-Hans text: lacks 100; adds 200"),
            _en("PARITY-EMAIL", "e-mail addresses differ from the zh-Hans text: lacks a@b.cn; adds c@d.cn"),
            _en("PARITY-URL", "URLs differ from the zh-Hans text: lacks https://x.cn/a; adds https://x.cn/b"),
        ],
        id="all-three-differ",
    ),
    pytest.param(
        zh("支付100元。"),
        en("Pay 1\u200b00 yuan\u2060."),
        [
            _en(
                "PARITY-NUMBER",
                "numbers differ from the zh-Hans text: lacks 100; adds 00, 1 (the English text holds invisible U+200B, U+2060)",
            )
        ],
        id="hidden-characters-named",
    ),
    pytest.param(zh("支付100元。"), en("Pay yuan."), [_en("PARITY-NUMBER", "numbers differ from the zh-Hans text: lacks 100")], id="lacks"),
]


@pytest.mark.parametrize(("a", "b", "expected"), TOKENS)
def test_tokens(a, b, expected):
    assert parity._tokens(a, b) == expected


POLARITY = [
    pytest.param(zh("您不得转让。"), en("You must not transfer it."), [], id="same"),
    pytest.param(zh("不可转让的许可。"), en("A non-transferable license."), [], id="attributes-are-not-negations"),
    pytest.param(
        zh("您不得转让。"),
        en("You may transfer it."),
        [
            _en("PARITY-NEGATION", "0 negations here, 1 in the zh-Hans text (不)"),
            _en("PARITY-MODAL", "0 prohibitions here, 1 in the zh-Hans text (不得); 1 permission (may) here, 0 in the zh-Hans text"),
        ],
        id="negation-and-modals",
    ),
    pytest.param(
        zh("您应当转让。"),
        en("You transfer it."),
        [_en("PARITY-MODAL", "0 obligations here, 1 in the zh-Hans text (应当)")],
        id="modal-only",
    ),
    pytest.param(
        zh("转让。"), en("Not a transfer."), [_en("PARITY-NEGATION", "1 negation (Not) here, 0 in the zh-Hans text")], id="negation-only"
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), POLARITY)
def test_polarity(a, b, expected):
    assert parity._polarity(a, b) == expected


ONLY_FORBIDS = "the caption “{}” permits, but the clause only forbids ({})"
NO_PERMISSION = "the caption “{}” permits, but the clause grants no permission"
FORBIDS_NOTHING = "the caption “{}” forbids, but the clause forbids nothing"
CAPTIONS = [
    pytest.param(zh("您可以使用。", caption="可以使用"), en("You may use it.", caption="You may use"), True, [], id="agree"),
    pytest.param(
        zh("您不得使用。", caption="可以使用"),
        en("You must not use it."),
        True,
        [_zh("PARITY-CAPTION", ONLY_FORBIDS.format("可以使用", "不得"))],
        id="zh-only-forbids",
    ),
    pytest.param(
        zh("您不得使用，亦不得复制。", caption="可以使用"),
        en("You must not use it, nor may you copy it."),
        True,
        [_zh("PARITY-CAPTION", ONLY_FORBIDS.format("可以使用", "不得, 不得"))],
        id="zh-only-forbids-twice",
    ),
    pytest.param(
        zh("您不得使用。"),
        en("You must not use it.", caption="You may use"),
        True,
        [_en("PARITY-CAPTION", ONLY_FORBIDS.format("You may use", "must not"))],
        id="en-only-forbids",
    ),
    pytest.param(zh("您不得使用。"), en("You must not use it.", caption="You may use"), False, [], id="en-unsound-not-held"),
    pytest.param(
        zh("您不得使用，但可以复制。", caption="可以使用"),
        en("You must not use it, but you may copy it.", caption="You may use"),
        True,
        [],
        id="forbids-and-permits",
    ),
    pytest.param(
        zh("使用。", caption="允许使用"),
        en("Use.", caption="Use allowed"),
        True,
        [_zh("PARITY-CAPTION", NO_PERMISSION.format("允许使用")), _en("PARITY-CAPTION", NO_PERMISSION.format("Use allowed"))],
        id="grants-nothing",
    ),
    pytest.param(
        zh("使用。", caption="禁止使用"),
        en("Use.", caption="No use"),
        True,
        [_zh("PARITY-CAPTION", FORBIDS_NOTHING.format("禁止使用")), _en("PARITY-CAPTION", FORBIDS_NOTHING.format("No use"))],
        id="forbids-nothing",
    ),
    pytest.param(
        zh("您不得转让。", caption="禁止转让"),
        en("You may transfer it.", caption="You may transfer"),
        False,
        [_en("PARITY-CAPTION", "the caption “You may transfer” contradicts the zh-Hans caption “禁止转让”")],
        id="captions-contradict",
    ),
    pytest.param(
        zh("您可以转让。", caption="可以转让"),
        en("You must not transfer it.", caption="No transfer"),
        False,
        [_en("PARITY-CAPTION", "the caption “No transfer” contradicts the zh-Hans caption “可以转让”")],
        id="captions-contradict-reversed",
    ),
    pytest.param(zh("您可以转让。", caption="可以转让"), en("You may transfer it."), True, [], id="one-caption-only"),
]


@pytest.mark.parametrize(("a", "b", "sound", "expected"), CAPTIONS)
def test_captions(a, b, sound, expected):
    assert parity._captions(a, b, sound) == expected


GRANTS = [
    pytest.param(
        zh("授予全球性、非排他性、不可转让的许可。"), en("grants a global, non-exclusive, not transferable license."), [], id="same"
    ),
    pytest.param(
        zh("授予全球性、非排他性、不可转让的许可。"),
        en("grants a worldwide, exclusive, transferable license."),
        [
            _en(
                "GRANT-ATTRIBUTE",
                "attributes of the grant differ from the zh-Hans text: lacks non-exclusive, non-transferable; adds exclusive, transferable",
            )
        ],
        id="negations-dropped",
    ),
    pytest.param(
        zh("授予许可。"),
        en("grants a perpetual, royalty-free license."),
        [_en("GRANT-ATTRIBUTE", "attributes of the grant differ from the zh-Hans text: adds perpetual, royalty-free")],
        id="added",
    ),
]


@pytest.mark.parametrize(("a", "b", "expected"), GRANTS)
def test_grant(a, b, expected):
    assert parity._grant(a, b) == expected


def test_check_gathers_every_pair_and_skips_an_untranslated_one():
    """Findings of each pair in Chinese order; a pair whose English is far too long is the length check's,
    and the pairs after it are compared still. An English caption is held against its clause only
    where the clause says what the Chinese says: s1-5's is, s1-2's is not."""
    pairs = [
        ("s1-1", "支付100元。", "Pay 200 yuan."),
        ("s1-2", "您不得转让本协议项下的任何权利。", "You may transfer any right under this Agreement."),
        ("s1-3", "支付100元给许可方。", "Pay 300 yuan to the Licensor. " * 20),
        ("s1-4", "许可方可以在任何时候修改本协议。", "The Licensor may amend this Agreement at any time."),
        ("s1-5", "您不得使用本协议项下的标识。", "You must not use the marks under this Agreement."),
        ("s1-6", "许可方可以在30日内修改本协议。", "The Licensor may amend this Agreement within 60 days."),
    ]
    lic = license_of(
        [item(cid, "1.", "s1", text, line=10 + n, lang="zh-Hans") for n, (cid, text, _) in enumerate(pairs)],
        [
            item(cid, "1.", "s1", text, line=20 + n, caption={1: "No transfer", 4: "You may use"}.get(n, ""))
            for n, (cid, _, text) in enumerate(pairs)
        ],
    )
    assert parity.check(lic) == [
        finding("en", 20, "PARITY-NUMBER", "s1-1", "numbers differ from the zh-Hans text: lacks 100; adds 200"),
        finding("en", 21, "PARITY-NEGATION", "s1-2", "0 negations here, 1 in the zh-Hans text (不)"),
        finding(
            "en",
            21,
            "PARITY-MODAL",
            "s1-2",
            "0 prohibitions here, 1 in the zh-Hans text (不得); 1 permission (may) here, 0 in the zh-Hans text",
        ),
        finding("en", 24, "PARITY-CAPTION", "s1-5", "the caption “You may use” permits, but the clause only forbids (must not)"),
        finding("en", 25, "PARITY-NUMBER", "s1-6", "numbers differ from the zh-Hans text: lacks 30; adds 60"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "blanked"),
    [
        ("a worldwide, non-exclusive, royalty-free license", "en", "a  ,  ,   license"),
        ("NON-TRANSFERABLE and irrevocable", "en", "  and  "),
        ("全球性、非排他性、不可转让的许可", "zh-Hans", " 、 、 的许可"),
        ("免费且永久", "zh-Hans", " 且 "),
    ],
)
def test_attributes_are_blanked_to_a_space(text, lang, blanked):
    """A blanked attribute leaves a word break, so that it joins no neighbouring word into a negation."""
    assert parity._without_attributes(text, lang) == blanked
