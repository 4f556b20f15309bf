"""The site published under a sub-path, as GitHub Pages serves a project site
(`https://owner.github.io/repo/`): links, search, downloads' URLs and the 404 page."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import threading
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
import yaml
from sitekit import build, html_pages, soup
from test_browser import search

from casebook import ROOT

pytestmark = pytest.mark.slow  # builds and serves the site

PUBLISHED = "https://owner.github.io/repo/"
PREFIX = "/repo/"


@pytest.fixture(scope="module")
def subsite(tmp_path_factory) -> Path:
    """The site built for PUBLISHED, in a folder `repo/` so that it can be served at /repo/."""
    root = tmp_path_factory.mktemp("pages")
    result = build(root / "repo", env={"SITE_URL": PUBLISHED})
    assert result.returncode == 0, result.stderr
    return root / "repo"


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder above the site, and the site's 404.html for any missing path, as GitHub Pages does."""

    site: Path

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_url(subsite):
    handler = type("Handler", (_PagesHandler,), {"site": subsite})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(subsite.parent)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


def local_file(site: Path, path: str) -> Path | None:
    """The file that serves URL path `path` (which must lie under PREFIX), or None."""
    if not path.startswith(PREFIX):
        return None
    target = site / path.removeprefix(PREFIX)
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def internal_targets(page: Path, site: Path) -> list[tuple[str, str]]:
    """(attribute value, resolved URL path) of every same-site link and asset on a page."""
    page_url = urljoin(PUBLISHED, page.relative_to(site).as_posix())
    out = []
    for el in soup(page).select("[href], [src]"):
        value = el.get("href") or el.get("src")
        url = urljoin(page_url, urldefrag(value).url)
        if url.startswith("https://owner.github.io/"):
            out.append((value, urlparse(url).path))
    return out


def test_every_link_and_asset_resolves_under_the_sub_path(subsite):
    checked = 0
    for page in html_pages(subsite):
        for value, path in internal_targets(page, subsite):
            assert local_file(subsite, path) is not None, f"{page.relative_to(subsite)}: {value} -> {path}"
            checked += 1
    assert checked > 200


def test_search_index_locations_resolve_under_the_sub_path(subsite):
    docs = json.loads((subsite / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {urldefrag(d["location"]).url for d in docs}
    assert {"", "zh/", "en/", "notes/", "downloads/"} <= locations
    for location in locations:
        assert local_file(subsite, urlparse(urljoin(PUBLISHED, location)).path) is not None, location


@pytest.mark.parametrize(("start", "query", "clause"), [("en/", "military", "en/#s2-1"), ("zh/", "书面授权", "zh/#s2-2")])
def test_search_result_opens_under_the_sub_path(browser, pages_url, start, query, clause):
    page = browser.new_page()
    assert clause in search(page, pages_url, start, query)  # locations relative to /repo/
    path, anchor = clause.split("#")
    page.locator(f".md-search-result__link[href*='#{anchor}']").first.click()
    page.wait_for_url(f"{pages_url}{path}**#{anchor}")  # Material adds ?h=query for highlighting
    assert page.locator("#" + anchor).is_visible()
    page.close()


def yaml_documents(text: str) -> list:
    return list(yaml.safe_load_all(text))


def json_urls(data) -> list[str]:
    if isinstance(data, dict):
        return [u for v in data.values() for u in json_urls(v)]
    if isinstance(data, list):
        return [u for v in data for u in json_urls(v)]
    return [data] if isinstance(data, str) and data.startswith("https://owner.github.io") else []


@pytest.mark.parametrize(("name", "load"), [("license.json", json.loads), ("huggingface/model-card.yml", yaml_documents)])
def test_download_urls_lie_under_the_sub_path(subsite, name, load):
    urls = json_urls(load((subsite / name).read_text(encoding="utf-8")))
    assert len(urls) >= (100 if name == "license.json" else 1)
    for url in urls:
        assert url.startswith(PUBLISHED), url
        assert local_file(subsite, urlparse(urldefrag(url).url).path) is not None, url


def test_downloads_page_links_every_download_under_the_sub_path(subsite):
    links = {path for _, path in internal_targets(subsite / "downloads" / "index.html", subsite)}
    for name in ("license.json", "license.zh.txt", "license.en.txt", "spdx/LicenseRef-Baichuan-7B-Model-License.xml"):
        assert PREFIX + name in links, name


@pytest.mark.parametrize("missing", ["no-such-page/", "zh/no/such/deep/page", "license.jsn"])
def test_404_page_works_at_any_depth(browser, pages_url, missing):
    page = browser.new_page()
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != pages_url + missing else None)
    response = page.goto(pages_url + missing)
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert failed == []  # every stylesheet, script and icon of the 404 page loaded
    assert page.locator("link[rel=stylesheet]").count() >= 1
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert urlparse(urljoin(page.url, home)).path == PREFIX
    page.close()


def test_license_json_names_the_release(subsite):
    release = json.loads((subsite / "license.json").read_text(encoding="utf-8"))["release"]
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert release["commit"] == head
