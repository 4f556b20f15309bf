"""The synthetic licenses of scripts/bench_scale.py: larger, and clean as the real one is.

The benchmark of linear growth means something only while every check runs its normal
path on them: a synthetic license with findings would time the error paths instead.
"""

from __future__ import annotations

import bench_scale
import pytest

from licensekit import checks
from licensekit.checks import errata, fidelity
from licensekit.cite import label


@pytest.mark.parametrize("times", [1, 3])
def test_a_synthetic_license_is_clean(lic, times):
    big = bench_scale.scaled(lic, times)
    with bench_scale.pinned_to(big):
        assert [f.format() for f in checks.errors(checks.run(big))] == []


def test_the_pins_are_restored(lic):
    before = (fidelity.ORIGINAL_SHA256, fidelity.ORIGINAL_CHARS, dict(errata.REVIEWED))
    with bench_scale.pinned_to(bench_scale.scaled(lic, 2)):
        assert before[0] != fidelity.ORIGINAL_SHA256
    assert (fidelity.ORIGINAL_SHA256, fidelity.ORIGINAL_CHARS, dict(errata.REVIEWED)) == before
    codes = {f.code for f in checks.errors(checks.run(bench_scale.scaled(lic, 2)))}
    assert {"ORIGINAL-PIN", "ERRATUM-UNFOUNDED"} <= codes  # the pins refuse a synthetic license


def test_copies_number_on_and_refer_within_their_copy(lic):
    big = bench_scale.scaled(lic, 3)
    ids = {c.id for c in big.en.clauses}
    items = [c for c in lic.en.clauses if c.parent == "s2" and c.kind == "item"]
    assert [c.number for c in big.en.clauses if c.parent == "s2" and c.kind == "item"] == [f"{n}." for n in range(1, 3 * len(items) + 1)]
    by_id = lic.zh.by_id()
    numbered = {c.id for c in lic.zh.clauses if c.kind == "section" and c.number}
    copied = [c for c in lic.zh.clauses if c.kind == "item" and c.parent in numbered]
    copied += [c for c in lic.zh.clauses if c.parent in {i.id for i in copied}]
    assert all(by_id[c.parent].kind != "section" or c.kind == "item" for c in copied)
    assert len(big.zh.clauses) == len(lic.zh.clauses) + 2 * len(copied)
    assert {c.id for c in big.zh.clauses} == ids
    # IV.3's sub-items, copied under IV.9 and IV.15, are numbered (i)… without the original's misprints.
    assert [c.number for c in big.zh.clauses if c.parent == "s4-9"][:3] == ["(i)", "(ii)", "(iii)"]
    assert label(big, "s4-9-iii") == "IV.9(iii)"
    copy_refs = {s.target for c in big.en.clauses if c.id == "s4-9" for s in c.spans("ref")}
    assert copy_refs == {t.replace("s4-1", "s4-7").replace("s4-2", "s4-8") for t in lic.en.by_id()["s4-3"].refs}
