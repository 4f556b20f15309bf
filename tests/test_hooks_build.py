"""Whole builds run in this process through the hooks, as the engine's build command runs them.

The site tests build with the engine as a program, which mutation testing cannot see into;
these builds run the same hooks in-process, so that what the hooks do after Markdown (page
language, Content-Security-Policy, search index, the audit, the dev server's error site)
is checked where a changed line of the hooks shows.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import mkdocs_hooks
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.config_options import Hooks
from mkdocs.exceptions import Abort
from sitekit import code_blocks, html_pages, readme_block, soup

from casebook import ROOT, broken_copy, cases


def build_in_process(config_file: Path, site: Path, command: str = "build") -> Path:
    saved_env = {k: os.environ.pop(k) for k in ("CI", "LICENSEKIT_RELEASE", "SITE_URL") if k in os.environ}
    saved = dict(mkdocs_hooks.state)
    try:
        # The hooks as this process imported them, not a second copy loaded from their path: a
        # copy would be another module, which mutation testing would not see as the hooks.
        with mock.patch.object(Hooks, "_load_hook", lambda self, name, path: mkdocs_hooks):
            config = load_config(str(config_file), site_dir=str(site))
        config.plugins.on_startup(command=command, dirty=False)
        build(config)
        return site
    finally:
        mkdocs_hooks.state.clear()
        mkdocs_hooks.state.update(saved)
        os.environ.update(saved_env)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_in_process(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("inprocess") / "site")


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@pytest.mark.parametrize(
    ("name", "lang"),
    [("index.html", "en"), ("zh/index.html", "zh-Hans"), ("en/index.html", "en"), ("parallel/index.html", "en"), ("404.html", "en")],
)
def test_each_page_has_its_language(built, name, lang):
    html = (built / name).read_text(encoding="utf-8")
    assert html.count("<html lang=") == 1
    assert soup(built / name).html["lang"] == lang


def test_every_page_allows_exactly_its_own_inline_scripts(built):
    pages = html_pages(built)
    assert {p.relative_to(built).as_posix() for p in pages} >= {"index.html", "404.html", "zh/index.html", "verify/index.html"}
    for path in pages:
        doc = soup(path)
        metas = doc.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, path
        parts = metas[0]["content"].split("; ")
        directives = dict(d.split(" ", 1) for d in parts)
        assert [d.split(" ")[0] for d in parts] == ["default-src", "script-src", "img-src", "object-src", "base-uri", "form-action"]
        assert {k: v for k, v in directives.items() if k != "script-src"} == {
            "default-src": "'self'",
            "img-src": "'self' data:",
            "object-src": "'none'",
            "base-uri": "'self'",
            "form-action": "'self'",
        }
        allowed = directives["script-src"].split(" ")
        assert allowed[0] == "'self'" and allowed[1:] == sorted(set(allowed[1:])), path
        # a JSON data block (the theme's __config) is never run, so it needs no hash
        inline = [s.string or "" for s in doc.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert len(inline) >= 3, path  # the theme's own start-up scripts
        assert {sha256(s) for s in inline} <= set(allowed[1:]), path
        # the meta comes right after <meta charset>, before any script can run
        head = [t.name for t in doc.head.find_all(True, recursive=False)]
        assert head[:2] == ["meta", "meta"] and doc.head.find("meta").get("charset") == "utf-8", path


def test_the_pages_start_the_sites_search_worker(built):
    for path in html_pages(built):
        html = path.read_text(encoding="utf-8")
        assert "assets/javascripts/workers/search." not in html, path
    config = soup(built / "zh/index.html").find("script", id="__config")
    assert json.loads(config.string)["search"].endswith("assets/search-worker.js")


def test_only_the_verify_page_loads_the_verifier(built):
    def scripts(page: str) -> list[str]:
        return [s["src"] for s in soup(built / page).find_all("script", src=True)]

    verify = scripts("verify/index.html")
    assert [s for s in verify if "/verify/" in s] == [
        "../assets/verify/vendor/diff_match_patch.js",
        "../assets/verify/vendor/markdown-it.min.js",
        "../assets/verify/verify.js",
        "../assets/verify/page.js",
    ]
    for page in ("index.html", "zh/index.html", "downloads/index.html"):
        assert [s for s in scripts(page) if "verify" in s] == []


def test_the_search_index_is_enriched_with_kinds_and_the_traditional_table(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    kinds = {d["location"]: d["kind"] for d in index["docs"]}
    assert kinds["zh/"] == "page"
    assert kinds["zh/#s2"] == "heading"
    assert kinds["zh/#s2-2"] == "clause"
    assert kinds["en/#s1-licensor"] == "definition"
    assert kinds["notes/#errata"] == "note"
    assert index["config"]["traditional"]["許"] == "许"
    assert all("<sup>" not in d["text"] for d in index["docs"])
    # the defined terms were added to jieba: each is one word in the index
    zh = next(d for d in index["docs"] if d["location"] == "zh/#s1-model-derivatives")
    assert zh["text"].startswith("<p>“\u200b模型衍生品\u200b”\u200b是\u200b指\u200b对模型\u200b")  # not 模型\u200b衍生品


def project_copy(dest: Path, *names: str) -> Path:
    for name in names:
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest)
    return dest


@pytest.mark.parametrize(
    ("added", "finding"),
    [
        ("<script>alert(1)</script>", "AUDIT-SCRIPT -: inline script 'alert(1)' is not one of the theme's"),
        # one whole build each, left out of mutation testing; the audit's own cases are in test_audit.py
        pytest.param(
            '<script src="https://cdn.example.com/x.js"></script>',
            "AUDIT-SCRIPT -: script 'https://cdn.example.com/x.js' is not the theme's or the site's own",
            marks=pytest.mark.slow,
        ),
        pytest.param(
            '<a href="javascript:alert(1)">x</a>',
            "AUDIT-URL -: <a href> is a script-capable URL 'javascript:alert(1)'",
            marks=pytest.mark.slow,
        ),
        pytest.param('<p id="not-found">twice</p>', "AUDIT-ID -: id 'not-found' is used twice in the page", marks=pytest.mark.slow),
    ],
    ids=["inline-script", "foreign-script", "javascript-url", "duplicate-id"],
)
def test_a_theme_page_that_breaks_the_audit_is_refused_after_the_build(tmp_path, added, finding):
    """The sources' checker cannot see a theme template; the audit of the built pages does."""
    project = project_copy(tmp_path / "p", "docs", "scripts", "license")
    template = project / "scripts" / "theme" / "404.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{% endblock %}", added + "\n{% endblock %}"), encoding="utf-8")
    with pytest.raises(Abort) as caught:
        build_in_process(project / "mkdocs.yml", tmp_path / "site")
    lines = str(caught.value).splitlines()
    assert lines[0] == "the built pages have 1 error(s):"
    assert re.fullmatch(r"404\.html:\d+: " + re.escape(finding), lines[1]), lines


def test_the_dev_server_serves_the_findings_at_every_page(tmp_path, monkeypatch):
    case = next(c for c in cases() if c.name == "ref-missing-clause")
    project = tmp_path / "p"
    for name in ("docs", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    broken_copy(case, project / "license")
    monkeypatch.setattr(mkdocs_hooks, "ROOT", project)
    site = build_in_process(project / "mkdocs.yml", tmp_path / "site", command="serve")
    expected = ["license/" + line for line in case.expected_lines(project / "license")]
    pages = sorted(p.relative_to(site).as_posix() for p in html_pages(site))
    # the hand-written pages and the generated ones the navigation names, and the 404 page
    assert pages == [
        "404.html",
        "downloads/index.html",
        "en/index.html",
        "index.html",
        "notes/index.html",
        "parallel/index.html",
        "verify/index.html",
        "zh/index.html",
    ]
    error_page = (site / "404.html").read_bytes()
    assert all((site / page).read_bytes() == error_page for page in pages)
    text = [line.strip() for line in soup(site / "index.html").get_text("\n").splitlines() if line.strip()]
    assert "2 error(s) in the license sources" in text
    assert [line for line in text if line.startswith("license/")] == expected
    assert "北京百川智能科技有限公司" not in "\n".join(text)  # none of the license's text is served


def test_the_dev_server_sends_a_charset_with_text(monkeypatch):
    monkeypatch.setattr(mkdocs_hooks.watching, "listening", lambda observer, refs: None)
    server = SimpleNamespace(
        build_delay=0.25,
        observer=SimpleNamespace(_timeout=1.0, emitters=[]),
        _watch_refs={},
        _guess_type=lambda path: {"a.txt": "text/plain", "b.html": "text/html", "c.json": "application/json"}[path],
    )
    assert mkdocs_hooks.on_serve(server, None, None) is server
    assert server._guess_type("a.txt") == "text/plain; charset=utf-8"
    assert server._guess_type("b.html") == "text/html; charset=utf-8"
    assert server._guess_type("c.json") == "application/json"


SITE_URL = "https://baichuan-7b-license.example.org/"


def test_the_hand_written_pages_get_their_generated_parts(built):
    downloads = built / "downloads/index.html"
    scancode = readme_block("ScanCode", "sh")
    checksums, commands = code_blocks(downloads, "sh")
    assert commands == scancode  # the same commands as README, with the configured address
    assert checksums.startswith(f"curl -fsS --remote-name-all \\\n  {SITE_URL}license.json \\\n")
    assert "sha256sum -c" in checksums
    assert code_blocks(downloads, "yaml") == [
        f"---\nlicense: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {SITE_URL}license.zh.txt\n---\n"
    ]
    links = {a["href"] for a in soup(downloads).select("ul.download-list a[href]")}
    assert {"../license.json", "../license.zh.txt", "../spdx/LicenseRef-Baichuan-7B-Model-License.xml"} <= links
    notes = soup(built / "notes/index.html").get_text()
    assert f"《baichuan-7B模型许可协议》二、2 {SITE_URL}zh/#s2-2" in notes
    assert f"English: {SITE_URL}en/#s2-2" in notes
    verify = soup(built / "verify/index.html")
    assert [el.get("id") for el in verify.select("main form, main textarea, main input[type=file], main button")] == [
        "verify-form",
        "verify-text",
        "verify-file",
        "verify-run",
    ]
    home = soup(built / "index.html")
    groups = [s["class"][-1] for s in home.select("main section.license-summary__group")]
    assert groups == ["license-summary__group--permissions", "license-summary__group--conditions", "license-summary__group--limitations"]
