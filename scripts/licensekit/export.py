"""The downloads, generated from the clause model: JSON, SPDX-shaped files, plain text.

Every function returns the file's bytes, so that a build writes them as they are and
two builds give the same bytes. Nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from .cite import label
from .model import Clause, Document, License
from .render import Renderer

SCHEMA_VERSION = "1.0.0"
SLUG = {"zh-Hans": "zh", "en": "en"}
SPDX_NS = "http://www.spdx.org/license"


@dataclass(frozen=True)
class Download:
    path: str  # URL path relative to the site root
    title: str
    description: str
    media_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def clause_url(base: str, page: str, clause_id: str) -> str:
    return f"{base}{page}/#{clause_id}"


# -- plain text ---------------------------------------------------------------


def _line(clause: Clause) -> str:
    """A clause as plain text: its printed number, its title and its text."""
    joiner = " " if clause.lang == "en" else ""
    body = joiner.join(x for x in (clause.title, clause.text) if x)
    sep = " " if clause.lang == "en" or clause.number.endswith(".") else ""
    return sep.join(x for x in (clause.number, body) if x)


def plain_text(doc: Document, notice: str = "") -> str:
    """The text with clause numbers as printed; captions are left out, as they are ours."""
    parts = [doc.title, ""]
    if notice:
        parts += [notice, ""]
    for clause in doc.clauses:
        line = _line(clause)
        if line:
            parts += [line, ""]
    return "\n".join(parts).rstrip("\n") + "\n"


# -- license.json -------------------------------------------------------------


def _absolute(html: str, base: str, page: str) -> str:
    html = html.replace('href="#', f'href="{base}{page}/#')
    return html.replace('href="../', f'href="{base}')


def license_json(lic: License, base: str) -> dict:
    r = Renderer(lic)
    meta = lic.metadata
    clauses = []
    for zh, en in lic.pairs():
        pair = {"zh-Hans": zh, "en": en}
        clauses.append(
            {
                "id": zh.id,
                "parent": zh.parent,
                "kind": zh.kind,
                "level": zh.level,
                "label": label(lic, zh.id),
                "number": {lang: c.number for lang, c in pair.items()},
                "title": {lang: c.title for lang, c in pair.items()},
                "caption": {lang: c.caption for lang, c in pair.items()},
                "text": {lang: c.text for lang, c in pair.items()},
                "html": {lang: _absolute(r.body(c, lang, True), base, SLUG[lang]) for lang, c in pair.items()},
                "references": zh.refs,
                "terms": zh.terms,
                "defines": zh.defines,
                "urls": {
                    "zh-Hans": clause_url(base, "zh", zh.id),
                    "en": clause_url(base, "en", zh.id),
                    "parallel": clause_url(base, "parallel", zh.id),
                },
            }
        )
    tags = meta["tags"]
    rules = {
        group: [
            {
                "tag": rule["tag"],
                "vocabulary": tags[rule["tag"]]["vocabulary"],
                "description": {k: tags[rule["tag"]][k] for k in ("en", "zh-Hans")},
                "clauses": rule["clauses"],
            }
            for rule in entries
        ]
        for group, entries in meta["rules"].items()
    }
    glossary = [
        {
            "id": t["id"],
            "zh-Hans": t["zh-Hans"],
            "en": t["en"],
            "urls": {"zh-Hans": clause_url(base, "zh", t["id"]), "en": clause_url(base, "en", t["id"])},
        }
        for t in lic.glossary
    ]
    errata = [{**e, "url": f"{base}notes/#erratum-{e['id']}"} for e in lic.errata]
    notes = [{**n, "url": f"{base}notes/#note-{n['id']}"} for n in lic.notes]
    return {
        "schemaVersion": SCHEMA_VERSION,
        "$schema": f"{base}schema/license.schema.json",
        "licenseId": meta["licenseId"],
        "name": meta["name"],
        "title": {"zh-Hans": lic.zh.title, "en": lic.en.title},
        "authoritativeLanguage": next(x["tag"] for x in meta["languages"] if x["authoritative"]),
        "urls": {"site": base, "zh-Hans": f"{base}zh/", "en": f"{base}en/", "parallel": f"{base}parallel/", "notes": f"{base}notes/"},
        "metadata": meta,
        "clauses": clauses,
        "rules": rules,
        "glossary": glossary,
        "errata": errata,
        "translationNotes": notes,
    }


# -- SPDX ---------------------------------------------------------------------


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
    from html import escape

    parts = [f'<div lang="{doc.lang}">', f"<p>{escape(doc.title)}</p>"]
    for clause in doc.clauses:
        line = _line(clause)
        if line:
            parts.append(f"<p>{escape(line)}</p>")
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


# -- ScanCode and Hugging Face ------------------------------------------------


def scancode_license(lic: License, base: str, text: str) -> bytes:
    meta = lic.metadata
    sc = meta["identifiers"]["scancode"]
    front = {
        "key": sc["key"],
        "short_name": "baichuan-7B Model License 2023",
        "name": meta["name"],
        "category": "Proprietary Free",
        "owner": meta["licensor"]["en"],
        "homepage_url": meta["seeAlso"][0],
        "notes": f"{meta['licenseComments']} Unofficial English translation: {base}en/",
        "spdx_license_key": sc["spdx_license_key"],
        "other_spdx_license_keys": [meta["licenseId"]],
        "text_urls": [f"{base}license.zh.txt"],
        "other_urls": meta["seeAlso"][1:] + [f"{base}zh/"],
        "language": "zh",
    }
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{text}".encode()


def model_card(lic: License, base: str) -> bytes:
    hf = lic.metadata["identifiers"]["huggingFace"]
    link = base + hf["license_link"].lstrip("/")
    return f"---\nlicense: {hf['license']}\nlicense_name: {hf['license_name']}\nlicense_link: {link}\n---\n".encode()


# -- all downloads ------------------------------------------------------------


def downloads(lic: License, base: str, schema_dir: Path) -> list[Download]:
    meta = lic.metadata
    notice = next(x.get("notice", "") for x in meta["languages"] if x["tag"] == "en")
    zh_text = plain_text(lic.zh)
    en_text = plain_text(lic.en, notice)
    lid = meta["licenseId"]
    sc_key = meta["identifiers"]["scancode"]["key"]
    return [
        Download(
            "license.json",
            "license.json",
            (
                "The whole license: metadata, every clause in both languages with its text, HTML, "
                "references, terms and URLs, the rules, glossary and errata."
            ),
            "application/json",
            _json(license_json(lic, base)),
        ),
        Download(
            "schema/license.schema.json",
            "license.schema.json",
            "JSON Schema (draft 2020-12) of license.json.",
            "application/schema+json",
            _schema(schema_dir / "license.schema.json", base),
        ),
        Download(
            "schema/metadata.schema.json",
            "metadata.schema.json",
            "JSON Schema of the metadata inside license.json.",
            "application/schema+json",
            _schema(schema_dir / "metadata.schema.json", base),
        ),
        Download(
            f"spdx/{lid}.json",
            f"{lid}.json",
            "Shaped like an SPDX license-list-data json/details file; licenseText is the Chinese text.",
            "application/json",
            _json(spdx_details(lic, base, zh_text)),
        ),
        Download(
            f"spdx/{lid}.xml",
            f"{lid}.xml",
            "An SPDX license-list-XML file (<SPDXLicenseCollection>) with the structure of the Chinese text.",
            "application/xml",
            spdx_xml(lic, base),
        ),
        Download(
            "license.zh.txt",
            "license.zh.txt",
            "The Chinese text, authoritative, as plain UTF-8 text with clause numbers as printed.",
            "text/plain",
            zh_text.encode(),
        ),
        Download(
            "license.en.txt", "license.en.txt", "The unofficial English translation as plain UTF-8 text.", "text/plain", en_text.encode()
        ),
        Download(
            f"scancode/{sc_key}.LICENSE",
            f"{sc_key}.LICENSE",
            "A ScanCode-style license file: YAML front matter over the Chinese text.",
            "text/plain",
            scancode_license(lic, base, zh_text),
        ),
        Download(
            "huggingface/model-card.yml",
            "model-card.yml",
            "The front matter lines for the model card of a model under this license.",
            "text/yaml",
            model_card(lic, base),
        ),
    ]


def _schema(path: Path, base: str) -> bytes:
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["$id"] = f"{base}schema/{path.name}"
    return _json(schema)
