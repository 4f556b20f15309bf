"""A build for publishing refuses the placeholder address, and says how to set the real one."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from casebook import ROOT
from licensekit.release import is_release, placeholder_problem, release_error

PLACEHOLDER = "https://baichuan-7b-license.example.org/"


@pytest.mark.parametrize("env", [{"CI": "true"}, {"CI": "1"}, {"LICENSEKIT_RELEASE": "1"}, {"CI": "yes", "LICENSEKIT_RELEASE": "0"}])
def test_release_builds(env):
    assert is_release(env)


@pytest.mark.parametrize("env", [{}, {"CI": ""}, {"CI": "false"}, {"CI": "0", "LICENSEKIT_RELEASE": "no"}])
def test_preview_builds(env):
    assert not is_release(env)
    assert release_error(PLACEHOLDER, env) is None


@pytest.mark.parametrize(
    "url", [PLACEHOLDER, "https://example.org/", "http://docs.example.com/license/", "https://a.b.example.net/", "/relative/", ""]
)
def test_placeholders_are_refused(url):
    assert placeholder_problem(url)
    message = release_error(url, {"CI": "true"})
    assert "SITE_URL=https://owner.github.io/repo/" in message


@pytest.mark.parametrize("url", ["https://owner.github.io/repo/", "https://license.baichuan-ai.com/", "https://notexample.org/"])
def test_real_addresses_pass(url):
    assert placeholder_problem(url) is None and release_error(url, {"CI": "true"}) is None


def build(site, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "LICENSEKIT_RELEASE", "SITE_URL")}
    args = [sys.executable, str(ROOT / "scripts/build.py"), *(["--release"] if env.pop("release", False) else []), str(site)]
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={**clean, "NO_MKDOCS_2_WARNING": "1", **env})


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


def test_a_release_build_with_an_address_writes_it_everywhere(tmp_path):
    result = build(tmp_path / "site", release=True, SITE_URL="https://owner.github.io/repo/")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "site/license.json").read_text(encoding="utf-8")
    assert "https://owner.github.io/repo/zh/#s2-2" in text and "example.org" not in text
