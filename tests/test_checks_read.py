"""Reading the sources (sources.py, parse.py): encoding, YAML, structure and markup, each
problem as its exact finding."""

from __future__ import annotations

import pytest

from licensekit.model import Finding
from licensekit.parse import parse_document
from licensekit.sources import read_text, read_yaml

HEAD = "---\nlang: en\ntitle: T\n---\n\n# T\n\n## I. A {#s1}\n\n"  # the section heading is on line 8


def parsed(tmp_path, body: str, head: str = HEAD):
    path = tmp_path / "en.md"
    path.write_text(head + body, encoding="utf-8")
    doc, findings = parse_document(path, "en", {"s1-term"})
    return path, doc, findings


def test_a_valid_source_parses_clean(tmp_path):
    body = "### 1. *Caption* {#s1-1}\n\nSee [A](#s1) and [term](#s1-term), [Mark]{#s1-1-mark}.\n\n#### (i) {#s1-1-i}\n\nSub.\n"
    _, doc, findings = parsed(tmp_path, body)
    assert findings == []
    assert [(c.id, c.level, c.parent, c.kind) for c in doc.clauses] == [
        ("s1", 2, None, "section"),
        ("s1-1", 3, "s1", "item"),
        ("s1-1-i", 4, "s1-1", "item"),
    ]
    assert [(s.kind, s.text, s.target) for s in doc.clauses[1].spans("ref") + doc.clauses[1].spans("term")] == [
        ("ref", "A", "s1"),
        ("term", "term", "s1-term"),
    ]


STRUCTURE = [
    ("### 1. {#s1-1}\n\nx\n\n#### (i) {#a}\n\ny\n\n##### (a) {#b}\n\nz\n", 18, "b", "a level-5 heading must sit under a level-4 heading"),
    ("### 1. {#s1-1}\n\nx\n\n###### (a) {#b}\n\nz\n", 14, "b", "a level-6 heading must sit under a level-5 heading"),
    ("#### (i) {#s1-0-i}\n\ny\n", 10, "s1-0-i", "a level-4 heading must sit under a level-3 heading"),
    ("# Again\n\n", 10, "", "a second `#` title"),
]


@pytest.mark.parametrize("body,line,clause,message", STRUCTURE, ids=["level-5", "level-6", "level-4-under-2", "second-title"])
def test_structure(tmp_path, body, line, clause, message):
    path, _, findings = parsed(tmp_path, body)
    assert findings == [Finding(path, line, "STRUCTURE", clause, message)]


def test_structure_before_the_title(tmp_path):
    path, _, findings = parsed(tmp_path, "", head="---\nlang: en\ntitle: T\n---\n\nText.\n\n## I. A {#s1}\n\n# T\n")
    assert findings == [
        Finding(path, 6, "STRUCTURE", "", "text before the first section"),
        Finding(path, 8, "STRUCTURE", "", "a heading before the `#` title"),
    ]


def test_structure_without_a_title(tmp_path):
    path, _, findings = parsed(tmp_path, "", head="---\nlang: en\ntitle: T\n---\n")
    assert findings == [Finding(path, 1, "STRUCTURE", "", "missing the `#` title")]


BAD_ATTR = [
    ("See [A](#s1){.x}.", "attributes ['class'] are not allowed"),
    ("See [A](#s1){title=t data-x=1}.", "attributes ['data-x', 'title'] are not allowed"),
    ("A [Mark]{#s1-1-mark .big}.", "attributes ['class'] are not allowed"),
]


@pytest.mark.parametrize("text,message", BAD_ATTR, ids=["class-on-link", "two-on-link", "class-on-term"])
def test_bad_attr(tmp_path, text, message):
    path, _, findings = parsed(tmp_path, f"### 1. {{#s1-1}}\n\n{text}\n")
    assert findings == [Finding(path, 12, "BAD-ATTR", "s1-1", message)]


MARKUP = [
    ("<div>x</div>\n", [("RAW-HTML", "raw HTML is not allowed in a source")]),
    ("x <b>y</b>\n", [("RAW-HTML", "raw HTML '<b>' is not allowed"), ("RAW-HTML", "raw HTML '</b>' is not allowed")]),
    ("- item\n", [("UNSUPPORTED-MARKUP", "bullet_list is not allowed; use headings and paragraphs")]),  # once, not per item
    ("> a\n>\n> - b\n", [("UNSUPPORTED-MARKUP", "blockquote is not allowed; use headings and paragraphs")]),
    ("x ![i](#s1)\n", [("UNSUPPORTED-MARKUP", "image is not allowed in clause text")]),
    ("[out](https://example.com/)\n", [("BAD-LINK", "link to 'https://example.com/': only references to clauses (#id) are allowed")]),
]


@pytest.mark.parametrize("text,expected", MARKUP, ids=[m[1][0][0] + "-" + str(i) for i, m in enumerate(MARKUP)])
def test_markup_outside_the_subset(tmp_path, text, expected):
    path, _, findings = parsed(tmp_path, f"### 1. {{#s1-1}}\n\n{text}")
    assert findings == [Finding(path, 12, code, "s1-1", message) for code, message in expected]


FRONT = [
    ("---\nlang: zh-Hans\ntitle: T\n---\n\n# T\n", 1, "lang is 'zh-Hans', expected 'en'"),
    ("---\nlang: en\n---\n\n# T\n", 1, "title is missing"),
    ("---\n- a\n---\n\n# T\n", 1, "front matter must be a mapping with lang and title"),
    ("---\nlang: [en\n---\n\n# T\n", 3, "invalid YAML: did not find expected ',' or ']'"),
    ("# T\n", 1, "missing front matter (--- lang, title ---)"),
]


@pytest.mark.parametrize("head,line,message", FRONT, ids=["lang", "title", "not-a-mapping", "yaml", "missing"])
def test_front_matter(tmp_path, head, line, message):
    path, _, findings = parsed(tmp_path, "", head=head)
    assert findings == [Finding(path, line, "FRONT-MATTER", "", message)]


ENCODING = [
    (b"\xef\xbb\xbfa\nb\n", "a\nb\n", [(1, "ENC-BOM", "starts with a UTF-8 byte-order mark; save without BOM")]),
    (b"a\nb\r\nc\r\n", "a\nb\nc\n", [(2, "ENC-CRLF", "uses CR or CRLF line endings; use LF only")]),
    (b"a\rb\r", "a\nb\n", [(1, "ENC-CRLF", "uses CR or CRLF line endings; use LF only")]),
    (b"a\nb\n\xff\n", None, [(3, "ENC-UTF8", "not valid UTF-8 (byte 4); save as UTF-8")]),
    (
        b"\xef\xbb\xbf\n\xe4\xb8",
        None,
        [
            (1, "ENC-BOM", "starts with a UTF-8 byte-order mark; save without BOM"),
            (2, "ENC-UTF8", "not valid UTF-8 (byte 1); save as UTF-8"),
        ],
    ),
]


@pytest.mark.parametrize("raw,text,problems", ENCODING, ids=["bom", "crlf", "cr", "latin-1", "bom-and-truncated"])
def test_encoding(tmp_path, raw, text, problems):
    path = tmp_path / "x.md"
    path.write_bytes(raw)
    assert read_text(path) == (text, [Finding(path, line, code, "", message) for line, code, message in problems])


def test_file_missing(tmp_path):
    path = tmp_path / "gone.yaml"
    assert read_text(path) == (None, [Finding(path, 1, "FILE-MISSING", "", "cannot read the file: No such file or directory")])
    assert read_yaml(path) == (None, {}, [Finding(path, 1, "FILE-MISSING", "", "cannot read the file: No such file or directory")])


YAML = [
    # libyaml's wording: the lock pins a PyYAML wheel built with it.
    ("a: 1\nb: [2\n", 3, "did not find expected ',' or ']'"),
    ("a: 1\n  b: 2\n", 2, "mapping values are not allowed in this context"),
    ("- a\nb: 1\n", 2, "did not find expected '-' indicator"),
]


@pytest.mark.parametrize("text,line,problem", YAML, ids=["flow", "indent", "mixed"])
def test_yaml_syntax(tmp_path, text, line, problem):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path) == (None, {}, [Finding(path, line, "YAML-SYNTAX", "", f"invalid YAML: {problem}")])


def test_yaml_lines_of_every_value(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("# c\na: 1\nb:\n  - x: 2\n    y: 3\n  - z\n", encoding="utf-8")
    data, lines, findings = read_yaml(path)
    assert (data, findings) == ({"a": 1, "b": [{"x": 2, "y": 3}, "z"]}, [])
    assert lines == {(): 2, ("a",): 2, ("b",): 3, ("b", 0): 4, ("b", 0, "x"): 4, ("b", 0, "y"): 5, ("b", 1): 6}


def test_the_parser_lets_every_link_through_to_be_judged():
    # markdown-it would drop a javascript: link silently; the parser keeps it so that BAD-LINK names it.
    from licensekit.parse import _markdown

    tokens = _markdown().parse("---\na: 1\n---\n\n[x](javascript:alert(1)){#i} [t]{#d}\n")
    assert tokens[0].type == "front_matter"
    inline = [t for t in tokens if t.type == "inline"][0].children
    assert [(t.type, dict(t.attrs)) for t in inline if t.type in ("link_open", "span_open")] == [
        ("link_open", {"href": "javascript:alert(1)", "id": "i"}),
        ("span_open", {"id": "d"}),
    ]


@pytest.mark.parametrize("lang,brk", [("en", " "), ("zh-Hans", "")])
def test_spans_of_a_paragraph(tmp_path, lang, brk):
    head = HEAD.replace("lang: en", f"lang: {lang}")
    body = "### 1. {#s1-1}\n\nA *em* **strong** `<code>` hard  \nbreak\nsoft [ref](#s1) [term](#s1-term) [Mark]{#s1-1-mark}.\n"
    path = tmp_path / "x.md"
    path.write_text(head + body, encoding="utf-8")
    doc, findings = parse_document(path, lang, {"s1-term"})
    # Emphasis in clause text is refused once per paragraph (it is for captions); its text is kept.
    assert findings == [Finding(path, 12, "UNSUPPORTED-MARKUP", "s1-1", "emphasis is not allowed in clause text; captions go in headings")]
    assert [(s.kind, s.text, s.target) for s in doc.clauses[1].paragraphs[0].spans] == [
        ("text", f"A em strong <code> hard{brk}break{brk}soft ", ""),
        ("ref", "ref", "s1"),
        ("text", " ", ""),
        ("term", "term", "s1-term"),
        ("text", " ", ""),
        ("defterm", "Mark", "s1-1-mark"),
        ("text", ".", ""),
    ]


def test_heading_parts(tmp_path):
    body = "### 1. *Part `Two`* {#s1-1}\n\nx\n\n### `<T>` title {#s1-2}\n\ny\n\n### 2. [A](#s1) <b>x</b> {#s1-3}\n\nz\n"
    path, doc, findings = parsed(tmp_path, body)
    one, two, three = doc.clauses[1:]
    assert (one.number, one.title, one.caption, one.kind) == ("1.", "", "Part Two", "item")
    assert (two.number, two.title, two.caption, two.kind) == ("", "<T> title", "", "field")
    assert findings == [
        Finding(path, 18, "UNSUPPORTED-MARKUP", "", "link_open is not allowed in a heading"),
        Finding(path, 18, "UNSUPPORTED-MARKUP", "", "link_close is not allowed in a heading"),
        Finding(path, 18, "RAW-HTML", "", "raw HTML is not allowed in a heading"),
        Finding(path, 18, "RAW-HTML", "", "raw HTML is not allowed in a heading"),
    ]


def test_load_reads_the_sources_named_in_the_metadata(tmp_path):
    from casebook import edited_copy
    from licensekit.parse import load

    root = edited_copy(tmp_path / "license", [])
    (root / "zh.md").rename(root / "chinese.md")
    meta = (root / "metadata.yaml").read_text(encoding="utf-8")
    (root / "metadata.yaml").write_text(meta.replace("source: zh.md", "source: chinese.md"), encoding="utf-8")
    lic = load(root)
    assert lic.findings == []
    assert lic.zh.path == root / "chinese.md" and lic.zh.title == "baichuan-7B模型许可协议"


def test_load_with_missing_data_files(tmp_path):
    from casebook import edited_copy
    from licensekit.parse import load

    root = edited_copy(tmp_path / "license", [{"file": "translation-notes.yaml", "delete": True}, {"file": "errata.yaml", "delete": True}])
    lic = load(root)
    assert (lic.errata, lic.notes) == ([], [])
    assert lic.findings == [
        Finding(root / "errata.yaml", 1, "FILE-MISSING", "", "cannot read the file: No such file or directory"),
        Finding(root / "translation-notes.yaml", 1, "FILE-MISSING", "", "cannot read the file: No such file or directory"),
    ]
    root2 = edited_copy(tmp_path / "other", [{"file": "glossary.yaml", "content": "a: 1\n"}, {"file": "metadata.yaml", "content": "- 1\n"}])
    lic2 = load(root2)
    assert (lic2.glossary, lic2.metadata) == ([], {})
    assert Finding(root2 / "glossary.yaml", 1, "YAML-SHAPE", "", "the glossary must be a list") in lic2.findings


def test_a_clause_heading_before_any_section(tmp_path):
    path, doc, findings = parsed(tmp_path, "", head="---\nlang: en\ntitle: T\n---\n\n# T\n\n### 1. A {#s1-1}\n\ny\n")
    assert findings == [Finding(path, 8, "STRUCTURE", "s1-1", "a level-3 heading must sit under a level-2 heading")]
    assert [(c.id, c.level, c.parent) for c in doc.clauses] == [("s1-1", 3, None)]


FRONT_TITLE = [
    ("---\nlang: en\ntitle: Ti\n---\n\n# T\n", "Ti", 3),
    ("---\n\ntitle: 'Ti'\nlang: en\n---\n\n# T\n", "Ti", 3),
    ("---\nlang: en\nx: 1\n\ntitle: Ti\n---\n\n# T\n", "Ti", 5),
    ("---\nlang: en\ntitle: 3\n---\n\n# T\n", "", 1),
    ("---\nlang: en\n---\n\n# T\n", "", 1),
    ("---\n- a\n---\n\n# T\n", "", 1),
    ("---\nlang: [en\n---\n\n# T\n", "", 1),
    # the key's own line, however it is written, and not a longer key's that starts alike
    ('---\nlang: en\n"title": Ti\n---\n\n# T\n', "Ti", 3),
    ("---\n{lang: en, title: Ti}\n---\n\n# T\n", "Ti", 2),
    ("---\ntitles: x\ntitle_zh: y\ntitle: Ti\n---\n\n# T\n", "Ti", 4),
    ("---\nlang: en\n? title\n: Ti\n---\n\n# T\n", "Ti", 3),
]


@pytest.mark.parametrize(
    "head,title,line",
    FRONT_TITLE,
    ids=[
        "first",
        "quoted-after-blank",
        "after-a-blank-line",
        "number",
        "none",
        "list",
        "yaml",
        "quoted-key",
        "flow",
        "longer-keys-first",
        "explicit-key",
    ],
)
def test_the_front_matter_title_and_its_line(tmp_path, head, title, line):
    _, doc, _ = parsed(tmp_path, "", head=head)
    assert (doc.front_title, doc.front_title_line) == (title, line)
