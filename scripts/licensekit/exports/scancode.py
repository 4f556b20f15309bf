"""A ScanCode license entry, its rules, and a ScanCode plugin wheel that installs both.

The `.LICENSE` front matter follows ScanCode's own field order and formatting (its
`License.dump()` writes the same bytes; a test checks that with ScanCode itself).

ScanCode's tokenizer keeps each run of Chinese characters between punctuation as one
token, so the PDF's line breaks make the original a different token sequence from the
clean text. Hence one text rule per published form (the PDF extraction, the English
translation) beside the entry's own text, and reference rules for the names and the
licensor's PDF, which survive re-wrapping, page headers and excerpts.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

import yaml

from ..model import Clause, License
from .text import lines_of as lines
from .wheel import wheel

PLUGIN_VERSION = "1.0.0"  # bump when the entry or a rule changes, so that pip upgrades


class _Dumper(yaml.SafeDumper):
    """Block style with indented list items, as ScanCode's saneyaml writes its data files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_Dumper, indent=4, width=90, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{body}---\n"


def _pdf_url(lic: License) -> str:
    return next(p["url"] for p in lic.metadata["provenance"] if p.get("language") == "zh-Hans")


def scancode_license(lic: License, base: str, text: str) -> bytes:
    meta = lic.metadata
    sc = meta["identifiers"]["scancode"]
    pdf = _pdf_url(lic)
    front = {
        "key": sc["key"],
        "language": "zh-hans",
        "short_name": "baichuan-7B Model License 2023",
        "name": meta["name"],
        "category": "Proprietary Free",
        "owner": meta["licensor"]["en"],
        "homepage_url": meta["seeAlso"][0],
        "notes": f"{meta['licenseComments']} Unofficial English translation: {base}en/",
        "spdx_license_key": sc["spdx_license_key"],
        "other_spdx_license_keys": [meta["licenseId"]],
        "text_urls": [pdf, f"{base}license.zh.txt"],
        "other_urls": [u for u in meta["seeAlso"][1:] if u != pdf] + [f"{base}zh/"],
        "ignorable_emails": [meta["licensor"]["contact"]],
    }
    return f"{_front_matter(front)}\n{text.strip()}".encode()  # ScanCode's files end without a newline


@dataclass(frozen=True)
class Rule:
    kind: str  # is_license_text | is_license_reference | is_license_tag
    text: str
    language: str = "en"
    notes: str = ""

    def content(self, key: str) -> bytes:
        front: dict = {"license_expression": key}
        if self.language != "en":
            front["language"] = self.language
        front[self.kind] = True
        if self.kind != "is_license_text":
            front["relevance"] = 100
        if self.notes:
            front["notes"] = self.notes
        head = _front_matter(front).replace(": true\n", ": yes\n")  # ScanCode writes its flags as yes
        return f"{head}\n{self.text.strip()}".encode()


def scancode_rules(lic: License, en_text: str) -> list[Rule]:
    """The rules, in a fixed order: a rule's number is part of its published file name."""
    meta = lic.metadata
    pdf = _pdf_url(lic)
    pdf_name = next(p["title"] for p in lic.metadata["provenance"] if p.get("language") == "zh-Hans")
    hf = meta["identifiers"]["huggingFace"]
    return [
        Rule("is_license_reference", lic.zh.title, "zh-hans", "The title as printed."),
        Rule("is_license_reference", pdf_name.removesuffix(".pdf"), "zh-hans", "The title as in the name of the licensor's PDF."),
        Rule("is_license_reference", meta["name"], notes="The English name."),
        Rule("is_license_reference", pdf, notes="A link to the licensor's PDF."),
        Rule("is_license_reference", unquote(pdf), "zh-hans", "A link to the licensor's PDF, not percent-encoded."),
        Rule("is_license_tag", f"license: {hf['license']}\nlicense_name: {hf['license_name']}", notes="Hugging Face model-card metadata."),
        Rule("is_license_tag", f"license_name: {hf['license_name']}", notes="Hugging Face model-card metadata, the name alone."),
        Rule(
            "is_license_text",
            lic.original.strip() + "\n",
            "zh-hans",
            "The original as extracted from the licensor's PDF, with the PDF's line breaks.",
        ),
        Rule("is_license_text", en_text, notes="The unofficial English translation by this project; the Chinese text prevails."),
        *(
            Rule(
                "is_license_text", "\n\n".join(lines(part)) + "\n", "zh-hans", f"Part of the Chinese text: {part[0].number}{part[0].title}"
            )
            for part in _sections(lic)
        ),
    ]


def _sections(lic: License) -> list[list[Clause]]:
    """Each top-level section with its clauses: a copy with one clause changed still matches the others."""
    parts: list[list[Clause]] = []
    for clause in lic.zh.clauses:
        if clause.parent is None:
            parts.append([])
        parts[-1].append(clause)
    return parts


def rule_name(key: str, number: int) -> str:
    return f"{key}_{number}.RULE"


def plugin_name(key: str) -> str:
    return "scancode_" + key.replace("-", "_")


def plugin_wheel_name(key: str) -> str:
    return f"{plugin_name(key)}-{PLUGIN_VERSION}-py3-none-any.whl"


def scancode_commands(base: str, key: str) -> str:
    """What a ScanCode user runs, in a Python 3.11 virtual environment (README and /downloads/ show it)."""
    return "\n".join(
        [
            "pip install scancode-toolkit==32.5.0 pluggy==1.5.0",
            f"pip install {base}scancode/{plugin_wheel_name(key)}",
            "scancode-reindex-licenses --all-languages",
            "scancode --license --json-pp scan.json path/to/model",
        ]
    )


PLUGIN_CODE = '''"""Adds the {key} license and its rules to ScanCode's index."""

from pathlib import Path

from licensedcode.additional_license_location_provider import AdditionalLicenseLocationProviderPlugin


class Paths(AdditionalLicenseLocationProviderPlugin):
    def get_locations(self):
        return {{"{name}": str(Path(__file__).parent)}}
'''


def scancode_plugin(lic: License, base: str, license_file: bytes, rules: list[Rule]) -> bytes:
    """A wheel that registers the entry and its rules through ScanCode's license plugin entry point.

    ScanCode 32.5.0 reads only `licenses/` from `--additional-directory` and ignores its
    `rules/`; from an installed plugin it reads both.
    """
    key = lic.metadata["identifiers"]["scancode"]["key"]
    name = plugin_name(key)
    files = {
        f"{name}/__init__.py": PLUGIN_CODE.format(key=key, name=name).encode(),
        f"{name}/licenses/{key}.LICENSE": license_file,
    }
    for i, rule in enumerate(rules, 1):
        files[f"{name}/rules/{rule_name(key, i)}"] = rule.content(key)
    return wheel(
        name,
        PLUGIN_VERSION,
        files,
        summary=f"ScanCode license plugin: {lic.metadata['name']} ({key})",
        home=base,
        requires=["scancode-toolkit"],
        entry_points={"scancode_additional_license_location_provider": {name: f"{name}:Paths"}},
    )
