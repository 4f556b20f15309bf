"""Metadata and the other data files: valid against their schemas, citing only real clauses."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from ..model import Finding, License

SCHEMAS = {
    "metadata.yaml": "metadata.schema.json",
    "glossary.yaml": "glossary.schema.json",
    "errata.yaml": "errata.schema.json",
    "translation-notes.yaml": "translation-notes.schema.json",
    "published-ids.yaml": "published-ids.schema.json",
}


@cache
def validator(schema_path: Path) -> Draft202012Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    data = {
        "metadata.yaml": lic.metadata,
        "glossary.yaml": lic.glossary,
        "errata.yaml": lic.errata,
        "translation-notes.yaml": lic.notes,
        "published-ids.yaml": lic.published,
    }
    for name, schema in SCHEMAS.items():
        code = "META-SCHEMA" if name == "metadata.yaml" else "DATA-SCHEMA"
        for err in sorted(validator(lic.path("schema") / schema).iter_errors(data[name]), key=lambda e: list(map(str, e.absolute_path))):
            where = "/".join(map(str, err.absolute_path)) or "(top)"
            found.append(Finding(lic.path(name), lic.line_of(name, *err.absolute_path), code, "", f"{where}: {err.message}"))
    found += _cited_clauses(lic)
    return found


def _cited_clauses(lic: License) -> list[Finding]:
    """Rules and notes cite clause IDs that exist in both languages; rule tags are defined."""
    known = lic.zh.anchors() & lic.en.anchors()
    found = []
    rules = lic.metadata.get("rules") or {}
    tags = lic.metadata.get("tags") or {}
    for group, entries in rules.items() if isinstance(rules, dict) else ():
        for index, rule in enumerate(entries or []):
            if not isinstance(rule, dict):
                continue
            line = lic.line_of("metadata.yaml", "rules", group, index)
            if rule.get("tag") not in tags:
                found.append(
                    Finding(lic.path("metadata.yaml"), line, "META-TAG", "", f"rule tag {rule.get('tag')!r} is not defined under tags")
                )
            for cid in rule.get("clauses") or []:
                if cid not in known:
                    found.append(
                        Finding(
                            lic.path("metadata.yaml"),
                            line,
                            "META-CLAUSE",
                            cid,
                            f"rule {rule.get('tag')} cites a clause that is not in both texts",
                        )
                    )
    for index, note in enumerate(lic.notes):
        for cid in note.get("clauses") or []:
            if cid not in known:
                found.append(
                    Finding(
                        lic.path("translation-notes.yaml"),
                        lic.line_of("translation-notes.yaml", index),
                        "META-CLAUSE",
                        cid,
                        f"note {note.get('id')} cites a clause that is not in both texts",
                    )
                )
    return found
