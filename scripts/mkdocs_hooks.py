"""The MkDocs layer: the only module that knows about the site engine.

It parses and checks `license/` once per build, refuses to build on any error, adds
the generated pages, fills the hand-written ones and sets each page's language.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import jieba
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from licensekit import checks, exports, jiebacache, pages  # noqa: E402
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


def on_config(config):
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date())
    lic = load(ROOT / "license")
    findings = checks.run(lic)
    bad = checks.errors(findings)
    if bad:
        lines = "\n".join(f.format(ROOT) for f in bad)
        raise Abort(f"the license sources have {len(bad)} error(s):\n{lines}")
    state["license"] = lic
    jiebacache.use_user_cache(jieba)
    # Defined terms and marked phrases are words: segment them whole when indexing for search.
    for word in pages.search_words(lic):
        jieba.add_word(word)
    return config


def on_files(files, config):
    lic = state["license"]
    for src, content in pages.text_pages(lic).items():
        files.append(File.generated(config, src, content=content))
    state["downloads"] = exports.downloads(lic, config.site_url, ROOT / "license" / "schema")
    for download in state["downloads"]:
        files.append(File.generated(config, download.path, content=download.content))
    return files


TOC_LANG = {"zh.md": "zh-Hans", "en.md": "en", "parallel.md": "en"}


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
