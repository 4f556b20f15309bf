"""The post-build audit: every built HTML page, read back as a browser would see it.

Defence in depth behind the templates and the docs check: a page fails if it holds a
script that is not the theme's or the project's own, an event-handler attribute, a
URL that can run script, a duplicate `id`, or an internal link to a page or `id` that
does not exist. Pure functions of the built files; findings are `path:line: CODE -: …`.
"""

from __future__ import annotations

import html as htmlmod
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from .csp import script_hash
from .model import Finding

URL_ATTRS = frozenset(
    (
        *("href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"),
        *("codebase", "longdesc", "usemap", "manifest", "icon", "lowsrc", "dynsrc", "ping", "srcset", "imagesrcset"),
    )
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
# Everything a browser ignores inside a scheme name: whitespace and C0 controls.
IGNORED = re.compile(r"[\x00-\x20\x7f]+")
CSS_URL = re.compile(r"url\s*\(\s*['\"]?([^'\")]*)|expression\s*\(", re.I)
DATA_SCRIPTS = ("application/json",)  # data blocks: a browser never runs them


def normalized_url(value: str) -> str:
    """A URL as a browser reads its scheme: entities decoded, ignored characters dropped, lower case."""
    previous = None
    while previous != value:  # entities may be nested: &amp;#58;
        previous, value = value, htmlmod.unescape(unquote(value))
    return IGNORED.sub("", value).lower()


def script_capable(value: str) -> bool:
    return normalized_url(value).startswith(SCRIPT_SCHEMES)


@dataclass(frozen=True)
class Allowed:
    """What may run: inline scripts by CSP hash, and script files by site path."""

    hashes: frozenset[str]
    scripts: frozenset[str]
    prefix: str = "/"  # the site's path on its host, for root-relative URLs
    # Script files that one page alone may load (site path of the page -> script paths).
    page_scripts: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass
class Element:
    """One start tag of a page: its name, line, attributes and, for a script, its text."""

    name: str
    line: int
    pairs: list[tuple[str, str]]  # every attribute as written, names in lower case
    attrs: dict[str, str]  # the first value of each name, the one a browser keeps
    text: list[str] = field(default_factory=list)  # a script's text, in pieces

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)


class _Elements(HTMLParser):
    """The standard library's tokenizer, keeping each start tag and each script's text.

    A flat list of start tags is all the audit reads, and building no tree makes the
    pass several times faster than a parse into BeautifulSoup on the same tokenizer.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._script: Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = [(name, value or "") for name, value in attrs]
        attrs_first: dict[str, str] = {}
        for name, value in pairs:
            attrs_first.setdefault(name, value)
        el = Element(tag, self.getpos()[0], pairs, attrs_first)
        self.elements.append(el)
        self._script = el if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text.append(data)


def elements(html: str) -> list[Element]:
    """Every start tag of a page, in document order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


def _line(el: Element) -> int:
    return el.line


def _site_path(site: Site, here: str, url: str, prefix: str) -> str | None:
    """The site-relative file a same-site URL on the page `here` names (`…/index.html` for
    a folder), or None for another site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        joined = path[len(prefix) :] if path.startswith(prefix) else "../" + path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(here), path) if path else here
    norm = posixpath.normpath(joined or ".")
    if norm.split("/")[0] == "..":
        return norm  # above the site root: reported as missing
    norm = "" if norm == "." else norm
    if path.endswith("/") or site.is_dir(norm):
        norm = posixpath.join(norm, "index.html")
    return norm


class Site:
    """The built site, each page parsed once; files and folders are site-relative paths
    (`a/index.html`), each looked up on disk once however many links name it."""

    def __init__(self, root: Path):
        self.root = root
        self._tags: dict[str, list[Element]] = {}
        self._ids: dict[str, set[str]] = {}
        self._files: dict[str, bool] = {}
        self._dirs: dict[str, bool] = {}

    def pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def tags(self, path: str) -> list[Element]:
        """Every element of a page, in document order, read once."""
        if path not in self._tags:
            self._tags[path] = elements((self.root / path).read_bytes().decode())
        return self._tags[path]

    def is_file(self, path: str) -> bool:
        if path not in self._files:
            self._files[path] = (self.root / path).is_file()
        return self._files[path]

    def is_dir(self, path: str) -> bool:
        if path not in self._dirs:
            self._dirs[path] = (self.root / path).is_dir()
        return self._dirs[path]

    def ids(self, path: str) -> set[str]:
        if path not in self._ids:
            self._ids[path] = {el.attrs["id"] for el in self.tags(path) if "id" in el.attrs}
        return self._ids[path]


def _scripts(page: Path, here: str, tags: list[Element], allowed: Allowed, site: Site) -> list[Finding]:
    out = []
    mine = allowed.page_scripts.get(here, frozenset())
    for el in (t for t in tags if t.name == "script"):
        kind = (el.get("type") or "").strip().lower()
        src = el.get("src")
        if kind in DATA_SCRIPTS and not src:
            continue
        if src:
            target = _site_path(site, here, src, allowed.prefix)
            if target is None or (target not in allowed.scripts and target not in mine):
                out.append(Finding(page, _line(el), "AUDIT-SCRIPT", "", f"script {src!r} is not the theme's or the site's own"))
        elif script_hash("".join(el.text)) not in allowed.hashes:
            text = "".join(el.text).strip()[:60]
            out.append(Finding(page, _line(el), "AUDIT-SCRIPT", "", f"inline script {text!r} is not one of the theme's"))
    return out


def _attributes(page: Path, tags: list[Element]) -> list[Finding]:
    out = []
    for el in tags:
        # Every value, not only the one a browser keeps: a repeated attribute is suspect too.
        for name, value in el.pairs:
            lname = name.lower()
            if lname.startswith("on"):
                out.append(Finding(page, _line(el), "AUDIT-HANDLER", "", f"<{el.name}> has the event-handler attribute {name}"))
            elif lname == "srcdoc":
                out.append(Finding(page, _line(el), "AUDIT-URL", "", f"<{el.name}> has a srcdoc attribute"))
            elif lname in URL_ATTRS and any(script_capable(v.strip().split(" ")[0]) for v in value.split(",")):
                out.append(Finding(page, _line(el), "AUDIT-URL", "", f"<{el.name} {name}> is a script-capable URL {value[:60]!r}"))
            elif lname == "style" and _bad_css(value):
                out.append(Finding(page, _line(el), "AUDIT-URL", "", f"<{el.name} style> holds a script-capable url() or expression()"))
    return out


def _bad_css(css: str) -> bool:
    return any(m.group(1) is None or script_capable(m.group(1)) for m in CSS_URL.finditer(htmlmod.unescape(css)))


def _ids(page: Path, tags: list[Element]) -> list[Finding]:
    seen: set[str] = set()
    out = []
    for el in (t for t in tags if "id" in t.attrs):
        if el.attrs["id"] in seen:
            out.append(Finding(page, _line(el), "AUDIT-ID", "", f"id {el.attrs['id']!r} is used twice in the page"))
        seen.add(el.attrs["id"])
    return out


LINKING = frozenset({"a", "link", "img", "script", "area"})


def _links(page: Path, here: str, tags: list[Element], site: Site, prefix: str) -> list[Finding]:
    out = []
    for el in (t for t in tags if t.name in LINKING):
        url = el.get("href") or el.get("src")
        if not url or script_capable(url):
            continue  # script-capable URLs are reported by _attributes
        address, fragment = urldefrag(url)
        target = _site_path(site, here, address, prefix) if address else here
        if target is None:
            continue  # another site: the list of outbound links covers those
        if target.split("/")[0] == ".." or not site.is_file(target):
            out.append(Finding(page, _line(el), "AUDIT-LINK", "", f"<{el.name}> links to {url!r}, which is not in the site"))
        elif fragment and posixpath.splitext(target)[1] == ".html" and unquote(fragment) not in site.ids(target):
            out.append(Finding(page, _line(el), "AUDIT-LINK", "", f"<{el.name}> links to {url!r}: {target} has no id {fragment!r}"))
    return out


def audit(root: Path, allowed: Allowed) -> list[Finding]:
    """Every problem in every HTML page of the built site at `root`."""
    site = Site(root)
    out: list[Finding] = []
    for page in site.pages():
        here = page.relative_to(root).as_posix()
        tags = site.tags(here)
        out += _scripts(page, here, tags, allowed, site)
        out += _attributes(page, tags)
        out += _ids(page, tags)
        out += _links(page, here, tags, site, allowed.prefix)
    return out
