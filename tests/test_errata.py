"""Errata: the detectors find exactly the original's known oddities; every erratum is founded."""

from __future__ import annotations

import pytest

from factories import finding, license_of
from licensekit.checks import errata
from licensekit.checks.errata import Oddity


def test_detected_oddities_of_the_original(lic):
    found = errata.detect(lic)
    assert [o for o in found if o.kind != "punctuation"] == [
        Oddity("repetition", "s1-data", "数据集中提取的信息和/或"),
        Oddity("repetition", "s2-1", "复制、…复制或"),
        Oddity("spacing", "s4-2", "， 并"),
        Oddity("spacing", "s4-3-ii", "润 损"),
    ]
    assert {o.key for o in found if o.kind == "punctuation"} == {"(", ")", ";", ":", '"'}
    assert {o.clause for o in found if o.key == '"'} == {"s3-2"}


def test_a_repetition_is_found_across_a_stray_space(tmp_path):
    from casebook import edited_copy
    from licensekit.parse import load

    edit = {"file": "original/baichuan-7B-license.zh.txt", "find": "数据。数据集中提取的信息", "replace": "数据。数据集中提取的 信息"}
    found = errata.detect(load(edited_copy(tmp_path / "license", [edit])))
    assert [o for o in found if o.kind != "punctuation"] == [
        Oddity("spacing", "s1-data", "的 信"),
        Oddity("repetition", "s1-data", "数据集中提取的信息和/或"),
        Oddity("repetition", "s2-1", "复制、…复制或"),
        Oddity("spacing", "s4-2", "， 并"),
        Oddity("spacing", "s4-3-ii", "润 损"),
    ]


def test_spaces_between_form_fields_are_layout(lic):
    """The appendix's fields share one line of the original, separated by spaces: not oddities."""
    texts = errata.clause_texts(lic)
    assert texts["appendix-2-applicant-name"] == "申请人名称"
    assert not [o for o in errata.detect(lic) if o.clause.startswith("appendix")]


def test_every_erratum_is_founded_and_none_missing(lic):
    assert errata.check(lic) == []


def test_reviewed_errata_are_in_the_data(lic):
    by_id = {e["id"]: (e["clause"], e["printed"]) for e in lic.errata}
    assert {k: by_id.get(k) for k in errata.REVIEWED} == errata.REVIEWED


@pytest.mark.parametrize(
    "text,found",
    [
        ("甲乙丙丁戊己庚辛壬癸子丑，以及甲乙丙丁戊己庚辛壬癸子丑。", ["甲乙丙丁戊己庚辛壬癸子丑"]),
        ("使用、复制、修改、复制或创建", ["复制、…复制或"]),
        ("使用baichuan-7B模型中可能包含的，baichuan-7B模型中可能包含的", []),  # a name repeated
        ("甲乙丙丁戊己庚辛壬癸子，甲乙丙丁戊己庚辛壬癸子", []),  # 11 characters: below the threshold
        ("使用、复制、修改", []),
        ("复制、复制", ["复制、…复制"]),  # the same item twice
        ("制、制作", []),  # one character is not a word
        ("复制、使用，修改、复制品", []),  # items of two sentences
        ("复制、修改；使用、复制或", []),  # two lists: a list ends at a sentence's punctuation
    ],
)
def test_repeats(text, found):
    assert errata._repeats(text) == found


def test_an_erratum_covers_only_its_kind_and_clause():
    odd = Oddity("spacing", "s4-2", "， 并")
    assert errata._covers({"kind": "spacing", "clause": "s4-2", "printed": "训练， 并"}, odd)
    assert not errata._covers({"kind": "wording", "clause": "s4-2", "printed": "训练， 并"}, odd)
    assert not errata._covers({"kind": "spacing", "clause": "s4-3", "printed": "训练， 并"}, odd)
    assert errata._covers({"kind": "punctuation", "clause": "s1-model", "printed": "(包括"}, Oddity("punctuation", "s5-2", "("))


def test_rule_helpers():
    from pathlib import Path

    from licensekit.checks._rules import duplicates, missing

    p = Path("x.yaml")
    items = [("a", p, 1, "c1"), ("b", p, 2, "c2"), ("a", p, 3, "c3"), ("a", p, 4, "c4")]
    assert [f.format() for f in duplicates(items, "ERRATUM-DUPLICATE", "{key} first on {first}")] == [
        "x.yaml:3: ERRATUM-DUPLICATE c3: a first on 1",
        "x.yaml:4: ERRATUM-DUPLICATE c4: a first on 1",
    ]
    assert [f.format() for f in missing(items, {"a"}, "ID-ALIAS", "no {key}")] == ["x.yaml:2: ID-ALIAS c2: no b"]


def test_a_repeated_erratum_id_is_reported_with_its_clause():
    lic = license_of(
        errata=[{"id": "a"}, {"id": "b", "clause": "s1"}, {"id": "a"}, {"id": "b", "clause": "s2"}, {"id": "a", "clause": "s3"}]
    )
    assert errata._ids(lic) == [
        finding("errata.yaml", 12, "ERRATUM-DUPLICATE", "", "erratum ID a already used on line 10"),
        finding("errata.yaml", 13, "ERRATUM-DUPLICATE", "s2", "erratum ID b already used on line 11"),
        finding("errata.yaml", 14, "ERRATUM-DUPLICATE", "s3", "erratum ID a already used on line 10"),
    ]


def test_errata_without_an_id_share_the_empty_id():
    """The schema requires an ID; the check still reports the second one lacking it, as the empty ID."""
    lic = license_of(errata=[{"clause": "s1"}, {"id": "a"}, {"clause": "s2"}, {"id": ""}])
    assert errata._ids(lic) == [
        finding("errata.yaml", 12, "ERRATUM-DUPLICATE", "s2", "erratum ID  already used on line 10"),
        finding("errata.yaml", 13, "ERRATUM-DUPLICATE", "", "erratum ID  already used on line 10"),
    ]


MISSING = "the original's {} has no erratum of kind {} in errata.yaml"


def test_missing_errata_on_a_small_model():
    """Each oddity no erratum covers, on its clause's line; a half-width character once, at its first
    clause; an erratum set aside as stale still covers its oddity wherever it is."""
    from factories import item

    zh = [item("s1", "1.", None, "甲 乙", line=4, lang="zh-Hans"), item("s2", "2.", None, "丙(丁", line=6, lang="zh-Hans")]
    covered = {"kind": "spacing", "clause": "s1", "printed": "甲 乙"}
    stale = {"kind": "repetition", "clause": "s9", "printed": "复制、…复制或"}
    lic = license_of(zh, errata=[covered, stale])
    oddities = [
        Oddity("spacing", "s1", "甲 乙"),
        Oddity("spacing", "s2", "丙 丁"),
        Oddity("punctuation", "s2", "("),
        Oddity("punctuation", "s1", "("),
        Oddity("punctuation", "s1", ")"),
        Oddity("repetition", "s2", "复制、…复制或"),
        Oddity("repetition", "s3", "许可方许可方许可方许可方"),
    ]
    assert errata._missing(lic, oddities, [covered]) == [
        finding("zh-Hans", 6, "ERRATUM-MISSING", "s2", MISSING.format("stray space in “丙 丁”", "spacing")),
        finding("zh-Hans", 6, "ERRATUM-MISSING", "s2", MISSING.format("half-width “(”", "punctuation")),
        finding("zh-Hans", 4, "ERRATUM-MISSING", "s1", MISSING.format("half-width “)”", "punctuation")),
        finding("zh-Hans", 1, "ERRATUM-MISSING", "s3", MISSING.format("repeated “许可方许可方许可方许可方”", "repetition")),
    ]


@pytest.mark.parametrize(
    ("erratum", "oddity", "covered"),
    [
        ({"kind": "repetition", "clause": "s1", "printed": "复制、复制或创建"}, Oddity("repetition", "s1", "复制、…复制或"), True),
        ({"kind": "repetition", "clause": "s1", "printed": "复制、创建"}, Oddity("repetition", "s1", "复制、…复制或"), False),
        ({"kind": "repetition", "clause": "s1", "printed": "复制或创建"}, Oddity("repetition", "s1", "复制、…复制或"), True),
        ({"kind": "repetition", "clause": "s1", "printed": "使用或创建"}, Oddity("repetition", "s1", "复制、…复制或"), False),
        ({"kind": "repetition", "clause": "s2", "printed": "复制、复制或"}, Oddity("repetition", "s1", "复制、…复制或"), False),
        (
            {"kind": "repetition", "clause": "s1", "printed": "许可方许可方许可方许可方"},
            Oddity("repetition", "s1", "许可方许可方许可方许可方"),
            True,
        ),
        # without `printed`, an erratum covers nothing, not even text that spells a placeholder
        ({"kind": "repetition", "clause": "s1"}, Oddity("repetition", "s1", "No、…Non"), False),
        ({"kind": "repetition", "clause": "s1"}, Oddity("repetition", "s1", "XX、…XXX"), False),
        ({"kind": "punctuation", "clause": "s9"}, Oddity("punctuation", "s1", "N"), False),
    ],
)
def test_covers(erratum, oddity, covered):
    assert errata._covers(erratum, oddity) is covered


def _numbered():
    from factories import clause, item, section

    zh = [
        section("s1", "一、", "定义", line=3, lang="zh-Hans"),
        item("s1-1", "1.", "s1", "甲", line=5, lang="zh-Hans"),
        item("s1-2", "3.", "s1", "乙", line=7, lang="zh-Hans"),  # printed 3. in second place
        item("s1-3", "", "s1", "丙", line=9, lang="zh-Hans"),  # unnumbered
        clause("s1-3-a", "item", "丁", level=5, parent="s1-3", number="1.", line=11, lang="zh-Hans"),  # a level with no style
        item("s1-4", "4. [sic: 3.]", "s1", "戊", line=13, lang="zh-Hans"),  # third numbered: 3.
    ]
    return license_of(zh)


@pytest.mark.parametrize(
    ("erratum", "misnumbered"),
    [
        ({"clause": "s1-2", "printed": "3."}, True),
        ({"clause": "s1-2", "printed": "2."}, False),
        ({"clause": "s1-1", "printed": "1."}, False),
        ({"clause": "s1-4", "printed": "4."}, True),
        ({"clause": "s1-4", "printed": "3."}, False),
        ({"clause": "s1", "printed": "一、"}, False),
        ({"clause": "s9", "printed": "3."}, False),
        ({"printed": "3."}, False),
        ({"clause": "s1-3-a", "printed": "1."}, False),
        ({"clause": "s1-3", "printed": ""}, False),
    ],
)
def test_misnumbered(erratum, misnumbered):
    """A numbering erratum is founded only where the clause prints that number and its place calls for another."""
    assert errata._misnumbered(_numbered(), erratum) is misnumbered


@pytest.mark.parametrize(
    ("original", "texts"),
    [
        ("  T\n一、定义 1.\n甲 乙  丙\n", {"": "T", "s1": "一、定义", "s1-1": "1.甲 乙  丙"}),
        ("T 一、定X义1.甲乙丙丁", {"": "T", "s1": "一、定X义", "s1-1": "1.甲乙丙丁"}),  # the original's extra characters
        ("T一、定义1.甲丙", {"": "T", "s1": "一、定义", "s1-1": "1.甲丙"}),
    ],
)
def test_clause_texts_on_a_small_model(original, texts):
    """Each clause's original text with its own spaces; a space between clauses, or before the
    first character, goes nowhere. A character only the original has goes with the source
    character at its place (or the last one)."""
    from factories import item, section

    zh = [section("s1", "一、", "定义", line=3, lang="zh-Hans"), item("s1-1", "1.", "s1", "甲乙 丙", line=5, lang="zh-Hans")]
    assert errata.clause_texts(license_of(zh, original=original, zh_title="T")) == texts


def test_a_repetition_is_found_across_a_stray_space_on_a_small_model():
    from factories import item, section

    text = "甲乙丙丁戊己庚辛壬癸子丑，以及甲乙丙丁戊己庚辛壬癸子丑"
    zh = [section("s1", "一、", "定义", line=3, lang="zh-Hans"), item("s1-1", "1.", "s1", text, line=5, lang="zh-Hans")]
    original = "T\n一、定义\n1.甲乙丙丁戊己庚辛壬癸子丑，以及甲乙丙丁戊 己庚辛壬癸子丑\n"
    assert errata.detect(license_of(zh, original=original, zh_title="T")) == [
        Oddity("spacing", "s1-1", "戊 己"),
        Oddity("repetition", "s1-1", "甲乙丙丁戊己庚辛壬癸子丑"),
    ]


def test_a_character_only_the_original_has_at_its_end_goes_to_the_last_clause():
    """Even when that clause has one character and the one before it is another clause's."""
    from factories import item, section

    zh = [section("s1", "一、", "定义", line=3, lang="zh-Hans"), item("s1-1", "", "s1", "甲", line=5, lang="zh-Hans")]
    assert errata.clause_texts(license_of(zh, original="T一、定义甲乙", zh_title="T")) == {"": "T", "s1": "一、定义", "s1-1": "甲乙"}


def test_clause_texts_of_an_empty_source():
    assert errata.clause_texts(license_of(original="甲 乙\n丙", zh_title="")) == {"": "甲 乙丙"}


def test_unfounded_on_a_small_model():
    unfounded = (
        "erratum {}: the checker finds no {} oddity {!r} in the original, and it is not a reviewed erratum (checks/errata.py REVIEWED)"
    )
    doubled = "有权展示、使用、或以其他方式处理这些标识的权利"
    listed = [
        {"id": "a", "kind": "numbering", "clause": "s1-2", "printed": "3."},
        {"id": "b", "kind": "numbering", "clause": "s1-1", "printed": "1."},
        {"id": "c", "kind": "spacing", "clause": "s1", "printed": "甲 乙"},
        {"id": "iii-2-right-doubled", "kind": "wording", "clause": "s3-2", "printed": doubled},
        {"id": "iii-2-right-doubled", "kind": "wording", "clause": "s3-2", "printed": "有权"},
        {"id": "d", "kind": "spacing", "printed": "丙 丁"},
    ]
    found = errata._unfounded(_numbered(), [Oddity("spacing", "s1", "甲 乙")], list(enumerate(listed, start=2)))
    assert found == [
        finding("errata.yaml", 13, "ERRATUM-UNFOUNDED", "s1-1", unfounded.format("b", "numbering", "1.")),
        finding("errata.yaml", 16, "ERRATUM-UNFOUNDED", "s3-2", unfounded.format("iii-2-right-doubled", "wording", "有权")),
        finding("errata.yaml", 17, "ERRATUM-UNFOUNDED", "", unfounded.format("d", "spacing", "丙 丁")),
    ]


def test_a_repeated_erratum_id_is_reported_on_the_line_of_its_id():
    """A duplicate is reported where its `id:` key stands, not where its entry starts."""
    lic = license_of(errata=[{"id": "a"}, {"id": "a", "clause": "s1"}])
    lic.lines[lic.path("errata.yaml")] = {(0,): 10, (0, "id"): 11, (1,): 14, (1, "id"): 16}
    assert errata._ids(lic) == [finding("errata.yaml", 16, "ERRATUM-DUPLICATE", "s1", "erratum ID a already used on line 11")]


STALE_NOT_PRINTED = [
    pytest.param({"id": "a", "clause": "s1", "kind": "spacing"}, [], id="text-without-printed"),
    pytest.param({"id": "b", "clause": "s1", "kind": "punctuation", "printed": "正文"}, [], id="text-printed"),
    pytest.param(
        {"id": "c", "clause": "s1", "kind": "numbering"},
        [finding("errata.yaml", 10, "ERRATUM-STALE", "s1", "erratum c: '' is not printed in this clause")],
        id="numbering-without-printed",
    ),
]


@pytest.mark.parametrize(("erratum", "expected"), STALE_NOT_PRINTED)
def test_stale_of_an_erratum_without_printed_text(erratum, expected):
    """No `printed` quotes the empty text: found in any clause's text, never its number."""
    from factories import item

    lic = license_of(zh=[item("s1", "1.", None, "正文", lang="zh-Hans")], errata=[erratum])
    assert errata._stale(lic) == expected
