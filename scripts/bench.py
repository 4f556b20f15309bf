"""Benchmarks: print each figure beside its goal. `python scripts/bench.py`.

- build: our full build against a bare Material build of the same text, without our
  hooks, timed alternately in one run;
- first visit: the bytes the browser receives for /zh/, search index excluded;
- search index: its size against the raw text of both languages.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from licensekit.parse import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitekit import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ROUNDS = 5


def report(name: str, value: str, goal: str, ok: bool | None) -> None:
    verdict = "n/a" if ok is None else "ok" if ok else "MISSED"
    print(f"{name:<44} {value:>16}   goal {goal:<14} {verdict}")


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
        "site_name: bare\ntheme:\n  name: material\n  font: false\nplugins:\n  - search:\n      separator: '[\\s\\u200b\\-]+'\n",
        encoding="utf-8",
    )
    return config


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def build_ratio(tmp: Path) -> Path:
    bare = bare_project(tmp / "bare")
    ours, base = [], []
    for i in range(ROUNDS):
        ours.append(timed_build(ROOT / "mkdocs.yml", tmp / f"ours{i}"))
        base.append(timed_build(bare, tmp / f"bare{i}"))
    o, b = statistics.median(ours), statistics.median(base)
    report("build time, ours (median of 5)", f"{o:.2f} s", "", None)
    report("build time, bare Material (median of 5)", f"{b:.2f} s", "", None)
    report("build time ratio", f"{o / b:.2f}", "<= 1.3", o / b <= 1.3)
    return tmp / "ours0"


def first_visit(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    sizes: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
        page.goto(base + "zh/")
        page.wait_for_load_state("networkidle")
        browser.close()
    server.shutdown()
    index = sum(v for k, v in sizes.items() if "search_index" in k)
    rest = sum(v for k, v in sizes.items() if "search_index" not in k)
    report("first visit to /zh/, bytes without search index", f"{rest / 1024:.0f} KB", "<= 350 KB", rest <= 350 * 1024)
    report("  requests", f"{len(sizes)}", "", None)
    report("  search index fetched on first visit", f"{index / 1024:.0f} KB", "", None)


def index_size(site: Path) -> None:
    lic = load(ROOT / "license")
    raw = sum(len(c.text.encode()) + len(c.heading.encode()) for doc in lic.docs.values() for c in doc.clauses)
    index = (site / "search" / "search_index.json").stat().st_size
    report("raw text of both languages", f"{raw / 1024:.0f} KB", "", None)
    report("search index", f"{index / 1024:.0f} KB", "", None)
    report("search index / raw text", f"{index / raw:.2f}x", "", None)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_ratio(Path(tmp))
        first_visit(site)
        index_size(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
