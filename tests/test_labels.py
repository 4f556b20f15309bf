"""What a reference's link text may say about its target (REF-LABEL), on a small model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from licensekit.labels import numbers, problem
from licensekit.model import Clause, Document, Paragraph, Span

# id, kind, parent, number (zh, en), title (zh, en), text (zh, en)
ROWS = [
    ("s2", "section", None, ("二、", "II."), ("许可及许可限制", "License and License Restrictions"), ("", "")),
    (
        "s2-grant",
        "paragraph",
        "s2",
        ("", ""),
        ("", ""),
        ("您必须满足如下许可限制条件：", "You must comply with the following license restrictions:"),
    ),
    ("s3", "section", None, ("三、", "III."), ("知识产权", "Intellectual Property"), ("", "")),
    ("s3-1", "item", "s3", ("1.", "1."), ("", ""), ("所有权归许可方。", "Ownership stays with the Licensor.")),
    ("s4", "section", None, ("四、", "IV."), ("免责声明及责任限制", "Disclaimer and Limitation of Liability"), ("", "")),
    ("s4-1", "item", "s4", ("1.", "1."), ("", ""), ("许可方不负责。", "The Licensor is not liable.")),
    ("s4-2", "item", "s4", ("2.", "2."), ("", ""), ("其他损失或损害负责。", "You bear any loss or damage.")),
    ("s4-3", "item", "s4", ("3.", "3."), ("", ""), ("以上损失或损害包括：", "The losses above include:")),
    ("s4-3-iii", "item", "s4-3", ("(ii)", "(iii)"), ("", ""), ("货币使用损失;", "loss of the use of money;")),
    ("s5", "section", None, ("五、", "V."), ("其他", "Miscellaneous"), ("", "")),
    ("appendix", "section", None, ("", ""), ("附则", "Appendix"), ("", "")),
    ("appendix-1", "item", "appendix", ("1.", "1."), ("", ""), ("请按照如下方式联系许可方。", "Please contact the Licensor as follows.")),
    ("appendix-2", "item", "appendix", ("2.", "2."), ("", ""), ("请按照上述方式联系。", "Contact by the method above.")),
    ("appendix-note", "paragraph", "appendix", ("", ""), ("", ""), ("注：回答“否”即可。", "Note: answer “No”.")),
]


def build(lang: str) -> Document:
    k = 0 if lang == "zh-Hans" else 1
    doc = Document(Path(f"{lang}.md"), lang, "title", 1)
    for n, (cid, kind, parent, number, title, text) in enumerate(ROWS):
        paragraphs = [Paragraph([Span("text", text[k])], n)] if text[k] else []
        level = 2 if kind == "section" else 4 if parent == "s4-3" else 3
        doc.clauses.append(Clause(cid, lang, kind, level, parent, number[k], title[k], "", paragraphs, doc.path, n))
    return doc


ZH, EN = build("zh-Hans"), build("en")

LABELS = [
    # lang, label, target, source clause, expected problem ("" when the label fits)
    ("en", "clause 1", "s4-1", "s4-3", ""),
    ("en", "IV.1", "s4-1", "s4-3", ""),
    ("en", "section IV", "s4", "s2-grant", ""),
    ("en", "IV.3(iii)", "s4-3-iii", "s2-grant", ""),
    ("zh-Hans", "第1条", "s4-1", "s4-3", ""),
    ("zh-Hans", "(ii)", "s4-3-iii", "s2-grant", ""),  # as the original misprints it
    ("zh-Hans", "(iii)", "s4-3-iii", "s2-grant", ""),  # its logical number, as English prints it
    ("en", "clause 4", "s4-1", "s4-3", "the label “clause 4” cites 4, but #s4-1 is numbered IV.1"),
    ("en", "IV.2", "s4-1", "s4-3", "the label “IV.2” cites 4.2, but #s4-1 is numbered IV.1"),
    ("en", "(v)", "s4-3-iii", "s2-grant", "the label “(v)” cites 5, but #s4-3-iii is numbered IV.3(iii)"),
    ("zh-Hans", "第3条", "s4-1", "s4-3", "the label “第3条” cites 3, but #s4-1 is numbered 四、1"),
    ("en", "clause 1", "appendix-note", "s2-grant", "the label “clause 1” cites 1, but #appendix-note is numbered nothing"),
    ("en", "Appendix", "appendix", "s2-grant", ""),
    ("en", "the Appendix", "appendix-1", "s2-grant", ""),  # a part of the appendix
    ("zh-Hans", "附则", "appendix", "s2-grant", ""),
    ("en", "Appendix", "s5", "s2-grant", "the label “Appendix” names #appendix, but the reference points to #s5"),
    ("zh-Hans", "附则", "s5", "s2-grant", "the label “附则” names #appendix, but the reference points to #s5"),
    ("en", "Intellectual Property", "s4", "s2-grant", "the label “Intellectual Property” names #s3, but the reference points to #s4"),
    ("en", "method above", "appendix-1", "appendix-2", ""),
    ("zh-Hans", "上述方式", "appendix-1", "appendix-2", ""),
    ("zh-Hans", "以上", "s4-1", "s4-3", ""),
    (
        "en",
        "method above",
        "appendix-note",
        "appendix-2",
        "the label “method above” points back, but #appendix-note does not come before this clause",
    ),
    (
        "zh-Hans",
        "上述方式",
        "appendix-note",
        "appendix-2",
        "the label “上述方式” points back, but #appendix-note does not come before this clause",
    ),
    ("en", "the clauses below", "s4-1", "s4-3", "the label “the clauses below” points ahead, but #s4-1 does not come after this clause"),
    # a clause is neither before nor after itself
    (
        "en",
        "method above",
        "appendix-2",
        "appendix-2",
        "the label “method above” points back, but #appendix-2 does not come before this clause",
    ),
    ("zh-Hans", "以下", "s4-3", "s4-3", "the label “以下” points ahead, but #s4-3 does not come after this clause"),
    ("en", "license restrictions", "s2", "s4-3", ""),
    ("zh-Hans", "许可限制条件", "s2", "s4-3", ""),
    ("zh-Hans", "损失或损害", "s4-2", "s4-3", ""),
    (
        "en",
        "license restrictions",
        "s3",
        "s4-3",
        "the label “license restrictions” has license, restrictions, which #s3 and its parts never say",
    ),
    ("zh-Hans", "许可限制条件", "s3", "s4-3", "the label “许可限制条件” has 限, 制, 条, 件, which #s3 and its parts never say"),
    ("en", "anything", "s9", "s4-3", ""),  # a broken reference is REF-BROKEN's to report
    ("en", "Damages", "s4-2", "s4-3", ""),  # a plural of a word of the target
    ("en", "Licensors", "s3-1", "s4-3", ""),
    ("en", "owners", "s3-1", "s4-3", "the label “owners” has owners, which #s3-1 and its parts never say"),
]


@pytest.mark.parametrize(("lang", "label", "target", "source", "expected"), LABELS, ids=[f"{r[1]}->{r[2]}" for r in LABELS])
def test_label_fits_target(lang, label, target, source, expected):
    docs = [ZH, EN] if lang == "zh-Hans" else [EN, ZH]
    assert problem(label, target, docs[0].by_id()[source], docs) == expected


NUMBERS = [
    ("clause 1", [1]),
    ("IV.3(iii)", [4, 3, 3]),
    ("section IV", [4]),
    ("第十二条", [12]),
    ("第3款", [3]),
    ("(ii)", [2]),
    ("Appendix", []),
    ("一起使用", []),  # Chinese numerals count only as 第…条
]


@pytest.mark.parametrize(("label", "cited"), NUMBERS, ids=[r[0] for r in NUMBERS])
def test_numbers_in_labels(label, cited):
    assert numbers(label) == cited


def test_every_real_reference_fits(lic):
    from licensekit.checks import reflabels

    assert reflabels.check(lic) == []


def contains(haystack: str, needle: str, lang: str) -> bool:
    """Whether a normalized label quotes a name: Chinese without spaces, English in whole words."""
    if lang == "zh-Hans":
        return needle.replace(" ", "") in haystack.replace(" ", "")
    return f" {needle} " in f" {haystack} "


def test_names_are_looked_up_as_every_clause_would_be_compared(lic):
    """The index of titles and captions finds what comparing the label with every clause finds."""
    from licensekit import labels

    labels_seen = {(doc.lang, s.text) for doc in lic.docs.values() for c in doc.clauses for s in c.spans("ref")}
    labels_seen |= {("zh-Hans", "附则第1条"), ("en", "the Appendix and Intellectual Property"), ("en", "Disclaimer"), ("zh-Hans", "")}
    found = 0
    for lang, text in sorted(labels_seen):
        doc = lic.docs[lang]
        label = labels._norm(text)
        expected = [c for c in doc.clauses if any(contains(label, name, lang) for name in labels._names(c))]
        assert labels._named_in(doc, label) == expected, text
        found += bool(expected)
    assert found >= 3


def small_zh() -> Document:
    """A Chinese document whose first title holds punctuation, which `_norm` turns into a space."""
    doc = Document(Path("zh.md"), "zh-Hans", "title", 1)
    rows = [
        ("s3", None, "三、", "知识产权、保密", ""),
        ("s4", None, "四、", "免责声明", ""),
        ("s4-1", "s4", "1.", "", "许可方不负责。"),
        ("s5", None, "五、", "其他", ""),  # its words are its title alone: no space among them
    ]
    for n, (cid, parent, number, title, text) in enumerate(rows):
        paragraphs = [Paragraph([Span("text", text)], n)] if text else []
        kind, level = ("item", 3) if parent else ("section", 2)
        doc.clauses.append(Clause(cid, "zh-Hans", kind, level, parent, number, title, "", paragraphs, doc.path, n))
    return doc


# Chinese titles and labels are compared without spaces, on both sides: a title or a
# label split by punctuation still names the clause.
ZH_NAMES = [
    ("知识产权保密", "s4", "the label “知识产权保密” names #s3, but the reference points to #s4"),
    ("免责 声明", "s3", "the label “免责 声明” names #s4, but the reference points to #s3"),
    ("免责、声明", "s4-1", ""),  # its parent's title
    ("保密", "s4", "the label “保密” has 保, 密, which #s4 and its parts never say"),  # a part of a title is no name
    ("其 他", "s5", ""),
    ("其 它", "s5", "the label “其 它” has 它, which #s5 and its parts never say"),
]


@pytest.mark.parametrize(("label", "target", "expected"), ZH_NAMES, ids=[r[0] for r in ZH_NAMES])
def test_chinese_names_ignore_spaces(label, target, expected):
    doc = small_zh()
    assert problem(label, target, doc.by_id()["s4-1"], [doc]) == expected


def test_a_document_that_changes_is_indexed_again():
    """The names of a document are indexed once, and again when its clauses change: when
    one is added, or when the list is replaced by another as long."""
    doc = small_zh()
    assert problem("附则", "s4", doc.by_id()["s4-1"], [doc]) == "the label “附则” has 附, 则, which #s4 and its parts never say"
    doc.clauses.append(Clause("appendix", "zh-Hans", "section", 2, None, "", "附则", "", [], doc.path, 9))
    assert problem("附则", "s4", doc.by_id()["s4-1"], [doc]) == "the label “附则” names #appendix, but the reference points to #s4"
    doc.clauses = [replace(c, title="补充条款") if c.id == "appendix" else c for c in doc.clauses]
    assert problem("附则", "s4", doc.by_id()["s4-1"], [doc]) == "the label “附则” has 附, 则, which #s4 and its parts never say"


def test_each_document_has_its_own_index():
    """A copy that shares the clauses but not the language is indexed by its own rules:
    in Chinese, names are compared without spaces."""
    en = Document(Path("en.md"), "en", "title", 1)
    en.clauses += [
        Clause("s3", "en", "section", 2, None, "III.", "Intellectual Property", "", [], en.path, 1),
        Clause("s4", "en", "section", 2, None, "IV.", "Disclaimer", "", [], en.path, 2),
    ]
    zh = replace(en, lang="zh-Hans")
    assert zh.clauses is en.clauses
    assert problem("Intellectual Property", "s4", en.clauses[1], [en]) == (
        "the label “Intellectual Property” names #s3, but the reference points to #s4"
    )
    assert problem("IntellectualProperty", "s4", zh.clauses[1], [zh]) == (
        "the label “IntellectualProperty” names #s3, but the reference points to #s4"
    )


def small_en() -> Document:
    """An English section numbered X., whose first item has a caption and a part of its own."""
    doc = Document(Path("en.md"), "en", "title", 1)
    rows = [
        ("s10", None, "X.", "Final Provisions", "", ""),
        ("s10-1", "s10", "1.", "", "Notices", "Notices go by mail."),
        ("s10-1-i", "s10-1", "(i)", "", "Fax", "Faxes are refused."),  # too short a caption to be quoted
        ("s10-2", "s10", "2.", "", "Fees", "Other terms."),
    ]
    for n, (cid, parent, number, title, caption, text) in enumerate(rows):
        paragraphs = [Paragraph([Span("text", text)], n)] if text else []
        kind, level = ("section", 2) if parent is None else ("item", 3 if parent == "s10" else 4)
        doc.clauses.append(Clause(cid, "en", kind, level, parent, number, title, caption, paragraphs, doc.path, n))
    return doc


EN_SMALL = [
    ("faxes", "s10", ""),  # a word of a part of a part
    ("notice", "s10-1", ""),  # the singular of a word of the target
    ("notice", "s10-2", "the label “notice” has notice, which #s10-2 and its parts never say"),
    ("Notices", "s10", ""),  # the caption of a part of the target
    ("Notices", "s10-1-i", ""),  # the caption of a parent of the target
    ("Notices", "s10-2", "the label “Notices” names #s10-1, but the reference points to #s10-2"),
    ("clause 3", "s10-1", "the label “clause 3” cites 3, but #s10-1 is numbered X.1"),
    ("X.2", "s10-1-i", "the label “X.2” cites 10.2, but #s10-1-i is numbered X.1(i)"),
    ("fax", "s10-2", "the label “fax” has fax, which #s10-2 and its parts never say"),
    ("the fees", "s10-1", "the label “the fees” names #s10-2, but the reference points to #s10-1"),
]


@pytest.mark.parametrize(("label", "target", "expected"), EN_SMALL, ids=[f"{r[0]}->{r[1]}" for r in EN_SMALL])
def test_labels_in_a_section_with_deeper_parts(label, target, expected):
    doc = small_en()
    assert problem(label, target, doc.by_id()["s10-2"], [doc]) == expected


@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_labels_in_a_document_without_names(lang):
    """No title or caption is long enough to be quoted: a label is checked by its words alone."""
    doc = Document(Path("x.md"), lang, "title", 1)
    doc.clauses.append(Clause("s1", lang, "section", 2, None, "I.", "A", "", [Paragraph([Span("text", "Go 走")], 1)], doc.path, 1))
    assert problem("go", "s1", doc.clauses[0], [doc]) == ""
    assert problem("stay 走", "s1", doc.clauses[0], [doc]) == (
        "the label “stay 走” has stay, which #s1 and its parts never say"
        if lang == "en"
        else "the label “stay 走” has s, t, y, which #s1 and its parts never say"  # "a" is the title
    )


def test_a_label_citing_another_number_is_reported_on_its_paragraph():
    from factories import item, license_of, ref, section
    from licensekit.checks import reflabels
    from licensekit.model import Finding

    def doc(lang: str, first: str, paras: tuple) -> list:
        return [section("s1", first, "T", line=3, lang=lang), item("s1-1", "1.", "s1", *paras, line=5, lang=lang)]

    lic = license_of(doc("zh-Hans", "一、", ("正文",)), doc("en", "I.", ("Text.", ["See ", ref("clause 2", "s1-1"), "."])))
    assert reflabels.check(lic) == [Finding(lic.en.path, 9, "REF-LABEL", "s1-1", "the label “clause 2” cites 2, but #s1-1 is numbered I.1")]
