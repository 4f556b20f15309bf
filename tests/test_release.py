"""Releases: a build for publishing refuses the placeholder address and says how to set the
real one; each release is a git tag, and license.json names the tag and commit it was built from."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casebook import ROOT
from licensekit.release import describe, is_release, placeholder_problem, release_error

PLACEHOLDER = "https://baichuan-7b-license.example.org/"


@pytest.mark.parametrize("env", [{"CI": "true"}, {"CI": "1"}, {"LICENSEKIT_RELEASE": "1"}, {"CI": "yes", "LICENSEKIT_RELEASE": "0"}])
def test_release_builds(env):
    assert is_release(env)


@pytest.mark.parametrize("env", [{}, {"CI": ""}, {"CI": "false"}, {"CI": " False "}, {"CI": "0", "LICENSEKIT_RELEASE": "no"}])
def test_preview_builds(env):
    assert not is_release(env)
    assert release_error(PLACEHOLDER, env) is None


@pytest.mark.parametrize(
    "url", [PLACEHOLDER, "https://example.org/", "http://docs.example.com/license/", "https://a.b.example.net/", "/relative/", ""]
)
def test_placeholders_are_refused(url):
    problem = placeholder_problem(url)
    if url.startswith("http"):
        assert problem == f"site_url is the placeholder {url}"
    else:
        assert problem == f"site_url {url!r} is not an absolute URL"
    assert release_error(url, {"CI": "true"}) == (
        f"{problem}; a release build (CI is set, or --release) writes this address into every download. "
        "Set the published address with SITE_URL=https://owner.github.io/repo/ (or site_url in mkdocs.yml) and build again."
    )


@pytest.mark.parametrize("url", ["HTTPS://EXAMPLE.COM/", "https://Docs.Example.Org:8443/x/"])
def test_a_placeholder_in_capitals_or_with_a_port_is_refused(url):
    assert placeholder_problem(url) == f"site_url is the placeholder {url}"


@pytest.mark.parametrize(
    "url", ["https://owner.github.io/repo/", "https://license.baichuan-ai.com/", "https://notexample.org/", "https://example.org.cn/"]
)
def test_real_addresses_pass(url):
    assert placeholder_problem(url) is None and release_error(url, {"CI": "true"}) is None


def build(site, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "LICENSEKIT_RELEASE", "SITE_URL")}
    args = [sys.executable, str(ROOT / "scripts/build.py"), *(["--release"] if env.pop("release", False) else []), str(site)]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={**clean, "NO_MKDOCS_2_WARNING": "1", **env})


@pytest.mark.slow  # runs whole builds as processes
@pytest.mark.parametrize("how", [{"CI": "true"}, {"release": True}])
def test_a_release_build_refuses_the_placeholder_and_keeps_the_old_site(tmp_path, how):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous", encoding="utf-8")
    (site / ".licensekit-build").write_text("a previous build\n", encoding="utf-8")
    result = build(site, **how)
    assert result.returncode != 0
    output = result.stdout + result.stderr  # MkDocs prints the reason, build.py that it kept the site
    assert f"site_url is the placeholder {PLACEHOLDER}" in output and "SITE_URL=" in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous"


@pytest.mark.slow  # runs a whole build as a process
def test_a_release_build_with_an_address_writes_it_everywhere(tmp_path):
    result = build(tmp_path / "site", release=True, SITE_URL="https://owner.github.io/repo/")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "site/license.json").read_text(encoding="utf-8")
    assert "https://owner.github.io/repo/zh/#s2-2" in text and "example.org" not in text


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
