"""The vendored choosealicense vocabulary, and the metadata checks that read it."""

from __future__ import annotations

import pytest

from casebook import LICENSE
from licensekit.checks import licensor, vocab

RULES = LICENSE / vocab.VOCAB


def test_vendored_copy_names_its_source():
    head = RULES.read_text(encoding="utf-8").split("\n", 4)
    assert head[1] == "# Source: https://github.com/github/choosealicense.com/blob/aed28f9933c9e8435c0f1d07aa563c0a830859bc/_data/rules.yml"
    assert head[2].startswith("# Commit: aed28f9933c9e8435c0f1d07aa563c0a830859bc ")


def test_groups_come_from_choosealicense():
    groups = vocab._vocab(RULES)[0]
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


SHAPES = [
    ({"permissions": [{"tag": "commercial-use"}], "limitations": [{"tag": "patent-use"}], "conditions": []}, True),
    ({"permissions": [{"label": "no tag"}]}, False),
    ({"permissions": "commercial-use"}, False),
    (["commercial-use"], False),
    (None, False),
]


@pytest.mark.parametrize(("data", "ok"), SHAPES, ids=[repr(d)[:30] for d, _ in SHAPES])
def test_vocabulary_shape(data, ok):
    assert (vocab.groups(data) is not None) is ok


def test_a_broken_vocabulary_is_reported_not_raised(tmp_path):
    from casebook import edited_copy
    from licensekit.parse import load

    root = edited_copy(tmp_path / "license", [])
    (root / vocab.VOCAB).write_text("permissions: [\n", encoding="utf-8")
    assert [f.code for f in vocab.check(load(root))] == ["YAML-SYNTAX"]
    (root / vocab.VOCAB).write_text("- warranty\n", encoding="utf-8")
    assert [f.code for f in vocab.check(load(root))] == ["YAML-SHAPE"]
