"""The English translation: complete, with the right proper names and notices."""

from __future__ import annotations


def test_grant_has_all_six_attributes(lic):
    grant = lic.en.by_id()["s2-grant"].text
    attributes = ["non-exclusive", "worldwide", "non-transferable", "non-sublicensable", "revocable", "royalty-free"]
    assert "non-exclusive, worldwide, non-transferable, non-sublicensable, revocable, royalty-free copyright license" in grant
    assert all(a in grant for a in attributes)


def test_nine_kinds_of_loss(lic):
    en = lic.en.by_id()
    losses = [en[f"s4-3-{n}"].text for n in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")]
    assert losses == [
        "loss of revenue;",
        "loss of actual or anticipated profits;",
        "loss of the use of money;",
        "loss of anticipated savings;",
        "loss of business;",
        "loss of opportunity;",
        "loss of goodwill or reputation;",
        "loss of use of software; or",
        "any indirect, incidental, special or indirect damage or loss.",
    ]


def test_six_application_fields(lic):
    fields = [c.title for c in lic.en.clauses if c.kind == "field"]
    assert fields == [
        "Name of the applicant",
        "Name of the applicant’s agent",
        "Applicant’s contact details and address",
        "Contact details of the applicant’s agent",
        "Details of derivative creation based on the Model",
        "Specific commercial use",
    ]


def test_proper_names(lic):
    en = lic.en.by_id()
    assert "Beijing Baichuan Intelligent Technology Co., Ltd." in en["s1-licensor"].text
    assert "Personal Information Protection Law of the People’s Republic of China" in en["s4-5"].text
    assert "the laws of the mainland of the People’s Republic of China (for the purposes of this Agreement only, excluding Hong Kong, Macao and Taiwan)" in en["s5-2"].text


def test_legal_register(lic):
    en = lic.en.by_id()
    assert en["s2-1"].text.startswith("You must not use")
    assert "You shall" in en["s2-2"].text
    assert en["s3-3"].text.count("You may") == 2


def test_unofficial_notice(lic):
    notice = next(x["notice"] for x in lic.metadata["languages"] if x["tag"] == "en")
    assert "Unofficial translation" in notice
    assert "prevails" in notice
    assert "English PDF" in notice and "independently" in notice


def test_hard_phrases_have_translation_notes(lic):
    notes = {n["id"]: n for n in lic.notes}
    assert notes["final-interpretation"]["zh-Hans"] == "最终解释权"
    assert notes["numbering-errata"]["clauses"] == ["s4-3-iii", "s4-3-ix"]
