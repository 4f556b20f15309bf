"""Character diffs for the verifier (verify.diff), in-process: template substitutions,
typographic variants and characters kept, on small hand-made texts."""

from __future__ import annotations

from collections import Counter

import pytest

from licensekit.verify.diff import DELETE, EQUAL, INSERT, diff, equal_chars, substitutions, variants

SLOTS = {"licensor": ["北京百川"], "model": ["baichuan-7B", "baichuan"]}
REF = "北京百川的baichuan-7B模型"

SUBSTITUTIONS = [
    ("上海某某的lingxi-13B模型", [("licensor", "北京百川", "上海某某"), ("model", "baichuan-7B", "lingxi-13B")]),
    ("上海某某的baichuan-7B模型", [("licensor", "北京百川", "上海某某")]),
    ("北京百川的X模型", [("model", "baichuan-7B", "X")]),
    ("的baichuan-7B模型", [("licensor", "北京百川", "")]),
    (REF, None),
    (REF + "!", None),
    ("上海的x模型上海", None),
    ("北京百川之baichuan-7B模型", None),
    ("北京百川的baichuan-7B", None),
]


@pytest.mark.parametrize(("got", "expected"), SUBSTITUTIONS)
def test_substitutions_replace_only_slot_values(got, expected):
    assert substitutions(REF, got, SLOTS) == expected


@pytest.mark.parametrize(
    ("ref", "got", "expected"),
    [
        ("没有槽", "没有一个槽", None),
        ("baichuan与baichuan-7B", "X与Y", [("model", "baichuan", "X"), ("model", "baichuan-7B", "Y")]),
        ("A北京百川B北京百川C", "A甲B乙C", [("licensor", "北京百川", "甲"), ("licensor", "北京百川", "乙")]),
        ("A北京百川B北京百川C", "A甲BC", [("licensor", "北京百川", "甲"), ("licensor", "北京百川", "")]),
        ("A北京百川B北京百川", "A甲B乙", [("licensor", "北京百川", "甲"), ("licensor", "北京百川", "乙")]),
        ("北京百川北京百川", "甲乙", None),  # touching: the second is a literal
        ("北京百川北京百川", "甲北京百川", [("licensor", "北京百川", "甲")]),
        ("北京百川", "", [("licensor", "北京百川", "")]),
        ("A北京百川B", "AB", [("licensor", "北京百川", "")]),
        ("A北京百川B", "A", None),
        ("A北京百川BB", "AB", None),
        ("A北京百川B北京百川C", "A甲C", None),
        ("A北京百川AB", "AB", None),
        ("B北京百川B北京百川B", "B甲甲B乙B", [("licensor", "北京百川", "甲甲"), ("licensor", "北京百川", "乙")]),  # after the last piece
    ],
    ids=lambda v: str(v)[:20],
)
def test_each_slot_value_is_cut_longest_first_and_the_pieces_between_kept(ref, got, expected):
    assert substitutions(ref, got, SLOTS) == expected


def test_variants_are_counted_in_equal_stretches_only():
    ops = [(EQUAL, '许可,"甲"'), (DELETE, "乙"), (INSERT, "丙"), (EQUAL, ",方")]
    counted = variants("许可，“甲”乙，方", '许可,"甲"丙,方', ops)
    assert counted == Counter({("width", "，", ","): 2, ("quote", "“", '"'): 1, ("quote", "”", '"'): 1})


def test_a_diff_keeps_its_equal_characters():
    ops = diff("许可方事先登记", "许可方事后登记并")
    assert ops == [(EQUAL, "许可方事"), (DELETE, "先"), (INSERT, "后"), (EQUAL, "登记"), (INSERT, "并")]
    assert equal_chars(ops) == 6
    assert (DELETE, EQUAL, INSERT) == (-1, 0, 1)


@pytest.mark.parametrize(
    ("a", "b", "ops"),
    [
        ("mouse", "sofas", [(DELETE, "mouse"), (INSERT, "sofas")]),
        ("许可方登记", "甲许乙可丙方丁", [(DELETE, "许可方登记"), (INSERT, "甲许乙可丙方丁")]),
        ("事先向许可方登记", "先事向方可许登记", [(DELETE, "事先向许可方"), (INSERT, "先事向方可许"), (EQUAL, "登记")]),
    ],
)
def test_a_diff_is_cleaned_up_for_people_to_read(a, b, ops):
    # Scattered one-character matches are not shown as kept: the changed stretch is whole.
    assert diff(a, b) == ops


# Two texts over 100 characters on several lines: diff-match-patch would first diff them line by
# line (its `checklines`), which here leaves an empty insertion in the report.
LINES_A = (
    "甲乙甲乙使用。使用，许可许可\n。，许可，，模型。使用\n许可使用使用许可丙丁\n\n许可使用使用使用\n，使用。甲乙许可许可使用模型模型丙丁模型，"
    "模型许可。，模型丙丁丙丁许可甲乙甲乙，，，许可许可丙丁模型，许可使用模型，\n许可模型使用许可\n。使用丙丁使用模型。甲乙使用丙丁\n。使用甲乙甲乙\n许可许可丙丁丙丁"
)
LINES_B = (
    LINES_A.replace("许可使用使用许可", "许可使用乙用许可")
    .replace("使用模型模型", "使用模型许型")
    .replace("丙丁模型，许可", "丙丁模型乙许可")[:-1]
)


def test_a_long_diff_of_several_lines_is_by_character():
    ops = diff(LINES_A, LINES_B)
    assert [x for x in ops if x[0] != EQUAL] == [
        (DELETE, "使"),
        (INSERT, "乙"),
        (DELETE, "模"),
        (INSERT, "许"),
        (DELETE, "，"),
        (INSERT, "乙"),
        (DELETE, "丁"),
    ]
    assert all(text for _, text in ops)


@pytest.mark.parametrize("ref", ["baichuan-7B北京百川", "北京百川baichuan-7B"])
def test_slot_values_that_touch_are_cut_once(ref):
    """With no literal between two values, the text cannot tell where one ends: the licensor's
    name (the first slot) is cut, and the model's name is a literal that must be there."""
    changed = ref.replace("北京百川", "上海某某")
    assert substitutions(ref, changed, SLOTS) == [("licensor", "北京百川", "上海某某")]
    assert substitutions(ref, changed.replace("baichuan-7B", "lingxi-13B"), SLOTS) is None
