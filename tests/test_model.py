"""The clause model and the registry it takes levels from (model.py, codes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import clause, defterm, item, license_of, ref, section, term
from licensekit.codes import CODES, Code, _e, level
from licensekit.model import Finding


def test_codes_take_their_level_from_the_registry():
    assert _e("a summary") == Code("error", "a summary", False)
    assert _e("unreadable", fatal=True) == Code("error", "unreadable", True)
    assert [level(c) for c in ("TEXT-CHANGED", "TERM-UNUSED", "TERM-UNMARKED")] == ["error", "warning", "info"]
    assert sorted(c for c, v in CODES.items() if v.fatal) == [
        "ENC-UTF8",
        "FILE-MISSING",
        "FILE-NOT-REGULAR",
        "FILE-OUTSIDE",
        "FILE-TOO-LARGE",
        "FILE-UNREADABLE",
        "YAML-ALIAS",
        "YAML-DUPLICATE-KEY",
        "YAML-MERGE",
        "YAML-SHAPE",
        "YAML-SYNTAX",
        "YAML-TAG",
    ]
    with pytest.raises(ValueError, match="finding code 'NOPE' is not in licensekit.codes.CODES"):
        level("NOPE")


def test_finding():
    f = Finding(Path("/x/lic/zh.md"), 7, "TERM-UNUSED", "", "unused")
    assert (f.level, f.fatal) == ("warning", False)
    assert Finding(Path("a"), 1, "YAML-SYNTAX", "", "m").fatal is True
    assert f.format() == "/x/lic/zh.md:7: TERM-UNUSED -: unused"
    assert f.format(Path("/x")) == "lic/zh.md:7: TERM-UNUSED -: unused"
    # A file beside the root (a sibling of it) is shown as ../…; anything farther stays absolute.
    assert f.format(Path("/x/lic2")) == "../lic/zh.md:7: TERM-UNUSED -: unused"
    assert f.format(Path("/elsewhere")) == "../x/lic/zh.md:7: TERM-UNUSED -: unused"
    assert f.format(Path("/elsewhere/deep")) == "/x/lic/zh.md:7: TERM-UNUSED -: unused"
    with pytest.raises(ValueError):
        Finding(Path("a"), 1, "NOPE", "", "m")
    # Messages are shortened centrally, saying how much was cut.
    assert Finding(Path("a"), 1, "TERM-UNUSED", "", "x" * 240).message == "x" * 240
    assert Finding(Path("a"), 1, "TERM-UNUSED", "", "x" * 245).message == "x" * 240 + "… (5 more characters)"


@pytest.mark.parametrize("line, clause", [(1, None), (1, b"s1"), (None, ""), ("1", ""), (1.0, "s1")])
def test_a_finding_refuses_a_clause_or_line_of_another_type(line, clause):
    with pytest.raises(TypeError, match=r"^a finding's clause is a str and its line an int, not "):
        Finding(Path("a"), line, "TERM-UNUSED", clause, "m")


def test_clause_views():
    c = item(
        "s1-1",
        "1.",
        "s1",
        ["a ", ref("A", "s1"), term("M", "s1-m"), ref("A2", "s1")],
        ["b ", defterm("D", "s1-1-d"), term("M", "s1-m")],
        caption="Cap",
    )
    assert c.text == "a AMA2\n\nb DM"
    assert c.heading == "1. Cap"
    assert (c.refs, c.terms, c.defines) == (["s1"], ["s1-m"], ["s1-1-d"])
    assert [s.text for s in c.spans("ref")] == ["A", "A2"]
    assert clause("f", "field", title="Name", caption="ignored").heading == "Name"
    assert section("s9", "", "Appendix").heading == "Appendix"


def test_license_views():
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        item("s1-1", "1.", "s1", ["x", defterm("标", "s1-1-m")], lang="zh-Hans"),
        item("s1-z", "2.", "s1", "x", lang="zh-Hans"),
    ]
    en = [section("s1", "I.", "Def"), item("s1-1", "1.", "s1", "x"), item("s1-e", "2.", "s1", "x")]
    meta = {"languages": [{"tag": "zh-Hans", "notice": "权威"}, {"tag": "en", "notice": "Unofficial."}, {"tag": "fr"}]}
    lic = license_of(zh, en, metadata=meta, glossary=[{"id": "g", "en": "G"}])
    assert [(a.id, b.id) for a, b in lic.pairs()] == [("s1", "s1"), ("s1-1", "s1-1")]
    assert lic.zh.anchors() == {"s1", "s1-1", "s1-z", "s1-1-m"}
    assert list(lic.zh.by_id()) == ["s1", "s1-1", "s1-z"]
    assert (lic.notice("en"), lic.notice("zh-Hans"), lic.notice("fr"), lic.notice("de")) == ("Unofficial.", "权威", "", "")
    assert lic.terms_by_id() == {"g": {"id": "g", "en": "G"}}
    assert lic.path("errata.yaml") == Path("lic/errata.yaml")
    assert license_of(metadata={}).notice("en") == ""


def test_line_of_falls_back_to_the_nearest_parent(lic):
    assert lic.line_of("metadata.yaml", "original", "sha256") == 39
    assert lic.line_of("metadata.yaml", "original", "no-such-key") == 37
    assert lic.line_of("glossary.yaml", 0, "en") == 6
    assert lic.line_of("no-such-file.yaml", "x") == 1


def test_lookups_are_built_once_per_list_and_follow_a_new_list():
    lic = license_of(en=[section("s1", "I.", "One"), section("s2", "II.", "Two")], glossary=[{"id": "g1"}, {"id": "g2"}])
    doc = lic.en
    assert doc.by_id() is doc.by_id() and lic.terms_by_id() is lic.terms_by_id()  # built once
    assert list(doc.by_id()) == ["s1", "s2"] and list(lic.terms_by_id()) == ["g1", "g2"]
    doc.clauses = [section("s3", "III.", "Three"), section("s4", "IV.", "Four")]  # another list of the same length
    lic.glossary = [{"id": "g3"}, {"id": "g4"}]
    assert list(doc.by_id()) == ["s3", "s4"] and list(lic.terms_by_id()) == ["g3", "g4"]
    doc.clauses.append(section("s5", "V.", "Five"))  # the same list, grown
    lic.glossary.append({"id": "g5"})
    assert list(doc.by_id()) == ["s3", "s4", "s5"] and list(lic.terms_by_id()) == ["g3", "g4", "g5"]
    assert doc.position("s5") == 2
