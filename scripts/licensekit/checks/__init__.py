"""The checks: pure functions from the parsed license to a list of findings."""

from __future__ import annotations

from ..model import Finding, License
from . import (
    alignment,
    chars,
    consistency,
    errata,
    fidelity,
    ids,
    licensor,
    metadata,
    numbering,
    pairing,
    parity,
    published,
    reflabels,
    refs,
    review,
    style,
    terms,
    text,
    vocab,
)

# Checks of the raw text of every source: they need no parse, so they run even when a source is unreadable.
RAW = (chars.check,)
CHECKS = (
    ids.check,
    numbering.check,
    refs.check,
    terms.check,
    pairing.check,
    style.check,
    text.check,
    fidelity.check,
    errata.check,
    published.check,
    review.check,
    metadata.check,
    licensor.check,
    vocab.check,
)
# Checks of the English against the Chinese. While the Chinese is not the original they
# would only echo that one problem, so they wait until it is.
TRANSLATION = (reflabels.check, consistency.check, parity.check, alignment.check)
CHINESE_BROKEN = {"TEXT-CHANGED", "TEXT-ADDED", "TEXT-DROPPED", "ORIGINAL-EMPTY", "ORIGINAL-SHORT", "ORIGINAL-HASH", "ORIGINAL-PIN"}


def run(lic: License) -> list[Finding]:
    """Every finding: those met while parsing, then those of each check, in source order.

    A source that cannot be read (a fatal finding) stops the checks: they would compare
    against a missing file and bury the one real problem under follow-on errors. For the
    same reason the English is compared with the Chinese only once the Chinese is sound.
    """
    found = list(lic.findings)
    for check in RAW:
        found.extend(check(lic))
    if not any(f.fatal for f in found):
        for check in CHECKS:
            found.extend(check(lic))
        chinese_broken = any(f.code in CHINESE_BROKEN or (f.code == "CHAR-FORBIDDEN" and f.path == lic.zh.path) for f in found)
        if not chinese_broken:
            for check in TRANSLATION:
                found.extend(check(lic))
    return sorted(set(found), key=lambda f: (str(f.path), f.line, f.code, f.clause, f.message))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]
