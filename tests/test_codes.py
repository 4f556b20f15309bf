"""The registry of finding codes, tested both ways: every code the code base emits is
registered, every registered code is emitted, expected exactly by some test, listed in the
README, and every error code has a broken-source case. Read from the registry, so a code
added elsewhere is held to the same rules."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

from casebook import ROOT, TESTS, cases
from licensekit.codes import CODES

CODE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
SCRIPTS = ROOT / "scripts"
# Unit tests that expect whole findings (path, line, code, clause and message).
UNIT_TESTS = sorted(TESTS.glob("test_checks_*.py")) + [
    TESTS / name for name in ("test_check.py", "test_sources.py", "test_docs_check.py", "test_audit.py")
]
# Inputs a corpus case (edits to a copy of license/) cannot hold: special files, the
# hand-written pages and the built site. Each is expected exactly by the test named.
NOT_IN_CORPUS = {
    "FILE-NOT-REGULAR": "test_sources.py",
    "FILE-TOO-LARGE": "test_sources.py",
    "FILE-UNREADABLE": "test_sources.py",
    **{f"DOCS-{k}": "test_docs_check.py" for k in ("HTML", "URL", "ATTR", "REFDEF", "MARKER", "FILE")},
    **{f"AUDIT-{k}": "test_audit.py" for k in ("SCRIPT", "HANDLER", "URL", "ID", "LINK")},
}


@functools.cache
def literals(path: Path) -> set[str]:
    """Every string constant of a Python file that is a registered code, and every literal
    code a `Finding` is made with (an unregistered one is also refused when it runs)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    # A literal code given to Finding(path, line, CODE, …), registered or not; other strings
    # of that shape (Unicode character names, say) count only when they are registered.
    given = {
        n.args[2].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and getattr(n.func, "id", getattr(n.func, "attr", "")) == "Finding"
        and len(n.args) > 2
        and isinstance(n.args[2], ast.Constant)
        and isinstance(n.args[2].value, str)
    }
    return given | {s for s in strings if s in CODES}


def expects(path: Path, code: str) -> bool:
    """The test file names the code as a literal, or inside a whole expected finding."""
    text = path.read_text(encoding="utf-8")
    return code in literals(path) or re.search(rf"\b{re.escape(code)} (?:-|[a-z0-9-]+): ", text) is not None


def emitted() -> set[str]:
    return set().union(*(literals(p) for p in SCRIPTS.rglob("*.py") if p.name != "codes.py"))


@functools.cache
def corpus_codes() -> set[str]:
    return {e["code"] for case in cases() for e in case.expect}


@pytest.mark.repo  # reads the code base itself
def test_every_code_the_code_base_emits_is_registered():
    assert sorted(emitted() - set(CODES)) == []


@pytest.mark.repo  # reads the code base itself (under mutmut, the mutated copy with every mutant)
def test_every_registered_code_is_emitted():
    assert sorted(set(CODES) - emitted()) == []


@pytest.mark.parametrize("code", sorted(CODES))
def test_code_is_expected_exactly_by_some_test(code):
    where = [p.name for p in UNIT_TESTS if expects(p, code)] + (["tests/corpus"] if code in corpus_codes() else [])
    assert where, f"no test expects a {code} finding"


def test_every_error_code_has_a_corpus_case():
    errors = {c for c, v in CODES.items() if v.level == "error"}
    assert sorted(errors - corpus_codes() - set(NOT_IN_CORPUS)) == []


@pytest.mark.parametrize("code", sorted(NOT_IN_CORPUS))
def test_a_code_outside_the_corpus_is_expected_by_its_own_test(code):
    assert code in CODES
    assert expects(TESTS / NOT_IN_CORPUS[code], code)


def test_every_corpus_case_expects_registered_error_codes():
    assert sorted(c for c in corpus_codes() if c not in CODES or CODES[c].level != "error") == []


def readme_codes() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The checker", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [code for row in rows for code in re.findall(r"`([A-Z][A-Z0-9-]*)`", row.split(" | ")[0])]


@pytest.mark.repo  # reads README.md
def test_readme_table_lists_exactly_the_registry():
    listed = readme_codes()
    assert len(listed) == len(set(listed)), "a code is listed twice"
    assert sorted(listed) == sorted(CODES)


@pytest.mark.repo  # reads README.md
def test_readme_marks_each_code_that_is_not_an_error():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, entry in CODES.items():
        if entry.level != "error":
            label = {"warning": "(warning)", "info": "(informational"}[entry.level]
            assert re.search(rf"`{code}` {re.escape(label)}", readme), code
