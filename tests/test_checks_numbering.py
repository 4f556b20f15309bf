"""Numbering (checks/numbering.py) on small models, and `_value`, the number a label stands for."""

from __future__ import annotations

import pytest

from factories import finding, item, license_of, section
from licensekit.checks import numbering
from licensekit.checks.numbering import _value


def formatted(findings) -> list[str]:
    return sorted(f.format() for f in findings)


def model(zh_items, en_items, errata=(), zh_section=("一、", "定义"), en_section=("I.", "Definitions"), level=3):
    """One section with numbered children; item k sits on line 5 + 2k in both languages."""
    parent = "s1" if level == 3 else "s1-1"
    zh = [section("s1", *zh_section, line=3, lang="zh-Hans")]
    en = [section("s1", *en_section, line=3)]
    if level == 4:
        zh.append(item("s1-1", "1.", "s1", "x", line=4, lang="zh-Hans"))
        en.append(item("s1-1", "1.", "s1", "x", line=4))
    for k, number in enumerate(zh_items, start=1):
        zh.append(item(f"{parent}-{k}", number, parent, "x", level=level, line=5 + 2 * k, lang="zh-Hans"))
    for k, number in enumerate(en_items, start=1):
        en.append(item(f"{parent}-{k}", number, parent, "x", level=level, line=5 + 2 * k))
    return license_of(zh, en, errata=list(errata))


VALID = [
    pytest.param(model(["1.", "2.", "3."], ["1.", "2.", "3."]), id="arabic"),
    pytest.param(model(["(i)", "(ii)", "(iii)", "(iv)"], ["(i)", "(ii)", "(iii)", "(iv)"], level=4), id="roman-sub-items"),
    pytest.param(model([f"{k}." for k in range(1, 13)], [f"{k}." for k in range(1, 13)]), id="twelve"),
]


@pytest.mark.parametrize("lic", VALID)
def test_valid_numbering_yields_nothing(lic):
    assert numbering.check(lic) == []


def test_every_section_number_up_to_twenty():
    zh = [section(f"s{k}", numbering.chinese(k) + "、", "节", line=k, lang="zh-Hans") for k in range(1, 21)]
    en = [section(f"s{k}", numbering.roman(k) + ".", "Part", line=k) for k in range(1, 21)]
    assert numbering.check(license_of(zh, en)) == []


STYLE = [
    ("zh-Hans", ["1.", "2."], ["1.", "2."], ("1.", "定义"), ("I.", "Definitions"), 3, "'1.'", "一、 二、 三、"),
    ("en", ["1.", "2."], ["1.", "2."], ("一、", "定义"), ("1.", "Definitions"), 3, "'1.'", "I. II. III."),
    ("zh-Hans", ["一、", "2."], ["1.", "2."], ("一、", "定义"), ("I.", "Definitions"), 7, "'一、'", "1. 2. 3."),
]


@pytest.mark.parametrize("lang,zh_items,en_items,zh_section,en_section,line,number,example", STYLE)
def test_num_style(lang, zh_items, en_items, zh_section, en_section, line, number, example):
    lic = model(zh_items, en_items, zh_section=zh_section, en_section=en_section)
    cid = "s1" if line == 3 else "s1-1"
    expected = [finding(lang, line, "NUM-STYLE", cid, f"number {number} is not in this level's style ({example})")]
    assert formatted(numbering.check(lic)) == formatted(expected)


@pytest.mark.parametrize("printed", ["(1)", "(I)", "i.", "(a)"])
def test_num_style_of_sub_items(printed):
    lic = model(["(i)", "(ii)"], ["(i)", printed], level=4)
    message = f"number {printed!r} is not in this level's style ((i) (ii) (iii))"
    mismatch = f"number {printed} does not match (ii) in the zh-Hans text"
    assert formatted(numbering.check(lic)) == formatted(
        [finding("en", 9, "NUM-STYLE", "s1-1-2", message), finding("en", 9, "NUM-MISMATCH", "s1-1-2", mismatch)]
    )


SEQUENCE = [
    # (printed numbers in both languages, [(k, message)]): the same in zh-Hans and en
    (["1.", "3."], [(2, "number 3. skips a number: expected 2.")]),
    (["1.", "2.", "4."], [(3, "number 4. skips a number: expected 3.")]),
    (["1.", "1."], [(2, "number 1. repeats an earlier number: expected 2.")]),
    (["1.", "2.", "2."], [(3, "number 2. repeats an earlier number: expected 3.")]),
    (["2.", "1."], [(1, "number 2. skips a number: expected 1."), (2, "number 1. repeats an earlier number: expected 2.")]),
    (["1.", "2.", "4.", "3."], [(3, "number 4. skips a number: expected 3."), (4, "number 3. repeats an earlier number: expected 4.")]),
]


@pytest.mark.parametrize("numbers,problems", SEQUENCE, ids=[" ".join(n) for n, _ in SEQUENCE])
def test_num_sequence_in_both_languages(numbers, problems):
    lic = model(numbers, numbers)
    expected = [finding(lang, 5 + 2 * k, "NUM-SEQUENCE", f"s1-{k}", m) for lang in ("zh-Hans", "en") for k, m in problems]
    assert formatted(numbering.check(lic)) == formatted(expected)


def test_num_sequence_out_of_order_for_a_number_of_no_value():
    lic = model(["(i)", "(iiii)"], ["(i)", "(iiii)"], level=4)
    expected = [finding(lang, 9, "NUM-SEQUENCE", "s1-1-2", "number (iiii) is out of order: expected (ii)") for lang in ("zh-Hans", "en")]
    assert formatted(numbering.check(lic)) == formatted(expected)


ERRATUM = {"id": "e", "kind": "numbering", "clause": "s1-1-3", "printed": "(ii)", "expected": "(iii)"}


SIC = "(ii) [sic: (iii)]"  # how the English prints a number the original misprints


def test_a_recorded_erratum_allows_the_misprint_in_chinese_only():
    lic = model(["(i)", "(ii)", "(ii)", "(iv)"], ["(i)", "(ii)", SIC, "(iv)"], errata=[ERRATUM], level=4)
    assert numbering.check(lic) == []


def test_the_english_must_keep_the_printed_number_visible():
    # "(iii)" alone would hide the "(ii)" the original prints: a citation of either must find the clause.
    lic = model(["(i)", "(ii)", "(ii)", "(iv)"], ["(i)", "(ii)", "(iii)", "(iv)"], errata=[ERRATUM], level=4)
    assert formatted(numbering.check(lic)) == formatted(
        [finding("en", 11, "NUM-MISMATCH", "s1-1-3", "number (iii) does not match (ii) in the zh-Hans text")]
    )


def test_the_erratum_does_not_excuse_the_english_text():
    lic = model(["(i)", "(ii)", "(ii)", "(iv)"], ["(i)", "(ii)", "(ii)", "(iv)"], errata=[ERRATUM], level=4)
    assert formatted(numbering.check(lic)) == formatted(
        [finding("en", 11, "NUM-SEQUENCE", "s1-1-3", "number (ii) repeats an earlier number: expected (iii)")]
    )


REPEAT = ("zh-Hans", "NUM-SEQUENCE", "number (ii) repeats an earlier number: expected (iii)")  # no erratum allows it
NUM_SIC = [
    # (zh third item, en third item, errata, [(lang, code, message)])
    ("(ii)", SIC, [], [("en", "NUM-SIC", "no erratum records (ii) as a misprint in this clause"), REPEAT]),
    (
        "(ii)",
        SIC,
        [{**ERRATUM, "expected": "(iv)"}],
        [("en", "NUM-SIC", "[sic: (iii)] differs from the erratum, which corrects (ii) to (iv)"), REPEAT],
    ),
    (SIC, SIC, [ERRATUM], [("zh-Hans", "NUM-SIC", "the Chinese text prints its numbers as the original does, without [sic: …]")]),
]


@pytest.mark.parametrize("zh_third,en_third,errata,problems", NUM_SIC, ids=["no-erratum", "other-correction", "in-chinese"])
def test_num_sic(zh_third, en_third, errata, problems):
    lic = model(["(i)", "(ii)", zh_third, "(iv)"], ["(i)", "(ii)", en_third, "(iv)"], errata=errata, level=4)
    assert formatted(numbering.check(lic)) == formatted([finding(lang, 11, code, "s1-1-3", m) for lang, code, m in problems])


@pytest.mark.parametrize(
    "erratum",
    [
        {**ERRATUM, "expected": "(iv)"},  # the wrong logical number
        {**ERRATUM, "clause": "s1-1-2"},  # another clause
        {**ERRATUM, "printed": "(iii)"},  # not what is printed
        {**ERRATUM, "kind": "wording"},  # not a numbering erratum
    ],
    ids=["expected", "clause", "printed", "kind"],
)
def test_only_a_matching_erratum_allows_a_misprint(erratum):
    lic = model(["(i)", "(ii)", "(ii)", "(iv)"], ["(i)", "(ii)", "(iii)", "(iv)"], errata=[erratum], level=4)
    assert formatted(numbering.check(lic)) == formatted(
        [
            finding("zh-Hans", 11, "NUM-SEQUENCE", "s1-1-3", "number (ii) repeats an earlier number: expected (iii)"),
            finding("en", 11, "NUM-MISMATCH", "s1-1-3", "number (iii) does not match (ii) in the zh-Hans text"),
        ]
    )


def test_num_style_with_a_number_of_no_value_also_mismatches():
    lic = model(["1.", "2."], ["a.", "2."])
    assert formatted(numbering.check(lic)) == formatted(
        [
            finding("en", 7, "NUM-STYLE", "s1-1", "number 'a.' is not in this level's style (1. 2. 3.)"),
            finding("en", 7, "NUM-MISMATCH", "s1-1", "number a. does not match 1. in the zh-Hans text"),
        ]
    )


def test_num_mismatch_of_value():
    lic = model(["一、"], ["1."], zh_section=("一、", "定义"), en_section=("II.", "Definitions"))
    assert formatted(numbering.check(lic)) == formatted(
        [
            finding("zh-Hans", 7, "NUM-STYLE", "s1-1", "number '一、' is not in this level's style (1. 2. 3.)"),
            finding("en", 3, "NUM-SEQUENCE", "s1", "number II. skips a number: expected I."),
            finding("en", 3, "NUM-MISMATCH", "s1", "number II. does not match 一、 in the zh-Hans text"),
        ]
    )


def test_num_mismatch_of_presence():
    lic = model(["1.", "2."], ["1.", ""])
    assert formatted(numbering.check(lic)) == formatted(
        [finding("en", 9, "NUM-MISMATCH", "s1-2", "numbered '' here but '2.' in the zh-Hans text")]
    )


VALUES = [
    ("1.", 1),
    ("12.", 12),
    ("３．", 3),
    ("(i)", 1),
    ("(iv)", 4),
    ("(ix)", 9),
    ("(xiv)", 14),
    ("IV.", 4),
    ("XC.", 90),
    ("XCIX.", 99),
    ("一、", 1),
    ("十、", 10),
    ("十九、", 19),
    ("四十、", 40),
    ("九十九、", 99),
    ("(iiii)", 0),
    ("(a)", 0),
    ("", 0),
    ("C.", 0),
]


@pytest.mark.parametrize("number,value", VALUES, ids=[n or "empty" for n, _ in VALUES])
def test_value(number, value):
    assert _value(number) == value


def test_the_sequence_goes_on_after_a_style_error_and_an_erratum():
    lic = model(["(i)", "(ii)", "(ii)", "(v)"], ["(1)", "(ii)", SIC, "(v)"], errata=[ERRATUM], level=4)
    assert formatted(numbering.check(lic)) == formatted(
        [
            finding("zh-Hans", 13, "NUM-SEQUENCE", "s1-1-4", "number (v) skips a number: expected (iv)"),
            finding("en", 7, "NUM-STYLE", "s1-1-1", "number '(1)' is not in this level's style ((i) (ii) (iii))"),
            finding("en", 13, "NUM-SEQUENCE", "s1-1-4", "number (v) skips a number: expected (iv)"),
        ]
    )


@pytest.mark.parametrize(
    ("numbers", "problems"),
    [
        # a number out of style still takes its place: the next one is judged against it
        (
            ["1.", "x.", "4."],
            [
                (2, "NUM-STYLE", "number 'x.' is not in this level's style (1. 2. 3.)"),
                (3, "NUM-SEQUENCE", "number 4. skips a number: expected 3."),
            ],
        ),
        (
            ["1.", "x.", "2."],
            [
                (2, "NUM-STYLE", "number 'x.' is not in this level's style (1. 2. 3.)"),
                (3, "NUM-SEQUENCE", "number 2. repeats an earlier number: expected 3."),
            ],
        ),
    ],
)
def test_num_sequence_after_a_style_error(numbers, problems):
    lic = model(numbers, numbers)
    found = numbering._sequence(lic.en, {})
    assert found == [finding("en", 5 + 2 * k, code, f"s1-{k}", m) for k, code, m in problems]


def test_a_clause_of_a_level_without_style_is_counted_but_not_judged():
    """Numbered siblings at a level with no numbering style are skipped, and the sequence goes on."""
    clauses = [
        section("s1", "I.", "Definitions", line=3),
        item("s1-1", "a)", "s1", "x", level=5, line=5),
        item("s1-2", "3.", "s1", "x", line=7),
    ]
    lic = license_of([], clauses)
    assert numbering._sequence(lic.en, {}) == [finding("en", 7, "NUM-SEQUENCE", "s1-2", "number 3. skips a number: expected 2.")]
