"""Characters: the refused ones are named by code point and name, with their line and clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import document, item, section
from licensekit.checks import chars

REFUSED = [
    ("\u3000", "U+3000 IDEOGRAPHIC SPACE"),
    ("\u00a0", "U+00A0 NO-BREAK SPACE"),
    ("\u2028", "U+2028 LINE SEPARATOR"),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
    ("\u0085", "U+0085 NEXT LINE"),
    ("\u001f", "U+001F UNIT SEPARATOR"),
    ("\u0000", "U+0000 NULL"),
    ("\t", "U+0009 CHARACTER TABULATION"),
    ("\u007f", "U+007F DELETE"),
    ("\u009b", "U+009B C1 CONTROL"),
    ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\u200d", "U+200D ZERO WIDTH JOINER"),
    ("\u2060", "U+2060 WORD JOINER"),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "U+00AD SOFT HYPHEN"),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK"),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\u2003", "U+2003 EM SPACE"),
]


@pytest.mark.parametrize("ch,name", REFUSED, ids=[n for _, n in REFUSED])
def test_refused_and_named(ch, name):
    assert chars.refused(ch)
    found = chars.scan(Path("x.md"), f"first line\n不{ch}得\n")
    assert [f.format() for f in found] == [
        f"x.md:2: CHAR-FORBIDDEN -: {name} at column 2: invisible, control and non-ASCII space characters are not allowed"
    ]


@pytest.mark.parametrize("ch", [" ", "\n", "a", "不", "，", "（", "“", "【", "\u00e9", "\u30fb"])
def test_ordinary_characters_pass(ch):
    assert not chars.refused(ch)


def test_one_finding_per_line_counting_the_rest():
    found = chars.scan(Path("x.md"), "a\u200bb\u200bc\u3000\nok\n\u00a0")
    assert [(f.line, f.message.split(":")[0]) for f in found] == [
        (1, "U+200B ZERO WIDTH SPACE at column 2 and 2 more on this line"),
        (3, "U+00A0 NO-BREAK SPACE at column 1"),
    ]


def test_a_leading_bom_and_cr_are_left_to_the_encoding_rules():
    assert chars.scan(Path("x.md"), "\ufeffa\r\nb\r\n") == []
    assert [f.line for f in chars.scan(Path("x.md"), "\ufeffa\ufeff\n")] == [1]


def test_every_source_is_scanned_and_clean(lic):
    names = {p.relative_to(lic.root.parent).as_posix() for p in lic.texts}
    assert {"license/zh.md", "license/en.md", "license/errata.yaml", "license/published-ids.yaml"} <= names
    assert {"license/original/baichuan-7B-license.zh.txt", "license/schema/errata.schema.json", "docs/notes.md", "docs/index.md"} <= names
    assert chars.check(lic) == []


def test_the_original_has_none_of_them(lic):
    """So its byte-identical copy under license/original/ can be held to the same rule."""
    assert [ch for ch in lic.original if chars.refused(ch)] == []


@pytest.mark.slow  # runs the checker as a process
def test_the_cli_names_a_page_of_the_site(tmp_path):
    """A character in docs/ is reported at its own path and line, and the check fails."""
    import subprocess
    import sys

    from casebook import ROOT, broken_copy, cases

    case = next(c for c in cases() if c.name == "char-bidi-isolate-docs")
    root = broken_copy(case, tmp_path / "license")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), str(root)], capture_output=True, text=True, cwd=tmp_path)
    line = next(n for n, t in enumerate((tmp_path / "docs/notes.md").read_text(encoding="utf-8").split("\n"), 1) if "\u2066" in t)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:-1] == [
        f"docs/notes.md:{line}: CHAR-FORBIDDEN -: U+2066 LEFT-TO-RIGHT ISOLATE at column 58 and 1 more on this line:"
        " invisible, control and non-ASCII space characters are not allowed"
    ]


@pytest.mark.parametrize(
    ("ch", "name"),
    [
        ("\u0080", "U+0080 C1 CONTROL"),
        ("\u0081", "U+0081 C1 CONTROL"),
        ("\u009e", "U+009E C1 CONTROL"),
        ("\u009f", "U+009F C1 CONTROL"),
        ("\u00a0", "U+00A0 NO-BREAK SPACE"),
        ("\ue000", "U+E000 UNNAMED"),
        ("\U000e0080", "U+E0080 UNNAMED"),
        ("不", "U+4E0D CJK UNIFIED IDEOGRAPH-4E0D"),
    ],
)
def test_each_character_is_named(ch, name):
    assert chars.describe(ch) == name


def test_a_finding_names_the_clause_whose_heading_is_at_or_above_it():
    doc = document("en", [section("s1", "I.", "One", line=3), item("s1-1", "1.", "s1", line=6)])
    text = "a\u3000\n\n## I. One\u3000{#s1}\n\u3000\n\n### 1.\u3000{#s1-1}\nb\u3000\n"
    found = chars.scan(Path("x.md"), text, doc)
    assert [(f.line, f.clause) for f in found] == [(1, ""), (3, "s1"), (4, "s1"), (6, "s1-1"), (7, "s1-1")]
    assert [f.clause for f in chars.scan(Path("x.md"), text)] == [""] * 5  # no document: no clause to name


def test_a_line_holding_only_a_leading_bom_does_not_end_the_scan():
    found = chars.scan(Path("x.md"), "\ufeffa\nb\u3000\n\u200b")
    assert [(f.line, f.message.split(" at ")[0]) for f in found] == [(2, "U+3000 IDEOGRAPHIC SPACE"), (3, "U+200B ZERO WIDTH SPACE")]
