"""`/license.json`: the whole license, clause by clause, in both languages."""

from __future__ import annotations

from ..cite import label
from ..model import Clause, License
from ..render import Renderer

# 2.0.0: the rules appear once (top-level `rules`), not also under `metadata`.
SCHEMA_VERSION = "2.0.0"
SLUG = {"zh-Hans": "zh", "en": "en"}


def clause_url(base: str, page: str, clause_id: str) -> str:
    return f"{base}{page}/#{clause_id}"


def _absolute(html: str, base: str, page: str) -> str:
    html = html.replace('href="#', f'href="{base}{page}/#')
    return html.replace('href="../', f'href="{base}')


def defines(clause: Clause) -> list[str]:
    """A definition clause defines the term it is named after; others define terms inline."""
    own = [clause.id] if clause.kind == "definition" else []
    return own + [t for t in clause.defines if t != clause.id]


def published_metadata(lic: License, base: str) -> dict:
    """The metadata without `rules` and `tags` (expanded once, in top-level `rules`), with absolute URLs."""
    meta = {k: v for k, v in lic.metadata.items() if k not in ("rules", "tags")}
    hf = dict(meta["identifiers"]["huggingFace"])
    hf["license_link"] = base + hf["license_link"].lstrip("/")
    meta["identifiers"] = {**meta["identifiers"], "huggingFace": hf}
    return meta


def license_json(lic: License, base: str, release: dict | None = None) -> dict:
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
                "defines": defines(zh),
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
        "metadata": published_metadata(lic, base),
        "clauses": clauses,
        "rules": rules,
        "glossary": glossary,
        "errata": errata,
        "translationNotes": notes,
    } | ({"release": release} if release is not None else {})
