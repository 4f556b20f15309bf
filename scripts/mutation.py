"""Mutation testing with mutmut: `python scripts/mutation.py` (`make mutation`).

mutmut names a mutant by its file's path, so it must see the pipeline under `src/`,
where `src/licensekit/parse.py` is the module `licensekit.parse` that the tests import.
This script therefore stages a copy of the project in `.mutation/` with `scripts/` as
`src/`, and points `scripts` at the mutated copy, so that the command lines the tests
start (`scripts/check.py`, the MkDocs hooks) run the mutant too. It then runs mutmut
and prints the score beside the goal, the runtime and every survivor.

Each mutant runs only the tests that reached its function, fastest first, and stops at
the first failure (mutmut's own scheduling). The run uses every test not marked `slow` or `repo`
(`SELECTION`): the unit tests, the corpus, and in-process tests of the command lines,
the hooks, the downloads and the pages. The site build, browser and publishing tests take
minutes each and would make a run last many hours; what they check of the pipeline is
also checked in-process by the fast tests. test_check.py starts the checker as a process
for each test; test_hooks.py calls the same `main` in-process.

Mutants judged equivalent are listed, each with its reason, in
`tests/mutation-equivalent.txt`; only listed ones leave the denominator, and the score's
run skips them (each would run every test that reaches it, for nothing). `--equivalents`
runs them alone and shows each change beside its reason, to check the list.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = ROOT / ".mutation"
GOAL = 0.90
EQUIVALENT = ROOT / "tests" / "mutation-equivalent.txt"
MUTATE = ["src/licensekit/*", "src/check.py", "src/build.py", "src/mkdocs_hooks.py"]
# Every test not marked `slow` or `repo` (tests/conftest.py marks each test that uses a site
# fixture; tests that build, serve or run programs as processes carry `slow` themselves, and
# tests that read the code base itself `repo`): a new test module is in the run unless it
# says otherwise. A process started by a test never counts for a mutant, as mutmut only
# records which tests reach a function in its own process.
SELECTION = ["tests", "-m", "not slow and not repo"]
DETECTED = {"killed", "timeout"}
# mutmut stops a mutant's tests after MULTIPLIER * (their measured time + CONSTANT) seconds of wall
# time, and twice that of CPU time; a mutant stopped so counts as detected (an endless loop, say).
# mutmut's defaults (15, 1) let one such mutant run for several minutes. A survivor's tests take
# at most their measured time (measured in the coverage step, which does more work per call), so
# four times that leaves room for a loaded machine. The measure leaves out collecting and setting
# up the tests (seconds for the hooks' tests): never under 40 s, then, or a loaded machine
# would count a slow start as a detected mutant. An endless loop in Python meets the tests' own
# CPU budget first (tests/conftest.py).
TIMEOUT_MULTIPLIER, TIMEOUT_CONSTANT = 4, 10


def setup_cfg() -> str:
    def listing(items: list[str]) -> str:
        return "".join(f"\n    {x}" for x in items)

    return (
        "[mutmut]\n"
        "source_paths = src\n"
        f"only_mutate ={listing(MUTATE)}\n"
        f"also_copy ={listing(['license', 'docs', 'mkdocs.yml', 'README.md'])}\n"
        f"pytest_add_cli_args_test_selection ={listing(SELECTION)}\n"
        "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n"
        f"timeout_multiplier = {TIMEOUT_MULTIPLIER}\n"
        f"timeout_constant = {TIMEOUT_CONSTANT}\n"
    )


def stage() -> None:
    """A fresh copy of the project, with `scripts/` as `src/` and a `scripts` link into the mutants."""
    shutil.rmtree(STAGE, ignore_errors=True)
    STAGE.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "scripts", STAGE / "src", ignore=ignore)
    for name in ("license", "docs", "tests"):
        shutil.copytree(ROOT / name, STAGE / name, ignore=ignore)
    for name in ("mkdocs.yml", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, STAGE / name)
    (STAGE / "setup.cfg").write_text(setup_cfg(), encoding="utf-8")
    (STAGE / "mutants").mkdir()
    (STAGE / "mutants" / "scripts").symlink_to("src", target_is_directory=True)


def mutmut(*args: str, **kwargs) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mutmut")
    # A cache of its own: a mutant that finds bad data valid, or writes a wrong dictionary,
    # must not leave that in the user's cache for later builds and tests to trust.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(STAGE / "cache")}
    # Each mutated module holds all its mutants, and compiling one takes a second: without
    # bytecode written, every process a test starts would compile them all again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The selected tests need no plugin: finding the installed ones anew for each mutant is time lost.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return subprocess.run([str(exe), *args], cwd=STAGE, env=env, text=True, **kwargs)


def statuses() -> dict[str, str]:
    out = mutmut("results", "--all", "true", capture_output=True, check=True).stdout
    return dict(m.groups() for m in re.finditer(r"^\s+(\S+): (.+)$", out, re.M))


def equivalent() -> dict[str, str]:
    """Listed equivalent mutants: `name  reason`, one a line; `#` starts a comment."""
    out = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            out[name] = reason.strip()
    return out


def changed_lines(name: str) -> tuple[str, str]:
    """The first line a mutant changes, before and after, as mutmut shows it."""
    shown = mutmut("show", name, capture_output=True).stdout.splitlines()
    minus = [x[1:].strip() for x in shown if x.startswith("-") and not x.startswith("---")]
    plus = [x[1:].strip() for x in shown if x.startswith("+") and not x.startswith("+++")]
    return (minus[0] if minus else ""), (plus[0] if plus else "")


def diff_line(name: str) -> str:
    """The mutated line of a mutant, as mutmut shows it."""
    return changed_lines(name)[1][:110]


def review(population: set[str]) -> bool:
    """Each listed equivalent mutant's change beside its reason, for a reader to judge: a code
    change renumbers a function's mutants, and the name may then point at another change."""
    listed = equivalent()
    for name, reason in listed.items():
        if name not in population:
            print(f"{name}\n  no such mutant\n")
            continue
        before, after = changed_lines(name)
        print(f"{name}\n  - {before}\n  + {after}\n  {reason}\n")
    stale = sorted(set(listed) - population)
    print(f"{len(listed)} listed as equivalent, {len(stale)} of them no mutant")
    return not stale


def generate(children: list[str]) -> dict[str, str]:
    """Stage the project, have mutmut make every mutant and find the tests that reach each
    function, without running any: a pattern no mutant matches stops it there (and it says so)."""
    stage()
    mutmut("run", *children, "no-such-mutant.x", capture_output=True)
    return statuses()


def sample(names: list[str], size: int, seed: int) -> list[str]:
    """`size` mutant names drawn at random (seeded, so a run can be repeated) from `names`."""
    return sorted(random.Random(seed).sample(sorted(names), min(size, len(names))))


def margin(score: float, n: int) -> float:
    """Half the width of the 95 % interval of a score measured on a random sample of n mutants."""
    return 1.96 * math.sqrt(score * (1 - score) / n) if n else 1.0


def full_run(setup: float, run: float, sampled: int, mutants: int) -> str:
    """What a full run would take, from a sample's times: the same set-up, and the sampled
    mutants' time scaled to all of them (a random sample's mean time per mutant estimates the
    whole run's; mutmut's own start is scaled with it, so the estimate errs long)."""
    each = run / max(sampled, 1)
    minutes = (setup + each * mutants) / 60
    return (
        f"a full run of the {mutants} mutants would take about {minutes:.0f} min here "
        f"(set-up {setup / 60:.1f} min, then {each:.2f} s a mutant)"
    )


def report(found: dict[str, str], seconds: float, population: set[str] | None = None) -> bool:
    """Print the survivors and the score beside the goal. With `population` (every mutant's name),
    `found` is a random sample of it: the score is an estimate, printed with its 95 % margin."""
    listed = equivalent()
    unrun = sorted(k for k, v in found.items() if v == "not checked" and k not in listed)  # an interrupted run
    counted = {k: v for k, v in found.items() if k not in listed and v != "not checked"}
    killed = sum(v in DETECTED for v in counted.values())
    stopped = sum(v == "timeout" for v in counted.values())
    survivors = sorted(k for k, v in counted.items() if v not in DETECTED)
    score = killed / len(counted) if counted else 0.0
    for n, name in enumerate(survivors):
        # Each changed line costs a mutmut start; past 100 survivors, names will do.
        print(f"  {counted[name]:<10} {name}" + (f"  | {diff_line(name)}" if n < 100 else ""))
    stale = sorted(set(listed) - (population or set(found)))  # listed, but mutmut makes no such mutant
    for name in stale:
        print(f"  listed as equivalent but no such mutant: {name}")
    not_survived = sorted(k for k in listed if found.get(k) in DETECTED)
    for name in not_survived:
        print(f"  listed as equivalent but killed: {name}")
    if unrun:
        print(f"  {len(unrun)} mutants not run: the run was interrupted")
    if population:
        print(
            f"estimated mutation score {score:.1%} ± {margin(score, len(counted)):.1%} (95 %; {killed}/{len(counted)} killed, "
            f"{stopped} of them by the time limit, in a random sample of {len(found)} of {len(population - set(listed))} mutants) "
            f"— goal ≥ {GOAL:.0%} — {seconds / 60:.1f} min"
        )
        return score - margin(score, len(counted)) >= GOAL and not stale and not not_survived and not unrun
    print(
        f"mutation score {score:.1%} ({killed}/{len(counted)} killed, {stopped} of them by the time limit; "
        f"{len(listed)} listed equivalent, {len(survivors)} not killed) — goal ≥ {GOAL:.0%} — {seconds / 60:.1f} min"
    )
    return score >= GOAL and not stale and not not_survived and not unrun


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="only report the last run's results")
    parser.add_argument("--survivors", action="store_true", help="run the last run's survivors again, against the current tests")
    parser.add_argument(
        "--equivalents", action="store_true", help="run the listed equivalent mutants alone, each change shown beside its reason"
    )
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--sample", type=int, metavar="N", help="run N mutants drawn at random: an estimate, with its margin")
    parser.add_argument("--seed", type=int, default=0, help="the seed of --sample's draw (default 0)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    children = ["--max-children", str(args.max_children)]
    if args.equivalents:
        everything = generate(children)
        shown = review(set(everything))
        listed = sorted(set(equivalent()) & set(everything))
        if listed:
            mutmut("run", *children, *listed)
        found = statuses()
        killed = [name for name in listed if found[name] in DETECTED]
        for name in killed:
            print(f"  listed as equivalent but killed: {name}")
        return 0 if shown and not killed else 1
    if args.sample:
        everything = generate(children)
        candidates = sorted(set(everything) - set(equivalent()))
        chosen = sample(candidates, args.sample, args.seed)
        generated = time.monotonic()
        result = mutmut("run", *children, *chosen)
        if result.returncode != 0:
            print(f"mutmut run failed ({result.returncode})", file=sys.stderr)
            return result.returncode
        ran = time.monotonic() - generated
        found = statuses()
        passed = report({k: found[k] for k in chosen}, time.monotonic() - start, set(everything))
        print(full_run(generated - start, ran, len(chosen), len(candidates)))
        return 0 if passed else 1
    if args.survivors:
        again = sorted(k for k, v in statuses().items() if v not in DETECTED and k not in equivalent())
        for dest in (STAGE / "tests", STAGE / "mutants" / "tests"):
            shutil.copytree(ROOT / "tests", dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        if again:
            mutmut("run", *children, *again)
    elif not args.report:
        everything = generate(children)
        result = mutmut("run", *children, *sorted(set(everything) - set(equivalent())))
        if result.returncode != 0:
            print(f"mutmut run failed ({result.returncode})", file=sys.stderr)
            return result.returncode
    return 0 if report(statuses(), time.monotonic() - start) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
