"""Citation labels, one per kind of clause: how a reader cites II.2 or IV.3(iii)."""

from __future__ import annotations

import pytest

from factories import clause, defterm, document, item, license_of, section
from licensekit.cite import Citation, citation, label, label_zh

# On the real sources: every kind of anchor the license has.
REAL = [
    ("s2", "II"),  # numbered section
    ("appendix", "Appendix"),  # unnumbered section: its title
    ("s1-model", "I “Model”"),  # definition
    ("s3-2-marks", "III.2 “Marks”"),  # inline term definition
    ("s2-2", "II.2"),  # item of a numbered section
    ("appendix-1", "Appendix 1"),  # item of an unnumbered section
    ("s4-3-iii", "IV.3(ii) [sic: (iii)]"),  # sub-item: no dot; a misprint keeps its printed form and correction
    ("s4-3-ix", "IV.3(x) [sic: (ix)]"),  # the printed (x) first, then the correct number
    ("appendix-2-applicant-name", "Appendix 2: Name of the applicant"),  # form field
    ("s2-grant", "II, grant of license"),  # paragraph: its caption, lower case
    ("appendix-note", "Appendix, note"),
    ("no-such-id", "no-such-id"),  # unknown: the ID itself
]


@pytest.mark.parametrize("cid,expected", REAL, ids=[c for c, _ in REAL])
def test_label_of_the_real_clauses(lic, cid, expected):
    assert label(lic, cid) == expected


def small():
    en = [
        section("s1", "I.", "Definitions"),
        clause("s1-thing", "definition", "“Thing” means a thing.", parent="s1"),
        section("s2", "II.", "Rules"),
        clause("s2-grant", "paragraph", "Grant.", parent="s2", caption="Grant Of Rights"),
        item("s2-1", "1.", "s2", ["A ", defterm("Widget", "s2-1-widget"), " is made."]),
        item("s2-1-i", "(i)", "s2-1", "First.", level=4),
        item("s2-1-ii", "(ii)", "s2-1", "Second.", level=4),
        section("annex", "", "Annex"),
        item("annex-1", "1.", "annex", "Contact."),
        clause("annex-1-name", "field", parent="annex-1", title="Your Name", level=4),
    ]
    glossary = [{"id": "s1-thing", "zh-Hans": "东西", "en": "Thing"}, {"id": "s2-1-widget", "zh-Hans": "部件", "en": "Widget"}]
    return license_of(en=en, glossary=glossary)


SMALL = [
    ("s1", "I"),
    ("s1-thing", "I “Thing”"),
    ("s2-grant", "II, grant of rights"),
    ("s2-1", "II.1"),
    ("s2-1-widget", "II.1 “Widget”"),
    ("s2-1-i", "II.1(i)"),
    ("s2-1-ii", "II.1(ii)"),
    ("annex", "Annex"),
    ("annex-1", "Annex 1"),
    ("annex-1-name", "Annex 1: Your Name"),
    ("gone", "gone"),
]


@pytest.mark.parametrize("cid,expected", SMALL, ids=[c for c, _ in SMALL])
def test_label_of_each_kind_on_a_small_model(cid, expected):
    assert label(small(), cid) == expected


def test_label_is_the_english_one_whatever_the_chinese_prints():
    lic = small()
    lic.docs["zh-Hans"] = document("zh-Hans", [section("s2", "二、", "规则", lang="zh-Hans")])
    assert label(lic, "s2") == "II"


def test_label_prints_a_misprinted_number_with_its_correction():
    en = [section("s1", "I.", "One"), item("s1-1", "1.", "s1", "a"), item("s1-1-ii", "(i) [sic: (ii)]", "s1-1", "b", level=4)]
    lic = license_of(en=en)
    assert [label(lic, c) for c in ("s1-1", "s1-1-ii")] == ["I.1", "I.1(i) [sic: (ii)]"]


def test_label_keeps_an_x_at_the_end_of_a_number():
    en = [section("s10", "X.", "Tenth"), item("s10-1", "1.", "s10", "a"), item("s10-1-x", "(x)", "s10-1", "b", level=4)]
    lic = license_of(en=en)
    assert [label(lic, c) for c in ("s10", "s10-1", "s10-1-x")] == ["X", "X.1", "X.1(x)"]


def test_label_of_a_clause_without_a_parent():
    lic = license_of(en=[item("a-1", "1.", None, "a"), clause("a-p", "paragraph", "p", caption="Note")])
    assert (label(lic, "a-1"), label(lic, "a-p")) == (" 1", ", note")


# The citation a heading's button copies: Chinese with the numbers as printed, English with
# the logical number, each with the license's title and the clause's canonical URL.
CITATIONS = [
    ("s2-2", "二、2", "II.2"),
    ("s4-3-ix", "四、3.(x)", "IV.3(ix)"),  # printed (x), logical ix
    ("s4-3-iii", "四、3.(ii)", "IV.3(iii)"),  # printed (ii) twice: the URL's ID tells them apart
    ("s4-3-ii", "四、3.(ii)", "IV.3(ii)"),
    ("s4", "四、免责声明及责任限制", "IV"),  # a section: its number and title
    ("appendix", "附则", "Appendix"),
    ("appendix-1", "附则1", "Appendix 1"),
    ("appendix-2-applicant-name", "附则2“申请人名称”", "Appendix 2: Name of the applicant"),
    ("s1-model-derivatives", "一、“模型衍生品”", "I “Model Derivatives”"),
    ("s2-grant", "二、〔许可的授予〕", "II, grant of license"),  # our caption, marked as inserted
    ("appendix-note", "附则〔注〕", "Appendix, note"),
]


@pytest.mark.parametrize("cid,zh,en", CITATIONS, ids=[c for c, _, _ in CITATIONS])
def test_citation_of_the_real_clauses(lic, cid, zh, en):
    base = "https://example.org/sub/"
    assert citation(lic, cid, "zh-Hans", base) == Citation(zh, f"{base}zh/#{cid}", f"《baichuan-7B模型许可协议》{zh} {base}zh/#{cid}")
    assert citation(lic, cid, "en", base) == Citation(en, f"{base}en/#{cid}", f"baichuan-7B Model License Agreement, {en}, {base}en/#{cid}")


@pytest.mark.parametrize("base", ["https://example.org", "https://example.org/", "https://o.github.io/repo/"])
def test_citation_url_joins_the_base_once(lic, base):
    assert citation(lic, "s2-2", "en", base).url == base.rstrip("/") + "/en/#s2-2"


def test_chinese_label_keeps_a_full_stop_only_before_a_sub_item():
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        item("s1-1", "1.", "s1", ["甲"], lang="zh-Hans"),
        item("s1-1-i", "(i)", "s1-1", ["乙"], lang="zh-Hans", level=4),
    ]
    lic = license_of(zh=zh)
    assert [label_zh(lic, c) for c in ("s1", "s1-1", "s1-1-i")] == ["一、定义", "一、1", "一、1.(i)"]


@pytest.mark.parametrize(
    ("base", "url"),
    [
        ("https://example.org", "https://example.org/en/#s2-2"),
        ("https://example.org//", "https://example.org/en/#s2-2"),
        ("https://example.org/LICENSEX/", "https://example.org/LICENSEX/en/#s2-2"),
        ("https://example.org/X", "https://example.org/X/en/#s2-2"),
        ("/", "/en/#s2-2"),
    ],
)
def test_citation_url_under_each_base(lic, base, url):
    assert citation(lic, "s2-2", "en", base).url == url
    assert citation(lic, "s2-2", "zh-Hans", base).url == url.replace("/en/", "/zh/")


@pytest.mark.parametrize(
    ("number", "en", "zh"),
    [("1.", "I.1", "一、1"), ("2．", "I.2．", "一、2"), ("IX.", "I.IX", "一、IX"), ("X.", "I.X", "一、X"), ("x.", "I.x", "一、x")],
)
def test_an_item_label_drops_only_the_full_stop(number, en, zh):
    lic = license_of(
        zh=[section("s1", "一、", "定义", lang="zh-Hans"), item("s1-1", number, "s1", ["甲"], lang="zh-Hans")],
        en=[section("s1", "I.", "Definitions"), item("s1-1", number, "s1", "a")],
    )
    assert (label(lic, "s1-1"), label_zh(lic, "s1-1")) == (en, zh)
