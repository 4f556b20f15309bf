"""Which release a build comes from: the git tag at HEAD (each release is a tag) and the commit.

`license.json` carries both, so that a downloaded copy says what it was built from.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def _git(root: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def describe(root: Path) -> dict[str, str | None]:
    """`{"tag": …, "commit": …}`: the tag pointing at HEAD (None between releases) and
    HEAD's full hash (None outside a git checkout). A change not yet committed is not told."""
    commit = _git(root, "rev-parse", "--verify", "HEAD^{commit}")
    tag = _git(root, "describe", "--tags", "--exact-match", "HEAD") if commit else None
    return {"tag": tag, "commit": commit}
