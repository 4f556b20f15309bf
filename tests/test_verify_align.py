"""Alignment for the verifier (verify.align), in-process, on small hand-made references
(k = 4): anchors, chains and their slack, strong chains, the choice of cores, regions,
units placed verbatim or by their place, glue, and the longest ordered run."""

from __future__ import annotations

import pytest

from licensekit.verify import align
from licensekit.verify.align import Chain, Region, Spans
from licensekit.verify.match import match
from licensekit.verify.normalise import normalise
from licensekit.verify.reference import Reference, Unit, _index

A = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"  # 20 characters, 17 shingles
B = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往"
SHORT = "秋收冬藏春"  # 5 characters, 2 shingles
TINY = "金生"  # shorter than a shingle


def reference(*texts: str) -> Reference:
    units = [Unit(i, f"u{i}", f"U{i}", "", normalise(t)) for i, t in enumerate(texts)]
    ref = Reference("zh-Hans", units, 4, 1, {})
    _index(ref)
    return ref


def regions_of(canon: str, ref: Reference) -> list[tuple[int, int, int]]:
    """(unit, start, end) of each region, as match() builds them."""
    chosen, _ = align.select(align.chains(align.anchors(canon, ref), ref), ref)
    out = align.regions(chosen, ref, len(canon))
    out = align.place_exact(out, canon, ref)
    out = align.place_gaps(out, ref)
    return [(r.unit, r.start, r.end) for r in align.glue(out)]


def test_anchors_are_every_input_shingle_unique_in_the_reference():
    ref = reference(A, SHORT)
    assert align.anchors("X秋收冬藏春", ref) == [(1, 1, 0), (2, 1, 1)]
    assert align.anchors("秋收冬", ref) == []
    assert align.anchors("甲乙丙丁", ref) == [(0, 0, 0)]


@pytest.mark.parametrize(
    ("found", "chains"),
    [
        ([(0, 0, 0), (1, 0, 1), (2, 0, 2)], [(0, 0, 0, 2, 2, 3)]),
        ([(0, 0, 5), (1, 0, 5)], [(0, 0, 5, 0, 5, 1), (0, 1, 5, 1, 5, 1)]),
        ([(0, 0, 6), (1, 0, 5)], [(0, 0, 6, 0, 6, 1), (0, 1, 5, 1, 5, 1)]),
        # 20 characters inserted (the unit's length) still join; 21 do not
        ([(0, 0, 0), (21, 0, 1)], [(0, 0, 0, 21, 1, 2)]),
        ([(0, 0, 0), (22, 0, 1)], [(0, 0, 0, 0, 0, 1), (0, 22, 1, 22, 1, 1)]),
        # the insertion is counted from the last anchor's offset, whatever it is
        ([(0, 0, 1), (21, 0, 2)], [(0, 0, 1, 21, 2, 2)]),
        ([(0, 0, 1), (22, 0, 2)], [(0, 0, 1, 0, 1, 1), (0, 22, 2, 22, 2, 1)]),
        # a short unit allows 16
        ([(0, 1, 0), (17, 1, 1)], [(1, 0, 0, 17, 1, 2)]),
        ([(0, 1, 0), (18, 1, 1)], [(1, 0, 0, 0, 0, 1), (1, 18, 1, 18, 1, 1)]),
        # each unit keeps its own open chain
        ([(0, 0, 0), (5, 1, 0), (6, 0, 1), (7, 1, 1)], [(0, 0, 0, 6, 1, 2), (1, 5, 0, 7, 1, 2)]),
    ],
)
def test_chains_follow_the_unit_within_its_slack(found, chains):
    got = align.chains(found, reference(A, SHORT))
    assert [(c.unit, c.first_p, c.first_o, c.last_p, c.last_o, c.count) for c in got] == chains


@pytest.mark.parametrize(
    ("unit", "count", "strong"), [(0, 6, True), (0, 5, False), (0, 17, True), (0, 1, False), (1, 3, True), (1, 2, False)]
)
def test_a_strong_chain_holds_30_percent_of_its_units_shingles(unit, count, strong):
    ref = reference(A, "一二三四五六七八九十百千万")
    assert ref.grams == [17, 10]  # 30 %: 5.1 and 3
    assert align.strong(Chain(unit, 0, 0, 0, 0, count), ref) is strong


@pytest.mark.parametrize(("count", "strong"), [(11, False), (12, True)])
def test_the_30_percent_is_exact_in_integers(count, strong):
    # 30 % of 37 shingles is 11.1: 11 anchors fall short by a tenth of an anchor
    ref = reference(A + B)
    assert ref.grams == [37]
    assert align.strong(Chain(0, 0, 0, 0, 0, count), ref) is strong


def test_a_unit_without_shingles_is_strong_with_one_anchor():
    ref = reference(A, TINY)
    assert ref.grams == [17, 0]
    assert align.strong(Chain(1, 0, 0, 0, 0, 1), ref)


def test_select_takes_the_best_chain_per_unit_and_lists_other_copies():
    ref = reference(A, B)
    short = Chain(0, 0, 0, 5, 5, 6)
    best = Chain(0, 30, 0, 46, 16, 17)
    other = Chain(1, 60, 0, 76, 16, 17)
    inside = Chain(1, 40, 0, 45, 5, 6)  # overlaps the chosen core of unit 0
    weak = Chain(1, 100, 0, 100, 0, 1)
    chosen, extra = align.select([short, best, other, inside, weak], ref)
    assert chosen == {0: best, 1: other}
    assert extra == [short]


def test_a_core_reaches_k_characters_past_its_last_anchor():
    # the chosen core of unit 0 is [30, 50); the chains of unit 1 touch it only within k
    ref = reference(A, B)
    best = Chain(0, 30, 0, 46, 16, 17)
    before = Chain(1, 20, 0, 28, 8, 9)  # core [20, 32)
    after = Chain(1, 47, 0, 55, 8, 9)  # core [47, 59)
    assert align.select([best, before, after], ref) == ({0: best}, [])


def test_on_a_tie_the_earlier_chain_is_chosen():
    ref = reference(A)
    first, second = Chain(0, 50, 0, 66, 16, 17), Chain(0, 10, 0, 26, 16, 17)
    assert align.select([first, second], ref) == ({0: second}, [first])


def test_spans_overlap_only_when_they_share_a_position():
    spans = Spans()
    spans.add(30, 40)
    spans.add(10, 20)
    assert (spans.starts, spans.ends) == ([10, 30], [20, 40])
    cases = {(0, 10): False, (0, 11): True, (19, 30): True, (20, 30): False, (12, 15): True, (5, 45): True, (40, 50): False, (39, 41): True}
    assert {ab: spans.overlaps(*ab) for ab in cases} == cases


def test_regions_widen_to_the_unit_but_not_into_a_neighbour():
    ref = reference(A, B)
    # anchors from offset 2 to 13 of each unit; the text around them is the unit's
    chosen = {0: Chain(0, 12, 2, 23, 13, 12), 1: Chain(1, 32, 2, 43, 13, 12)}
    out = align.regions(chosen, ref, 60)
    assert [(r.unit, r.start, r.end, r.core_start, r.core_end) for r in out] == [(0, 10, 30, 12, 27), (1, 30, 50, 32, 47)]
    # the start of the text, a neighbour's core and the end of the text stop the widening
    chosen = {0: Chain(0, 1, 2, 12, 13, 12), 1: Chain(1, 18, 2, 29, 13, 12)}
    out = align.regions(chosen, ref, 35)
    assert [(r.unit, r.start, r.end) for r in out] == [(0, 0, 18), (1, 18, 35)]


@pytest.mark.parametrize(
    ("canon", "regions"),
    [
        (A + B, [(0, 0, 20), (1, 20, 40)]),
        ("前言" + A + "插入文字" * 3 + B, [(0, 2, 22), (1, 34, 54)]),
        # the short unit is found verbatim in the gap before the next unit
        (A + "X" * 10 + TINY + "Y" * 10 + B, [(0, 0, 20), (1, 30, 32), (2, 42, 62)]),
        (A + "XX" + TINY + "YY" + B, [(0, 0, 20), (1, 20, 24), (2, 24, 46)]),
        # a gap where the one missing unit belongs is that unit, changed
        (A + "改写后的文字内容" * 2 + B, [(0, 0, 20), (1, 20, 36), (2, 36, 56)]),
        # up to 8 characters before a unit are its own (a changed number)
        (A + "第一条" + B, [(0, 0, 20), (1, 20, 43)]),
    ],
    ids=["adjacent", "with-added-text", "verbatim", "verbatim-glued", "by-place", "glued"],
)
def test_units_are_placed(canon, regions):
    ref = reference(A, TINY, B) if len(regions) == 3 else reference(A, B)
    assert regions_of(canon, ref) == regions


@pytest.mark.parametrize(
    ("canon", "added", "duplicates"),
    [
        # the copy's last two characters stand where B's region reaches back to: added text only
        (A + "QQ" + A + B[2:], [(20, 40, 0)], {}),
        # two characters further on, the copy lies outside every region: a copy of A
        (A + "QQ" + A + "XY" + B[2:], [(20, 42, 0)], {0: 1}),
    ],
    ids=["touching-a-region", "apart"],
)
def test_a_copy_is_a_duplicate_only_outside_every_region(canon, added, duplicates):
    m = match(normalise(canon), reference(A, B))
    assert (m.added, dict(m.duplicates)) == (added, duplicates)


@pytest.mark.parametrize(("gap", "start"), [(8, 20), (9, 29), (0, 20), (1, 20)])
def test_glue_joins_a_gap_of_at_most_8(gap, start):
    out = align.glue([Region(0, 0, 20, 0, 20), Region(1, 20 + gap, 40 + gap, 20 + gap, 40 + gap)])
    assert out[1].start == start


@pytest.mark.parametrize(
    ("units", "kept"),
    [
        ([], set()),
        ([0, 1, 2], {0, 1, 2}),
        ([1, 0], {1}),
        ([1, 0, 2], {1, 2}),
        ([2, 0, 1], {0, 1}),
        ([0, 3, 1, 2], {0, 1, 2}),
        ([3, 4, 0, 1, 2], {0, 1, 2}),
    ],
)
def test_the_longest_ordered_run_keeps_the_earliest_on_a_tie(units, kept):
    assert align.in_order([Region(u, i, i + 1, i, i + 1) for i, u in enumerate(units)]) == kept


@pytest.mark.parametrize(
    ("canon", "regions"),
    [
        ("前面的文字" + A + B, [(1, 5, 25), (2, 25, 45)]),
        (A + B + "后面的文字", [(0, 0, 20), (1, 20, 40)]),
    ],
    ids=["before", "after"],
)
def test_text_at_either_end_is_never_taken_for_a_missing_unit(canon, regions):
    ref = reference(SHORT, A, B) if canon.startswith("前") else reference(A, B, SHORT)
    assert regions_of(canon, ref) == regions


C = "春夏秋冬东南西北上下左右前后内外远近高低"  # a third 20-character unit


def placed(out: list[Region]) -> list[tuple[int, int, int]]:
    return [(r.unit, r.start, r.end) for r in out]


def test_a_unit_is_looked_for_verbatim_in_the_gap_before_the_next_unit_first():
    ref = reference(A, TINY, B)
    canon = TINY + A + "XX" + TINY + "YY" + B
    out = [Region(0, 2, 22, 2, 22), Region(2, 28, 48, 28, 48)]
    assert placed(align.place_exact(out, canon, ref)) == [(0, 2, 22), (1, 24, 26), (2, 28, 48)]


def test_else_in_the_gap_after_the_previous_unit():
    ref = reference(A, TINY)
    canon = TINY + "X" + A + "YY" + TINY
    assert placed(align.place_exact([Region(0, 3, 23, 3, 23)], canon, ref)) == [(0, 3, 23), (1, 25, 27)]
    # with a next unit, the gap after the previous one is looked at only when the first has nothing
    ref = reference(A, TINY, B)
    canon = A + TINY + "ZZ" + B + TINY
    out = [Region(0, 0, 20, 0, 20), Region(2, 24, 44, 24, 44)]
    assert placed(align.place_exact(out, canon, ref)) == [(0, 0, 20), (1, 20, 22), (2, 24, 44)]


@pytest.mark.parametrize(
    ("units", "canon", "out", "expected"),
    [
        ((TINY, A), TINY + "X" + A, [(1, 3, 23)], [(0, 0, 2), (1, 3, 23)]),
        (
            (A, TINY, B, C),
            A + TINY + C + TINY + B,
            [(0, 0, 20), (3, 22, 42), (2, 44, 64)],
            [(0, 0, 20), (3, 22, 42), (1, 42, 44), (2, 44, 64)],
        ),
        ((A, B, TINY, C), A + TINY + B + "XX" + C, [(0, 0, 20), (1, 22, 42), (3, 44, 64)], [(0, 0, 20), (1, 22, 42), (3, 44, 64)]),
        (
            (A, TINY, B, C),
            B + "XX" + A + TINY + "YY" + C,
            [(2, 0, 20), (0, 22, 42), (3, 46, 66)],
            [(2, 0, 20), (0, 22, 42), (1, 42, 44), (3, 46, 66)],
        ),
    ],
    ids=["from-the-start-of-the-text", "next-unit-not-next-region", "no-further-back-than-the-region-before", "up-to-the-region-after"],
)
def test_the_gaps_beside_a_unit_are_those_next_to_its_neighbours_regions(units, canon, out, expected):
    regions = [Region(u, s, e, s, e) for u, s, e in out]
    # a unit placed verbatim is all core
    assert align.place_exact(regions, canon, reference(*units)) == [Region(u, s, e, s, e) for u, s, e in expected]


def test_a_unit_found_nowhere_beside_its_neighbours_stays_missing():
    ref = reference(A, TINY, B)
    canon = TINY + A + "XXXX" + B
    out = [Region(0, 2, 22, 2, 22), Region(2, 26, 46, 26, 46)]
    assert placed(align.place_exact(out, canon, ref)) == [(0, 2, 22), (2, 26, 46)]


def test_an_empty_unit_is_never_placed():
    ref = reference(A, "", B)
    out = [Region(0, 0, 20, 0, 20), Region(2, 24, 44, 24, 44)]
    assert placed(align.place_exact(out, A + "XXXX" + B, ref)) == [(0, 0, 20), (2, 24, 44)]


@pytest.mark.parametrize(
    ("units", "out", "expected"),
    [
        # one missing unit between two regions in order: the gap is that unit
        ((A, TINY, B), [(0, 0, 20), (2, 30, 50)], [(0, 0, 20), (1, 20, 30), (2, 30, 50)]),
        # the nearest found units on each side decide
        ((C, A, TINY, B), [(0, 0, 20), (1, 20, 40), (3, 50, 70)], [(0, 0, 20), (1, 20, 40), (2, 40, 50), (3, 50, 70)]),
        ((A, TINY, B, C), [(0, 0, 20), (2, 30, 50), (3, 50, 70)], [(0, 0, 20), (1, 20, 30), (2, 30, 50), (3, 50, 70)]),
        # two missing units between them: which is which cannot be told
        ((A, TINY, C, B), [(0, 0, 20), (3, 30, 50)], [(0, 0, 20), (3, 30, 50)]),
        # no gap between them: nothing to place
        ((A, TINY, B), [(0, 0, 20), (2, 20, 40)], [(0, 0, 20), (2, 20, 40)]),
        # the neighbours are not next to each other in the input
        ((A, TINY, B, C), [(0, 0, 20), (3, 25, 45), (2, 50, 70)], [(0, 0, 20), (3, 25, 45), (2, 50, 70)]),
        # a missing unit with no place does not stop the search for the next one
        ((SHORT, A, TINY, B), [(1, 0, 20), (3, 30, 50)], [(1, 0, 20), (2, 20, 30), (3, 30, 50)]),
        # the nearest unit before (1) was moved away from the gap; the last region before it is unit 0
        ((A, B, TINY, C), [(1, 0, 20), (0, 25, 45), (3, 50, 70)], [(1, 0, 20), (0, 25, 45), (3, 50, 70)]),
    ],
    ids=["one-missing", "nearest-before", "nearest-after", "two-missing", "no-gap", "out-of-order", "before-moved", "one-without-place"],
)
def test_a_gap_is_a_missing_unit_only_where_exactly_one_belongs(units, out, expected):
    ref = reference(*units)
    regions = [Region(u, s, e, s, e) for u, s, e in out]
    # a gap taken for a unit is all core
    assert align.place_gaps(regions, ref) == [Region(u, s, e, s, e) for u, s, e in expected]


def test_the_copy_in_the_units_own_place_is_taken():
    # TINY stands both between A and B (its place) and between B and C
    ref = reference(A, TINY, B, C)
    canon = A + "XX" + TINY + "XX" + B + "YY" + TINY + "YY" + C
    out = [Region(0, 0, 20, 0, 20), Region(2, 26, 46, 26, 46), Region(3, 52, 72, 52, 72)]
    assert placed(align.place_exact(out, canon, ref)) == [(0, 0, 20), (1, 22, 24), (2, 26, 46), (3, 52, 72)]


def test_the_gap_after_the_previous_unit_ends_at_the_next_region():
    # B (unit 1) was moved before A; TINY (unit 2) is looked for between B and A only
    ref = reference(A, B, TINY)
    canon = B + "X" * 10 + A + "YY" + TINY
    out = [Region(1, 0, 20, 0, 20), Region(0, 30, 50, 30, 50)]
    assert placed(align.place_exact(out, canon, ref)) == [(1, 0, 20), (0, 30, 50)]
