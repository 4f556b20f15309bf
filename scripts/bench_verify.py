"""Benchmark of the verifier: each figure beside its goal. `python scripts/bench_verify.py`.

- start-up: the command on the license, from process start to exit (imports and parse);
- the license itself, after start-up (references built): goal <= 50 ms;
- a 1 MB input (the license in the middle of 1 MB of other text): goal <= 1 s;
- growth: the license repeated 1x, 10x and 100x; the time per input character should
  stay flat (linear cost), so the 100x time is at most 150x the 1x time.

Each figure is the median of several runs after a warm-up.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from licensekit.parse import load  # noqa: E402
from licensekit.verify import References, verify_text  # noqa: E402

SITE = "https://baichuan-7b-license.example.org/"
# Other text to surround the license with: a model card's prose, Chinese and English.
FILLER = (
    "本模型基于公开数据训练，适用于对话与文本生成任务。部署前请评估其输出。This model card describes training data, evaluation and limits. "
)


def report(name: str, value: str, goal: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    print(f"{name:<52} {value:>16}   {'goal ' + goal if goal else '':<14} {verdict}")


def timed(text: str, refs: References, runs: int) -> tuple[float, str]:
    verify_text(text, refs)  # warm-up
    times, verdict = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        verdict = verify_text(text, refs)["verdict"]
        times.append(time.perf_counter() - start)
    return statistics.median(times), verdict


def main() -> int:
    lic = load(ROOT / "license")
    refs = References(lic, SITE)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "verify.py"), str(ROOT / "license" / "original" / "baichuan-7B-license.zh.txt")],
        capture_output=True,
        check=True,
    )
    report("start-up and one run of scripts/verify.py", f"{(time.perf_counter() - start) * 1000:.0f} ms", "", None)

    one, verdict = timed(lic.original, refs, 21)
    report(f"the license itself ({verdict})", f"{one * 1000:.1f} ms", "<= 50 ms", one <= 0.05)

    half = FILLER * (500_000 // len(FILLER.encode()))
    big = half + lic.original + half
    t, verdict = timed(big, refs, 5)
    report(f"1 MB input, license inside ({len(big.encode()) / 1e6:.2f} MB, {verdict})", f"{t * 1000:.0f} ms", "<= 1000 ms", t <= 1.0)

    base = None
    for times in (1, 10, 100):
        text = (lic.original + "\n") * times
        t, verdict = timed(text, refs, 5 if times < 100 else 3)
        base = base or t / len(text)
        ratio = t / len(text) / base
        report(f"license x{times} ({len(text.encode()) / 1e3:.0f} kB, {verdict})", f"{t * 1000:.1f} ms", "", None)
        report("  time per character against x1", f"{ratio:.2f}", "<= 1.5", ratio <= 1.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
