"""Character diffs (diff-match-patch, no time limit, semantic clean-up) and what they show:
typographic variants, template substitutions, characters kept."""

from __future__ import annotations

from collections import Counter

from diff_match_patch import diff_match_patch

from .normalise import variant_kind

DELETE, EQUAL, INSERT = -1, 0, 1


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # no deadline: the same diff on every machine
    return dmp


DMP = _dmp()


def diff(a: str, b: str) -> list[tuple[int, str]]:
    """The character diff from a to b, cleaned up for people to read."""
    ops = DMP.diff_main(a, b, False)
    DMP.diff_cleanupSemantic(ops)
    return [(op, text) for op, text in ops]


def equal_chars(ops: list[tuple[int, str]]) -> int:
    return sum(len(t) for op, t in ops if op == EQUAL)


def variants(ref_raw: str, in_raw: str, ops: list[tuple[int, str]]) -> Counter:
    """(kind, reference character, input character) for each character that differs only
    typographically, in the stretches the folded diff finds equal."""
    out: Counter = Counter()
    i = j = 0
    for op, text in ops:
        n = len(text)
        if op == EQUAL:
            for t in range(n):  # the stretch has the same length on both sides
                a, b = ref_raw[i + t], in_raw[j + t]
                if a != b:
                    out[(variant_kind(a, b), a, b)] += 1
        if op != INSERT:
            i += n
        if op != DELETE:
            j += n
    return out


def substitutions(ref: str, got: str, slots: dict[str, list[str]]) -> list[tuple[str, str, str]] | None:
    """Whether `got` is `ref` with template slot values replaced: `ref` is cut at each slot
    value (longest first, leftmost, not overlapping or touching) and the literal pieces between are
    looked for in `got` in order, each at its leftmost place after the last. The result is
    each (slot, value, replacement) that differs, or None when the pieces do not match."""
    cuts: list[tuple[int, int, str, str]] = []
    for slot, values in slots.items():
        for value in sorted(values, key=lambda v: (-len(v), v)):
            start = ref.find(value)
            while start >= 0:
                end = start + len(value)
                # Nor touching one: with no literal between them, the text could not tell where one ends.
                if not any(start <= b and a <= end for a, b, _, _ in cuts):
                    cuts.append((start, end, slot, value))
                start = ref.find(value, end)
    if not cuts:
        return None
    cuts.sort()
    literals = [ref[: cuts[0][0]]] + [ref[cuts[i][1] : cuts[i + 1][0]] for i in range(len(cuts) - 1)] + [ref[cuts[-1][1] :]]
    if not got.startswith(literals[0]):
        return None
    at, out = len(literals[0]), []
    for i, (_, _, slot, value) in enumerate(cuts):
        last = i == len(cuts) - 1
        nxt = literals[i + 1]
        if last:
            if not got.endswith(nxt) or len(got) - len(nxt) < at:
                return None
            found = len(got) - len(nxt)
        else:
            found = got.find(nxt, at)  # an empty piece is found where it is looked for
            if found < 0:
                return None
        repl = got[at:found]
        if repl != value:
            out.append((slot, value, repl))
        at = found + len(nxt)
    return out or None
