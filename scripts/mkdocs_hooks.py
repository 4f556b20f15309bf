"""The MkDocs layer: the only module that knows about the site engine.

It parses and checks `license/` and `docs/` once per build, refuses to build on any
error, adds the generated pages, puts the generated parts into the hand-written ones
after Markdown has run, sets each page's language and Content-Security-Policy, and
audits the built pages before the build may be published.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jieba
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

from licensekit import audit, checks, csp, exports, pages  # noqa: E402
from licensekit.checks.docs import check_docs  # noqa: E402
from licensekit.parse import load  # noqa: E402
from licensekit.release import release_error  # noqa: E402

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
    refused = release_error(config.site_url, os.environ)
    if refused:
        raise Abort(refused)
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date())
    lic = load(ROOT / "license")
    findings = checks.run(lic) + check_docs(Path(config.docs_dir), [*pages.PARTS, *pages.EXTRA_PARTS])
    _refuse("the license sources and pages", checks.errors(findings))
    state.update(license=lic, parts={}, hashes=set(), theme_hashes={})
    state.pop("theme_env", None)
    # Placeholders for generated HTML: unguessable, so no page can write one itself.
    state["token"] = f"licensekitpart{secrets.token_hex(8)}x"
    # Defined terms and marked phrases are words: segment them whole when indexing for search.
    for word in pages.search_words(lic):
        jieba.add_word(word)
    return config


def _refuse(what: str, bad: list, root: Path = ROOT) -> None:
    if bad:
        lines = "\n".join(f.format(root) for f in bad)
        raise Abort(f"{what} have {len(bad)} error(s):\n{lines}")


def on_files(files, config):
    lic = state["license"]
    for src, (front_matter, html) in pages.text_pages(lic).items():
        key = f"{state['token']}page"
        state["parts"][src] = {key: html}
        files.append(File.generated(config, src, content=f"{front_matter}{key}\n"))
    state["downloads"] = exports.downloads(lic, config.site_url, ROOT / "license" / "schema")
    for download in state["downloads"]:
        files.append(File.generated(config, download.path, content=download.content))
    return files


TOC_LANG = {"zh.md": "zh-Hans", "en.md": "en", "parallel.md": "en"}


def _root(page) -> str:
    """The site root relative to a page: generated links stay relative, so a sub-path works."""
    return get_relative_url(".", page.url).rstrip("/") + "/"


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in TOC_LANG:
        return markdown
    root = _root(page)
    sc_key = state["license"].metadata["identifiers"]["scancode"]["key"]
    extra = {
        "downloads": pages.downloads_table(state["downloads"], root),
        "cite-urls": pages.cite_urls(config.site_url),
        "scancode-commands": pages.code_block(exports.scancode_commands(config.site_url, sc_key) + "\n", "sh"),
        "model-card": pages.code_block("---\n" + exports.model_card(state["license"], config.site_url).decode() + "---\n", "yaml"),
    }
    try:
        markdown, parts = pages.fill(markdown, state["license"], root, state["token"], **extra)
    except pages.UnknownPart as error:
        raise Abort(f"{page.file.src_path}: {error}") from None
    state["parts"][page.file.src_uri] = parts
    return markdown


def on_page_content(html, page, config, files):
    parts = state["parts"].get(page.file.src_uri)
    if not parts:
        return html
    try:
        html = pages.put_parts(html, parts)
    except ValueError as error:
        raise Abort(f"{page.file.src_path}: {error}") from None
    # MkDocs checks links to anchors against the ids it saw: add those of the generated HTML.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | pages.anchor_ids("".join(parts.values()))
    lang = TOC_LANG.get(page.file.src_uri)
    page.toc = get_toc(pages.toc(state["license"], lang) if lang else pages.toc_from_html(html))
    return html


def theme_hashes(config, base_url: str) -> list[str]:
    """CSP hashes of the theme's own inline scripts, rendered from its templates as a page would."""
    cache = state.setdefault("theme_hashes", {})
    if base_url not in cache:
        cache[base_url] = _theme_hashes(config, base_url)
    return cache[base_url]


def _theme_hashes(config, base_url: str) -> list[str]:
    if "theme_env" not in state:
        state["theme_env"] = config.theme.get_env()
    env = state["theme_env"]
    context = {"config": config, "base_url": base_url, "features": config.theme.get("features") or []}
    names = env.list_templates(filter_func=lambda name: name.startswith("partials/javascripts/"))
    scripts = [s for name in sorted(names) for s in csp.inline_scripts(env.get_template(name).render(context))]
    return [csp.script_hash(s) for s in scripts]


def on_startup(command, dirty):
    state["command"] = command


def _with_policy(output: str, config, base_url: str) -> str:
    hashes = theme_hashes(config, base_url)
    state["hashes"].update(hashes)
    if state.get("command") == "serve":
        return output  # the dev server adds an inline live-reload script to every response
    try:
        return csp.add_meta(output, hashes)
    except ValueError as error:
        raise Abort(str(error)) from None


HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output, page, config):
    lang = page.meta.get("lang", "en")
    output = HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
    return _with_policy(output, config, get_relative_url(".", page.url))


def on_post_template(output, template_name, config):
    if not template_name.endswith(".html"):
        return output  # sitemap.xml
    return _with_policy(output, config, urlsplit(config.site_url or "/").path)


def allowed(config) -> audit.Allowed:
    """What may run in a built page: the theme's inline scripts and script files, and ours."""
    theme = {p.relative_to(d).as_posix() for d in map(Path, config.theme.dirs) for p in (d / "assets" / "javascripts").rglob("*.js")}
    ours = {str(script) for script in config.extra_javascript}
    prefix = urlsplit(config.site_url or "/").path
    return audit.Allowed(frozenset(state["hashes"]), frozenset(theme | ours), prefix)


def on_post_build(config):
    # Paths relative to the site: the folder being built is removed when the build fails.
    site = Path(config.site_dir)
    _refuse("the built pages", audit.audit(site, allowed(config)), site)
