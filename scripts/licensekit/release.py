"""Releases: which one a build comes from, and what a build for publishing must not carry.

Each release is a git tag; `license.json` names the tag and the commit it was built from.
A build for publishing must not carry the placeholder address into every download.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

RESERVED = ("example.org", "example.com", "example.net")  # RFC 2606: never a real site
RELEASE_ENV = "LICENSEKIT_RELEASE"


def is_release(env: Mapping[str, str]) -> bool:
    """A release build: `--release` (which sets LICENSEKIT_RELEASE), or CI set as CI services set it."""
    return any(env.get(name, "").strip().lower() not in ("", "0", "false", "no") for name in (RELEASE_ENV, "CI"))


def placeholder_problem(site_url: str) -> str | None:
    """Why `site_url` cannot be published, or None."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    if not host:
        return f"site_url {site_url!r} is not an absolute URL"
    if any(host == r or host.endswith("." + r) for r in RESERVED):
        return f"site_url is the placeholder {site_url}"
    return None


def release_error(site_url: str, env: Mapping[str, str]) -> str | None:
    """The message that stops a release build, or None."""
    problem = placeholder_problem(site_url) if is_release(env) else None
    if problem is None:
        return None
    return (
        f"{problem}; a release build (CI is set, or --release) writes this address into every "
        "download. Set the published address with SITE_URL=https://owner.github.io/repo/ "
        "(or site_url in mkdocs.yml) and build again."
    )


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def describe(root: Path) -> dict[str, str | None]:
    """`{"tag": …, "commit": …}`: the tag pointing at HEAD (None between releases) and
    HEAD's full hash (None outside a git checkout). A change not yet committed is not told."""
    # A failing command is None whatever it printed: in a repository without a commit,
    # `rev-parse` prints its argument back before it fails.
    return {"tag": _git(root, "describe", "--tags", "--exact-match"), "commit": _git(root, "rev-parse", "HEAD^{commit}")}
