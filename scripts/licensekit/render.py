"""HTML of the license text pages, rendered from the clause model through templates.

Nothing here knows about the site engine: pages are strings of HTML, and links are
relative URLs between the site's directory-style pages (`../notes/`). Markup lives in
`templates/`, where autoescaping makes every string from the sources text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import templating
from .cite import Citation, citation, label
from .model import SLUGS, Clause, Document, License, Span

UI = {
    "zh-Hans": {
        "captions": "斜体小标题为本站编者所加，不属于协议原文。",
        "permalink": "本条款的链接",
        "erratum": "原文如此",
        "note": "译注",
        "about": "关于本文本",
        "title": "标题",
        "licensor": "许可方",
        "published": "发布日期",
        "source": "来源文件",
        "commit": "提交",
        "identifier": "标识符",
        "status": "文本状态",
        "authoritative": "权威文本：协议原文",
        "translation": "非官方译本，以中文原文为准",
        "address": "本页地址",
        "operator": "本站由一个独立开源项目的贡献者维护，不是许可方（{licensor}）的网站，也未经其认可；本站内容不构成法律意见。",
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
        "about": "About this text",
        "title": "Title",
        "licensor": "Licensor",
        "published": "Published",
        "source": "Source file",
        "commit": "commit",
        "identifier": "Identifier",
        "status": "Status",
        "authoritative": "Authoritative: the original text of the license",
        "translation": "Unofficial translation; the Chinese text prevails",
        "address": "This page",
        "operator": (
            "This site is run by the contributors to an independent open-source project. It is not"
            " the site of the licensor, {licensor}, and is not endorsed by it. Nothing here is legal advice."
        ),
        "copy_link": "Copy link to ",
        "copy_cite": "Copy citation of ",
        "copied_link": "Link copied: ",
        "copied_cite": "Citation copied: ",
    },
}
# A definition is read whole in its tooltip: the longest (the English "Personal Information",
# 476 characters) fits; only text longer than any definition is cut.
TOOLTIP_CHARS = 480


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


@dataclass(frozen=True)
class Header:
    """What a reading page says about its text, as SPDX and Creative Commons show it."""

    titles: dict[str, str]
    licensor: dict[str, str]
    published: str
    source: dict[str, str]
    identifier: str
    authoritative: bool
    operator: str
    address: str


class Renderer:
    """Renders clauses of one license; `lang` is the language of the text being rendered.

    `site_url` is the site's address: for the page addresses that a printout carries, and the
    canonical URL that citations copied from a heading carry.
    """

    def __init__(self, lic: License, site_url: str = ""):
        self.lic = lic
        self.site_url = site_url
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
        return self.ref_tip(span.target, lang)

    def ref_tip(self, target_id: str, lang: str) -> str:
        """What a reference's tooltip says: the target's citation in the page's language, then its
        title or caption, once ("Appendix 1: How to register…", "附则 1. 登记及…", not "Appendix Appendix")."""
        by_id = self.headings[lang]
        target = by_id.get(target_id)
        if target is None:
            return target_id
        name = target.title or target.caption
        if lang == "en":
            cite = label(self.lic, target_id)
            return cite if not name or name.lower() in cite.lower() else f"{cite}: {name}"
        chain = [target]
        while chain[0].parent in by_id:
            chain.insert(0, by_id[chain[0].parent])
        # Numbers as printed, run together as Chinese citations write them: 四、3.(x); an unnumbered section by its title.
        cite = "".join(c.number or (f"{c.title} " if c.kind == "section" else "") for c in chain).strip()
        if not name or name in cite:
            return cite
        return f"{cite}{'' if cite.endswith('、') else ' '}{name}".strip()

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
        return citation(self.lic, clause.id, lang, self.site_url or "/")

    def notice(self, lang: str) -> str:
        return self.lic.notice(lang)

    def header(self, lang: str, slug: str) -> Header:
        """The header block of a reading page in `lang`, from the metadata alone."""
        meta = self.lic.metadata
        language = next((x for x in meta.get("languages", []) if x.get("tag") == lang), {})
        original = next((x for x in meta.get("provenance", []) if x.get("language") == "zh-Hans"), {})
        licensor = meta.get("licensor", {})
        names = meta.get("names", {})
        return Header(
            titles={"zh-Hans": names.get("zh-Hans", self.lic.zh.title), "en": names.get("en", self.lic.en.title)},
            licensor={"zh-Hans": licensor.get("zh-Hans", ""), "en": licensor.get("en", "")},
            published=str(original.get("date", "")),
            source={k: str(original.get(k, "")) for k in ("title", "url", "commit")},
            identifier=meta.get("identifiers", {}).get("spdx", meta.get("licenseId", "")),
            authoritative=bool(language.get("authoritative")),
            operator=UI[lang]["operator"].format(licensor=licensor.get(lang, licensor.get("en", ""))),
            address=f"{self.site_url.rstrip('/')}/{slug}/" if self.site_url else "",
        )

    # -- fragments and pages ------------------------------------------------

    def body(self, clause: Clause, lang: str, anchors: bool, tips: bool = True) -> str:
        """A clause's paragraphs as HTML, a plain string (as `license.json` carries it)."""
        return str(self.macros.body(clause, lang, anchors, tips, self))

    def heading(self, clause: Clause, lang: str, anchors: bool) -> str:
        return str(self.macros.heading(clause, lang, anchors, self))

    def text_page(self, lang: str) -> str:
        doc = self.lic.docs[lang]
        return templating.render("text_page.html", lang=lang, slug=SLUGS[lang], doc=doc, tree=tree(doc), r=self)

    def parallel_page(self) -> str:
        return templating.render("parallel_page.html", zh=self.lic.zh, en=self.lic.en, pairs=self.lic.pairs(), r=self)
