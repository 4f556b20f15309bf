"""No script or event handler reaches a page from a source file."""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup
from sitekit import html_pages, soup

from licensekit.model import Span
from licensekit.parse import parse_document
from licensekit.render import Renderer

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_pages_carry_no_script_or_handler_in_their_content(site):
    for path in html_pages(site):
        doc = soup(path)
        article = doc.select_one("article")
        if article is None:
            continue
        assert article.find("script") is None, path
        for el in article.find_all(True):
            assert not [a for a in el.attrs if a.lower().startswith("on")], (path, el.name)
            assert not str(el.get("href", "")).lower().startswith("javascript:"), path


def test_every_script_is_the_theme_or_ours(site):
    allowed_inline = ("__md_scope", "__md_get", "__md_hash", "location.hash.slice(1)")
    for path in html_pages(site):
        for script in soup(path).find_all("script"):
            if script.get("type") == "application/json":
                continue  # data, never run
            if script.get("src"):
                assert "assets/" in script["src"], (path, script["src"])
            else:
                assert any(marker in script.get_text() for marker in allowed_inline), (path, script.get_text()[:80])


def test_source_text_is_escaped_when_rendered(lic):
    hostile = copy.deepcopy(lic)
    clause = hostile.en.by_id()["s2-1"]
    clause.paragraphs[0].spans.append(Span("text", HOSTILE))
    html = Renderer(hostile).body(clause, "en", True)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_definition_text_cannot_break_out_of_a_tooltip(lic):
    hostile = copy.deepcopy(lic)
    definition = hostile.en.by_id()["s1-model"]
    definition.paragraphs[0].spans[-1] = Span("text", '" onmouseover="alert(1)')
    html = Renderer(hostile).body(hostile.en.by_id()["s1-data"], "en", True)
    link = BeautifulSoup(html, "html.parser").select_one('a[href="#s1-model"]')
    assert link.attrs.keys() == {"class", "href", "title"}
    assert link["title"].endswith('" onmouseover="alert(1)')


def test_code_spans_are_plain_text(tmp_path):
    source = tmp_path / "en.md"
    source.write_text("---\nlang: en\ntitle: T\n---\n\n# T\n\n## I. A {#s1}\n\n### 1. {#s1-1}\n\nSee `<script>alert(1)</script>`.\n")
    doc, findings = parse_document(source, "en", set())
    assert findings == []
    assert doc.clauses[1].text == "See <script>alert(1)</script>."


def test_markup_in_a_source_heading_is_escaped_on_the_page(lic, tmp_path):
    # The exposure found by hand: a code span in a heading passes the checker, so escaping is the defence.
    source = tmp_path / "en.md"
    text = (lic.root / "en.md").read_text(encoding="utf-8")
    hostile = "#### Name of the applicant `<img src=x onerror=alert(1)>` {#appendix-2-applicant-name}"
    source.write_text(text.replace("#### Name of the applicant {#appendix-2-applicant-name}", hostile), encoding="utf-8")
    doc, findings = parse_document(source, "en", {t["id"] for t in lic.glossary})
    assert findings == []
    other = copy.copy(lic)
    other.docs = {**lic.docs, "en": doc}
    html = Renderer(other).text_page("en")
    assert "<img" not in html
    assert '<span class="clause-title">Name of the applicant &lt;img src=x onerror=alert(1)&gt;</span>' in html
