"""The clause pairs whose meaning can be compared: structurally aligned ones.

A pair is compared only when its ID is used once in each language and stands at the
same place among the IDs both texts share. Otherwise the ID checks already report the
clause, and comparing the meaning of two different clauses would only bury that report.
"""

from __future__ import annotations

from collections import Counter

from ..model import Clause, License


def pairs(lic: License) -> list[tuple[Clause, Clause]]:
    """(Chinese, English) clause pairs in Chinese order, for the meaning checks."""
    counts = {doc.lang: Counter(c.id for c in doc.clauses) for doc in (lic.zh, lic.en)}
    shared = set(counts["zh-Hans"]) & set(counts["en"])
    order = {doc.lang: [c.id for c in doc.clauses if c.id in shared] for doc in (lic.zh, lic.en)}
    same_place = {a for a, b in zip(order["zh-Hans"], order["en"], strict=False) if a == b}
    return [(zh, en) for zh, en in lic.pairs() if zh.id in same_place and counts["zh-Hans"][zh.id] == 1 and counts["en"][zh.id] == 1]
