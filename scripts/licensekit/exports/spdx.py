"""SPDX forms: a license-list-data details JSON and a license-list-XML file."""

from __future__ import annotations

from html import escape
from xml.etree import ElementTree as ET

from ..model import Clause, Document, License
from .text import lines

SPDX_NS = "http://www.spdx.org/license"


def spdx_details(lic: License, base: str, text: str) -> dict:
    """Shaped like SPDX license-list-data json/details/<id>.json."""
    meta = lic.metadata
    urls = meta["seeAlso"]
    comments = (
        f"{meta['licenseComments']} An unofficial English translation by this project is at {base}en/ "
        f"(plain text: {base}license.en.txt); it is not authoritative."
    )
    details = {
        "isDeprecatedLicenseId": meta["isDeprecatedLicenseId"],
        "licenseText": text,
        "standardLicenseTemplate": text.replace("<<", "\\<<"),
        "name": meta["name"],
        "licenseComments": comments,
        "licenseId": meta["licenseId"],
        # Not checked by a crawler here, so nothing is claimed live; `timestamp` is the
        # licensor's publication date, kept in the sources so that builds repeat.
        "crossRef": [
            {"match": "N/A", "url": url, "isValid": True, "isLive": False, "timestamp": _published(lic), "isWayBackLink": False, "order": i}
            for i, url in enumerate(urls)
        ],
        "seeAlso": urls,
        "isOsiApproved": meta["isOsiApproved"],
        "licenseTextHtml": spdx_html(lic.zh),
    }
    if "isFsfLibre" in meta:  # SPDX leaves the key out unless the FSF lists the license
        details["isFsfLibre"] = meta["isFsfLibre"]
    return details


def _published(lic: License) -> str:
    date = next(p["date"] for p in lic.metadata["provenance"] if p.get("date") and p.get("language") == "zh-Hans")
    return f"{date}T00:00:00Z"


def spdx_html(doc: Document) -> str:
    parts = [f'<div lang="{doc.lang}">', f"<p>{escape(doc.title)}</p>"]
    parts += [f"<p>{escape(text)}</p>" for text in lines(doc)]
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def spdx_xml(lic: License, base: str) -> bytes:
    """An SPDX license-list-XML file: the Chinese text with titleText, lists, items and bullets."""
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
    title = ET.SubElement(text, q("titleText"))
    ET.SubElement(title, q("p")).text = lic.zh.title
    children: dict[str | None, list[Clause]] = {}
    for clause in lic.zh.clauses:
        children.setdefault(clause.parent, []).append(clause)

    def emit(parent: ET.Element, clauses: list[Clause]) -> None:
        listing = None
        for clause in clauses:
            if clause.number and clause.level > 2:
                listing = listing if listing is not None else ET.SubElement(parent, q("list"))
                item = ET.SubElement(listing, q("item"))
                ET.SubElement(item, q("bullet")).text = clause.number
                _paragraphs(item, clause, q)
                emit(item, children.get(clause.id, []))
            else:
                listing = None
                head = ET.SubElement(parent, q("p"))
                head.text = clause.number + clause.title if clause.kind in ("section", "field") else None
                if head.text is None:
                    parent.remove(head)
                _paragraphs(parent, clause, q)
                emit(parent, children.get(clause.id, []))

    emit(text, children.get(None, []))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _paragraphs(parent: ET.Element, clause: Clause, q) -> None:
    for para in clause.paragraphs:
        ET.SubElement(parent, q("p")).text = para.text
