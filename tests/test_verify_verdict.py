"""The verdict of a match (verify.verdict), in-process, on small hand-made matches: three
units of 20 characters (and an optional fourth), each result set by the case."""

from __future__ import annotations

from collections import Counter

import pytest

from licensekit.verify.match import Match, UnitResult
from licensekit.verify.normalise import normalise
from licensekit.verify.reference import Reference, Unit
from licensekit.verify.verdict import EXIT, verdict

TEXTS = ["甲" * 20, "乙" * 20, "丙" * 20, "丁" * 20]


def reference(min_match: int = 10) -> Reference:
    units = [Unit(i, f"u{i}", f"U{i}", "", normalise(t), optional=i == 3) for i, t in enumerate(TEXTS)]
    return Reference("zh-Hans", units, 4, min_match, {})


def result(unit: int, status: str = "unchanged", equal: int | None = None, **kw) -> UnitResult:
    if equal is None:
        equal = 20 if status == "unchanged" else 15 if status in ("substituted", "changed") else 0
    return UnitResult(unit, status, equal=equal, **kw)


def match(*results: UnitResult, added=(), duplicates=(), min_match: int = 10) -> Match:
    given = {r.unit: r for r in results}
    units = [given.get(i) or (result(i) if i < 3 else result(i, "missing")) for i in range(4)]
    return Match(reference(min_match), units, list(added), Counter(duplicates), 0, 0)


CASES = [
    ("all unchanged", match(), "identical"),
    ("the optional unit present too", match(result(3)), "identical"),
    ("a typographic variant", match(result(1, variants=Counter({("width", "，", ","): 1}))), "equivalent"),
    ("a variant in the optional unit", match(result(3, variants=Counter({("quote", "“", '"'): 2}))), "equivalent"),
    ("a substitution", match(result(1, "substituted")), "derived"),
    ("a substitution and a variant", match(result(0, "substituted"), result(2, variants=Counter({("dash", "—", "-"): 1}))), "derived"),
    ("a changed unit", match(result(1, "changed")), "modified"),
    ("a changed optional unit", match(result(3, "changed")), "modified"),
    ("a moved unit", match(result(2, moved=True)), "modified"),
    ("added text", match(added=[(20, 25, 0)]), "modified"),
    ("a unit copied again", match(duplicates={1: 1}), "modified"),
    ("the middle unit missing", match(result(1, "missing")), "modified"),
    ("the first unit missing", match(result(0, "missing")), "partial"),
    ("the last unit missing", match(result(2, "missing")), "partial"),
    ("the first two missing", match(result(0, "missing"), result(1, "missing")), "partial"),
    ("a unit missing at the end and one substituted", match(result(0, "substituted"), result(2, "missing")), "partial"),
    ("a unit missing at the end and one changed", match(result(0, "changed"), result(2, "missing")), "modified"),
    (
        "exactly the minimum found",
        match(result(0, "missing"), result(1, "missing"), result(2, "changed", equal=10), min_match=10),
        "modified",
    ),
    (
        "one character under the minimum",
        match(result(0, "missing"), result(1, "missing"), result(2, equal=9), min_match=10),
        "not-this-license",
    ),
    ("the minimum is the whole text", match(min_match=60), "identical"),
    ("the minimum over the whole text", match(min_match=61), "not-this-license"),
    ("exactly half of the placed text found", match(*(result(i, "changed", equal=10) for i in range(3))), "modified"),
    (
        "under half of the placed text found",
        match(result(0, "changed", equal=10), result(1, "changed", equal=10), result(2, "changed", equal=9)),
        "not-this-license",
    ),
    (
        "an optional unit counts for neither",
        match(result(0, "missing"), result(1, "missing"), result(2, "changed", equal=10), result(3, equal=20)),
        "modified",
    ),
]


@pytest.mark.parametrize(("case", "m", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_verdict(case, m, expected):
    assert verdict(m) == expected


def test_the_exit_codes():
    assert EXIT == {"identical": 0, "equivalent": 0, "derived": 1, "modified": 1, "partial": 1, "not-this-license": 2, "bad-input": 3}


def test_matched_and_placed_leave_the_optional_unit_out():
    m = match(result(0, "missing"), result(1, "changed", equal=12), result(3))
    assert (m.matched, m.placed_total) == (32, 40)


@pytest.mark.parametrize(("missing", "expected"), [(3, "modified"), (1, "modified"), (4, "partial"), (0, "partial")])
def test_a_gap_anywhere_between_the_first_and_last_unit_found_is_modified(missing, expected):
    units = [Unit(i, f"u{i}", f"U{i}", "", normalise(chr(0x4E00 + i) * 20)) for i in range(5)]
    ref = Reference("zh-Hans", units, 4, 10, {})
    results = [result(i, "missing" if i == missing else "unchanged") for i in range(5)]
    assert verdict(Match(ref, results, [], Counter(), 0, 0)) == expected
