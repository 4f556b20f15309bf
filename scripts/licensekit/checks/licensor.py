"""Metadata that restates the text: the licensor's contact and which text prevails.

The contact must be the address printed in the Chinese text (that the English prints the
same one is a parity check); only the Chinese original may be authoritative.
"""

from __future__ import annotations

from .. import tokens
from ..model import AUTHORITATIVE, Finding, License

META = "metadata.yaml"


def _contact(lic: License) -> list[Finding]:
    licensor = lic.metadata.get("licensor")
    contact = licensor.get("contact") if isinstance(licensor, dict) else None
    if not isinstance(contact, str):
        return []  # the schema reports a missing contact
    printed = set().union(*(tokens.emails(c.text) for c in lic.docs[AUTHORITATIVE].clauses))
    if printed == {contact.lower()}:
        return []
    shown = ", ".join(sorted(printed)) or "no address"
    line = lic.line_of(META, "licensor", "contact")
    return [
        Finding(lic.path(META), line, "META-CONTACT", "", f"contact {contact} is not the address the {AUTHORITATIVE} text prints ({shown})")
    ]


def _authority(lic: License) -> list[Finding]:
    found = []
    languages = lic.metadata.get("languages")
    for index, entry in enumerate(languages if isinstance(languages, list) else []):
        if not isinstance(entry, dict):
            continue
        tag, line = entry.get("tag"), lic.line_of(META, "languages", index)
        original = tag == AUTHORITATIVE
        if bool(entry.get("authoritative")) != original:
            should = "must be" if original else "must not be"
            found.append(
                Finding(lic.path(META), line, "META-AUTHORITY", "", f"{tag} {should} authoritative: only the {AUTHORITATIVE} text prevails")
            )
        if (entry.get("role") == "original") != original:
            should = "must have" if original else "must not have"
            found.append(
                Finding(lic.path(META), line, "META-AUTHORITY", "", f"{tag} {should} role: original; the original is {AUTHORITATIVE}")
            )
    tags = [e.get("tag") for e in languages if isinstance(e, dict)] if isinstance(languages, list) else []
    if tags.count(AUTHORITATIVE) != 1:
        found.append(
            Finding(lic.path(META), lic.line_of(META, "languages"), "META-AUTHORITY", "", f"{AUTHORITATIVE} must be listed exactly once")
        )
    return found


def check(lic: License) -> list[Finding]:
    return _contact(lic) + _authority(lic)
