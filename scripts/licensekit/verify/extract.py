"""From a file's text to the license's words: markup stripped, page furniture removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString
from markdown_it import MarkdownIt

from .normalise import normalise

_HTML = re.compile(r"<(?:!doctype|html|head|body|p|div|br|h[1-6]|li|ol|ul|span|section|article|pre|table)\b", re.IGNORECASE)
_MD = re.compile(r"^(?:#{1,6} |```|\s{0,3}(?:[-*+] |>\s)|.*\]\([^)\s]*\)|.*\*\*\S)", re.MULTILINE)
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
}  # fmt: skip
# A line that is nothing but a page number: "3", "- 3 -", "第 3 页", "第3页 共9页", "Page 3 of 9", "3 / 9".
PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
    r"|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^\d{1,4}\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)
# A running header or footer: a short line seen this often (digits aside) is page furniture.
HEADER_REPEATS = 3
HEADER_MAX_CHARS = 60


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
    if lower.endswith((".md", ".markdown")) or _MD.search(text):
        return "markdown"
    return "text"


def html_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "noscript", "head"]):
        tag.decompose()
    for ol in soup.find_all("ol"):
        start = int(ol.get("start", "1")) if str(ol.get("start", "1")).isdigit() else 1
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


def strip_furniture(text: str, keep: frozenset[str] = frozenset()) -> tuple[str, int, list[tuple[str, int]]]:
    """The text without page-number lines and running headers. A repeated line that is a
    piece of the license (`keep`, compared folded and without whitespace: the title) stays
    once."""
    lines = text.splitlines()
    keys = [re.sub(r"\d+", "#", line.strip()) for line in lines]
    counts = Counter(k for k in keys if k and len(k) <= HEADER_MAX_CHARS)
    seen: Counter = Counter()
    removed: Counter = Counter()
    first: dict[str, str] = {}
    kept: list[str] = []
    pages = 0
    for line, key in zip(lines, keys, strict=True):
        if PAGE_NUMBER.match(line.strip()):
            pages += 1
            continue
        if key and counts[key] >= HEADER_REPEATS:
            seen[key] += 1
            if seen[key] > 1 or normalise(line).canon not in keep:
                removed[key] += 1
                first.setdefault(key, line.strip())
                continue
        kept.append(line)
    headers = [(first[k], n) for k, n in sorted(removed.items(), key=lambda kv: kv[0])]
    return "\n".join(kept), pages, headers


def extract(text: str, name: str = "", fmt: str = "auto", keep: frozenset[str] = frozenset()) -> Extracted:
    fmt = detect(text, name) if fmt == "auto" else fmt
    body = html_text(text) if fmt == "html" else markdown_text(text) if fmt == "markdown" else text
    body, pages, headers = strip_furniture(body, keep)
    return Extracted(body, fmt, pages, headers)
