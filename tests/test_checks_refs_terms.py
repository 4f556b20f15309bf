"""References, defined terms, pairing and style (checks/refs.py, terms.py, pairing.py,
style.py) on small models; `terms._forms` and `pairing.differs` directly."""

from __future__ import annotations

import pytest

from factories import clause, defterm, finding, item, license_of, ref, section, term
from licensekit.checks import pairing, refs, style, terms
from licensekit.checks.pairing import differs
from licensekit.checks.terms import _forms

GLOSSARY = [
    {"id": "s1-model", "zh-Hans": "模型", "en": "Model"},
    {"id": "s1-you", "zh-Hans": "您", "en": "You", "forms": {"zh-Hans": ["您的"], "en": ["Your"]}},
]
ZH_DEFS = ["“模型”是指一个模型。", "“您”(或“您的”)是指一个人。"]
EN_DEFS = ["“Model” means a model.", "“You” (or “Your”) means a person."]


def formatted(findings) -> list[str]:
    return sorted(f.format() for f in findings)


def model(zh_body=None, en_body=None, glossary=GLOSSARY, zh_defs=ZH_DEFS, en_defs=EN_DEFS):
    """Section I defines the two terms (lines 5 and 7); section II has the given items (line 11 on)."""
    docs = {}
    for lang, defs, body, title in (("zh-Hans", zh_defs, zh_body, ("一、", "定义")), ("en", en_defs, en_body, ("I.", "Definitions"))):
        clauses = [section("s1", *title, line=3, lang=lang)]
        clauses += [
            clause(g["id"], "definition", d, parent="s1", line=3 + 2 * k, lang=lang)
            for k, (g, d) in enumerate(zip(GLOSSARY, defs, strict=False), 1)
        ]
        clauses.append(section("s2", "二、" if lang == "zh-Hans" else "II.", "规则", line=9, lang=lang))
        default = [
            item("s2-1", "1.", "s2", [term("模型" if lang == "zh-Hans" else "Models", "s1-model")], line=11, lang=lang),
            item("s2-2", "2.", "s2", [term("您的" if lang == "zh-Hans" else "Your", "s1-you"), ref("x", "s2-1")], line=15, lang=lang),
        ]
        clauses += default if body is None else body(lang)
        docs[lang] = clauses
    return license_of(docs["zh-Hans"], docs["en"], glossary=glossary)


@pytest.mark.parametrize("check", [refs.check, terms.check, pairing.check, style.check], ids=lambda c: c.__module__.split(".")[-1])
def test_a_valid_model_yields_nothing(check):
    # Definitions contain their own term unmarked: that is not an unmarked use (TERM-UNMARKED).
    assert check(model()) == []


# -- references ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
@pytest.mark.parametrize("target", ["s9", "s2-10", "appendix"])
def test_ref_broken_in_either_language(lang, target):
    body = lambda lg: [item("s2-1", "1.", "s2", ["见", ref("附则", target if lg == lang else "s1")], line=11, lang=lg)]  # noqa: E731
    lic = model(body, body)
    expected = [finding(lang, 13, "REF-BROKEN", "s2-1", f"reference [附则](#{target}): no clause has this ID")]
    assert formatted(refs.check(lic)) == formatted(expected)


def test_a_reference_to_an_inline_term_or_a_glossary_term_resolves():
    body = lambda lg: [  # noqa: E731
        item("s2-1", "1.", "s2", ["a ", defterm("Mark", "s2-1-mark")], line=11, lang=lg),
        item("s2-2", "2.", "s2", [ref("mark", "s2-1-mark"), ref("model", "s1-model")], line=15, lang=lg),
    ]
    assert refs.check(model(body, body)) == []


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_ref_self(lang):
    body = lambda lg: [item("s2-1", "1.", "s2", "x", ["见", ref("本条", "s2-1" if lg == lang else "s1")], line=11, lang=lg)]  # noqa: E731
    lic = model(body, body)
    assert refs.check(lic) == [finding(lang, 15, "REF-SELF", "s2-1", "reference [本条] points to its own clause")]


# -- defined terms --------------------------------------------------------------


def test_term_listed_twice_in_the_glossary():
    glossary = GLOSSARY + [{"id": "s1-model", "zh-Hans": "模型", "en": "Model"}]
    found = [f for f in terms.check(model(glossary=glossary)) if f.code == "TERM-DUPLICATE"]
    assert found == [finding("glossary.yaml", 12, "TERM-DUPLICATE", "s1-model", "listed twice in the glossary")]


def test_term_defined_twice_in_one_language():
    body = lambda lg: [clause("s2-1", "item", "“Model” means again." if lg == "en" else "x", parent="s2", number="1.", line=11, lang=lg)]  # noqa: E731
    assert formatted(terms.check(model(body, body))) == formatted(
        [
            finding("en", 11, "TERM-DUPLICATE", "s2-1", "“Model” is already defined in s1-model (line 5)"),
            finding("en", 11, "TERM-NOT-IN-GLOSSARY", "s2-1", "defines “Model”, but the glossary has no entry s2-1"),
            finding("glossary.yaml", 10, "TERM-UNUSED", "s1-model", "“模型” is never marked as used in the zh-Hans text"),
            finding("glossary.yaml", 10, "TERM-UNUSED", "s1-model", "“Model” is never marked as used in the en text"),
            finding("glossary.yaml", 11, "TERM-UNUSED", "s1-you", "“您” is never marked as used in the zh-Hans text"),
            finding("glossary.yaml", 11, "TERM-UNUSED", "s1-you", "“You” is never marked as used in the en text"),
        ]
    )


@pytest.mark.parametrize(
    "zh_def,en_def,zh_word,en_word",
    [(ZH_DEFS[1], EN_DEFS[1], "您", "You"), ("“用户”是指某人。", "“User” means someone.", "用户", "User")],
    ids=["you", "user"],
)
def test_term_not_in_glossary_for_a_definition_clause(zh_def, en_def, zh_word, en_word):
    body = lambda lg: [item("s2-1", "1.", "s2", [term("模型" if lg == "zh-Hans" else "Model", "s1-model")], line=11, lang=lg)]  # noqa: E731
    lic = model(body, body, glossary=GLOSSARY[:1], zh_defs=[ZH_DEFS[0], zh_def], en_defs=[EN_DEFS[0], en_def])
    assert formatted(terms.check(lic)) == formatted(
        [
            finding("zh-Hans", 7, "TERM-NOT-IN-GLOSSARY", "s1-you", f"defines “{zh_word}”, but the glossary has no entry s1-you"),
            finding("en", 7, "TERM-NOT-IN-GLOSSARY", "s1-you", f"defines “{en_word}”, but the glossary has no entry s1-you"),
        ]
    )


def test_inline_term_not_in_glossary():
    body = lambda lg: [  # noqa: E731
        item(
            "s2-1", "1.", "s2", [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), defterm("标识", "s2-1-marks")], line=11, lang=lg
        ),
        item("s2-2", "2.", "s2", [term("您" if lg == "zh-Hans" else "You", "s1-you")], line=15, lang=lg),
    ]
    lic = model(body, body)
    assert formatted(terms.check(lic)) == formatted(
        [finding(lg, 13, "TERM-NOT-IN-GLOSSARY", "s2-1", "defines s2-1-marks, which the glossary lacks") for lg in ("zh-Hans", "en")]
    )


def test_inline_term_defined_twice_and_in_other_words():
    glossary = GLOSSARY + [{"id": "s2-1-marks", "zh-Hans": "标识", "en": "Marks"}]
    body = lambda lg: [  # noqa: E731
        item(
            "s2-1",
            "1.",
            "s2",
            [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), defterm("标识" if lg == "zh-Hans" else "Signs", "s2-1-marks")],
            line=11,
            lang=lg,
        ),
        item("s2-2", "2.", "s2", [term("您" if lg == "zh-Hans" else "You", "s1-you"), defterm("标识", "s2-1-marks")], line=15, lang=lg),
    ]
    lic = model(body, body, glossary=glossary)
    assert formatted(terms.check(lic)) == formatted(
        [
            finding("en", 13, "TERM-GLOSSARY", "s2-1", "defines “Signs”, but the glossary says “Marks”"),
            finding("zh-Hans", 17, "TERM-DUPLICATE", "s2-2", "s2-1-marks is already defined on line 13"),
            finding("en", 17, "TERM-DUPLICATE", "s2-2", "s2-1-marks is already defined on line 13"),
            finding("en", 17, "TERM-GLOSSARY", "s2-2", "defines “标识”, but the glossary says “Marks”"),
            finding("glossary.yaml", 12, "TERM-UNUSED", "s2-1-marks", "“标识” is never marked as used in the zh-Hans text"),
            finding("glossary.yaml", 12, "TERM-UNUSED", "s2-1-marks", "“Marks” is never marked as used in the en text"),
        ]
    )


def test_term_glossary_disagrees_or_no_definition():
    en_defs = ["“Models” means a model.", "You are a person."]
    assert formatted(terms.check(model(en_defs=en_defs))) == formatted(
        [
            finding("en", 5, "TERM-GLOSSARY", "s1-model", "defines “Models”, but the glossary says “Model”"),
            finding("en", 7, "TERM-GLOSSARY", "s1-you", "should define “You” but does not start with a definition"),
            finding("glossary.yaml", 11, "TERM-UNDEFINED", "s1-you", "the en text has no definition of “You”"),
        ]
    )


@pytest.mark.parametrize("used", ["Modell", "model", "Model’", "Modelss", "您的们"])
def test_term_form(used):
    lang = "zh-Hans" if used.startswith("您") else "en"
    target = "s1-you" if lang == "zh-Hans" else "s1-model"
    body = lambda lg: [  # noqa: E731
        item("s2-1", "1.", "s2", [term(used if lg == lang else ("模型" if lg == "zh-Hans" else "Model"), "s1-model")], line=11, lang=lg),
        item("s2-2", "2.", "s2", [term("您" if lg == "zh-Hans" else "You", "s1-you")], line=15, lang=lg),
    ]
    if target == "s1-you":
        body = lambda lg: [  # noqa: E731
            item("s2-1", "1.", "s2", [term("模型" if lg == "zh-Hans" else "Model", "s1-model")], line=11, lang=lg),
            item("s2-2", "2.", "s2", [term(used if lg == lang else "You", "s1-you")], line=15, lang=lg),
        ]
    line, cid, word = (13, "s2-1", "Model") if target == "s1-model" else (17, "s2-2", "您")
    assert terms.check(model(body, body)) == [
        finding(lang, line, "TERM-FORM", cid, f"“{used}” is not a form of the glossary term “{word}”")
    ]


def test_term_unused_is_a_warning_in_each_language():
    body = lambda lg: [item("s2-1", "1.", "s2", [term("模型" if lg == "zh-Hans" else "Model", "s1-model")], line=11, lang=lg)]  # noqa: E731
    found = terms.check(model(body, body))
    assert found == [
        finding("glossary.yaml", 11, "TERM-UNUSED", "s1-you", "“您” is never marked as used in the zh-Hans text"),
        finding("glossary.yaml", 11, "TERM-UNUSED", "s1-you", "“You” is never marked as used in the en text"),
    ]
    assert {f.level for f in found} == {"warning"}


FORMS = [
    ({"en": "Model"}, "en", {"Model", "Models", "Model’s"}),
    ({"en": "You", "forms": {"en": ["Your"]}}, "en", {"You", "Yous", "You’s", "Your", "Yours", "Your’s"}),
    ({"zh-Hans": "您", "forms": {"zh-Hans": ["您的"]}}, "zh-Hans", {"您", "您的"}),
    ({"zh-Hans": "模型", "forms": None}, "zh-Hans", {"模型"}),
    ({"zh-Hans": "模型", "forms": {"en": ["Models"]}}, "zh-Hans", {"模型"}),
    ({"en": "Model"}, "zh-Hans", {""}),
]


@pytest.mark.parametrize("entry,lang,forms", FORMS)
def test_forms(entry, lang, forms):
    assert _forms(entry, lang) == forms


# -- pairing ----------------------------------------------------------------------


EN = clause("s2-1", "item", "x", line=21)
DIFFERS = [
    (["a", "b"], ["a", "b"], None),
    (["a", "b"], ["b", "a"], None),
    (["a", "a"], ["a"], None),
    ([], [], None),
    (["a", "b", "c"], ["a"], "references differ from the zh-Hans text: lacks b, c"),
    (["a"], ["c", "a", "b"], "references differ from the zh-Hans text: adds b, c"),
    (["a", "z"], ["y", "a"], "references differ from the zh-Hans text: lacks z; adds y"),
]


@pytest.mark.parametrize("zh_items,en_items,message", DIFFERS)
def test_differs(zh_items, en_items, message):
    expected = [finding("en", 21, "REF-MISMATCH", "s2-1", message)] if message else []
    assert differs(EN, "REF-MISMATCH", "references", zh_items, en_items) == expected


def test_pairing_checks_every_pair_to_the_last():
    def body(lg):
        last = [ref("x", "s2-1")] if lg == "zh-Hans" else [term("Model", "s1-model")]
        return [
            item("s2-1", "1.", "s2", [term("模型" if lg == "zh-Hans" else "Model", "s1-model")], line=11, lang=lg),
            item("s2-2", "2.", "s2", last, line=15, lang=lg),
        ]

    assert pairing.check(model(body, body)) == [
        finding("en", 15, "REF-MISMATCH", "s2-2", "references differ from the zh-Hans text: lacks s2-1"),
        finding("en", 15, "TERM-MISMATCH", "s2-2", "term uses differ from the zh-Hans text: adds s1-model"),
    ]


# -- style --------------------------------------------------------------------------


def test_heading_duplicate_is_a_warning():
    body = lambda lg: [  # noqa: E731
        item("s2-1", "1.", "s2", [term("M", "s1-model")], line=11, lang=lg, caption="Scope"),
        item("s2-2", "2.", "s2", [term("Y", "s1-you")], line=15, lang=lg, caption="Scope" if lg == "en" else "范围"),
        clause("s2-3", "field", parent="s2", title="Name", line=19, lang=lg),
        clause("s2-4", "field", parent="s2", title="Name", line=21, lang=lg),
    ]
    found = style.check(model(body, body))
    assert formatted(found) == formatted(
        [
            finding("en", 15, "HEADING-DUPLICATE", "s2-2", "heading “Scope” is also used by s2-1"),
            finding("zh-Hans", 21, "HEADING-DUPLICATE", "s2-4", "heading “Name” is also used by s2-3"),
            finding("en", 21, "HEADING-DUPLICATE", "s2-4", "heading “Name” is also used by s2-3"),
        ]
    )
    assert {f.level for f in found} == {"warning"}


def test_term_unmarked_is_informational():
    body = lambda lg: [  # noqa: E731
        item(
            "s2-1",
            "1.",
            "s2",
            [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), "您的" if lg == "zh-Hans" else " Your"],
            line=11,
            lang=lg,
        ),
        item("s2-2", "2.", "s2", "Modelling and the Model’s 模型衍生品" if lg == "en" else "您", line=15, lang=lg),
    ]
    found = style.check(model(body, body))
    assert formatted(found) == formatted(
        [
            finding("zh-Hans", 11, "TERM-UNMARKED", "s2-1", "uses “您” without marking it"),
            finding("en", 11, "TERM-UNMARKED", "s2-1", "uses “You” without marking it"),
            finding("zh-Hans", 15, "TERM-UNMARKED", "s2-2", "uses “您” without marking it"),
            finding("en", 15, "TERM-UNMARKED", "s2-2", "uses “Model” without marking it"),
        ]
    )
    assert {f.level for f in found} == {"info"}


def test_term_undefined_where_a_language_lacks_the_definition():
    lic = model(en_defs=EN_DEFS[:1])
    lic.docs["en"].clauses = [c for c in lic.en.clauses if c.id != "s1-you"]
    assert formatted(terms.check(lic)) == formatted(
        [
            finding("glossary.yaml", 11, "TERM-UNDEFINED", "s1-you", "the en text has no definition of “You”"),
            finding("en", 17, "TERM-UNDEFINED", "s2-2", "uses “Your”, but the en text never defines s1-you"),
        ]
    )


def test_term_unmarked_finds_whole_words_longest_first():
    glossary = GLOSSARY + [{"id": "s1-md", "zh-Hans": "模型衍生品", "en": "Model Derivatives"}, {"id": "s1-x", "en": "Xyz"}]
    body = lambda lg: [  # noqa: E731
        item(
            "s2-1",
            "1.",
            "s2",
            [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), "模型衍生品" if lg == "zh-Hans" else " Model Derivatives"],
            line=11,
            lang=lg,
        ),
        item(
            "s2-2",
            "2.",
            "s2",
            [term("您" if lg == "zh-Hans" else "You", "s1-you"), "" if lg == "zh-Hans" else " Modelling"],
            line=15,
            lang=lg,
        ),
    ]
    found = style.check(model(body, body, glossary=glossary))
    assert formatted(found) == formatted(
        [
            finding("zh-Hans", 11, "TERM-UNMARKED", "s2-1", "uses “模型衍生品” without marking it"),
            finding("en", 11, "TERM-UNMARKED", "s2-1", "uses “Model Derivatives” without marking it"),
        ]
    )


def test_section_titles_are_not_duplicate_headings():
    body = lambda lg: [  # noqa: E731
        section("s3", "三、" if lg == "zh-Hans" else "III.", "规则", line=19, lang=lg),
        item(
            "s3-1",
            "1.",
            "s3",
            [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), term("您" if lg == "zh-Hans" else "You", "s1-you")],
            line=21,
            lang=lg,
        ),
    ]
    assert style.check(model(body, body)) == []


def test_an_inline_term_with_the_id_of_a_definition():
    body = lambda lg: [  # noqa: E731
        item(
            "s2-1",
            "1.",
            "s2",
            [term("模型" if lg == "zh-Hans" else "Model", "s1-model"), defterm("模型" if lg == "zh-Hans" else "Model", "s1-model")],
            line=11,
            lang=lg,
        ),
        item("s2-2", "2.", "s2", [term("您" if lg == "zh-Hans" else "You", "s1-you")], line=15, lang=lg),
    ]
    assert formatted(terms.check(model(body, body))) == formatted(
        [finding(lg, 13, "TERM-DUPLICATE", "s2-1", "s1-model is already defined on line 5") for lg in ("zh-Hans", "en")]
    )


@pytest.mark.parametrize(
    ("lang", "patterns"),
    [
        ("zh-Hans", [("b-derivative", "模型衍生品"), ("a-model", "模型"), ("c-data", "数据"), ("d-license", "许可")]),
        ("en", [("b-derivative", r"\bModel\ Derivatives\b"), ("b-derivative", r"\bderivative\b"), ("a-model", r"\bModel\b")]),
    ],
)
def test_term_patterns_longest_first(lang, patterns):
    glossary = [
        {"id": "a-model", "zh-Hans": "模型", "en": "Model"},
        {"id": "b-derivative", "zh-Hans": "模型衍生品", "en": "Model Derivatives", "forms": {"en": ["derivative"]}},
        {"id": "c-data", "zh-Hans": "数据", "en": ""},
        {"id": "d-license", "zh-Hans": "许可"},  # no English form: no English pattern
    ]
    assert [(tid, p.pattern) for tid, p in style._patterns(license_of(glossary=glossary), lang)] == patterns
