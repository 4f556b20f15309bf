"""The clause model that one parse of the real sources yields."""

from __future__ import annotations

import pytest

from licensekit.model import LANGS
from licensekit.parse import NUMBER

IDS = (
    ["s1", "s1-license", "s1-model", "s1-data", "s1-personal-information", "s1-output", "s1-training", "s1-model-derivatives"]
    + ["s1-distribution", "s1-licensor", "s1-you", "s1-third-party", "s1-commercial-use"]
    + ["s2", "s2-grant", "s2-1", "s2-2", "s2-3", "s2-4", "s2-5", "s3", "s3-1", "s3-2", "s3-3", "s4", "s4-1", "s4-2", "s4-3"]
    + [f"s4-3-{n}" for n in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")]
    + ["s4-4", "s4-5", "s4-6", "s5", "s5-1", "s5-2", "s5-3", "appendix", "appendix-1", "appendix-2"]
    + [
        f"appendix-2-{f}"
        for f in ("applicant-name", "agent-name", "applicant-contact", "agent-contact", "derivative-works", "commercial-use")
    ]
    + ["appendix-note"]
)


@pytest.mark.parametrize("lang", LANGS)
def test_clause_ids_in_reading_order(lic, lang):
    assert [c.id for c in lic.docs[lang].clauses] == IDS


def test_inline_definition_is_an_anchor(lic):
    for doc in lic.docs.values():
        assert doc.by_id()["s3-2"].defines == ["s3-2-marks"]
        assert "s3-2-marks" in doc.anchors()


def test_numbers_are_literal(lic):
    zh, en = lic.zh.by_id(), lic.en.by_id()
    assert [zh[f"s4-3-{n}"].number for n in ("i", "ii", "iii", "ix")] == ["(i)", "(ii)", "(ii)", "(x)"]
    assert [en[f"s4-3-{n}"].number for n in ("i", "ii", "iii", "ix")] == ["(i)", "(ii)", "(ii) [sic: (iii)]", "(x) [sic: (ix)]"]
    assert [(en[f"s4-3-{n}"].printed_number, en[f"s4-3-{n}"].sic) for n in ("ii", "iii", "ix")] == [
        ("(ii)", ""),
        ("(ii)", "(iii)"),
        ("(x)", "(ix)"),
    ]
    assert (zh["s2"].number, zh["s2"].title, en["s2"].number) == ("二、", "许可及许可限制", "II.")
    assert (zh["appendix"].number, zh["appendix"].title) == ("", "附则")


def test_kinds_and_parents(lic):
    zh = lic.zh.by_id()
    assert (zh["s1-you"].kind, zh["s1-you"].parent) == ("definition", "s1")
    assert (zh["s2-grant"].kind, zh["s2-grant"].caption) == ("paragraph", "许可的授予")
    assert (zh["s4-3-iii"].kind, zh["s4-3-iii"].parent) == ("item", "s4-3")
    assert (zh["appendix-2-agent-name"].kind, zh["appendix-2-agent-name"].title) == ("field", "申请代理人名称")


def test_explicit_cross_references(lic):
    for doc in lic.docs.values():
        by_id = doc.by_id()
        assert by_id["s2-2"].refs == ["appendix"]
        assert by_id["s2-5"].refs == ["s2"]
        assert by_id["appendix-1"].refs == ["s2"]
        assert by_id["appendix-2"].refs == ["appendix-1"]
        # 以上 names no clause: the reading (IV.1 and IV.2) is a translation note, not markup
        assert by_id["s4-3"].refs == []
        assert by_id["appendix-note"].refs == ["appendix-2-derivative-works"]


def test_term_uses(lic):
    zh, en = lic.zh.by_id(), lic.en.by_id()
    assert zh["s2-grant"].terms == ["s1-license", "s1-licensor", "s1-you", "s1-commercial-use", "s1-output", "s1-model-derivatives"]
    assert en["s2-2"].terms == ["s1-model-derivatives", "s1-commercial-use", "s1-licensor"]
    assert [s.text for s in zh["s2-2"].spans("term")] == ["模型衍生品", "商业用途", "许可方"]


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("XXXVIII. Thirty-eighth", "XXXVIII.", "Thirty-eighth"),
        ("XXXIX. Thirty-ninth", "XXXIX.", "Thirty-ninth"),
        ("CCCLXXXVIII. Long", "CCCLXXXVIII.", "Long"),
        ("xxxviii. Lower case", "xxxviii.", "Lower case"),
        ("(xxxviii) In brackets", "(xxxviii)", "In brackets"),
        ("1234567. Many digits", "1234567.", "Many digits"),
        ("二十八、 Chinese", "二十八、", "Chinese"),
        ("b. One letter", "b.", "One letter"),
        ("Definitions. A word", "", "Definitions. A word"),
        ("Notes", "", "Notes"),
    ],
)
def test_number_of_any_length(heading, number, title):
    match = NUMBER.match(heading)
    assert (match.group(1) if match else "", heading[match.end() :] if match else heading) == (number, title)
