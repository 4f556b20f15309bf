"""HTML of the text pages and the generated parts of hand-written pages (render.py, pages.py),
in-process: exact markup on small models, escaping of hostile text, and the real pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from factories import clause, defterm, item, license_of, ref, section, term
from licensekit import pages
from licensekit.mediatype import with_charset
from licensekit.model import Span
from licensekit.render import Renderer
from licensekit.templating import mail_links, zh_spans

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
GLOSSARY = [{"id": "s1-m", "en": "Model", "zh-Hans": "模型"}]


def small(heading_text: str = "A", caption: str = "Cap", errata=()):
    en = [
        section("s1", "I.", heading_text),
        item(
            "s1-1", "1.", "s1", ["See ", ref("A", "s1"), " and ", term("Model", "s1-m"), " ", defterm("Mark", "s1-1-mark")], caption=caption
        ),
    ]
    return license_of(en=en, glossary=GLOSSARY, errata=list(errata))


def test_heading():
    lic = small()
    r = Renderer(lic, "https://x.org/sub/")
    buttons = (
        '<button type="button" class="copy-button copy-button--link" data-copy="https://x.org/sub/en/#s1-1" '
        'data-done="Link copied: I.1" aria-label="Copy link to I.1"></button>\n'
        '<button type="button" class="copy-button copy-button--cite" data-copy="T, I.1, https://x.org/sub/en/#s1-1" '
        'data-done="Citation copied: I.1" aria-label="Copy citation of I.1"></button>'
    )
    assert r.heading(lic.en.clauses[1], "en", True) == (
        '<h3 id="s1-1"><span class="clause-number">1.</span> <span class="clause-caption">Cap</span> '
        f'<a class="headerlink" href="#s1-1" aria-label="Link to this clause #s1-1">#s1-1</a>{buttons}</h3>'
    )
    # without anchors (the parallel view) the heading still copies its link and citation
    assert r.heading(lic.en.clauses[0], "en", False) == (
        '<h2><span class="clause-number">I.</span> <span class="clause-title">A</span> '
        '<a class="headerlink" href="#s1" aria-label="Link to this clause #s1">#s1</a>'
        '<button type="button" class="copy-button copy-button--link" data-copy="https://x.org/sub/en/#s1" '
        'data-done="Link copied: I" aria-label="Copy link to I"></button>\n'
        '<button type="button" class="copy-button copy-button--cite" data-copy="T, I, https://x.org/sub/en/#s1" '
        'data-done="Citation copied: I" aria-label="Copy citation of I"></button></h2>'
    )


def test_heading_buttons_escape_the_citation():
    lic = small()
    lic.en.title = 'T" onclick="alert(1)'
    html = Renderer(lic, 'https://x.org/"<b>/').heading(lic.en.clauses[1], "en", True)
    assert "<b>" not in html and 'onclick="' not in html
    assert 'data-copy="T&#34; onclick=&#34;alert(1), I.1, https://x.org/&#34;&lt;b&gt;/en/#s1-1"' in html


@pytest.mark.parametrize(
    "length,tooltip",
    [
        (479, "d" * 479),
        (480, "d" * 480),
        (481, "d" * 479 + "…"),
    ],
)
def test_a_definition_tooltip_keeps_480_characters_and_cuts_a_longer_one(length, tooltip):
    en = [section("s1", "I.", "A"), clause("s1-m", "definition", "d" * length, parent="s1")]
    assert Renderer(license_of(en=en)).defs["en"] == {"s1-m": tooltip}


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_every_definition_of_the_license_is_whole_in_its_tooltip(lic, lang):
    doc = lic.zh if lang == "zh-Hans" else lic.en
    whole = {c.id: c.text for c in doc.clauses if c.kind == "definition"}
    assert len(whole) == 12 and max(map(len, whole.values())) > (240 if lang == "en" else 120)
    assert {k: v for k, v in Renderer(lic).defs[lang].items() if k in whole} == whole


@pytest.mark.parametrize("where", ["number", "title", "caption"])
def test_heading_text_is_escaped(where):
    lic = small()
    setattr(lic.en.clauses[1], where, HOSTILE)
    html = Renderer(lic).heading(lic.en.clauses[1], "en", True)
    assert "<img" not in html and "<script" not in html
    assert f'<span class="clause-{where}">&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</span>' in html


def test_body_with_and_without_tooltips_and_anchors():
    lic = small()
    r = Renderer(lic)
    assert r.body(lic.en.clauses[1], "en", True) == (
        # a term with no definition gets no empty title
        '<p>See <a class="ref" href="#s1" title="I: A">A</a> and <a class="term" href="#s1-m">Model</a> '
        '<dfn id="s1-1-mark" class="term-definition">Mark</dfn></p>'
    )
    assert r.body(lic.en.clauses[1], "en", False, tips=False) == (
        '<p>See <a class="ref" href="#s1">A</a> and <a class="term" href="#s1-m">Model</a> <dfn class="term-definition">Mark</dfn></p>'
    )


def test_erratum_marks_link_to_the_notes():
    erratum = {"id": "e-1", "clause": "s1-1", "explanation": {"en": 'Why "so"', "zh-Hans": "为何"}}
    lic = small(errata=[erratum])
    body = Renderer(lic).body(lic.en.clauses[1], "en", True)
    assert body.endswith('<sup class="erratum-mark"><a href="../notes/#erratum-e-1" title="Why &#34;so&#34;">[erratum]</a></sup></p>')
    empty = Renderer(lic).body(lic.en.clauses[0], "en", True)
    assert empty == ""


def test_note_marks_follow_the_erratum_marks():
    erratum = {"id": "e-1", "clause": "s1-1", "explanation": {"en": "Why.", "zh-Hans": "为何"}}
    lic = small(errata=[erratum])
    lic.notes = [{"id": "n-1", "clauses": ["s1", "s1-1"], "zh-Hans": "许可", "en": 'a "licence" <b>'}]
    r = Renderer(lic)
    assert r.body(lic.en.clauses[1], "en", True).endswith(
        '<sup class="erratum-mark"><a href="../notes/#erratum-e-1" title="Why.">[erratum]</a></sup>'
        '<sup class="note-mark"><a href="../notes/#note-n-1" title="Translation note: a &#34;licence&#34; &lt;b&gt;">'
        "[translation note]</a></sup></p>"
    )
    # a clause without text (a section) still shows its mark, in a paragraph of its own
    assert r.body(lic.en.clauses[0], "en", True) == (
        '<p><sup class="note-mark"><a href="../notes/#note-n-1" title="Translation note: a &#34;licence&#34; &lt;b&gt;">'
        "[translation note]</a></sup></p>"
    )


def test_alias_anchors_keep_old_links_working():
    lic = small()
    lic.published = {"aliases": {"old-s1": "s1", "old-mark": "s1-1-mark", "gone": "elsewhere"}}
    r = Renderer(lic)
    assert r.heading(lic.en.clauses[0], "en", True).startswith(
        '<h2 id="s1"><span class="clause-alias" id="old-s1"></span><span class="clause-number">I.</span>'
    )
    assert r.heading(lic.en.clauses[0], "en", False).startswith('<h2><span class="clause-number">I.</span>')
    assert r.body(lic.en.clauses[1], "en", True).endswith(
        '<span class="clause-alias" id="old-mark"></span><dfn id="s1-1-mark" class="term-definition">Mark</dfn></p>'
    )
    assert "clause-alias" not in r.body(lic.en.clauses[1], "en", False)


def test_nested_clauses_close_their_wrappers():
    lic = small()
    html = Renderer(lic).text_page("en")
    assert '</section><div class="clause clause--section"><h2 id="s1">' in html  # after the header block
    assert '</h2><div class="clause clause--item"><h3 id="s1-1">' in html  # the item nests in its section
    assert html.endswith("</dfn></p></div></div></div>")  # item, section, then the page's own wrapper
    assert html.count("<div") == html.count("</div>") == 3


def test_zh_spans():
    assert zh_spans("a 模型， b") == 'a <span lang="zh-Hans">模型，</span> b'
    assert zh_spans("no han") == "no han"


@pytest.mark.parametrize(
    "text,html",
    [
        (
            "联系邮箱：【opensource@baichuan-inc.com】",
            '联系邮箱：【<a class="email" href="mailto:opensource@baichuan-inc.com">opensource@baichuan-inc.com</a>】',
        ),
        ("a.b+c@x.example.org, d@y.cn.", "REPLACE"),
        ("<b>x@y.org</b>", '&lt;b&gt;<a class="email" href="mailto:x@y.org">x@y.org</a>&lt;/b&gt;'),
        ('"x@y.org" onmouseover="z', '&#34;<a class="email" href="mailto:x@y.org">x@y.org</a>&#34; onmouseover=&#34;z'),
        ("no address: @ alone, x@y, @y.org", "no address: @ alone, x@y, @y.org"),
        ("a & b", "a &amp; b"),
    ],
)
def test_mail_links(text, html):
    if html == "REPLACE":
        html = (
            '<a class="email" href="mailto:a.b+c@x.example.org">a.b+c@x.example.org</a>, <a class="email" href="mailto:d@y.cn">d@y.cn</a>.'
        )
    assert mail_links(text) == html


def test_mail_links_keeps_markup_it_is_given():
    assert mail_links(zh_spans("邮箱 x@y.org")) == '<span lang="zh-Hans">邮箱</span> <a class="email" href="mailto:x@y.org">x@y.org</a>'


@pytest.mark.parametrize(
    "kind,sent",
    [
        ("text/plain", "text/plain; charset=utf-8"),
        ("text/html", "text/html; charset=utf-8"),
        ("text/css", "text/css; charset=utf-8"),
        ("text/plain; charset=utf-8", "text/plain; charset=utf-8"),
        ("application/json", "application/json"),
        ("application/octet-stream", "application/octet-stream"),
        ("image/png", "image/png"),
    ],
)
def test_text_types_get_a_charset(kind, sent):
    assert with_charset(kind) == sent


@pytest.mark.parametrize(
    "target,lang,tip",
    [
        ("s2", "zh-Hans", "二、许可及许可限制"),
        ("s2", "en", "II: License and License Restrictions"),
        ("appendix", "zh-Hans", "附则"),
        ("appendix", "en", "Appendix"),
        ("appendix-1", "zh-Hans", "附则 1. 登记及申请书面授权的联系方式"),
        ("appendix-1", "en", "Appendix 1: How to register and apply for written authorization"),
        ("appendix-2-derivative-works", "zh-Hans", "附则 2. 模型衍生创作情况"),
        ("appendix-2-derivative-works", "en", "Appendix 2: Details of derivative creation based on the Model"),
        ("s4-3-ix", "zh-Hans", "四、3.(x)"),
        ("s4-3-ix", "en", "IV.3(x) [sic: (ix)]"),
        ("s2-grant", "zh-Hans", "二、许可的授予"),
        ("s2-grant", "en", "II, grant of license"),
        ("appendix-note", "en", "Appendix, note"),
        ("no-such-id", "en", "no-such-id"),
    ],
)
def test_reference_tips_name_the_target_once(lic, target, lang, tip):
    assert Renderer(lic).ref_tip(target, lang) == tip


def article_problems(html: str) -> list[str]:
    doc = BeautifulSoup(html, "lxml")
    bad = [el.name for el in doc.find_all(["script", "img", "iframe"])]
    bad += [f"{el.name}[{a}]" for el in doc.find_all(True) for a in el.attrs if a.lower().startswith("on")]
    return bad


@pytest.mark.parametrize("field", ["title", "caption", "number", "text"])
def test_generated_pages_carry_no_source_borne_markup(lic, field):
    import copy

    hostile = copy.deepcopy(lic)
    for doc in hostile.docs.values():
        for c in doc.clauses:
            if field == "text":
                for para in c.paragraphs:
                    para.spans.append(Span("text", HOSTILE))
            else:
                setattr(c, field, getattr(c, field) + HOSTILE)
    for name, (_, page) in pages.text_pages(hostile).items():
        assert article_problems(page) == [], name
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page, name


def test_text_pages(lic):
    generated = pages.text_pages(lic)
    assert list(generated) == ["zh.md", "en.md", "parallel.md"]
    # Without the site's address, no page claims one.
    assert all("license-address" not in html for _, html in generated.values())
    for site_url in ("https://x.test/LICENSE-X/", "https://x.test/LICENSE-X"):
        assert 'class="license-address" href="https://x.test/LICENSE-X/zh/"' in pages.text_pages(lic, site_url)["zh.md"][1]
    assert generated["zh.md"][0] == (
        '---\ntitle: "baichuan-7B模型许可协议（中文原文）"\nlang: "zh-Hans"\n'
        'description: "baichuan-7B模型许可协议"\nsearch: {"boost": 2}\n---\n\n'
    )
    assert generated["en.md"][0] == (
        '---\ntitle: "baichuan-7B Model License Agreement (English translation)"\nlang: "en"\n'
        'description: "baichuan-7B Model License Agreement"\nsearch: {"boost": 2}\n---\n\n'
    )
    assert generated["parallel.md"][0] == (
        '---\ntitle: "baichuan-7B Model License Agreement: Chinese and English"\nlang: "en"\nsearch: {"exclude": true}\n---\n\n'
    )
    assert generated["zh.md"][1].startswith('<div class="license-text" lang="zh-Hans"><nav class="license-switch"')
    assert generated["en.md"][1].startswith('<div class="license-text" lang="en"><nav class="license-switch"')
    assert generated["parallel.md"][1].startswith('<div class="license-parallel"><nav class="license-switch"')
    for _, page in generated.values():
        assert page.endswith("</p></div></div></div>")  # the last clause, its section, the page
    for lang, slug in (("zh-Hans", "zh"), ("en", "en")):
        doc = BeautifulSoup(generated[f"{slug}.md"][1], "lxml")
        assert [h["id"] for h in doc.select("h2, h3, h4")] == [c.id for c in lic.docs[lang].clauses]
        current = doc.select_one('.license-switch a[aria-current="page"]')
        assert current["href"] == f"../{slug}/"
    rows = BeautifulSoup(generated["parallel.md"][1], "lxml").select(".parallel-row[id]")
    assert [r["id"] for r in rows] == [c.id for c in lic.zh.clauses]


def test_toc(lic):
    toc = pages.toc(lic, "zh-Hans")
    assert [(t["level"], t["id"], t["name"]) for t in toc] == [(1, "title", "baichuan-7B模型许可协议")]
    assert [(c["level"], c["id"], c["name"], c["children"]) for c in toc[0]["children"]] == [
        (2, "s1", "一、 定义", []),
        (2, "s2", "二、 许可及许可限制", []),
        (2, "s3", "三、 知识产权", []),
        (2, "s4", "四、 免责声明及责任限制", []),
        (2, "s5", "五、 其他", []),
        (2, "appendix", "附则", []),
    ]


def test_outbound_links_are_sorted_and_unique(lic):
    links = pages.outbound_links(lic)
    assert links == sorted(set(links)) and len(links) == 5
    assert pages.outbound(lic, "../") == "<ul>\n" + "".join(f'<li><a href="{u}">{u}</a></li>\n' for u in links) + "</ul>"


def test_search_words(lic):
    words = pages.search_words(lic)
    assert words == sorted(set(words))
    assert {"模型衍生品", "商业用途", "个人信息", "标识", "上述方式"} <= set(words)
    assert all(len(w) > 1 for w in words) and "您" not in words


def test_search_words_are_glossary_terms_and_marked_phrases():
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        item(
            "s1-1",
            "1.",
            "s1",
            ["见", ref("上述方式", "s1"), "和", term("模型", "s1-m"), "以及", defterm("标识", "s1-1-mark"), ref("甲", "s1"), "的长文本"],
            lang="zh-Hans",
        ),
    ]
    en = [section("s1", "I.", "Definitions"), item("s1-1", "1.", "s1", ["See ", ref("English words", "s1")])]
    glossary = [{"id": "s1-m", "zh-Hans": "模型衍生品", "en": "Model Derivatives"}, {"id": "s1-you", "zh-Hans": "您", "en": "You"}]
    assert pages.search_words(license_of(zh, en, glossary=glossary)) == ["上述方式", "标识", "模型", "模型衍生品"]


def test_front_matter_escapes_the_title_and_description_only():
    assert pages.front_matter(title='<b>"T"</b>', lang="<en>", description="A & B <i>", search={"boost": 2}) == (
        '---\ntitle: "&lt;b&gt;&#34;T&#34;&lt;/b&gt;"\nlang: "<en>"\ndescription: "A &amp; B &lt;i&gt;"\nsearch: {"boost": 2}\n---\n\n'
    )


def test_cite_urls():
    assert pages.cite_urls("https://x.org/") == (
        "<ul>\n<li>Chinese (authoritative): <code>https://x.org/zh/#s2-2</code></li>\n"
        "<li>English: <code>https://x.org/en/#s2-2</code></li>\n"
        "<li>both side by side: <code>https://x.org/parallel/#s2-2</code></li>\n</ul>"
    )
    assert pages.cite_urls('https://x.org/"<b>/', "s1") == (
        "<ul>\n<li>Chinese (authoritative): <code>https://x.org/&#34;&lt;b&gt;/zh/#s1</code></li>\n"
        "<li>English: <code>https://x.org/&#34;&lt;b&gt;/en/#s1</code></li>\n"
        "<li>both side by side: <code>https://x.org/&#34;&lt;b&gt;/parallel/#s1</code></li>\n</ul>"
    )


def test_downloads_table():
    class D:
        path, description, content, sha256 = "a/b.json", "What <b>许可</b>", b"12345", "ab" * 32

    class E:
        path, description, content, sha256 = "c.txt", "Text", b"x" * 12345, "cd" * 32

    example = (
        "curl -fsS --remote-name-all \\\n  https://x.org/s/a/b.json \\\n  https://x.org/s/c.txt \\\n"
        f"  && sha256sum -c <<'EOF'\n{'ab' * 32}  b.json\n{'cd' * 32}  c.txt\nEOF"
    )
    assert pages.checksum_example([D(), E()], "https://x.org/s/") == example
    quoted = str(escape(example))
    assert pages.downloads_table([D(), E()], "../", "https://x.org/s/") == (
        '<ul class="download-list">\n'
        '<li><p class="download-file"><a href="../a/b.json"><code>/a/b.json</code></a> <span class="download-size">5 bytes</span></p>\n'
        '<p>What &lt;b&gt;<span lang="zh-Hans">许可</span>&lt;/b&gt;</p>\n'
        f'<p class="download-hash">SHA-256 <code>{"ab" * 32}</code> <button type="button" class="copy-button copy-button--hash" '
        f'data-copy="{"ab" * 32}" data-done="SHA-256 of /a/b.json copied" aria-label="Copy the SHA-256 of /a/b.json"></button></p></li>\n'
        '<li><p class="download-file"><a href="../c.txt"><code>/c.txt</code></a> <span class="download-size">12,345 bytes</span></p>\n'
        "<p>Text</p>\n"
        f'<p class="download-hash">SHA-256 <code>{"cd" * 32}</code> <button type="button" class="copy-button copy-button--hash" '
        f'data-copy="{"cd" * 32}" data-done="SHA-256 of /c.txt copied" aria-label="Copy the SHA-256 of /c.txt"></button></p></li>\n'
        "</ul>\n"
        "<p>To fetch every file and check it against these SHA-256 sums:</p>\n"
        '<div class="copy-block"><button type="button" class="copy-button copy-button--hash" '
        f'data-copy="{quoted}" data-done="Command copied" aria-label="Copy the command"></button>\n'
        f'<pre><code class="language-sh">{quoted}</code></pre></div>'
    )


@pytest.mark.parametrize("paths", [["a/x.json", "b/x.json"], ["x.txt", "x.txt"], ["a/b/c.yml", "c.yml", "d.yml"]])
def test_checksum_example_refuses_files_of_the_same_name(paths):
    class D:
        description, content, sha256 = "", b"", "00" * 32

    downloads = []
    for path in paths:
        d = D()
        d.path = path
        downloads.append(d)
    with pytest.raises(ValueError, match="^two downloads share a file name; the checksum example would fetch one over the other$"):
        pages.checksum_example(downloads, "https://x.org/")


def test_fill_replaces_every_part(lic):
    markdown = "x\n" + "\n".join(f"<!-- licensekit:{name} -->" for name in pages.PARTS) + "\n<!-- licensekit:extra -->\n"
    filled, parts = pages.fill(markdown, lic, "../", "tok", extra="<p>EXTRA</p>")
    n = len(pages.PARTS)
    # each marker becomes a placeholder paragraph; the HTML goes in after Markdown has run
    assert filled == "x\n" + "\n".join(f"\n\ntok{k}\n\n" for k in range(n + 1)) + "\n"
    assert list(parts) == [f"tok{k}" for k in range(n + 1)]
    assert list(parts.values()) == [part(lic, "../") for part in pages.PARTS.values()] + ["<p>EXTRA</p>"]
    html = pages.put_parts("<p>x</p>\n" + "\n".join(f"<p>tok{k}</p>" for k in range(n + 1)), parts)
    assert html.startswith('<p>x</p>\n<div class="license-summary">\n<p class="license-summary__key"><strong>Commercial Use requires prior')
    assert html.endswith("\n<p>EXTRA</p>")
    for name, part in pages.PARTS.items():
        assert part(lic, "../") in html, name


def test_parts_link_each_clause_and_erratum(lic):
    ids = pages.clause_ids(lic, "../")
    assert (
        '<tr><td><code>s4-3-iii</code></td><td>IV.3(ii) [sic: (iii)]</td><td><a href="../zh/#s4-3-iii"><span lang="zh-Hans">(ii)</span></a>'
        '</td><td><a href="../en/#s4-3-iii">(ii) [sic: (iii)]</a></td></tr>\n' in ids
    )
    assert "<tr><td><code>s3-2-marks</code></td><td>III.2 “Marks”</td>" in ids
    assert (
        '<h3 id="erratum-iv-3-iii-printed-as-ii">IV.3(ii) [sic: (iii)]: numbering'
        '<a class="headerlink" href="#erratum-iv-3-iii-printed-as-ii" title="Permanent link">&para;</a></h3>\n' in pages.errata(lic, "../")
    )
    notes = pages.translation_notes(lic, "../")
    assert (
        '<h3 id="note-final-interpretation"><span lang="zh-Hans">最终解释权</span> — final right to interpret'
        '<a class="headerlink" href="#note-final-interpretation" title="Permanent link">&para;</a></h3>\n' in notes
    )
    assert (
        '<tr><td><span lang="zh-Hans">模型</span></td><td>Model</td><td><a href="../parallel/#s1-model">I “Model”</a></td></tr>\n'
        in pages.glossary(lic, "../")
    )
    rules = pages.rules(lic, "../")
    assert '<h2 id="conditions">Conditions · <span lang="zh-Hans">条件</span><a class="headerlink" href="#conditions"' in rules
    assert '<li><strong>Private use</strong> <span class="license-summary__text">Use privately, ' in rules
    assert (
        '<p class="license-summary__key"><strong>Commercial Use requires prior registration with, and written authorization from,'
        ' the Licensor.</strong> <span lang="zh-Hans">商业用途须事先向许可方登记并获得书面授权。</span> — '
        '<a href="../parallel/#s2-2">II.2</a>, <a href="../parallel/#appendix-1">Appendix 1</a>, '
        '<a href="../parallel/#appendix-2">Appendix 2</a></p>'
    ) in rules


def parts_model():
    zh = [section("s1", "一、", "定义", lang="zh-Hans"), item("s1-1", "1.", "s1", ["x", defterm("标", "s1-1-m")], lang="zh-Hans")]
    en = [section("s1", "I.", "Def"), item("s1-1", "1.", "s1", ["x", defterm("Mark", "s1-1-m")], caption="Cap")]
    metadata = {
        "seeAlso": ["https://example.org/许可.pdf", "https://b.example/x"],
        "note": "see <https://a.example/y> and https://b.example/x",
        "tags": {"no-war": {"en": "No war.", "zh-Hans": "不得用于战争。"}, "use": {"en": "Use.", "zh-Hans": "使用。"}},
        "rules": {
            "permissions": [{"tag": "use", "clauses": ["s1", "s1-1"]}],
            "conditions": [],
            "limitations": [{"tag": "no-war", "clauses": ["s1-1-m"]}],
        },
    }
    errata = [
        {
            "id": "e1",
            "kind": "numbering",
            "clause": "s1-1",
            "printed": "1.",
            "expected": "2.",
            "explanation": {"en": "Printed 一.", "zh-Hans": "印作。"},
        },
        {"id": "e2", "kind": "spacing", "clause": "s1", "printed": "定 义", "explanation": {"en": "A space.", "zh-Hans": "空格。"}},
    ]
    notes = [{"id": "n1", "clauses": ["s1", "s1-1"], "zh-Hans": "许可", "en": "licence", "note": "Means 许可."}]
    glossary = [{"id": "s1-1-m", "zh-Hans": "标", "en": "Mark"}]
    return license_of(zh, en, metadata=metadata, errata=errata, notes=notes, glossary=glossary)


def test_part_rules():
    assert pages.rules(parts_model(), "../") == (
        '<div class="license-summary">\n'
        '<p class="license-summary__disclaimer">A summary, not legal advice: each rule links to the clauses behind it, in both languages.'
        ' <span lang="zh-Hans">摘要仅供参考，不构成法律意见；以协议原文为准。</span></p>\n'
        '<div class="license-summary__columns">\n'
        '<section class="license-summary__group license-summary__group--permissions" aria-labelledby="permissions">\n'
        '<h2 id="permissions">Permissions · <span lang="zh-Hans">允许</span>'
        '<a class="headerlink" href="#permissions" title="Permanent link">&para;</a></h2>\n'
        "<ul>\n"
        '<li><strong>Use</strong> <span class="license-summary__text">Use. <span lang="zh-Hans">使用。</span></span> '
        '<span class="license-summary__cites"><a href="../parallel/#s1">I</a>, <a href="../parallel/#s1-1">I.1</a></span></li>\n'
        "</ul>\n</section>\n"
        '<section class="license-summary__group license-summary__group--conditions" aria-labelledby="conditions">\n'
        '<h2 id="conditions">Conditions · <span lang="zh-Hans">条件</span>'
        '<a class="headerlink" href="#conditions" title="Permanent link">&para;</a></h2>\n'
        "<ul>\n</ul>\n</section>\n"
        '<section class="license-summary__group license-summary__group--limitations" aria-labelledby="limitations">\n'
        '<h2 id="limitations">Limitations · <span lang="zh-Hans">限制</span>'
        '<a class="headerlink" href="#limitations" title="Permanent link">&para;</a></h2>\n'
        "<ul>\n"
        '<li><strong>No war</strong> <span class="license-summary__text">No war. <span lang="zh-Hans">不得用于战争。</span></span> '
        '<span class="license-summary__cites"><a href="../parallel/#s1-1-m">I.1 “Mark”</a></span></li>\n'
        "</ul>\n</section>\n</div>\n</div>"
    )


@pytest.mark.parametrize("group", ["permissions", "conditions", "limitations"])
def test_part_rules_puts_the_key_rule_first_from_any_group(group):
    lic = parts_model()
    lic.metadata["tags"][pages.KEY_RULE] = {"en": "Ask <first> & register.", "zh-Hans": "先登记。"}
    lic.metadata["rules"][group].append({"tag": pages.KEY_RULE, "clauses": ["s1-1"]})
    html = pages.rules(lic, "../")
    key = (
        '<div class="license-summary">\n<p class="license-summary__key"><strong>Ask &lt;first&gt; &amp; register.</strong>'
        ' <span lang="zh-Hans">先登记。</span> — <a href="../parallel/#s1-1">I.1</a></p>\n'
    )
    assert html.startswith(key)
    assert html.count("Ask &lt;first&gt; &amp; register.") == 2  # and again in its own column
    assert html.index(f'id="{group}"') < html.rindex("Ask &lt;first&gt;")


def test_part_errata():
    assert pages.errata(parts_model(), "../") == (
        '<h3 id="erratum-e1">I.1: numbering<a class="headerlink" href="#erratum-e1" title="Permanent link">&para;</a></h3>\n'
        '<p>Printed: <code lang="zh-Hans">1.</code> — expected <code>2.</code> · '
        '<a href="../zh/#s1-1"><span lang="zh-Hans">中文</span></a> · <a href="../en/#s1-1">English</a></p>\n'
        '<p>Printed <span lang="zh-Hans">一</span>.</p>\n'
        '<p lang="zh-Hans">印作。</p>\n'
        '<h3 id="erratum-e2">I: spacing<a class="headerlink" href="#erratum-e2" title="Permanent link">&para;</a></h3>\n'
        '<p>Printed: <code lang="zh-Hans">定 义</code> · '
        '<a href="../zh/#s1"><span lang="zh-Hans">中文</span></a> · <a href="../en/#s1">English</a></p>\n'
        "<p>A space.</p>\n"
        '<p lang="zh-Hans">空格。</p>\n'
    )


def test_part_translation_notes():
    assert pages.translation_notes(parts_model(), "../") == (
        '<h3 id="note-n1"><span lang="zh-Hans">许可</span> — licence'
        '<a class="headerlink" href="#note-n1" title="Permanent link">&para;</a></h3>\n'
        '<p>Means <span lang="zh-Hans">许可</span>.</p>\n'
        '<p>Clauses: <a href="../parallel/#s1">I</a>, <a href="../parallel/#s1-1">I.1</a></p>\n'
    )


def test_part_clause_ids():
    assert pages.clause_ids(parts_model(), "../") == (
        "<table>\n"
        '<thead><tr><th>ID</th><th>cite as</th><th><span lang="zh-Hans">中文</span></th><th>English</th></tr></thead>\n'
        "<tbody>\n"
        '<tr><td><code>s1</code></td><td>I</td><td><a href="../zh/#s1"><span lang="zh-Hans">一、 定义</span></a></td>'
        '<td><a href="../en/#s1">I. Def</a></td></tr>\n'
        '<tr><td><code>s1-1</code></td><td>I.1</td><td><a href="../zh/#s1-1"><span lang="zh-Hans">1.</span></a></td>'
        '<td><a href="../en/#s1-1">1. Cap</a></td></tr>\n'
        '<tr><td><code>s1-1-m</code></td><td>I.1 “Mark”</td><td><a href="../zh/#s1-1-m"><span lang="zh-Hans">标</span></a></td>'
        '<td><a href="../en/#s1-1-m">Mark</a></td></tr>\n'
        "</tbody>\n</table>"
    )


def test_part_glossary():
    assert pages.glossary(parts_model(), "../") == (
        "<table>\n"
        '<thead><tr><th><span lang="zh-Hans">中文</span></th><th>English</th><th>defined in</th></tr></thead>\n'
        "<tbody>\n"
        '<tr><td><span lang="zh-Hans">标</span></td><td>Mark</td><td><a href="../parallel/#s1-1-m">I.1 “Mark”</a></td></tr>\n'
        "</tbody>\n</table>"
    )


def test_parts_follow_the_root_they_are_given():
    lic = parts_model()
    assert '<a href="../../parallel/#s1">I</a>' in pages.rules(lic, "../../")
    assert '<a href="./zh/#s1-1">' in pages.clause_ids(lic, "./")


def test_part_outbound_links():
    assert pages.outbound_links(parts_model()) == ["https://a.example/y", "https://b.example/x", "https://example.org/许可.pdf"]
    assert pages.outbound(parts_model(), "../") == (
        "<ul>\n"
        '<li><a href="https://a.example/y">https://a.example/y</a></li>\n'
        '<li><a href="https://b.example/x">https://b.example/x</a></li>\n'
        '<li><a href="https://example.org/许可.pdf">https://example.org/许可.pdf</a></li>\n'
        "</ul>"
    )


def test_language_switch():
    r = Renderer(small())
    assert str(r.macros.switch("en")) == (
        '<nav class="license-switch" aria-label="Language · 语言">'
        '<a href="../zh/" data-keep-anchor lang="zh-Hans" hreflang="zh-Hans">中文</a> · '
        '<a href="../en/" data-keep-anchor lang="en" hreflang="en" aria-current="page">English</a> · '
        '<a href="../parallel/" data-keep-anchor><span lang="zh-Hans">对照</span> · Parallel</a></nav>'
    )


@pytest.mark.parametrize(
    ("licensor", "name"),
    [({"zh-Hans": "甲公司", "en": "Acme Ltd."}, "甲公司"), ({"en": "Acme Ltd."}, "Acme Ltd."), ({}, "")],
    ids=["own-language", "english-fallback", "none"],
)
def test_the_operator_note_names_the_licensor_in_the_page_language_or_else_in_english(licensor, name):
    lic = small()
    lic.metadata = {"licensor": licensor}
    assert Renderer(lic).header("zh-Hans", "zh").operator == (
        f"本站由一个独立开源项目的贡献者维护，不是许可方（{name}）的网站，也未经其认可；本站内容不构成法律意见。"
    )


def test_notice():
    lic = small()
    lic.metadata = {"languages": [{"tag": "en", "notice": "Unofficial <b>."}, {"tag": "zh-Hans", "notice": "权威。"}]}
    r = Renderer(lic)
    assert r.notice("en") == "Unofficial <b>."  # the text itself: the template escapes it
    assert (
        str(r.macros.notice("en", r))
        == '<p class="license-notice">Unofficial &lt;b&gt;. Captions in italics are ours; they are not part of the license.</p>'
    )
    assert str(r.macros.notice("zh-Hans", r)) == '<p class="license-notice">权威。 斜体小标题为本站编者所加，不属于协议原文。</p>'
    assert '<p class="license-notice">Unofficial &lt;b&gt;. Captions' in r.text_page("en")


# A small model with every feature a page shows: a long definition (its tooltip is cut),
# a reference, a term use, an inline definition, Chinese inside English text, three levels,
# an erratum on a clause with text and on a field without.
def render_model():
    long_zh = "“模型”是指" + "很长的定义，" * 90
    long_en = "“Model” means " + "a very long definition, " * 24
    docs = {}
    for lang in ("zh-Hans", "en"):
        zh = lang == "zh-Hans"
        docs[lang] = [
            section("s1", "一、" if zh else "I.", "定义" if zh else "Definitions", lang=lang),
            clause("s1-model", "definition", long_zh if zh else long_en, parent="s1", caption="模型" if zh else "Model", lang=lang),
            section("s2", "二、" if zh else "II.", "许可" if zh else "License", lang=lang),
            item(
                "s2-1",
                "1.",
                "s2",
                ["见", ref("定义", "s1"), "和", term("模型", "s1-model")]
                if zh
                else ["See ", ref("Definitions", "s1"), " and the ", term("Model", "s1-model"), " (模型)"],
                lang=lang,
            ),
            item(
                "s2-1-i",
                "(i)",
                "s2-1",
                ["以下称", defterm("标识", "s2-1-i-marks")] if zh else ["the ", defterm("Marks", "s2-1-i-marks")],
                level=4,
                lang=lang,
            ),
            section("appendix", "", "附则" if zh else "Appendix", lang=lang),
            clause("appendix-name", "field", parent="appendix", title="名称" if zh else "Name", lang=lang),
        ]
    glossary = [{"id": "s1-model", "zh-Hans": "模型", "en": "Model"}, {"id": "s2-1-i-marks", "zh-Hans": "标识", "en": "Marks"}]
    errata = [
        {"id": "e-text", "clause": "s2-1", "explanation": {"en": "Why.", "zh-Hans": "为何。"}},
        {"id": "e-field", "clause": "appendix-name", "explanation": {"en": "Field.", "zh-Hans": "字段。"}},
    ]
    meta = {"languages": [{"tag": "zh-Hans", "notice": "中文为准。"}, {"tag": "en", "notice": "Unofficial."}]}
    lic = license_of(docs["zh-Hans"], docs["en"], glossary=glossary, errata=errata, metadata=meta, zh_title="标题")
    lic.docs["en"].title = "Title"
    return lic


# The three pages of `render_model`, as read and checked by eye once (each reproduced in
# full by `Renderer(render_model()).text_page("en")` etc.); any change to the markup shows here.
# Re-pinned when each page got its header block, when reference tooltips lost their repeated
# label, and when tooltips grew to 480 characters (the model's definitions grew to stay cut).
PAGES = {
    "en": "6603ea9884a81e30e3da4afcbf76d08821f8f9751aa159f0bbe15d59524716e3",
    "zh-Hans": "7caff538d74eacdef6834c0086016479a32c860b38dc74d6aae03b7aef1e2639",
    "parallel": "b826c90fc100c2be19c6508002070aaa8f98831f2d60da2bdd34e88adeeec36a",
}


def test_pages_of_a_small_model():
    import hashlib

    r = Renderer(render_model())
    pages_html = {"en": r.text_page("en"), "zh-Hans": r.text_page("zh-Hans"), "parallel": r.parallel_page()}
    en = pages_html["en"]
    assert '<p>the <dfn id="s2-1-i-marks" class="term-definition">Marks</dfn></p></div></div></div>' in en
    assert 'title="“Model” means ' + "a very long definition, " * 19 + 'a very lo…">Model</a> (<span lang="zh-Hans">模型</span>)' in en
    assert '<p><sup class="erratum-mark"><a href="../notes/#erratum-e-field" title="Field.">[erratum]</a></sup></p>' in en
    parallel = pages_html["parallel"]
    assert parallel.count('id="s2-1-i-marks"') == 1 and "<h4 id=" not in parallel
    assert '<a class="ref" href="#s1">定义</a>和<a class="term" href="#s1-model">模型</a>' in parallel  # no tooltips
    assert {k: hashlib.sha256(v.encode()).hexdigest() for k, v in pages_html.items()} == PAGES


def header_rows(html: str) -> dict[str, str]:
    block = BeautifulSoup(html, "html.parser").select_one("section.license-header")
    return {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in block.select("dt")}


@pytest.mark.parametrize(
    "lang,slug,rows",
    [
        (
            "en",
            "en",
            {
                "Title": "baichuan-7B模型许可协议 · baichuan-7B Model License Agreement",
                "Licensor": "北京百川智能科技有限公司 · Beijing Baichuan Intelligent Technology Co., Ltd.",
                "Published": "2023-06-15",
                "Source file": "baichuan-7B 模型许可协议.pdf, commit edc99af",
                "Identifier": "LicenseRef-Baichuan-7B-Model-License",
                "Status": "Unofficial translation; the Chinese text prevails",
                "This page": "https://x.example/sub/en/",
            },
        ),
        (
            "zh-Hans",
            "zh",
            {
                "标题": "baichuan-7B模型许可协议 · baichuan-7B Model License Agreement",
                "许可方": "北京百川智能科技有限公司 · Beijing Baichuan Intelligent Technology Co., Ltd.",
                "发布日期": "2023-06-15",
                "来源文件": "baichuan-7B 模型许可协议.pdf, 提交 edc99af",
                "标识符": "LicenseRef-Baichuan-7B-Model-License",
                "文本状态": "权威文本：协议原文",
                "本页地址": "https://x.example/sub/zh/",
            },
        ),
    ],
)
def test_header_block_of_each_reading_page(lic, lang, slug, rows):
    html = Renderer(lic, "https://x.example/sub/").text_page(lang)
    assert header_rows(html) == rows
    block = BeautifulSoup(html, "html.parser").select_one("section.license-header")
    assert block.select_one(".license-notice").get_text().startswith(lic.notice(lang))
    operator = block.select_one(".license-operator").get_text()
    assert (
        "不是许可方（北京百川智能科技有限公司）的网站" if lang == "zh-Hans" else "It is not the site of the licensor, Beijing Baichuan"
    ) in operator
    assert block.select_one("a[href]")["href"].startswith("https://huggingface.co/baichuan-inc/Baichuan-7B/blob/main/")


def test_header_block_without_a_site_url_has_no_address(lic):
    assert "license-address" not in Renderer(lic).text_page("en")
    parallel = Renderer(lic, "https://x.example/").parallel_page()
    assert parallel.count('<section class="license-header"') == 2  # one per language, side by side
    assert parallel.count('href="https://x.example/parallel/"') == 2


@pytest.mark.parametrize(
    "field,value,needle",
    [
        (("names", "en"), "A<script>x</script>", "A&lt;script&gt;x&lt;/script&gt;"),
        (("licensor", "en"), 'L" onmouseover="x', "L&#34; onmouseover=&#34;x"),
        (("identifiers", "spdx"), "<b>id</b>", "&lt;b&gt;id&lt;/b&gt;"),
    ],
)
def test_header_block_escapes_the_metadata(lic, field, value, needle):
    import copy

    hostile = copy.deepcopy(lic)
    hostile.metadata[field[0]][field[1]] = value
    html = Renderer(hostile).text_page("en")
    block = html[html.index('<section class="license-header"') : html.index("</section>")]
    assert needle in block and value not in block


def test_citations_part(lic):
    assert pages.citations(lic, 'https://x.org/"<b>/', ("s2-2", "s4-3-ix")) == (
        '<ul class="citations">\n'
        "<li><code>s2-2</code>\n<ul>\n"
        '<li><span lang="zh-Hans">中文</span>: <code lang="zh-Hans">《baichuan-7B模型许可协议》二、2 https://x.org/&#34;&lt;b&gt;/zh/#s2-2</code></li>\n'
        "<li>English: <code>baichuan-7B Model License Agreement, II.2, https://x.org/&#34;&lt;b&gt;/en/#s2-2</code></li>\n"
        "</ul></li>\n"
        "<li><code>s4-3-ix</code>\n<ul>\n"
        '<li><span lang="zh-Hans">中文</span>: <code lang="zh-Hans">《baichuan-7B模型许可协议》四、3.(x) https://x.org/&#34;&lt;b&gt;/zh/#s4-3-ix</code></li>\n'
        "<li>English: <code>baichuan-7B Model License Agreement, IV.3(ix), https://x.org/&#34;&lt;b&gt;/en/#s4-3-ix</code></li>\n"
        "</ul></li>\n"
        "</ul>"
    )


META = {
    "names": {"zh-Hans": "名", "en": "Name"},
    "licensor": {"zh-Hans": "许可方", "en": "Licensor Inc."},
    "languages": [{"tag": "zh-Hans", "authoritative": True}, {"tag": "en"}],
    "provenance": [{"language": "en", "date": "2000-01-01"}, {"language": "zh-Hans", "date": "2023-06-15", "title": "t", "url": "u"}],
    "identifiers": {"spdx": "LicenseRef-x"},
}


@pytest.mark.parametrize(
    ("metadata", "lang", "expected"),
    [
        (META, "zh-Hans", ({"zh-Hans": "名", "en": "Name"}, True, "2023-06-15", {"title": "t", "url": "u", "commit": ""}, "LicenseRef-x")),
        (META, "en", ({"zh-Hans": "名", "en": "Name"}, False, "2023-06-15", {"title": "t", "url": "u", "commit": ""}, "LicenseRef-x")),
        ({"licenseId": "Id"}, "en", ({"zh-Hans": "中文题", "en": "T"}, False, "", {"title": "", "url": "", "commit": ""}, "Id")),
        ({"names": {"en": "Name"}}, "en", ({"zh-Hans": "中文题", "en": "Name"}, False, "", {"title": "", "url": "", "commit": ""}, "")),
        ({"names": {"zh-Hans": "名"}}, "zh-Hans", ({"zh-Hans": "名", "en": "T"}, False, "", {"title": "", "url": "", "commit": ""}, "")),
    ],
)
def test_header_from_the_metadata_alone(metadata, lang, expected):
    lic = license_of(metadata=metadata, zh_title="中文题")
    h = Renderer(lic, "https://x.org/sub/").header(lang, "en")
    assert (h.titles, h.authoritative, h.published, h.source, h.identifier) == expected
    assert h.address == "https://x.org/sub/en/"
    assert h.licensor == ({"zh-Hans": "许可方", "en": "Licensor Inc."} if metadata is META else {"zh-Hans": "", "en": ""})


class Download:
    description, content = "", b""

    def __init__(self, path: str, sha256: str):
        self.path, self.sha256 = path, sha256


@pytest.mark.parametrize(
    ("base", "prefix"), [("/", "/"), ("https://x.org/X", "https://x.org/X/"), ("https://x.org/X//", "https://x.org/X/"), ("", "/")]
)
def test_checksum_example_under_each_base(base, prefix):
    example = pages.checksum_example([Download("a/b/c.json", "ab" * 32), Download("d.txt", "cd" * 32)], base)
    assert example == (
        f"curl -fsS --remote-name-all \\\n  {prefix}a/b/c.json \\\n  {prefix}d.txt \\\n"
        f"  && sha256sum -c <<'EOF'\n{'ab' * 32}  c.json\n{'cd' * 32}  d.txt\nEOF"
    )


def test_downloads_table_fetches_from_the_site_root_by_default():
    assert "  /d.txt \\\n" in pages.downloads_table([Download("d.txt", "cd" * 32)], "../")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<body><p>x</p></body>", '<body><p>x</p><script src="../a.js"></script>\n<script src="../b.js"></script>\n</body>'),
        ("</body>", '<script src="../a.js"></script>\n<script src="../b.js"></script>\n</body>'),
        ("<p>a</body>b</body>", '<p>a</body>b<script src="../a.js"></script>\n<script src="../b.js"></script>\n</body>'),
    ],
)
def test_scripts_go_before_the_last_end_of_body(html, expected):
    assert pages.add_scripts(html, "../", ("a.js", "b.js")) == expected


@pytest.mark.parametrize("html", ["", "<body><p>x</p>", "</BODY>"])
def test_a_page_without_an_end_of_body_is_refused(html):
    with pytest.raises(ValueError, match="^no </body> to put the page's scripts before$"):
        pages.add_scripts(html, "../", ("a.js",))


def test_code_block_and_operator():
    assert pages.code_block("a < b", "sh") == '<pre><code class="language-sh">a &lt; b</code></pre>'
    lic = license_of(metadata={"licensor": {"zh-Hans": "甲公司", "en": "A Co."}})
    assert pages.operator(lic, "/") == (
        '<p class="license-operator">This site is run by the contributors to an independent open-source project. '
        "It is not the site of the licensor, A Co., and is not endorsed by it. Nothing here is legal advice. "
        '<span lang="zh-Hans">本站由一个独立开源项目的贡献者维护，不是许可方（甲公司）的网站，'
        "也未经其认可；本站内容不构成法律意见。</span></p>"
    )
