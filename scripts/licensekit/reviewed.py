"""Everything this project writes about the license, as it was last reviewed.

The Chinese text is held to the original; what we write ourselves is not: the English
translation, the editorial captions, the metadata, the glossary, the errata and the
translation notes. The checks catch many changes of meaning, but no rule can catch every
one ("military" → "non-military"), so each of these texts is recorded by a hash in
`published-ids.yaml` under `reviewed`, and a text that no longer matches its record is
refused until someone reviews it and records it again with
`python scripts/published_ids.py --write`. A change is then never silent: it shows in
the record's diff. Whitespace does not count, so re-wrapping needs no review.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import AUTHORITATIVE, License

SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Reviewed:
    """One reviewed text: where it is, and its hash."""

    key: str
    path: Path
    line: int
    clause: str
    what: str
    hash: str


def digest(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(SPACE.sub(" ", text).strip().encode()).hexdigest()[:16]


def texts(lic: License) -> list[Reviewed]:
    """Every text of ours, with a stable key."""
    out = []
    for lang, doc in lic.docs.items():
        if lang != AUTHORITATIVE:
            out.append(Reviewed(f"{lang}:title", doc.path, doc.title_line, "", f"the {lang} title", digest(doc.title)))
        for clause in doc.clauses:
            if not clause.id:
                continue
            if lang == AUTHORITATIVE:  # the Chinese text is the original's: only the caption is ours
                if clause.caption:
                    out.append(Reviewed(f"{lang}:{clause.id}", doc.path, clause.line, clause.id, "the caption", digest(clause.caption)))
                continue
            parts = [clause.number, clause.title, clause.caption, clause.text]
            out.append(Reviewed(f"{lang}:{clause.id}", doc.path, clause.line, clause.id, f"the {lang} text", digest(parts)))
    for key, value in lic.metadata.items():
        where = lic.path("metadata.yaml")
        out.append(Reviewed(f"metadata:{key}", where, lic.line_of("metadata.yaml", key), "", f"metadata {key}", digest(value)))
    for name, entries in (("glossary.yaml", lic.glossary), ("errata.yaml", lic.errata), ("translation-notes.yaml", lic.notes)):
        for index, entry in enumerate(entries):
            ident = entry.get("id", index) if isinstance(entry, dict) else index
            where = lic.path(name)
            out.append(Reviewed(f"{name}:{ident}", where, lic.line_of(name, index), "", f"{name} entry {ident}", digest(entry)))
    return out


def record(lic: License) -> dict[str, str]:
    """The `reviewed` record the texts call for."""
    return {r.key: r.hash for r in texts(lic)}
