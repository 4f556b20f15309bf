"""Nothing broken is published: the build refuses every broken source, and a failed
build leaves the previous site as it was."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casebook import ROOT, Case, broken_copy, cases, edited_copy

pytestmark = pytest.mark.slow  # runs whole builds as processes


def one_per_family(all_cases: list[Case]) -> list[Case]:
    """The first case (by name) of each family of finding codes (ENC, ID, PARITY, …).

    The build refuses through the same `checks.run` that test_corpus.py holds to every
    case exactly; a real build per case would take minutes, so each family is built once.
    """
    chosen: dict[str, Case] = {}
    for case in all_cases:
        for family in sorted({e["code"].split("-")[0] for e in case.expect}):
            chosen.setdefault(family, case)
    return sorted({c.name: c for c in chosen.values()}.values(), key=lambda c: c.name)


CASES = one_per_family(cases())


def project_copy(dest: Path) -> Path:
    """The project's site inputs, without the license sources, copied to `dest`."""
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest)
    for name in ("docs", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(project / "scripts" / "build.py"), str(site)]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=project)


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_build_refuses_broken_source(case: Case, tmp_path):
    project = project_copy(tmp_path / "project")
    broken_copy(case, project / "license")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    # Exactly the case's errors, no more and no fewer, as the build prints them.
    expected = sorted(
        line.removeprefix("../") if line.startswith("../") else "license/" + line for line in case.expected_lines(project / "license")
    )
    printed = sorted(line for line in result.stdout.splitlines() if line.startswith(("license/", "docs/")))
    assert printed == expected, result.stdout[-2000:]
    assert not (tmp_path / "site").exists()


def built_project(tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of the project with a good site built from it, and that site's digest."""
    project = project_copy(tmp_path / "project")
    shutil.copytree(ROOT / "license", project / "license")
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    return project, site, digest(site)


def test_failed_build_keeps_the_previous_site(tmp_path):
    project, site, before = built_project(tmp_path)
    shutil.rmtree(project / "license")
    edited_copy(project / "license", [{"file": "zh.md", "find": "收入损失", "replace": "收入损夫"}])
    result = run_build(project, site)
    assert result.returncode != 0
    assert "TEXT-CHANGED s4-3-i" in result.stdout
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no half-built folder is left


def test_failure_after_writing_started_keeps_the_previous_site(tmp_path):
    project, site, before = built_project(tmp_path)
    # A broken link in a hand-written page fails `--strict` only once pages are built.
    notes = project / "docs" / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\n[gone](missing.md)\n", encoding="utf-8")
    assert run_build(project, site).returncode != 0
    assert digest(site) == before
