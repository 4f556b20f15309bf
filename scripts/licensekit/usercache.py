"""The per-user cache folder: `$XDG_CACHE_HOME/baichuan-7b-license/` (default `~/.cache/…`).

What is kept there is derived from the sources and keyed by their content (jieba's
trimmed dictionary, compiled templates, data already found valid), so deleting it
costs one slower build and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "baichuan-7b-license"


def folder(name: str) -> Path:
    """The cache's sub-folder NAME, created if missing."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / APP / name
    path.mkdir(parents=True, exist_ok=True)
    return path
