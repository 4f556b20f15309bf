"""Every broken source in tests/corpus/ yields exactly its expected errors; every good
edit in tests/corpus/good/ yields none."""

from __future__ import annotations

import time

import pytest

from casebook import Case, actual_lines, broken_copy, cases, good_cases

CASES = cases()
GOOD = good_cases()


def test_corpus_is_large_enough():
    assert len(CASES) >= 25
    assert all(case.expect for case in CASES), [c.name for c in CASES if not c.expect]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_checker_refuses(case: Case, tmp_path):
    root = broken_copy(case, tmp_path / "license")
    start = time.monotonic()
    found = actual_lines(root)
    elapsed = time.monotonic() - start
    assert found == case.expected_lines(root)
    if case.max_seconds is not None:
        assert elapsed < case.max_seconds, f"{case.name} took {elapsed:.2f} s"


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_edit_stays_clean(case: Case, tmp_path):
    root = broken_copy(case, tmp_path / "license")
    assert actual_lines(root) == []
