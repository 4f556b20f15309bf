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
from .cards import model_card
from .license_json import license_json
from .sbom import spdx_document
from .scancode import plugin_wheel_name, rule_name, scancode_commands, scancode_license, scancode_plugin, scancode_rules
from .schema import license_schema, metadata_schema, verify_report_schema
from .spdx import spdx_details, spdx_xml
from .text import plain_text

__all__ = ["Download", "downloads", "model_card", "scancode_commands"]


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
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def downloads(lic: License, base: str, schema_dir: Path, release: dict | None = None) -> list[Download]:
    """Every download for a site at `base`; `release` (tag and commit) goes into license.json."""
    meta = lic.metadata
    zh_text = plain_text(lic.zh)
    en_text = plain_text(lic.en, lic.notice("en"))
    lid = meta["licenseId"]
    sc_key = meta["identifiers"]["scancode"]["key"]
    sc_license = scancode_license(lic, base, zh_text)
    sc_rules = scancode_rules(lic, en_text)
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
            _json(license_schema(schema_dir, base)),
        ),
        Download(
            "schema/metadata.schema.json",
            "metadata.schema.json",
            "JSON Schema of the metadata inside license.json.",
            "application/schema+json",
            _json(metadata_schema(schema_dir, base)),
        ),
        Download(
            "schema/verify-report.schema.json",
            "verify-report.schema.json",
            "JSON Schema of the report of scripts/verify.py --json, which verifies a copy of the license.",
            "application/schema+json",
            _json(verify_report_schema(schema_dir, base)),
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
            "spdx/example.spdx.json",
            "example.spdx.json",
            f"An example SPDX 2.3 document declaring {lid} AND Apache-2.0, with the text as extracted licensing info.",
            "application/spdx+json",
            _json(spdx_document(lic, base, zh_text)),
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
            "The ScanCode license entry: ScanCode's YAML front matter over the Chinese text.",
            "text/plain",
            sc_license,
        ),
        *(
            Download(
                f"scancode/{rule_name(sc_key, i)}",
                rule_name(sc_key, i),
                f"ScanCode rule {i}: {rule.notes}",
                "text/plain",
                rule.content(sc_key),
            )
            for i, rule in enumerate(sc_rules, 1)
        ),
        Download(
            f"scancode/{plugin_wheel_name(sc_key)}",
            plugin_wheel_name(sc_key),
            "A ScanCode license plugin (pip install it) holding the entry and its rules.",
            "application/zip",
            scancode_plugin(lic, base, sc_license, sc_rules),
        ),
        Download(
            "huggingface/model-card.yml",
            "model-card.yml",
            "The model-card metadata of a model under this license: one YAML document, to put between the README's --- fences.",
            "text/yaml",
            model_card(lic, base),
        ),
    ]
