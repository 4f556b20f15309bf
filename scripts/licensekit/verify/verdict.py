"""The verdict of a match, and its exit code."""

from __future__ import annotations

from .match import Match

EXIT = {"identical": 0, "equivalent": 0, "derived": 1, "modified": 1, "partial": 1, "not-this-license": 2, "bad-input": 3}


def verdict(m: Match) -> str:
    ref = m.ref
    required = [r for r in m.units if not ref.units[r.unit].optional]
    if m.matched < ref.min_match or m.matched * 2 < m.placed_total:
        return "not-this-license"
    placed = [r.unit for r in required if r.status != "missing"]
    missing = [r.unit for r in required if r.status == "missing"]
    inner_gap = any(placed[0] < u < placed[-1] for u in missing)
    changed = any(r.status == "changed" or r.moved for r in m.units)
    if changed or m.added or m.duplicates or inner_gap:
        return "modified"
    if missing:
        return "partial"
    if any(r.status == "substituted" for r in m.units):
        return "derived"
    if any(r.variants for r in m.units):
        return "equivalent"
    return "identical"
