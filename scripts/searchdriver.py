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


# The site's worker, started and set up as the theme does it (the page's __config names the
# worker; the theme hands it the whole search_index.json), answers each query in turn. Each
# group of results is read as the theme draws it: its page entry first (the first entry
# without "#"; in a group without one, the theme's splice(-1) takes the last entry), then
# the rest in order; and the theme draws ten groups before the list is scrolled. One round
# trip for thousands of queries, without the theme drawing each list.
ANSWERS = """
async queries => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const worker = new Worker(new URL(config.search, location.href))
  const index = await (await fetch(new URL(config.base + "/search/search_index.json", location.href))).json()
  const reply = (message, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer for " + what)), 5000)
    worker.onmessage = ev => { clearTimeout(timer); resolve(ev.data) }
    worker.onerror = ev => { clearTimeout(timer); reject(new Error(ev.message + " for " + what)) }
    worker.postMessage(message)
  })
  const drawn = group => {
    const docs = [...group]
    const [page] = docs.splice(docs.findIndex(doc => !doc.location.includes("#")), 1)
    return [page, ...docs].map(doc => doc.location)
  }
  try {
    await reply({ type: 0, data: index }, "the index")
    const out = []
    for (const query of queries) {
      const { data } = await reply({ type: 2, data: query }, JSON.stringify(query))
      if (data.items.length > 10) throw new Error("more groups than the theme draws at once for " + JSON.stringify(query))
      out.push(data.items.flatMap(drawn))
    }
    return out
  } finally {
    worker.terminate()
  }
}
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


def answers(page, queries: list[str]) -> list[list[str]]:
    """The site's search engine's result locations for each query, as `run` gives them, asked
    of the worker directly (in `page`, any page of the site): for recall over many queries."""
    return page.evaluate(ANSWERS, queries)


def location(href: str, prefix: str) -> str:
    url = urlsplit(href)
    path = url.path.removeprefix(prefix)
    return path + ("?" + url.query if url.query else "") + ("#" + url.fragment if url.fragment else "")


def first_clause(results: list[str]) -> str | None:
    """The first result that is a clause (has an anchor), not a whole page."""
    return next((r for r in results if "#" in r), None)
