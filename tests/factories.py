"""Tiny builders of an in-memory clause model, for unit tests of one check at a time.

    lic = license_of(
        zh=[section("s1", "一、", "定义", line=3), item("s1-1", "1.", "s1", "文本", line=5)],
        en=[section("s1", "I.", "Definitions", line=3), item("s1-1", "1.", "s1", "Text", line=5)],
    )

A clause's paragraphs are given as strings (plain text) or lists of spans; `ref`,
`term` and `defterm` make the marked spans. Each clause is built for both languages by
the caller, so that a test shows exactly what differs between them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from licensekit.model import Clause, Document, Finding, License, Paragraph, Span

ROOT = Path("lic")
PATHS = {"zh-Hans": ROOT / "zh.md", "en": ROOT / "en.md"}


def ref(text: str, target: str) -> Span:
    return Span("ref", text, target)


def term(text: str, target: str) -> Span:
    return Span("term", text, target)


def defterm(text: str, target: str) -> Span:
    return Span("defterm", text, target)


def _paragraphs(paras: tuple, line: int) -> list[Paragraph]:
    out = []
    for n, para in enumerate(paras, start=1):
        spans = [Span("text", para)] if isinstance(para, str) else [Span("text", s) if isinstance(s, str) else s for s in para]
        out.append(Paragraph(spans, line + 2 * n))
    return out


def clause(
    cid: str,
    kind: str,
    *paras: str | list,
    level: int = 3,
    parent: str | None = None,
    number: str = "",
    title: str = "",
    caption: str = "",
    line: int = 1,
    lang: str = "en",
) -> Clause:
    """A clause; paragraph k sits on line `line + 2k`, as in a source with blank lines between."""
    return Clause(cid, lang, kind, level, parent, number, title, caption, _paragraphs(paras, line), PATHS[lang], line)


def section(cid: str, number: str, title: str, *paras, line: int = 1, lang: str = "en") -> Clause:
    return clause(cid, "section", *paras, level=2, number=number, title=title, line=line, lang=lang)


def item(cid: str, number: str, parent: str, *paras, level: int = 3, line: int = 1, lang: str = "en", caption: str = "") -> Clause:
    return clause(cid, "item", *paras, level=level, parent=parent, number=number, caption=caption, line=line, lang=lang)


def document(lang: str, clauses: list[Clause], title: str = "T", title_line: int = 5) -> Document:
    for c in clauses:
        assert c.lang == lang, f"{c.id} is built for {c.lang}, not {lang}"
    return Document(PATHS[lang], lang, title, title_line, list(clauses))


def license_of(
    zh: list[Clause] = (),
    en: list[Clause] = (),
    *,
    glossary: list[dict] = (),
    errata: list[dict] = (),
    notes: list[dict] = (),
    metadata: dict[str, Any] | None = None,
    original: str = "",
    root: Path = ROOT,
    zh_title: str = "T",
) -> License:
    """A license of two documents; YAML lines default to 10 + index for each list entry."""
    lines = {root / name: {(i,): 10 + i for i in range(20)} for name in ("glossary.yaml", "errata.yaml", "translation-notes.yaml")}
    return License(
        root=root,
        docs={"zh-Hans": document("zh-Hans", list(zh), zh_title), "en": document("en", list(en))},
        metadata=metadata if metadata is not None else {},
        glossary=list(glossary),
        errata=list(errata),
        notes=list(notes),
        original=original,
        lines=lines,
        findings=[],
    )


def both(build, *args, **kwargs) -> tuple[Clause, Clause]:
    """The same clause built in both languages."""
    return build(*args, lang="zh-Hans", **kwargs), build(*args, lang="en", **kwargs)


def finding(lang_or_file: str, line: int, code: str, clause_id: str, message: str) -> Finding:
    """The expected finding: `lang_or_file` is "zh-Hans", "en" or a data file's name."""
    path = PATHS.get(lang_or_file, ROOT / lang_or_file)
    return Finding(path, line, code, clause_id, message)
