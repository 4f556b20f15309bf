"""The templates and the placing of generated parts: strict, escaping, never read as Markdown."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from licensekit import pages, templating
from licensekit.audit import Allowed, audit


def test_a_missing_field_is_an_error_not_an_empty_string():
    with pytest.raises(UndefinedError, match="kind"):
        templating.render("errata.html", errata=[{"id": "x", "label": "II.1", "clause": "s2-1"}], root="../")


def test_the_template_environment_escapes_refuses_undefined_and_has_the_filters():
    # The module's ENV is made at import, before a test can look: build one afresh.
    env = templating._environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    assert env.from_string("  {% if 1 %}\na\n  {% endif %}\nb").render() == "a\nb"  # trim and lstrip blocks
    assert env.filters["zh_spans"] is templating.zh_spans and env.filters["mail_links"] is templating.mail_links
    assert sorted(env.list_templates()) == sorted(templating.ENV.list_templates()) and "code_block.html" in env.list_templates()


def test_compiled_templates_are_kept_between_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(templating.ENV, "bytecode_cache", None)
    fresh = templating.render("code_block.html", language="sh", text="echo <1>\n")
    templating.keep_compiled(tmp_path)
    templating.ENV.cache.clear()  # a new process: nothing compiled in memory
    assert templating.render("code_block.html", language="sh", text="echo <1>\n") == fresh
    assert len(list(tmp_path.iterdir())) == 1
    templating.ENV.cache.clear()
    monkeypatch.setattr(templating.ENV, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert templating.render("code_block.html", language="sh", text="echo <1>\n") == fresh  # read back
    monkeypatch.undo()
    templating.ENV.cache.clear()


@pytest.mark.parametrize(
    "text,html",
    [
        ('模型 "x" <b>', '<span lang="zh-Hans">模型</span> &#34;x&#34; &lt;b&gt;'),
        ("a&lt;中文", 'a&amp;lt;<span lang="zh-Hans">中文</span>'),
        ("{{ config }}", "{{ config }}"),
    ],
)
def test_chinese_runs_are_marked_after_escaping(text, html):
    assert str(templating.zh_spans(text)) == html


@pytest.mark.parametrize(
    "markdown, line", [("# T\n\n<!-- licensekit:nope -->\n", 3), ("\n<!-- licensekit:nope -->", 2), ("<!-- licensekit:nope -->", 1)]
)
def test_an_unknown_part_names_its_line(lic, markdown, line):
    with pytest.raises(pages.UnknownPart, match=rf"^line {line}: unknown generated part 'nope'; known: citations, cite-urls, clause-ids"):
        pages.fill(markdown, lic, "../", "tok")


def test_parts_go_in_after_markdown(lic):
    markdown, parts = pages.fill("# T\n\n<!-- licensekit:glossary -->\n\n<!-- licensekit:outbound-links -->\n", lic, "../", "tok")
    assert markdown == "# T\n\n\n\ntok0\n\n\n\n\n\ntok1\n\n\n"
    assert list(parts) == ["tok0", "tok1"]
    html = pages.put_parts("<h1>T</h1>\n<p>tok0</p>\n<p>tok1</p>", parts)
    assert html.startswith("<h1>T</h1>\n<table>") and "tok" not in html
    with pytest.raises(ValueError, match="not on a line of its own"):
        pages.put_parts("<ul><li>tok0</li></ul><p>tok1</p>", parts)


def test_table_of_contents_of_a_finished_page():
    html = (
        '<h1 id="t">T<a class="headerlink" href="#t">¶</a></h1><h2 id="a">A &amp; B</h2><h3 id="a1">A1</h3>'
        '<h2>no id</h2><h2 id="b"><span lang="zh-Hans">乙</span></h2>'
        '<h2 id="c">C<a class="x headerlink" href="#c">¶</a> after<!-- a comment --> &lt;i&gt;</h2>'
    )
    toc = pages.toc_from_html(html)
    assert [(i["id"], i["name"]) for i in toc] == [("t", "T")]
    assert [(i["id"], i["name"], [c["id"] for c in i["children"]]) for i in toc[0]["children"]] == [
        ("a", "A &amp; B", ["a1"]),
        ("b", "乙", []),
        ("c", "C after &lt;i&gt;", []),
    ]


def test_root_relative_links_under_a_sub_path(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"></p>', encoding="utf-8")
    body = '<a href="/repo/a/#x">ok</a>\n<a href="/a/">outside the sub-path</a>\n<a href="../a/">above the root</a>'
    (tmp_path / "index.html").write_text(body, encoding="utf-8")
    found = [f.format(tmp_path) for f in audit(tmp_path, Allowed(frozenset(), frozenset(), "/repo/"))]
    assert found == [
        "index.html:2: AUDIT-LINK -: <a> links to '/a/', which is not in the site",
        "index.html:3: AUDIT-LINK -: <a> links to '../a/', which is not in the site",
    ]
