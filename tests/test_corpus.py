"""Every broken source in tests/corpus/ yields exactly its expected errors; every good
edit in tests/corpus/good/ yields none."""

from __future__ import annotations

import time

import pytest

from casebook import CORPUS, LICENSE, ROOT, Case, actual_lines, broken_copy, cases, good_cases

CASES = cases()
GOOD = good_cases()


def test_every_corpus_file_is_a_case_that_breaks_something(tmp_path):
    # No file is skipped silently, and no case is empty: each has a description, edits
    # that change the sources, and at least one expected error.
    assert sorted(c.name for c in CASES) == sorted(p.stem for p in CORPUS.glob("*.yaml"))
    assert sorted(c.name for c in GOOD) == sorted(p.stem for p in (CORPUS / "good").glob("*.yaml"))
    assert len(CASES) >= 25 and len(GOOD) >= 3
    for case in CASES + GOOD:
        assert case.description and case.edits, case.name
        root = broken_copy(case, tmp_path / case.name / "license")
        # A case may edit the license folder or, through ../docs/, the site's pages beside it.
        pairs = [(p, root / p.relative_to(LICENSE)) for p in sorted(LICENSE.rglob("*")) if p.is_file()]
        if (root.parent / "docs").exists():
            pairs += [(p, root.parent / "docs" / p.relative_to(ROOT / "docs")) for p in sorted((ROOT / "docs").rglob("*")) if p.is_file()]
        changed = [p.name for p, q in pairs if not q.exists() or q.read_bytes() != p.read_bytes()]
        assert changed, f"{case.name}: the edits change nothing"
    assert [c.name for c in CASES if not c.expect] == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_checker_refuses(case: Case, tmp_path):
    root = broken_copy(case, tmp_path / "license")
    # CPU time, not wall time: the bound holds on a loaded machine and beside other workers.
    start = time.process_time()
    found = actual_lines(root)
    elapsed = time.process_time() - start
    assert found == case.expected_lines(root)
    if case.max_seconds is not None:
        assert elapsed < case.max_seconds, f"{case.name} took {elapsed:.2f} s"


@pytest.mark.parametrize("case", GOOD, ids=[c.name for c in GOOD])
def test_good_edit_stays_clean(case: Case, tmp_path):
    root = broken_copy(case, tmp_path / "license")
    assert actual_lines(root) == []
