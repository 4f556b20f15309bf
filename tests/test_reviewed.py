"""The texts of ours that a review records: every one, keyed and located, on a small model."""

from __future__ import annotations

import hashlib

from factories import PATHS, ROOT, both, clause, item, license_of, section
from licensekit.reviewed import texts


def test_every_text_of_ours_is_keyed_and_located():
    s1 = both(section, "s1", "I.", "One", line=3)
    s1_1 = both(item, "s1-1", "1.", "s1", "a", line=5, caption="Cap")
    unlabelled = both(clause, "", "paragraph", "b", parent="s1", line=7)
    s1_2 = both(item, "s1-2", "2.", "s1", "c", line=9)
    lic = license_of(
        zh=[s1[0], s1_1[0], unlabelled[0], s1_2[0]],
        en=[s1[1], s1_1[1], unlabelled[1], s1_2[1]],
        metadata={"licenseId": "x"},
        glossary=[{"id": "g1"}],
        errata=[{"id": "e1"}, "not a mapping"],
        notes=[{"en": "no id"}],
    )
    found = texts(lic)
    assert [(r.key, r.path, r.line, r.clause, r.what) for r in found] == [
        ("zh-Hans:s1-1", PATHS["zh-Hans"], 5, "s1-1", "the caption"),
        ("en:title", PATHS["en"], 5, "", "the en title"),
        ("en:s1", PATHS["en"], 3, "s1", "the en text"),
        ("en:s1-1", PATHS["en"], 5, "s1-1", "the en text"),
        ("en:s1-2", PATHS["en"], 9, "s1-2", "the en text"),
        ("metadata:licenseId", ROOT / "metadata.yaml", 1, "", "metadata licenseId"),
        ("glossary.yaml:g1", ROOT / "glossary.yaml", 10, "", "glossary.yaml entry g1"),
        ("errata.yaml:e1", ROOT / "errata.yaml", 10, "", "errata.yaml entry e1"),
        ("errata.yaml:1", ROOT / "errata.yaml", 11, "", "errata.yaml entry 1"),
        ("translation-notes.yaml:0", ROOT / "translation-notes.yaml", 10, "", "translation-notes.yaml entry 0"),
    ]
    # the hash is of the text itself: the title "T", the caption alone
    assert found[1].hash == hashlib.sha256(b"T").hexdigest()[:16]
    assert found[0].hash == hashlib.sha256(b"Cap").hexdigest()[:16]
