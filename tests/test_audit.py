"""The post-build audit and the Content-Security-Policy: defence behind the templates."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sitekit import html_pages, serve, soup

from casebook import ascii_locale
from licensekit.audit import Allowed, audit
from licensekit.csp import script_hash

ALLOWED = Allowed(frozenset({script_hash("ok()")}), frozenset({"assets/ok.js"}), "/")


def audited(tmp_path: Path, body: str) -> list[str]:
    """Findings for a one-page site whose body is `body` (from line 2), beside a page `a/` with `id="x"`."""
    (tmp_path / "index.html").write_text(f"<!doctype html><html><head></head><body>\n{body}\n</body></html>", encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<html><body><h2 id="x">X</h2></body></html>', encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "ok.js").write_text("", encoding="utf-8")
    found = audit(tmp_path, ALLOWED)
    # A page's finding names no clause: "" as for every finding without one (clause is a str).
    assert [f.clause for f in found] == [""] * len(found)
    return [f.format(tmp_path) for f in found]


def line2(code: str, message: str) -> str:
    return f"index.html:2: {code} -: {message}"


@pytest.mark.parametrize(
    "body,expected",
    [
        ("<script>alert(1)</script>", [line2("AUDIT-SCRIPT", "inline script 'alert(1)' is not one of the theme's")]),
        ("<script> ok()</script>", [line2("AUDIT-SCRIPT", "inline script 'ok()' is not one of the theme's")]),
        (
            '<script src="https://evil.example/x.js"></script>',
            [line2("AUDIT-SCRIPT", "script 'https://evil.example/x.js' is not the theme's or the site's own")],
        ),
        (
            '<script src="a/index.html"></script>',
            [line2("AUDIT-SCRIPT", "script 'a/index.html' is not the theme's or the site's own")],
        ),
        ('<div onclick="alert(1)"></div>', [line2("AUDIT-HANDLER", "<div> has the event-handler attribute onclick")]),
        ("<svg onload=alert(1)></svg>", [line2("AUDIT-HANDLER", "<svg> has the event-handler attribute onload")]),
        ('<p ONMOUSEOVER="x">', [line2("AUDIT-HANDLER", "<p> has the event-handler attribute onmouseover")]),
        ('<a href="javascript:alert(1)">x</a>', [line2("AUDIT-URL", "<a href> is a script-capable URL 'javascript:alert(1)'")]),
        (
            '<a href=" JaVa&#x09;script&#58;alert(1)">x</a>',
            [line2("AUDIT-URL", "<a href> is a script-capable URL ' JaVa\\tscript:alert(1)'")],
        ),
        ('<form action="javascript:alert(1)"></form>', [line2("AUDIT-URL", "<form action> is a script-capable URL 'javascript:alert(1)'")]),
        ('<button formaction="vbscript:x">b</button>', [line2("AUDIT-URL", "<button formaction> is a script-capable URL 'vbscript:x'")]),
        (
            '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
            [line2("AUDIT-URL", "<a xlink:href> is a script-capable URL 'javascript:alert(1)'")],
        ),
        ('<object data="data:text/html,x"></object>', [line2("AUDIT-URL", "<object data> is a script-capable URL 'data:text/html,x'")]),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', [line2("AUDIT-URL", "<iframe> has a srcdoc attribute")]),
        (
            '<div style="background:url(&quot;javascript:alert(1)&quot;)"></div>',
            [line2("AUDIT-URL", "<div style> holds a script-capable url() or expression()")],
        ),
        ('<p id="s2-2">a</p><p id="s2-2">b</p>', [line2("AUDIT-ID", "id 's2-2' is used twice in the page")]),
        ('<a href="missing/">x</a>', [line2("AUDIT-LINK", "<a> links to 'missing/', which is not in the site")]),
        ('<a href="a/#nope">x</a>', [line2("AUDIT-LINK", "<a> links to 'a/#nope': a/index.html has no id 'nope'")]),
        ('<a href="#nope">x</a>', [line2("AUDIT-LINK", "<a> links to '#nope': index.html has no id 'nope'")]),
        ('<a href="../../etc/passwd">x</a>', [line2("AUDIT-LINK", "<a> links to '../../etc/passwd', which is not in the site")]),
        # A repeated attribute: a browser keeps the first value; every value is audited.
        (
            '<a href="javascript:alert(1)" href="#top" id="top">x</a>',
            [line2("AUDIT-URL", "<a href> is a script-capable URL 'javascript:alert(1)'")],
        ),
        (
            '<iframe src="a/" src="vbscript:x" title="t"></iframe>',
            [line2("AUDIT-URL", "<iframe src> is a script-capable URL 'vbscript:x'")],
        ),
        ('<p id="a" id="b">p</p><a href="#b">b</a>', [line2("AUDIT-LINK", "<a> links to '#b': index.html has no id 'b'")]),
        ('<p id="a">p</p><p id="b" id="a">q</p>', []),
        # An attribute without a value is an empty one.
        ("<p id></p><p id></p>", [line2("AUDIT-ID", "id '' is used twice in the page")]),
        ("<a href>x</a>", []),
        # A data block is skipped, and the scripts after it are still audited.
        (
            '<script type="application/json">{}</script><script>alert(1)</script>',
            [line2("AUDIT-SCRIPT", "inline script 'alert(1)' is not one of the theme's")],
        ),
        # Long texts and values are quoted by their first 60 characters.
        (
            "<script>" + "a" * 59 + "bcd</script>",
            [line2("AUDIT-SCRIPT", f"inline script '{'a' * 59}b' is not one of the theme's")],
        ),
        (
            '<a href="javascript:' + "a" * 48 + 'bcd">x</a>',
            [line2("AUDIT-URL", f"<a href> is a script-capable URL 'javascript:{'a' * 48}b'")],
        ),
        # srcset: a list of candidates, each a URL and then its descriptors.
        (
            '<img srcset="a.png 1x, javascript:alert(1) 2x" alt="">',
            [line2("AUDIT-URL", "<img srcset> is a script-capable URL 'a.png 1x, javascript:alert(1) 2x'")],
        ),
        ('<img srcset="a.png 1x, java script:x 2x" alt="">', []),  # the URL is "java", relative
        # Character references left after the parser's decoding are decoded again.
        (
            '<a href="javascript&amp;#58;alert(1)">x</a>',
            [line2("AUDIT-URL", "<a href> is a script-capable URL 'javascript&#58;alert(1)'")],
        ),
        (
            '<a href="&amp;#x6A;avascript:alert(1)">x</a>',
            [line2("AUDIT-URL", "<a href> is a script-capable URL '&#x6A;avascript:alert(1)'")],
        ),
        # Style: url() with a script-capable address, or expression(); nothing else, nowhere else.
        ("<div style=\"background:url('a.png')\"></div>", []),
        (
            '<div style="width:expression(alert(1))"></div>',
            [line2("AUDIT-URL", "<div style> holds a script-capable url() or expression()")],
        ),
        ('<abbr title="expression(x), url(javascript:x)">CSS</abbr>', []),
        # Links from src as well as href, and every link after one that is skipped.
        ('<img src="missing.png" alt="">', [line2("AUDIT-LINK", "<img> links to 'missing.png', which is not in the site")]),
        (
            '<a href="javascript:x">j</a><a href="missing/">m</a>',
            [
                line2("AUDIT-URL", "<a href> is a script-capable URL 'javascript:x'"),
                line2("AUDIT-LINK", "<a> links to 'missing/', which is not in the site"),
            ],
        ),
        (
            '<a href="https://example.org/">e</a><a href="missing/">m</a>',
            [line2("AUDIT-LINK", "<a> links to 'missing/', which is not in the site")],
        ),
        ('<a href="./#nope">x</a>', [line2("AUDIT-LINK", "<a> links to './#nope': index.html has no id 'nope'")]),
        ('<a href="a/index.html/">x</a>', [line2("AUDIT-LINK", "<a> links to 'a/index.html/', which is not in the site")]),
    ],
)
def test_audit_finds(tmp_path, body, expected):
    assert audited(tmp_path, body) == expected


def test_audit_allows_the_theme_and_the_site(tmp_path):
    body = (
        '<script>ok()</script><script src="assets/ok.js"></script><script type="application/json">{"a": 1}</script>'
        '<a href="a/#x">x</a> <a href="./a/">a</a> <a href="/a/index.html#x">a</a> <a href="#top" id="top">t</a>'
        '<a href="https://example.org/">e</a> <a href="mailto:x@example.org">m</a> <img src="data-file.png" alt="" hidden>'
    )
    (tmp_path / "data-file.png").write_bytes(b"")
    assert audited(tmp_path, body) == []


def test_no_built_page_holds_a_marker_or_placeholder(site):
    left = [p.relative_to(site).as_posix() for p in html_pages(site) if "licensekit" in p.read_text(encoding="utf-8")]
    assert left == []


POLICY = re.compile(
    r"default-src 'self'; script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+; img-src 'self' data:; "
    r"object-src 'none'; base-uri 'self'; form-action 'self'"
)


def test_every_page_carries_the_policy_before_any_script(site):
    for path in html_pages(site):
        doc = soup(path)
        metas = doc.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = metas[0]["content"]
        assert POLICY.fullmatch(policy), (path, policy)
        first = doc.head.find_all(["meta", "script"])[:2]
        assert [el.name for el in first] == ["meta", "meta"] and first[0].has_attr("charset"), path
        for script in doc.find_all("script"):
            if not script.get("src") and script.get("type") != "application/json":
                assert script_hash(script.string) in policy, (path, script.string[:60])


def test_injected_inline_script_does_not_run(site, browser, tmp_path):
    """Inline script and handlers added to a built page are refused by the browser."""
    copy = shutil.copytree(site, tmp_path / "site")
    page_file = copy / "en" / "index.html"
    injected = '<script>window.__injected = 1</script><img src="../missing.png" onerror="window.__handler = 1" alt="">'
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</body>", injected + "</body>"), encoding="utf-8")
    server, url = serve(copy)
    context = browser.new_context()
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda m: messages.append(m.text) if m.type == "error" else None)
        page.goto(url + "en/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__injected") == "undefined"
        assert page.evaluate("typeof window.__handler") == "undefined"
        assert page.evaluate("typeof __md_scope") == "object"  # the theme's own inline script ran
        refused = [m for m in messages if "Content Security Policy" in m]
        assert any("inline script" in m for m in refused), messages
        assert any("inline event handler" in m for m in refused), messages
    finally:
        context.close()
        server.shutdown()


@pytest.mark.slow  # runs whole builds as processes
def test_hostile_pages_and_scripts_are_refused_and_the_site_kept(tmp_path):
    """Broken hand-written pages stop the build before it starts; a foreign script fails the
    audit after the pages are written. Either way the previous site stays as it was."""
    from test_publish import built_project, digest, run_build

    project, site, before = built_project(tmp_path)
    notes, index = project / "docs" / "notes.md", project / "docs" / "index.md"
    good_notes, good_index = notes.read_text(encoding="utf-8"), index.read_text(encoding="utf-8")
    notes.write_text(good_notes + "\n<!-- licensekit:nope -->\n", encoding="utf-8")
    index.write_text(good_index + "\n<script>alert(1)</script> [x](javascript&#58;alert(1))\n", encoding="utf-8")
    marker_line = len(good_notes.split("\n")) + 1
    script_line = len(good_index.split("\n")) + 1
    result = run_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    assert f"docs/notes.md:{marker_line}: DOCS-MARKER -: '<!-- licensekit:nope -->' is not a known part" in result.stdout
    assert f"docs/index.md:{script_line}: DOCS-HTML -: raw HTML '<script>' is not allowed" in result.stdout
    assert f"docs/index.md:{script_line}: DOCS-URL -: a javascript: URL can run script" in result.stdout
    assert digest(site) == before

    notes.write_text(good_notes, encoding="utf-8")
    index.write_text(good_index, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - assets/license.js\n", "  - assets/license.js\n  - https://evil.example/x.js\n"),
        encoding="utf-8",
    )
    result = run_build(project, site)
    assert result.returncode != 0
    refused = re.findall(r"^(\S+?):\d+: AUDIT-SCRIPT -: script '([^']+)'", result.stdout, re.M)
    assert {page for page, _ in refused} >= {"index.html", "zh/index.html", "en/index.html", "404.html"}
    assert {src for _, src in refused} == {"https://evil.example/x.js"}
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


PAGE_ONLY = Allowed(frozenset(), frozenset({"assets/ok.js"}), "/", {"a/index.html": frozenset({"assets/page.js"})})


@pytest.mark.parametrize(
    "src,where,expected",
    [
        ("../assets/page.js", "a/index.html", []),
        ("/assets/page.js", "a/index.html", []),
        ("assets/page.js", "index.html", ["index.html:1: AUDIT-SCRIPT -: script 'assets/page.js' is not the theme's or the site's own"]),
        (
            "../assets/page.js",
            "b/index.html",
            ["b/index.html:1: AUDIT-SCRIPT -: script '../assets/page.js' is not the theme's or the site's own"],
        ),
        (
            "../assets/other.js",
            "a/index.html",
            ["a/index.html:1: AUDIT-SCRIPT -: script '../assets/other.js' is not the theme's or the site's own"],
        ),
    ],
)
def test_a_page_level_script_is_allowed_on_its_page_only(tmp_path, src, where, expected):
    for page in ("index.html", "a/index.html", "b/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        body = f'<script src="{src}"></script>' if page == where else ""
        (tmp_path / page).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    for name in ("ok.js", "page.js", "other.js"):
        (tmp_path / "assets" / name).write_text("", encoding="utf-8")
    assert [f.format(tmp_path) for f in audit(tmp_path, PAGE_ONLY)] == expected


def test_the_built_verify_page_alone_loads_its_scripts(site):
    from licensekit.verify import browser

    doc = soup(site / browser.PAGE)
    srcs = [s["src"] for s in doc.find_all("script", src=True) if "assets/verify/" in s["src"]]
    assert srcs == ["../" + s for s in browser.SCRIPTS]
    others = [p for p in html_pages(site) if p != site / browser.PAGE and "assets/verify/" in p.read_text(encoding="utf-8")]
    assert others == []


def site_findings(root: Path, pages: dict[str, str], allowed: Allowed) -> list[str]:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [f.format(root) for f in audit(root, allowed)]


SUB = Allowed(frozenset(), frozenset({"assets/ok.js"}), "/sub/")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<a href="/sub/">home</a> <a href="/sub/a/#x">x</a> <script src="/sub/assets/ok.js"></script>', []),
        ('<a href="/sub">home</a>', ["index.html:1: AUDIT-LINK -: <a> links to '/sub', which is not in the site"]),
        ('<a href="/other/">o</a>', ["index.html:1: AUDIT-LINK -: <a> links to '/other/', which is not in the site"]),
        # The host's root, climbed to from above the site: not the site's own index.html.
        (
            '<a href="/../../../index.html">r</a>',
            ["index.html:1: AUDIT-LINK -: <a> links to '/../../../index.html', which is not in the site"],
        ),
        (
            '<script src="/assets/ok.js"></script>',
            [
                "index.html:1: AUDIT-SCRIPT -: script '/assets/ok.js' is not the theme's or the site's own",
                "index.html:1: AUDIT-LINK -: <script> links to '/assets/ok.js', which is not in the site",
            ],
        ),
    ],
)
def test_root_relative_urls_of_a_site_under_a_sub_path(tmp_path, body, expected):
    pages = {"index.html": f"<html><body>{body}</body></html>", "a/index.html": '<p id="x">x</p>', "assets/ok.js": ""}
    assert site_findings(tmp_path, pages, SUB) == expected


def test_a_file_beside_the_site_is_not_in_it(tmp_path):
    (tmp_path / "outside.html").write_text('<p id="x">x</p>', encoding="utf-8")
    (tmp_path / "outside.js").write_text("", encoding="utf-8")
    body = '<a href="../outside.html">o</a>\n<a href="../outside.html#x">o</a>\n<script src="../outside.js"></script>'
    assert site_findings(tmp_path / "site", {"index.html": body}, ALLOWED) == [
        "index.html:3: AUDIT-SCRIPT -: script '../outside.js' is not the theme's or the site's own",
        "index.html:1: AUDIT-LINK -: <a> links to '../outside.html', which is not in the site",
        "index.html:2: AUDIT-LINK -: <a> links to '../outside.html#x', which is not in the site",
        "index.html:3: AUDIT-LINK -: <script> links to '../outside.js', which is not in the site",
    ]


def test_a_link_without_a_path_is_to_its_own_page(tmp_path):
    pages = {
        "index.html": '<p id="top">home</p>',
        "404.html": '<a href="?lang=en#top">t</a>\n<a href="?q=1#main" id="main">m</a>',
    }
    assert site_findings(tmp_path, pages, ALLOWED) == ["404.html:1: AUDIT-LINK -: <a> links to '?lang=en#top': 404.html has no id 'top'"]


def test_pages_are_read_as_utf8_whatever_the_locale(tmp_path):
    with ascii_locale():
        found = site_findings(tmp_path, {"index.html": '<p id="许可">许可</p><p id="许可">协议</p>'}, ALLOWED)
    assert found == ["index.html:1: AUDIT-ID -: id '许可' is used twice in the page"]


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("JavaScript:alert(1)", "javascript:alert(1)"),
        (" java\tscript:x", "javascript:x"),
        ("java%0Ascript:x", "javascript:x"),
        ("javascript&#58;x", "javascript:x"),
        ("javascript&amp;#58;x", "javascript:x"),
        ("javascript%26%2358%3Bx", "javascript:x"),
        ("&#x6A;avascript:x", "javascript:x"),
        ("a.png 1x", "a.png1x"),
        ("", ""),
    ],
)
def test_a_url_as_a_browser_reads_its_scheme(url, normalized):
    from licensekit.audit import normalized_url

    assert normalized_url(url) == normalized
