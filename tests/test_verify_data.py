"""The data document of the /verify/ page (verify.browser.data), in-process: every name
in it is one the browser port reads, and its values are the verifier's own tables."""

from __future__ import annotations

import json
import re

import pytest

from casebook import ROOT
from licensekit.verify import References
from licensekit.verify.browser import data, data_json
from licensekit.verify.decode import MAX_BYTES
from licensekit.verify.extract import HEADER_MAX_CHARS, HEADER_REPEATS, PAGE_NUMBER, TITLE_MAX_CHARS
from licensekit.verify.normalise import FOLDS, IGNORED

SITE = "https://example.org/sub/"
# The port and the page script that read the document (not mutated, not generated).
PORT = "".join((ROOT / "docs" / "assets" / "verify" / name).read_text(encoding="utf-8") for name in ("verify.js", "page.js"))


@pytest.fixture(scope="module")
def doc(lic):
    return data(References(lic, SITE))


def read_by_port(name: str) -> bool:
    return re.search(rf"\.{re.escape(name)}\b", PORT) is not None


def test_every_name_in_the_document_is_read_by_the_port(doc):
    zh = doc["langs"]["zh-Hans"]
    names = [*doc, *zh, *zh["units"][0]]
    assert sorted(doc["langs"]) == ["en", "zh-Hans"]
    assert [n for n in names if not read_by_port(n)] == []
    assert len(names) == 27  # 18 top-level, 4 for each language, 5 for each unit (id, label, url, text, optional)


def test_the_document_holds_the_verifiers_values(doc):
    assert doc["schema"] == "https://example.org/sub/schema/verify-report.schema.json"
    assert doc["site_url"] == SITE
    assert len(doc["ignored"]) == len(IGNORED) and set(doc["ignored"]) == IGNORED
    assert list(doc["ignored"]) == sorted(doc["ignored"])
    assert doc["max_bytes"] == MAX_BYTES == 4194304
    assert (doc["header_repeats"], doc["header_max_chars"], doc["title_max_chars"]) == (HEADER_REPEATS, HEADER_MAX_CHARS, TITLE_MAX_CHARS)
    assert re.compile(doc["page_number"], re.IGNORECASE).match("第 2 页 共 3 页")
    assert doc["page_number"] == PAGE_NUMBER.pattern
    # The fold table and the width range rebuild FOLDS, as the port does.
    lo, hi, shift = doc["width_range"]
    folds = {chr(c): (chr(c - shift), "width") for c in range(lo, hi + 1)}
    for chars, to, kind in doc["fold_table"]:
        for ch in chars:
            folds.setdefault(ch, (to, kind))
    assert folds == FOLDS


@pytest.mark.parametrize("lang", ["zh-Hans", "en"])
def test_each_language_lists_its_units_in_reading_order(doc, lic, lang):
    entry = doc["langs"][lang]
    units = entry["units"]
    assert (entry["k"], units[0]["id"]) == ({"zh-Hans": 4, "en": 10}[lang], "title")
    clauses = [u for u in units if u["id"] not in ("title", "notice")]
    assert [u["id"] for u in clauses] == [c.id for c in lic.docs[lang].clauses if c.id]
    two = next(u for u in units if u["id"] == "s2-2")
    prefix = "zh" if lang == "zh-Hans" else "en"
    assert (two["label"], two["url"], two["optional"]) == ("II.2", f"{SITE}{prefix}/#s2-2", False)
    assert two["text"].startswith("2. ")
    assert [u["optional"] for u in units if u["id"] == "notice"] == ([True] if lang == "en" else [])
    assert [slot for slot, _ in entry["slots"]] == ["licensor", "model", "contact", "jurisdiction"]


def test_the_document_is_compact_utf8_json_with_sorted_keys(lic, doc):
    text = data_json(References(lic, SITE))
    assert json.loads(text) == doc
    assert list(json.loads(text)) == sorted(doc)  # the parser keeps the written order
    assert list(json.loads(text)["langs"]["en"]) == ["k", "min_match", "slots", "units"]
    assert text.startswith('{"fold_table":[["')
    assert '"k":4,"min_match":40,' in text
    assert '"text":"baichuan-7B模型许可协议"' in text


# The names and values the port reads, exactly (a misspelt name is a page that fails to verify),
# at a site whose path ends in a capital letter, as a slash-stripping mutant would reveal.
@pytest.mark.parametrize("url", [SITE, "https://h.example/DOCX/"])
def test_the_document_exactly(lic, url):
    doc = data(References(lic, url))
    langs = doc.pop("langs")
    assert doc == {
        "schema": f"{url}schema/verify-report.schema.json",
        "site_url": url,
        "ignored": "".join(sorted(IGNORED)),
        "width_range": [0xFF01, 0xFF5E, 0xFEE0],
        "fold_table": [["“”„‟″〝〞「」『』", '"', "quote"], ["‘’‚‛′", "'", "quote"], ["‐‑‒–—―−", "-", "dash"]],
        "slot_names": {"licensor": "licensor", "model": "model name", "contact": "contact e-mail", "jurisdiction": "jurisdiction"},
        "found_percent": 30,
        "glue": 8,
        "max_bytes": 4194304,
        "page_number": PAGE_NUMBER.pattern,
        "header_repeats": 2,
        "header_max_chars": 60,
        "title_max_chars": 200,
        "html_drop": "script, style, template, noscript, head, nav, header, footer, aside, button, form, svg, [hidden], [aria-hidden=true]",
        "site_root": "div.license-text, div.license-parallel",
        "site_drop": ".license-header, .clause-caption, .headerlink, .note-mark, .erratum-mark, .license-switch, .license-notice",
        "separators": "·・|/",
    }
    zh, en = langs.pop("zh-Hans"), langs.pop("en")
    assert langs == {}
    assert {k: v for k, v in zh.items() if k != "units"} == {
        "k": 4,
        "min_match": 40,
        "slots": [
            ["licensor", ["北京百川智能科技有限公司"]],
            ["model", ["baichuan-7B"]],
            ["contact", ["opensource@baichuan-inc.com"]],
            ["jurisdiction", ["中华人民共和国大陆地区(仅为本协议之目的，不包括香港、澳门和台湾)"]],
        ],
    }
    assert (en["k"], en["min_match"], [slot for slot, _ in en["slots"]]) == (10, 100, ["licensor", "model", "contact", "jurisdiction"])
    assert en["slots"][0][1] == [
        "Beijing Baichuan Intelligent Technology Co., Ltd. (北京百川智能科技有限公司)",
        "Beijing Baichuan Intelligent Technology Co., Ltd.",
    ]
    assert zh["units"][:2] == [
        {"id": "title", "label": "title", "url": f"{url}zh/", "text": "baichuan-7B模型许可协议", "optional": False},
        {"id": "s1", "label": "I", "url": f"{url}zh/#s1", "text": "一、定义", "optional": False},
    ]
    notice = en["units"][1]
    assert (notice["id"], notice["label"], notice["url"], notice["optional"]) == ("notice", "notice", f"{url}en/", True)
    assert notice["text"].startswith("Unofficial translation. The Chinese text is the only authoritative version")
