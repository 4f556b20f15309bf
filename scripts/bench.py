"""Benchmarks: print each figure beside its goal. `python scripts/bench.py`.

- build: our full build (scripts/build.py) against a bare Material build of the same
  text with the same search settings, and the floor (Python start, imports, parsing),
  paired in rounds whose order rotates, after a warm-up; min / median / max, and the
  ratio per round, so that a change of load between rounds does not flip the verdict;
- live reload: from saving license/en.md to /en/ served updated (scripts/benchreload.py);
- first visit: the bytes the browser receives for /zh/, search index excluded;
- search index: its size against the raw text of both languages;
- Lighthouse 12.2.3 (npm) scores of every page, with mobile and with desktop emulation,
  served compressed as a static host would, in Debian's chromium;
- axe-core violations on the same pages;
- search latency: from typing a query to the first result, median of ten per language.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchreload

import engine
from licensekit.parse import load

ROOT = Path(__file__).resolve().parent.parent
from localsite import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ROUNDS = 5


def report(name: str, value: str, goal: str, ok: bool | None) -> None:
    verdict = "" if ok is None else "ok" if ok else "MISSED"
    print(f"{name:<52} {value:>26}   {'goal ' + goal if goal else '':<12} {verdict}")


def bare_project(dest: Path) -> Path:
    """The same text as plain Markdown, built by Material with the same search set-up."""
    lic = load(ROOT / "license")
    docs = dest / "docs"
    docs.mkdir(parents=True)
    for lang, name in (("zh-Hans", "zh"), ("en", "en")):
        doc = lic.docs[lang]
        lines = [f"# {doc.title}", ""]
        for c in doc.clauses:
            lines += ["#" * c.level + " " + c.heading, ""] + [p.text + "\n" for p in c.paragraphs]
        (docs / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(
        "site_name: bare\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search:\n      lang: en\n      separator: '[\\s\\u200b\\-]+'\n",
        encoding="utf-8",
    )
    return config


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one run; CPU time counts every process the
    command waited for (build.py's engine child too), and hardly moves with machine load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=engine.environ(), check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(commands: dict[str, list[str]], rounds: int = ROUNDS, warmup: int = 1) -> dict[str, list[tuple[float, float]]]:
    """Each command once per round, the order rotating every round so that none is
    always first; the warm-up rounds fill the disk cache and are not counted."""
    names = list(commands)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for i in range(warmup + rounds):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            elapsed = timed(commands[name])
            if i >= warmup:
                times[name].append(elapsed)
    return times


def spread(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    v = sorted(x * scale for x in values)
    digits = 0 if unit == "ms" else 2
    return f"{v[0]:.{digits}f} / {statistics.median(v):.{digits}f} / {v[-1]:.{digits}f} {unit}"


FLOOR = """
import sys; sys.path.insert(0, "scripts")
import mkdocs.commands.build, material.plugins.search.plugin, jieba
from licensekit.parse import load
load(__import__("pathlib").Path("license"))
"""


def build_ratio(tmp: Path) -> None:
    bare = bare_project(tmp / "bare")
    times = paired(
        {
            "ours": [sys.executable, "scripts/build.py", str(tmp / "ours")],
            "bare": engine.command("build", "-q", "-f", str(bare), "-d", str(tmp / "bare-site")),
            "floor": [sys.executable, "-c", FLOOR],
        }
    )
    print(f"build, {ROUNDS} rounds after a warm-up, order rotating each round; min / median / max")
    print("  CPU time is user + system of the command and its children; the verdict is on it, since")
    print("  on a shared machine wall-clock time mostly measures the other processes")
    for kind, k in (("CPU", 1), ("wall", 0)):
        ours, bare, floor = ([t[k] for t in times[name]] for name in ("ours", "bare", "floor"))
        ratios = [o / b for o, b in zip(ours, bare, strict=True)]
        floors = [o / f for o, f in zip(ours, floor, strict=True)]
        report(f"  {kind}: full build (scripts/build.py, our hooks)", spread(ours), "", None)
        report(f"  {kind}: bare Material build of the same text", spread(bare), "", None)
        report(f"  {kind}: floor: Python, imports, parsing both files", spread(floor), "", None)
        goal = statistics.median(ratios) <= 0.7 if kind == "CPU" else None
        report(f"  {kind}: ratio ours / bare, per round", spread(ratios, "x"), "<= 0.70", goal)
        report(f"  {kind}: ratio ours / floor, per round", spread(floors, "x"), "", None)


def first_visit(browser, base: str) -> None:
    sizes: dict[str, tuple[int, int]] = {}
    page = browser.new_page()

    def record(response) -> None:
        if response.ok:
            sizes[response.url] = (len(response.body()), response.request.sizes()["responseBodySize"])

    page.on("response", record)
    page.goto(base + "zh/")
    page.wait_for_load_state("networkidle")
    page.close()
    rest = [v for k, v in sizes.items() if "search_index" not in k]
    raw, wire = sum(v[0] for v in rest), sum(v[1] for v in rest)
    index = sum(v[0] for k, v in sizes.items() if "search_index" in k)
    report("first visit to /zh/, bytes without search index", f"{raw / 1024:.0f} KB", "<= 350 KB", raw <= 350 * 1024)
    report("  the same, compressed on the wire", f"{wire / 1024:.0f} KB", "", None)
    report("  requests", f"{len(sizes)}", "", None)
    report("  search index, fetched after load", f"{index / 1024:.0f} KB", "", None)


PAGES = ("", "zh/", "en/", "parallel/")
LIGHTHOUSE_PAGES = (*PAGES, "notes/", "downloads/", "verify/")
GOALS = {"performance": 0.98, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LIGHTHOUSE_RUNS = 3
# Lighthouse emulates a phone by default; its desktop preset is the other form factor.
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}


def lighthouse(base: str) -> None:
    env = {**ENV, "CHROME_PATH": CHROMIUM}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    for path in LIGHTHOUSE_PAGES:
        for form, preset in FORM_FACTORS.items():
            runs = []
            for _ in range(LIGHTHOUSE_RUNS):
                with tempfile.NamedTemporaryFile(suffix=".json") as out:
                    cmd = [str(ROOT / "node_modules/.bin/lighthouse"), base + path, "--quiet", "--output=json", f"--output-path={out.name}",
                           f"--chrome-flags={flags}", "--only-categories=" + ",".join(GOALS), *preset]  # fmt: skip
                    subprocess.run(cmd, env=env, check=True, capture_output=True)
                    runs.append(json.loads(Path(out.name).read_text())["categories"])
            for category, goal in GOALS.items():
                score = statistics.median(r[category]["score"] for r in runs) * 100
                name = f"lighthouse /{path} {form} {category} (median of {LIGHTHOUSE_RUNS})"
                report(name, f"{score:.0f}", f">= {goal * 100:.0f}", score >= goal * 100)


def axe(browser, base: str) -> None:
    page = browser.new_page()
    total = 0
    for path in PAGES:
        page.goto(base + path)
        page.add_script_tag(path=str(ROOT / "node_modules/axe-core/axe.min.js"))
        total += len(page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"])
    page.close()
    report("axe-core violations on " + " ".join("/" + p for p in PAGES), f"{total}", "0", total == 0)


QUERIES = {
    "zh/": ["商业用途", "书面授权", "模型衍生品", "许可方", "个人信息", "第三方", "军事", "知识产权", "争议", "训练"],
    "en/": ["commercial use", "military", "written authorization", "model derivatives", "licensor",
            "personal information", "third party", "warranty", "governing law", "trademark"],
}  # fmt: skip


def search_latency(browser, base: str) -> None:
    for start, queries in QUERIES.items():
        page = browser.new_page()
        page.goto(base + start)
        box = page.locator(".md-search__input")
        box.click()
        times = []
        for query in [queries[0], *queries]:  # the first one warms up the index
            box.fill("")
            page.wait_for_function("!document.querySelector('.md-search-result__item')")
            began = time.perf_counter()
            box.fill(query)
            box.press("End")
            page.wait_for_selector(".md-search-result__item")
            times.append(time.perf_counter() - began)
        page.close()
        median = statistics.median(times[1:]) * 1000
        report(f"search latency on /{start}, median of {len(queries)}", f"{median:.0f} ms", "", None)


def index_size(site: Path) -> None:
    lic = load(ROOT / "license")
    raw = sum(len(c.text.encode()) + len(c.heading.encode()) for doc in lic.docs.values() for c in doc.clauses)
    index = (site / "search" / "search_index.json").stat().st_size
    report("raw text of both languages", f"{raw / 1024:.0f} KB", "", None)
    report("search index", f"{index / 1024:.0f} KB", "", None)
    report("search index / raw text", f"{index / raw:.2f}x", "", None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served_site(tmp: Path):
    """The site built for the address it is served at, compressed in transit as any static host does."""
    port = free_port()
    site = tmp / "served"
    env = {**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"}
    subprocess.run([sys.executable, "scripts/build.py", str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
    server, base = serve(site, port=port, compress=True)
    return site, server, base


def lighthouse_only(tmp: Path) -> int:
    _, server, base = served_site(tmp)
    lighthouse(base)
    server.shutdown()
    return 0


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description="Print each benchmark figure beside its goal.")
    parser.add_argument("--quick", action="store_true", help="the build and live-reload figures only")
    parser.add_argument("--lighthouse", action="store_true", help="the Lighthouse scores only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.lighthouse:
            return lighthouse_only(Path(tmp))
        build_ratio(Path(tmp))
        cpu: list[float] = []
        times = sorted(t * 1000 for t in benchreload.latencies(benchreload.copy_project(ROOT, Path(tmp) / "reload"), ROUNDS * 2, cpu))
        report("live reload: save of license/en.md to /en/ updated", spread(times, "ms"), "<= 300 ms", statistics.median(times) <= 300)
        report("  the dev server's CPU time per reload", spread(cpu, "ms", 1000), "", None)
        if args.quick:
            return 0
        site, server, base = served_site(Path(tmp))
        index_size(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            first_visit(browser, base)
            axe(browser, base)
            search_latency(browser, base)
            browser.close()
        lighthouse(base)
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
