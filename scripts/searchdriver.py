"""Drive the site's search box in a browser page: shared by tests/test_search.py and
scripts/search_bench.py, so that the test and the benchmark run the same queries alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "search-queries.yaml"

# Sets the box's value and sends the key event that the theme listens for, then waits for
# the result list to change: the time from the key event to the results on screen.
RUN = """
query => new Promise((resolve, reject) => {
  const box = document.querySelector(".md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const meta = document.querySelector(".md-search-result__meta")
  const done = () => {
    observer.disconnect()
    const hrefs = [...list.querySelectorAll(".md-search-result__link")].map(a => a.href)
    resolve({ ms: performance.now() - began, hrefs })
  }
  const observer = new MutationObserver(done)
  // The theme rewrites the count line on every answer, even one that lists nothing.
  observer.observe(meta, { childList: true })
  setTimeout(() => { observer.disconnect(); reject(new Error("no results for " + query)) }, 5000)
  box.value = query
  const began = performance.now()
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
})
"""


@dataclass(frozen=True)
class Query:
    query: str
    start: str
    first: str


def load_queries(path: Path = QUERIES) -> list[Query]:
    return [Query(**entry) for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def open_search(page, url: str) -> None:
    """Open `url` and the search box, and wait until the engine answers."""
    page.goto(url)
    page.locator(".md-search__input").click()
    run(page, url, "许可")


def run(page, base_url: str, query: str) -> tuple[list[str], float]:
    """The result locations (relative to the site, `page/#anchor`) in order, and the milliseconds."""
    out = page.evaluate(RUN, query)
    prefix = urlsplit(base_url).path
    return [location(href, prefix) for href in out["hrefs"]], out["ms"]


def location(href: str, prefix: str) -> str:
    url = urlsplit(href)
    path = url.path.removeprefix(prefix)
    return path + ("?" + url.query if url.query else "") + ("#" + url.fragment if url.fragment else "")


def first_clause(results: list[str]) -> str | None:
    """The first result that is a clause (has an anchor), not a whole page."""
    return next((r for r in results if "#" in r), None)
