"""The downloads, computed in-process from the model (exports/): their content exactly, and
the same bytes whatever the clock, time zone, locale or hash seed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from xml.etree import ElementTree as ET

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from casebook import LICENSE, ROOT, seed_chars
from factories import clause, document, item, section
from licensekit import exports
from licensekit.exports.spdx import spdx_html
from licensekit.exports.text import clause_line, plain_text

BASE = "https://example.org/sub/"
LICENSE_ID = "LicenseRef-Baichuan-7B-Model-License"


# Function scope: mutmut credits a fixture's calls to the first test that sets it up, so a
# shared one would hide the downloads from every other test here.
@pytest.fixture
def files(lic) -> dict[str, exports.Download]:
    return {d.path: d for d in exports.downloads(lic, BASE, LICENSE / "schema")}


def test_the_downloads_and_their_types(files):
    assert [(d.path, d.title, d.media_type) for d in files.values()] == [
        ("license.json", "license.json", "application/json"),
        ("schema/license.schema.json", "license.schema.json", "application/schema+json"),
        ("schema/metadata.schema.json", "metadata.schema.json", "application/schema+json"),
        (f"spdx/{LICENSE_ID}.json", f"{LICENSE_ID}.json", "application/json"),
        (f"spdx/{LICENSE_ID}.xml", f"{LICENSE_ID}.xml", "application/xml"),
        ("license.zh.txt", "license.zh.txt", "text/plain"),
        ("license.en.txt", "license.en.txt", "text/plain"),
        ("scancode/baichuan-7b-model-2023.LICENSE", "baichuan-7b-model-2023.LICENSE", "text/plain"),
        ("huggingface/model-card.yml", "model-card.yml", "text/yaml"),
    ]
    assert [d.description for d in files.values()] == [
        "The whole license: metadata, every clause in both languages with its text, HTML, references, terms and URLs, "
        "the rules, glossary and errata.",
        "JSON Schema (draft 2020-12) of license.json.",
        "JSON Schema of the metadata inside license.json.",
        "Shaped like an SPDX license-list-data json/details file; licenseText is the Chinese text.",
        "An SPDX license-list-XML file (<SPDXLicenseCollection>) with the structure of the Chinese text.",
        "The Chinese text, authoritative, as plain UTF-8 text with clause numbers as printed.",
        "The unofficial English translation as plain UTF-8 text.",
        "A ScanCode-style license file: YAML front matter over the Chinese text.",
        "The front matter lines for the model card of a model under this license.",
    ]
    for d in files.values():
        assert re.fullmatch(r"[0-9a-f]{64}", d.sha256) and d.sha256 == __import__("hashlib").sha256(d.content).hexdigest()


def test_schemas_carry_their_published_address(files):
    for name in ("license", "metadata"):
        schema = json.loads(files[f"schema/{name}.schema.json"].content)
        assert schema["$id"] == f"{BASE}schema/{name}.schema.json"
        source = json.loads((LICENSE / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert {k: v for k, v in schema.items() if k != "$id"} == {k: v for k, v in source.items() if k != "$id"}


def test_license_json_is_valid_and_links_only_absolute_anchors(files, lic):
    data = json.loads(files["license.json"].content)
    schemas = [json.loads(files[f"schema/{n}.schema.json"].content) for n in ("license", "metadata")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    validator = Draft202012Validator(schemas[0], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["$schema"] == f"{BASE}schema/license.schema.json"
    hrefs = [h for c in data["clauses"] for html in c["html"].values() for h in re.findall(r'href="([^"]*)"', html)]
    assert len(hrefs) > 100
    assert [h for h in hrefs if not re.fullmatch(re.escape(BASE) + r"(zh|en|notes)/#[a-z0-9-]+", h)] == []
    s43 = next(c for c in data["clauses"] if c["id"] == "s4-3-iii")
    assert f'href="{BASE}notes/#erratum-iv-3-iii-printed-as-ii"' in s43["html"]["zh-Hans"]
    assert [c["id"] for c in data["clauses"]] == [c.id for c in lic.zh.clauses]
    assert data["urls"] == {
        "site": BASE,
        "zh-Hans": f"{BASE}zh/",
        "en": f"{BASE}en/",
        "parallel": f"{BASE}parallel/",
        "notes": f"{BASE}notes/",
    }
    assert data["errata"][0]["url"] == f"{BASE}notes/#erratum-iv-3-iii-printed-as-ii"
    assert data["translationNotes"][0]["url"] == f"{BASE}notes/#note-final-interpretation"
    assert data["glossary"][0] == {
        "id": "s1-license",
        "zh-Hans": "许可",
        "en": "License",
        "urls": {"zh-Hans": f"{BASE}zh/#s1-license", "en": f"{BASE}en/#s1-license"},
    }


def test_plain_chinese_texts_are_the_original_laid_out_clause_by_clause(files, lic):
    zh = files["license.zh.txt"].content.decode()
    assert re.sub(r"\s", "", zh) == seed_chars()
    blocks = zh.split("\n\n")
    assert zh.endswith("\n") and not zh.endswith("\n\n")
    assert blocks[:3] == ["baichuan-7B模型许可协议", "一、定义", "“许可”是指本协议中定义的使用、复制和分发的条款和条件。"]
    assert "\n" not in zh.rstrip("\n").replace("\n\n", "")  # one line per clause
    # The title, then a block per clause, and one more for each further paragraph of a clause.
    extra = sum(len(c.paragraphs) - 1 for c in lic.zh.clauses if c.paragraphs)
    assert len(blocks) == 1 + len([c for c in lic.zh.clauses if c.number or c.title or c.text]) + extra
    assert [b for b in blocks if b.startswith("(")] == [
        "(i)收入损失;",
        "(ii)实际或预期利润 损失;",
        "(ii)货币使用损失;",
        "(iv)预期节约的损失;",
        "(v)业务损失;",
        "(vi)机会损失;",
        "(vii)商誉、声誉损失;",
        "(viii)软件的使用损失;或",
        "(x)任何间接、附带的特殊或间接损害损失。",
    ]
    # The same layout in the SPDX details and the ScanCode file.
    spdx = json.loads(files[f"spdx/{LICENSE_ID}.json"].content)
    assert spdx["licenseText"] == zh and spdx["standardLicenseTemplate"] == zh
    assert files["scancode/baichuan-7b-model-2023.LICENSE"].content.decode().split("---\n", 2)[2] == "\n" + zh


def test_plain_english_text(files):
    en = files["license.en.txt"].content.decode()
    blocks = en.split("\n\n")
    assert blocks[0] == "baichuan-7B Model License Agreement"
    assert blocks[1].startswith("Unofficial translation.")
    assert blocks[2] == "I. Definitions"
    assert "(iii) loss of the use of money;" in blocks


def test_spdx_details(files, lic):
    data = json.loads(files[f"spdx/{LICENSE_ID}.json"].content)
    assert data["licenseId"] == LICENSE_ID and data["name"] == lic.metadata["name"]
    assert data["isOsiApproved"] is False and data["isDeprecatedLicenseId"] is False and "isFsfLibre" not in data
    assert data["seeAlso"] == lic.metadata["seeAlso"]
    assert data["crossRef"] == [
        {
            "match": "N/A",
            "url": url,
            "isValid": True,
            "isLive": False,
            "timestamp": "2023-06-15T00:00:00Z",
            "isWayBackLink": False,
            "order": i,
        }
        for i, url in enumerate(lic.metadata["seeAlso"])
    ]
    assert data["licenseComments"] == (
        f"{lic.metadata['licenseComments']} An unofficial English translation by this project is at {BASE}en/ "
        f"(plain text: {BASE}license.en.txt); it is not authoritative."
    )
    assert data["licenseTextHtml"].startswith('<div lang="zh-Hans">\n<p>baichuan-7B模型许可协议</p>\n<p>一、定义</p>\n')


def test_spdx_html_escapes_the_text():
    doc = document(
        "zh-Hans", [section("s1", "一、", "<b>&", lang="zh-Hans"), item("s1-1", "1.", "s1", 'a<script>"', lang="zh-Hans")], title="T&<"
    )
    assert spdx_html(doc) == '<div lang="zh-Hans">\n<p>T&amp;&lt;</p>\n<p>一、&lt;b&gt;&amp;</p>\n<p>1. a&lt;script&gt;&quot;</p>\n</div>\n'


def test_spdx_xml(files):
    ns = "{http://www.spdx.org/license}"
    root = ET.fromstring(files[f"spdx/{LICENSE_ID}.xml"].content)
    (lic_el,) = root
    assert lic_el.attrib == {"isOsiApproved": "false", "licenseId": LICENSE_ID, "name": "baichuan-7B Model License Agreement"}
    assert [c.tag for c in lic_el] == [ns + "crossRefs", ns + "notes", ns + "text"]
    text = lic_el.find(ns + "text")
    assert [el.tag for el in text[:3]] == [ns + "titleText", ns + "p", ns + "p"]
    assert text[1].text == "一、定义"
    assert re.sub(r"\s", "", "".join(text.itertext())) == seed_chars()
    lists = text.findall(ns + "list")
    assert [[i.find(ns + "bullet").text for i in lst.findall(ns + "item")] for lst in lists][:2] == [
        ["1.", "2.", "3.", "4.", "5."],
        ["1.", "2.", "3."],
    ]
    sub = [b.text for b in text.iter(ns + "bullet") if b.text.startswith("(")]
    assert sub == ["(i)", "(ii)", "(ii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(x)"]


def test_scancode_license(files, lic):
    raw = files["scancode/baichuan-7b-model-2023.LICENSE"].content.decode()
    _, head, _ = raw.split("---\n", 2)
    meta = yaml.safe_load(head)
    see = lic.metadata["seeAlso"]
    assert meta == {
        "key": "baichuan-7b-model-2023",
        "short_name": "baichuan-7B Model License 2023",
        "name": "baichuan-7B Model License Agreement",
        "category": "Proprietary Free",
        "owner": "Beijing Baichuan Intelligent Technology Co., Ltd.",
        "homepage_url": see[0],
        "notes": f"{lic.metadata['licenseComments']} Unofficial English translation: {BASE}en/",
        "spdx_license_key": "LicenseRef-scancode-baichuan-7b-model-2023",
        "other_spdx_license_keys": [LICENSE_ID],
        "text_urls": [f"{BASE}license.zh.txt"],
        "other_urls": see[1:] + [f"{BASE}zh/"],
        "language": "zh",
    }


def test_model_card(files):
    card = files["huggingface/model-card.yml"].content.decode()
    assert card == f"---\nlicense: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {BASE}zh/\n---\n"


LINES = [
    (dict(lang="en", number="1.", title="", paras=("Text.",)), "1. Text."),
    (dict(lang="en", number="", title="Name", paras=()), "Name"),
    (dict(lang="en", number="I.", title="Rules", paras=("A", "B")), "I. Rules A\n\nB"),
    (dict(lang="zh-Hans", number="1.", title="", paras=("文本。",)), "1. 文本。"),
    (dict(lang="zh-Hans", number="(i)", title="", paras=("文本。",)), "(i)文本。"),
    (dict(lang="zh-Hans", number="一、", title="定义", paras=()), "一、定义"),
    (dict(lang="zh-Hans", number="", title="申请人", paras=("x",)), "申请人x"),
    (dict(lang="zh-Hans", number="", title="", paras=()), ""),
]


@pytest.mark.parametrize("spec,line", LINES, ids=[x[1][:8] or "empty" for x in LINES])
def test_clause_line(spec, line):
    c = clause("c", "item", *spec["paras"], number=spec["number"], title=spec["title"], lang=spec["lang"])
    assert clause_line(c) == line


def test_plain_text_of_a_small_document():
    doc = document("en", [section("s1", "I.", "A"), clause("s1-x", "paragraph", caption="Ours"), item("s1-1", "1.", "s1", "B")], title="T")
    assert plain_text(doc) == "T\n\nI. A\n\n1. B\n"
    assert plain_text(doc, "Notice.") == "T\n\nNotice.\n\nI. A\n\n1. B\n"


# -- the same bytes in any environment --------------------------------------------------

DUMP = """
import datetime, hashlib, json, sys, time
from pathlib import Path

# Fake the clock: a different day and hour in each run.
EPOCH = float(sys.argv[1])
time.time = lambda: EPOCH
time.time_ns = lambda: int(EPOCH * 1e9)


class FakeDate(datetime.date):
    @classmethod
    def today(cls):
        return datetime.date.fromtimestamp(EPOCH)


class FakeDateTime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(EPOCH, tz)

    @classmethod
    def utcnow(cls):
        return datetime.datetime.fromtimestamp(EPOCH, datetime.timezone.utc).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.now()


datetime.date, datetime.datetime = FakeDate, FakeDateTime
sys.path.insert(0, sys.argv[2] + "/scripts")
from licensekit import exports, pages
from licensekit.parse import load

lic = load(Path(sys.argv[2]) / "license")
out = {d.path: d.content.hex() for d in exports.downloads(lic, "https://example.org/", Path(sys.argv[2]) / "license" / "schema")}
out.update({name: text for name, text in pages.text_pages(lic).items()})
out.update({name: part(lic) for name, part in pages.PARTS.items()})
print(json.dumps(out, sort_keys=True))
"""

ENVIRONMENTS = [
    {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "1", "SOURCE_DATE_EPOCH": "1700000000", "clock": "1780000000"},
    {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "2", "SOURCE_DATE_EPOCH": "1600000000", "clock": "1900000123.5"},
    {"TZ": "America/Adak", "LC_ALL": "C", "PYTHONHASHSEED": "3", "clock": "1780050000"},
]


def dump(env: dict) -> str:
    clock = env.pop("clock")
    base = {k: v for k, v in os.environ.items() if k not in ("TZ", "LC_ALL", "PYTHONHASHSEED", "SOURCE_DATE_EPOCH")}
    result = subprocess.run([sys.executable, "-c", DUMP, clock, str(ROOT)], capture_output=True, text=True, env={**base, **env}, check=True)
    return result.stdout


def test_downloads_and_pages_are_the_same_bytes_in_any_environment():
    first, *others = [dump(dict(env)) for env in ENVIRONMENTS]
    assert len(json.loads(first)) == 9 + 3 + 6
    for other in others:
        assert other == first


def small_license():
    from factories import license_of

    meta = {
        "name": "Small",
        "licenseId": "LicenseRef-Small",
        "licenseComments": "由某公司发布。 " + "A long comment that goes on and on, " * 4,
        "licensor": {"en": "Some Co."},
        "seeAlso": ["https://x.example/a", "https://x.example/b"],
        "identifiers": {
            "scancode": {"key": "small-2023", "spdx_license_key": "LicenseRef-scancode-small-2023"},
            "huggingFace": {"license": "other", "license_name": "small", "license_link": "/X-page/"},
        },
        "isOsiApproved": False,
        "isDeprecatedLicenseId": False,
        "provenance": [{"language": "en", "date": "2020-01-01"}, {"language": "zh-Hans"}, {"language": "zh-Hans", "date": "2021-02-03"}],
    }
    return license_of(metadata=meta)


def test_scancode_license_exactly():
    from licensekit.exports.cards import scancode_license

    comment = "由某公司发布。 " + "A long comment that goes on and on, " * 4
    assert scancode_license(small_license(), "https://s.example/", "正文\n").decode() == (
        "---\n"
        "key: small-2023\n"
        "short_name: baichuan-7B Model License 2023\n"
        "name: Small\n"
        "category: Proprietary Free\n"
        "owner: Some Co.\n"
        "homepage_url: https://x.example/a\n"
        f"notes: '{comment} Unofficial English translation: https://s.example/en/'\n"
        "spdx_license_key: LicenseRef-scancode-small-2023\n"
        "other_spdx_license_keys:\n- LicenseRef-Small\n"
        "text_urls:\n- https://s.example/license.zh.txt\n"
        "other_urls:\n- https://x.example/b\n- https://s.example/zh/\n"
        "language: zh\n"
        "---\n\n正文\n"
    )


def test_model_card_link_is_under_the_site():
    from licensekit.exports.cards import model_card

    card = model_card(small_license(), "https://s.example/sub/").decode()
    assert card == "---\nlicense: other\nlicense_name: small\nlicense_link: https://s.example/sub/X-page/\n---\n"


def test_spdx_details_of_a_small_license():
    from licensekit.exports.spdx import spdx_details

    data = spdx_details(small_license(), "https://s.example/", "a <<var>> b\n")
    assert data["licenseText"] == "a <<var>> b\n"
    assert data["standardLicenseTemplate"] == "a \\<<var>> b\n"
    assert [x["timestamp"] for x in data["crossRef"]] == ["2021-02-03T00:00:00Z"] * 2
    assert "isFsfLibre" not in data
    small = small_license()
    small.metadata["isFsfLibre"] = False
    assert spdx_details(small, "https://s.example/", "t")["isFsfLibre"] is False


def test_spdx_xml_of_a_small_license():
    from factories import clause, document, item, section
    from licensekit.exports.spdx import spdx_xml

    lic = small_license()
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        clause("s1-a", "definition", "“甲”是指乙。", parent="s1", lang="zh-Hans"),
        section("s2", "二、", "许可", lang="zh-Hans"),
        clause("s2-grant", "paragraph", "授予。", parent="s2", caption="授予", lang="zh-Hans"),
        item("s2-1", "1.", "s2", "第一。", lang="zh-Hans"),
        item("s2-1-i", "(i)", "s2-1", "甲;", level=4, lang="zh-Hans"),
        item("s2-1-ii", "(ii)", "s2-1", "乙。", level=4, lang="zh-Hans"),
        item("s2-2", "2.", "s2", "第二。", "续。", lang="zh-Hans"),
        section("appendix", "", "附则", lang="zh-Hans"),
        clause("appendix-2-name", "field", parent="appendix", title="申请人名称", lang="zh-Hans"),
    ]
    lic.docs["zh-Hans"] = document("zh-Hans", zh, "标题")
    comment = lic.metadata["licenseComments"]
    expected = (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<SPDXLicenseCollection xmlns="http://www.spdx.org/license">\n'
        '  <license isOsiApproved="false" licenseId="LicenseRef-Small" name="Small">\n'
        "    <crossRefs>\n"
        "      <crossRef>https://x.example/a</crossRef>\n"
        "      <crossRef>https://x.example/b</crossRef>\n"
        "    </crossRefs>\n"
        "    <notes>" + comment + " Unofficial English translation: https://s.example/en/</notes>\n"
        "    <text>\n"
        "      <titleText>\n"
        "        <p>标题</p>\n"
        "      </titleText>\n"
        "      <p>一、定义</p>\n"
        "      <p>“甲”是指乙。</p>\n"
        "      <p>二、许可</p>\n"
        "      <p>授予。</p>\n"
        "      <list>\n"
        "        <item>\n"
        "          <bullet>1.</bullet>\n"
        "          <p>第一。</p>\n"
        "          <list>\n"
        "            <item>\n"
        "              <bullet>(i)</bullet>\n"
        "              <p>甲;</p>\n"
        "            </item>\n"
        "            <item>\n"
        "              <bullet>(ii)</bullet>\n"
        "              <p>乙。</p>\n"
        "            </item>\n"
        "          </list>\n"
        "        </item>\n"
        "        <item>\n"
        "          <bullet>2.</bullet>\n"
        "          <p>第二。</p>\n"
        "          <p>续。</p>\n"
        "        </item>\n"
        "      </list>\n"
        "      <p>附则</p>\n"
        "      <p>申请人名称</p>\n"
        "    </text>\n"
        "  </license>\n"
        "</SPDXLicenseCollection>\n"
    )
    assert spdx_xml(lic, "https://s.example/").decode() == expected


def test_json_files_are_indented_utf8_with_a_final_newline():
    assert exports._json({"a": "许", "b": [1]}) == '{\n  "a": "许",\n  "b": [\n    1\n  ]\n}\n'.encode()
