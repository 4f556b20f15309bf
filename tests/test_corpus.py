"""Every broken source in tests/corpus/ is refused by the checker with its exact line."""

from __future__ import annotations

import pytest

from casebook import Case, broken_copy, cases
from licensekit import checks
from licensekit.parse import load

CASES = cases()


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_checker_refuses(case: Case, tmp_path):
    root = broken_copy(case, tmp_path / "license")
    findings = checks.run(load(root))
    lines = [f.format(root) for f in checks.errors(findings)]
    assert any(line.startswith(case.expected_line(root)) for line in lines), "\n".join(lines)
