"""Alignment by content: where each unit of the reference lies in the input."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise

from .reference import Reference

# A unit is found when its best chain holds at least this share (in percent) of its
# unique shingles; the integer arithmetic keeps another implementation exact.
FOUND_PERCENT = 30


@dataclass
class Chain:
    """Anchors of one unit that follow each other in the input and in the unit."""

    unit: int
    first_p: int
    first_o: int
    last_p: int
    last_o: int
    count: int


@dataclass
class Region:
    unit: int
    start: int  # in the input's canonical text
    end: int
    core_start: int
    core_end: int


def anchors(canon: str, ref: Reference) -> list[tuple[int, int, int]]:
    """(input position, unit, offset in unit) for each input shingle unique in the reference."""
    k, get, out = ref.k, ref.index.get, []
    for p in range(len(canon) - k + 1):
        hit = get(canon[p : p + k])
        if hit is not None:
            out.append((p, hit[0], hit[1]))
    return out


def chains(found: list[tuple[int, int, int]], ref: Reference) -> list[Chain]:
    """Anchors grouped into chains: a chain goes on while the unit offset grows and no more
    text than the unit's length (at least 16) was inserted since the last anchor."""
    open_: dict[int, Chain] = {}
    out: list[Chain] = []
    for p, u, o in found:
        ch = open_.get(u)
        slack = max(len(ref.units[u].text.canon), 16)
        if ch is not None and o > ch.last_o and (p - ch.last_p) - (o - ch.last_o) <= slack:
            ch.last_p, ch.last_o, ch.count = p, o, ch.count + 1
        else:
            ch = Chain(u, p, o, p, o, 1)
            open_[u] = ch
            out.append(ch)
    return out


def strong(ch: Chain, ref: Reference) -> bool:
    return ch.count * 100 >= FOUND_PERCENT * ref.grams[ch.unit]


class Spans:
    """Disjoint [start, end) spans, sorted, with an overlap test by binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)
        return (i > 0 and self.ends[i - 1] > a) or (i < len(self.starts) and self.starts[i] < b)

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def select(all_chains: list[Chain], ref: Reference) -> tuple[dict[int, Chain], list[Chain]]:
    """The best chain of each unit (most anchors, then earliest), cores not overlapping;
    and the other strong chains outside every chosen core (copies of a unit)."""
    k = ref.k
    ranked = [c for c in all_chains if strong(c, ref)]
    ranked.sort(key=lambda c: (-c.count, c.first_p, c.unit))
    chosen: dict[int, Chain] = {}
    cores = Spans()
    for ch in ranked:
        if ch.unit not in chosen and not cores.overlaps(ch.first_p, ch.last_p + k):
            chosen[ch.unit] = ch
            cores.add(ch.first_p, ch.last_p + k)
    extra = [c for c in ranked if chosen.get(c.unit) is not c and not cores.overlaps(c.first_p, c.last_p + k)]
    extra.sort(key=lambda c: (c.first_p, c.unit))
    return chosen, extra


def regions(chosen: dict[int, Chain], ref: Reference, n: int) -> list[Region]:
    """Each chosen chain widened to the whole unit: the text before the first anchor and
    after the last, as far as the unit reaches but never into a neighbour's core."""
    k = ref.k
    cores = sorted(((c.first_p, c.last_p + k, c) for c in chosen.values()), key=lambda t: (t[0], t[2].unit))
    out: list[Region] = []
    for i, (c0, c1, ch) in enumerate(cores):
        length = len(ref.units[ch.unit].text.canon)
        prev_end = out[-1].end if out else 0
        next_start = cores[i + 1][0] if i + 1 < len(cores) else n
        start = max(c0 - ch.first_o, prev_end)
        end = min(c1 + (length - ch.last_o - k), next_start)
        out.append(Region(ch.unit, start, max(end, c1), c0, c1))
    return out


def place_exact(out: list[Region], canon: str, ref: Reference) -> list[Region]:
    """Units not found by anchors (too short, or edited) looked for verbatim, in reference
    order: in the gap just before the region of the next unit in the reference, else in
    the gap just after the region of the previous one."""
    placed = {r.unit for r in out}
    for unit in ref.units:
        if unit.index in placed or not unit.text.canon:
            continue
        for lo, hi in _gaps_beside(out, unit.index, len(canon)):
            at = canon.find(unit.text.canon, lo, hi)
            if at >= 0:
                end = at + len(unit.text.canon)
                out = sorted([*out, Region(unit.index, at, end, at, end)], key=lambda r: r.start)
                placed.add(unit.index)
                break
    return out


def _gaps_beside(out: list[Region], u: int, n: int) -> list[tuple[int, int]]:
    before = [i for i, r in enumerate(out) if r.unit < u]
    after = [i for i, r in enumerate(out) if r.unit > u]
    gaps = []
    if after:
        a = min(after, key=lambda i: out[i].unit)
        gaps.append((out[a - 1].end if a > 0 else 0, out[a].start))
    if before:
        b = max(before, key=lambda i: out[i].unit)
        gaps.append((out[b].end, out[b + 1].start if b + 1 < len(out) else n))
    return gaps


def _window(out: list[Region], u: int) -> tuple[int, int] | None:
    """The input between the region of the nearest unit before `u` and that of the nearest
    unit after it, when both are found and their regions are next to each other in the input."""
    before = [i for i, r in enumerate(out) if r.unit < u]
    after = [i for i, r in enumerate(out) if r.unit > u]
    if not before or not after:
        return None  # at either end a gap is surrounding text, never a unit
    b = max(before, key=lambda i: out[i].unit)
    a = min(after, key=lambda i: out[i].unit)
    return (out[b].end, out[a].start) if a == b + 1 else None


def place_gaps(out: list[Region], ref: Reference) -> list[Region]:
    """A gap between two regions that stands exactly where one missing unit belongs is
    that unit, rewritten: its place in the text says which clause it is."""
    placed = {r.unit for r in out}
    missing = [u.index for u in ref.units if u.index not in placed]
    found: list[Region] = []
    for u in missing:
        window = _window(out, u)
        if window is None or window[1] <= window[0]:
            continue
        lo, hi = window
        b = max(r.unit for r in out if r.unit < u)
        a = min(r.unit for r in out if r.unit > u)
        if a - b == 2:  # u alone belongs between its two neighbours
            found.append(Region(u, lo, hi, lo, hi))
    return sorted([*out, *found], key=lambda r: r.start)


# A gap this short between two regions is the next unit's own (a changed number, "第1条"
# for "1."), not added text.
GLUE = 8


def glue(out: list[Region]) -> list[Region]:
    for prev, nxt in pairwise(out):
        if nxt.start - prev.end <= GLUE:  # regions never overlap: the gap is 0 or more
            nxt.start = prev.end
    return out


def in_order(out: list[Region]) -> set[int]:
    """The units on a longest run that keeps the reference order (ties: the earliest
    predecessor); the others are the moved ones."""
    seq = [r.unit for r in out]
    best = [1] * len(seq)
    prev: list[int | None] = [None] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not seq:
        return set()
    at: int | None = max(range(len(seq)), key=lambda x: (best[x], -x))
    keep: set[int] = set()
    while at is not None:
        keep.add(seq[at])
        at = prev[at]
    return keep
