"""Numbers, e-mail addresses, URLs and invisible characters, as the parity checks see them."""

from __future__ import annotations

import pytest

from licensekit import tokens

VISIBLE = [
    ("loss of revenue;", True),
    ("收入损失", True),
    ("", False),
    (" \n\t", False),
    ("\u200b", False),  # zero-width space
    ("\u2060", False),  # word joiner
    ("\ufeff", False),  # byte-order mark
    ("\u202e\u202c", False),  # bidi override and pop
    ("\u3164", False),  # Hangul filler: a letter drawn blank
    ("\u2800", False),  # braille blank
    ("\u3000", False),  # ideographic space
    ("\u0301", False),  # a combining accent without a base
    ("\u200bx", True),
]


@pytest.mark.parametrize(("text", "shown"), VISIBLE, ids=[repr(t) for t, _ in VISIBLE])
def test_visible(text, shown):
    assert tokens.visible(text) is shown


def test_hidden_names_the_characters_but_not_ordinary_spaces():
    assert tokens.hidden("a\u202eb c\u200b\n\u202e") == ["U+200B", "U+202E"]


EMAILS = [
    ("联系邮箱：【opensource@baichuan-inc.com】", {"opensource@baichuan-inc.com"}),
    ("Contact email: 【OpenSource@Baichuan-Inc.com】", {"opensource@baichuan-inc.com"}),
    ("【\u202emoc.cni-nauhciab@ecruosnepo\u202c】", set()),
    ("【\u043epensource@baichuan-inc.com】", {"pensource@baichuan-inc.com"}),  # Cyrillic о
    ("【opensource@baichuan\u200b-inc.com】", set()),
    ("ｏｐｅｎｓｏｕｒｃｅ＠ｂａｉｃｈｕａｎ-ｉｎｃ.ｃｏｍ", {"opensource@baichuan-inc.com"}),  # full-width
    ("no address here", set()),
]


@pytest.mark.parametrize(("text", "found"), EMAILS, ids=[repr(t) for t, _ in EMAILS])
def test_emails(text, found):
    assert tokens.emails(text) == found


URLS = [
    ("see https://evil.example/terms.", {"https://evil.example/terms"}),
    ("或 www.evil.example。", {"www.evil.example"}),
    ("(http://a.example/x?y=1)", {"http://a.example/x?y=1"}),
    ("【https://huggingface.co/baichuan-inc】", {"https://huggingface.co/baichuan-inc"}),
    ("opensource@baichuan-inc.com", set()),
    # Only sentence punctuation is trimmed: a URL may end in any other character.
    ("see https://a.example/XX!?", {"https://a.example/XX"}),
    ("https://a.example/x;: and", {"https://a.example/x"}),
]


@pytest.mark.parametrize(("text", "found"), URLS, ids=[t for t, _ in URLS])
def test_urls(text, found):
    assert tokens.urls(text) == found


NUMBERS = [
    ("baichuan-7B模型", {"7"}),
    ("the baichuan-13B Model", {"13"}),
    ("Article 73 and 1.5 and 2,000", {"73", "1.5", "2,000"}),
    ("第７３条", {"73"}),  # full-width digits
    ("mail opensource2@baichuan-inc.com or https://a.example/v2", set()),
    ("一二三", set()),  # Chinese numerals are words here, not digits
]


@pytest.mark.parametrize(("text", "found"), NUMBERS, ids=[t for t, _ in NUMBERS])
def test_numbers(text, found):
    assert tokens.numbers(text) == found
