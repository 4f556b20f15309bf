"""Entries for other databases: a ScanCode-style license file and model-card lines."""

from __future__ import annotations

import yaml

from ..model import License


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
