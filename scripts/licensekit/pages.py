"""The site's generated pages and the generated parts of its hand-written pages.

Every page and part is HTML rendered through the templates in `templates/`, from the
clause model alone, so none of it is ever read as Markdown. Links are relative URLs
between directory-style pages (`../parallel/#s2-2`), so the site works under a sub-path;
the post-build audit checks that each one resolves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

import lxml.html
from markupsafe import escape

from .cite import citation, label
from .model import License
from .render import Renderer
from .templating import render

# choosealicense.com's three columns, in its words.
GROUPS = (
    ("permissions", "Permissions", "允许"),
    ("conditions", "Conditions", "条件"),
    ("limitations", "Limitations", "限制"),
)
# The rule a reader must not miss, shown above the columns.
KEY_RULE = "commercial-use-with-authorization"


def front_matter(**meta) -> str:
    """A page's front matter. The theme puts `title` and `description` into the page as
    HTML, so they are escaped here; JSON is valid YAML and quotes whatever they hold."""
    meta = {k: str(escape(v)) if k in ("title", "description") else v for k, v in meta.items()}
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items()) + "---\n\n"


# The license text outranks pages about it; the parallel view repeats it, so it is not indexed.
TEXT_SEARCH = {"boost": 2}


def text_pages(lic: License, site_url: str = "") -> dict[str, tuple[str, str]]:
    """The generated pages, by source path (`zh.md`, `en.md`, `parallel.md`): front matter and HTML body.

    `site_url`, when given, puts each page's own address in its header block (for printouts) and in the citations
    copied from clause headings.
    """
    r = Renderer(lic, site_url)
    zh, en = lic.zh.title, lic.en.title
    return {
        "zh.md": (
            front_matter(title=f"{zh}（中文原文）", lang="zh-Hans", description=zh, search=TEXT_SEARCH),
            r.text_page("zh-Hans"),
        ),
        "en.md": (front_matter(title=f"{en} (English translation)", lang="en", description=en, search=TEXT_SEARCH), r.text_page("en")),
        "parallel.md": (front_matter(title=f"{en}: Chinese and English", lang="en", search={"exclude": True}), r.parallel_page()),
    }


def toc(lic: License, lang: str) -> list[dict]:
    """The table of contents of a text page: the title and its sections.

    Levels are those of the headings (h1, h2), as a Markdown toc extension gives them.
    Clauses are left out: the theme prints the table twice, and they would add a fifth
    to the page's weight.
    """
    doc = lic.docs[lang]
    sections = [{"level": 2, "id": c.id, "name": str(escape(c.heading)), "children": []} for c in doc.clauses if c.level == 2]
    return [{"level": 1, "id": "title", "name": str(escape(doc.title)), "children": sections}]


def search_words(lic: License) -> list[str]:
    """Chinese words a segmenter should keep whole: defined terms and marked phrases."""
    words = [t["zh-Hans"] for t in lic.glossary]
    words += [s.text for c in lic.zh.clauses for p in c.paragraphs for s in p.spans if s.kind != "text"]
    return sorted({w for w in words if len(w) > 1})


def _tag_name(tag: str) -> str:
    return tag.replace("-", " ").capitalize()


def _cites(lic: License, ids: list[str]) -> list[tuple[str, str]]:
    return [(i, label(lic, i)) for i in ids]


def rules(lic: License, root: str) -> str:
    """The rules summary: the key rule, then Permissions, Conditions and Limitations side by side."""
    tags = lic.metadata["tags"]

    def item(rule: dict) -> dict:
        tag = rule["tag"]
        return {
            "name": _tag_name(tag),
            "tag": tag,
            "en": tags[tag]["en"],
            "zh": tags[tag]["zh-Hans"],
            "cites": _cites(lic, rule["clauses"]),
        }

    groups = [{"id": g, "en": en, "zh": zh, "rules": [item(r) for r in lic.metadata["rules"][g]]} for g, en, zh in GROUPS]
    key = next((r for g in groups for r in g["rules"] if r["tag"] == KEY_RULE), None)
    return render("rules.html", groups=groups, key=key, root=root)


def errata(lic: License, root: str) -> str:
    items = [
        {
            "id": e["id"],
            "label": label(lic, e["clause"]),
            "kind": e["kind"],
            "clause": e["clause"],
            "printed": e["printed"],
            "expected": e.get("expected"),
            "en": e["explanation"]["en"],
            "zh": e["explanation"]["zh-Hans"],
        }
        for e in lic.errata
    ]
    return render("errata.html", errata=items, root=root)


def translation_notes(lic: License, root: str) -> str:
    items = [{"id": n["id"], "zh": n["zh-Hans"], "en": n["en"], "note": n["note"], "cites": _cites(lic, n["clauses"])} for n in lic.notes]
    return render("translation_notes.html", notes=items, root=root)


def clause_ids(lic: License, root: str) -> str:
    """A table of every clause ID with its label and headings in both languages."""
    zh = lic.zh.by_id()
    rows = [{"id": c.id, "label": label(lic, c.id), "zh": zh[c.id].heading, "en": c.heading} for c in lic.en.clauses]
    rows += [{"id": t["id"], "label": label(lic, t["id"]), "zh": t["zh-Hans"], "en": t["en"]} for t in lic.glossary if t["id"] not in zh]
    return render("clause_ids.html", rows=rows, root=root)


def glossary(lic: License, root: str) -> str:
    terms = [{"zh": t["zh-Hans"], "en": t["en"], "cites": _cites(lic, [t["id"]])} for t in lic.glossary]
    return render("glossary.html", terms=terms, root=root)


def operator(lic: License, root: str) -> str:
    """Who runs the site, and that it is not the licensor's: the reading pages' words, in both languages."""
    r = Renderer(lic)
    return render("operator.html", en=r.header("en", "").operator, zh=r.header("zh-Hans", "").operator)


URL = re.compile(r"https?://[^\s\"'<>)]+")


def outbound_links(lic: License) -> list[str]:
    """Every address outside the site that the site links to: all come from the metadata."""
    return sorted(set(URL.findall(json.dumps(lic.metadata, ensure_ascii=False))))


def outbound(lic: License, root: str) -> str:
    return render("outbound_links.html", urls=outbound_links(lic))


Part = Callable[[License, str], str]
PARTS: dict[str, Part] = {
    "rules": rules,
    "errata": errata,
    "translation-notes": translation_notes,
    "clause-ids": clause_ids,
    "glossary": glossary,
    "outbound-links": outbound,
    "operator": operator,
}
# Parts whose data is not in the clause model: the site layer renders them with what they need.
EXTRA_PARTS = ("downloads", "cite-urls", "citations", "scancode-commands", "model-card", "verify-form")
MARKER = re.compile(r"<!-- licensekit:([a-z-]+) -->")


def cite_urls(base: str, clause_id: str = "s2-2") -> str:
    """The addresses of one clause on each page, for the notes on citing."""
    rows = (("Chinese (authoritative)", "zh"), ("English", "en"), ("both side by side", "parallel"))
    return render("cite_urls.html", pages=rows, base=base, clause_id=clause_id)


def checksum_example(downloads, base: str) -> str:
    """One shell command that fetches every download from `base` and checks its SHA-256.

    curl's `--remote-name-all` saves each file under its base name, so those must differ;
    `sha256sum -c` reads the expected sums from a here-document.
    """
    names = [d.path.rsplit("/", 1)[-1] for d in downloads]
    if len(set(names)) != len(names):
        raise ValueError("two downloads share a file name; the checksum example would fetch one over the other")
    urls = "".join(f"  {base.rstrip('/')}/{d.path} \\\n" for d in downloads)
    sums = "".join(f"{d.sha256}  {name}\n" for d, name in zip(downloads, names, strict=True))
    return f"curl -fsS --remote-name-all \\\n{urls}  && sha256sum -c <<'EOF'\n{sums}EOF"


CITED = ("s2-2", "s4-3-ix", "s1-model-derivatives", "appendix-2-commercial-use", "s2-grant")


def citations(lic: License, base: str, ids: tuple[str, ...] = CITED) -> str:
    """What the copy-citation buttons give for a few clauses, in both languages, for the notes."""
    rows = [(i, citation(lic, i, "zh-Hans", base).text, citation(lic, i, "en", base).text) for i in ids]
    return render("citations.html", rows=rows)


def downloads_table(downloads, root: str, base: str = "/") -> str:
    """Each download with what it is, its size and its SHA-256, and a command that checks them."""
    rows = [{"path": d.path, "description": d.description, "size": len(d.content), "sha256": d.sha256} for d in downloads]
    return render("downloads.html", downloads=rows, root=root, example=checksum_example(downloads, base))


def verify_form() -> str:
    """The /verify/ page's form (its scripts are added after the theme, by `add_scripts`)."""
    return render("verify_form.html")


def add_scripts(html: str, root: str, scripts: tuple[str, ...]) -> str:
    """A built page with `scripts` (site paths) loaded at the end of its body, outside its content."""
    at = html.rfind("</body>")
    if at < 0:
        raise ValueError("no </body> to put the page's scripts before")
    return html[:at] + render("page_scripts.html", root=root, scripts=scripts) + html[at:]


def code_block(text: str, language: str) -> str:
    """Text to copy, such as commands or YAML, shown as a code block."""
    return render("code_block.html", text=text, language=language)


class UnknownPart(ValueError):
    """A marker names no generated part."""


def fill(markdown: str, lic: License, root: str, token: str, **extra: str) -> tuple[str, dict[str, str]]:
    """Replace each `<!-- licensekit:NAME -->` of a hand-written page with a placeholder paragraph.

    Returns the Markdown and the HTML of each placeholder, `token` followed by a number:
    the site layer puts the HTML in after Markdown has run, so no generated string is
    ever read as Markdown. `root` is the relative URL of the site root from the page.
    """
    parts: dict[str, str] = {}

    def place(match: re.Match) -> str:
        name = match.group(1)
        if name in extra:
            html = extra[name]
        elif name in PARTS:
            html = PARTS[name](lic, root)
        else:
            line = markdown[: match.start()].count("\n") + 1
            raise UnknownPart(f"line {line}: unknown generated part {name!r}; known: {', '.join(sorted([*PARTS, *EXTRA_PARTS]))}")
        key = f"{token}{len(parts)}"
        parts[key] = html
        return f"\n\n{key}\n\n"

    return MARKER.sub(place, markdown), parts


def put_parts(html: str, parts: dict[str, str]) -> str:
    """Put each part where Markdown left its placeholder paragraph; a lost placeholder is an error."""
    for key, part in parts.items():
        holder = f"<p>{key}</p>"
        if html.count(holder) != 1:
            raise ValueError(f"a generated part is not on a line of its own ({key})")
        html = html.replace(holder, part)
    return html


HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def toc_from_html(html: str) -> list[dict]:
    """The table of contents of a finished page: every heading with an id, nested by level.

    The same shape as a Markdown toc extension gives, so generated headings are listed too.
    """
    roots: list[dict] = []
    stack: list[dict] = []
    for el in lxml.html.document_fromstring(html).iter(*HEADINGS):
        if not el.get("id"):
            continue
        for link in el.find_class("headerlink"):
            link.drop_tree()  # keeps the text that follows the link
        item = {"level": int(el.tag[1]), "id": el.get("id"), "name": str(escape(el.text_content().strip())), "children": []}
        while stack and stack[-1]["level"] >= item["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(item)
        stack.append(item)
    return roots


ID_ATTR = re.compile(r'\sid="([^"]*)"')


def anchor_ids(html: str) -> set[str]:
    """Every `id` in HTML rendered by the templates, where autoescaping keeps `"` out of values."""
    return {unescape(m) for m in ID_ATTR.findall(html)}
