"""Where jieba keeps its prefix-dictionary cache: per user, never a shared temp folder.

jieba's default, `/tmp/jieba.cache`, belongs to the first user who built; every later
user then fails to replace it and leaves a 9 MB `/tmp/tmp*` file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "baichuan-7b-license"


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/baichuan-7b-license/jieba` (default `~/.cache/…`), created if missing."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / APP / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


def use_user_cache(jieba_module) -> Path:
    """Point jieba's default tokenizer at the per-user cache; returns the folder."""
    path = cache_dir()
    jieba_module.dt.tmp_dir = str(path)
    return path
