"""Metadata and the other data files: valid against their schemas, citing only real clauses."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import usercache
from ..model import Finding, License

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMAS = {
    "metadata.yaml": "metadata.schema.json",
    "glossary.yaml": "glossary.schema.json",
    "errata.yaml": "errata.schema.json",
    "translation-notes.yaml": "translation-notes.schema.json",
    "published-ids.yaml": "published-ids.schema.json",
}


@cache
def validator(schema_path: Path) -> Draft202012Validator:
    # Imported here: jsonschema and its registry of meta-schemas are a tenth of a build,
    # and a source already found valid (`_known_valid`) needs neither.
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path.read_bytes())
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _jsonschema_version() -> str:
    """The installed versions of jsonschema and its meta-schemas, from the names of their
    dist-info folders: importlib.metadata would cost a third of what is saved."""
    spec = find_spec("jsonschema")
    if spec is None or spec.origin is None:
        return ""
    site = Path(spec.origin).parent.parent
    names = [n for n in os.listdir(site) if n.endswith(".dist-info") and n.startswith(("jsonschema", "referencing"))]
    return " ".join(sorted(names))


def _fingerprint(schema_path: Path, data: Any) -> str | None:
    """What decides a validation: the validator's version, the schema's bytes and the
    data, with its types (`repr`, since YAML gives dates besides strings)."""
    try:
        parts = [_jsonschema_version(), schema_path.read_bytes().decode(), repr(data)]
    except (OSError, ValueError):
        return None
    # surrogatepass: a folder name that is not UTF-8 comes with a lone surrogate in it.
    return hashlib.sha256("\0".join(parts).encode(errors="surrogatepass")).hexdigest()


def _known_valid(key: str | None) -> Path | None:
    """The marker of data already found valid, or None where there is no cache."""
    if key is None:
        return None
    with contextlib.suppress(OSError):
        return usercache.folder("valid") / key
    return None


def _errors(schema_path: Path, data: Any) -> list:
    """The schema's errors in the data. Data once found valid is remembered by its
    fingerprint; errors are never remembered, so every refusal is found afresh."""
    marker = _known_valid(_fingerprint(schema_path, data))
    if marker is not None and marker.exists():
        return []
    errors = list(validator(schema_path).iter_errors(data))
    if not errors and marker is not None:
        with contextlib.suppress(OSError):
            marker.touch()
    return errors


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
        for err in sorted(_errors(lic.path("schema") / schema, data[name]), key=lambda e: list(map(str, e.absolute_path))):
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
