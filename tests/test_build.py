"""build.py cannot hurt the tree or the published site.

Wrong targets are refused before anything is touched; publication is atomic whichever
step of the swap fails or is killed; an interrupted build leaves nothing behind (or the
next build removes it) and its mkdocs child dies with it; the site is world-readable.

Faults are injected in a child process that imports build.py and wraps one of its steps
(or `os.unlink`, for a kill in the middle of removing the old site). For the swap faults
a prebuilt site stands in for mkdocs, so that each case costs a fraction of a second.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_publish import digest, project_copy

from casebook import ROOT

pytestmark = pytest.mark.slow  # runs whole builds as processes

MARKER = ".licensekit-build"

DRIVER = r"""
import errno, os, shutil, signal, subprocess, sys
from pathlib import Path

project, site, fault, stub, pidfile = sys.argv[1:6]
sys.path.insert(0, os.path.join(project, "scripts"))
import build

if stub != "-":  # a prebuilt site stands in for mkdocs: the swap is what is tested
    def run_mkdocs(config, dest, release=False):
        shutil.copytree(stub, dest, dirs_exist_ok=True)
        return 0
    build.run_mkdocs = run_mkdocs

if pidfile != "-":  # record the mkdocs child, for the signal tests
    real_popen = subprocess.Popen
    class Popen(real_popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            Path(pidfile).write_text(str(self.pid))
    subprocess.Popen = Popen

if fault != "-":
    name, when, action = fault.split(":")
    owner = os if name == "unlink" else build
    real = getattr(owner, name)
    def hit():
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError(errno.EIO, "injected I/O error")
    def faulty(*args, **kwargs):
        if when == "before":
            hit()
        result = real(*args, **kwargs)
        hit()
        return result
    if name == "unlink":  # only once the old site is being removed
        real_remove = build.remove_tree
        def remove_tree(folder):
            os.unlink = faulty
            try:
                real_remove(folder)
            finally:
                os.unlink = real
        build.remove_tree = remove_tree
    else:
        setattr(owner, name, faulty)

sys.exit(build.main([site]))
"""


def run_build(project: Path, site: Path, fault: str = "-", stub: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", DRIVER, str(project), str(site), fault, str(stub or "-"), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=project, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = project_copy(tmp_path_factory.mktemp("build") / "project")
    shutil.copytree(ROOT / "license", project / "license")
    return project


@pytest.fixture(scope="module")
def old_site(project, tmp_path_factory) -> Path:
    """A site built by the real build.py: the one a fault must not damage."""
    site = tmp_path_factory.mktemp("old") / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    return site


@pytest.fixture(scope="module")
def new_site(old_site, tmp_path_factory) -> Path:
    """What the next build produces: the old site with one page changed, files 0600 and folders 0700."""
    site = tmp_path_factory.mktemp("new") / "site"
    shutil.copytree(old_site, site)
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8") + "<!-- new -->\n", encoding="utf-8")
    (site / MARKER).unlink()  # build.py writes the marker itself
    for path in [site, *site.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return site


def tree(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def one_line_refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("build.py: refused: "), result.stderr
    return lines[0]


# --- wrong targets ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("license", "is, contains or is inside the project's sources"),
        ("license/schema", "is, contains or is inside the project's sources"),
        (".", "is or contains the project"),
        ("..", "is or contains the project"),
        ("docs", "is, contains or is inside the project's sources"),
        ("docs/new-site", "is, contains or is inside the project's sources"),
        ("scripts/licensekit", "is, contains or is inside the project's sources"),
        ("tests", "is, contains or is inside the project's sources"),
        (".git", "is, contains or is inside the project's sources"),
        (".git/site", "is, contains or is inside the project's sources"),
        ("link-to-license", "is, contains or is inside the project's sources"),
        ("link-to-docs/sub", "is, contains or is inside the project's sources"),
    ],
)
def test_a_target_in_or_around_the_sources_is_refused(target, why, tmp_path):
    project = project_copy(tmp_path / "project")
    shutil.copytree(ROOT / "license", project / "license")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / "link-to-license").symlink_to(project / "license")
    (project / "link-to-docs").symlink_to(project / "docs")
    before = tree(tmp_path)
    line = one_line_refusal(run_build(project, project / target))
    assert why in line
    assert tree(tmp_path) == before  # nothing created, moved or deleted


@pytest.mark.parametrize(
    "content",
    [{"notes.txt": b"mine"}, {"sub/deep.txt": b"x"}, {"index.html": b"<p>someone else's</p>"}, {".hidden": b""}],
    ids=["a-file", "a-subfolder", "index-only", "a-dotfile"],
)
def test_a_non_empty_folder_that_is_not_a_build_is_refused(content, tmp_path):
    target = tmp_path / "out"
    for name, data in content.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    before = tree(tmp_path)
    line = one_line_refusal(run_build(ROOT, target))
    why = f"is a non-empty folder that is not a previous build (no {MARKER}); empty it or choose another folder"
    assert line == f"build.py: refused: {target} {why}"
    assert tree(tmp_path) == before


def test_a_symlink_loop_as_target_is_refused(tmp_path):
    (tmp_path / "out").symlink_to(tmp_path / "out")
    line = one_line_refusal(run_build(ROOT, tmp_path / "out"))
    assert line.startswith(f"build.py: refused: cannot resolve {tmp_path / 'out'}: ")
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("kind", ["file", "symlink-to-file"])
def test_a_target_that_is_a_file_is_refused(kind, tmp_path):
    (tmp_path / "real").write_text("keep me")
    target = tmp_path / "out"
    if kind == "file":
        target.write_text("keep me")
    else:
        target.symlink_to(tmp_path / "real")
    before = tree(tmp_path)
    line = one_line_refusal(run_build(ROOT, target))
    assert line.endswith("exists and is not a folder")
    assert tree(tmp_path) == before


def test_help_prints_usage():
    result = subprocess.run([sys.executable, "scripts/build.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: build.py [-h] [--config-file CONFIG_FILE] [--release] [site]")


# --- atomic publication ------------------------------------------------------------------


def place(site: Path, source: Path) -> str:
    shutil.copytree(source, site, symlinks=True)
    return digest(site)


def assert_clean_next_build(project: Path, site: Path, new_site: Path) -> None:
    """The next build publishes and removes whatever the faulty one left beside the site."""
    result = run_build(project, site, stub=new_site)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    assert (site / "index.html").read_text(encoding="utf-8").endswith("<!-- new -->\n")


@pytest.mark.parametrize(
    ("fault", "published"),
    [
        ("exchange:before:kill", "old"),
        ("exchange:after:kill", "new"),
        ("exchange:before:eio", "old"),
        ("exchange:after:eio", "new"),  # the kernel swapped, then an error: the new site is whole
        ("make_public:before:kill", "old"),
        ("make_public:before:eio", "old"),
        ("unlink:before:kill", "new"),  # killed while removing the old site
        ("unlink:before:eio", "new"),
        ("remove_tree:before:kill", "new"),
    ],
)
def test_a_fault_at_any_step_of_the_swap_leaves_a_whole_site(fault, published, project, old_site, new_site, tmp_path):
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    expected = {"old": place(site, old_site)}
    result = run_build(project, site, fault=fault, stub=new_site)
    if fault.endswith(":kill"):
        assert result.returncode == -signal.SIGKILL
    elif fault.startswith(("exchange:", "make_public:")):
        assert result.returncode == 1
        assert "injected I/O error" in result.stderr
    assert site.is_dir() and not site.is_symlink()
    if published == "old":
        assert digest(site) == expected["old"]
    else:
        assert (site / "index.html").read_text(encoding="utf-8").endswith("<!-- new -->\n")
        assert (site / MARKER).is_file()
    if fault.endswith(":eio") and fault.startswith(("exchange", "make_public")):
        assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # the failed build cleaned up after itself
    assert_clean_next_build(project, site, new_site)


@pytest.mark.parametrize(
    ("fault", "site_after"),
    [("rename:before:kill", False), ("rename:after:kill", True), ("rename:before:eio", False), ("rename:after:eio", True)],
)
def test_a_fault_in_the_first_publication(fault, site_after, project, new_site, tmp_path):
    """With no site yet, the fresh folder is renamed into place: the site is absent or whole."""
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    result = run_build(project, site, fault=fault, stub=new_site)
    assert result.returncode != 0
    assert site.exists() == site_after
    if site_after:
        assert (site / "index.html").read_text(encoding="utf-8").endswith("<!-- new -->\n")
    assert_clean_next_build(project, site, new_site)


@pytest.mark.parametrize("fault", ["rename:before:kill", "rename:after:kill", "rename:before:eio", "rename:after:eio"])
def test_a_plain_rename_never_replaces_an_existing_site(fault, project, old_site, new_site, tmp_path):
    """Two renames (site out of the way, then fresh in) would leave a moment without a site."""
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    before = place(site, old_site)
    run_build(project, site, fault=fault, stub=new_site)
    assert site.is_dir()
    assert digest(site) == before or (site / "index.html").read_text(encoding="utf-8").endswith("<!-- new -->\n")
    assert_clean_next_build(project, site, new_site)


def test_an_older_unmarked_build_is_replaced_once(project, old_site, new_site, tmp_path):
    site = tmp_path / "site"
    place(site, old_site)
    (site / MARKER).unlink()  # what build.py wrote before builds were marked
    result = run_build(project, site, stub=new_site)
    assert result.returncode == 0, result.stderr
    assert (site / MARKER).is_file()
    assert (site / "index.html").read_text(encoding="utf-8").endswith("<!-- new -->\n")


@pytest.mark.parametrize("own", ["important.txt", "photos", ".git"])
def test_a_folder_like_an_old_build_but_with_files_of_its_own_is_refused(project, old_site, new_site, tmp_path, own):
    site = tmp_path / "site"
    place(site, old_site)
    (site / MARKER).unlink()
    (site / own).mkdir() if own != "important.txt" else (site / own).write_text("data\n", encoding="utf-8")
    before = (site / "index.html").read_bytes()
    result = run_build(project, site, stub=new_site)
    assert result.returncode == 2
    assert "is a non-empty folder that is not a previous build" in result.stderr
    assert (site / own).exists()
    assert (site / "index.html").read_bytes() == before


def test_an_empty_folder_is_built_into(project, new_site, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    assert run_build(project, site, stub=new_site).returncode == 0
    assert (site / MARKER).is_file()


# --- permissions --------------------------------------------------------------------------


def modes(site: Path) -> set[tuple[str, int]]:
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in [site, *site.rglob("*")]}


def test_the_published_site_is_world_readable_whatever_the_mkdocs_output(project, new_site, tmp_path):
    site = tmp_path / "site"
    assert run_build(project, site, stub=new_site).returncode == 0  # the stand-in is all 0700/0600
    assert modes(site) == {("dir", 0o755), ("file", 0o644)}


def test_the_published_site_is_world_readable_under_a_strict_umask(project, tmp_path):
    site = tmp_path / "site"
    result = run_build(project, site, preexec_fn=lambda: os.umask(0o077))
    assert result.returncode == 0, result.stderr[-2000:]
    assert modes(site) == {("dir", 0o755), ("file", 0o644)}


# --- interrupted builds ---------------------------------------------------------------------


def proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None


def gone(pid: int) -> bool:
    """True once the process has exited (a zombie waiting for its reaper counts as gone)."""
    fields = proc_stat(pid)
    return fields is None or fields[0] in ("Z", "X")


def cpu_seconds(pid: int) -> float:
    fields = proc_stat(pid)
    return 0.0 if fields is None else (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pending(pid: int) -> int:
    """The set of signals waiting for PID, as a bit mask (signal n is bit n - 1); 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            fields = dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)
    except FileNotFoundError:
        return 0
    return int(fields["SigPnd"], 16) | int(fields["ShdPnd"], 16)


def stop_midway(pid: int, build: subprocess.Popen) -> None:
    """Stop mkdocs once it has spent 0.3 s of CPU, well before the end of a build (about 1 s):
    how far it got depends on its own progress, not on how busy the machine is."""
    deadline = time.monotonic() + 60
    while cpu_seconds(pid) < 0.3:
        assert time.monotonic() < deadline and not gone(pid) and build.poll() is None, "mkdocs ended too soon"
        time.sleep(0.01)
    os.kill(pid, signal.SIGSTOP)


@pytest.mark.parametrize(
    ("sig", "group"),
    [
        (signal.SIGKILL, False),
        (signal.SIGTERM, False),
        (signal.SIGHUP, False),
        (signal.SIGINT, False),
        (signal.SIGINT, True),
        (signal.SIGTERM, True),
        (signal.SIGKILL, True),
    ],
    ids=["sigkill-build", "sigterm-build", "sighup-build", "sigint-build", "sigint-group", "sigterm-group", "sigkill-group"],
)
def test_an_interrupted_build_leaves_nothing_and_its_mkdocs_dies(sig, group, project, old_site, new_site, tmp_path):
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    before = place(site, old_site)
    pidfile = tmp_path / "mkdocs.pid"
    cmd = [sys.executable, "-c", DRIVER, str(project), str(site), "-", "-", str(pidfile)]
    # as from a terminal: a shell's background job (nohup … &) starts with SIGINT ignored
    foreground = lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)  # noqa: E731
    build = subprocess.Popen(
        cmd, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=foreground
    )
    deadline = time.monotonic() + 60
    while not pidfile.exists() or not pidfile.read_text():
        assert time.monotonic() < deadline and build.poll() is None, "mkdocs never started"
        time.sleep(0.05)
    child = int(pidfile.read_text())
    stop_midway(child, build)
    try:
        if group:
            os.killpg(build.pid, sig)
        else:
            build.send_signal(sig)
        if sig != signal.SIGKILL:
            # build.py stops mkdocs with SIGTERM; mkdocs, stopped, holds it pending until it goes on
            deadline = time.monotonic() + 5  # build.py's own fallback, SIGKILL, comes after 10 s
            while not gone(child) and not pending(child) & 1 << (signal.SIGTERM - 1):
                assert time.monotonic() < deadline, "build.py did not stop mkdocs"
                time.sleep(0.01)
    finally:  # never leave a stopped mkdocs behind, whatever failed
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGCONT)
    build.wait(timeout=30)
    build.stderr.close()
    assert build.returncode == (-sig if sig == signal.SIGKILL else 128 + sig)
    killed_at = time.monotonic()
    while not gone(child):
        assert time.monotonic() - killed_at < 5, "mkdocs outlived build.py"
        time.sleep(0.05)
    assert digest(site) == before
    left = [p for p in site.parent.iterdir() if p.name != "site"]
    if sig == signal.SIGKILL:
        # Nothing can clean up after SIGKILL, but mkdocs died with build.py: no site was finished there.
        assert all(not (p / "sitemap.xml").exists() for p in left)
    else:
        assert left == []
    assert_clean_next_build(project, site, new_site)


def test_two_builds_into_the_same_place_do_not_interleave(project, new_site, tmp_path):
    import fcntl

    site = tmp_path / "site"
    fd = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a running build holds it
        line = one_line_refusal(run_build(project, site, stub=new_site))
        assert line == f"build.py: refused: another build into {tmp_path} is running"
    finally:
        os.close(fd)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["site", "out/deeper/site"])
def test_a_new_folder_inside_the_project_but_outside_the_sources_is_built_into(target, project, new_site):
    site = project / target
    try:
        result = run_build(project, site, stub=new_site)
        assert result.returncode == 0, result.stderr
        assert (site / MARKER).is_file()
    finally:
        shutil.rmtree(project / target.split("/")[0])


@pytest.mark.parametrize(
    ("name", "make", "finding"),
    [
        ("zh.md", lambda p: p.symlink_to("/dev/zero"), "zh.md:1: FILE-NOT-REGULAR -: is a character device, not a regular file"),
        ("en.md", os.mkfifo, "en.md:1: FILE-NOT-REGULAR -: is a FIFO, not a regular file"),
        ("errata.yaml", lambda p: p.mkdir(), "errata.yaml:1: FILE-NOT-REGULAR -: is a directory, not a regular file"),
    ],
    ids=["zh-dev-zero", "en-fifo", "errata-directory"],
)
def test_the_build_refuses_an_unsafe_source_and_keeps_the_site(name, make, finding, old_site, tmp_path):
    project = project_copy(tmp_path / "project")
    shutil.copytree(ROOT / "license", project / "license")
    (project / "license" / name).unlink()
    make(project / "license" / name)
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    before = place(site, old_site)
    result = run_build(project, site)  # a read of /dev/zero or a FIFO would hang until the timeout
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"license/{finding}" in output
    assert "Traceback" not in output
    assert digest(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
