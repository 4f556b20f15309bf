"""HTML of the license text pages, rendered from the clause model through templates.

Nothing here knows about the site engine: pages are strings of HTML, and links are
relative URLs between the site's directory-style pages (`../notes/`). Markup lives in
`templates/`, where autoescaping makes every string from the sources text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import templating
from .cite import Citation, citation, label
from .model import Clause, Document, License, Span

UI = {
    "zh-Hans": {
        "captions": "斜体小标题为本站编者所加，不属于协议原文。",
        "permalink": "本条款的链接",
        "erratum": "原文如此",
        "note": "译注",
        "copy_link": "复制链接：",
        "copy_cite": "复制引用：",
        "copied_link": "已复制链接：",
        "copied_cite": "已复制引用：",
    },
    "en": {
        "captions": "Captions in italics are ours; they are not part of the license.",
        "permalink": "Link to this clause",
        "erratum": "erratum",
        "note": "translation note",
        "copy_link": "Copy link to ",
        "copy_cite": "Copy citation of ",
        "copied_link": "Link copied: ",
        "copied_cite": "Citation copied: ",
    },
}
TOOLTIP_CHARS = 240


def _definitions(doc: Document) -> dict[str, str]:
    """Tooltip text of each defined term: its definition, shortened."""
    out = {}
    for clause in doc.clauses:
        if clause.kind == "definition":
            out[clause.id] = clause.text
        for term in clause.defines:
            out[term] = clause.text
    return {k: v if len(v) <= TOOLTIP_CHARS else v[: TOOLTIP_CHARS - 1] + "…" for k, v in out.items()}


@dataclass
class Node:
    """A clause with the clauses nested under it, as in the source."""

    clause: Clause
    children: list[Node] = field(default_factory=list)


def tree(doc: Document) -> list[Node]:
    roots: list[Node] = []
    open_nodes: list[Node] = []
    for clause in doc.clauses:
        while open_nodes and open_nodes[-1].clause.level >= clause.level:
            open_nodes.pop()
        node = Node(clause)
        (open_nodes[-1].children if open_nodes else roots).append(node)
        open_nodes.append(node)
    return roots


class Renderer:
    """Renders clauses of one license; `lang` is the language of the text being rendered.
    `base` is the site's canonical URL, which citations copied from a heading carry."""

    def __init__(self, lic: License, base: str = "/"):
        self.lic = lic
        self.base = base
        self.defs = {lang: _definitions(doc) for lang, doc in lic.docs.items()}
        self.headings = {lang: {c.id: c for c in doc.clauses} for lang, doc in lic.docs.items()}
        self.errata: dict[str, list[dict]] = {}
        for erratum in lic.errata:
            self.errata.setdefault(erratum["clause"], []).append(erratum)
        self.macros = templating.macros("_clause.html")

    # -- lookups for the templates (plain strings; the templates escape them) --

    def tip(self, span: Span, lang: str) -> str:
        if span.kind == "term":
            return self.defs[lang].get(span.target, "")
        target = self.headings[lang].get(span.target)
        return f"{label(self.lic, span.target)} {target.heading}" if target else span.target

    def aliases_of(self, anchor: str) -> list[str]:
        """Retired IDs that now lead to `anchor`: each keeps an anchor so old links still work."""
        return sorted(old for old, new in self.lic.aliases.items() if new == anchor)

    def notes_of(self, clause: Clause) -> list:
        """The translation notes that concern a clause, each linked from it."""
        return [a for a in self.lic.annotations(clause.id) if a.kind == "note"]

    def errata_of(self, clause: Clause) -> list[dict]:
        return self.errata.get(clause.id, [])

    def ui(self, lang: str) -> dict[str, str]:
        return UI[lang]

    def cite(self, clause: Clause, lang: str) -> Citation:
        return citation(self.lic, clause.id, lang, self.base)

    def notice(self, lang: str) -> str:
        return self.lic.notice(lang)

    # -- fragments and pages ------------------------------------------------

    def body(self, clause: Clause, lang: str, anchors: bool, tips: bool = True) -> str:
        """A clause's paragraphs as HTML, a plain string (as `license.json` carries it)."""
        return str(self.macros.body(clause, lang, anchors, tips, self))

    def heading(self, clause: Clause, lang: str, anchors: bool) -> str:
        return str(self.macros.heading(clause, lang, anchors, self))

    def text_page(self, lang: str) -> str:
        doc = self.lic.docs[lang]
        slug = "zh" if lang == "zh-Hans" else "en"
        return templating.render("text_page.html", lang=lang, slug=slug, doc=doc, tree=tree(doc), r=self)

    def parallel_page(self) -> str:
        return templating.render("parallel_page.html", zh=self.lic.zh, en=self.lic.en, pairs=self.lic.pairs(), r=self)
