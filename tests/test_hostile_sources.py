"""Hostile strings in the license sources reach the built pages as text, never as markup.

Each edit below passes the checker (the sources allow these characters), so the site is
built from all of them at once; the build's own audit must pass, and each string must
be in its page as the very text that was written, with no element, attribute or URL
made from it. Cases named I… are from the adversarial review; the others are new.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from casebook import actual_lines, edited_copy, record_review

pytestmark = pytest.mark.slow  # builds the site from hostile sources

EDITS = [
    # I13: Jinja syntax in clause text
    {"file": "en.md", "find": "that may arise from it.", "replace": 'that may arise from it. {{ config }} {% include "/etc/passwd" %}'},
    # I14: HTML in a translation note
    {
        "file": "translation-notes.yaml",
        "find": '    最终解释权 ("the right',
        "replace": '    <img src=x onerror=alert(document.domain)> 最终解释权 ("the right',
    },
    # I15: a script in a tag description (rules summary on the home page)
    {
        "file": "metadata.yaml",
        "find": "en: Use privately, for purposes",
        "replace": "en: <script>alert(1)</script> Use privately, for purposes",
    },
    # new: an SVG event handler in a tag description, in Chinese
    {
        "file": "metadata.yaml",
        "find": "zh-Hans: 可修改模型并得到模型衍生品。",
        "replace": "zh-Hans: 可修改模型并得到模型衍生品。<svg onload=alert(1)>",
    },
    # I16: a javascript: link in an erratum explanation
    {
        "file": "errata.yaml",
        "find": "en: 'The third sub-item of IV.3",
        "replace": 'en: \'<a href="javascript:alert(1)">details</a> The third sub-item of IV.3',
    },
    # new: a Markdown link breakout and template syntax in an erratum explanation
    {
        "file": "errata.yaml",
        "find": "en: 'The ninth and last sub-item",
        "replace": "en: 'x](javascript:alert(2))[y {{ 7*7 }} {% raw %} The ninth and last sub-item",
    },
    # I23: HTML written as entities in a Chinese caption
    {
        "file": "zh.md",
        "find": "### 1. *不得用于军事或非法目的* {#s2-1}",
        "replace": "### 1. *不得用于军事或非法目的&lt;img src=x onerror=alert(1)&gt;* {#s2-1}",
    },
    # I24: a script written as entities in a caption of a paragraph clause
    {
        "file": "en.md",
        "find": "### *Grant of License* {#s2-grant}",
        "replace": "### *Grant &lt;script&gt;alert(1)&lt;/script&gt;* {#s2-grant}",
    },
    # I25: HTML with backslash escapes in a field title
    {
        "file": "en.md",
        "find": "#### Name of the applicant {#appendix-2-applicant-name}",
        "replace": "#### Name \\<img src=x onerror=alert(1)\\> {#appendix-2-applicant-name}",
    },
    # I26: a caption that would break out of a generated Markdown link
    {
        "file": "en.md",
        "find": "### 3. *Compliance with law and third-party rights* {#s2-3}",
        "replace": "### 3. *Compliance](javascript:alert(1))[x* {#s2-3}",
    },
    # I27: a caption carrying a Python-Markdown attribute list
    {
        "file": "en.md",
        "find": "### 4. *Give users the Model’s origin and a copy of this Agreement* {#s2-4}",
        "replace": '### 4. *Source](en.md#s2-4){: onmouseover="alert(1)" }[x* {#s2-4}',
    },
    # new: end tags of raw-text elements in a caption
    {
        "file": "en.md",
        "find": "### *Model* {#s1-model}",
        "replace": "### *Model&lt;/textarea&gt;&lt;/script&gt;&lt;/title&gt;* {#s1-model}",
    },
    # new: a quote that would break out of a tooltip's title attribute
    {
        "file": "en.md",
        "find": "(including optimizer states).",
        "replace": '(including optimizer states). " onmouseover="alert(origin)" x="',
    },
    # I06: an attribute list with an event handler on a link
    {
        "file": "en.md",
        "find": "authorization of the [Licensor](#s1-licensor), use",
        "replace": 'authorization of the [Licensor](#s1-licensor){onclick="alert(origin)"}, use',
    },
    # new: the title breaking out of <title>
    {
        "file": "en.md",
        "find": "# baichuan-7B Model License Agreement\n",
        "replace": "# baichuan-7B Model License Agreement&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n",
    },
]
EDITS += [
    # I20: a hidden link reference definition in the Chinese text
    {
        "file": "zh.md",
        "find": "复制或创建 baichuan-7B模型的全部或部分衍生品。",
        "replace": '复制或创建 baichuan-7B模型的全部或部分衍生品。\n\n[evil]: https://evil.example "hidden"',
    },
    # I17: a glossary term with HTML, written as entities in the text so the term comparison passes
    {"file": "glossary.yaml", "find": "  en: Marks\n", "replace": "  en: Marks<b onmouseover=alert(origin)>\n"},
    {
        "file": "translation-notes.yaml",
        "find": "  en: hereinafter collectively the “Marks”",
        "replace": "  en: hereinafter collectively the “Marks<b onmouseover=alert(origin)>”",
    },
    {"file": "en.md", "find": "“[Marks]{#s3-2-marks}”", "replace": "“[Marks&lt;b onmouseover=alert(origin)&gt;]{#s3-2-marks}”"},
    {
        "file": "en.md",
        "find": "with the [Marks](#s3-2-marks) referred",
        "replace": "with the [Marks&lt;b onmouseover=alert(origin)&gt;](#s3-2-marks) referred",
    },
]

EDITS += [
    # new: a Markdown link and a template expression in a tag description
    {
        "file": "metadata.yaml",
        "find": "en: Distribute the model and Model Derivatives,",
        "replace": "en: '[x](javascript:alert(3)) {{ lipsum.__globals__ }} Distribute the model and Model Derivatives,",
    },
    {"file": "metadata.yaml", "find": "subject to the restrictions.\n", "replace": "subject to the restrictions.'\n"},
    # new: template syntax in a translation note
    {
        "file": "translation-notes.yaml",
        "find": "is a common formula in Chinese",
        "replace": "is a common {%- if 1 %}formula{% endif %} in Chinese",
    },
]

# Where each hostile string must show, as text: (case, page, text).
INERT = [
    ("I13-jinja", "en/index.html", 'that may arise from it. {{ config }} {% include "/etc/passwd" %}'),
    ("I14-translation-note", "notes/index.html", "<img src=x onerror=alert(document.domain)> 最终解释权"),
    ("I15-tag", "index.html", "<script>alert(1)</script> Use privately"),
    ("svg-in-tag", "index.html", "可修改模型并得到模型衍生品。<svg onload=alert(1)>"),
    ("I16-erratum", "notes/index.html", '<a href="javascript:alert(1)">details</a> The third sub-item'),
    ("erratum-link-breakout", "notes/index.html", "x](javascript:alert(2))[y {{ 7*7 }} {% raw %} The ninth"),
    ("I23-zh-caption", "zh/index.html", "不得用于军事或非法目的<img src=x onerror=alert(1)>"),
    ("I24-en-caption", "en/index.html", "Grant <script>alert(1)</script>"),
    ("I24-en-caption-in-rules", "index.html", "II, grant <script>alert(1)</script>"),
    ("I25-field-title", "en/index.html", "Name <img src=x onerror=alert(1)>"),
    ("I26-link-breakout", "en/index.html", "Compliance](javascript:alert(1))[x"),
    ("I26-link-breakout-in-ids", "notes/index.html", "3. Compliance](javascript:alert(1))[x"),
    ("I27-attr-list", "en/index.html", 'Source](en.md#s2-4){: onmouseover="alert(1)" }[x'),
    ("raw-text-end-tags", "en/index.html", "Model</textarea></script></title>"),
    ("title-breakout", "en/index.html", "baichuan-7B Model License Agreement</title><script>alert(1)</script>"),
    ("I17-glossary", "notes/index.html", "Marks<b onmouseover=alert(origin)>"),
    ("link-and-template-in-tag", "index.html", "[x](javascript:alert(3)) {{ lipsum.__globals__ }} Distribute"),
    ("template-in-note-text", "notes/index.html", "is a common {%- if 1 %}formula{% endif %} in Chinese"),
]
# Elements and attributes none of the edits may create anywhere in a page's content.
FORBIDDEN_ELEMENTS = ["script", "img", "svg", "b", "textarea", "iframe", "object"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from test_publish import project_copy, run_build

    tmp = tmp_path_factory.mktemp("hostile")
    project = project_copy(tmp / "project")
    shutil.rmtree(project / "license", ignore_errors=True)
    record_review(edited_copy(project / "license", EDITS))  # reviewed: the test is about escaping, not review
    assert actual_lines(project / "license") == []  # the checker lets every edit through
    result = run_build(project, tmp / "site")
    assert result.returncode == 0, result.stdout[-3000:]  # and so does the post-build audit
    return tmp / "site"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("case,page,text", INERT, ids=[c for c, _, _ in INERT])
def test_hostile_string_is_text(hostile_site, case, page, text):
    doc = _soup(hostile_site, page)
    assert text in doc.select_one("article").get_text(), case


def test_title_and_description_stay_text(hostile_site):
    doc = _soup(hostile_site, "en/index.html")
    title = "baichuan-7B Model License Agreement</title><script>alert(1)</script>"
    assert doc.title.get_text() == f"{title} (English translation) - baichuan-7B model license"
    assert doc.select_one('meta[name="description"]')["content"] == title
    assert title in doc.select_one(".md-header__topic:last-child").get_text()


def test_quote_cannot_leave_a_tooltip(hostile_site):
    doc = _soup(hostile_site, "en/index.html")
    link = doc.select_one('#s1-data ~ p a.term[href="#s1-model"]')
    assert set(link.attrs) == {"class", "href", "title"}
    assert link["title"].endswith('(including optimizer states). " onmouseover="alert(origin)" x="')


def test_erratum_tooltip_is_text(hostile_site):
    mark = _soup(hostile_site, "en/index.html").select_one('a[href="../notes/#erratum-iv-3-iii-printed-as-ii"]')
    assert set(mark.attrs) == {"href", "title"}
    assert mark["title"].startswith('<a href="javascript:alert(1)">details</a>')


@pytest.mark.parametrize("page", ["index.html", "zh/index.html", "en/index.html", "parallel/index.html", "notes/index.html"])
def test_no_element_attribute_or_url_is_made(hostile_site, page):
    doc = _soup(hostile_site, page)
    article = doc.select_one("article")
    assert article.find_all(FORBIDDEN_ELEMENTS) == []
    handlers = [(el.name, a) for el in doc.find_all(True) for a in el.attrs if a.lower().startswith("on")]
    assert handlers == []
    urls = [el.get("href", "") for el in doc.find_all(href=True)]
    assert [u for u in urls if "javascript" in u.lower() or "evil.example" in u] == []
    assert "evil.example" not in str(doc)  # the hidden reference definition is dropped
