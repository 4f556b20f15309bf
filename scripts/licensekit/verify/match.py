"""One input against one language's reference: regions, per-unit status, added text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from . import align
from .diff import EQUAL, diff, equal_chars, substitutions, variants
from .normalise import Text
from .reference import Reference


@dataclass
class UnitResult:
    unit: int
    status: str  # unchanged | substituted | changed | missing
    start: int = -1
    end: int = -1
    ops: list[tuple[int, str]] = field(default_factory=list)
    variants: Counter = field(default_factory=Counter)
    substitutions: list[tuple[str, str, str]] = field(default_factory=list)
    moved: bool = False
    equal: int = 0  # characters of the unit found unchanged


@dataclass
class Match:
    ref: Reference
    units: list[UnitResult]
    added: list[tuple[int, int, int]]  # (start, end, unit before it)
    duplicates: Counter  # unit -> further copies found
    before: int  # characters before the first unit
    after: int  # characters after the last unit

    @property
    def matched(self) -> int:
        return sum(u.equal for u in self.units if not self.ref.units[u.unit].optional)

    @property
    def placed_total(self) -> int:
        return sum(
            len(self.ref.units[u.unit].text.canon) for u in self.units if u.status != "missing" and not self.ref.units[u.unit].optional
        )


def compare(unit: int, ref_text: Text, got_raw: str, got: str, slots: dict[str, list[str]]) -> UnitResult:
    """Unit `unit` of the reference (its text `ref_text`) against the input found for it."""
    want = ref_text.canon
    if got == want:
        r = UnitResult(unit, "unchanged", equal=len(want))
        r.variants = variants(ref_text.raw, got_raw, [(EQUAL, want)])
        return r
    ops = diff(want, got)
    subs = substitutions(want, got, slots)
    r = UnitResult(unit, "substituted" if subs else "changed", ops=ops, equal=equal_chars(ops))
    r.substitutions = subs or []
    r.variants = variants(ref_text.raw, got_raw, ops)
    return r


def match(inp: Text, ref: Reference) -> Match:
    n = len(inp.canon)
    found = align.anchors(inp.canon, ref)
    chosen, extra = align.select(align.chains(found, ref), ref)
    regions = align.regions(chosen, ref, n)
    regions = align.place_exact(regions, inp.canon, ref)
    regions = align.place_gaps(regions, ref)
    regions = align.glue(regions)
    results: dict[int, UnitResult] = {}
    kept = []
    for reg in regions:
        unit = ref.units[reg.unit]
        res = compare(reg.unit, unit.text, inp.raw[reg.start : reg.end], inp.canon[reg.start : reg.end], ref.slots)
        res.start, res.end = reg.start, reg.end
        results[reg.unit] = res
        kept.append(reg)
    order = align.in_order(kept)
    for res in results.values():
        res.moved = res.unit not in order
    added = []
    for prev, nxt in pairwise(kept):
        if nxt.start > prev.end:
            added.append((prev.end, nxt.start, prev.unit))
    spans = align.Spans()
    for r in kept:  # every region holds at least its core
        spans.add(r.start, r.end)
    dups: Counter = Counter()
    for ch in extra:
        if not spans.overlaps(ch.first_p, ch.last_p + ref.k):
            dups[ch.unit] += 1
    units = [results.get(u.index) or UnitResult(u.index, "missing") for u in ref.units]
    before = kept[0].start if kept else n
    after = n - kept[-1].end if kept else 0
    return Match(ref, units, added, dups, before, after)
