"""From a file's text to the license's words: markup stripped, page furniture removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

from markdown_it import MarkdownIt

from .normalise import IGNORED, canonical

WHITESPACE = "".join(sorted(IGNORED))

_HTML = re.compile(r"<(?:!doctype|html|head|body|p|div|br|h[1-6]|li|ol|ul|span|section|article|pre|table)\b", re.IGNORECASE)
_MD = re.compile(r"^(?:#{1,6} |```|[ \t]{0,3}(?:[-*+] |>[ \t])|.*\]\([^) \t]*\)|.*\*\*[^ \t])", re.MULTILINE)
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
}  # fmt: skip
# A line (stripped) that is nothing but a page number: "3", "- 3 -", "第 3 页", "第3页 共9页",
# "Page 3 of 9", "3 / 9". ASCII classes only, so that every regex engine reads it alike.
PAGE_NUMBER = re.compile(
    r"^(?:[-–—] *)?[0-9]{1,4}(?: *[-–—])?$|^第 *[0-9]{1,4} *页(?: *[,，/]? *共 *[0-9]{1,4} *页)?$"
    r"|^(?:page|p\.) *[0-9]{1,4}(?: *(?:of|/) *[0-9]{1,4})?$|^[0-9]{1,4} */ *[0-9]{1,4}$",
    re.IGNORECASE,
)
# A running header or footer: a short line seen this often (digits aside) beside page breaks.
HEADER_REPEATS = 2
HEADER_MAX_CHARS = 60
TITLE_MAX_CHARS = 200


@dataclass
class Extracted:
    text: str
    format: str  # text | markdown | html
    page_numbers: int = 0
    headers: list[tuple[str, int]] = field(default_factory=list)  # (line, lines removed)


def detect(text: str, name: str = "") -> str:
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")) or _HTML.search(text[:4096]):
        return "html"
    # A page number such as "- 3 -" is not a Markdown list item.
    probe = "\n".join(line for line in lines_of(text) if not PAGE_NUMBER.match(_strip(line)))
    if lower.endswith((".md", ".markdown")) or _MD.search(probe):
        return "markdown"
    return "text"


# What is never the license's text in a page: code, page chrome, hidden parts.
HTML_DROP = "script, style, template, noscript, head, nav, header, footer, aside, button, form, svg, [hidden], [aria-hidden=true]"
# This site's own pages (/zh/, /en/, /parallel/): the license is inside SITE_ROOT; the
# header block, editorial captions, clause links, note and erratum marks and the notice are ours.
SITE_ROOT = "div.license-text, div.license-parallel"
# What joins two languages' versions of one thing, as in "中文 · English".
SEPARATORS = "·・|/"
SITE_DROP = ".license-header, .clause-caption, .headerlink, .note-mark, .erratum-mark, .license-switch, .license-notice"


def _lang(tag) -> str:
    return str(tag.get("lang") or "").lower().split("-")[0]


def html_text(html: str, drop_lang: str = "") -> str:
    """The text of an HTML page; with `drop_lang` ("en", "zh"), without the elements in
    that language (a page with both languages side by side)."""
    # Imported here: a site build reads this module's tables (the /verify/ page's data), never a page.
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    roots = soup.select(SITE_ROOT)
    if roots:
        soup = BeautifulSoup("".join(str(r) for r in roots), "html.parser")
        for tag in soup.select(SITE_DROP):
            tag.decompose()
    for tag in soup.select(HTML_DROP):
        tag.decompose()
    if drop_lang:
        # An element in the other language, unless it is quoted inside this one's text
        # (the English names the licensor in Chinese).
        for tag in soup.find_all(lang=True):
            if not tag.decomposed and _lang(tag) == drop_lang and all(_lang(p) in ("", drop_lang) for p in tag.parents):
                for side in (tag.previous_sibling, tag.next_sibling):
                    if isinstance(side, NavigableString) and side.strip(WHITESPACE + SEPARATORS) == "" and side.strip(WHITESPACE):
                        side.replace_with(" ")  # the "·" between "中文 · English"
                tag.decompose()
    for ol in soup.find_all("ol"):
        given = str(ol.get("start"))  # "None" when there is none: not a number either
        start = int(given) if given.isdigit() else 1
        for i, li in enumerate(ol.find_all("li", recursive=False)):
            li.insert(0, NavigableString(f"{start + i}. "))
    for tag in soup.find_all(_BLOCKS):
        tag.insert_after(NavigableString("\n"))
    return soup.get_text("")


_MDIT = MarkdownIt("commonmark")


def markdown_text(source: str) -> str:
    """The text of a Markdown document; an ordered list item keeps its number as written."""
    out: list[str] = []
    for tok in _MDIT.parse(source):
        if tok.type == "list_item_open" and tok.info:
            out.append(f"{tok.info}{tok.markup} ")
        elif tok.type == "inline":
            for child in tok.children or []:
                if child.type in ("text", "code_inline"):
                    out.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    out.append("\n")
                elif child.type == "image":
                    out.append(child.content)
            out.append("\n")
        elif tok.type in ("fence", "code_block"):
            out.append(tok.content + "\n")
        elif tok.type == "html_block":
            out.append(html_text(tok.content))
    return "".join(out)


def lines_of(text: str) -> list[str]:
    """Lines split at CR LF, CR or LF only (as every implementation splits them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _strip(line: str) -> str:
    return line.strip(WHITESPACE)


def strip_furniture(text: str, keep: frozenset[str] = frozenset()) -> tuple[str, int, list[tuple[str, int]]]:
    """The text without page furniture: lines that are page numbers; and running headers
    and footers, that is repeats of a line of the license's title (the first stays), and
    short lines seen twice or more (digits aside) within two lines of a page break (a
    page-number line or a form feed)."""
    lines = lines_of(text)
    stripped = [_strip(line) for line in lines]
    page = [bool(PAGE_NUMBER.match(s)) for s in stripped]
    breaks = [i for i, line in enumerate(lines) if page[i] or "\f" in line]
    near = [False] * len(lines)
    for b in breaks:
        for step in (-1, 1):
            i, seen = b + step, 0
            while 0 <= i < len(lines) and seen < 2:
                if stripped[i] and not page[i]:
                    near[i] = True
                    seen += 1
                i += step
    keys = [re.sub(r"[0-9]+", "#", s) if s and len(s) <= HEADER_MAX_CHARS else "" for s in stripped]
    counts = Counter(k for k in compress(keys, near) if k)
    titles = [bool(s) and len(s) <= TITLE_MAX_CHARS and canonical(s) in keep for s in stripped]
    removed: Counter = Counter()
    first: dict[str, str] = {}
    kept: list[str] = []
    pages = 0
    title_seen = False
    for i, line in enumerate(lines):
        if page[i]:
            pages += 1
            continue
        header = titles[i] and title_seen or (not titles[i] and near[i] and counts[keys[i]] >= HEADER_REPEATS)
        title_seen = title_seen or titles[i]
        if header:
            removed[keys[i]] += 1
            first.setdefault(keys[i], stripped[i])
            continue
        kept.append(line)
    headers = [(first[k], n) for k, n in sorted(removed.items())]
    return "\n".join(kept), pages, headers


def extract(text: str, name: str = "", fmt: str = "auto", keep: frozenset[str] = frozenset(), drop_lang: str = "") -> Extracted:
    """The text to compare; `drop_lang` leaves out an HTML page's elements in that language."""
    fmt = detect(text, name) if fmt == "auto" else fmt
    body = html_text(text, drop_lang) if fmt == "html" else markdown_text(text) if fmt == "markdown" else text
    body, pages, headers = strip_furniture(body, keep)
    return Extracted(body, fmt, pages, headers)
