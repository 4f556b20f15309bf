"""The downloads, generated from the clause model: JSON, SPDX-shaped files, plain text.

Every function returns the file's bytes, so that a build writes them as they are and
two builds give the same bytes. Nothing here reads the clock.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..model import License
from .cards import model_card, scancode_license
from .license_json import license_json
from .spdx import spdx_details, spdx_xml
from .text import plain_text


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


def downloads(lic: License, base: str, schema_dir: Path, release: dict | None = None) -> list[Download]:
    """Every download for a site at `base`; `release` (tag and commit) goes into license.json."""
    meta = lic.metadata
    zh_text = plain_text(lic.zh)
    en_text = plain_text(lic.en, lic.notice("en"))
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
            _json(license_json(lic, base, release)),
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
