"""The published-ID registry: every clause ID and term anchor, with what identifies its clause.

A published ID is permanent (a link to a clause must keep working for years), so
`license/published-ids.yaml` lists each one with its kind, printed Chinese number,
parent and a hash of its Chinese text, and `checks.published` compares the texts with
it. The registry is written from the model only on purpose
(`python scripts/published_ids.py --write`); the check itself never writes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import reviewed
from .model import Clause, License

FREE = " \n"  # the whitespace the fidelity check ignores: a re-wrap does not change a hash
HASH_LENGTH = 16  # hex digits of SHA-256: enough to tell the clauses of one text apart


def text_hash(text: str) -> str:
    """SHA-256 (shortened) of a text with spaces and line feeds removed."""
    return hashlib.sha256("".join(ch for ch in text if ch not in FREE).encode()).hexdigest()[:HASH_LENGTH]


def clause_entry(clause: Clause) -> dict[str, Any]:
    return {"kind": clause.kind, "number": clause.number, "parent": clause.parent, "text": text_hash(clause.title + clause.text)}


def entries(lic: License) -> dict[str, dict[str, Any]]:
    """The entry of every anchor in the Chinese text, in reading order: clauses, then after each its inline terms."""
    out: dict[str, dict[str, Any]] = {}
    for clause in lic.zh.clauses:
        if clause.id:
            out.setdefault(clause.id, clause_entry(clause))
        for span in clause.spans("defterm"):
            out.setdefault(span.target, {"kind": "term", "number": "", "parent": clause.id, "text": text_hash(span.text)})
    return out


def generate(lic: License) -> dict[str, Any]:
    """The registry the model calls for: every current anchor, every retired (aliased) one kept."""
    current = entries(lic)
    old = lic.published.get("ids") or {}
    retired = {k: v for k, v in old.items() if k in lic.aliases and k not in current} if isinstance(old, dict) else {}
    return {"ids": {**current, **retired}, "aliases": dict(sorted(lic.aliases.items())), "reviewed": reviewed.record(lic)}
