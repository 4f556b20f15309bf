"""The command lines and the MkDocs layer, in-process: check.py's main, build.py's swap, and
the hooks' refusal of a broken source."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import build
import check
import markdown as md
import mkdocs_hooks
import pytest
from mkdocs.exceptions import Abort
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from casebook import ROOT, ascii_locale, broken_copy, cases, edited_copy, record_review
from licensekit import csp, pages, release


def test_check_main_on_the_real_sources(capsys):
    assert check.main([]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")


def test_check_main_shows_information_with_all_only(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert check.main(["--all"]) == 0
    out, err = capsys.readouterr()
    assert "license/en.md:26: TERM-UNMARKED s1-output: uses “Model” without marking it" in out.splitlines()
    assert err == ""


@pytest.mark.parametrize("name", ["ref-missing-clause", "id-parent", "yaml-syntax"])
def test_check_main_prints_each_error_and_fails(name, tmp_path, capsys, monkeypatch):
    case = next(c for c in cases() if c.name == name)
    root = broken_copy(case, tmp_path / "license")
    monkeypatch.chdir(tmp_path)
    assert check.main([str(root)]) == 1
    out, err = capsys.readouterr()
    expected = ["license/" + line for line in case.expected_lines(root)]
    assert err.splitlines() == expected + [f"{len(expected)} error(s)"]
    assert out == ""


def test_check_main_prints_warnings_on_stdout_and_passes(tmp_path, capsys, monkeypatch):
    root = record_review(
        edited_copy(tmp_path / "license", [{"file": "en.md", "find": "*Governing law*", "replace": "*Final interpretation*"}])
    )
    monkeypatch.chdir(tmp_path)
    assert check.main([str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["license/en.md:166: HEADING-DUPLICATE s5-2: heading “Final interpretation” is also used by s5-1"]
    assert err == ""


@pytest.fixture
def not_a_release(monkeypatch):
    """A build that is not a release: the placeholder site_url is allowed."""
    for name in ("CI", "LICENSEKIT_RELEASE"):
        monkeypatch.delenv(name, raising=False)


def bare_config(**extra):
    return SimpleNamespace(site_url="https://example.org/", docs_dir=str(ROOT / "docs"), **extra)


@pytest.mark.parametrize("name", ["text-changed", "ref-missing-clause"])
def test_hooks_refuse_a_broken_source(name, tmp_path, monkeypatch, not_a_release):
    case = next(c for c in cases() if c.name == name)
    broken_copy(case, tmp_path / "license")
    monkeypatch.setattr(mkdocs_hooks, "ROOT", tmp_path)
    monkeypatch.setattr(mkdocs_hooks, "state", {})
    with pytest.raises(Abort) as caught:
        mkdocs_hooks.on_config(bare_config())
    expected = ["license/" + line for line in case.expected_lines(tmp_path / "license")]
    assert str(caught.value).splitlines() == [f"the license sources and pages have {len(expected)} error(s):", *expected]
    # nothing of the broken license is kept for the build to use
    assert mkdocs_hooks.state == {"parts": {}, "hashes": set(), "theme_hashes": {}}


def test_the_dev_server_shows_a_broken_source_instead_of_stopping(tmp_path, monkeypatch, capsys, not_a_release):
    case = next(c for c in cases() if c.name == "ref-missing-clause")
    broken_copy(case, tmp_path / "license")
    monkeypatch.setattr(mkdocs_hooks, "ROOT", tmp_path)
    monkeypatch.setattr(mkdocs_hooks, "state", {"serve": True})
    config = bare_config(validation=SimpleNamespace(nav=SimpleNamespace(not_found=None)))
    assert mkdocs_hooks.on_config(config) is config
    expected = ["license/" + line for line in case.expected_lines(tmp_path / "license")]
    assert mkdocs_hooks.state["broken"] == expected and "license" not in mkdocs_hooks.state
    assert config.validation.nav.not_found == logging.DEBUG
    assert capsys.readouterr().err.splitlines() == [f"the license sources and pages have {len(expected)} error(s):", *expected]


def test_a_release_build_refuses_the_placeholder_address(monkeypatch):
    monkeypatch.setattr(mkdocs_hooks, "state", {})
    monkeypatch.setenv("LICENSEKIT_RELEASE", "1")
    with pytest.raises(Abort, match=r"^site_url is the placeholder https://example.org/; a release build"):
        mkdocs_hooks.on_config(bare_config())
    assert mkdocs_hooks.state == {}


def test_hooks_accept_the_real_sources_and_set_the_page_language(configured, monkeypatch):
    assert [c.id for c in mkdocs_hooks.state["license"].zh.clauses][:2] == ["s1", "s1-license"]
    assert "broken" not in mkdocs_hooks.state
    assert re.fullmatch(r"licensekitpart[0-9a-f]{16}x", mkdocs_hooks.state["token"])
    html = '<html lang="en"><head><meta charset="utf-8"></head><p lang="en">x</p></html>'
    policy = csp.meta(mkdocs_hooks.theme_hashes(configured, ".."))
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={"lang": "zh-Hans"}, url="zh/"), configured) == (
        f'<html lang="zh-Hans"><head><meta charset="utf-8">\n    {policy}</head><p lang="en">x</p></html>'
    )
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={}, url="zh/"), configured) == html.replace(
        '<meta charset="utf-8">', f'<meta charset="utf-8">\n    {policy}'
    )
    # the dev server adds its own inline script to every response: no policy there
    monkeypatch.setitem(mkdocs_hooks.state, "serve", True)
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={"lang": "zh-Hans"}, url="zh/"), configured) == html.replace(
        '<html lang="en">', '<html lang="zh-Hans">'
    )


@pytest.mark.parametrize("body", ["<script>alert(1)</script>", '<a href="missing/">x</a>', '<p onclick="x()">p</p>'])
def test_a_build_audits_its_pages_and_the_dev_server_does_not(body, configured, tmp_path, monkeypatch):
    (tmp_path / "search").mkdir()
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "x/", "title": "X", "text": "许可"}]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    (tmp_path / "index.html").write_text(f"<html><body>\n{body}\n</body></html>", encoding="utf-8")
    monkeypatch.setattr(configured, "site_dir", str(tmp_path))
    monkeypatch.setitem(mkdocs_hooks.state, "hashes", set())
    with pytest.raises(Abort, match=r"^the built pages have 1 error\(s\):\nindex.html:2: AUDIT-"):
        mkdocs_hooks.on_post_build(configured)
    monkeypatch.setitem(mkdocs_hooks.state, "serve", True)
    mkdocs_hooks.on_post_build(configured)
    # The preview's search index is made all the same.
    assert json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"][0]["kind"] == "page"


def dev_server(folder: Path):
    """A stand-in for MkDocs' dev server as on_serve gets it: a polling observer watching `folder`."""
    observer = PollingObserver(timeout=0.5)
    refs = {str(folder): observer.schedule(FileSystemEventHandler(), str(folder), recursive=True)}
    return SimpleNamespace(build_delay=0.1, observer=observer, _watch_refs=refs, _guess_type=lambda path: "text/plain")


def test_the_dev_server_listens_for_changes_and_settles_briefly(tmp_path):
    server = dev_server(tmp_path)
    assert mkdocs_hooks.on_serve(server, None, None) is server
    assert type(server.observer).__name__ == "ChangesOnly" and list(server._watch_refs) == [str(tmp_path)]
    assert server.build_delay == mkdocs_hooks.SETTLE_LISTENING == 0.01
    assert server._guess_type("license.zh.txt") == "text/plain; charset=utf-8"


def test_without_inotify_the_dev_server_polls_often_and_settles_for_longer_than_a_poll(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_hooks.watching, "listening", lambda observer, refs: None)
    server = dev_server(tmp_path)
    polling = server.observer
    assert mkdocs_hooks.on_serve(server, None, None) is server
    assert server.observer is polling and server.observer._timeout == mkdocs_hooks.POLL_SECONDS == 0.025
    assert [e._timeout for e in polling.emitters] == [0.025]
    # A save of several files spans polls: the settling outlasts one, so it is one rebuild.
    assert server.build_delay == mkdocs_hooks.SETTLE_POLLING == 0.03
    assert server._guess_type("license.zh.txt") == "text/plain; charset=utf-8"


def test_source_date_is_the_last_commit():
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert mkdocs_hooks.source_date() == stamp
    assert stamp.isdigit()


def test_source_date_outside_a_repository_is_zero(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_hooks, "ROOT", tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert mkdocs_hooks.source_date() == "0"

    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(mkdocs_hooks.subprocess, "run", no_git)
    assert mkdocs_hooks.source_date() == "0"


def test_on_config_sets_source_date_epoch_only_when_unset(configured, monkeypatch, not_a_release):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    mkdocs_hooks.on_config(configured)
    assert mkdocs_hooks.os.environ["SOURCE_DATE_EPOCH"] == mkdocs_hooks.source_date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "123")
    monkeypatch.setattr(mkdocs_hooks, "source_date", lambda: pytest.fail("git asked again"))
    mkdocs_hooks.on_config(configured)
    assert mkdocs_hooks.os.environ["SOURCE_DATE_EPOCH"] == "123"


def test_on_post_page_sets_only_the_page_language(configured):
    html = '<html lang="en"><meta charset="utf-8"><code>&lt;html lang="en"</code><html lang="x">'
    policy = csp.meta(mkdocs_hooks.theme_hashes(configured, "."))
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={"lang": "zh-Hans"}, url=""), configured) == (
        f'<html lang="zh-Hans"><meta charset="utf-8">\n    {policy}<code>&lt;html lang="en"</code><html lang="x">'
    )
    # the policy must come before any script: a page without <meta charset> is refused
    with pytest.raises(Abort, match="no <meta charset> to put the Content-Security-Policy after"):
        mkdocs_hooks.on_post_page('<html lang="en"><p>x</p>', SimpleNamespace(meta={}, url=""), configured)


def test_theme_scripts_are_what_the_template_loader_lists_under_their_folder(configured, tmp_path):
    env = configured.theme.get_env()
    listed = env.list_templates(filter_func=lambda name: name.startswith("partials/javascripts/"))
    assert mkdocs_hooks.theme_scripts(configured.theme.dirs) == listed
    assert "partials/javascripts/palette.html" in listed and len(listed) == 6
    # An override and a new partial in a custom folder, one nested; the rest of the theme is not read.
    custom, theme = tmp_path / "custom", tmp_path / "theme"
    for folder, names in ((custom, ["a.html", "sub/b.html"]), (theme, ["a.html", "c.html"])):
        for name in names:
            (folder / "partials" / "javascripts" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "partials" / "javascripts" / name).write_text("x", encoding="utf-8")
    (theme / "partials" / "javascript.html").write_text("x", encoding="utf-8")
    (theme / "partials" / "javascripts-other").mkdir()
    (theme / "partials" / "javascripts-other" / "d.html").write_text("x", encoding="utf-8")
    (theme / "icons").mkdir()
    (theme / "icons" / "e.svg").write_text("x", encoding="utf-8")
    names = ["partials/javascripts/a.html", "partials/javascripts/c.html", "partials/javascripts/sub/b.html"]
    assert mkdocs_hooks.theme_scripts([str(custom), str(theme)]) == names
    assert mkdocs_hooks.theme_scripts([str(tmp_path / "none")]) == []


# -- build.py: a fresh folder, swapped in only on success ----------------------------------


def tiny_project(root: Path, page: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: t\ntheme: mkdocs\n", encoding="utf-8")
    return config


def test_build_swaps_in_a_good_site_and_keeps_it_on_failure(tmp_path, capfd):
    config = tiny_project(tmp_path / "project", "# One\n")
    site = tmp_path / "out" / "deeper" / "site"  # parent folders are made
    assert build.build(site, config) == 0
    assert "One" in (site / "index.html").read_text(encoding="utf-8")
    (config.parent / "docs" / "index.md").write_text("# Two\n", encoding="utf-8")
    assert build.build(site, config) == 0
    assert "Two" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    (config.parent / "docs" / "index.md").write_text("# Three\n\n[gone](missing.md)\n", encoding="utf-8")
    capfd.readouterr()
    assert build.build(site, config) != 0  # --strict: the broken link fails the build
    assert capfd.readouterr().err.splitlines()[-1] == f"build failed; {site} is unchanged"
    assert "Two" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    shutil.rmtree(site)
    assert build.build(site, config) != 0
    assert sorted(p.name for p in site.parent.iterdir()) == []


@pytest.fixture(scope="module")
def configured():
    """The real MkDocs configuration, after the hooks' on_config (not as a release build)."""
    from mkdocs.config import load_config

    saved_env = {k: os.environ.pop(k) for k in ("CI", "LICENSEKIT_RELEASE", "SITE_URL") if k in os.environ}
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # as MkDocs sets it while running a hook
    saved = dict(mkdocs_hooks.state)
    mkdocs_hooks.on_config(config)
    yield config
    mkdocs_hooks.state.clear()
    mkdocs_hooks.state.update(saved)
    os.environ.update(saved_env)


SITE = "https://baichuan-7b-license.example.org/"


def test_hooks_add_the_generated_pages_and_downloads(configured):
    from mkdocs.structure.files import Files

    files = mkdocs_hooks.on_files(Files([]), configured)
    rules = [f"scancode/baichuan-7b-model-2023_{i}.RULE" for i in range(1, 16)]
    assert [f.src_uri for f in files] == [
        "zh.md",
        "en.md",
        "parallel.md",
        "license.json",
        "schema/license.schema.json",
        "schema/metadata.schema.json",
        "schema/verify-report.schema.json",
        "spdx/LicenseRef-Baichuan-7B-Model-License.json",
        "spdx/LicenseRef-Baichuan-7B-Model-License.xml",
        "spdx/example.spdx.json",
        "license.zh.txt",
        "license.en.txt",
        "scancode/baichuan-7b-model-2023.LICENSE",
        *rules,
        "scancode/scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl",
        "huggingface/model-card.yml",
        "assets/verify/data.json",
    ]
    by_uri = {f.src_uri: f for f in files}
    lic = mkdocs_hooks.state["license"]
    # a text page is its front matter over a placeholder: its HTML goes in after Markdown has run
    placeholder = mkdocs_hooks.state["token"] + "page"
    for uri, (front_matter, html) in pages.text_pages(lic, SITE).items():
        assert by_uri[uri].content_string == f"{front_matter}{placeholder}\n"
        assert mkdocs_hooks.state["parts"][uri] == {placeholder: html}
    assert by_uri["zh.md"].content_string.startswith('---\ntitle: "baichuan-7B模型许可协议（中文原文）"')
    # a clause heading's citation carries the canonical URL, the configured site_url
    assert f'data-copy="《baichuan-7B模型许可协议》二、2 {SITE}zh/#s2-2"' in mkdocs_hooks.state["parts"]["zh.md"][placeholder]
    license_json = json.loads(by_uri["license.json"].content_bytes)
    assert license_json["$schema"] == f"{SITE}schema/license.schema.json"
    assert license_json["release"] == release.describe(ROOT)
    assert [d.path for d in mkdocs_hooks.state["downloads"]] == [f.src_uri for f in files][3:-1]
    # the /verify/ page's data is made from the same model, for the same address
    data = json.loads(by_uri["assets/verify/data.json"].content_string)
    assert data["site_url"] == SITE
    assert [u["id"] for u in data["langs"]["zh-Hans"]["units"]][:3] == ["title", "s1", "s1-license"]


def hand_written_page(uri: str = "cite.md", url: str = "cite/"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri, src_path=uri), url=url, toc=None, present_anchor_ids=None)


def test_hooks_fill_the_hand_written_pages(configured):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    markdown = "A\n<!-- licensekit:cite-urls -->\n<!-- licensekit:downloads -->\n<!-- licensekit:outbound-links -->\n"
    page = hand_written_page()
    filled = mkdocs_hooks.on_page_markdown(markdown, page, configured, None)
    token = mkdocs_hooks.state["token"]
    assert filled == f"A\n\n\n{token}0\n\n\n\n\n{token}1\n\n\n\n\n{token}2\n\n\n"
    parts = mkdocs_hooks.state["parts"]["cite.md"]
    assert list(parts) == [f"{token}{k}" for k in range(3)]
    html = mkdocs_hooks.on_page_content(md.markdown(filled), page, configured, None)
    assert token not in html and "licensekit:" not in html
    assert f"<li>English: <code>{SITE}en/#s2-2</code></li>\n" in html
    # links to the downloads are relative to the page, so the site works under a sub-path
    assert '<li><p class="download-file"><a href="../license.json"><code>/license.json</code></a> <span class="download-size">' in html
    # the checksum command fetches from the configured site_url
    assert f"curl -fsS --remote-name-all \\\n  {SITE}license.json \\\n" in html
    assert '<li><a href="https://github.com/baichuan-inc/Baichuan-7B">https://github.com/baichuan-inc/Baichuan-7B</a></li>\n' in html
    assert html.startswith("<p>A</p>\n<ul>\n<li>Chinese (authoritative): ")


def test_hooks_refuse_an_unknown_part_and_a_part_inside_a_paragraph(configured):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    with pytest.raises(Abort, match=r"^cite\.md: line 2: unknown generated part 'nope'"):
        mkdocs_hooks.on_page_markdown("A\n<!-- licensekit:nope -->\n", hand_written_page(), configured, None)
    page = hand_written_page()
    filled = mkdocs_hooks.on_page_markdown("<!-- licensekit:glossary -->\n", page, configured, None)
    token = mkdocs_hooks.state["token"]
    with pytest.raises(Abort, match=f"^cite\\.md: a generated part is not on a line of its own \\({token}0\\)$"):
        mkdocs_hooks.on_page_content(f"<ul><li>{filled.strip()}</li></ul>", page, configured, None)


@pytest.mark.parametrize("uri,first", [("zh.md", "一、 定义"), ("en.md", "I. Definitions"), ("parallel.md", "I. Definitions")])
def test_hooks_give_the_text_pages_their_sections_as_contents(configured, uri, first):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    page = hand_written_page(uri, uri.replace(".md", "/"))
    placeholder = mkdocs_hooks.state["token"] + "page"
    (generated,) = mkdocs_hooks.state["parts"][uri].values()
    assert mkdocs_hooks.on_page_content(f"<p>{placeholder}</p>", page, configured, None) == generated
    (title,) = list(page.toc)
    assert (title.id, title.level) == ("title", 1)
    assert [(c.id, c.level) for c in title.children] == [(s, 2) for s in ("s1", "s2", "s3", "s4", "s5", "appendix")]
    assert title.children[0].title == first
    # MkDocs checks links to anchors against the ids it saw: those of the generated HTML
    assert {"title", "s1", "s2-2"} <= page.present_anchor_ids


def test_hooks_leave_the_contents_of_other_pages(configured, monkeypatch):
    # a page the hooks gave no parts (the tests share `configured`; others give notes.md parts)
    monkeypatch.setitem(mkdocs_hooks.state, "parts", {})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notes.md"), toc="kept")
    assert mkdocs_hooks.on_page_content("<p>x</p>", page, configured, None) == "<p>x</p>"
    assert page.toc == "kept"


VERIFY_SCRIPTS = "".join(
    f'<script src="../assets/verify/{name}"></script>\n'
    for name in ("vendor/diff_match_patch.js", "vendor/markdown-it.min.js", "verify.js", "page.js")
)


@pytest.mark.parametrize(
    ("uri", "scripts"),
    [("verify.md", VERIFY_SCRIPTS), ("notes.md", ""), ("verify/index.md", ""), (None, "")],
    ids=["verify", "notes", "other-verify", "no-file"],
)
def test_only_the_verify_page_loads_the_verifier(configured, uri, scripts):
    html = '<html lang="en"><head><meta charset="utf-8"></head><body><p>x</p></body></html>'
    page = SimpleNamespace(meta={}, url="verify/", **({} if uri is None else {"file": SimpleNamespace(src_uri=uri)}))
    policy = csp.meta(mkdocs_hooks.theme_hashes(configured, ".."))
    assert mkdocs_hooks.on_post_page(html, page, configured) == (
        f'<html lang="en"><head><meta charset="utf-8">\n    {policy}</head><body><p>x</p>{scripts}</body></html>'
    )


@pytest.mark.parametrize(
    ("site_url", "base"),
    [("https://example.org/sub/", "/sub/"), ("https://example.org/", "/"), ("", "/"), (None, "/")],
)
def test_a_theme_page_allows_the_theme_scripts_for_the_sites_path(configured, monkeypatch, site_url, base):
    # The theme's inline scripts name the site's path, so their hashes depend on it.
    assert mkdocs_hooks.theme_hashes(configured, "/sub/") != mkdocs_hooks.theme_hashes(configured, "/")
    monkeypatch.setattr(configured, "site_url", site_url)
    html = '<html><head><meta charset="utf-8"></head><body></body></html>'
    policy = csp.meta(mkdocs_hooks.theme_hashes(configured, base))
    assert mkdocs_hooks.on_post_template(html, "404.html", configured) == html.replace(
        '<meta charset="utf-8">', f'<meta charset="utf-8">\n    {policy}'
    )
    assert mkdocs_hooks.on_post_template("<urlset/>", "sitemap.xml", configured) == "<urlset/>"


def test_source_date_is_zero_when_git_prints_nothing(monkeypatch):
    monkeypatch.setattr(mkdocs_hooks.subprocess, "run", lambda *args, **kwargs: SimpleNamespace(stdout="\n"))
    assert mkdocs_hooks.source_date() == "0"


def test_the_error_site_covers_every_markdown_page_the_navigation_names():
    nav = [
        "index.md",
        {"Text": [{"中文": "zh.md"}, {"English": "en.md"}, "https://example.org/elsewhere"]},
        {"Code": "https://github.com/baichuan-inc/Baichuan-7B"},
        {"Notes": "notes/index.md"},
        "README",
    ]
    assert mkdocs_hooks.nav_sources(nav) == ["index.md", "zh.md", "en.md", "notes/index.md"]
    assert mkdocs_hooks.nav_sources("only.md") == ["only.md"]
    assert mkdocs_hooks.nav_sources([]) == []


ZH_NAV = {"index.md": "首页", "zh.md": "中文", "notes/index.md": "说明"}


@pytest.mark.parametrize(
    ("nav", "missing"),
    [
        (["index.md", {"中文": "zh.md"}, {"Notes": "notes/index.md"}, {"Elsewhere": "https://example.org/"}], None),
        (["index.md", {"中文": "zh.md"}, {"English": "en.md"}], "en.md"),
        ([{"Text": [{"中文": "zh.md"}, {"English": "en.md"}]}, {"Downloads": "downloads.md"}], "en.md, downloads.md"),
    ],
)
def test_a_language_with_its_own_interface_names_every_page_of_the_nav(nav, missing):
    config = SimpleNamespace(nav=nav, extra={"zh-Hans": {"site_name": "站名", "nav": ZH_NAV}})
    assert mkdocs_hooks.interface(config, "en") is None
    if missing is None:
        assert mkdocs_hooks.interface(config, "zh-Hans") == {"site_name": "站名", "nav": ZH_NAV}
        return
    with pytest.raises(Abort) as error:
        mkdocs_hooks.interface(config, "zh-Hans")
    assert str(error.value) == f"mkdocs.yml: extra.zh-Hans.nav has no title for {missing}"


@pytest.mark.parametrize(
    "local",
    ["中文", [], {"nav": ZH_NAV}, {"site_name": 7, "nav": ZH_NAV}, {"site_name": "站名"}, {"site_name": "站名", "nav": ["首页"]}],
)
def test_a_language_interface_of_the_wrong_shape_is_refused(local):
    config = SimpleNamespace(nav=["index.md"], extra={"zh-Hans": local})
    with pytest.raises(Abort) as error:
        mkdocs_hooks.interface(config, "zh-Hans")
    assert str(error.value) == "mkdocs.yml: extra.zh-Hans needs site_name, a text, and nav, a title for each page of the nav"


def test_a_nav_title_that_is_not_text_is_missing():
    config = SimpleNamespace(
        nav=["index.md", "zh.md"], extra={"zh-Hans": {"site_name": "站名", "nav": {"index.md": None, "zh.md": "中文"}}}
    )
    with pytest.raises(Abort) as error:
        mkdocs_hooks.interface(config, "zh-Hans")
    assert str(error.value) == "mkdocs.yml: extra.zh-Hans.nav has no title for index.md"


def test_a_chinese_page_is_rendered_with_the_chinese_nav_and_the_others_keep_theirs(configured):
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    pages = [Page(title, File(src, "docs", "site", True), configured) for title, src in [("Home", "index.md"), ("Notes", "notes.md")]]
    pages.append(Page(None, File("zh.md", "docs", "site", True), configured))  # titled by its front matter
    pages[2].markdown, pages[2].meta = "", {"title": "中文原文"}
    nav = SimpleNamespace(pages=pages)
    for lang, site, titles in [
        ("zh-Hans", "baichuan-7B模型许可协议", ["首页", "说明", "中文"]),
        ("en", "baichuan-7B model license", ["Home", "Notes", "中文原文"]),
    ]:
        page = SimpleNamespace(meta={"lang": lang}, url="zh/")
        context = mkdocs_hooks.on_page_context({"config": configured}, page=page, config=configured, nav=nav)
        assert (context["config"]["site_name"], [p.title for p in pages]) == (site, titles)
        mkdocs_hooks.on_post_page('<html lang="en"><meta charset="utf-8">', page=page, config=configured)
        assert (configured["site_name"], [p.title for p in pages]) == ("baichuan-7B model license", ["Home", "Notes", "中文原文"])
        assert "title" not in vars(pages[2])  # its own title again, not one set in its place


def test_a_page_without_a_language_takes_the_english_interface(configured, monkeypatch):
    """A page whose front matter names no `lang` is English: mkdocs.yml's extra.en, should it give one."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    titles = {src: src.upper() for src in mkdocs_hooks.nav_sources(configured["nav"])}
    monkeypatch.setitem(configured["extra"], "en", {"site_name": "English name", "nav": titles})
    pages = [Page("Home", File("index.md", "docs", "site", True), configured)]
    page = SimpleNamespace(meta={}, url="")
    context = mkdocs_hooks.on_page_context({"config": configured}, page=page, config=configured, nav=SimpleNamespace(pages=pages))
    assert (context["config"]["site_name"], pages[0].title) == ("English name", "INDEX.MD")
    mkdocs_hooks.on_post_page('<html lang="en"><meta charset="utf-8">', page=page, config=configured)
    assert (configured["site_name"], pages[0].title) == ("baichuan-7B model license", "Home")


def test_hooks_give_the_downloads_page_its_commands_and_model_card(configured):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    page = hand_written_page("downloads.md", "downloads/")
    markdown = "<!-- licensekit:scancode-commands -->\n<!-- licensekit:model-card -->\n"
    html = mkdocs_hooks.on_page_content(
        md.markdown(mkdocs_hooks.on_page_markdown(markdown, page, configured, None)), page, configured, None
    )
    assert html == (
        '<pre><code class="language-sh">pip install scancode-toolkit==32.5.0 pluggy==1.5.0\n'
        f"pip install {SITE}scancode/scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl\n"
        "scancode-reindex-licenses --all-languages\n"
        "scancode --license --json-pp scan.json path/to/model\n"
        "</code></pre>\n"
        '<pre><code class="language-yaml">---\nlicense: other\nlicense_name: baichuan-7b-model-license\n'
        f"license_link: {SITE}license.zh.txt\n---\n</code></pre>"
    )


def test_a_preview_without_site_url_cites_and_fetches_from_the_root(configured, monkeypatch):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    monkeypatch.setattr(configured, "site_url", "")
    page = hand_written_page("notes.md", "notes/")
    markdown = "<!-- licensekit:citations -->\n<!-- licensekit:downloads -->\n"
    html = mkdocs_hooks.on_page_content(
        md.markdown(mkdocs_hooks.on_page_markdown(markdown, page, configured, None)), page, configured, None
    )
    assert '<li><span lang="zh-Hans">中文</span>: <code lang="zh-Hans">《baichuan-7B模型许可协议》二、2 /zh/#s2-2</code></li>' in html
    assert "<li>English: <code>baichuan-7B Model License Agreement, II.2, /en/#s2-2</code></li>" in html
    assert 'data-copy="curl -fsS --remote-name-all \\\n  /license.json \\\n  /schema/license.schema.json \\\n' in html


def test_the_themes_hashes_are_made_once_per_build_and_base(configured, monkeypatch, not_a_release):
    monkeypatch.setitem(mkdocs_hooks.state, "theme_hashes", {})  # the real hashes again afterwards
    made = []
    monkeypatch.setattr(mkdocs_hooks, "_theme_hashes", lambda config, base: made.append(base) or [f"h{len(made)}"])
    mkdocs_hooks.on_config(configured)
    assert [mkdocs_hooks.theme_hashes(configured, b) for b in ("/", "/sub/", "/", "/sub/")] == [["h1"], ["h2"], ["h1"], ["h2"]]
    mkdocs_hooks.on_config(configured)  # a rebuild of the dev server: the theme may have changed
    assert mkdocs_hooks.theme_hashes(configured, "/") == ["h3"]
    assert made == ["/", "/sub/", "/"]


def test_the_theme_is_loaded_once_per_build(configured, monkeypatch):
    monkeypatch.setitem(mkdocs_hooks.state, "theme_hashes", {})
    mkdocs_hooks.state.pop("theme_env", None)
    loads = []
    get_env = configured.theme.get_env
    monkeypatch.setattr(configured.theme, "get_env", lambda: loads.append(1) or get_env())
    first = mkdocs_hooks.theme_hashes(configured, "/a/")
    assert mkdocs_hooks.theme_hashes(configured, "/b/") != first
    assert loads == [1]


def test_the_themes_hashes_follow_its_features(configured, monkeypatch):
    # content.tabs.link adds an inline script to every page; this site does not use it.
    monkeypatch.setitem(mkdocs_hooks.state, "theme_hashes", {})
    plain = mkdocs_hooks.theme_hashes(configured, "/")
    monkeypatch.setitem(configured.theme, "features", [*configured.theme["features"], "content.tabs.link"])
    monkeypatch.setitem(mkdocs_hooks.state, "theme_hashes", {})
    tabs = mkdocs_hooks.theme_hashes(configured, "/")
    assert len(tabs) == len(plain) + 1 and set(plain) < set(tabs)


def test_the_error_site_404_page_is_utf8_whatever_the_locale(configured, tmp_path, monkeypatch):
    line = "license/zh.md:12: TEXT-DROPPED s1: “许可方” is missing"
    monkeypatch.setattr(configured, "site_dir", str(tmp_path))
    monkeypatch.setitem(mkdocs_hooks.state, "broken", [line])
    with ascii_locale():
        mkdocs_hooks.on_post_build(configured)
    assert line in (tmp_path / "404.html").read_text(encoding="utf-8")


def test_a_preview_without_site_url_links_its_text_pages_from_the_root(configured, monkeypatch):
    from mkdocs.structure.files import Files

    monkeypatch.setattr(configured, "site_url", "")
    mkdocs_hooks.on_files(Files([]), configured)
    html = mkdocs_hooks.state["parts"]["zh.md"][mkdocs_hooks.state["token"] + "page"]
    assert 'data-copy="《baichuan-7B模型许可协议》一、定义 /zh/#s1"' in html


def test_the_release_is_told_from_the_project_wherever_the_build_runs(configured, tmp_path, monkeypatch):
    from mkdocs.structure.files import Files

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    files = mkdocs_hooks.on_files(Files([]), configured)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    released = json.loads(next(f for f in files if f.src_uri == "license.json").content_bytes)["release"]
    assert released["commit"] == head and len(head) == 40


@pytest.mark.parametrize(
    ("site_url", "prefix"), [("https://example.org/sub/", "/sub/"), ("https://example.org/", "/"), ("", "/"), (None, "/")]
)
def test_the_audit_reads_root_relative_urls_under_the_sites_path(configured, monkeypatch, site_url, prefix):
    monkeypatch.setattr(configured, "site_url", site_url)
    allowed = mkdocs_hooks.allowed(configured)
    assert allowed.prefix == prefix
    assert dict(allowed.page_scripts) == {
        "verify/index.html": frozenset(
            f"assets/verify/{n}" for n in ("vendor/diff_match_patch.js", "vendor/markdown-it.min.js", "verify.js", "page.js")
        )
    }


def site_with_search(folder: Path, body: str) -> None:
    (folder / "search").mkdir()
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "x/", "title": "X", "text": "许可"}]}
    (folder / "search" / "search_index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    (folder / "index.html").write_text(f"<html><body>\n{body}\n</body></html>", encoding="utf-8")


def test_the_search_index_is_written_compact_and_in_utf8_whatever_the_locale(configured, tmp_path, monkeypatch):
    site_with_search(tmp_path, "<p>x</p>")
    monkeypatch.setattr(configured, "site_dir", str(tmp_path))
    monkeypatch.setitem(mkdocs_hooks.state, "hashes", set())
    with ascii_locale():
        mkdocs_hooks.on_post_build(configured)
    assert (tmp_path / "search" / "search_index.json").read_bytes() == (
        '{"config":{"lang":["en"],"traditional":{"許":"许"}},"docs":[{"location":"x/","title":"X","text":"许可","kind":"page"}]}'
    ).encode()


def test_a_build_lists_every_finding_of_the_audit(configured, tmp_path, monkeypatch):
    site_with_search(tmp_path, '<script>alert(1)</script>\n<a href="missing/">x</a>')
    monkeypatch.setattr(configured, "site_dir", str(tmp_path))
    monkeypatch.setitem(mkdocs_hooks.state, "hashes", set())
    with pytest.raises(Abort) as caught:
        mkdocs_hooks.on_post_build(configured)
    assert str(caught.value) == (
        "the built pages have 2 error(s):\n"
        "index.html:2: AUDIT-SCRIPT -: inline script 'alert(1)' is not one of the theme's\n"
        "index.html:3: AUDIT-LINK -: <a> links to 'missing/', which is not in the site"
    )


def test_the_notes_page_cites_with_the_configured_address(configured):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    page = hand_written_page("notes.md", "notes/")
    markdown = mkdocs_hooks.on_page_markdown("<!-- licensekit:citations -->\n", page, configured, None)
    html = mkdocs_hooks.on_page_content(md.markdown(markdown), page, configured, None)
    assert f'<li><span lang="zh-Hans">中文</span>: <code lang="zh-Hans">《baichuan-7B模型许可协议》二、2 {SITE}zh/#s2-2</code></li>' in html
    assert f"<li>English: <code>baichuan-7B Model License Agreement, II.2, {SITE}en/#s2-2</code></li>" in html
