"""Tables and engines that modules build once, at import: built again here and checked.

The modules use what they built at import; these tests build it afresh, so that a fault in
the building is seen by a test of its own, not only through every later use."""

from __future__ import annotations

import pytest

from licensekit import codes, numerals, parse
from licensekit.verify.diff import _dmp
from licensekit.verify.normalise import _folds

FORMS = [
    ("I", 1),
    ("i", 1),
    ("一", 1),
    ("IV", 4),
    ("iv", 4),
    ("四", 4),
    ("十", 10),
    ("十一", 11),
    ("二十", 20),
    ("XXXVIII", 38),
    ("xxxix", 39),
    ("三十八", 38),
    ("XCIX", 99),
    ("xcix", 99),
    ("九十九", 99),
]


@pytest.mark.parametrize(("form", "value"), FORMS)
def test_the_numeral_table_holds_each_form(form, value):
    assert numerals._numbers()[form] == value


def test_the_numeral_table_holds_1_to_99_in_three_forms_and_nothing_else():
    table = numerals._numbers()
    assert len(table) == 3 * 99  # upper and lower case Roman, Chinese: no form shared
    assert sorted(set(table.values())) == list(range(1, 100))
    assert not {"C", "c", "一百", "0", "", "零"} & set(table)


WIDTH = 0xFF5E - 0xFF01 + 1  # the full-width forms of ASCII "!" to "~"
FOLDED = [
    ("！", ("!", "width")),
    ("Ａ", ("A", "width")),
    ("ｚ", ("z", "width")),
    ("～", ("~", "width")),
    ("\u201c", ('"', "quote")),
    ("\u300f", ('"', "quote")),
    ("\u2032", ("'", "quote")),
    ("\u2014", ("-", "dash")),
    ("\u2212", ("-", "dash")),
]


@pytest.mark.parametrize(("char", "fold"), FOLDED, ids=[f"U+{ord(c):04X}" for c, _ in FOLDED])
def test_the_fold_table_maps_each_variant(char, fold):
    assert _folds()[char] == fold


def test_the_fold_table_holds_the_width_range_and_the_listed_variants_only():
    table = _folds()
    assert len(table) == WIDTH + 11 + 5 + 7  # the range, then the quotes, apostrophes and dashes listed
    assert not {"\uff00", "\uff5f", "A", '"', "-"} & set(table)


def test_the_markdown_parser_keeps_front_matter_spans_with_ids_and_every_link():
    md = parse._markdown()
    tokens = md.parse("---\na: 1\n---\n[模型]{#d1} [x](javascript:alert(1))\n\n| a |\n|---|\n")
    assert tokens[0].type == "front_matter" and tokens[0].content == "a: 1"
    inline = [t for t in tokens if t.type == "inline"]
    assert [(c.type, c.attrs) for c in inline[0].children if c.attrs] == [
        ("span_open", {"id": "d1"}),
        ("link_open", {"href": "javascript:alert(1)"}),  # let through, so that the checks can refuse it
    ]
    assert "table_open" not in {t.type for t in tokens}  # CommonMark: no tables


def test_the_diff_engine_has_no_deadline():
    # With a deadline a slow machine would give a coarser diff than a fast one.
    assert _dmp().Diff_Timeout == 0


def test_an_error_code_is_built_with_its_level_and_fatality():
    assert codes._e("a summary") == codes.Code("error", "a summary", False)
    assert codes._e("a summary", fatal=True) == codes.Code("error", "a summary", True)
