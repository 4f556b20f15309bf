"""Build the site so that neither a failed nor an interrupted build harms the tree or the site.

`python scripts/build.py [SITE_DIR]` runs the site engine's `build --strict` into a fresh folder
beside SITE_DIR (default: site/) and publishes it only when the build succeeds:

- SITE_DIR may not be, contain or sit inside the project's sources, and may not be an
  existing non-empty folder other than a previous build (each build carries MARKER);
- the fresh folder replaces the site in one `renameat2(RENAME_EXCHANGE)` system call, so
  at every moment SITE_DIR is either the complete old site or the complete new one; the
  old site, swapped into the fresh folder's name, is removed afterwards;
- SIGINT, SIGTERM and SIGHUP stop the mkdocs child and remove the fresh folder; the child
  dies with this process even on SIGKILL, and folders left by a killed build are removed
  by the next one;
- the published site is world-readable: directories 0755, files 0644.

The exchange needs Linux 3.15+ and a file system that supports it (ext4, XFS, Btrfs,
tmpfs, overlayfs...). Where it is missing the build refuses to replace an existing site
rather than leave a moment without one.

`--release` (or CI set in the environment) makes a build for publishing: it refuses the
placeholder site_url.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import engine

ROOT = Path(__file__).resolve().parent.parent
MARKER = ".licensekit-build"
MARKER_TEXT = "Written by scripts/build.py; the next build replaces this folder.\n"
SOURCES = ("license", "docs", "scripts", "tests", ".git")
# What an unmarked site written by an older build.py holds: it may be replaced once.
LEGACY_BUILD = ("index.html", "license.json", "sitemap.xml")
LEGACY_NAMES = frozenset(
    {*LEGACY_BUILD, "404.html", "assets", "search", "sitemap.xml.gz", "zh", "en", "parallel", "notes", "downloads"}
    | {"license.zh.txt", "license.en.txt", "schema", "spdx", "scancode", "huggingface", "verify"}
)
RENAME_EXCHANGE = 2
AT_FDCWD = -100
PR_SET_PDEATHSIG = 1

_libc = ctypes.CDLL(None, use_errno=True)


class Refused(Exception):
    """The target folder is not safe to build into."""


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, raised like KeyboardInterrupt so that clean-up runs."""


def protected(root: Path, config: Path) -> tuple[list[Path], list[Path]]:
    """(folders the site may not be, contain or sit in; folders it may only sit in)."""
    inside_forbidden = [(root / name).resolve() for name in SOURCES]
    return inside_forbidden, [root.resolve(), config.resolve().parent]


def refusal(site: Path, root: Path, config: Path) -> str | None:
    """Why `site` (already resolved) may not be built into, or None when it may."""
    sources, containers = protected(root, config)
    for folder in containers:
        if folder.is_relative_to(site):
            return f"{site} is or contains the project ({folder}); choose another folder"
    for folder in sources:
        if site == folder or site.is_relative_to(folder) or folder.is_relative_to(site):
            return f"{site} is, contains or is inside the project's sources ({folder}); choose another folder"
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        return f"{site} exists and is not a folder"
    if site.is_dir() and any(site.iterdir()) and not is_build(site):
        return f"{site} is a non-empty folder that is not a previous build (no {MARKER}); empty it or choose another folder"
    return None


def is_build(folder: Path) -> bool:
    """A folder this script published: it has the marker, or is an older unmarked build,
    holding what a build writes and nothing else (a file of someone's own is never deleted)."""
    if (folder / MARKER).is_file():
        return True
    names = {p.name for p in folder.iterdir()}
    return all((folder / name).is_file() for name in LEGACY_BUILD) and names <= LEGACY_NAMES


def leftovers(site: Path) -> list[Path]:
    """Folders beside `site` that interrupted builds left: fresh builds and swapped-out sites."""
    pattern = re.compile(rf"\.{re.escape(site.name)}-(new-[A-Za-z0-9_]{{8}}|old)")
    return sorted(p for p in site.parent.iterdir() if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink())


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the site's parent folder, so two builds cannot interleave."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Refused(f"another build into {folder} is running") from None
        yield
    finally:
        os.close(fd)


def exchange(a: Path, b: Path) -> None:
    """Swap two paths in one system call: no moment where either is missing."""
    func = getattr(_libc, "renameat2", None)
    if func is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if func(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        if err == errno.EINVAL:
            raise OSError(err, "this file system cannot exchange two folders atomically (renameat2 RENAME_EXCHANGE)")
        raise OSError(err, os.strerror(err), str(a), None, str(b))


def rename(a: Path, b: Path) -> None:
    os.rename(a, b)


def remove_tree(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def make_public(folder: Path) -> None:
    """Directories 0755 and files 0644, whatever the umask and mkdtemp's 0700."""
    os.chmod(folder, 0o755)
    for path, dirs, files in os.walk(folder):
        for names, mode in ((dirs, 0o755), (files, 0o644)):
            for name in names:
                target = os.path.join(path, name)
                if not os.path.islink(target):  # a link's mode means nothing; its target is not ours
                    os.chmod(target, mode)


def publish(fresh: Path, site: Path) -> None:
    """Put the complete build `fresh` at `site`; afterwards `fresh` holds what is to delete."""
    if site.exists():
        exchange(fresh, site)
    else:
        rename(fresh, site)


def _die_with_parent(parent: int):
    def setup() -> None:
        # The kernel kills mkdocs if this process dies, even by SIGKILL.
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return setup if sys.platform == "linux" else None


def run_mkdocs(config: Path, dest: Path, release: bool = False) -> int:
    env = {**engine.environ(), **({"LICENSEKIT_RELEASE": "1"} if release else {})}
    cmd = engine.launcher("build", "--strict", "--config-file", str(config), "--site-dir", str(dest))
    child = subprocess.Popen(cmd, cwd=config.parent, env=env, preexec_fn=_die_with_parent(os.getpid()))
    try:
        return child.wait()
    except BaseException:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        raise


def build(site: Path, config: Path = ROOT / "mkdocs.yml", release: bool = False) -> int:
    """Build into a fresh folder beside `site` and publish it; 0 on success."""
    try:
        site = site.resolve()
        config = config.resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop
        raise Refused(f"cannot resolve {site}: {err}") from None
    problem = refusal(site, ROOT, config)
    if problem:
        raise Refused(problem)
    site.parent.mkdir(parents=True, exist_ok=True)
    with locked(site.parent):
        for folder in leftovers(site):
            remove_tree(folder)
        fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
        try:
            code = run_mkdocs(config, fresh, release)
            if code != 0:
                print(f"build failed; {site} is unchanged", file=sys.stderr)
                return code
            try:
                (fresh / MARKER).write_bytes(MARKER_TEXT.encode())
                make_public(fresh)
                publish(fresh, site)
            except OSError as err:  # a full disk, an I/O error: the site stays whole, old or new
                print(f"cannot publish the build: {err}; {site} still holds a whole site", file=sys.stderr)
                return 1
        finally:
            remove_tree(fresh)  # the failed build, or the old site swapped out of the way
    return 0


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the site with the site engine (strict) and publish it atomically; a failed build changes nothing.",
    )
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the folder to publish to (default: site/)")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--release", action="store_true", help="a build for publishing: refuse the placeholder site_url")
    args = parser.parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupted)
    try:
        return build(args.site, args.config_file, args.release)
    except Refused as err:
        print(f"build.py: refused: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("build.py: interrupted; the site holds the previous or the new build, never part of one", file=sys.stderr)
        return 128 + signal.SIGINT
    except Interrupted as err:
        print("build.py: stopped by a signal; the site holds the previous or the new build, never part of one", file=sys.stderr)
        return 128 + err.args[0]


if __name__ == "__main__":
    sys.exit(main())
