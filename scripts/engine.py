"""The one place that names the site engine.

MkDocs 1.6 is unmaintained; ProperDocs 1.6.7 is its maintained continuation and reads the
same `mkdocs.yml`. `SITE_ENGINE=properdocs` selects it; every build, serve and test runs
the engine through `command()`. `python scripts/engine.py ARGS…` runs it with ARGS.
"""

from __future__ import annotations

import os
import sys

ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"


def name() -> str:
    """The engine's module name, from `SITE_ENGINE` (default: MkDocs)."""
    engine = os.environ.get("SITE_ENGINE") or DEFAULT
    if engine not in ENGINES:
        raise SystemExit(f"SITE_ENGINE={engine!r}: use one of {', '.join(ENGINES)}")
    return engine


def command(*args: str) -> list[str]:
    """The command line that runs the engine with `args` in this interpreter."""
    return [sys.executable, "-m", name(), *args]


def environ() -> dict[str, str]:
    """The environment for an engine run: MkDocs' notice about its 2.0 silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


if __name__ == "__main__":
    cmd = command(*sys.argv[1:])
    os.execve(cmd[0], cmd, environ())
