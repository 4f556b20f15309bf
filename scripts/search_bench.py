"""Search benchmark: the labelled queries (tests/search-queries.yaml) in Chromium, top-1,
top-3 and the time from the last keystroke to the results on screen, beside the goals and
beside a baseline: the theme's own lunr worker on the same pages and the same index.
Then the index size, raw and gzip, against the text it indexes.

`python scripts/search_bench.py [--site DIR]` (builds the site into a temporary folder
unless given one).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from searchdriver import first_clause, load_queries, open_search, run

import engine
from licensekit import searchindex
from localsite import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3  # every query this many times; the median of all is reported


def report(name: str, value: str, goal: str, ok: bool | None) -> None:
    mark = {True: "ok", False: "MISSED", None: ""}[ok]
    print(f"{name:<48} {value:>12}  {goal:<12} {mark}")


def measure(browser, base: str, worker: bytes | None) -> tuple[float, float, list[float], list[str]]:
    """Top-1 and top-3 rates, every latency in ms, and the queries whose first clause is wrong.
    `worker`: a script served in place of the site's search worker (the baseline)."""
    queries = load_queries()
    context = browser.new_context()
    if worker is not None:
        context.route(f"**/{searchindex.WORKER}", lambda route: route.fulfill(body=worker, content_type="text/javascript"))
    page = context.new_page()
    top1 = top3 = 0
    times: list[float] = []
    wrong = []
    start = None
    for q in queries:
        if q.start != start:
            open_search(page, base + q.start)
            start = q.start
        for _ in range(ROUNDS):
            run(page, base, "")  # so that the query itself is new to the box
            results, ms = run(page, base, q.query)
            times.append(ms)
        clauses = [r for r in results if "#" in r]
        top1 += first_clause(results) == q.first
        top3 += q.first in clauses[:3]
        if first_clause(results) != q.first:
            wrong.append(f"{q.query} -> {clauses[:3]}")
    context.close()
    return top1 / len(queries), top3 / len(queries), times, wrong


def index_sizes(site: Path) -> None:
    data = (site / "search" / "search_index.json").read_bytes()
    docs = json.loads(data)["docs"]
    text = "".join(re.sub(r"<[^>]*>", "", d["title"] + d["text"]).replace("\u200b", "") for d in docs).encode("utf-8")
    packed = len(gzip.compress(data, mtime=0))
    report("search index, raw", f"{len(data) / 1024:.0f} KB", "", None)
    report("search index, gzip", f"{packed / 1024:.0f} KB", "", None)
    report("search index raw / indexed text", f"{len(data) / len(text):.2f}x", "", None)
    report("search index gzip / indexed text", f"{packed / len(text):.2f}x", "", None)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run(engine.command("build", "--strict", "--site-dir", str(site)), cwd=ROOT, env=engine.environ(), check=True)
        theirs = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_bytes()
        server, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            n = len(load_queries())
            for name, worker in (("theme's lunr worker (baseline)", theirs), ("site's worker", None)):
                top1, top3, times, wrong = measure(browser, base, worker)
                print(f"-- {name}, {n} queries")
                report("top-1", f"{top1:.0%}", ">= 90 %", top1 >= 0.9)
                report("top-3", f"{top3:.0%}", "= 100 %", top3 == 1)
                median = statistics.median(times)
                report(f"median result time ({len(times)} runs)", f"{median:.1f} ms", "<= 30 ms", median <= 30)
                report("slowest result", f"{max(times):.1f} ms", "", None)
                for line in wrong[:5]:
                    print(f"   not first: {line}")
            browser.close()
        server.shutdown()
        index_sizes(site)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
