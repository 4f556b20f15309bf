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
    mainland = "the laws of the mainland of the People’s Republic of China"
    assert mainland + " (for the purposes of this Agreement only, excluding Hong Kong, Macao and Taiwan)" in en["s5-2"].text


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


def test_review_findings_resolved(lic):
    """Each clause a legal reviewer graded minor, as it now reads."""
    en = lic.en.by_id()
    expected = {
        "s1-model-derivatives": "by transferring patterns of the weights, parameters, activations or output of the Model to another model",
        "s1-commercial-use": "using the baichuan-7B Model for business operations or promotion, or to generate revenue",
        "s2-grant": "You may exercise this license for purposes other than Commercial Use.",
        "s2-3": "personality rights such as the rights to likeness, reputation and privacy",
        "s2-4": "with a statement of the origin of the baichuan-7B Model and a copy of this Agreement",
        "s2-5": "nor may any Third Party be permitted, assisted or otherwise enabled to violate the license restrictions",
        "s4-1": "You shall be liable to compensate the Licensor in full.",
        "s4-3": "The above losses or damages include, but are not limited to,",
        "s4-5": "As an independent personal information handler, You must ensure",
        "s4-6": "based on its reasonable judgment",
        "s5-3": "resolved by the parties through amicable negotiation",
        "appendix-note": "If there has been no derivative creation, simply answer “No”.",
    }
    for clause_id, phrase in expected.items():
        assert phrase in en[clause_id].text, clause_id
    s32 = en["s3-2"].text
    assert "expressly or impliedly holding Yourself out as the “Licensor”" in s32
    assert "that there is any right to display" in s32 and "that You have the right" not in s32
    assert "the Licensor’s Marks referred to above, or the like, in breach" in s32
    assert "obtaining the consent of the personal information subjects" in en["s4-5"].text
    assert "authorization and consent" not in en["s4-5"].text
    assert "clause 1" not in en["s4-3"].text and "source of" not in en["s2-4"].text


def test_one_variety_of_english(lic):
    texts = [c.text + " " + c.caption for c in lic.en.clauses]
    texts += [e["explanation"]["en"] for e in lic.errata] + [n["note"] for n in lic.notes]
    british = ("licence", "judgement", "authoris", "recognis", "favour", "capitalis", "summaris", "anonymis", "initialis")
    for text in texts:
        assert not any(word in text.lower() for word in british), text
        assert "yourself" not in text and "your " not in text.replace("Your ", ""), text


def test_captions_say_neither_more_nor_less(lic):
    en, zh = lic.en.by_id(), lic.zh.by_id()
    assert en["s2-1"].caption == "No military or illegal purposes"
    assert "carry over" not in en["s2-5"].caption and "延续" not in zh["s2-5"].caption
    assert en["s3-3"].caption == "Claiming intellectual property in Your creative contributions"
    assert "compensate" in en["s4-1"].caption and "赔偿" in zh["s4-1"].caption
    assert en["s4-2"].caption.startswith("Example parameters") and zh["s4-2"].caption.startswith("参数仅为示例")
