"""scripts/build.py's command line, in-process, with the engine replaced by a stand-in.

tests/test_build.py runs build.py as a program, with real engines, faults and signals; these
run its `main` here, so that each refusal, exit code and message is checked where mutation
testing sees it. The stand-in for the engine writes a small site or fails as told.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import build
import pytest

from casebook import ROOT

MARKER = build.MARKER


@pytest.fixture
def engine(monkeypatch):
    """Replaces the engine: records each call and writes `pages` into the fresh folder, or
    returns `code`, or raises `error`."""
    calls: list[tuple[Path, Path, bool]] = []
    behaviour = {"code": 0, "error": None, "pages": {"index.html": "<p>new</p>", "zh/index.html": "<p>中文</p>"}}

    def run_mkdocs(config: Path, dest: Path, release: bool = False) -> int:
        calls.append((config, dest, release))
        if behaviour["error"] is not None:
            raise behaviour["error"]
        for name, text in behaviour["pages"].items():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / name).write_text(text, encoding="utf-8")
        return behaviour["code"]

    monkeypatch.setattr(build, "run_mkdocs", run_mkdocs)
    behaviour["calls"] = calls
    return behaviour


def tree(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def test_a_good_build_is_published_with_its_marker_and_public_modes(engine, tmp_path, capsys):
    site = tmp_path / "out" / "site"
    assert build.main([str(site)]) == 0
    assert capsys.readouterr() == ("", "")
    assert tree(site) == {
        MARKER: build.MARKER_TEXT.encode(),
        "index.html": b"<p>new</p>",
        "zh": None,
        "zh/index.html": "<p>中文</p>".encode(),
    }
    assert {(p.is_dir(), p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")]} == {(True, 0o755), (False, 0o644)}
    ((config, dest, release),) = engine["calls"]
    assert (config, release) == (ROOT / "mkdocs.yml", False)
    assert dest.parent == site.parent and dest.name.startswith(".site-new-")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # the fresh folder is the site now


def test_a_second_build_replaces_the_first_and_leaves_nothing_beside_it(engine, tmp_path):
    site = tmp_path / "site"
    assert build.main([str(site)]) == 0
    engine["pages"] = {"index.html": "<p>newer</p>"}
    (tmp_path / ".site-old").mkdir()  # what an interrupted build left
    (tmp_path / ".site-new-abcd1234").mkdir()
    (tmp_path / ".site-new-short").mkdir()  # not a name build.py gives: not its to remove
    assert build.main([str(site)]) == 0
    assert tree(site) == {MARKER: build.MARKER_TEXT.encode(), "index.html": b"<p>newer</p>"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-new-short", "site"]


def test_release_and_config_file_reach_the_engine(engine, tmp_path):
    config = tmp_path / "conf" / "mkdocs.yml"
    config.parent.mkdir()
    config.write_text("site_name: x\n", encoding="utf-8")
    assert build.main([str(tmp_path / "site"), "--release", "--config-file", str(config)]) == 0
    ((called, _dest, release),) = engine["calls"]
    assert (called, release) == (config, True)


STOPPED = "build.py: stopped by a signal; the site holds the previous or the new build, never part of one\n"


@pytest.mark.parametrize(
    ("failure", "code", "message"),
    [
        ({"code": 1}, 1, "build failed; {site} is unchanged\n"),
        ({"code": 2}, 2, "build failed; {site} is unchanged\n"),
        ({"error": KeyboardInterrupt()}, 130, "build.py: interrupted; the site holds the previous or the new build, never part of one\n"),
        ({"error": build.Interrupted(signal.SIGTERM)}, 143, STOPPED),
        ({"error": build.Interrupted(signal.SIGHUP)}, 129, STOPPED),
    ],
    ids=["engine-fails-1", "engine-fails-2", "sigint", "sigterm", "sighup"],
)
def test_a_failed_or_interrupted_build_says_so_and_changes_nothing(engine, tmp_path, capsys, failure, code, message):
    site = tmp_path / "site"
    assert build.main([str(site)]) == 0
    before = tree(tmp_path)
    engine.update(failure)
    capsys.readouterr()
    assert build.main([str(site)]) == code  # the engine's own code, or 128 + the signal
    assert capsys.readouterr().err == message.format(site=site)
    assert tree(tmp_path) == before


def test_sigterm_and_sighup_raise_interrupted_while_building(engine, tmp_path):
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        assert build.main([str(tmp_path / "site")]) == 0
        for signum in (signal.SIGTERM, signal.SIGHUP):
            handler = signal.getsignal(signum)
            with pytest.raises(build.Interrupted) as caught:
                handler(signum, None)
            assert caught.value.args == (signum,)
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def test_a_failure_to_publish_keeps_the_old_site(engine, tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    assert build.main([str(site)]) == 0
    before = tree(tmp_path)

    def broken_exchange(a, b):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "exchange", broken_exchange)
    capsys.readouterr()
    assert build.main([str(site)]) == 1
    assert capsys.readouterr().err == f"cannot publish the build: [Errno 28] No space left on device; {site} still holds a whole site\n"
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("license", "is, contains or is inside the project's sources"),
        ("docs/new-site", "is, contains or is inside the project's sources"),
        ("scripts", "is, contains or is inside the project's sources"),
        ("tests/out", "is, contains or is inside the project's sources"),
        (".git", "is, contains or is inside the project's sources"),
        (".", "is or contains the project"),
        ("..", "is or contains the project"),
    ],
)
def test_a_target_in_or_around_the_sources_is_refused(engine, capsys, tmp_path, monkeypatch, target, why):
    # A project of its own: should the refusal fail, the stand-in build replaces a folder of
    # this copy, never the project's own sources (nor, under mutation testing, the mutants').
    root = tmp_path / "project"
    for name in build.SOURCES:
        (root / name).mkdir(parents=True)
        (root / name / "keep").write_text(name, encoding="utf-8")
    monkeypatch.setattr(build, "ROOT", root)
    before = tree(tmp_path)
    site = (root / target).resolve()
    assert build.main([str(root / target)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"build.py: refused: {site} {why} (")
    assert engine["calls"] == [] and tree(tmp_path) == before


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (
            lambda t: (t.mkdir(), (t / "notes.txt").write_text("mine")),
            "is a non-empty folder that is not a previous build (no {marker}); empty it or choose another folder",
        ),
        (
            lambda t: (t.mkdir(), (t / ".hidden").write_text("")),
            "is a non-empty folder that is not a previous build (no {marker}); empty it or choose another folder",
        ),
        (lambda t: t.write_text("a file"), "exists and is not a folder"),
        (lambda t: ((t.parent / "real").write_text("keep"), t.symlink_to(t.parent / "real")), "exists and is not a folder"),
    ],
    ids=["a-file-inside", "a-dotfile-inside", "a-file", "a-symlink-to-a-file"],
)
def test_a_target_that_is_not_a_build_folder_is_refused(engine, tmp_path, capsys, make, why):
    target = tmp_path / "out"
    make(target)
    before = tree(tmp_path)
    assert build.main([str(target)]) == 2
    assert capsys.readouterr().err == f"build.py: refused: {target.resolve()} {why.format(marker=MARKER)}\n"
    assert tree(tmp_path) == before and engine["calls"] == []


def test_a_symlink_loop_is_refused(engine, tmp_path, capsys):
    (tmp_path / "out").symlink_to(tmp_path / "out")
    assert build.main([str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith(f"build.py: refused: cannot resolve {tmp_path / 'out'}: ")


def test_a_running_build_into_the_same_folder_is_refused(engine, tmp_path, capsys):
    import fcntl

    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert build.main([str(tmp_path / "site")]) == 2
    finally:
        os.close(fd)
    assert capsys.readouterr().err == f"build.py: refused: another build into {tmp_path} is running\n"
    assert engine["calls"] == []


# What an older, unmarked build wrote at the top of its site.
EVERY_OLDER_NAME = [
    *("index.html", "license.json", "sitemap.xml", "404.html", "sitemap.xml.gz", "license.zh.txt", "license.en.txt"),
    *(f"{folder}/index.html" for folder in ("assets", "search", "zh", "en", "parallel", "notes", "downloads", "verify")),
    *(f"{folder}/x" for folder in ("schema", "spdx", "scancode", "huggingface")),
]


@pytest.mark.parametrize(
    ("names", "is_build"),
    [
        ({MARKER: "x"}, True),
        ({"index.html": "", "license.json": "", "sitemap.xml": "", "zh/index.html": ""}, True),
        ({"index.html": "", "license.json": ""}, False),  # not all that a build writes
        ({"index.html": "", "license.json": "", "sitemap.xml": "", "mine.txt": ""}, False),  # a file of someone's own
        ({"index.html/x": "", "license.json": "", "sitemap.xml": ""}, False),  # index.html is a folder
        ({name: "" for name in EVERY_OLDER_NAME}, True),  # all that an older build wrote, and no more
        ({**{name: "" for name in EVERY_OLDER_NAME}, "robots.txt": ""}, False),
    ],
    ids=["marker", "older-build", "incomplete", "own-file", "folder-for-file", "every-name", "every-name-and-one"],
)
def test_what_counts_as_a_previous_build(tmp_path, names, is_build):
    for name, text in names.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert build.is_build(tmp_path) is is_build


HELP = """\
usage: build.py [-h] [--config-file CONFIG_FILE] [--release] [site]

Build the site with the site engine (strict) and publish it atomically; a failed build changes nothing.

positional arguments:
  site                  the folder to publish to (default: site/)

options:
  -h, --help            show this help message and exit
  --config-file CONFIG_FILE
                        the MkDocs configuration (default: mkdocs.yml)
  --release             a build for publishing: refuse the placeholder site_url
"""


def test_help_names_the_program_its_arguments_and_what_it_does(engine, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # argparse wraps to the terminal's width
    with pytest.raises(SystemExit) as stopped:
        build.main(["--help"])
    assert stopped.value.code == 0
    assert capsys.readouterr() == (HELP, "")
    assert engine["calls"] == []


def test_without_arguments_it_builds_the_projects_site_with_its_configuration(engine, tmp_path, monkeypatch):
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.setattr(build, "ROOT", root)  # not this project's own site/
    assert build.main([]) == 0
    assert tree(root / "site") == {
        MARKER: build.MARKER_TEXT.encode(),
        "index.html": b"<p>new</p>",
        "zh": None,
        "zh/index.html": "<p>中文</p>".encode(),
    }
    ((config, dest, release),) = engine["calls"]
    assert (config, dest.parent, release) == (root / "mkdocs.yml", root, False)


def test_files_are_made_public_and_a_links_target_left_alone(engine, tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours", encoding="utf-8")
    os.chmod(outside, 0o600)
    real = build.run_mkdocs

    def with_a_link(config, dest, release=False):
        code = real(config, dest, release)
        (dest / "link.txt").symlink_to(outside)
        return code

    monkeypatch.setattr(build, "run_mkdocs", with_a_link)
    old = os.umask(0o077)  # what the engine writes is private to its user
    try:
        assert build.main([str(tmp_path / "site")]) == 0
    finally:
        os.umask(old)
    modes = {p.relative_to(tmp_path).as_posix(): p.lstat().st_mode & 0o777 for p in [tmp_path / "site", *(tmp_path / "site").rglob("*")]}
    assert {k: v for k, v in modes.items() if k != "site/link.txt"} == {
        "site": 0o755,
        f"site/{MARKER}": 0o644,
        "site/index.html": 0o644,
        "site/zh": 0o755,
        "site/zh/index.html": 0o644,
    }
    assert outside.stat().st_mode & 0o777 == 0o600


class FakeLibc:
    """renameat2 that records its arguments and fails with `errno`, or is missing."""

    def __init__(self, errno_value: int | None):
        self.calls: list[tuple] = []
        self.errno_value = errno_value
        if errno_value is not None:
            self.renameat2 = self._renameat2

    def _renameat2(self, *args):
        import ctypes

        self.calls.append(args)
        ctypes.set_errno(self.errno_value)
        return -1


@pytest.mark.parametrize(
    ("errno_value", "message"),
    [
        (None, "[Errno 38] renameat2 is not available"),
        (22, "[Errno 22] this file system cannot exchange two folders atomically (renameat2 RENAME_EXCHANGE)"),
        (5, "[Errno 5] Input/output error: 'a' -> 'b'"),
    ],
    ids=["no-renameat2", "EINVAL", "EIO"],
)
def test_a_failed_exchange_says_why(tmp_path, monkeypatch, errno_value, message):
    libc = FakeLibc(errno_value)
    monkeypatch.setattr(build, "_libc", libc)
    with pytest.raises(OSError) as caught:
        build.exchange(Path("a"), Path("b"))
    assert str(caught.value) == message
    assert libc.calls == ([] if libc.errno_value is None else [(-100, b"a", -100, b"b", 2)])


def test_exchange_swaps_two_folders_named_relative_to_the_current_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / name).write_text(name, encoding="utf-8")
    build.exchange(Path("a"), Path("b"))
    assert tree(tmp_path) == {"a": None, "a/b": b"b", "b": None, "b/a": b"a"}
    with pytest.raises(FileNotFoundError) as caught:
        build.exchange(Path("a"), Path("missing"))
    assert str(caught.value) == "[Errno 2] No such file or directory: 'a' -> 'missing'"
    assert (caught.value.filename, caught.value.filename2) == ("a", "missing")


def test_a_file_system_without_the_exchange_keeps_the_old_site(engine, tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    assert build.main([str(site)]) == 0
    before = tree(tmp_path)
    monkeypatch.setattr(build, "_libc", FakeLibc(22))
    capsys.readouterr()
    assert build.main([str(site)]) == 1
    assert capsys.readouterr().err == (
        "cannot publish the build: [Errno 22] this file system cannot exchange two folders atomically "
        f"(renameat2 RENAME_EXCHANGE); {site} still holds a whole site\n"
    )
    assert tree(tmp_path) == before


PDEATHSIG = "import ctypes; s = ctypes.c_int(); ctypes.CDLL(None).prctl(2, ctypes.byref(s)); print(s.value)"


def test_the_engine_dies_with_the_build(tmp_path):
    import subprocess
    import sys

    # The kernel is to kill the child with SIGKILL when its parent dies.
    setup = build._die_with_parent(os.getpid())
    child = subprocess.run([sys.executable, "-S", "-c", PDEATHSIG], preexec_fn=setup, capture_output=True, text=True)
    assert (child.returncode, child.stdout) == (0, f"{int(signal.SIGKILL)}\n")
    # A parent that died before then: the child stops at once, before the engine starts.
    orphaned = build._die_with_parent(os.getpid() + 1)  # not the pid the child has for its parent
    child = subprocess.run([sys.executable, "-S", "-c", "print('ran')"], preexec_fn=orphaned, capture_output=True, text=True)
    assert (child.returncode, child.stdout) == (1, "")


def test_off_linux_there_is_no_parent_death_signal(monkeypatch):
    monkeypatch.setattr(build.sys, "platform", "darwin")
    assert build._die_with_parent(os.getpid()) is None


class FakeChild:
    """A Popen that records how it was started and waited for; its first wait is interrupted."""

    started: list[tuple] = []

    def __init__(self, cmd, **kwargs):
        self.calls: list[tuple] = []
        FakeChild.started.append((cmd, kwargs, self))

    def wait(self, timeout=None):
        import subprocess

        self.calls.append(("wait", timeout))
        if len(self.calls) == 1 and self.interrupt:
            raise KeyboardInterrupt
        if timeout is not None:
            raise subprocess.TimeoutExpired("mkdocs", timeout)
        return 3

    def terminate(self):
        self.calls.append(("terminate",))

    def kill(self):
        self.calls.append(("kill",))


@pytest.mark.parametrize("release", [None, False, True])
def test_the_engine_runs_strict_in_the_configurations_folder(tmp_path, monkeypatch, release):
    monkeypatch.setattr(build.subprocess, "Popen", FakeChild)
    monkeypatch.setattr(FakeChild, "started", [])
    monkeypatch.setattr(FakeChild, "interrupt", False, raising=False)
    config, dest = tmp_path / "conf" / "mkdocs.yml", tmp_path / ".site-new-x"
    args = (config, dest) if release is None else (config, dest, release)
    assert build.run_mkdocs(*args) == 3  # the engine's own exit code
    ((cmd, kwargs, child),) = FakeChild.started
    import engine

    assert cmd == [*engine.launcher(), "build", "--strict", "--config-file", str(config), "--site-dir", str(dest)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"LICENSEKIT_RELEASE": "1"} if release else {})}
    assert {k: v for k, v in kwargs.items() if k != "preexec_fn"} == {"cwd": config.parent, "env": env}
    assert callable(kwargs["preexec_fn"])
    assert child.calls == [("wait", None)]


def test_an_interrupted_engine_is_stopped_then_killed(tmp_path, monkeypatch):
    monkeypatch.setattr(build.subprocess, "Popen", FakeChild)
    monkeypatch.setattr(FakeChild, "started", [])
    monkeypatch.setattr(FakeChild, "interrupt", True, raising=False)
    with pytest.raises(KeyboardInterrupt):
        build.run_mkdocs(tmp_path / "mkdocs.yml", tmp_path / "out")
    ((_cmd, _kwargs, child),) = FakeChild.started
    # SIGTERM first, ten seconds to end, then SIGKILL: the interruption goes on to the caller.
    assert child.calls == [("wait", None), ("terminate",), ("wait", 10), ("kill",), ("wait", None)]


def test_build_called_without_release_is_not_a_release(engine, tmp_path):
    config = tmp_path / "mkdocs.yml"
    assert build.build(tmp_path / "site", config) == 0
    ((called, _dest, release),) = engine["calls"]
    assert (called, release) == (config, False)
