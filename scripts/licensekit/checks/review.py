"""Every text of ours is as it was last reviewed (see `licensekit.reviewed`)."""

from __future__ import annotations

from ..model import Finding, License
from ..reviewed import texts

ADVICE = "review the change, then record it with `python scripts/published_ids.py --write`"


def check(lic: License) -> list[Finding]:
    record = lic.published.get("reviewed")
    if not isinstance(record, dict):
        return []  # the registry's schema requires the record; an in-memory model may have none
    found = []
    for text in texts(lic):
        if record.get(text.key) != text.hash:
            state = "is new" if text.key not in record else "changed since it was last reviewed"
            found.append(Finding(text.path, text.line, "TEXT-UNREVIEWED", text.clause, f"{text.what} {state}; {ADVICE}"))
    return found
