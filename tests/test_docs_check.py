"""Hand-written pages follow the rules of the sources: exact findings per hostile line."""

from __future__ import annotations

from pathlib import Path

import pytest

from licensekit.checks.docs import check_docs, check_page
from licensekit.model import Finding
from licensekit.pages import EXTRA_PARTS, PARTS

KNOWN = [*PARTS, *EXTRA_PARTS]
PAGE = Path("docs/x.md")
ONLY_SPAN = 'only <span lang="…"> is'


def found(text: str) -> list[str]:
    return [f.format() for f in check_page(PAGE, f"# Page\n\n{text}\n", KNOWN)]


def html(tag: str) -> str:
    return f"raw HTML {tag!r} is not allowed; {ONLY_SPAN}"


SCRIPT_URL = "URL can run script; link to a page of the site or to https://"


@pytest.mark.parametrize(
    "text,expected",
    [
        # I18: a script element and a javascript: link in a hand-written page
        (
            "<script>alert(1)</script>",
            [html("<script>"), html("</script>")],
        ),
        ("[x](javascript:alert(1))", [f"a javascript: {SCRIPT_URL}"]),
        # script-capable URLs however they are written
        ("[x](javascript&#58;alert(1))", [f"a javascript: {SCRIPT_URL}"]),
        ("[x](JaVaScRiPt:alert(1))", [f"a javascript: {SCRIPT_URL}"]),
        ("[x](java&#x09;script:alert(1))", [f"a javascript: {SCRIPT_URL}"]),
        ("[x](<java script:alert(1)>)", [f"a javascript: {SCRIPT_URL}", html("<java script:alert(1)>")]),
        ("[x](javascript&amp;#58;alert(1))", [f"a javascript: {SCRIPT_URL}"]),
        ("[x](vbscript:msgbox(1))", [f"a vbscript: {SCRIPT_URL}"]),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", [f"a data: {SCRIPT_URL}"]),
        ("![x](DATA:image/svg+xml,<svg/onload=alert(1)>)", [f"a data: {SCRIPT_URL}", html("<svg/onload=alert(1)>")]),
        ("See <javascript:alert(1)>.", [f"a javascript: {SCRIPT_URL}"]),
        # raw HTML beyond <span lang>
        ("<img src=x onerror=alert(1)>", [html("<img src=x onerror=alert(1)>")]),
        ("<svg onload=alert(1)>", [html("<svg onload=alert(1)>")]),
        ('<span lang="en" onclick="alert(1)">x</span>', [f'raw HTML \'<span lang="en" onclick="alert(1)">\' is not allowed; {ONLY_SPAN}']),
        ("<!-- hidden -->", [html("<!-- hidden -->")]),
        ("<img", [html("<img")]),
        # a long tag is quoted by its first 60 characters
        ('<img alt="' + "x" * 60 + '">', [html('<img alt="' + "x" * 50)]),
        # I06 and attribute lists: only an id, a class or lang
        ('[Licensor](zh.md){onclick="alert(1)"}', ["attribute 'onclick' is not allowed; only an id, a class or lang"]),
        ('{: onclick="alert(1)" }', ["attribute 'onclick' is not allowed; only an id, a class or lang"]),
        ("## Heading {: #h onmouseover=alert(1) }", ["attribute 'onmouseover' is not allowed; only an id, a class or lang"]),
        ('{: style="display:none" }', ["attribute 'style' is not allowed; only an id, a class or lang"]),
        # I20: link reference definitions hide their address
        ('[evil]: https://evil.example "hidden"', ["a link reference definition is invisible on the page; write the link inline"]),
        (
            "  [x]: <javascript:alert(1)>",
            [f"a javascript: {SCRIPT_URL}", "a link reference definition is invisible on the page; write the link inline"],
        ),
        # I22: unknown or malformed markers
        ("<!-- licensekit:nope -->", [f"'<!-- licensekit:nope -->' is not a known part; known: {', '.join(sorted(KNOWN))}"]),
        ("<!--licensekit:rules-->", [f"'<!--licensekit:rules-->' is not a known part; known: {', '.join(sorted(KNOWN))}"]),
        ("See <!-- licensekit:rules --> here.", ["'<!-- licensekit:rules -->' must be on a line of its own"]),
    ],
)
def test_hostile_line_is_refused(text, expected):
    codes = {"raw HTML": "DOCS-HTML", "a javascript:": "DOCS-URL", "a vbscript:": "DOCS-URL", "a data:": "DOCS-URL"}
    codes |= {"attribute": "DOCS-ATTR", "a link reference": "DOCS-REFDEF", "'<!--": "DOCS-MARKER"}

    def code(message: str) -> str:
        return next(c for prefix, c in codes.items() if message.startswith(prefix))

    assert sorted(found(text)) == sorted(f"docs/x.md:3: {code(m)} -: {m}" for m in expected)


@pytest.mark.parametrize(
    "text",
    [
        '<span lang="zh-Hans">中文</span> and [a clause](zh.md#s2-2){#id .class}',
        "<!-- licensekit:rules -->",
        "Code is text: `<script>alert(1)</script>` and `[x](javascript:alert(1))`.",
        "```html\n<script>alert(1)</script>\n[x]: https://evil.example\n```",
        "An autolink <https://baichuan-7b-license.example.org/> and data: in prose, {braces} too.",
        '!!! warning "Title"\n\n    <span lang="zh-Hans">本站</span>',
    ],
)
def test_allowed_markup_is_clean(text):
    assert found(text) == []


def test_the_real_pages_are_clean():
    from casebook import ROOT

    assert check_docs(ROOT / "docs", KNOWN) == []


def test_a_fence_hides_only_the_lines_inside_it():
    text = "```\n<b>\n```\n<i>\n~~~\n<u>\n~~~\n<s>\n"
    assert check_page(PAGE, text, KNOWN) == [
        Finding(PAGE, 4, "DOCS-HTML", "", html("<i>")),
        Finding(PAGE, 8, "DOCS-HTML", "", html("<s>")),
    ]


def test_every_page_is_read_and_an_unreadable_one_is_reported(tmp_path):
    (tmp_path / "a.md").write_bytes(b"# A\n\n<b>\n")
    (tmp_path / "b.md").write_bytes(b"# B\n\n\xff<i>\n")
    (tmp_path / "c.md").write_bytes(b"\xef\xbb\xbf# C\n<u>\n")
    assert [f.format(tmp_path) for f in check_docs(tmp_path, KNOWN)] == [
        f"a.md:3: DOCS-HTML -: {html('<b>')}",
        "b.md:3: ENC-UTF8 -: not valid UTF-8 (byte 5); save as UTF-8",
        "c.md:1: ENC-BOM -: starts with a UTF-8 byte-order mark; save without BOM",
        f"c.md:2: DOCS-HTML -: {html('<u>')}",
    ]


def test_findings_carry_the_line(tmp_path):
    page = tmp_path / "notes.md"
    page.write_text("# Notes\n\nText.\n\n<!-- licensekit:nope -->\n", encoding="utf-8")
    assert [(f.line, f.code) for f in check_docs(tmp_path, KNOWN)] == [(5, "DOCS-MARKER")]


@pytest.mark.slow  # runs the checker as a process
def test_the_checker_reads_the_hand_written_pages(tmp_path):
    import shutil
    import subprocess
    import sys

    from test_publish import project_copy

    from casebook import ROOT

    project = project_copy(tmp_path / "project")
    shutil.copytree(ROOT / "license", project / "license")
    notes = project / "docs" / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n[x](javascript:alert(1))\n", encoding="utf-8")
    line = len(notes.read_text(encoding="utf-8").split("\n")) - 1
    result = subprocess.run([sys.executable, "scripts/check.py"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"docs/notes.md:{line}: DOCS-URL -: a javascript: {SCRIPT_URL}"


ONLY_PAGES = (
    "would be published as it is; only Markdown pages, the site's CSS and JavaScript in assets/"
    " and the verifier's scripts in assets/verify/ may be in docs/"
)


@pytest.mark.parametrize(
    "name,content",
    [
        ("evil.htm", "<script>alert(document.domain)</script>"),
        ("moved.html", '<meta http-equiv="refresh" content="0;url=https://evil.example">'),
        ("assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("CNAME", "evil.example"),
        ("robots.txt", "User-agent: *"),
        ("assets/sub/x.js", "alert(1)"),
        ("license.css", "body{}"),
        ("assets/verify/data.json", "{}"),
        ("assets/verify/page.html", "<script>alert(1)</script>"),
        ("assets/verify/vendor/evil.html", "<script>alert(1)</script>"),
        ("assets/verify/vendor/sub/x.js", "alert(1)"),
        ("assets/verify/vendor/README.md.svg", "<svg></svg>"),
    ],
)
def test_a_file_published_as_it_is_is_refused(tmp_path, name, content):
    (tmp_path / "assets").mkdir()
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(content, encoding="utf-8")
    found = [f.format(tmp_path) for f in check_docs(tmp_path, KNOWN)]
    assert found == [f"{name}:1: DOCS-FILE -: {name} {ONLY_PAGES}"]


@pytest.mark.parametrize("target", ["/etc/hostname", "/usr/share", "/dev/zero"])
@pytest.mark.parametrize("name", ["assets/leak.txt", "assets/license.css", "extra.md"])
def test_a_symbolic_link_in_docs_is_refused_and_not_followed(tmp_path, target, name):
    (tmp_path / "assets").mkdir()
    (tmp_path / name).symlink_to(target)
    found = [f.format(tmp_path) for f in check_docs(tmp_path, KNOWN)]
    assert found == [f"{name}:1: DOCS-FILE -: {name} is a symbolic link; its target would be published"]


def test_the_site_assets_and_pages_are_allowed(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "license.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "assets" / "license.js").write_text("void 0;", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    assert check_docs(tmp_path, KNOWN) == []


@pytest.mark.parametrize("length", [2001, 200_000])
def test_an_absurdly_long_link_address_is_refused(tmp_path, length):
    (tmp_path / "index.md").write_text(f"# Home\n\n[x]({'a' * length})\n", encoding="utf-8")
    found = [f.format(tmp_path) for f in check_docs(tmp_path, KNOWN)]
    assert found == [f"index.md:3: DOCS-URL -: a link address of {length} characters; no page of the site needs more than 2000"]


@pytest.mark.parametrize(
    "name",
    [
        "assets/verify/verify.js",
        "assets/verify/page.js",
        "assets/verify/vendor/x.js",
        "assets/verify/vendor/LICENSE.x",
        "assets/verify/vendor/SOURCES",
    ],
)
def test_the_verifier_scripts_and_vendored_licences_are_allowed(tmp_path, name):
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text("x", encoding="utf-8")
    assert check_docs(tmp_path, KNOWN) == []


def test_a_page_finding_names_no_clause():
    assert check_page(PAGE, "# Page\n\nText <b>bold</b> {#x onclick=y}\n", KNOWN) == [
        Finding(PAGE, 3, "DOCS-HTML", "", html("<b>")),
        Finding(PAGE, 3, "DOCS-HTML", "", html("</b>")),
        Finding(PAGE, 3, "DOCS-ATTR", "", "attribute 'onclick' is not allowed; only an id, a class or lang"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A span {: lang=zh-Hans } and { LANG=en }.", []),
        ("Less than <`x` is not a tag.", []),
        ("{`a`=1} holds a code span, not an attribute name.", []),
        ("Neither <`x`b> nor {c`y`=1}: the blanks of a code span join nothing.", []),
        ("Neither <<https://x.example>b> nor {<https://x.example>=1}: nor do an autolink's.", []),
        ("{ data-x=1 }", ["docs/x.md:3: DOCS-ATTR -: attribute 'data-x' is not allowed; only an id, a class or lang"]),
    ],
)
def test_attributes_and_code_spans(text, expected):
    """lang is allowed in any case; a code span or an autolink hides its text from every rule, as blanks would."""
    assert found(text) == expected
