"""Set-up from a fresh clone: the lock installs with Debian 12's python3 and resolves for
later Pythons; the venv is rebuilt when the interpreter or the lock changes; a too-old
Python gets one clear line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casebook import ROOT

pytestmark = pytest.mark.slow  # makes venvs and runs make

DEBIAN_PYTHON = Path("/usr/bin/python3")  # Debian 12's own: 3.11.2
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)$", re.MULTILINE)
SDIST_ONLY = {"jieba"}  # pure Python, published as a source archive only


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    return subprocess.run(["make", "-s", "-C", str(project), *args], capture_output=True, text=True, env=env)


def pins(text: str) -> dict[str, str]:
    return {name.lower(): version for name, version in PIN.findall(text)}


def test_debian_python_installs_the_lock_and_runs_the_checker(tmp_path):
    """What `make` does on a stock Debian 12, into a scratch venv."""
    assert subprocess.run([DEBIAN_PYTHON, "--version"], capture_output=True, text=True).stdout.strip() == "Python 3.11.2"
    venv = tmp_path / "venv"
    result = make(ROOT, "venv", f"VENV={venv}", f"PYTHON={DEBIAN_PYTHON}")
    assert result.returncode == 0, result.stderr[-3000:]
    python = venv / "bin" / "python"
    probe = "import sys, mkdocs, properdocs, material, jieba, licensekit.parse; print(sys.version.split()[0])"
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, cwd=ROOT / "scripts")
    assert out.stdout.strip() == "3.11.2", out.stderr
    check = subprocess.run([python, "scripts/check.py"], capture_output=True, text=True, cwd=ROOT)
    assert (check.returncode, check.stderr) == (0, "")


def scratch_project(dest: Path, lock: str = "") -> Path:
    """The Makefile beside a lock of no packages: the venv logic without a 400 MB install."""
    dest.mkdir()
    shutil.copy(ROOT / "Makefile", dest)
    for name in ("requirements.lock", "requirements-tools.lock", "package-lock.json"):
        (dest / name).write_text(lock, encoding="utf-8")
    return dest


def venv_home(project: Path) -> str:
    """The folder of the interpreter that made the project's venv."""
    cfg = (project / ".venv" / "pyvenv.cfg").read_text(encoding="utf-8")
    return re.search(r"^home = (.+)$", cfg, re.MULTILINE).group(1)


def test_venv_is_rebuilt_for_another_interpreter_or_lock(tmp_path):
    project = scratch_project(tmp_path / "p")
    # Another interpreter: a copy of Debian's, so that the test needs no second Python
    # (a venv made by a venv's python still names the base interpreter as its home).
    subprocess.run([DEBIAN_PYTHON, "-m", "venv", "--copies", "--without-pip", tmp_path / "other"], check=True)
    other = tmp_path / "other" / "bin" / "python3"
    assert make(project, "venv", f"PYTHON={DEBIAN_PYTHON}").returncode == 0
    assert venv_home(project) == "/usr/bin"
    marker = project / ".venv" / "marker"
    marker.touch()
    assert make(project, "venv", f"PYTHON={DEBIAN_PYTHON}").returncode == 0
    assert marker.exists()  # same interpreter, same lock: reused
    assert make(project, "venv", f"PYTHON={other}").returncode == 0
    assert not marker.exists()  # another interpreter: rebuilt from scratch
    marker.touch()
    (project / "requirements.lock").write_text("# a newer lock\n", encoding="utf-8")
    assert make(project, "venv", f"PYTHON={other}").returncode == 0
    assert not marker.exists()  # another lock: rebuilt from scratch


FAKE_OLD = """#!/bin/sh
# A Python 3.9 as far as the Makefile can tell: it fails the version test.
[ "$1" = --version ] && { echo "Python 3.9.2"; exit 0; }
exit 1
"""


@pytest.mark.parametrize(
    ("interpreter", "found"),
    [("python3.9", "Python 3.9.2"), ("python-missing", "missing")],
)
def test_too_old_or_missing_python_gets_one_clear_line(tmp_path, interpreter, found):
    project = scratch_project(tmp_path / "p")
    python = tmp_path / interpreter
    if interpreter != "python-missing":
        python.write_text(FAKE_OLD, encoding="utf-8")
        python.chmod(0o755)
    result = make(project, "venv", f"PYTHON={python}")
    assert result.returncode != 0
    ours = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert ours == [f"error: Python 3.11 or newer is needed; '{python}' is {found} (set PYTHON=/path/to/python3.11)"]
    assert not (project / ".venv").exists()


def resolve_command(lock: Path, version: str) -> list[str]:
    """uv resolves the lock's exact pins as the only requirements, for `version` on Linux,
    with wheels only (but for the pure-Python source archives)."""
    binary = [arg for name in sorted(pins(lock.read_text(encoding="utf-8")).keys() - SDIST_ONLY) for arg in ("--only-binary", name)]
    return [sys.executable, "-m", "uv", "pip", "compile", str(lock), "--python-version", version,
            "--python-platform", "x86_64-manylinux_2_36", *binary, "--no-header", "--no-annotate", "--quiet"]  # fmt: skip


VERSIONS = ["3.11.2", "3.12", "3.13"]
# Pins that need Python >= 3.11.5, or that conflict: the check must refuse them.
UNINSTALLABLE = [("pymdown-extensions==13.1", "3.11.2"), ("mkdocs-material==9.8.1\nmkdocs==1.5.0", "3.12")]


def unresolvable_lock(folder: Path, pin: str) -> Path:
    lock = folder / "requirements.lock"
    current = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    lines = [line for line in current if not line.startswith(("mkdocs=", "pymdown"))]
    lock.write_text("\n".join([*lines, pin, "pymdown-extensions==12.3" if "pymdown" not in pin else ""]) + "\n", encoding="utf-8")
    return lock


@pytest.fixture(scope="module", autouse=True)
def resolutions(tmp_path_factory) -> Iterator[Callable[[tuple[str, str]], subprocess.CompletedProcess]]:
    """`resolutions(case)`: every resolution below, started with the module. Each mostly waits
    for the package index, so the module's other tests run meanwhile."""
    cases = {("lock", v): ROOT / "requirements.lock" for v in VERSIONS}
    for pin, version in UNINSTALLABLE:
        cases[(pin, version)] = unresolvable_lock(tmp_path_factory.mktemp("lock"), pin)
    running = {
        (name, version): subprocess.Popen(resolve_command(lock, version), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for (name, version), lock in cases.items()
    }
    done: dict[tuple[str, str], subprocess.CompletedProcess] = {}

    def result(case: tuple[str, str]) -> subprocess.CompletedProcess:
        if case not in done:
            out, err = running[case].communicate(timeout=600)
            done[case] = subprocess.CompletedProcess(running[case].args, running[case].returncode, out, err)
        return done[case]

    yield result
    for case in running:
        result(case)


@pytest.mark.parametrize("version", VERSIONS)
def test_lock_resolves_unchanged_for(resolutions, version):
    result = resolutions(("lock", version))
    assert result.returncode == 0, result.stderr
    assert pins(result.stdout) == pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))  # nothing added, nothing changed


@pytest.mark.parametrize(("pin", "version"), UNINSTALLABLE)
def test_resolver_check_refuses_a_lock_that_cannot_install(resolutions, pin, version):
    """The check above can fail."""
    result = resolutions((pin, version))
    assert result.returncode != 0
    assert "No solution found" in result.stderr


FAKE_DPKG_QUERY = """#!/bin/sh
# Reports the packages listed in $INSTALLED as installed, every other as absent.
for p in $INSTALLED; do [ "$p" = "$3" ] && { printf installed; exit 0; }; done
exit 1
"""
FAKE_APT_GET = """#!/bin/sh
echo "$@" >> "$APT_LOG"
"""


@pytest.mark.parametrize(
    ("installed", "apt_calls"),
    [
        ("chromium", ["update", "install -y fonts-noto-cjk"]),
        ("fonts-noto-cjk", ["update", "install -y chromium"]),
        ("", ["update", "install -y chromium fonts-noto-cjk"]),
        ("chromium fonts-noto-cjk", []),
    ],
)
def test_make_browser_installs_each_missing_package(tmp_path, installed, apt_calls):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("dpkg-query", FAKE_DPKG_QUERY), ("apt-get", FAKE_APT_GET)):
        (bin_dir / name).write_text(script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    log = tmp_path / "apt.log"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "INSTALLED": installed, "APT_LOG": str(log)}
    env = {k: v for k, v in env.items() if not k.startswith(("MAKE", "MFLAGS"))}
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "browser"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (log.read_text(encoding="utf-8").splitlines() if log.exists() else []) == apt_calls


def test_jieba_caches_per_user_and_leaves_no_temp_file(tmp_path):
    """A build writes jieba's cache under $XDG_CACHE_HOME, nothing into the shared temp folder."""
    from sitekit import build

    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    env = {"TMPDIR": str(temp), "XDG_CACHE_HOME": str(cache)}
    for _ in range(2):  # the first build writes the cache, the second reads it
        result = build(tmp_path / "site", env=env)
        assert result.returncode == 0, result.stderr
    assert list(temp.iterdir()) == []
    assert [p.name for p in (cache / "baichuan-7b-license" / "jieba").glob("jieba*.cache")] != []
    assert "Dump cache file failed" not in result.stderr
    assert "Loading model from cache " + str(cache) in result.stderr
