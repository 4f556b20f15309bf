"""The vendored choosealicense vocabulary, and the metadata checks that read it."""

from __future__ import annotations

import pytest

from casebook import LICENSE
from factories import license_of
from licensekit.checks import licensor, vocab
from licensekit.model import Finding

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


@pytest.mark.parametrize(
    ("zh", "en", "found"),
    [
        ("不得用于军事用途。", "Use it for anything.", True),
        ("可用于任何用途。", "Must not be used for military purposes.", True),
        ("禁止军事用途。", "No military use.", True),
        ("可用于任何用途。", "Use it for anything.", False),
        ("", "", False),
    ],
)
def test_an_extension_tag_that_forbids_is_no_permission(zh, en, found):
    tag = {"vocabulary": "extension", "group": "permissions", "zh-Hans": zh, "en": en}
    metadata = {"tags": {"no-military": tag}, "rules": {"permissions": [{"tag": "no-military"}]}}
    lic = license_of(metadata=metadata, root=LICENSE)
    message = "no-military forbids, so it cannot be listed under permissions"
    assert vocab.check(lic) == ([Finding(LICENSE / "metadata.yaml", 1, "META-GROUP", "", message)] if found else [])


@pytest.mark.parametrize(("text", "line"), [("- warranty\n", 1), ("just a word\n", 1), ("permissions: commercial-use\n", 1)])
def test_a_vocabulary_of_another_shape_is_one_finding(text, line, tmp_path):
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    message = "not shaped like choosealicense's rules.yml (groups of {tag, label, description})"
    assert vocab._vocab(path) == (None, [Finding(path, line, "YAML-SHAPE", "", message)])


@pytest.mark.parametrize(
    ("metadata", "found"),
    [
        (
            {"tags": {"world-peace": {"vocabulary": "choosealicense"}}, "rules": {}},
            ["tag world-peace is not in choosealicense's rules.yml"],
        ),
        ({"tags": {"world-peace": {"vocabulary": "extension"}, "warranty": {"vocabulary": "choosealicense"}}, "rules": {}}, []),
        ({"tags": {"world-peace": {"vocabulary": "choosealicense"}}, "rules": []}, []),  # the schema reports the shape
        ({"tags": [], "rules": {"permissions": [{"tag": "warranty"}]}}, []),
    ],
)
def test_a_choosealicense_tag_must_be_in_its_rules(metadata, found):
    lic = license_of(metadata=metadata, root=LICENSE)
    assert vocab.check(lic) == [Finding(LICENSE / "metadata.yaml", 1, "META-VOCAB", "", m) for m in found]


TAGS = {
    "warranty": {"vocabulary": "choosealicense"},
    "patent-use": {"vocabulary": "choosealicense"},
    "own-condition": {"vocabulary": "extension", "group": "conditions"},
    "own-any": {"vocabulary": "extension"},
    "world-peace": {"vocabulary": "choosealicense"},
}


@pytest.mark.parametrize(
    ("rules", "found"),
    [
        ({"limitations": [{"tag": "warranty"}, {"tag": "patent-use"}], "permissions": [{"tag": "patent-use"}]}, []),
        ({"conditions": [{"tag": "own-condition"}, {"tag": "own-any"}], "limitations": [{"tag": "own-any"}]}, []),
        (
            {
                "permissions": ["warranty", {"tag": ["warranty"]}, {"tag": "unknown"}, {"tag": "world-peace"}, {"tag": "warranty"}],
                "x": None,
            },
            [(24, "warranty is one of choosealicense's limitations, not permissions")],
        ),
        (
            {"conditions": [{"tag": "patent-use"}]},
            [(20, "patent-use is one of choosealicense's limitations and permissions, not conditions")],
        ),
        (
            {"permissions": "warranty", "limitations": [{"tag": "own-condition"}]},
            [(30, "own-condition is one of this license's conditions, not limitations")],
        ),
    ],
)
def test_each_rule_stays_in_its_tags_group(rules, found):
    lic = license_of(metadata={"tags": TAGS, "rules": rules}, root=LICENSE)
    lic.lines[LICENSE / "metadata.yaml"] = {
        ("tags", "world-peace"): 9,
        ("rules", "permissions", 4): 24,
        ("rules", "conditions", 0): 20,
        ("rules", "limitations", 0): 30,
    }
    world_peace = Finding(LICENSE / "metadata.yaml", 9, "META-VOCAB", "", "tag world-peace is not in choosealicense's rules.yml")
    assert vocab.check(lic) == [world_peace, *(Finding(LICENSE / "metadata.yaml", n, "META-GROUP", "", m) for n, m in found)]
