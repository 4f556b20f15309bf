"""The verifier's report for people (report.text), line by line, in-process: the evidence
for each kind of copy built from the license, shortened added text, moved clauses, the
marks of a diff, typographic variants by kind, and bad input."""

from __future__ import annotations

import codecs
import html

import pytest
from verify_vectors import MIT, vectors

from casebook import LICENSE
from licensekit.exports.text import clause_line
from licensekit.parse import load
from licensekit.verify import References, verify_bytes, verify_text
from licensekit.verify.decode import MAX_BYTES, BadInput
from licensekit.verify.report import bad
from licensekit.verify.report import text as human

SITE = "https://example.org/sub/"
VECTOR = {name: text for name, text, _ in vectors(load(LICENSE))}
ZH = "language: zh-Hans (the authoritative Chinese text)"
EN = "language: en (our unofficial English translation; the Chinese text prevails)"
S31 = "1. baichuan-7B模型的所有权及其相关知识产权，由许可方单独所有。"
ALL_FOUND = "  3159 of 3159 characters of the license found unchanged; clauses: 55 unchanged, 0 substituted, 0 changed, 0 missing, 0 moved"


@pytest.fixture(scope="module")
def refs(lic):
    return References(lic, SITE)


def head(out: str) -> list[str]:
    """The lines before the clause list: verdict, language, evidence, substitutions."""
    return out[: out.index("\nclauses:\n")].split("\n")


def paged(original: str, lines_per_page: int = 40) -> str:
    """The original as pages split by form feeds, each page after the first headed by the title."""
    lines = original.split("\n")
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return "\n\f".join("\n".join((["baichuan-7B模型许可协议"] if n else []) + page) for n, page in enumerate(pages))


def with_page_numbers(original: str) -> str:
    cut = original.index("三、知识产权")
    return original[:cut] + "- 1 -\n" + original[cut:] + "\n第 2 页 共 2 页\n"


# (name, the copy built from the original, the report's lines before its clause list)
HEADS = [
    (
        "page numbers and running headers",
        lambda original: VECTOR["zh-pdf-page-furniture"],
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            "  page furniture removed: 16 page-number lines; running headers “baichuan-7B模型许可协议” ×8, “百川智能 版权所有” ×8",
            ALL_FOUND,
        ],
    ),
    (
        "page numbers only",
        with_page_numbers,
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            "  page furniture removed: 2 page-number lines",
            ALL_FOUND,
        ],
    ),
    (
        "running headers only",
        paged,
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            "  page furniture removed: 0 page-number lines; running headers “baichuan-7B模型许可协议” ×5",
            ALL_FOUND,
        ],
    ),
    (
        "a README around the license",
        lambda original: VECTOR["zh-embedded-in-readme"],
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 markdown, 3232 characters without whitespace",
            "  surrounding text ignored: 52 characters before the license, 21 after",
            ALL_FOUND,
        ],
    ),
    (
        "text before the license only",
        lambda original: "# 说明\n\n本仓库的模型权重适用以下协议。\n\n" + original,
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 markdown, 3176 characters without whitespace",
            "  surrounding text ignored: 17 characters before the license, 0 after",
            ALL_FOUND,
        ],
    ),
    (
        "text after the license only",
        lambda original: original + "\n\n以上协议全文摘自模型仓库。\n",
        [
            "verdict: identical (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3172 characters without whitespace",
            "  surrounding text ignored: 0 characters before the license, 13 after",
            ALL_FOUND,
        ],
    ),
    (
        "a clause copied twice",
        lambda original: VECTOR["zh-duplicated-clause"],
        [
            "verdict: modified (exit 1)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3196 characters without whitespace",
            ALL_FOUND,
            "  added after s3-1: “1. baichuan-7B模型的所有权及其相关知识产权，由许可方单独所有。”",
            "  copied again: s3-1 ×1",
        ],
    ),
    (
        "a clause copied three times",
        lambda original: VECTOR["zh-plain-download"].replace(S31, f"{S31}\n\n{S31}\n\n{S31}"),
        [
            "verdict: modified (exit 1)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3233 characters without whitespace",
            ALL_FOUND,
            f"  added after s3-1: “{S31} {S31}”",
            "  copied again: s3-1 ×2",
        ],
    ),
    (
        "another license",
        lambda original: MIT,
        [
            "verdict: not-this-license (exit 2)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 385 characters without whitespace",
            "  surrounding text ignored: 385 characters before the license, 0 after",
            "  0 of 3159 characters of the license found unchanged; clauses: 0 unchanged, 0 substituted, 0 changed, 55 missing, 0 moved",
        ],
    ),
    (
        "a clause moved",
        lambda original: VECTOR["zh-moved-clause"],
        [
            "verdict: modified (exit 1)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            "  3159 of 3159 characters of the license found unchanged; clauses: 55 unchanged, 0 substituted, 0 changed, 0 missing, 1 moved",
        ],
    ),
    (
        "a clause deleted",
        lambda original: VECTOR["zh-deleted-clause"],
        [
            "verdict: modified (exit 1)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 2995 characters without whitespace",
            "  2995 of 3159 characters of the license found unchanged; clauses: 54 unchanged, 0 substituted, 0 changed, 1 missing, 0 moved",
        ],
    ),
    (
        "half-width punctuation",
        lambda original: VECTOR["zh-half-width"],
        [
            "verdict: equivalent (exit 0)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            ALL_FOUND,
            "  variant (width): “（” as “(” ×1",
            "  variant (width): “）” as “)” ×1",
            "  variant (width): “，” as “,” ×66",
            "  variant (width): “：” as “:” ×6",
        ],
    ),
    (
        "another licensor",
        lambda original: VECTOR["zh-licensor-substituted"],
        [
            "verdict: derived (exit 1)",
            ZH,
            "evidence:",
            "  read as UTF-8 text, 3159 characters without whitespace",
            "  3151 of 3159 characters of the license found unchanged; clauses: 54 unchanged, 1 substituted, 0 changed, 0 missing, 0 moved",
            "substitutions:",
            "  licensor: “北京百川智能科技有限公司” → “上海某某人工智能有限公司” (1 place)",
        ],
    ),
    (
        "the English translation",
        lambda original: VECTOR["en-plain-download"],
        [
            "verdict: identical (exit 0)",
            EN,
            "evidence:",
            "  read as UTF-8 text, 9742 characters without whitespace",
            "  9484 of 9484 characters of the license found unchanged; clauses: 56 unchanged, 0 substituted, 0 changed, 0 missing, 0 moved",
        ],
    ),
]


@pytest.mark.parametrize(("case", "build", "expected"), HEADS, ids=[h[0] for h in HEADS])
def test_the_report_head_gives_the_evidence(refs, lic, case, build, expected):
    assert head(human(verify_text(build(lic.original), refs))) == expected


def test_only_moved_clauses_are_marked_moved(refs):
    lines = human(verify_text(VECTOR["zh-reordered-sections"], refs)).split("\n")
    clauses = lines[lines.index("clauses:") + 1 : -1]
    assert len(clauses) == 55
    assert [x for x in clauses if "moved" in x] == [
        "  s5  V  unchanged  moved",
        "  s5-1  V.1  unchanged  moved",
        "  s5-2  V.2  unchanged  moved",
        "  s5-3  V.3  unchanged  moved",
    ]
    assert "  s4  IV  unchanged" in clauses


# (Up to 8 characters before a clause would be taken for its changed number.)
@pytest.mark.parametrize("n", [9, 159, 160, 161, 320])
def test_added_text_is_shown_up_to_160_characters(refs, lic, n):
    added = ("甲乙丙丁戊己庚辛壬癸" * 32)[:n]
    cut = lic.original.index("三、知识产权")
    out = human(verify_text(lic.original[:cut] + added + "\n" + lic.original[cut:], refs))
    shown = added if n <= 160 else added[:159] + "…"
    assert f"\n  added after s2-5: “{shown}”\n" in out
    assert len(shown) == min(n, 160)


# --- the diff of a changed clause ---------------------------------------------------------


def diff_line(out: str, cid: str) -> str:
    """The marked-up text under a changed clause's heading in the changes section."""
    lines = out.split("\n")
    changes = lines.index("changes ([-authoritative-] {+this copy+}):")
    at = next(i for i, x in enumerate(lines) if i > changes and x.startswith(f"  {cid}  "))
    return lines[at + 1]


# Edits of English II.1: "… all or part of the baichuan-7B Model for any military or illegal purpose."
EN_EDITS = [
    ("any military or", "any civil or", "for any [-military-] {+civil+} or illegal"),
    ("any military or", "any or", "for any [-military-] or illegal"),
    ("any military or", "any Xenial military or", "for any {+Xenial+} military or illegal"),
    ("military or illegal", "military, commercial or illegal", "for any military{+, commercial+} or illegal"),
    ("all or part", "all or a part", "all or {+a+} part of"),
    ("1. You must", "1. You", "    1. You [-must-] not use,"),
]


@pytest.mark.parametrize(("old", "new", "shown"), EN_EDITS, ids=[e[1] for e in EN_EDITS])
def test_a_word_edit_is_marked_with_the_space_before_it_outside(refs, lic, old, new, shown):
    text = "\n\n".join([lic.en.title, *(clause_line(c) for c in lic.en.clauses)])
    out = human(verify_text(text.replace(old, new, 1), refs))
    assert f"\nchanges ([-authoritative-] {{+this copy+}}):\n  s2-1  II.1  {SITE}en/#s2-1\n" in out
    line = diff_line(out, "s2-1")
    assert line.startswith("    1. ") and line.endswith(" purpose.")
    assert shown in line


@pytest.mark.parametrize("inserted", ["\x1c", "\x1f后", "X"])
def test_inserted_characters_are_shown_as_they_are(refs, lic, inserted):
    out = human(verify_text(lic.original.replace("事先向许可方登记", f"事{inserted}先向许可方登记"), refs))
    assert diff_line(out, "s2-2").endswith(f"，事{{+{inserted}+}}先向许可方登记并获得许可方的书面授权。")


# --- typographic variants -------------------------------------------------------------------

# (edit of the Chinese original, [(kind, reference, input, count)])
VARIANTS = [
    ('"标识"', "“标识”", [("quote", '"', "“", 1), ("quote", '"', "”", 1)]),
    ("“否”", '"否"', [("quote", "“", '"', 1), ("quote", "”", '"', 1)]),
    ("“否”", "＂否＂", [("width", "“", "＂", 1), ("width", "”", "＂", 1)]),
    ("地区(仅为", "地区（仅为", [("width", "(", "（", 1)]),
    ("baichuan-7B模型许可协议", "baichuan–7B模型许可协议", [("dash", "-", "–", 1)]),
    ("baichuan-7B模型许可协议", "baichuan－7B模型许可协议", [("width", "-", "－", 1)]),
]


@pytest.mark.parametrize(("old", "new", "expected"), VARIANTS, ids=[v[1] for v in VARIANTS])
def test_variants_are_named_by_kind(refs, lic, old, new, expected):
    assert lic.original.count(old) == 1
    report = verify_text(lic.original.replace(old, new), refs)
    assert report["verdict"] == "equivalent"
    assert [(v["kind"], v["reference"], v["input"], v["count"]) for v in report["variants"]] == expected
    lines = head(human(report))
    assert lines[5:] == [f"  variant ({k}): “{a}” as “{b}” ×{n}" for k, a, b, n in expected]


# --- bad input ------------------------------------------------------------------------------

BAD = [
    (b"", "the input is empty"),
    (b"%PDF-1.4\n", "the input is a PDF file: extract its text first (for example with pdftotext), not text"),
    (b"abc\x00def", "the input is binary: it contains NUL bytes (UTF-16 or UTF-32 text needs its byte-order mark)"),
    (codecs.BOM_UTF8 + b"<html><body><p> </p></body></html>", "no text is left once the html markup is removed"),
    (b"a" * (MAX_BYTES + 1), f"the input has {MAX_BYTES + 1} bytes; the limit is {MAX_BYTES} bytes (4 MiB)"),
]


@pytest.mark.parametrize(("data", "message"), BAD, ids=["empty", "pdf", "nul", "markup-only", "too-large"])
def test_bad_input_reads_as_two_lines(refs, data, message):
    assert human(verify_bytes(data, refs)) == f"verdict: bad input (exit 3)\nerror: {message}\n"


# --- how the input was read, and where the report's schema is ------------------------------

READ_AS = [
    ("plain text", lambda lic: lic.original, {}, "text"),
    ("markdown by content", lambda lic: VECTOR["zh-markdown"], {}, "markdown"),
    ("markdown by name", lambda lic: lic.original, {"name": "LICENSE.md"}, "markdown"),
    ("html by name", lambda lic: lic.original, {"name": "license.HTML"}, "html"),
    ("html by content", lambda lic: VECTOR["zh-html"], {}, "html"),
    ("format given", lambda lic: VECTOR["zh-markdown"], {"fmt": "text"}, "text"),
]


@pytest.mark.parametrize(("case", "build", "options", "fmt"), READ_AS, ids=[r[0] for r in READ_AS])
def test_the_format_is_read_from_the_name_or_the_content(refs, lic, case, build, options, fmt):
    source = build(lic)
    from_text = verify_text(source, refs, **options)
    from_bytes = verify_bytes(source.encode(), refs, **options)
    assert from_text["input"]["format"] == from_bytes["input"]["format"] == fmt
    assert from_bytes["input"]["encoding"] == "UTF-8"
    assert f"\n  read as UTF-8 {fmt}, " in human(from_bytes)


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4", "许可".encode() * 40, "\n".join(["<p>x</p>"] * 3).encode()])
def test_every_report_names_its_schema_under_the_site_address(refs, data):
    assert verify_bytes(data, refs)["$schema"] == "https://example.org/sub/schema/verify-report.schema.json"


@pytest.mark.parametrize(
    ("site_url", "base"),
    [
        ("https://example.org/sub/", "https://example.org/sub"),
        ("https://example.org/sub", "https://example.org/sub"),
        ("https://example.org/sub//", "https://example.org/sub"),
        ("https://example.org/XX/", "https://example.org/XX"),  # only slashes go
    ],
)
def test_the_schema_address_has_one_slash_before_it(site_url, base):
    err = BadInput("empty", "the input is empty")
    assert bad(err, site_url) == {
        "$schema": f"{base}/schema/verify-report.schema.json",
        "verdict": "bad-input",
        "exit_code": 3,
        "error": {"code": "empty", "message": "the input is empty"},
    }


def test_a_report_on_the_license_names_its_schema_with_only_the_slashes_cut(lic):
    report = verify_text(lic.original, References(lic, "https://example.org/XX/"))
    assert report["$schema"] == "https://example.org/XX/schema/verify-report.schema.json"


# --- the JSON report's details ----------------------------------------------------------------


def test_added_text_and_copies_are_listed_with_their_size(refs):
    report = verify_text(VECTOR["zh-duplicated-clause"], refs)
    text = "1. baichuan-7B模型的所有权及其相关知识产权，由许可方单独所有。"
    assert report["added"] == [{"after": "s3-1", "characters": len(text.replace(" ", "")), "text": text}]
    assert report["added"][0]["characters"] == 37
    assert report["duplicates"] == [{"id": "s3-1", "count": 1}]
    assert report["summary"] == {"unchanged": 55, "substituted": 0, "changed": 0, "missing": 0, "moved": 0}


def test_each_clause_counts_its_own_variants(refs, lic):
    report = verify_text(VECTOR["zh-half-width"], refs)
    lines = {c.id: clause_line(c) for c in lic.zh.clauses if c.id}
    lines["title"] = lic.zh.title
    counted = {c["id"]: c["variants"] for c in report["clauses"]}
    assert counted == {i: sum(line.count(ch) for ch in "，：；（）") for i, line in lines.items() if i in counted}
    assert sum(counted.values()) == sum(v["count"] for v in report["variants"]) == 74


@pytest.mark.parametrize("prefix", ["甲", "第三部分"])
def test_a_few_characters_before_a_heading_are_its_change_shown_at_its_start(refs, lic, prefix):
    cut = lic.original.index("三、知识产权")
    out = human(verify_text(lic.original[:cut] + prefix + lic.original[cut:], refs))
    assert "  s3  III  changed\n" in out
    assert f"\n  s3  III  {SITE}zh/#s3\n    {{+{prefix}+}}三、知识产权\n" in out
    assert "added after" not in out


BAD_TEXT = [
    ("", "auto", "no text is left once the text markup is removed"),
    (" \n\u3000\t", "en", "no text is left once the text markup is removed"),
    ("<html><body><p> </p></body></html>", "zh-Hans", "no text is left once the html markup is removed"),
    ("# \n\n- \n", "auto", "no text is left once the markdown markup is removed"),
    ("许" * (MAX_BYTES + 1), "en", f"the input has {MAX_BYTES + 1} characters; the limit is {MAX_BYTES} (4 Mi)"),
]


@pytest.mark.parametrize(("text", "lang", "message"), BAD_TEXT, ids=["empty", "whitespace-en", "html-zh", "markdown", "too-large-en"])
def test_text_with_nothing_to_compare_is_bad_input_in_any_language(refs, text, lang, message):
    report = verify_text(text, refs, lang=lang)
    assert (report["verdict"], report["exit_code"], report["error"]) == (
        "bad-input",
        3,
        {"code": report["error"]["code"], "message": message},
    )
    assert report["error"]["code"] == ("too-large" if "limit" in message else "empty")


def test_a_text_at_the_size_limit_is_read(refs):
    # Spaces only: read, then empty. (Only a text longer than the limit is too large.)
    report = verify_text(" " * MAX_BYTES, refs, lang="zh-Hans", fmt="text")
    assert report["error"] == {"code": "empty", "message": "no text is left once the text markup is removed"}


@pytest.mark.parametrize("where", ["html", "p"])
def test_a_page_in_english_only_is_read_as_english(refs, lic, where):
    # Compared with the Chinese text, the English elements are left out and nothing is left.
    units = [lic.en.title, lic.notice("en"), *(clause_line(c) for c in lic.en.clauses)]
    attr = ' lang="en"'
    body = "".join(f"<p{attr if where == 'p' else ''}>{html.escape(u)}</p>" for u in units)
    page = f"<html{attr if where == 'html' else ''}><body>{body}</body></html>"
    report = verify_text(page, refs)
    assert (report["verdict"], report["language"], report["input"]["format"]) == ("identical", "en", "html")
    assert verify_text(page, refs, lang="zh-Hans")["error"]["message"] == "no text is left once the html markup is removed"
