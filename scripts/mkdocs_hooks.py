"""The MkDocs layer: the only module that knows about the site engine.

It parses and checks `license/` and `docs/` once per build, refuses to build on any
error (the dev server shows an error page instead), adds the generated pages, puts the
generated parts into the hand-written ones after Markdown has run, sets each page's
language and Content-Security-Policy, and audits the built pages before the build may
be published.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jieba
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent))

import templatecache  # noqa: E402
import watching  # noqa: E402
from licensekit import (  # noqa: E402
    audit,
    checks,
    csp,
    errorpage,
    exports,
    jiebadict,
    pages,
    release,
    searchindex,
    templating,
    usercache,
    verify,
)
from licensekit.checks.docs import check_docs  # noqa: E402
from licensekit.mediatype import with_charset  # noqa: E402
from licensekit.parse import load  # noqa: E402
from licensekit.verify import browser as verify_browser  # noqa: E402

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
    refused = release.release_error(config.site_url, os.environ)
    if refused:
        raise Abort(refused)
    if "SOURCE_DATE_EPOCH" not in os.environ:  # asked of git only when needed: once per dev server
        os.environ["SOURCE_DATE_EPOCH"] = source_date()
    lic = load(ROOT / "license")
    findings = checks.run(lic) + check_docs(Path(config.docs_dir), [*pages.PARTS, *pages.EXTRA_PARTS])
    bad = checks.errors(findings)
    if state.get("serve"):
        # A preview shows text being edited before it is reviewed; a build refuses it.
        for finding in [f for f in bad if f.code == "TEXT-UNREVIEWED"]:
            print(f"not yet reviewed: {finding.format(ROOT)}", file=sys.stderr)
        bad = [f for f in bad if f.code != "TEXT-UNREVIEWED"]
    state.update(parts={}, hashes=set(), theme_hashes={})
    state.pop("theme_env", None)
    state.pop("broken", None)
    if bad:
        lines = [f.format(ROOT) for f in bad]
        if not state.get("serve"):
            raise Abort(f"the license sources and pages have {len(bad)} error(s):\n" + "\n".join(lines))
        # The dev server would hang every request until the next good build: serve an
        # error page instead (on_files), which live reload replaces on the next good save.
        # Printed, not logged: a logged error would fail the strict build and hang the server.
        print(f"the license sources and pages have {len(bad)} error(s):\n" + "\n".join(lines), file=sys.stderr)
        state["broken"] = lines
        config.validation.nav.not_found = logging.DEBUG  # the nav names pages that the error site leaves out
        return config
    state["license"] = lic
    # Placeholders for generated HTML: unguessable, so no page can write one itself.
    state["token"] = f"licensekitpart{secrets.token_hex(8)}x"
    if state.get("serve"):
        config.theme.get_env = templatecache.reusing(config.theme.get_env)
    else:
        config.theme.get_env = templatecache.on_disk(config.theme.get_env, usercache.folder("jinja"))
        templating.keep_compiled(usercache.folder("jinja"))
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
    for src, (front_matter, html) in pages.text_pages(lic, config.site_url or "").items():
        key = f"{state['token']}page"
        state["parts"][src] = {key: html}
        files.append(File.generated(config, src, content=f"{front_matter}{key}\n"))
    state["downloads"] = exports.downloads(lic, config.site_url, ROOT / "license" / "schema", release.describe(ROOT))
    for download in state["downloads"]:
        files.append(File.generated(config, download.path, content=download.content))
    # What the /verify/ page's port of the verifier reads: made from the model, never committed.
    refs = verify.References(lic, config.site_url)
    files.append(File.generated(config, verify_browser.PATH, content=verify_browser.data_json(refs)))
    return files


TOC_LANG = {"zh.md": "zh-Hans", "en.md": "en", "parallel.md": "en"}


def _root(page) -> str:
    """The site root relative to a page: generated links stay relative, so a sub-path works."""
    return get_relative_url(".", page.url) + "/"  # ".", "..", "../..": never a slash at either end


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in TOC_LANG:
        return markdown
    root = _root(page)
    sc_key = state["license"].metadata["identifiers"]["scancode"]["key"]
    extra = {
        "downloads": pages.downloads_table(state["downloads"], root, config.site_url or "/"),
        "cite-urls": pages.cite_urls(config.site_url),
        "citations": pages.citations(state["license"], config.site_url or "/"),
        "scancode-commands": pages.code_block(exports.scancode_commands(config.site_url, sc_key) + "\n", "sh"),
        "verify-form": pages.verify_form(),
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


def interface(config, lang: str) -> dict | None:
    """The site's name and nav titles for pages in `lang` (mkdocs.yml `extra`), if it has its own."""
    local = config.extra.get(lang)
    if local is None:
        return None
    where = f"mkdocs.yml: extra.{lang}"
    if not (isinstance(local, dict) and isinstance(local.get("site_name"), str) and isinstance(local.get("nav"), dict)):
        raise Abort(f"{where} needs site_name, a text, and nav, a title for each page of the nav")
    missing = [src for src in nav_sources(config.nav or []) if not isinstance(local["nav"].get(src), str)]
    if missing:
        raise Abort(f"{where}.nav has no title for {', '.join(missing)}")
    return local


def on_page_context(context, page, config, nav):
    """A page in Chinese names the site and the nav in Chinese. One nav serves every page, and
    the theme finds the current page in it by equality, which copies would break: the titles are
    set for this page's render and put back after it (on_post_page)."""
    local = interface(config, page.meta.get("lang", "en"))
    if not local:
        return context
    context["config"] = copy.copy(config)  # its own data: the site's name changes for this page only
    context["config"]["site_name"] = local["site_name"]
    state["nav_titles"] = [(item, vars(item).get("title")) for item in nav.pages]
    for item in nav.pages:
        item.title = local["nav"][item.file.src_uri]
    return context


def theme_hashes(config, base_url: str) -> list[str]:
    """CSP hashes of the theme's own inline scripts, rendered from its templates as a page would."""
    cache = state["theme_hashes"]
    if base_url not in cache:
        cache[base_url] = _theme_hashes(config, base_url)
    return cache[base_url]


def theme_scripts(dirs: list[str]) -> list[str]:
    """The names of the theme's script partials, as its template loader would list them:
    only their folder is read, not the whole theme with its thousands of icons."""
    names = set()
    for folder in map(Path, dirs):
        for path in (folder / SCRIPT_PARTIALS).rglob("*"):
            if path.is_file():
                names.add(path.relative_to(folder).as_posix())
    return sorted(names)


SCRIPT_PARTIALS = "partials/javascripts"


def _theme_hashes(config, base_url: str) -> list[str]:
    if "theme_env" not in state:
        state["theme_env"] = config.theme.get_env(), theme_scripts(config.theme.dirs)
    env, names = state["theme_env"]
    context = {"config": config, "base_url": base_url, "features": config.theme.get("features") or []}
    scripts = [s for name in names for s in csp.inline_scripts(env.get_template(name).render(context))]
    return [csp.script_hash(s) for s in scripts]


def _with_policy(output: str, config, base_url: str) -> str:
    if state.get("serve"):
        return output  # the dev server adds an inline live-reload script to every response
    hashes = theme_hashes(config, base_url)
    state["hashes"].update(hashes)
    try:
        return csp.add_meta(output, hashes)
    except ValueError as error:
        raise Abort(str(error)) from None


HTML_LANG = re.compile(r'<html lang="[^"]*"')


def on_post_page(output, page, config):
    for item, title in state.pop("nav_titles", []):
        vars(item).pop("title", None)  # a page titled by its front matter or heading again
        if title is not None:
            item.title = title
    lang = page.meta.get("lang", "en")
    output = HTML_LANG.sub(f'<html lang="{lang}"', output, count=1)
    output = searchindex.retarget(output)
    if getattr(getattr(page, "file", None), "src_uri", "") == verify_browser.SOURCE:
        output = pages.add_scripts(output, _root(page), verify_browser.SCRIPTS)
    return _with_policy(output, config, get_relative_url(".", page.url))


def on_post_template(output, template_name, config):
    if not template_name.endswith(".html"):
        return output  # sitemap.xml
    return _with_policy(searchindex.retarget(output), config, urlsplit(config.site_url or "/").path)


def allowed(config) -> audit.Allowed:
    """What may run in a built page: the theme's inline scripts and script files, and ours."""
    theme = {p.relative_to(d).as_posix() for d in map(Path, config.theme.dirs) for p in (d / "assets" / "javascripts").rglob("*.js")}
    ours = {str(script) for script in config.extra_javascript}
    prefix = urlsplit(config.site_url or "/").path
    pages_scripts = {verify_browser.PAGE: frozenset(verify_browser.SCRIPTS)}
    return audit.Allowed(frozenset(state["hashes"]), frozenset(theme | ours), prefix, pages_scripts)


def on_serve(server, config, builder):
    # MkDocs polls for changes every 0.5 s and waits 0.1 s for them to settle, with no
    # setting for either. Where the kernel reports changes (inotify), listen instead, and
    # let 10 ms without one end a save. Elsewhere poll every 25 ms (a poll of the watched
    # folders costs about half a millisecond), and settle for a little longer than one
    # poll. Either way a save of several files (a folder copied, a branch checked out) is
    # one rebuild, not a rebuild of half of them.
    moved = watching.listening(server.observer, server._watch_refs)
    if moved is not None:
        server.observer, server._watch_refs = moved
        server.build_delay = SETTLE_LISTENING
    else:
        server.build_delay = SETTLE_POLLING
        server.observer._timeout = POLL_SECONDS
        for emitter in server.observer.emitters:
            emitter._timeout = POLL_SECONDS
    # Its types come without a charset, so license.zh.txt would read as mojibake.
    guess_type = server._guess_type
    server._guess_type = lambda path: with_charset(guess_type(path))
    return server


POLL_SECONDS = 0.025
SETTLE_POLLING = 0.03
SETTLE_LISTENING = 0.01


def on_post_build(config):
    site = Path(config.site_dir)
    if "broken" in state:  # after the theme's own 404 page, which it writes last
        (site / "404.html").write_bytes(errorpage.render(state["broken"]).encode())
        return
    index = site / "search" / "search_index.json"
    enriched = searchindex.enrich(json.loads(index.read_bytes()))
    index.write_bytes(json.dumps(enriched, ensure_ascii=False, separators=(",", ":")).encode())
    if state.get("serve"):
        # A preview, rebuilt on every save: the audit guards what is published (every build,
        # and the tests), and would be a fifth of each rebuild here.
        return
    # Paths relative to the site: the folder being built is removed when the build fails.
    bad = audit.audit(site, allowed(config))
    if bad:
        lines = "\n".join(f.format(site) for f in bad)
        raise Abort(f"the built pages have {len(bad)} error(s):\n{lines}")
