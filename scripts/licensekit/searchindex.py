"""What the site's search engine (docs/assets/search-worker.js) needs beside the index
that the theme's search plugin writes: the kind of every entry, and a table that maps the
traditional form of each character in the license to the simplified one.

Plain functions of data; `scripts/mkdocs_hooks.py` applies them to the built site.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from . import usercache

if TYPE_CHECKING:
    import opencc

# Where the theme points its pages at its own search worker (a path relative to the page).
THEME_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
WORKER = "assets/search-worker.js"

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SECTION = re.compile(r"^(?:s\d+|appendix)$")
DEFINITION = re.compile(r"^s1-[a-z]")
READING_PAGES = ("zh/", "en/")
# The marks after a clause's text that link to its notes ([译注], [erratum]): were they
# indexed, every clause would match "note" and "译注".
MARKER = re.compile(r"<sup>.*?</sup>")


def kind(location: str) -> str:
    """page, heading (a section's bare heading), definition, clause (on a reading page) or note."""
    page, _, anchor = location.partition("#")
    if not anchor:
        return "page"
    if page not in READING_PAGES:
        return "note"
    if SECTION.match(anchor):
        return "heading"
    return "definition" if DEFINITION.match(anchor) else "clause"


@cache
def _converters() -> tuple[opencc.OpenCC, ...]:
    import opencc  # here: a build whose table is remembered (`remembered`) needs no converter

    # Taiwan and Hong Kong forms as well as OpenCC's standard traditional characters.
    return tuple(opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk"))


def traditional(text: str) -> dict[str, str]:
    """Traditional character -> simplified, for each Han character in `text` that has one."""
    table: dict[str, str] = {}
    for char in sorted(set(HAN.findall(text))):
        for converter in _converters():
            form = converter.convert(char)
            if len(form) == 1 and form != char:
                table[form] = char
    return table


@cache
def _opencc_version() -> str:
    """The installed OpenCC, from the name of its dist-info folder: no import needed."""
    spec = find_spec("opencc")
    if spec is None or spec.origin is None:
        return ""
    site = Path(spec.origin).parent.parent
    return " ".join(sorted(n for n in os.listdir(site) if n.lower().startswith("opencc") and n.endswith(".dist-info")))


@cache
def remembered(chars: str) -> dict[str, str]:
    """`traditional(chars)`, kept in the per-user cache under a key of the characters and
    OpenCC's version: loading OpenCC's tables is most of the work, the same on every build."""
    key = hashlib.sha256(f"{_opencc_version()}\0{chars}".encode()).hexdigest()[:16]
    path = None
    try:
        path = usercache.folder("opencc") / f"traditional-{key}.json"
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return kept
    except (OSError, ValueError):
        pass  # not made yet, or unreadable: made again
    table = traditional(chars)
    if path is not None:
        try:
            fresh = path.with_name(f".{path.name}.{os.getpid()}")
            fresh.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
            fresh.replace(path)  # atomic: a concurrent build never reads half a file
        except OSError:
            pass  # a read-only cache costs time, nothing else
    return table


def enrich(index: dict) -> dict:
    """The theme's search index with a kind per entry, and in its config the traditional
    table for the text it indexes (the theme passes only `config` and `docs` to the worker)."""
    docs = [{**doc, "text": MARKER.sub("", doc["text"]), "kind": kind(doc["location"])} for doc in index["docs"]]
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    config = {**index["config"], "traditional": dict(remembered("".join(sorted(set(HAN.findall(text))))))}
    return {**index, "config": config, "docs": docs}


def retarget(html: str) -> str:
    """A page that starts the site's search worker instead of the theme's."""
    return THEME_WORKER.sub(WORKER, html)
