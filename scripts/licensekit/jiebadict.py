"""jieba, the Chinese segmenter of the site's search: a dictionary trimmed to the site's
text, and a cache per user.

Loading jieba's full dictionary (350,000 words) is most of a build's time, yet the site
uses about a thousand of them. `trimmed()` keeps every dictionary word that occurs
inside a run of Han characters of the sources (the runs Material's search segments),
with the same frequencies and the same total, so that every run segments exactly as
with the full dictionary. The file is generated on each build when the sources change,
into the per-user cache, and never committed.

jieba's default cache, `/tmp/jieba.cache`, belongs to the first user who built; every
later user then fails to replace it and leaves a 9 MB `/tmp/tmp*` file behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

import backrefs.bre as bre
import jieba

from . import usercache

HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # what Material's search hands to jieba
# Where the site's text comes from: the license, the hand-written pages, the navigation
# and the strings of the page generators.
SOURCES = ("license/**/*.md", "license/**/*.yaml", "docs/**/*.md", "scripts/**/*.py", "scripts/**/*.html", "mkdocs.yml")
FILLER = "\ue000"  # a private-use character: never in a text, it carries the dropped words' frequency


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/baichuan-7b-license/jieba` (default `~/.cache/…`), created if missing."""
    return usercache.folder("jieba")


def use_user_cache() -> Path:
    """Point jieba's default tokenizer's cache at the per-user folder; returns the folder."""
    path = cache_dir()
    jieba.dt.tmp_dir = str(path)
    return path


# Markdown's link targets, attributes and emphasis, and all whitespace: on the site, text
# on either side of them can be one run ("[模型衍生品](#id)用作" reads "模型衍生品用作").
# Joining too much only keeps more words; splitting a run the site has would lose some.
JOINS = re.compile(r"\]\([^)]*\)|\{[#.][^}]*\}|[\[\]*_`#>]|\s+")
SPACE = re.compile(r"\s+")


def source_files(root: Path) -> list[Path]:
    return sorted(p for pattern in SOURCES for p in root.glob(pattern))


def _text(path: Path) -> str:
    """A source's text, with markup and whitespace removed."""
    return (JOINS if path.suffix in (".md", ".yaml") else SPACE).sub("", path.read_bytes().decode(errors="replace"))


def source_texts(root: Path) -> list[str]:
    """The text of every source of the site's words, with markup and whitespace removed."""
    return [_text(p) for p in source_files(root)]


def han_runs(texts: Iterable[str]) -> set[str]:
    return {run for text in texts for run in HAN.findall(text)}


# The runs of each source file read in this process, by (path, size, modification time):
# the dev server reads again only the file that was saved.
_FILE_RUNS: dict[str, set[str]] = {}


def source_runs(root: Path) -> list[str]:
    """The sorted Han runs of the sources under `root`, remembered under a key of every
    source's path, size and modification time (this module among them): reading them all
    is most of the time the dictionary takes, and a rebuild changes one file, if any."""
    stats = {}
    for path in source_files(root):
        info = path.stat()
        stats[f"{path.resolve()}\0{info.st_size}\0{info.st_mtime_ns}"] = path
    key = hashlib.sha256("\n".join(stats).encode(errors="surrogateescape")).hexdigest()[:16]
    kept = cache_dir() / f"runs-{key}.json"
    try:
        runs = json.loads(kept.read_bytes())
        if isinstance(runs, list) and all(isinstance(run, str) for run in runs):
            return runs
    except (OSError, ValueError):
        pass  # not made yet, or unreadable: read the sources
    found: set[str] = set()
    for stat, path in stats.items():
        if stat not in _FILE_RUNS:
            _FILE_RUNS[stat] = han_runs([_text(path)])
        found |= _FILE_RUNS[stat]
    runs = sorted(found)
    _write(kept, json.dumps(runs))
    return runs


def _write(path: Path, text: str) -> None:
    fresh = path.with_name(f".{path.name}.{os.getpid()}")
    fresh.write_bytes(text.encode())
    fresh.replace(path)  # atomic: a concurrent build never reads half a file


def full_dictionary() -> Path:
    return Path(jieba.__file__).parent / "dict.txt"


def trimmed(runs: set[str], full: Iterable[str]) -> str:
    """The lines of the dictionary `full` whose word occurs in one of `runs`, then a
    filler line that keeps the total frequency (jieba's scores divide by it)."""
    entries = [(line, line.split(maxsplit=1)) for line in full if line.strip()]
    longest = max(len(word) for _, (word, _rest) in entries)
    wanted = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, min(len(run), i + longest) + 1)}
    kept, dropped = [], 0
    for line, (word, rest) in entries:
        if word in wanted:
            kept.append(line.rstrip("\n"))
        else:
            dropped += int(rest.split()[0])
    return "\n".join([*kept, f"{FILLER} {dropped} x"]) + "\n"


def dictionary(root: Path) -> Path:
    """The trimmed dictionary for the sources under `root`, generated when they changed."""
    runs = source_runs(root)
    full = full_dictionary()
    key = hashlib.sha256("\n".join([jieba.__version__, str(full.stat().st_size), *runs]).encode()).hexdigest()[:16]
    path = cache_dir() / f"dict-{key}.txt"
    if not path.exists():
        _write(path, trimmed(set(runs), full.read_bytes().decode().splitlines()))
    return path
