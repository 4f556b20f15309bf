"""What both languages must share clause by clause: the same references, the same terms."""

from __future__ import annotations

from ..model import Clause, Finding, License


def differs(en: Clause, code: str, what: str, zh_items: list[str], en_items: list[str]) -> list[Finding]:
    """A finding on the English clause when its items differ from the Chinese clause's."""
    missing, extra = sorted(set(zh_items) - set(en_items)), sorted(set(en_items) - set(zh_items))
    if not (missing or extra):
        return []
    parts = ([f"lacks {', '.join(missing)}"] if missing else []) + ([f"adds {', '.join(extra)}"] if extra else [])
    return [Finding(en.path, en.line, code, en.id, f"{what} differ from the zh-Hans text: " + "; ".join(parts))]


def check(lic: License) -> list[Finding]:
    found: list[Finding] = []
    for zh, en in lic.pairs():
        found += differs(en, "REF-MISMATCH", "references", zh.refs, en.refs)
        found += differs(en, "TERM-MISMATCH", "term uses", zh.terms, en.terms)
    return found
