"""The published JSON Schemas: absolute `$id`s and no reference that needs the network.

`license.schema.json` carries the metadata schema in `$defs/metadata`, so that
`check-jsonschema --schemafile` and `jsonschema.validate(doc, schema)` work offline
and without a registry.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

METADATA_REF = "#/$defs/metadata"


def _rebase(node, prefix: str):
    """Point the metadata schema's own `#/$defs/…` references at where it now sits."""
    if isinstance(node, dict):
        return {k: (prefix + v[1:] if k == "$ref" and v.startswith("#/") else _rebase(v, prefix)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rebase(v, prefix) for v in node]
    return node


def published_metadata_schema(metadata_schema: dict) -> dict:
    """The metadata as license.json carries it: without `rules` and `tags`, with an absolute license_link."""
    schema = copy.deepcopy(metadata_schema)
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    for key in ("rules", "tags"):
        schema["properties"].pop(key, None)
    schema["required"] = [k for k in schema["required"] if k not in ("rules", "tags")]
    hf = schema["properties"]["identifiers"]["properties"]["huggingFace"]["properties"]
    hf["license_link"] = {
        "type": "string",
        "format": "uri",
        "pattern": "^https?://",
        "description": "The card's license_link: the absolute URL of the plain Chinese text.",
    }
    defs = schema.get("$defs", {})
    used = json.dumps(schema["properties"])
    schema["$defs"] = {k: v for k, v in defs.items() if f'"#/$defs/{k}"' in used}
    return _rebase(schema, METADATA_REF)


def license_schema(schema_dir: Path, base: str) -> dict:
    schema = json.loads((schema_dir / "license.schema.json").read_bytes())
    metadata = json.loads((schema_dir / "metadata.schema.json").read_bytes())
    schema["$id"] = f"{base}schema/license.schema.json"
    schema["$defs"]["metadata"] = published_metadata_schema(metadata)
    return schema


def metadata_schema(schema_dir: Path, base: str) -> dict:
    schema = json.loads((schema_dir / "metadata.schema.json").read_bytes())
    schema["$id"] = f"{base}schema/metadata.schema.json"
    return schema


def verify_report_schema(schema_dir: Path, base: str) -> dict:
    """The schema of `scripts/verify.py --json`, with its address on the site."""
    schema = json.loads((schema_dir / "verify-report.schema.json").read_bytes())
    schema["$id"] = f"{base}schema/verify-report.schema.json"
    return schema
