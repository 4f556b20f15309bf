"""How the fidelity diff grows with the text: `python scripts/bench_diff.py`.

The original, whitespace removed, repeated 1, 10 and 100 times, against a copy with one
character changed, one dropped and one added in each copy of the text (edits grow with
the text) or in the first copy only (three edits, as a real mistake would be). Prints the seconds
of `fidelity.diff` (diff-match-patch) and, up to 10×, of the `difflib.SequenceMatcher`
it replaced. A benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import difflib
import time
from pathlib import Path

from licensekit.checks import fidelity
from licensekit.parse import load

ROOT = Path(__file__).resolve().parent.parent


def edited(text: str, copies: int) -> str:
    """`copies` copies of text, each with one character changed, one dropped and one added."""
    third = len(text) // 3
    one = text[:third] + "〇" + text[third + 1 : 2 * third] + text[2 * third + 1 :] + "〇"
    return one * copies


def seconds(run, repeat: int = 3) -> float:
    """The best of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    base = fidelity.original_text(load(ROOT / "license").original)
    print(f"{'size':>6} {'edits in':>9} {'characters':>11} {'diff-match-patch s':>19} {'difflib s':>10} {'edits':>6}")
    for copies in (1, 10, 100):
        for where, a in (("each", edited(base, copies)), ("first", edited(base, 1) + base * (copies - 1))):
            b = base * copies
            fast = seconds(lambda a=a, b=b: fidelity.diff.__wrapped__(a, b))
            edits = len(fidelity.diff.__wrapped__(a, b))
            slow = float("nan")
            if copies <= 10:
                slow = seconds(lambda a=a, b=b: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), repeat=1)
            print(f"{copies:>5}× {where:>9} {len(a):>11} {fast:>19.4f} {slow:>10.3f} {edits:>6}")


if __name__ == "__main__":
    main()
