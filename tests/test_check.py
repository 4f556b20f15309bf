"""The checker on the real sources, and its command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casebook import LICENSE, ROOT, broken_copy, cases, edited_copy, record_review
from licensekit import checks
from licensekit.model import Finding
from licensekit.parse import load


def test_real_sources_are_clean(lic):
    assert [f.format(ROOT) for f in checks.run(lic) if f.level != "info"] == []


def run_cli(*args):
    return subprocess.run([sys.executable, "scripts/check.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_exits_0_on_real_sources():
    result = run_cli()
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_cli_reports_path_line_code_clause(tmp_path):
    root = edited_copy(tmp_path / "license", [{"file": "zh.md", "find": "[附则](#appendix)", "replace": "[附则](#appendx)"}])
    result = run_cli(str(root))
    assert result.returncode == 1
    assert f"{root}/zh.md:70: REF-BROKEN s2-2: reference [附则](#appendx): no clause has this ID" in result.stderr.splitlines()


def test_warnings_do_not_fail(tmp_path):
    # The real checks on a copy whose only problems are warnings: a duplicate caption and an unused term.
    edits = [
        {"file": "en.md", "find": "*Governing law*", "replace": "*Final interpretation*"},
        {"file": "zh.md", "find": "训练[数据](#s1-data)", "replace": "训练数据"},
        {"file": "en.md", "find": "training [Data](#s1-data)", "replace": "training Data"},
    ]
    root = record_review(edited_copy(tmp_path / "license", edits))
    found = checks.run(load(root))
    assert checks.errors(found) == []
    assert [f.format(root) for f in found if f.level != "info"] == [
        "en.md:166: HEADING-DUPLICATE s5-2: heading “Final interpretation” is also used by s5-1",
        "glossary.yaml:10: TERM-UNUSED s1-data: “Data” is never marked as used in the en text",
        "glossary.yaml:10: TERM-UNUSED s1-data: “数据” is never marked as used in the zh-Hans text",
    ]
    assert {f.level for f in found} == {"warning", "info"}


def test_an_unregistered_code_is_refused_at_once():
    with pytest.raises(ValueError, match="NO-SUCH-CODE"):
        Finding(LICENSE / "zh.md", 1, "NO-SUCH-CODE", "", "x")


def test_unused_term_is_a_warning_only(tmp_path):
    edits = [
        {"file": "zh.md", "find": "训练[数据](#s1-data)", "replace": "训练数据"},
        {"file": "en.md", "find": "training [Data](#s1-data)", "replace": "training Data"},
    ]
    root = record_review(edited_copy(tmp_path / "license", edits))
    result = run_cli(str(root))
    assert result.returncode == 0, result.stderr
    assert f"{root}/glossary.yaml:10: TERM-UNUSED s1-data: “Data” is never marked as used in the en text" in result.stdout.splitlines()


@pytest.mark.parametrize("name", ["text-changed", "id-duplicate", "id-missing", "ref-missing-clause"])
def test_cli_refuses_the_four_common_mistakes(name, tmp_path):
    case = next(c for c in cases() if c.name == name)
    root = broken_copy(case, tmp_path / "license")
    result = run_cli(str(root))
    assert result.returncode == 1
    printed = [line for line in result.stderr.splitlines() if line.startswith(f"{root}/")]
    assert printed == [f"{root}/{line}" for line in case.expected_lines(root)], result.stderr


def test_duplicate_heading_is_a_warning(tmp_path):
    root = record_review(
        edited_copy(tmp_path / "license", [{"file": "en.md", "find": "*Governing law*", "replace": "*Final interpretation*"}])
    )
    result = run_cli(str(root))
    assert result.returncode == 0, result.stderr
    expected = f"{root}/en.md:166: HEADING-DUPLICATE s5-2: heading “Final interpretation” is also used by s5-1"
    assert expected in result.stdout.splitlines()


def test_unmarked_terms_are_shown_with_all_only():
    quiet, full = run_cli(), run_cli("--all")
    assert "TERM-UNMARKED" not in quiet.stdout
    assert "license/en.md:26: TERM-UNMARKED s1-output: uses “Model” without marking it" in full.stdout.splitlines()
    assert full.returncode == 0
