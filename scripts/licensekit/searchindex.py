"""What the site's search engine (docs/assets/search-worker.js) needs beside the index
that the theme's search plugin writes: the kind of every entry, and a table that maps the
traditional form of each character in the license to the simplified one.

Plain functions of data; `scripts/mkdocs_hooks.py` applies them to the built site.
"""

from __future__ import annotations

import re
from functools import cache

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


def enrich(index: dict) -> dict:
    """The theme's search index with a kind per entry, and in its config the traditional
    table for the text it indexes (the theme passes only `config` and `docs` to the worker)."""
    docs = [{**doc, "text": MARKER.sub("", doc["text"]), "kind": kind(doc["location"])} for doc in index["docs"]]
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    config = {**index["config"], "traditional": traditional(text)}
    return {**index, "config": config, "docs": docs}


def retarget(html: str) -> str:
    """A page that starts the site's search worker instead of the theme's."""
    return THEME_WORKER.sub(WORKER, html)
