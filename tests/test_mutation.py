"""`make mutation` runs every test not marked slow or repo, so a new test module joins it by itself."""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import mutation
import pytest

from casebook import ROOT

MODULES = {
    "test_new.py": "def test_plain():\n    assert True\n\n\ndef test_parsed(lic):\n    pass\n",
    "test_marked.py": "import pytest\n\npytestmark = pytest.mark.slow\n\n\ndef test_marked():\n    pass\n",
    "test_one_marked.py": "import pytest\n\n\n@pytest.mark.slow\ndef test_a():\n    pass\n\n\ndef test_b():\n    pass\n",
    "test_repo.py": "import pytest\n\n\n@pytest.mark.repo\ndef test_readme():\n    pass\n",
    "test_site_users.py": "".join(f"def test_{name}({name}):\n    pass\n\n\n" for name in ("site", "base_url", "browser", "page")),
}


def collected(tmp_path: Path, *args: str) -> set[str]:
    """The test IDs pytest collects from MODULES beside the project's conftest.py."""
    tests = tmp_path / "tests"
    tests.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", tests)
    for name, text in MODULES.items():
        (tests / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT / "scripts")])}
    cmd = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "--strict-markers", *args]
    result = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if "::" in line}


@pytest.mark.slow  # runs pytest as a process
def test_the_mutation_run_takes_every_test_not_marked_slow(tmp_path):
    assert collected(tmp_path, *mutation.SELECTION) == {
        "tests/test_new.py::test_plain",
        "tests/test_new.py::test_parsed",
        "tests/test_one_marked.py::test_b",
    }


@pytest.mark.slow  # runs pytest as a process
def test_without_the_selection_every_test_runs(tmp_path):
    assert len(collected(tmp_path, "tests")) == 10


def test_mutmut_is_given_the_selection():
    config = mutation.setup_cfg()
    listed = config.split("pytest_add_cli_args_test_selection =", 1)[1].split("\n")
    assert [line.strip() for line in listed[1:4]] == ["tests", "-m", "not slow and not repo"]
    assert not listed[4].startswith(" ")


def test_a_sample_is_drawn_at_random_and_repeatably():
    names = [f"m{i:03}" for i in range(500)]
    first = mutation.sample(names, 50, seed=0)
    assert len(set(first)) == 50 and set(first) <= set(names) and first == sorted(first)
    assert mutation.sample(list(reversed(names)), 50, seed=0) == first  # the order given does not matter
    assert mutation.sample(names, 50, seed=1) != first
    assert mutation.sample(names[:10], 50, seed=0) == names[:10]


@pytest.mark.parametrize(("score", "n", "expected"), [(0.9, 800, 0.0208), (0.5, 100, 0.098), (1.0, 50, 0.0), (0.9, 0, 1.0)])
def test_the_margin_is_the_95_percent_half_width(score, n, expected):
    assert mutation.margin(score, n) == pytest.approx(expected, abs=5e-4)


POPULATION = {f"m{i}" for i in range(13000)} | {"eq"}


def test_a_sample_report_gives_the_estimate_and_passes_only_when_its_interval_clears_the_goal(capsys, monkeypatch):
    monkeypatch.setattr(mutation, "equivalent", lambda: {"eq": "same behaviour"})
    monkeypatch.setattr(mutation, "diff_line", lambda name: "")
    found = {f"k{i}": "killed" for i in range(95)} | {"t1": "timeout", "t2": "timeout"}
    found |= {"s1": "survived", "s2": "no tests", "s3": "survived", "eq": "survived"}
    assert mutation.report(found, 120.0, population=POPULATION) is True  # 97 % ± 3.3 % clears 90 %
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        "estimated mutation score 97.0% ± 3.3% (95 %; 97/100 killed, 2 of them by the time limit, "
        "in a random sample of 101 of 13000 mutants) — goal ≥ 90% — 2.0 min"
    )
    assert [line.split()[0] for line in out[:-1]] == ["survived", "no", "survived"]  # s1, s2, s3
    found = {f"k{i}": "killed" for i in range(91)} | {f"s{i}": "survived" for i in range(9)}
    assert mutation.report(found, 60.0, population=POPULATION) is False  # 91 % ± 5.6 % does not


def test_a_sample_report_fails_on_an_equivalent_listed_that_is_no_mutant(capsys, monkeypatch):
    # A listed name that mutmut no longer makes (the code changed, so mutants were numbered
    # anew) would leave some other mutant out of the score: the run fails, sampled or not.
    monkeypatch.setattr(mutation, "equivalent", lambda: {"eq": "same behaviour", "gone": "renumbered"})
    monkeypatch.setattr(mutation, "diff_line", lambda name: "")
    found = {f"k{i}": "killed" for i in range(100)}
    assert mutation.report(found, 60.0, population=POPULATION) is False
    assert capsys.readouterr().out.splitlines()[0] == "  listed as equivalent but no such mutant: gone"
    monkeypatch.setattr(mutation, "equivalent", lambda: {"eq": "same behaviour"})
    assert mutation.report(found, 60.0, population=POPULATION) is True


def test_a_full_report_counts_every_mutant_but_the_listed_ones(capsys, monkeypatch):
    monkeypatch.setattr(mutation, "equivalent", lambda: {"eq": "same behaviour"})
    monkeypatch.setattr(mutation, "diff_line", lambda name: "changed line")
    found = {f"k{i}": "killed" for i in range(17)} | {"t": "timeout", "s": "survived", "n": "no tests", "eq": "survived"}
    assert mutation.report(found, 90.0) is True  # 18 of 20: the goal, just
    assert capsys.readouterr().out.splitlines() == [
        "  no tests   n  | changed line",
        "  survived   s  | changed line",
        "mutation score 90.0% (18/20 killed, 1 of them by the time limit; 1 listed equivalent, 2 not killed) — goal ≥ 90% — 1.5 min",
    ]
    assert mutation.report(found | {"k0": "survived"}, 90.0) is False  # 17 of 20


def test_mutmut_stops_a_mutant_after_four_times_its_tests_time_and_never_before_40_s():
    # mutmut sends SIGXCPU after multiplier * (estimate + constant) seconds of wall time.
    config = configparser.ConfigParser()
    config.read_string(mutation.setup_cfg())
    multiplier, constant = config.getfloat("mutmut", "timeout_multiplier"), config.getfloat("mutmut", "timeout_constant")
    assert (multiplier, constant) == (4.0, 10.0)
    assert multiplier * (0.0 + constant) == 40.0  # tests measured at nothing
    assert multiplier * (36.0 + constant) == 184.0  # the corpus and more: a survivor takes 20–40 s of CPU


def test_mutmut_runs_with_a_cache_of_its_own(monkeypatch):
    seen = {}
    monkeypatch.setattr(mutation.subprocess, "run", lambda cmd, **kw: seen.update(kw))
    mutation.mutmut("results")
    assert seen["env"]["XDG_CACHE_HOME"] == str(mutation.STAGE / "cache")
    assert seen["cwd"] == mutation.STAGE


def test_a_mutant_that_spins_is_stopped_by_its_cpu_budget_even_through_a_broad_except():
    from conftest import SpunTooLong, cpu_budget

    caught = 0
    with pytest.raises(SpunTooLong, match=r"more than 0.05 s of CPU time"), cpu_budget(0.05):
        while True:
            try:
                while True:
                    pass
            except Exception:  # as code under test might: SpunTooLong is no Exception
                caught += 1
    assert caught == 0
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) == signal.SIG_DFL


def test_the_review_shows_each_listed_change_beside_its_reason_and_fails_on_a_stale_name(capsys, monkeypatch):
    shown = {
        "m.x_f__mutmut_1": '--- a\n+++ b\n@@\n-    return s.encode("utf-8")\n+    return s.encode("UTF-8")\n',
    }
    monkeypatch.setattr(mutation, "mutmut", lambda *args, **kw: subprocess.CompletedProcess(args, 0, shown.get(args[1], ""), ""))
    monkeypatch.setattr(mutation, "equivalent", lambda: {"m.x_f__mutmut_1": "the same codec", "m.x_g__mutmut_9": "as _1"})
    assert mutation.review({"m.x_f__mutmut_1", "m.x_f__mutmut_2"}) is False
    assert capsys.readouterr().out.splitlines() == [
        "m.x_f__mutmut_1",
        '  - return s.encode("utf-8")',
        '  + return s.encode("UTF-8")',
        "  the same codec",
        "",
        "m.x_g__mutmut_9",
        "  no such mutant",
        "",
        "2 listed as equivalent, 1 of them no mutant",
    ]
    monkeypatch.setattr(mutation, "equivalent", lambda: {"m.x_f__mutmut_1": "the same codec"})
    assert mutation.review({"m.x_f__mutmut_1"}) is True


NAMES = [f"m.x_f__mutmut_{i}" for i in range(1, 12)]  # _10 is listed as equivalent


class Runs(list):
    found: dict[str, str]


@pytest.fixture
def runs(monkeypatch):
    """The mutant names of each `mutmut run` that mutation.main asks for, with made-up statuses."""
    asked = Runs()
    found = dict.fromkeys(NAMES, "killed") | {"m.x_f__mutmut_10": "not checked", "m.x_f__mutmut_11": "survived"}

    def fake(*args, **kw):
        if args[0] == "run":
            asked.append([a for a in args[1:] if not a.startswith("--") and not a.isdigit()])
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(mutation, "mutmut", fake)
    monkeypatch.setattr(mutation, "stage", lambda: None)
    monkeypatch.setattr(mutation, "statuses", lambda: dict(found))
    monkeypatch.setattr(mutation, "equivalent", lambda: {"m.x_f__mutmut_10": "same codec"})
    monkeypatch.setattr(mutation, "changed_lines", lambda name: ("a", "b"))
    asked.found = found
    return asked


def test_the_full_run_skips_the_listed_equivalents(runs, capsys):
    assert mutation.main(["--max-children", "2"]) == 0  # 9 of 10: the goal
    assert runs == [["no-such-mutant.x"], sorted(set(NAMES) - {"m.x_f__mutmut_10"})]
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith("mutation score 90.0% (9/10 killed, 0 of them by the time limit; 1 listed equivalent, 1 not killed)")
    )


def test_a_sample_is_drawn_from_the_mutants_not_listed(runs, capsys):
    assert mutation.main(["--sample", "4", "--seed", "5"]) in (0, 1)
    assert runs[-1] == mutation.sample(sorted(set(NAMES) - {"m.x_f__mutmut_10"}), 4, 5)
    out = capsys.readouterr().out.splitlines()
    assert "in a random sample of 4 of 10 mutants" in out[-2]
    assert out[-1].startswith("a full run of the 10 mutants would take about ")


@pytest.mark.parametrize(
    ("setup", "run", "sampled", "mutants", "line"),
    [
        (180.0, 420.0, 1200, 12000, "a full run of the 12000 mutants would take about 73 min here (set-up 3.0 min, then 0.35 s a mutant)"),
        (60.0, 30.0, 100, 100, "a full run of the 100 mutants would take about 2 min here (set-up 1.0 min, then 0.30 s a mutant)"),
        (0.0, 0.0, 0, 5, "a full run of the 5 mutants would take about 0 min here (set-up 0.0 min, then 0.00 s a mutant)"),
    ],
)
def test_a_sample_projects_the_full_run_from_its_time_per_mutant(setup, run, sampled, mutants, line):
    assert mutation.full_run(setup, run, sampled, mutants) == line


@pytest.mark.parametrize(("status", "code"), [("survived", 0), ("killed", 1), ("timeout", 1)])
def test_the_equivalents_run_alone_and_fail_when_one_is_detected(runs, capsys, status, code):
    runs.found["m.x_f__mutmut_10"] = status
    assert mutation.main(["--equivalents"]) == code
    assert runs == [["no-such-mutant.x"], ["m.x_f__mutmut_10"]]
    out = capsys.readouterr().out.splitlines()
    assert out[:5] == ["m.x_f__mutmut_10", "  - a", "  + b", "  same codec", ""]
    assert ("  listed as equivalent but killed: m.x_f__mutmut_10" in out) is (code == 1)
