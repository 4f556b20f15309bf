"""Normalisation for the verifier (verify.normalise), in-process: the three forms of a
text and how a stretch of the canonical text is shown with its own spacing."""

from __future__ import annotations

import pytest

from licensekit.verify.normalise import canonical, fold, normalise

TEXT = normalise("  许可 方\u3000（甲）\n\n“乙”\u200b丙  ")


def test_only_spacing_is_trimmed():
    assert normalise("\n X 许 X \u3000").spaced == "X 许 X"


def test_control_characters_are_not_spacing():
    text = normalise("\x1f许 可\x1c")
    assert (text.spaced, text.raw) == ("\x1f许 可\x1c", "\x1f许可\x1c")


def test_the_space_before_the_second_character_is_shown():
    text = normalise("甲 乙丙")
    assert (text.show_spaced(1, 2), text.show(1, 2), text.show_spaced(0, 2)) == (" 乙", "乙", "甲 乙")


def test_a_text_three_ways():
    assert TEXT.spaced == "许可 方 （甲） “乙” 丙"
    assert TEXT.raw == "许可方（甲）“乙”丙"
    assert TEXT.canon == '许可方(甲)"乙"丙'
    assert TEXT.pos == [0, 1, 3, 5, 6, 7, 9, 10, 11, 13]


@pytest.mark.parametrize(
    ("start", "end", "shown", "spaced"),
    [
        (0, 0, "", ""),
        (2, 2, "", ""),
        (3, 2, "", ""),
        (0, 1, "许", "许"),
        (0, 3, "许可 方", "许可 方"),
        (2, 5, "方 （甲", " 方 （甲"),
        (3, 4, "（", " （"),
        (5, 8, "） “乙", "） “乙"),
        (8, 9, "”", "”"),
        (9, 10, "丙", " 丙"),
    ],
)
def test_a_stretch_is_shown_with_its_spacing(start, end, shown, spaced):
    assert TEXT.show(start, end) == shown
    assert TEXT.show_spaced(start, end) == spaced


@pytest.mark.parametrize(
    ("text", "canon"),
    [
        (" a\u00a0Ｂ “c” — d\n", 'aB"c"-d'),
        ("‘x’\u2032", "'x''"),
        ("\ufeff许\u00ad可\u2060方\u200d", "许可方"),
        ("「甲」『乙』〝丙〞", '"甲""乙""丙"'),
        ("１２３－－＋", "123--+"),
        ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h"),
    ],
)
def test_the_canonical_form(text, canon):
    assert canonical(text) == canon
    assert normalise(text).canon == canon
    assert len(fold(text)) == len(text)
