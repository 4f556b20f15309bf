"""Hand-written pages (`docs/*.md`) under the same rules as the sources.

Raw HTML only from a short allowlist, no URL that can run script however it is
obfuscated, no attribute but an id, a class or `lang`, no link reference definition
(its address is invisible on the page), and `<!-- licensekit:NAME -->` markers only for
known parts, each on a line of its own. The scan is by line, so that it also reads
inside admonitions and other blocks that a Markdown parser would take for code. Besides
the pages, docs/ holds only the site's own CSS and JavaScript, as regular files: anything
else there would be published as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from ..model import Finding
from ..sources import read_text

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>]*|[^\s<>@]+@[^\s<>]+)>")
TAG = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^>]*>?")
ALLOWED_TAGS = (re.compile(r'<span lang="[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*">'), re.compile(r"</span>"))
MARKER = re.compile(r"<!-- licensekit:([a-z-]+) -->")
# A link destination, reference definition or autolink, once whitespace and entities are gone.
SCRIPT_URL = re.compile(r"(?:\]\(<?|\]:<?|<|=[\"']?)(javascript|vbscript|data):")
IGNORED = re.compile(r"[\x00-\x20\x7f]+")
ATTR_LIST = re.compile(r"\{:?([^{}]*)\}")
ATTR = re.compile(r"""([^\s=]+)=(?:"[^"]*"|'[^']*'|\S+)""")
ALLOWED_ATTRS = {"lang"}
REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S")
MAX_ADDRESS = 2000
LONG_ADDRESS = re.compile(rf"\]\(([^)\s]{{{MAX_ADDRESS + 1},}})")


def _unescaped(text: str) -> str:
    previous = None
    while previous != text:  # entities may be nested: &amp;#58;
        previous, text = text, html.unescape(text)
    return IGNORED.sub("", text).lower()


def _line_findings(path: Path, n: int, line: str, parts: set[str]) -> list[Finding]:
    out = []

    def add(code: str, message: str) -> None:
        out.append(Finding(path, n, code, "", message))

    text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    for address in LONG_ADDRESS.findall(text):
        add("DOCS-URL", f"a link address of {len(address)} characters; no page of the site needs more than {MAX_ADDRESS}")
    match = SCRIPT_URL.search(_unescaped(text))
    if match:
        add("DOCS-URL", f"a {match.group(1)}: URL can run script; link to a page of the site or to https://")
    if REFDEF.match(text):
        add("DOCS-REFDEF", "a link reference definition is invisible on the page; write the link inline")
    text = AUTOLINK.sub(" ", text)
    for tag in TAG.findall(text):
        if "licensekit" in tag:
            marker = MARKER.fullmatch(tag)
            if not marker or marker.group(1) not in parts:
                add("DOCS-MARKER", f"{tag!r} is not a known part; known: {', '.join(sorted(parts))}")
            elif line.strip() != tag:
                add("DOCS-MARKER", f"{tag!r} must be on a line of its own")
        elif not any(allowed.fullmatch(tag) for allowed in ALLOWED_TAGS):
            add("DOCS-HTML", f'raw HTML {tag[:60]!r} is not allowed; only <span lang="…"> is')
    for attrs in ATTR_LIST.findall(text):
        for name in ATTR.findall(attrs):  # name=value pairs only: braces in prose hold none
            if name.lower() not in ALLOWED_ATTRS:
                add("DOCS-ATTR", f"attribute {name!r} is not allowed; only an id, a class or lang")
    return out


def check_page(path: Path, text: str, parts: Iterable[str]) -> list[Finding]:
    """Every finding in one hand-written page; `parts` are the names a marker may use."""
    known = set(parts)
    out: list[Finding] = []
    in_fence = False
    for n, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            out += _line_findings(path, n, line, known)
    return out


VERIFY_ASSETS = "assets/verify"


def published_as_is(docs: Path, path: Path) -> str:
    """Why a file under `docs` may not be there, or "": everything in docs/ is published,
    and all but the Markdown pages unchanged, so only pages and the site's own style and
    script may be there, as regular files."""
    rel = path.relative_to(docs).as_posix()
    if path.is_symlink():
        return f"{rel} is a symbolic link; its target would be published"
    if path.is_dir():
        return ""
    if path.suffix == ".md" or (path.parent == docs / "assets" and path.suffix in (".css", ".js")):
        return ""
    # The /verify/ page's scripts, and the third-party ones it vendors with their licences.
    if path.parent == docs / VERIFY_ASSETS and path.suffix == ".js":
        return ""
    if path.parent == docs / VERIFY_ASSETS / "vendor" and (path.suffix == ".js" or path.name.startswith(("LICENSE.", "SOURCES"))):
        return ""
    return (
        f"{rel} would be published as it is; only Markdown pages, the site's CSS and JavaScript in assets/"
        " and the verifier's scripts in assets/verify/ may be in docs/"
    )


def check_docs(docs: Path, parts: Iterable[str]) -> list[Finding]:
    """Every finding in the hand-written pages under `docs`, and in what else is there."""
    out: list[Finding] = []
    for path in sorted(docs.rglob("*")):
        why = published_as_is(docs, path)
        if why:
            out.append(Finding(path, 1, "DOCS-FILE", "", why))
        elif path.suffix == ".md" and path.is_file():
            text, problems = read_text(path)
            out += problems if text is None else problems + check_page(path, text, parts)
    return out
