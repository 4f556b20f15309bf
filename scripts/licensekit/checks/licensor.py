"""Metadata that restates the text: the licensor's contact, which text prevails, and
where the license comes from.

The contact must be the address printed in the Chinese text (that the English prints the
same one is a parity check); only the Chinese original may be authoritative, and the
notice of every other text says it is unofficial. Every address outside the site points
at the licensor's repositories or at the license's acknowledged source (SOURCES, pinned
here, outside the data), and the model card's `license_link` stays on this site.
"""

from __future__ import annotations

import re

from .. import tokens
from ..model import AUTHORITATIVE, Finding, License

META = "metadata.yaml"
# Where the metadata may send a reader or a tool: the licensor's own repositories and the
# license the definitions come from. Anything else needs a change here, in review.
SOURCES = (
    "https://huggingface.co/baichuan-inc/",
    "https://github.com/baichuan-inc/",
    "https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license",
)
URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
UNOFFICIAL = {"en": "unofficial", "zh-Hans": "非官方"}


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


def _urls(lic: License) -> list[Finding]:
    found = []

    def walk(value: object, keys: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*keys, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*keys, index))
        elif isinstance(value, str):
            for url in URL.findall(value):
                if not url.startswith(SOURCES):
                    where = "/".join(map(str, keys))
                    message = f"{where}: {url} is not the licensor's repository nor a source this license names"
                    found.append(Finding(lic.path(META), lic.line_of(META, *keys), "META-URL", "", message))

    walk(lic.metadata, ())
    hf = (lic.metadata.get("identifiers") or {}).get("huggingFace") if isinstance(lic.metadata.get("identifiers"), dict) else None
    link = hf.get("license_link") if isinstance(hf, dict) else None
    if isinstance(link, str) and not (link.startswith("/") and not link.startswith("//")):
        line = lic.line_of(META, "identifiers", "huggingFace", "license_link")
        found.append(
            Finding(lic.path(META), line, "META-URL", "", f"license_link {link} must be a path on this site, such as /license.zh.txt")
        )
    return found


def _notices(lic: License) -> list[Finding]:
    found = []
    languages = lic.metadata.get("languages")
    for index, entry in enumerate(languages if isinstance(languages, list) else []):
        if not isinstance(entry, dict) or entry.get("tag") == AUTHORITATIVE or entry.get("tag") not in UNOFFICIAL:
            continue
        word = UNOFFICIAL[entry["tag"]]
        if word not in str(entry.get("notice")).lower():
            line = lic.line_of(META, "languages", index, "notice")
            found.append(
                Finding(lic.path(META), line, "META-AUTHORITY", "", f"the notice of the {entry['tag']} text must say it is {word}")
            )
    return found


def check(lic: License) -> list[Finding]:
    return _contact(lic) + _authority(lic) + _notices(lic) + _urls(lic)
