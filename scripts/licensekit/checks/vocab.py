"""Rule tags claimed from choosealicense.com stay in choosealicense's own groups.

The group of a `vocabulary: choosealicense` tag comes from a vendored, pinned copy of
choosealicense's `_data/rules.yml` (`license/vocab/`), not from our metadata, so a
limitation such as `warranty` cannot be listed under permissions. A tag of our own
(`vocabulary: extension`) declares its group once, where it is defined, and a rule may
use it only there; nor can one whose description forbids be listed under permissions.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Finding, License
from ..polarity import caption_stance
from ..sources import read_yaml

VOCAB = Path("vocab") / "choosealicense-rules.yml"
META = "metadata.yaml"


def groups(data: object) -> dict[str, frozenset[str]] | None:
    """Each choosealicense tag with the groups it belongs to (patent-use is in two);
    None when the data is not shaped like choosealicense's rules.yml."""
    if not isinstance(data, dict):
        return None
    found: dict[str, set[str]] = {}
    for group, entries in data.items():
        if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("tag"), str) for e in entries):
            return None
        for entry in entries:
            found.setdefault(entry["tag"], set()).add(group)
    return {tag: frozenset(g) for tag, g in found.items()}


def _vocab(path: Path) -> tuple[dict[str, frozenset[str]] | None, list[Finding]]:
    data, _, problems = read_yaml(path)
    if problems:
        return None, problems
    vocab = groups(data)
    if vocab is None:
        return None, [
            Finding(path, 1, "YAML-SHAPE", "", "not shaped like choosealicense's rules.yml (groups of {tag, label, description})")
        ]
    return vocab, []


def check(lic: License) -> list[Finding]:
    vocab, problems = _vocab(lic.path(str(VOCAB)))
    if vocab is None:
        return problems
    rules, tags = lic.metadata.get("rules"), lic.metadata.get("tags")
    if not isinstance(rules, dict) or not isinstance(tags, dict):
        return []  # the schema reports the shape
    found = []
    for name, tag in tags.items():
        if isinstance(tag, dict) and tag.get("vocabulary") == "choosealicense" and name not in vocab:
            found.append(
                Finding(
                    lic.path(META), lic.line_of(META, "tags", name), "META-VOCAB", "", f"tag {name} is not in choosealicense's rules.yml"
                )
            )
    for group, entries in rules.items():
        for index, rule in enumerate(entries if isinstance(entries, list) else []):
            name = rule.get("tag") if isinstance(rule, dict) else None
            tag = tags.get(name) if isinstance(name, str) else None
            if not isinstance(tag, dict):
                continue
            line = lic.line_of(META, "rules", group, index)
            if tag.get("vocabulary") == "choosealicense" and name in vocab and group not in vocab[name]:
                where = " and ".join(sorted(vocab[name]))
                found.append(Finding(lic.path(META), line, "META-GROUP", "", f"{name} is one of choosealicense's {where}, not {group}"))
            elif tag.get("vocabulary") == "extension" and tag.get("group") not in (None, group):
                found.append(
                    Finding(lic.path(META), line, "META-GROUP", "", f"{name} is one of this license's {tag['group']}, not {group}")
                )
            elif tag.get("vocabulary") == "extension" and group == "permissions" and "forbids" in _stances(tag):
                found.append(Finding(lic.path(META), line, "META-GROUP", "", f"{name} forbids, so it cannot be listed under permissions"))
    return found


def _stances(tag: dict) -> set[str]:
    return {caption_stance(str(tag.get(lang, "")), lang) for lang in ("zh-Hans", "en")}
