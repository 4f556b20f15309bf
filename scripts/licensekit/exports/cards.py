"""The model-card metadata of a model under this license, for Hugging Face."""

from __future__ import annotations

import yaml

from ..model import License


def model_card_data(lic: License, base: str) -> dict:
    """`license: other`, its name, and a link to the plain Chinese text (HF wants a file)."""
    hf = lic.metadata["identifiers"]["huggingFace"]
    return {"license": hf["license"], "license_name": hf["license_name"], "license_link": base + hf["license_link"].lstrip("/")}


def model_card(lic: License, base: str) -> bytes:
    """One YAML document: the lines to put between a README's `---` fences."""
    return yaml.safe_dump(model_card_data(lic, base), sort_keys=False, allow_unicode=True).encode()
