"""The term-consistency check: one English rendering per glossary term and noted phrase."""

from __future__ import annotations

import pytest

from casebook import edited_copy
from licensekit.checks import consistency
from licensekit.parse import load


def _findings(tmp_path, *edits):
    lic = load(edited_copy(tmp_path / "license", [dict(zip(("file", "find", "replace"), e, strict=True)) for e in edits]))
    return [(f.code, f.clause, f.message) for f in consistency.check(lic)]


def test_the_real_sources_are_consistent(lic):
    assert consistency.check(lic) == []


@pytest.mark.parametrize(
    "note,expected",
    [
        ({"zh-Hans": "甲；乙", "en": "a; b"}, [("甲", "a"), ("乙", "b")]),
        ({"zh-Hans": "被许可人；被许可方", "en": "licensee"}, [("被许可人", "licensee"), ("被许可方", "licensee")]),
        ({"zh-Hans": "最终解释权", "en": "final right to interpret"}, [("最终解释权", "final right to interpret")]),
        ({"zh-Hans": "甲；乙；丙", "en": "a; b"}, [("甲", "a"), ("乙", "b")]),
        # a note lacking a side (the schema check's finding) has no pairs
        ({"zh-Hans": "甲"}, []),
        ({"en": "a"}, []),
        ({}, []),
    ],
)
def test_pairs(note, expected):
    assert consistency.pairs(note) == expected


def test_a_phrase_rendered_otherwise_names_the_clause_that_has_the_rendering(tmp_path):
    found = _findings(
        tmp_path, ("en.md", "#### Details of derivative creation based on the Model", "#### Details of derivative works based on the Model")
    )
    assert found == [
        (
            "TRANSLATION-INCONSISTENT",
            "appendix-2-derivative-works",
            "“衍生创作” (note derivative-creation) is not rendered “derivative creation” here, as in appendix-note",
        )
    ]


def test_a_rendering_no_clause_has(tmp_path):
    found = _findings(
        tmp_path, ("en.md", "As an independent personal information handler", "As an independent processor of personal information")
    )
    assert found == [
        (
            "TRANSLATION-INCONSISTENT",
            "s4-5",
            "“个人信息的独立处理者” (note handler) is not rendered “independent personal information handler” here, "
            "and no clause renders it so",
        )
    ]


def test_english_compares_without_case_and_spacing(tmp_path):
    # a phrase may open a sentence or be re-wrapped
    assert _findings(tmp_path, ("en.md", "The above losses or damages include", "The  Above\nlosses or damages include")) == []


@pytest.mark.parametrize("text, folded", [("The  Above\nlosses", "the above losses"), ("A\tB", "a b"), ("Straße", "strasse")])
def test_english_is_folded_to_lower_case_and_single_spaces(text, folded):
    assert consistency._fold(text) == folded


def test_chinese_compares_without_whitespace(tmp_path):
    assert _findings(tmp_path, ("zh.md", "也不能允许、协助或以其他方式使得", "也不能允许、协助或\n以其他方式使得")) == []


def test_glossary_term_missing_from_one_clause(tmp_path):
    found = _findings(
        tmp_path,
        (
            "en.md",
            "the [Licensor](#s1-licensor) has the final right to interpret",
            "the licensing company has the final right to interpret",
        ),
    )
    assert found == [("TRANSLATION-INCONSISTENT", "s5-1", "the glossary term “许可方” is not rendered “Licensor” here, as in s1-licensor")]


def test_a_marked_english_use_is_left_to_the_terms_check(tmp_path):
    assert _findings(tmp_path, ("en.md", "every [Third Party](#s1-third-party) user", "every [third party](#s1-third-party) user")) == []


def test_notes_about_form_are_not_phrases(tmp_path):
    assert _findings(tmp_path, ("translation-notes.yaml", "zh-Hans: 小标题", "zh-Hans: 不在正文中的词")) == []


def test_a_stale_note(tmp_path):
    found = _findings(tmp_path, ("translation-notes.yaml", "zh-Hans: 友好协商", "zh-Hans: 友好商量"))
    assert found == [("NOTE-STALE", "amicable-negotiation", "“友好商量” is in the Chinese of none of the clauses the note lists")]


def test_clauses_out_of_pairing_are_left_to_the_id_checks(tmp_path):
    found = _findings(tmp_path, ("en.md", "{#s5-3}", "{#s5-x}"), ("en.md", "through amicable negotiation", "through friendly talks"))
    assert found == []


def test_a_glossary_entry_without_id_matches_the_terms_marked_with_an_empty_target():
    """The schema requires an ID; lacking one, the entry is the term whose mark has no target."""
    from factories import clause, finding, license_of, term

    zh = [clause("s1", "paragraph", ["按", term("甲", ""), "。"], lang="zh-Hans"), clause("s2", "paragraph", "乙", lang="zh-Hans")]
    en = [clause("s1", "paragraph", "Under the Thing.", lang="en", line=4), clause("s2", "paragraph", "B.", lang="en")]
    lic = license_of(zh, en, glossary=[{"zh-Hans": "甲", "en": "Foo"}])
    assert consistency.check(lic) == [
        finding("en", 4, "TRANSLATION-INCONSISTENT", "s1", "the glossary term “甲” is not rendered “Foo” here, and no clause renders it so")
    ]


NOTE = {"id": "n", "clauses": ["s1"], "zh-Hans": "最终解释权", "en": "final right to interpret"}
NOT_RENDERED = "“最终解释权” (note n) is not rendered “final right to interpret” here"


@pytest.mark.parametrize(
    "title,text,expected",
    [
        ("", "The Licensor has the final right to interpret.", []),
        # number, title and text are one text, a space apart: a rendering may run on from the title
        ("Final", "right to interpret rests with the Licensor.", []),
        ("", "The Licensor decides.", [f"{NOT_RENDERED}, and no clause renders it so"]),
    ],
)
def test_a_rendering_is_looked_for_in_the_title_and_text(title, text, expected):
    from factories import clause, finding, license_of

    zh = [clause("s1", "paragraph", "最终解释权归许可方。", lang="zh-Hans")]
    en = [clause("s1", "paragraph", text, title=title, line=7)]
    found = consistency.check(license_of(zh, en, notes=[NOTE]))
    assert found == [finding("en", 7, "TRANSLATION-INCONSISTENT", "s1", m) for m in expected]


def test_a_phrase_is_found_across_spaces_and_line_breaks_in_the_chinese():
    from factories import clause, finding, license_of

    zh = [clause("s1", "paragraph", "最终\n解释权。", lang="zh-Hans"), clause("s2", "paragraph", "最 终解释权。", lang="zh-Hans")]
    en = [clause("s1", "paragraph", "The final right to interpret."), clause("s2", "paragraph", "The last word.", line=9)]
    found = consistency.check(license_of(zh, en, notes=[{**NOTE, "clauses": ["s1", "s2"]}]))
    assert found == [finding("en", 9, "TRANSLATION-INCONSISTENT", "s2", f"{NOT_RENDERED}, as in s1")]


@pytest.mark.parametrize(
    "note,expected",
    [
        # lacking an ID and clauses (the schema check's findings), the note lists no clause
        ({"zh-Hans": "最终解释权", "en": "final right to interpret"}, [("NOTE-STALE", "", "“最终解释权”")]),
        # a stale phrase does not stop the note's other phrases from being checked
        (
            {**NOTE, "zh-Hans": "协商；最终解释权", "en": "negotiation; final right to interpret"},
            [("NOTE-STALE", "n", "“协商”"), ("TRANSLATION-INCONSISTENT", "s1", NOT_RENDERED)],
        ),
    ],
)
def test_a_stale_phrase_is_reported_and_the_next_checked(note, expected):
    from factories import clause, finding, license_of

    zh = [clause("s1", "paragraph", "最终解释权归许可方。", lang="zh-Hans")]
    en = [clause("s1", "paragraph", "The Licensor decides.", line=7)]
    stale = " is in the Chinese of none of the clauses the note lists"
    where = {"NOTE-STALE": ("translation-notes.yaml", 10), "TRANSLATION-INCONSISTENT": ("en", 7)}
    tails = {"NOTE-STALE": stale, "TRANSLATION-INCONSISTENT": ", and no clause renders it so"}
    assert consistency.check(license_of(zh, en, notes=[note])) == [
        finding(*where[code], code, cid, start + tails[code]) for code, cid, start in expected
    ]
