"""HTML of the license text pages, rendered from the clause model.

Nothing here knows about the site engine: pages are strings of HTML, and links are
relative URLs between the site's directory-style pages (`../notes/`).
"""

from __future__ import annotations

import re
from html import escape

from .cite import label
from .model import Clause, Document, License, Span

UI = {
    "zh-Hans": {
        "captions": "斜体小标题为本站编者所加，不属于协议原文。",
        "permalink": "本条款的链接",
        "erratum": "原文如此",
    },
    "en": {
        "captions": "Captions in italics are ours; they are not part of the license.",
        "permalink": "Link to this clause",
        "erratum": "erratum",
    },
}
PAGES = (("zh-Hans", "zh", "中文"), ("en", "en", "English"), ("", "parallel", '<span lang="zh-Hans">对照</span> · Parallel'))
TOOLTIP_CHARS = 240
HAN_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*[\u3400-\u9fff][\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*")


def zh_spans(html: str) -> str:
    """Mark runs of Chinese inside non-Chinese text as `lang="zh-Hans"`."""
    return HAN_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group(0)}</span>', html)


def _definitions(lic: License, doc: Document) -> dict[str, str]:
    """Tooltip text of each defined term: its definition, shortened."""
    out = {}
    for clause in doc.clauses:
        if clause.kind == "definition":
            out[clause.id] = clause.text
        for term in clause.defines:
            out[term] = clause.text
    return {k: v if len(v) <= TOOLTIP_CHARS else v[: TOOLTIP_CHARS - 1] + "…" for k, v in out.items()}


class Renderer:
    """Renders clauses of one license; `lang` is the language of the text being rendered."""

    def __init__(self, lic: License):
        self.lic = lic
        self.defs = {lang: _definitions(lic, doc) for lang, doc in lic.docs.items()}
        self.headings = {lang: {c.id: c for c in doc.clauses} for lang, doc in lic.docs.items()}
        self.errata: dict[str, list[dict]] = {}
        for erratum in lic.errata:
            self.errata.setdefault(erratum["clause"], []).append(erratum)

    # -- inline -------------------------------------------------------------

    def span(self, span: Span, lang: str, anchors: bool, tips: bool = True) -> str:
        text = escape(span.text) if lang == "zh-Hans" else zh_spans(escape(span.text))
        if span.kind == "text":
            return text
        if span.kind == "defterm":
            ident = f' id="{span.target}"' if anchors else ""
            return f'<dfn{ident} class="term-definition">{text}</dfn>'
        kind = "term" if span.kind == "term" else "ref"
        if not tips:
            return f'<a class="{kind}" href="#{span.target}">{text}</a>'
        if span.kind == "term":
            tip = self.defs[lang].get(span.target, "")
        else:
            target = self.headings[lang].get(span.target)
            tip = f"{label(self.lic, span.target)} {target.heading}" if target else span.target
        return f'<a class="{kind}" href="#{span.target}" title="{escape(tip)}">{text}</a>'

    def marks(self, clause: Clause, lang: str) -> str:
        out = []
        for erratum in self.errata.get(clause.id, []):
            tip = escape(erratum["explanation"][lang])
            href = f"../notes/#erratum-{erratum['id']}"
            out.append(f'<sup class="erratum-mark"><a href="{href}" title="{tip}">[{UI[lang]["erratum"]}]</a></sup>')
        return "".join(out)

    # -- blocks -------------------------------------------------------------

    def heading(self, clause: Clause, lang: str, anchors: bool) -> str:
        level = min(clause.level, 4)
        parts = []
        if clause.number:
            parts.append(f'<span class="clause-number">{escape(clause.number)}</span>')
        if clause.title:
            parts.append(f'<span class="clause-title">{escape(clause.title)}</span>')
        if clause.caption:
            parts.append(f'<span class="clause-caption">{escape(clause.caption)}</span>')
        ident = f' id="{clause.id}"' if anchors else ""
        # aria-label, not title: a tooltip on every heading would only slow the page.
        link = f'<a class="headerlink" href="#{clause.id}" aria-label="{UI[lang]["permalink"]} #{clause.id}">#{clause.id}</a>'
        return f"<h{level}{ident}>{' '.join(parts)} {link}</h{level}>"

    def body(self, clause: Clause, lang: str, anchors: bool, tips: bool = True) -> str:
        paras = ["".join(self.span(s, lang, anchors, tips) for s in p.spans) for p in clause.paragraphs]
        marks = self.marks(clause, lang)
        if marks and paras:
            paras[-1] += marks
        out = "".join(f"<p>{p}</p>" for p in paras)
        if marks and not paras:
            out = f"<p>{marks}</p>"
        return out

    def clause(self, clause: Clause, lang: str) -> str:
        return f'<div class="clause clause--{clause.kind}">{self.heading(clause, lang, True)}{self.body(clause, lang, True)}'

    def nested(self, doc: Document) -> str:
        """Clauses nested as in the source: each clause's wrapper holds its children."""
        out, open_levels = [], []
        for clause in doc.clauses:
            while open_levels and open_levels[-1] >= clause.level:
                out.append("</div>")
                open_levels.pop()
            out.append(self.clause(clause, doc.lang))
            open_levels.append(clause.level)
        out += ["</div>"] * len(open_levels)
        return "".join(out)

    # -- pages --------------------------------------------------------------

    def switch(self, current: str) -> str:
        links = []
        for lang, slug, name in PAGES:
            attr = f' lang="{lang}" hreflang="{lang}"' if lang else ""
            aria = ' aria-current="page"' if slug == current else ""
            links.append(f'<a href="../{slug}/" data-keep-anchor{attr}{aria}>{name}</a>')
        return f'<nav class="license-switch" aria-label="Language · 语言">{" · ".join(links)}</nav>'

    def notice(self, lang: str) -> str:
        return f'<p class="license-notice">{escape(self.lic.notice(lang))} {UI[lang]["captions"]}</p>'

    def text_page(self, lang: str) -> str:
        doc = self.lic.docs[lang]
        slug = "zh" if lang == "zh-Hans" else "en"
        return (
            f'<div class="license-text" lang="{lang}">'
            f"{self.switch(slug)}"
            f'<h1 id="title">{escape(doc.title)}</h1>'
            f"{self.notice(lang)}"
            f"{self.nested(doc)}</div>"
        )

    def parallel_page(self) -> str:
        zh, en = self.lic.zh, self.lic.en
        rows = []
        for clause, twin in self.lic.pairs():
            cells = []
            for c, lang in ((clause, "zh-Hans"), (twin, "en")):
                # Only the Chinese cell carries inline anchors, so that each ID is unique.
                # No tooltips: each definition is in view in both languages, and hundreds of
                # them would slow the page down.
                body = self.body(c, lang, anchors=lang == "zh-Hans", tips=False)
                cells.append(f'<div class="parallel-cell" lang="{lang}">{self.heading(c, lang, False)}{body}</div>')
            rows.append(
                f'<div class="parallel-row parallel-row--{clause.kind} level-{clause.level}" id="{clause.id}">{"".join(cells)}</div>'
            )
        head = "".join(f'<div class="parallel-cell" lang="{lang}">{self.notice(lang)}</div>' for lang in ("zh-Hans", "en"))
        return (
            f'<div class="license-parallel">{self.switch("parallel")}'
            f'<h1 id="title"><span lang="zh-Hans">{escape(zh.title)}</span> · <span lang="en">{escape(en.title)}</span></h1>'
            f'<div class="parallel-row">{head}</div>'
            f"{''.join(rows)}</div>"
        )
