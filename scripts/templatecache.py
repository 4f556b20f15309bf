"""The theme's templates, compiled once: per dev-server process, or on disk for builds.

The dev server loads the configuration afresh for every rebuild, and with it a new
Jinja2 environment that lists every file of the theme (Material ships thousands of
icons) and compiles its templates again: the largest part of a rebuild. Compiled code
is kept with each template's checksum, so an edited template recompiles; the
listing is kept as it was when the server started (the theme is not edited here).

A build is a process of its own: `on_disk` keeps the compiled code in a per-user folder
(Jinja2's own FileSystemBytecodeCache, which checks each template's checksum and writes
atomically), so only the first build after a change of template compiles it.

Either way the listing leaves out hidden folders, which MkDocs never copies.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()
LISTINGS: dict[tuple[str, ...], list[str]] = {}


def visible_templates(loader: FileSystemLoader) -> list[str]:
    """What `loader.list_templates()` lists, but for what hidden folders hold.

    MkDocs lists the theme only to copy its static files, and its filter drops every
    hidden path; Material keeps its 14,000 icons in `.icons/`, read by name (never listed),
    so walking them is most of the listing's cost, for nothing.
    """
    found: set[str] = set()
    for top in loader.searchpath:
        for folder, dirs, names in os.walk(top, followlinks=loader.followlinks):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                found.add(os.path.join(folder, name)[len(top) :].strip(os.sep).replace(os.sep, "/").removeprefix("./"))
    return sorted(found)


def reusing(make_env: Callable[[], Environment]) -> Callable[[], Environment]:
    """Wrap a theme's `get_env` so that its environments share compiled code and listing."""

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = CACHE
        loader = env.loader
        if isinstance(loader, FileSystemLoader):
            key = tuple(map(str, loader.searchpath))
            if key not in LISTINGS:
                LISTINGS[key] = visible_templates(loader)
            listing = LISTINGS[key]
            loader.list_templates = lambda: listing
        return env

    return get_env


def on_disk(make_env: Callable[[], Environment], folder: Path) -> Callable[[], Environment]:
    """Wrap a theme's `get_env` so that its environments keep compiled code in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    cache = FileSystemBytecodeCache(str(folder))

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache
        loader = env.loader
        if isinstance(loader, FileSystemLoader):
            loader.list_templates = lambda: visible_templates(loader)
        return env

    return get_env
