"""Published IDs are permanent: none removed, renamed or re-pointed, none new unregistered.

Compared with `license/published-ids.yaml` (see `licensekit.registry`):

- a registered ID in neither language, and with no alias, was removed or renamed
  (`ID-REMOVED`); an ID in one language only is `ID-UNPAIRED`'s, not repeated here;
- a registered ID whose clause in the Chinese text has another kind or parent, or
  (while the Chinese text matches the original) another printed number or text, now
  names another clause (`ID-REPOINTED`: swapped, split or restructured);
- an ID in both languages that is not registered is new (`ID-UNREGISTERED`);
- an alias must point to a current ID, and its old ID must no longer be in use (`ID-ALIAS`);
- no ID may equal an `id` the theme or our page chrome puts on a page (`ID-RESERVED`).

Number and text are compared only while the Chinese text matches the original: when it
does not, the fidelity check reports the change and every hash below it would follow.
"""

from __future__ import annotations

import re

from ..model import Finding, License
from ..registry import entries
from . import fidelity
from ._rules import missing
from .ids import ID_FORMAT

NAME = "published-ids.yaml"
# Every id on a page besides clause IDs: our page chrome's <h1 id="title"> and the tooltip
# that docs/assets/license.js adds, and Material 9.8's, which all start with "__" (templates/: __drawer, __palette_<n>, the nav's
# __nav_<n>…, and those its JavaScript adds). tests/test_published.py re-reads the
# templates and render.py.
RESERVED = {"title", "tooltip"}
# The theme's `__…` ids, and the /verify/ page's `verify-…` (its form and its result).
RESERVED_PATTERN = re.compile(r"^(?:__|verify-)")


def reserved(anchor: str) -> bool:
    return anchor in RESERVED or bool(RESERVED_PATTERN.match(anchor))


def check(lic: License) -> list[Finding]:
    registry = lic.published.get("ids") or {}
    if not isinstance(registry, dict):
        return []
    zh_now, en_now = entries(lic), _anchors(lic, "en")
    both = [a for a in zh_now if a in en_now]
    aliases = lic.aliases
    path = lic.path(NAME)
    lines = {a: c.line for c in lic.zh.clauses for a in [c.id, *c.defines] if a}
    text_is_original = fidelity.source_text(lic) == fidelity.original_text(lic.original)
    found = []
    for anchor, entry in registry.items():
        line = lic.line_of(NAME, "ids", anchor)
        if anchor in aliases:
            continue
        if anchor not in zh_now and anchor not in en_now:
            found.append(
                Finding(
                    path,
                    line,
                    "ID-REMOVED",
                    anchor,
                    f"published ID {anchor} is in neither text; keep it, or add the alias `{anchor}: <new-id>`",
                )
            )
        elif anchor in zh_now and isinstance(entry, dict):
            changed = _changed(entry, zh_now[anchor], text_is_original)
            if changed:
                found.append(
                    Finding(
                        lic.zh.path, lines[anchor], "ID-REPOINTED", anchor, f"published ID {anchor} now names another clause: {changed}"
                    )
                )
    for anchor in both:
        # a malformed or reserved ID is reported as such: registering it would not help
        if anchor not in registry and ID_FORMAT.match(anchor) and not reserved(anchor):
            found.append(
                Finding(
                    lic.zh.path,
                    lines[anchor],
                    "ID-UNREGISTERED",
                    anchor,
                    f"{anchor} is not in {NAME}; register a new ID with `python scripts/published_ids.py --write`",
                )
            )
    alias_at = {old: lic.line_of(NAME, "aliases", old) for old in aliases}
    targets = [(new, path, alias_at[old], old) for old, new in aliases.items()]
    found += missing(targets, set(both), "ID-ALIAS", "the alias points to {key}, which is not an ID of both texts")
    for old, new in aliases.items():
        if old in zh_now or old in en_now:
            found.append(Finding(path, alias_at[old], "ID-ALIAS", old, f"{old} has an alias but is still an ID of a text"))
        was, now = registry.get(old), zh_now.get(new)
        # A renamed clause keeps its text: an alias may not send old links to another clause.
        if (
            isinstance(was, dict)
            and now is not None
            and text_is_original
            and (was.get("text"), was.get("kind")) != (now["text"], now["kind"])
        ):
            found.append(
                Finding(path, alias_at[old], "ID-ALIAS", old, f"{old} named another clause than {new}: an alias must lead to the same text")
            )
    for doc in lic.docs.values():
        for clause in doc.clauses:
            for anchor in [clause.id, *clause.defines]:
                if anchor and reserved(anchor):
                    found.append(
                        Finding(
                            doc.path,
                            clause.line,
                            "ID-RESERVED",
                            anchor,
                            f"the page already has an element with id {anchor!r} (theme or page chrome)",
                        )
                    )
    return found


def _anchors(lic: License, lang: str) -> set[str]:
    return lic.docs[lang].anchors()


def _changed(was: dict, now: dict, text_is_original: bool) -> str:
    """What differs between a registered entry and the clause now at that ID, or ''."""
    fields = ["kind", "parent"] + (["number", "text"] if text_is_original else [])
    diffs = [f"{name} {was.get(name)!r} → {now.get(name)!r}" for name in fields if was.get(name) != now.get(name)]
    return "; ".join(diffs)
