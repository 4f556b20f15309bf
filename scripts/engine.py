"""The one place that names the site engine.

MkDocs 1.6 is unmaintained; ProperDocs 1.6.7 is its maintained continuation and reads the
same `mkdocs.yml`. `SITE_ENGINE=properdocs` selects it; every build, serve and test runs
the engine through `command()` or `launcher()`. `python scripts/engine.py ARGS…` runs it
with ARGS, in that process (`run`).
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

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


def launcher(*args: str) -> list[str]:
    """The command line that runs the engine with `args` through this module: what the
    project's builds and dev server use (`run` says why)."""
    return [sys.executable, str(Path(__file__).resolve()), *args]


def environ() -> dict[str, str]:
    """The environment for an engine run: MkDocs' notice about its 2.0 silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def import_jieba() -> None:
    """Import jieba (the theme's search plugin does, first thing) without pkg_resources.

    jieba finds its own data files through pkg_resources when it can import it, and
    opens them by path otherwise, as in any environment without setuptools (a venv of
    Python 3.12 or later). That deprecated module takes longer to import than the rest
    of jieba, and nothing else in a build uses it.
    """
    if "pkg_resources" in sys.modules or "jieba" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        import jieba  # noqa: F401
    except ImportError:
        pass  # no jieba: the theme's search has no Chinese segmentation, as without this
    finally:
        del sys.modules["pkg_resources"]


def run(args: list[str]) -> None:
    """Run the engine with `args` in this process, as `python -m ENGINE ARGS…` would."""
    engine = name()
    os.environ.update(environ())
    import_jieba()
    if sys.path and sys.path[0] == str(Path(__file__).resolve().parent):
        # As `python -m` has it: the current folder first, not scripts/, whose modules
        # (build.py, verify.py…) would shadow packages of those names.
        sys.path[0] = os.getcwd()
    sys.argv = [engine, *args]
    runpy.run_module(engine, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    run(sys.argv[1:])
