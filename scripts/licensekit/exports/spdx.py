"""SPDX forms: a license-list-data details JSON and a license-list-XML file.

Both come from one outline of the Chinese text (`outline`): the title is optional, as
SPDX's matching guidelines treat titles; every printed number is a bullet, which
SPDX matches as any short string, so a copy whose misprinted "(ii)" and "(x)" were
corrected still matches. The XML, the template and the HTML are three renderings of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from xml.etree import ElementTree as ET

from ..model import Clause, License

SPDX_NS = "http://www.spdx.org/license"
BULLET_MATCH = ".{0,20}"  # what SPDX's own tools match a <bullet> with


@dataclass
class Node:
    kind: str  # title | p | list | item
    text: str = ""
    bullet: str = ""
    children: list[Node] = field(default_factory=list)


def outline(lic: License) -> list[Node]:
    """The Chinese text as SPDX sees it: an optional title, paragraphs, and lists of bulleted items."""
    children: dict[str | None, list[Clause]] = {}
    for clause in lic.zh.clauses:
        children.setdefault(clause.parent, []).append(clause)

    def nodes(clauses: list[Clause]) -> list[Node]:
        out: list[Node] = []
        for clause in clauses:
            texts = [t for t in (clause.title, *(p.text for p in clause.paragraphs)) if t]
            below = nodes(children.get(clause.id, []))
            if clause.number:
                if not out or out[-1].kind != "list":
                    out.append(Node("list"))
                item = Node("item", texts[0] if texts else "", clause.number)
                item.children = [Node("p", t) for t in texts[1:]] + below
                out[-1].children.append(item)
            else:
                out += [Node("p", t) for t in texts] + below
        return out

    return [Node("title", lic.zh.title), *nodes(children.get(None, []))]


def spdx_template(nodes: list[Node]) -> str:
    """SPDX license template syntax: <<beginOptional>>, and <<var>> for each bullet."""

    def render(node: Node, indent: str) -> str:
        text = node.text.replace("<<", "\\<<")
        if node.kind == "title":
            return f"<<beginOptional>>{text}<<endOptional>>\n\n"
        if node.kind == "p":
            return f"{indent}{text}\n\n"
        if node.kind == "list":
            return "".join(render(item, indent + "   ") for item in node.children)
        original = node.bullet.replace('"', '\\"')
        head = f'{indent}<<var;name="bullet";original="{original}";match="{BULLET_MATCH}">> {text}\n\n'
        return head + "".join(render(child, indent) for child in node.children)

    return "".join(render(node, "") for node in nodes)


def spdx_html(nodes: list[Node], lang: str = "zh-Hans") -> str:
    """Shaped like licenseTextHtml in SPDX's data: optional text and replaceable bullets marked."""

    def render(node: Node) -> str:
        text = escape(node.text)
        if node.kind == "title":
            return f'<div class="optional-license-text"><p>{text}</p></div>\n'
        if node.kind == "p":
            return f"<p>{text}</p>\n"
        if node.kind == "list":
            return '<ul style="list-style:none">\n' + "".join(render(item) for item in node.children) + "</ul>\n"
        bullet = (
            f'<var class="replaceable-license-text"><span title="can be replaced with the pattern {escape(BULLET_MATCH)}">'
            f"{escape(node.bullet)}</span></var>"
        )
        return f"<li>{bullet} {text}\n" + "".join(render(child) for child in node.children) + "</li>\n"

    return f'<div lang="{lang}">\n' + "".join(render(node) for node in nodes) + "</div>\n"


def spdx_details(lic: License, base: str, text: str) -> dict:
    """Shaped like SPDX license-list-data json/details/<id>.json.

    `crossRef` is left out: in SPDX's data it records what SPDX's crawler found at each
    URL and when, and nothing here checks the URLs. `seeAlso` lists them.
    """
    meta = lic.metadata
    nodes = outline(lic)
    comments = (
        f"{meta['licenseComments']} An unofficial English translation by this project is at {base}en/ "
        f"(plain text: {base}license.en.txt); it is not authoritative."
    )
    details = {
        "isDeprecatedLicenseId": meta["isDeprecatedLicenseId"],
        "licenseText": text,
        "standardLicenseTemplate": spdx_template(nodes),
        "name": meta["name"],
        "licenseComments": comments,
        "comment": comments,  # SPDX's data carries the notes under both names
        "licenseId": meta["licenseId"],
        "seeAlso": meta["seeAlso"],
        "isOsiApproved": meta["isOsiApproved"],
        "licenseTextHtml": spdx_html(nodes),
    }
    if "isFsfLibre" in meta:  # SPDX leaves the key out unless the FSF lists the license
        details["isFsfLibre"] = meta["isFsfLibre"]
    return details


def spdx_xml(lic: License, base: str) -> bytes:
    """An SPDX license-list-XML file: the Chinese text with an optional title, lists, items and bullets."""
    ET.register_namespace("", SPDX_NS)
    q = lambda tag: f"{{{SPDX_NS}}}{tag}"  # noqa: E731
    meta = lic.metadata
    root = ET.Element(q("SPDXLicenseCollection"))
    lic_el = ET.SubElement(
        root, q("license"), {"isOsiApproved": str(meta["isOsiApproved"]).lower(), "licenseId": meta["licenseId"], "name": meta["name"]}
    )
    refs = ET.SubElement(lic_el, q("crossRefs"))
    for url in meta["seeAlso"]:
        ET.SubElement(refs, q("crossRef")).text = url
    notes = ET.SubElement(lic_el, q("notes"))
    notes.text = f"{meta['licenseComments']} Unofficial English translation: {base}en/"
    text = ET.SubElement(lic_el, q("text"))

    def emit(parent: ET.Element, node: Node) -> None:
        if node.kind == "title":
            title = ET.SubElement(ET.SubElement(parent, q("optional")), q("titleText"))
            ET.SubElement(title, q("p")).text = node.text
        elif node.kind == "p":
            ET.SubElement(parent, q("p")).text = node.text
        elif node.kind == "list":
            listing = ET.SubElement(parent, q("list"))
            for item in node.children:
                emit(listing, item)
        else:
            item = ET.SubElement(parent, q("item"))
            bullet = ET.SubElement(item, q("bullet"))
            bullet.text = node.bullet
            bullet.tail = node.text
            for child in node.children:
                emit(item, child)

    for node in outline(lic):
        emit(text, node)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
