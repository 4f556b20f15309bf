"""Each release is a git tag; license.json names the tag and commit it was built from."""

from __future__ import annotations

import subprocess
from pathlib import Path

from licensekit.release import describe

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()


def commit(repo: Path, text: str) -> str:
    (repo / "file.txt").write_text(text, encoding="utf-8")
    git(repo, "add", "file.txt")
    git(repo, "commit", "-q", "-m", text)
    return git(repo, "rev-parse", "HEAD")


def test_between_releases_only_the_commit(tmp_path):
    git(tmp_path, "init", "-q")
    head = commit(tmp_path, "one")
    assert describe(tmp_path) == {"tag": None, "commit": head}


def test_annotated_and_lightweight_tags(tmp_path):
    git(tmp_path, "init", "-q")
    head = commit(tmp_path, "one")
    git(tmp_path, "tag", "v1.0.0")
    assert describe(tmp_path) == {"tag": "v1.0.0", "commit": head}
    head = commit(tmp_path, "two")
    git(tmp_path, "tag", "-a", "v1.1.0", "-m", "release 1.1.0")
    assert describe(tmp_path) == {"tag": "v1.1.0", "commit": head}


def test_a_commit_after_the_tag_is_no_release(tmp_path):
    git(tmp_path, "init", "-q")
    commit(tmp_path, "one")
    git(tmp_path, "tag", "v1.0.0")
    head = commit(tmp_path, "two")
    assert describe(tmp_path) == {"tag": None, "commit": head}


def test_outside_git_nothing_is_claimed(tmp_path):
    assert describe(tmp_path) == {"tag": None, "commit": None}
    git(tmp_path, "init", "-q")  # a repository without a commit yet
    assert describe(tmp_path) == {"tag": None, "commit": None}
