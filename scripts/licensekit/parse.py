"""One parse of a license folder into the clause model.

A source is a Markdown subset: front matter (`lang`, `title`), one `#` title, then
`##` sections and `###`/`####` clauses. A heading holds the number as printed, then
either text of the license (section titles, form fields) or an editorial caption in
`*emphasis*`, and ends with `{#clause-id}`. Links `[text](#id)` mark references, or
uses of a defined term when the target is in the glossary; `[term]{#id}` defines a
term inline. Anything else — HTML, lists, other links — is refused.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .checks.metadata import SCHEMAS
from .model import LANGS, Clause, Document, Finding, License, Paragraph, Span
from .sources import load_yaml, read_bytes, read_text, read_yaml

ID_ATTR = re.compile(r"\s*\{\s*#([^}\s]*)\s*\}\s*$")
# A number as printed: (i), 1., IV., a., 一、. Digits and Roman numerals of any length
# (XXXVIII. has seven characters), or one letter; a longer word is a title, not a number.
# A translation may follow a misprinted number with its correction, "(ii) [sic: (iii)]",
# so that a citation still finds the authoritative number.
NUMBER = re.compile(
    r"^((?:\([0-9A-Za-z一二三四五六七八九十]+\)|(?:[0-9]+|[IVXLCDM]+|[ivxlcdm]+|[A-Za-z])[.．]|[一二三四五六七八九十]+[、.．])"
    r"(?: \[sic: [^\]\s]+\])?)\s*"
)
ALLOWED_BLOCKS = {"front_matter", "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline"}
DEFAULT_SOURCES = {"zh-Hans": "zh.md", "en": "en.md"}


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark").use(front_matter_plugin).use(attrs_plugin, spans=True)
    md.validateLink = lambda url: True  # let every link through, so that bad ones are reported
    return md


MD = _markdown()


def parse_document(path: Path, lang: str, term_ids: set[str]) -> tuple[Document, list[Finding]]:
    """Parse one language's source. Clauses whose heading lacks an ID get an empty `id`."""
    doc = Document(path=path, lang=lang, title="", title_line=1)
    text, findings = read_text(path)
    if text is None:
        return doc, findings
    tokens = MD.parse(text)
    meta_seen = False
    stack: dict[int, Clause | None] = {}
    current: Clause | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = tok.map[0] + 1 if tok.map else 1
        if tok.type == "front_matter":
            meta_seen = True
            findings += _check_front_matter(path, line, tok.content, lang)
            doc.front_title, doc.front_title_line = _front_title(tok.content, line)
        elif tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1]
            if level == 1:
                if doc.title:
                    findings.append(Finding(path, line, "STRUCTURE", "", "a second `#` title"))
                doc.title, doc.title_line = _plain(inline.children or []), line
            elif not doc.title:
                findings.append(Finding(path, line, "STRUCTURE", "", "a heading before the `#` title"))
            if level >= 2:
                current = _heading(path, line, level, inline, lang, term_ids, stack, findings)
                doc.clauses.append(current)
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            para = Paragraph(_spans(path, line, inline.children or [], lang, term_ids, findings, current), line)
            if current is None:
                findings.append(Finding(path, line, "STRUCTURE", "", "text before the first section"))
            else:
                current.paragraphs.append(para)
        elif tok.type == "html_block":
            findings.append(Finding(path, line, "RAW-HTML", _cid(current), "raw HTML is not allowed in a source"))
        elif tok.type not in ALLOWED_BLOCKS and tok.nesting != -1 and tok.level == 0:
            findings.append(
                Finding(
                    path,
                    line,
                    "UNSUPPORTED-MARKUP",
                    _cid(current),
                    f"{tok.type.removesuffix('_open')} is not allowed; use headings and paragraphs",
                )
            )
        i += 1
    if not meta_seen:
        findings.append(Finding(path, 1, "FRONT-MATTER", "", "missing front matter (--- lang, title ---)"))
    if not doc.title:
        findings.append(Finding(path, 1, "STRUCTURE", "", "missing the `#` title"))
    return doc, findings


def _cid(clause: Clause | None) -> str:
    return clause.id if clause else ""


def _check_front_matter(path: Path, line: int, content: str, lang: str) -> list[Finding]:
    meta, _, problems = load_yaml(content, first_line=line + 1)
    if problems:
        # A syntax error is a front-matter problem; refused YAML features keep their own code.
        return [Finding(path, at, "FRONT-MATTER" if code == "YAML-SYNTAX" else code, "", message) for at, code, message in problems]
    if not isinstance(meta, dict):
        return [Finding(path, line, "FRONT-MATTER", "", "front matter must be a mapping with lang and title")]
    if meta.get("lang") != lang:
        return [Finding(path, line, "FRONT-MATTER", "", f"lang is {meta.get('lang')!r}, expected {lang!r}")]
    if not isinstance(meta.get("title"), str) or not meta["title"].strip():
        return [Finding(path, line, "FRONT-MATTER", "", "title is missing")]
    return []


def _front_title(content: str, line: int) -> tuple[str, int]:
    """The front matter's title and its line, for the checks; ("", line) when unreadable."""
    meta, lines, problems = load_yaml(content)  # problems: _check_front_matter reports them
    if problems:
        return "", line
    title = meta.get("title") if isinstance(meta, dict) else None
    if not isinstance(title, str):
        return "", line
    return title, line + lines[("title",)]  # the key's line, counted from 1 in `content`


def _heading(path, line, level, inline, lang, term_ids, stack, findings) -> Clause:
    title, caption, in_em = "", "", False
    for child in inline.children or []:
        if child.type == "em_open":
            in_em = True
        elif child.type == "em_close":
            in_em = False
        elif child.type in ("text", "code_inline"):
            if in_em:
                caption += child.content
            else:
                title += child.content
        elif child.type == "html_inline":
            findings.append(Finding(path, line, "RAW-HTML", "", "raw HTML is not allowed in a heading"))
        else:
            findings.append(Finding(path, line, "UNSUPPORTED-MARKUP", "", f"{child.type} is not allowed in a heading"))
    match = ID_ATTR.search(title)
    clause_id = ""
    if match:
        clause_id, title = match.group(1), title[: match.start()]
    number_match = NUMBER.match(title.strip())
    number = number_match.group(1) if number_match else ""
    title = title.strip()[number_match.end() :] if number_match else title.strip()
    if level > 4 or (level > 2 and stack.get(level - 1) is None):
        findings.append(Finding(path, line, "STRUCTURE", clause_id, f"a level-{level} heading must sit under a level-{level - 1} heading"))
    parent = stack.get(level - 1)
    if level == 2:
        kind = "section"
    elif clause_id in term_ids:
        kind = "definition"
    elif number:
        kind = "item"
    elif title:
        kind = "field"
    else:
        kind = "paragraph"
    clause = Clause(
        id=clause_id,
        lang=lang,
        kind=kind,
        level=level,
        parent=parent.id if parent else None,
        number=number,
        title=title.strip(),
        caption=caption.strip(),
        paragraphs=[],
        path=path,
        line=line,
    )
    stack[level] = clause
    for deeper in [k for k in stack if k > level]:
        del stack[deeper]
    return clause


def _plain(children: list[Token]) -> str:
    return "".join(c.content for c in children if c.type in ("text", "code_inline"))


def _spans(path, line, children, lang, term_ids, findings, clause) -> list[Span]:
    spans: list[Span] = []
    link: tuple[str, str] | None = None  # (kind, target) while inside a link or span
    buf = ""
    cid = _cid(clause)
    brk = " " if lang == "en" else ""
    emphasis_seen = False
    for child in children:
        t = child.type
        if t in ("text", "code_inline"):
            buf += child.content
        elif t in ("softbreak", "hardbreak"):
            buf += brk
        elif t in ("em_close", "strong_close"):
            continue
        elif t in ("em_open", "strong_open"):
            # Emphasis is for editorial captions: in clause text it would be silently dropped.
            if not emphasis_seen:
                findings.append(
                    Finding(path, line, "UNSUPPORTED-MARKUP", cid, "emphasis is not allowed in clause text; captions go in headings")
                )
            emphasis_seen = True
        elif t in ("link_open", "span_open"):
            if link is not None:
                # The outer mark would end at the inner one's close and its anchor or reference be lost.
                message = "a reference or marked term inside another is not allowed"
                findings.append(Finding(path, line, "UNSUPPORTED-MARKUP", cid, message))
            if buf:
                spans.append(Span("text", buf))
            buf = ""
            extra = set(child.attrs) - {"href", "id"}
            if extra:
                findings.append(Finding(path, line, "BAD-ATTR", cid, f"attributes {sorted(extra)} are not allowed"))
            if t == "link_open":
                href = str(child.attrs["href"])
                if not href.startswith("#"):
                    findings.append(Finding(path, line, "BAD-LINK", cid, f"link to {href!r}: only references to clauses (#id) are allowed"))
                target = href[1:]
                link = ("term" if target in term_ids else "ref", target)
            else:
                link = ("defterm", str(child.attrs.get("id", "")))
        elif t in ("link_close", "span_close"):
            spans.append(Span(link[0] if link else "text", buf, link[1] if link else ""))
            buf, link = "", None
        elif t == "html_inline":
            findings.append(Finding(path, line, "RAW-HTML", cid, f"raw HTML {child.content!r} is not allowed"))
        else:
            findings.append(Finding(path, line, "UNSUPPORTED-MARKUP", cid, f"{t} is not allowed in clause text"))
    if buf:
        spans.append(Span("text", buf))
    return spans


def _inside(root: Path, rel: str, keys: tuple, where: dict[tuple, int], findings: list[Finding]) -> Path | None:
    """A source path named in metadata.yaml, or None (and a finding) if it leaves the license folder."""
    pure = PurePosixPath(rel)
    if rel and not pure.is_absolute() and ".." not in pure.parts:
        return root / rel
    message = f"source path {rel!r} must be relative and inside the license folder"
    findings.append(Finding(root / "metadata.yaml", where[keys], "FILE-OUTSIDE", "", message))
    return None


def load(root: Path) -> License:
    """Parse a license folder: metadata, glossary, errata, notes, original and both texts."""
    root = Path(root)
    findings: list[Finding] = []
    lines: dict[Path, dict[tuple, int]] = {}
    if not root.is_dir():
        missing = Finding(root, 1, "FILE-MISSING", "", "the license folder does not exist")
        docs = {lang: Document(path=root / DEFAULT_SOURCES[lang], lang=lang, title="", title_line=1) for lang in LANGS}
        return License(root, docs, {}, [], [], [], "", {}, [missing])
    if not (root / "schema").is_dir():
        findings.append(Finding(root / "schema", 1, "FILE-MISSING", "", "the schema folder does not exist"))
    else:
        for schema in SCHEMAS.values():  # the checks open these: each must be a readable regular file
            findings.extend(read_bytes(root / "schema" / schema)[1])

    def data(name: str, default: Any) -> Any:
        value, where, problems = read_yaml(root / name)
        findings.extend(problems)
        lines[root / name] = where
        return default if value is None else value

    metadata = data("metadata.yaml", {})
    glossary = data("glossary.yaml", [])
    errata = data("errata.yaml", [])
    notes = data("translation-notes.yaml", [])
    published = data("published-ids.yaml", {})
    if not isinstance(glossary, list):
        findings.append(Finding(root / "glossary.yaml", 1, "YAML-SHAPE", "", "the glossary must be a list"))
        glossary = []
    term_ids = {t.get("id") for t in glossary if isinstance(t, dict)}
    meta = metadata if isinstance(metadata, dict) else {}
    where = lines[root / "metadata.yaml"]  # data() has put it there
    sources: dict[str, tuple[str, tuple]] = {lang: (name, ()) for lang, name in DEFAULT_SOURCES.items()}
    languages = meta.get("languages")
    for index, entry in enumerate(languages if isinstance(languages, list) else []):
        if isinstance(entry, dict) and entry.get("tag") in sources and isinstance(entry.get("source"), str):
            sources[entry["tag"]] = (entry["source"], ("languages", index, "source"))
    docs = {}
    for lang in LANGS:
        path = _inside(root, *sources[lang], where, findings)
        if path is None:
            docs[lang] = Document(path=root / DEFAULT_SOURCES[lang], lang=lang, title="", title_line=1)
            continue
        docs[lang], problems = parse_document(path, lang, term_ids)
        findings.extend(problems)
    original_rel = meta["original"].get("path") if isinstance(meta.get("original"), dict) else ""
    original = None
    if isinstance(original_rel, str) and original_rel:
        path = _inside(root, original_rel, ("original", "path"), where, findings)
        if path is not None:
            original, problems = read_text(path)
            findings.extend(problems)
    return License(
        root=root,
        docs=docs,
        metadata=metadata if isinstance(metadata, dict) else {},
        glossary=[t for t in glossary if isinstance(t, dict)],
        errata=errata if isinstance(errata, list) else [],
        notes=notes if isinstance(notes, list) else [],
        original=original or "",
        lines=lines,
        findings=findings,
        texts=source_texts(root),
        published=published if isinstance(published, dict) else {},
    )


def source_texts(root: Path) -> dict[Path, str]:
    """Every text source: each UTF-8 file under the license folder, and the site's `docs/*.md`.

    Files that cannot be read safely or are not UTF-8 are left to the reading and
    encoding rules of the files that are parsed.
    """
    paths = sorted(p for p in root.rglob("*") if p.is_file()) + sorted((root.parent / "docs").glob("*.md"))
    texts = {}
    for path in paths:
        raw = read_bytes(path)[0]  # None exactly when reading gave a finding
        if raw is None:
            continue
        try:
            texts[path] = raw.decode()
        except UnicodeDecodeError:
            continue
    return texts
