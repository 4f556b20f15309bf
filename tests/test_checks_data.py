"""The data files (checks/metadata.py): each is valid against its own schema, and rules and
notes cite real clauses and defined tags. Built on a copy of the real sources' model."""

from __future__ import annotations

import copy

import pytest

from casebook import LICENSE
from licensekit.checks import metadata
from licensekit.model import Finding


def at(name: str, line: int, code: str, clause: str, message: str) -> Finding:
    return Finding(LICENSE / name, line, code, clause, message)


def edited(lic, edit):
    other = copy.deepcopy(lic)
    edit(other)
    return metadata.check(other)


def test_real_data_is_valid(lic):
    assert metadata.check(lic) == []


SCHEMA = [
    (
        lambda x: x.metadata.update(licenseId="Bad Id!"),
        at("metadata.yaml", 2, "META-SCHEMA", "", "licenseId: 'Bad Id!' does not match '^LicenseRef-[A-Za-z0-9.-]+$'"),
    ),
    (lambda x: x.glossary[0].pop("en"), at("glossary.yaml", 4, "DATA-SCHEMA", "", "0: 'en' is a required property")),
    (lambda x: x.errata[0].pop("explanation"), at("errata.yaml", 8, "DATA-SCHEMA", "", "0: 'explanation' is a required property")),
    (
        lambda x: x.notes[0].update(clauses=[]),
        at("translation-notes.yaml", 9, "DATA-SCHEMA", "", "0/clauses: [] should be non-empty"),
    ),
]


@pytest.mark.parametrize("edit,expected", SCHEMA, ids=["metadata", "glossary", "errata", "notes"])
def test_each_data_file_is_validated_against_its_schema(lic, edit, expected):
    assert edited(lic, edit) == [expected]


def test_meta_tag(lic):
    def edit(x):
        x.metadata["rules"]["permissions"][0]["tag"] = "no-such-tag"
        x.metadata["rules"]["limitations"][0]["tag"] = "commercial"

    found = edited(lic, edit)
    assert [f for f in found if f.code == "META-TAG"] == [
        at("metadata.yaml", 83, "META-TAG", "", "rule tag 'no-such-tag' is not defined under tags"),
        at(
            "metadata.yaml",
            lic.line_of("metadata.yaml", "rules", "limitations", 0),
            "META-TAG",
            "",
            "rule tag 'commercial' is not defined under tags",
        ),
    ]


def test_meta_clause_of_rules_and_notes(lic):
    def edit(x):
        x.metadata["rules"]["permissions"][0]["clauses"] = ["s9", "s2-1"]
        x.notes[1]["clauses"] = ["s4-3", "s1-nothing"]
        x.en.clauses = [c for c in x.en.clauses if c.id != "s5-1"]  # in one language only

    rule = lic.metadata["rules"]["permissions"][0]["tag"]
    second = lic.notes[1]["id"]
    final = next(i for i, n in enumerate(lic.notes) if n["id"] == "final-interpretation")
    interpretation = next(i for i, r in enumerate(lic.metadata["rules"]["limitations"]) if r["tag"] == "licensor-interpretation")
    expected = [
        at(
            "metadata.yaml",
            lic.line_of("metadata.yaml", "rules", "permissions", 0),
            "META-CLAUSE",
            "s9",
            f"rule {rule} cites a clause that is not in both texts",
        ),
        at(
            "metadata.yaml",
            lic.line_of("metadata.yaml", "rules", "limitations", interpretation),
            "META-CLAUSE",
            "s5-1",
            "rule licensor-interpretation cites a clause that is not in both texts",
        ),
        at(
            "translation-notes.yaml",
            lic.line_of("translation-notes.yaml", 1),
            "META-CLAUSE",
            "s1-nothing",
            f"note {second} cites a clause that is not in both texts",
        ),
    ]
    if final != 1:  # the edited note no longer cites s5-1; any other note that does is reported
        expected.append(
            at(
                "translation-notes.yaml",
                lic.line_of("translation-notes.yaml", final),
                "META-CLAUSE",
                "s5-1",
                "note final-interpretation cites a clause that is not in both texts",
            )
        )
    assert sorted(edited(lic, edit), key=lambda f: (str(f.path), f.line)) == sorted(expected, key=lambda f: (str(f.path), f.line))


def test_data_found_valid_is_remembered_and_errors_never_are(lic, tmp_path, monkeypatch):
    """A source once found valid skips jsonschema on the next run; a refusal is found afresh every time."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []
    real = metadata.validator
    monkeypatch.setattr(metadata, "validator", lambda path: calls.append(path.name) or real(path))
    assert metadata.check(lic) == []
    assert len(calls) == 5 and len(list((tmp_path / "baichuan-7b-license" / "valid").iterdir())) == 5
    calls.clear()
    assert metadata.check(lic) == []
    assert calls == []  # remembered
    bad = copy.deepcopy(lic)
    bad.metadata["licenseId"] = 7
    bad.errata[0]["kind"] = "typo"
    for _ in range(2):
        calls.clear()
        codes = [(f.code, f.message.split(":")[0]) for f in metadata.check(bad)]
        assert codes == [("META-SCHEMA", "licenseId"), ("DATA-SCHEMA", "0/kind")]
        assert calls == ["metadata.schema.json", "errata.schema.json"]
    # The same value with another type is other data: a date where a string was valid.
    dated = copy.deepcopy(lic)
    dated.metadata["provenance"][0]["date"] = __import__("datetime").date(2023, 6, 15)
    calls.clear()
    assert [f.code for f in metadata.check(dated)] == ["META-SCHEMA"]
    assert calls == ["metadata.schema.json"]


def test_data_is_validated_where_no_cache_folder_can_be_made(lic, tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
    assert metadata._known_valid("0" * 64) is None
    bad = copy.copy(lic)
    bad.metadata = {**lic.metadata, "licenseId": 7}
    assert [(f.code, f.message) for f in metadata.check(bad)] == [("META-SCHEMA", "licenseId: 7 is not of type 'string'")]


def test_the_validity_key_holds_an_undecodable_folder_name(monkeypatch, tmp_path):
    # A dist-info folder name that is not UTF-8 reaches Python with a lone surrogate in it;
    # the key must still be made (one per schema and data), not raise.
    monkeypatch.setattr(metadata, "_jsonschema_version", lambda: "jsonschema-4.25.1.dist-info jsonschema_\udcff.dist-info")
    schema = tmp_path / "s.schema.json"
    schema.write_text("{}", encoding="utf-8")
    first = metadata._fingerprint(schema, {"a": 1})
    assert first is not None and len(first) == 64 and set(first) <= set("0123456789abcdef")
    assert metadata._fingerprint(schema, {"a": 2}) != first
    assert metadata._fingerprint(schema, {"a": 1}) == first


@pytest.mark.parametrize("rules", [["a rule"], "permissions", [{"tag": "x"}]])
def test_rules_not_grouped_are_the_schemas_finding(rules):
    """Rules that are not a mapping of groups cite nothing the clause check could read."""
    from factories import license_of

    assert metadata._cited_clauses(license_of(metadata={"rules": rules, "tags": {}})) == []


def test_a_rule_after_one_that_is_not_a_mapping_is_still_checked():
    from factories import license_of

    lic = license_of(metadata={"rules": {"permissions": ["a rule", {"tag": "nope", "clauses": ["s9"]}]}, "tags": {}})
    lic.lines[lic.path("metadata.yaml")] = {("rules", "permissions", 1): 8}
    assert metadata._cited_clauses(lic) == [
        at_small(8, "META-TAG", "", "rule tag 'nope' is not defined under tags"),
        at_small(8, "META-CLAUSE", "s9", "rule nope cites a clause that is not in both texts"),
    ]


def at_small(line: int, code: str, clause: str, message: str) -> Finding:
    from pathlib import Path

    return Finding(Path("lic/metadata.yaml"), line, code, clause, message)
