"""The vendored choosealicense vocabulary, and the metadata checks that read it."""

from __future__ import annotations

from casebook import LICENSE
from licensekit.checks import licensor, vocab

RULES = LICENSE / vocab.VOCAB


def test_vendored_copy_names_its_source():
    head = RULES.read_text(encoding="utf-8").split("\n", 4)
    assert head[1] == "# Source: https://github.com/github/choosealicense.com/blob/aed28f9933c9e8435c0f1d07aa563c0a830859bc/_data/rules.yml"
    assert head[2].startswith("# Commit: aed28f9933c9e8435c0f1d07aa563c0a830859bc ")


def test_groups_come_from_choosealicense():
    groups = vocab._groups(RULES)
    assert groups["warranty"] == {"limitations"}
    assert groups["liability"] == {"limitations"}
    assert groups["commercial-use"] == {"permissions"}
    assert groups["include-copyright"] == {"conditions"}
    assert groups["patent-use"] == {"permissions", "limitations"}
    assert "no-military-or-illegal-use" not in groups


def test_real_metadata_is_clean(lic):
    assert vocab.check(lic) == []
    assert licensor.check(lic) == []


def test_a_missing_vocabulary_is_reported_not_raised(tmp_path):
    from casebook import edited_copy
    from licensekit.parse import load

    root = edited_copy(tmp_path / "license", [])
    (root / vocab.VOCAB).unlink()
    found = vocab.check(load(root))
    assert [(f.code, f.path.name) for f in found] == [("FILE-MISSING", "choosealicense-rules.yml")]
