"""The site's generated pages and the generated parts of its hand-written pages.

Pages are Markdown documents whose body is the rendered HTML; the parts are Markdown
with relative links to other pages' sources (`parallel.md#s2-2`), the form every
Markdown site engine resolves and checks.
"""

from __future__ import annotations

import json
import re
from html import escape

from .cite import label
from .model import License
from .render import Renderer, zh_spans

GROUPS = (
    ("permissions", "Allowed", "允许"),
    ("conditions", "Required", "必须"),
    ("limitations", "Forbidden or limited", "禁止与限制"),
)


def _front_matter(**meta) -> str:
    # JSON is valid YAML and escapes whatever a title may hold.
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n\n"


# The license text outranks pages about it; the parallel view repeats it, so it is not indexed.
TEXT_SEARCH = {"boost": 2}


def text_pages(lic: License) -> dict[str, str]:
    """The generated pages, by source path: `zh.md`, `en.md` and `parallel.md`."""
    r = Renderer(lic)
    return {
        "zh.md": _front_matter(title=f"{lic.zh.title}（中文原文）", lang="zh-Hans", description=lic.zh.title, search=TEXT_SEARCH)
        + r.text_page("zh-Hans")
        + "\n",
        "en.md": _front_matter(title=f"{lic.en.title} (English translation)", lang="en", description=lic.en.title, search=TEXT_SEARCH)
        + r.text_page("en")
        + "\n",
        "parallel.md": _front_matter(title=f"{lic.en.title}: Chinese and English", lang="en", search={"exclude": True})
        + r.parallel_page()
        + "\n",
    }


def toc(lic: License, lang: str) -> list[dict]:
    """The table of contents of a text page: the title and its sections.

    Levels are those of the headings (h1, h2), as a Markdown toc extension gives them.
    Clauses are left out: the theme prints the table twice, and they would add a fifth
    to the page's weight.
    """
    doc = lic.docs[lang]
    sections = [{"level": 2, "id": c.id, "name": escape(c.heading), "children": []} for c in doc.clauses if c.level == 2]
    return [{"level": 1, "id": "title", "name": escape(doc.title), "children": sections}]


def search_words(lic: License) -> list[str]:
    """Chinese words a segmenter should keep whole: defined terms and marked phrases."""
    words = [t["zh-Hans"] for t in lic.glossary]
    words += [s.text for c in lic.zh.clauses for p in c.paragraphs for s in p.spans if s.kind != "text"]
    return sorted({w for w in words if len(w) > 1})


def _tag_name(tag: str) -> str:
    return tag.replace("-", " ").capitalize()


def _cites(lic: License, ids: list[str], page: str = "parallel.md") -> str:
    return ", ".join(f"[{label(lic, i)}]({page}#{i})" for i in ids)


def rules(lic: License) -> str:
    """The rules summary: each rule with its clauses, in both languages."""
    tags = lic.metadata["tags"]
    out = []
    for group, en, zh in GROUPS:
        out.append(f'## {en} · <span lang="zh-Hans">{zh}</span> {{#{group}}}\n')
        for rule in lic.metadata["rules"][group]:
            tag = tags[rule["tag"]]
            out.append(
                f"- **{_tag_name(rule['tag'])}** (`{rule['tag']}`): {tag['en']} "
                f'<span lang="zh-Hans">{tag["zh-Hans"]}</span> — {_cites(lic, rule["clauses"])}'
            )
        out.append("")
    return "\n".join(out)


def errata(lic: License) -> str:
    out = []
    for e in lic.errata:
        out += [
            f"### {label(lic, e['clause'])}: {e['kind']} {{#erratum-{e['id']}}}\n",
            f'Printed: <code lang="zh-Hans">{e["printed"]}</code>'
            + (f" — expected `{e['expected']}`" if e.get("expected") else "")
            + f' · [<span lang="zh-Hans">中文</span>](zh.md#{e["clause"]}) · [English](en.md#{e["clause"]})\n',
            f"{zh_spans(e['explanation']['en'])}\n",
            f'<p lang="zh-Hans">{e["explanation"]["zh-Hans"]}</p>\n',
        ]
    return "\n".join(out)


def translation_notes(lic: License) -> str:
    out = []
    for n in lic.notes:
        out += [
            f'### <span lang="zh-Hans">{n["zh-Hans"]}</span> — {n["en"]} {{#note-{n["id"]}}}\n',
            f"{zh_spans(n['note'])}\n",
            f"Clauses: {_cites(lic, n['clauses'])}\n",
        ]
    return "\n".join(out)


def clause_ids(lic: License) -> str:
    """A table of every clause ID with its label and headings in both languages."""
    zh = lic.zh.by_id()
    rows = ['| ID | cite as | <span lang="zh-Hans">中文</span> | English |', "| --- | --- | --- | --- |"]
    for c in lic.en.clauses:
        z = zh[c.id]
        rows.append(
            f'| `{c.id}` | {label(lic, c.id)} | [<span lang="zh-Hans">{z.heading}</span>](zh.md#{c.id}) | [{c.heading}](en.md#{c.id}) |'
        )
    for term in lic.glossary:
        if term["id"] not in zh:
            rows.append(
                f'| `{term["id"]}` | {label(lic, term["id"])} | [<span lang="zh-Hans">{term["zh-Hans"]}</span>](zh.md#{term["id"]}) '
                f"| [{term['en']}](en.md#{term['id']}) |"
            )
    return "\n".join(rows) + "\n"


def glossary(lic: License) -> str:
    rows = ['| <span lang="zh-Hans">中文</span> | English | defined in |', "| --- | --- | --- |"]
    for term in lic.glossary:
        rows.append(f'| <span lang="zh-Hans">{term["zh-Hans"]}</span> | {term["en"]} | {_cites(lic, [term["id"]])} |')
    return "\n".join(rows) + "\n"


URL = re.compile(r"https?://[^\s\"'<>)]+")


def outbound_links(lic: License) -> list[str]:
    """Every address outside the site that the site links to: all come from the metadata."""
    return sorted(set(URL.findall(json.dumps(lic.metadata, ensure_ascii=False))))


def outbound(lic: License) -> str:
    return "\n".join(f"- <{url}>" for url in outbound_links(lic)) + "\n"


PARTS = {
    "rules": rules,
    "errata": errata,
    "translation-notes": translation_notes,
    "clause-ids": clause_ids,
    "glossary": glossary,
    "outbound-links": outbound,
}
PLACEHOLDER = re.compile(r"<!-- licensekit:([a-z-]+) -->")


def cite_urls(base: str, clause_id: str = "s2-2") -> str:
    """The addresses of one clause on each page, for the notes on citing."""
    rows = (("Chinese (authoritative)", "zh"), ("English", "en"), ("both side by side", "parallel"))
    return "\n".join(f"- {name}: `{base}{page}/#{clause_id}`" for name, page in rows) + "\n"


def downloads_table(downloads) -> str:
    """Each download with what it is, its size and its SHA-256."""
    rows = ["| file | what | size | SHA-256 |", "| --- | --- | --- | --- |"]
    for d in downloads:
        rows.append(f"| [`/{d.path}`]({d.path}) | {d.description} | {len(d.content):,} bytes | `{d.sha256}` |")
    return "\n".join(rows) + "\n"


def fill(markdown: str, lic: License, **extra: str) -> str:
    """Replace each `<!-- licensekit:NAME -->` in a hand-written page with its part."""
    return PLACEHOLDER.sub(lambda m: extra[m.group(1)] if m.group(1) in extra else PARTS[m.group(1)](lic), markdown)
