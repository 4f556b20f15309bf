"""The clause model that one parse of the real sources yields."""

from __future__ import annotations

from pathlib import Path

import pytest

from licensekit.model import LANGS, Document, Finding, Paragraph, Span
from licensekit.parse import NUMBER, _check_front_matter, load, parse_document, source_texts

IDS = (
    ["s1", "s1-license", "s1-model", "s1-data", "s1-personal-information", "s1-output", "s1-training", "s1-model-derivatives"]
    + ["s1-distribution", "s1-licensor", "s1-you", "s1-third-party", "s1-commercial-use"]
    + ["s2", "s2-grant", "s2-1", "s2-2", "s2-3", "s2-4", "s2-5", "s3", "s3-1", "s3-2", "s3-3", "s4", "s4-1", "s4-2", "s4-3"]
    + [f"s4-3-{n}" for n in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")]
    + ["s4-4", "s4-5", "s4-6", "s5", "s5-1", "s5-2", "s5-3", "appendix", "appendix-1", "appendix-2"]
    + [
        f"appendix-2-{f}"
        for f in ("applicant-name", "agent-name", "applicant-contact", "agent-contact", "derivative-works", "commercial-use")
    ]
    + ["appendix-note"]
)


@pytest.mark.parametrize("lang", LANGS)
def test_clause_ids_in_reading_order(lic, lang):
    assert [c.id for c in lic.docs[lang].clauses] == IDS


def test_inline_definition_is_an_anchor(lic):
    for doc in lic.docs.values():
        assert doc.by_id()["s3-2"].defines == ["s3-2-marks"]
        assert "s3-2-marks" in doc.anchors()


def test_numbers_are_literal(lic):
    zh, en = lic.zh.by_id(), lic.en.by_id()
    assert [zh[f"s4-3-{n}"].number for n in ("i", "ii", "iii", "ix")] == ["(i)", "(ii)", "(ii)", "(x)"]
    assert [en[f"s4-3-{n}"].number for n in ("i", "ii", "iii", "ix")] == ["(i)", "(ii)", "(ii) [sic: (iii)]", "(x) [sic: (ix)]"]
    assert [(en[f"s4-3-{n}"].printed_number, en[f"s4-3-{n}"].sic) for n in ("ii", "iii", "ix")] == [
        ("(ii)", ""),
        ("(ii)", "(iii)"),
        ("(x)", "(ix)"),
    ]
    assert (zh["s2"].number, zh["s2"].title, en["s2"].number) == ("二、", "许可及许可限制", "II.")
    assert (zh["appendix"].number, zh["appendix"].title) == ("", "附则")


def test_kinds_and_parents(lic):
    zh = lic.zh.by_id()
    assert (zh["s1-you"].kind, zh["s1-you"].parent) == ("definition", "s1")
    assert (zh["s2-grant"].kind, zh["s2-grant"].caption) == ("paragraph", "许可的授予")
    assert (zh["s4-3-iii"].kind, zh["s4-3-iii"].parent) == ("item", "s4-3")
    assert (zh["appendix-2-agent-name"].kind, zh["appendix-2-agent-name"].title) == ("field", "申请代理人名称")


def test_explicit_cross_references(lic):
    for doc in lic.docs.values():
        by_id = doc.by_id()
        assert by_id["s2-2"].refs == ["appendix"]
        assert by_id["s2-5"].refs == ["s2"]
        assert by_id["appendix-1"].refs == ["s2"]
        assert by_id["appendix-2"].refs == ["appendix-1"]
        # 以上 names no clause: the reading (IV.1 and IV.2) is a translation note, not markup
        assert by_id["s4-3"].refs == []
        assert by_id["appendix-note"].refs == ["appendix-2-derivative-works"]


def test_term_uses(lic):
    zh, en = lic.zh.by_id(), lic.en.by_id()
    assert zh["s2-grant"].terms == ["s1-license", "s1-licensor", "s1-you", "s1-commercial-use", "s1-output", "s1-model-derivatives"]
    assert en["s2-2"].terms == ["s1-model-derivatives", "s1-commercial-use", "s1-licensor"]
    assert [s.text for s in zh["s2-2"].spans("term")] == ["模型衍生品", "商业用途", "许可方"]


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("XXXVIII. Thirty-eighth", "XXXVIII.", "Thirty-eighth"),
        ("XXXIX. Thirty-ninth", "XXXIX.", "Thirty-ninth"),
        ("CCCLXXXVIII. Long", "CCCLXXXVIII.", "Long"),
        ("xxxviii. Lower case", "xxxviii.", "Lower case"),
        ("(xxxviii) In brackets", "(xxxviii)", "In brackets"),
        ("1234567. Many digits", "1234567.", "Many digits"),
        ("二十八、 Chinese", "二十八、", "Chinese"),
        ("b. One letter", "b.", "One letter"),
        ("Definitions. A word", "", "Definitions. A word"),
        ("Notes", "", "Notes"),
    ],
)
def test_number_of_any_length(heading, number, title):
    match = NUMBER.match(heading)
    assert (match.group(1) if match else "", heading[match.end() :] if match else heading) == (number, title)


# --- one source in isolation ---------------------------------------------------------------

FRONT = "---\nlang: {lang}\ntitle: T\n---\n"


def parsed(tmp_path, lang: str, body: str):
    path = tmp_path / "zh.md"
    path.write_text(FRONT.format(lang=lang) + body, encoding="utf-8")
    return path, parse_document(path, lang, {"t-model"})


@pytest.mark.parametrize(
    ("lang", "heading", "title"),
    [
        ("zh-Hans", "# 标题 `代码` 尾", "标题 代码 尾"),
        ("en", "# The `baichuan-7B` License", "The baichuan-7B License"),
        ("en", "# `code` only", "code only"),
    ],
)
def test_the_title_keeps_its_code_spans(tmp_path, lang, heading, title):
    _, (doc, found) = parsed(tmp_path, lang, heading + "\n")
    assert (doc.title, doc.title_line, found) == (title, 5, [])


@pytest.mark.parametrize("body", ["", "## 一、定义 {#s1}\n"])
def test_a_missing_title_is_placed_on_the_first_line(tmp_path, body):
    """The line that findings about a missing title point at (the reviewed texts' check reads doc.title_line)."""
    path, (doc, found) = parsed(tmp_path, "zh-Hans", body)
    assert (doc.title, doc.title_line) == ("", 1)
    assert [f.format(tmp_path) for f in found][-1] == "zh.md:1: STRUCTURE -: missing the `#` title"


@pytest.mark.parametrize(
    ("text", "spans", "messages"),
    [
        ("[词]{#t1}", [Span("defterm", "词", "t1")], []),
        ("[词]{.x} 和", [Span("defterm", "词", ""), Span("text", " 和")], ["attributes ['class'] are not allowed"]),
        ("甲[词]{lang=en}", [Span("text", "甲"), Span("defterm", "词", "")], ["attributes ['lang'] are not allowed"]),
        (
            "见[第一条](#s1)与[模型](#t-model)",
            [Span("text", "见"), Span("ref", "第一条", "s1"), Span("text", "与"), Span("term", "模型", "t-model")],
            [],
        ),
    ],
)
def test_spans_of_a_paragraph(tmp_path, text, spans, messages):
    path, (doc, found) = parsed(tmp_path, "zh-Hans", "# 标题\n\n## 一、定义 {#s1}\n\n" + text + "\n")
    assert doc.clauses[0].paragraphs == [Paragraph(spans, 9)]
    assert found == [Finding(path, 9, "BAD-ATTR", "s1", m) for m in messages]


def test_a_mark_inside_another_is_refused_and_the_text_after_it_kept_as_text(tmp_path):
    path, (doc, found) = parsed(tmp_path, "zh-Hans", "# 标题\n\n## 一、定义 {#s1}\n\n[外[词](#s1)尾]{#t1}\n")
    assert doc.clauses[0].paragraphs == [Paragraph([Span("text", "外"), Span("ref", "词", "s1"), Span("text", "尾", "")], 9)]
    assert found == [Finding(path, 9, "UNSUPPORTED-MARKUP", "s1", "a reference or marked term inside another is not allowed")]


def test_markup_before_the_first_section_belongs_to_no_clause(tmp_path):
    path, (_, found) = parsed(tmp_path, "zh-Hans", "# 标题\n\n<div>x</div>\n\n***\n")
    assert found == [
        Finding(path, 7, "RAW-HTML", "", "raw HTML is not allowed in a source"),
        Finding(path, 9, "UNSUPPORTED-MARKUP", "", "hr is not allowed; use headings and paragraphs"),
    ]


def test_a_license_folder_that_is_not_there(tmp_path):
    lic = load(tmp_path / "missing")
    assert lic.findings == [Finding(tmp_path / "missing", 1, "FILE-MISSING", "", "the license folder does not exist")]
    assert lic.docs == {
        "zh-Hans": Document(tmp_path / "missing" / "zh.md", "zh-Hans", "", 1),
        "en": Document(tmp_path / "missing" / "en.md", "en", "", 1),
    }
    # an empty model that every check can run over
    assert lic.root == tmp_path / "missing"
    assert (lic.metadata, lic.glossary, lic.errata, lic.notes, lic.original) == ({}, [], [], [], "")
    assert (lic.lines, lic.texts, lic.published) == ({}, {}, {})


def test_an_empty_license_folder_names_every_missing_source(tmp_path):
    gone = "cannot read the file: No such file or directory"
    names = ["metadata.yaml", "glossary.yaml", "errata.yaml", "translation-notes.yaml", "published-ids.yaml", "zh.md", "en.md"]
    assert load(tmp_path).findings == [
        Finding(tmp_path / "schema", 1, "FILE-MISSING", "", "the schema folder does not exist"),
        *(Finding(tmp_path / name, 1, "FILE-MISSING", "", gone) for name in names),
    ]


FRONT_MATTER = [
    ("lang: zh-Hans\ntitle: T", []),
    ("lang: en\ntitle: T", [(1, "FRONT-MATTER", "lang is 'en', expected 'zh-Hans'")]),
    ("title: T", [(1, "FRONT-MATTER", "lang is None, expected 'zh-Hans'")]),
    ("- lang", [(1, "FRONT-MATTER", "front matter must be a mapping with lang and title")]),
    ("lang: zh-Hans", [(1, "FRONT-MATTER", "title is missing")]),
    ("lang: zh-Hans\ntitle: ' '", [(1, "FRONT-MATTER", "title is missing")]),
    ("lang: zh-Hans\ntitle: 3", [(1, "FRONT-MATTER", "title is missing")]),
    ("lang: zh-Hans\ntitle: T\n- x", [(4, "FRONT-MATTER", "invalid YAML: did not find expected key")]),
    ("lang: &a zh-Hans\ntitle: T", [(2, "YAML-ALIAS", "anchor &a is not allowed; write the value out")]),
    ("lang: zh-Hans\nlang: en\ntitle: T", [(3, "YAML-DUPLICATE-KEY", "key 'lang' is repeated (first on line 2)")]),
]


@pytest.mark.parametrize(("content", "expected"), FRONT_MATTER, ids=[c.replace("\n", "|") for c, _ in FRONT_MATTER])
def test_front_matter_of_the_chinese_text(content, expected):
    path = Path("zh.md")
    assert _check_front_matter(path, 1, content, "zh-Hans") == [Finding(path, *e[:2], "", e[2]) for e in expected]


def test_sources_outside_the_license_folder_are_refused_where_metadata_names_them(tmp_path):
    (tmp_path / "metadata.yaml").write_text(
        "languages:\n  - tag: en\n    source: ../en.md\n  - tag: zh-Hans\n    source: /etc/zh.md\noriginal:\n  path: a/../../seed.txt\n",
        encoding="utf-8",
    )
    lic = load(tmp_path)
    outside = "must be relative and inside the license folder"
    assert [f for f in lic.findings if f.code == "FILE-OUTSIDE"] == [
        Finding(tmp_path / "metadata.yaml", 5, "FILE-OUTSIDE", "", f"source path '/etc/zh.md' {outside}"),
        Finding(tmp_path / "metadata.yaml", 3, "FILE-OUTSIDE", "", f"source path '../en.md' {outside}"),
        Finding(tmp_path / "metadata.yaml", 7, "FILE-OUTSIDE", "", f"source path 'a/../../seed.txt' {outside}"),
    ]
    assert lic.docs == {
        "zh-Hans": Document(tmp_path / "zh.md", "zh-Hans", "", 1),
        "en": Document(tmp_path / "en.md", "en", "", 1),
    }
    assert lic.original == ""


@pytest.mark.parametrize("content", ["- s1\n", "s1\n", "3\n"], ids=["list", "string", "number"])
def test_a_registry_of_published_ids_that_is_no_mapping_is_read_as_empty(tmp_path, content):
    (tmp_path / "published-ids.yaml").write_text(content, encoding="utf-8")
    assert load(tmp_path).published == {}


def test_data_files_of_the_wrong_shape_load_as_empty(tmp_path):
    files = {
        "metadata.yaml": "- a\n",
        "glossary.yaml": "a: 1\n",
        "errata.yaml": "a: 1\n",
        "translation-notes.yaml": "x\n",
        "published-ids.yaml": "- s1\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lic = load(tmp_path)
    assert [f for f in lic.findings if f.code == "YAML-SHAPE"] == [
        Finding(tmp_path / "glossary.yaml", 1, "YAML-SHAPE", "", "the glossary must be a list")
    ]
    assert (lic.metadata, lic.glossary, lic.errata, lic.notes, lic.published) == ({}, [], [], [], {})


def test_language_entries_that_name_no_source_of_ours_are_ignored(tmp_path):
    (tmp_path / "metadata.yaml").write_text(
        "languages:\n  - en\n  - 3\n  - tag: fr\n    source: ../fr.md\n  - tag: en\n    source: 3\n  - source: /en.md\n",
        encoding="utf-8",
    )
    lic = load(tmp_path)
    assert [f for f in lic.findings if f.code == "FILE-OUTSIDE"] == []
    assert {lang: doc.path for lang, doc in lic.docs.items()} == {"zh-Hans": tmp_path / "zh.md", "en": tmp_path / "en.md"}


@pytest.mark.parametrize("first", ["not UTF-8", "too large"])
def test_source_texts_leave_out_only_a_file_that_cannot_be_read(tmp_path, monkeypatch, first):
    from licensekit import sources

    monkeypatch.setattr(sources, "MAX_BYTES", 3)  # one Chinese character
    root = tmp_path / "license"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (root / "a.md").write_bytes(b"\xff\xfe" if first == "not UTF-8" else "甲甲".encode())
    (root / "b.md").write_text("乙", encoding="utf-8")
    (root / "sub" / "c.yaml").write_text("丙", encoding="utf-8")
    (tmp_path / "docs" / "d.md").write_text("丁", encoding="utf-8")
    assert source_texts(root) == {root / "b.md": "乙", root / "sub" / "c.yaml": "丙", tmp_path / "docs" / "d.md": "丁"}
