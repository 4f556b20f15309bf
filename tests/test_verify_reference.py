"""The verifier's references (verify.reference), in-process: each language's units, their
labels and addresses, the slots, and the unique shingles that anchor a unit."""

from __future__ import annotations

import pytest

from licensekit.exports.text import clause_line
from licensekit.verify import References
from licensekit.verify.normalise import normalise
from licensekit.verify.reference import Reference, Unit, _index, build


@pytest.mark.parametrize("site_url", ["https://example.org/sub/", "https://example.org/sub"])
@pytest.mark.parametrize(("lang", "path", "k", "min_match"), [("zh-Hans", "zh", 4, 40), ("en", "en", 10, 100)])
def test_a_reference_is_the_title_then_each_clause_with_its_address(lic, site_url, lang, path, k, min_match):
    ref = build(lic, lang, site_url)
    page = f"https://example.org/sub/{path}/"
    doc = lic.docs[lang]
    assert (ref.lang, ref.k, ref.min_match) == (lang, k, min_match)
    title = ref.units[0]
    assert (title.index, title.id, title.label, title.url, title.text.raw, title.optional) == (
        0,
        "title",
        "title",
        page,
        doc.title.replace(" ", ""),
        False,
    )
    clauses = [u for u in ref.units if u.id not in ("title", "notice")]
    assert [u.id for u in clauses] == [c.id for c in doc.clauses if c.id and clause_line(c)]
    assert [u.index for u in ref.units] == list(range(len(ref.units)))
    by_id = {u.id: u for u in clauses}
    assert (by_id["s2-2"].label, by_id["s2-2"].url, by_id["s2-2"].optional) == ("II.2", page + "#s2-2", False)
    assert by_id["s4-3-iii"].label == "IV.3(ii) [sic: (iii)]"
    assert by_id["s2-2"].text.spaced == normalise(clause_line(doc.by_id()["s2-2"])).spaced
    assert ref.total == sum(len(u.text.canon) for u in ref.units if u.id != "notice")


def test_only_the_english_reference_has_the_notice_and_it_is_optional(lic):
    zh, en = build(lic, "zh-Hans", "https://example.org/"), build(lic, "en", "https://example.org/")
    assert [u.id for u in zh.units[:2]] == ["title", "s1"]
    notice = en.units[1]
    assert (notice.id, notice.label, notice.url, notice.optional) == ("notice", "notice", "https://example.org/en/", True)
    assert notice.text.spaced == normalise(lic.notice("en")).spaced
    assert en.total == 9484 and zh.total == 3159


def test_slot_values_are_folded(lic):
    zh = build(lic, "zh-Hans", "https://example.org/")
    assert zh.slots["jurisdiction"] == ["中华人民共和国大陆地区(仅为本协议之目的,不包括香港、澳门和台湾)"]
    assert zh.slots["licensor"] == ["北京百川智能科技有限公司"]
    en = build(lic, "en", "https://example.org/")
    assert en.slots["jurisdiction"][0].startswith("the mainland of the People's Republic")
    assert list(en.slots) == ["licensor", "model", "contact", "jurisdiction"]


def test_both_titles_are_kept_from_page_furniture(lic):
    refs = References(lic, "https://example.org/x/")
    assert refs.keep == frozenset({"baichuan-7B模型许可协议", "baichuan-7BModelLicenseAgreement"})
    assert refs.site_url == "https://example.org/x/"
    assert sorted(refs.by_lang) == ["en", "zh-Hans"]


def small(*texts: str, k: int = 4) -> Reference:
    units = [Unit(i, f"u{i}", f"U{i}", "", normalise(t)) for i, t in enumerate(texts)]
    ref = Reference("zh-Hans", units, k, 1, {})
    _index(ref)
    return ref


def test_a_shingle_anchors_only_where_it_occurs_once():
    ref = small("甲乙丙丁戊庚", "乙丙丁戊己", "子丑寅卯子丑寅卯")
    assert ref.index == {
        "甲乙丙丁": (0, 0),
        "丙丁戊庚": (0, 2),
        "丙丁戊己": (1, 1),
        "丑寅卯子": (2, 1),
        "寅卯子丑": (2, 2),
        "卯子丑寅": (2, 3),
    }
    assert ref.grams == [2, 1, 3]


def test_a_shingle_seen_three_times_is_no_anchor():
    ref = small("甲乙丙丁", "甲乙丙丁", "甲乙丙丁戊")
    assert ref.index == {"乙丙丁戊": (2, 1)}
    assert ref.grams == [0, 0, 1]


def test_a_unit_shorter_than_a_shingle_has_none():
    ref = small("甲乙丙", "甲乙丙丁", k=4)
    assert (ref.index, ref.grams) == ({"甲乙丙丁": (1, 0)}, [0, 1])
