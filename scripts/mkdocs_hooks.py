"""The MkDocs layer: the only module that knows about the site engine.

It parses and checks `license/` once per build, refuses to build on any error, adds
the generated pages, fills the hand-written ones and sets each page's language.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import jieba
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parent))

import templatecache  # noqa: E402
from licensekit import checks, errorpage, exports, jiebadict, pages, release  # noqa: E402
from licensekit.parse import load  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
state: dict = {}


def source_date() -> str:
    """Seconds since the epoch of the last commit: sitemap dates follow the sources, not the clock."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def on_startup(command, dirty):
    state["serve"] = command == "serve"


@event_priority(100)
def on_config(config):
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date())
    lic = load(ROOT / "license")
    findings = checks.run(lic)
    bad = checks.errors(findings)
    state.pop("broken", None)
    if bad:
        lines = [f.format(ROOT) for f in bad]
        if not state.get("serve"):
            raise Abort(f"the license sources have {len(bad)} error(s):\n" + "\n".join(lines))
        # The dev server would hang every request until the next good build: serve an
        # error page instead (on_files), which live reload replaces on the next good save.
        # Printed, not logged: a logged error would fail the strict build and hang the server.
        print(f"the license sources have {len(bad)} error(s):\n" + "\n".join(lines), file=sys.stderr)
        state["broken"] = lines
        config.validation.nav.not_found = logging.DEBUG  # the nav names pages that the error site leaves out
        return config
    state["license"] = lic
    if state.get("serve"):
        config.theme.get_env = templatecache.reusing(config.theme.get_env)
    jiebadict.use_user_cache()
    # Before the search plugin's on_config, which loads this dictionary.
    config.plugins["material/search"].config.jieba_dict = str(jiebadict.dictionary(ROOT))
    return config


def on_pre_build(config):
    if "broken" in state:
        return
    # Defined terms and marked phrases are words: segment them whole when indexing for
    # search. After every on_config, since the search plugin's resets the dictionary.
    for word in pages.search_words(state["license"]):
        jieba.add_word(word)


def error_files(files, config) -> Files:
    """The error page at the address of every page (on_post_build makes it the 404 page too)."""
    html = errorpage.render(state["broken"])
    sources = {f.src_uri for f in files.documentation_pages()} | set(nav_sources(config.nav or []))
    dests = {File(src, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri for src in sources}
    return Files([File.generated(config, dest, content=html) for dest in sorted(dests)])


def nav_sources(nav) -> list[str]:
    """Every Markdown file that the `nav` setting names."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    items = nav.values() if isinstance(nav, dict) else nav
    return [src for item in items for src in nav_sources(item)]


def on_files(files, config):
    if "broken" in state:
        return error_files(files, config)
    lic = state["license"]
    for src, content in pages.text_pages(lic).items():
        files.append(File.generated(config, src, content=content))
    state["downloads"] = exports.downloads(lic, config.site_url, ROOT / "license" / "schema", release.describe(ROOT))
    for download in state["downloads"]:
        files.append(File.generated(config, download.path, content=download.content))
    return files


TOC_LANG = {"zh.md": "zh-Hans", "en.md": "en", "parallel.md": "en"}


def on_post_build(config):
    if "broken" in state:  # after the theme's own 404 page, which it writes last
        Path(config.site_dir, "404.html").write_text(errorpage.render(state["broken"]), encoding="utf-8")


def on_serve(server, config, builder):
    # MkDocs polls for changes every 0.5 s and waits 0.1 s for them to settle, with no
    # setting for either: poll every 50 ms and settle for 30 ms.
    server.build_delay = 0.03
    server.observer._timeout = POLL_SECONDS
    for emitter in server.observer.emitters:
        emitter._timeout = POLL_SECONDS
    return server


POLL_SECONDS = 0.05


def on_page_content(html, page, config, files):
    lang = TOC_LANG.get(page.file.src_uri)
    if lang:
        page.toc = get_toc(pages.toc(state["license"], lang))
    return html


def on_page_markdown(markdown, page, config, files):
    extra = {"downloads": pages.downloads_table(state["downloads"]), "cite-urls": pages.cite_urls(config.site_url)}
    return pages.fill(markdown, state["license"], **extra)


HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output, page, config):
    lang = page.meta.get("lang", "en")
    return HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
