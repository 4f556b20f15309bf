"""The checks: pure functions from the parsed license to a list of findings."""

from __future__ import annotations

from ..model import Finding, License
from . import (
    alignment,
    consistency,
    fidelity,
    ids,
    licensor,
    metadata,
    numbering,
    pairing,
    parity,
    reflabels,
    refs,
    style,
    terms,
    text,
    vocab,
)

CHECKS = (
    ids.check,
    numbering.check,
    refs.check,
    reflabels.check,
    terms.check,
    pairing.check,
    consistency.check,
    parity.check,
    alignment.check,
    style.check,
    text.check,
    fidelity.check,
    metadata.check,
    licensor.check,
    vocab.check,
)


def run(lic: License) -> list[Finding]:
    """Every finding: those met while parsing, then those of each check, in source order.

    A source that cannot be read (a fatal finding) stops the checks: they would compare
    against a missing file and bury the one real problem under follow-on errors.
    """
    found = list(lic.findings)
    if not any(f.fatal for f in found):
        for check in CHECKS:
            found.extend(check(lic))
    return sorted(set(found), key=lambda f: (str(f.path), f.line, f.code, f.clause, f.message))


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]
