"""Helpers for tests of the built site: build it, serve it, read its pages."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

import engine
from casebook import ROOT
from localsite import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: F401  (re-exported for the tests)

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # the system's setting -> Material's scheme shown


def axe_in_each_scheme(page) -> dict[str, list]:
    """axe-core's violations in a page (axe injected), light then dark: the page follows the
    system's setting until the reader picks a scheme, so one load serves both."""
    found = {}
    for scheme, shown in SCHEMES.items():
        page.emulate_media(color_scheme=scheme)
        # the scheme shown, and every colour transition of the switch over, before axe measures
        page.wait_for_function(
            "(shown) => document.body.dataset.mdColorScheme === shown && document.getAnimations().length === 0", arg=shown
        )
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        found[scheme] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    return found


def build(dest: Path, config: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the engine's real `build --strict` into `dest`, with `env` added to the environment."""
    cmd = engine.launcher("build", "--strict", "--site-dir", str(dest))
    if config is not None:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**engine.environ(), **(env or {})})


@functools.cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "xml" if path.suffix == ".xml" else "lxml")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def code_blocks(page: Path, lang: str) -> list[str]:
    """The text of each `lang` code block of a built page."""
    return [code.get_text() for code in soup(page).select(f"pre > code.language-{lang}")]


def readme_block(heading: str, lang: str) -> str:
    """The first `lang` code block after README's `### heading`, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(rf"### {re.escape(heading)}\n.*?```{lang}\n(.*?)```", readme, re.S).group(1)
