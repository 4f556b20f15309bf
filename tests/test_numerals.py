"""Numerals of the numbering styles: Roman (I., (i)) and Chinese (一、), at their bounds."""

from __future__ import annotations

import pytest

from licensekit.numerals import chinese, roman

ROMAN = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (8, "VIII"),
    (9, "IX"),
    (10, "X"),
    (14, "XIV"),
    (19, "XIX"),
    (39, "XXXIX"),
    (40, "XL"),
    (49, "XLIX"),
    (50, "L"),
    (89, "LXXXIX"),
    (90, "XC"),
    (99, "XCIX"),
    (100, "C"),
    (144, "CXLIV"),
    (399, "CCCXCIX"),
]
CHINESE = [
    (1, "一"),
    (2, "二"),
    (9, "九"),
    (10, "十"),
    (11, "十一"),
    (15, "十五"),
    (19, "十九"),
    (20, "二十"),
    (21, "二十一"),
    (40, "四十"),
    (90, "九十"),
    (99, "九十九"),
]


@pytest.mark.parametrize("n,expected", ROMAN, ids=[str(n) for n, _ in ROMAN])
def test_roman(n, expected):
    assert roman(n) == expected


@pytest.mark.parametrize("n,expected", CHINESE, ids=[str(n) for n, _ in CHINESE])
def test_chinese(n, expected):
    assert chinese(n) == expected


def test_roman_numerals_are_distinct_up_to_the_bound():
    # 400 is the bound: below it every numeral is a different, well-formed string.
    numerals = [roman(n) for n in range(1, 400)]
    assert len(set(numerals)) == 399
    assert all(set(x) <= set("IVXLC") and "IIII" not in x and "XXXX" not in x for x in numerals)
