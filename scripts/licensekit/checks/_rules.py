"""Rule helpers for the shapes that recur across checks (after commonform-lint's
`rules/abstract/no-duplicates.js` and `missing-target.js`)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..model import Finding

# (key, path, line, clause ID): one occurrence of something that must be unique or must resolve
Item = tuple[str, Path, int, str]


def duplicates(items: Iterable[Item], code: str, template: str) -> list[Finding]:
    """A finding for each item whose key was seen before; `template` gets {key} and {first} (its line)."""
    seen: dict[str, int] = {}
    found = []
    for key, path, line, clause in items:
        if key in seen:
            found.append(Finding(path, line, code, clause, template.format(key=key, first=seen[key])))
        else:
            seen[key] = line
    return found


def missing(refs: Iterable[Item], targets: set[str], code: str, template: str) -> list[Finding]:
    """A finding for each reference whose key is not among `targets`; `template` gets {key}."""
    return [Finding(path, line, code, clause, template.format(key=key)) for key, path, line, clause in refs if key not in targets]
