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
from referencing import Registry

from casebook import LICENSE, ROOT, seed_chars
from factories import clause, document, item, section
from licensekit import exports
from licensekit.exports.spdx import outline, spdx_html, spdx_template
from licensekit.exports.text import clause_line, plain_text

BASE = "https://example.org/sub/"
LICENSE_ID = "LicenseRef-Baichuan-7B-Model-License"


# Function scope: mutmut credits a fixture's calls to the first test that sets it up, so a
# shared one would hide the downloads from every other test here.
@pytest.fixture
def files(lic) -> dict[str, exports.Download]:
    return {d.path: d for d in exports.downloads(lic, BASE, LICENSE / "schema")}


KEY = "baichuan-7b-model-2023"
RULES = [
    "The title as printed.",
    "The title as in the name of the licensor's PDF.",
    "The English name.",
    "A link to the licensor's PDF.",
    "A link to the licensor's PDF, not percent-encoded.",
    "Hugging Face model-card metadata.",
    "Hugging Face model-card metadata, the name alone.",
    "The original as extracted from the licensor's PDF, with the PDF's line breaks.",
    "The unofficial English translation by this project; the Chinese text prevails.",
    "Part of the Chinese text: 一、定义",
    "Part of the Chinese text: 二、许可及许可限制",
    "Part of the Chinese text: 三、知识产权",
    "Part of the Chinese text: 四、免责声明及责任限制",
    "Part of the Chinese text: 五、其他",
    "Part of the Chinese text: 附则",
]
WHEEL = "scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl"


def test_the_downloads_and_their_types(files):
    assert [(d.path, d.title, d.media_type) for d in files.values()] == [
        ("license.json", "license.json", "application/json"),
        ("schema/license.schema.json", "license.schema.json", "application/schema+json"),
        ("schema/metadata.schema.json", "metadata.schema.json", "application/schema+json"),
        ("schema/verify-report.schema.json", "verify-report.schema.json", "application/schema+json"),
        (f"spdx/{LICENSE_ID}.json", f"{LICENSE_ID}.json", "application/json"),
        (f"spdx/{LICENSE_ID}.xml", f"{LICENSE_ID}.xml", "application/xml"),
        ("spdx/example.spdx.json", "example.spdx.json", "application/spdx+json"),
        ("license.zh.txt", "license.zh.txt", "text/plain"),
        ("license.en.txt", "license.en.txt", "text/plain"),
        (f"scancode/{KEY}.LICENSE", f"{KEY}.LICENSE", "text/plain"),
        *((f"scancode/{KEY}_{i}.RULE", f"{KEY}_{i}.RULE", "text/plain") for i in range(1, len(RULES) + 1)),
        (f"scancode/{WHEEL}", WHEEL, "application/zip"),
        ("huggingface/model-card.yml", "model-card.yml", "text/yaml"),
    ]
    assert [d.description for d in files.values()] == [
        "The whole license: metadata, every clause in both languages with its text, HTML, references, terms and URLs, "
        "the rules, glossary and errata.",
        "JSON Schema (draft 2020-12) of license.json.",
        "JSON Schema of the metadata inside license.json.",
        "JSON Schema of the report of scripts/verify.py --json, which verifies a copy of the license.",
        "Shaped like an SPDX license-list-data json/details file; licenseText is the Chinese text.",
        "An SPDX license-list-XML file (<SPDXLicenseCollection>) with the structure of the Chinese text.",
        f"An example SPDX 2.3 document declaring {LICENSE_ID} AND Apache-2.0, with the text as extracted licensing info.",
        "The Chinese text, authoritative, as plain UTF-8 text with clause numbers as printed.",
        "The unofficial English translation as plain UTF-8 text.",
        "The ScanCode license entry: ScanCode's YAML front matter over the Chinese text.",
        *(f"ScanCode rule {i}: {note}" for i, note in enumerate(RULES, 1)),
        "A ScanCode license plugin (pip install it) holding the entry and its rules.",
        "The model-card metadata of a model under this license: one YAML document, to put between the README's --- fences.",
    ]
    for d in files.values():
        assert re.fullmatch(r"[0-9a-f]{64}", d.sha256) and d.sha256 == __import__("hashlib").sha256(d.content).hexdigest()


def test_schemas_carry_their_published_address(files):
    sources = {n: json.loads((LICENSE / "schema" / f"{n}.schema.json").read_text(encoding="utf-8")) for n in ("license", "metadata")}
    published = {n: json.loads(files[f"schema/{n}.schema.json"].content) for n in ("license", "metadata")}
    for name in ("license", "metadata"):
        assert published[name]["$id"] == f"{BASE}schema/{name}.schema.json"
    assert {k: v for k, v in published["metadata"].items() if k != "$id"} == {k: v for k, v in sources["metadata"].items() if k != "$id"}
    # license.schema.json is the source with the metadata schema bundled in $defs/metadata, to work offline
    lic_schema, bundled = published["license"], published["license"]["$defs"]["metadata"]
    assert {k: v for k, v in lic_schema.items() if k not in ("$id", "$defs")} == {
        k: v for k, v in sources["license"].items() if k not in ("$id", "$defs")
    }
    assert {k: v for k, v in lic_schema["$defs"].items() if k != "metadata"} == sources["license"]["$defs"]
    assert not {"$id", "$schema"} & set(bundled)
    assert set(bundled["properties"]) == set(sources["metadata"]["properties"]) - {"rules", "tags"}
    assert bundled["required"] == [k for k in sources["metadata"]["required"] if k not in ("rules", "tags")]
    refs = re.findall(r'"\$ref": "([^"]*)"', json.dumps(lic_schema))
    assert refs and [r for r in refs if not r.startswith("#/$defs/")] == []
    assert [r for r in re.findall(r'"\$ref": "([^"]*)"', json.dumps(bundled)) if not r.startswith("#/$defs/metadata/$defs/")] == []


def test_license_json_is_valid_and_links_only_absolute_anchors(files, lic):
    data = json.loads(files["license.json"].content)
    schema = json.loads(files["schema/license.schema.json"].content)
    # no registry: the published schema holds everything it refers to
    validator = Draft202012Validator(schema, registry=Registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(data)] == []
    assert data["$schema"] == f"{BASE}schema/license.schema.json"
    assert data["schemaVersion"] == "2.0.0"
    assert "release" not in data
    # the rules appear once, at the top level, and the model card's link is absolute
    assert "rules" not in data["metadata"] and "tags" not in data["metadata"]
    assert list(data["rules"]) == list(lic.metadata["rules"])
    assert data["rules"]["permissions"][0] == {
        "tag": lic.metadata["rules"]["permissions"][0]["tag"],
        "vocabulary": lic.metadata["tags"][lic.metadata["rules"]["permissions"][0]["tag"]]["vocabulary"],
        "description": {k: lic.metadata["tags"][lic.metadata["rules"]["permissions"][0]["tag"]][k] for k in ("en", "zh-Hans")},
        "clauses": lic.metadata["rules"]["permissions"][0]["clauses"],
    }
    assert data["metadata"]["identifiers"]["huggingFace"]["license_link"] == f"{BASE}license.zh.txt"
    hrefs = [h for c in data["clauses"] for html in c["html"].values() for h in re.findall(r'href="([^"]*)"', html)]
    assert len(hrefs) > 100
    # but the contact email of appendix-1, a `mailto:` link in each language
    assert [h for h in hrefs if not re.fullmatch(re.escape(BASE) + r"(zh|en|notes)/#[a-z0-9-]+", h)] == [
        "mailto:opensource@baichuan-inc.com"
    ] * 2
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
    assert [n["url"] for n in data["translationNotes"]] == [f"{BASE}notes/#note-{n['id']}" for n in lic.notes]
    assert f"{BASE}notes/#note-final-interpretation" in [n["url"] for n in data["translationNotes"]]
    assert data["glossary"][0] == {
        "id": "s1-license",
        "zh-Hans": "许可",
        "en": "License",
        "urls": {"zh-Hans": f"{BASE}zh/#s1-license", "en": f"{BASE}en/#s1-license"},
    }


@pytest.mark.parametrize("release", [{"tag": "v1.2.0", "commit": "0123456789abcdef" * 2 + "01234567"}, {"tag": None, "commit": None}])
def test_license_json_carries_the_release_it_was_built_from(lic, release):
    (data,) = [json.loads(d.content) for d in exports.downloads(lic, BASE, LICENSE / "schema", release) if d.path == "license.json"]
    assert list(data)[-1] == "release" and data["release"] == release
    schema = json.loads(exports.Download("", "", "", "", exports._json(exports.license_schema(LICENSE / "schema", BASE))).content)
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []
    data["release"]["commit"] = "v1.2.0"
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == ["'v1.2.0' does not match '^[0-9a-f]{40}$'"]


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
    assert spdx["licenseText"] == zh
    # the template is the same text with an optional title and each printed number a replaceable bullet
    template = spdx["standardLicenseTemplate"]
    assert template.startswith("<<beginOptional>>baichuan-7B模型许可协议<<endOptional>>\n\n")
    plain = re.sub(r'<<var;name="bullet";original="([^"]*)";match="\.\{0,20\}">>', r"\1", template)
    assert re.sub(r"\s", "", plain.replace("<<beginOptional>>", "").replace("<<endOptional>>", "")) == seed_chars()
    assert template.count('<<var;name="bullet"') == len([c for c in lic.zh.clauses if c.number])
    # ScanCode's files end without a newline
    assert files["scancode/baichuan-7b-model-2023.LICENSE"].content.decode().split("---\n", 2)[2] == "\n" + zh.rstrip("\n")


def test_plain_english_text(files):
    en = files["license.en.txt"].content.decode()
    blocks = en.split("\n\n")
    assert blocks[0] == "baichuan-7B Model License Agreement"
    assert blocks[1].startswith("Unofficial translation.")
    assert blocks[2] == "I. Definitions"
    assert "(ii) [sic: (iii)] loss of the use of money;" in blocks  # the misprint, then its correction
    assert "(x) [sic: (ix)] any indirect, incidental, special or indirect damage or loss." in blocks


def test_spdx_details(files, lic):
    data = json.loads(files[f"spdx/{LICENSE_ID}.json"].content)
    assert data["licenseId"] == LICENSE_ID and data["name"] == lic.metadata["name"]
    assert data["isOsiApproved"] is False and data["isDeprecatedLicenseId"] is False and "isFsfLibre" not in data
    assert data["seeAlso"] == lic.metadata["seeAlso"]
    assert "crossRef" not in data  # what SPDX's crawler found: nothing here checks the URLs
    assert sorted(data) == [
        "comment",
        "isDeprecatedLicenseId",
        "isOsiApproved",
        "licenseComments",
        "licenseId",
        "licenseText",
        "licenseTextHtml",
        "name",
        "seeAlso",
        "standardLicenseTemplate",
    ]
    assert (
        data["licenseComments"]
        == data["comment"]
        == (
            f"{lic.metadata['licenseComments']} An unofficial English translation by this project is at {BASE}en/ "
            f"(plain text: {BASE}license.en.txt); it is not authoritative."
        )
    )
    assert data["licenseTextHtml"].startswith(
        '<div lang="zh-Hans">\n<div class="optional-license-text"><p>baichuan-7B模型许可协议</p></div>\n'
        '<ul style="list-style:none">\n<li><var class="replaceable-license-text">'
        '<span title="can be replaced with the pattern .{0,20}">一、</span></var> 定义\n'
    )


def test_spdx_html_escapes_the_text():
    from factories import license_of

    zh = [section("s1", "一、", "<b>&", lang="zh-Hans"), item("s1-1", "1.<i>", "s1", 'a<<script>"', lang="zh-Hans")]
    lic = license_of(zh, zh_title="T&<b")
    bullet = '<var class="replaceable-license-text"><span title="can be replaced with the pattern .{0,20}">'
    assert spdx_html(outline(lic)) == (
        '<div lang="zh-Hans">\n<div class="optional-license-text"><p>T&amp;&lt;b</p></div>\n'
        '<ul style="list-style:none">\n'
        f"<li>{bullet}一、</span></var> &lt;b&gt;&amp;\n"
        '<ul style="list-style:none">\n'
        f"<li>{bullet}1.&lt;i&gt;</span></var> a&lt;&lt;script&gt;&quot;\n</li>\n"
        "</ul>\n</li>\n</ul>\n</div>\n"
    )
    assert spdx_template(outline(lic)) == (
        "<<beginOptional>>T&<b<<endOptional>>\n\n"
        '   <<var;name="bullet";original="一、";match=".{0,20}">> <b>&\n\n'
        '      <<var;name="bullet";original="1.<i>";match=".{0,20}">> a\\<<script>"\n\n'
    )


def test_spdx_xml(files):
    ns = "{http://www.spdx.org/license}"
    root = ET.fromstring(files[f"spdx/{LICENSE_ID}.xml"].content)
    (lic_el,) = root
    assert lic_el.attrib == {"isOsiApproved": "false", "licenseId": LICENSE_ID, "name": "baichuan-7B Model License Agreement"}
    assert [c.tag for c in lic_el] == [ns + "crossRefs", ns + "notes", ns + "text"]
    text = lic_el.find(ns + "text")
    assert [el.tag for el in text[:2]] == [ns + "optional", ns + "list"]  # the title is optional; sections are items
    assert [el.tag for el in text[0]] == [ns + "titleText"] and text[0][0][0].text == "baichuan-7B模型许可协议"
    first = text[1][0]
    assert (first.find(ns + "bullet").text, first.find(ns + "bullet").tail) == ("一、", "定义")
    assert re.sub(r"\s", "", "".join(text.itertext())) == seed_chars()
    assert [el.tag for el in text] == [ns + "optional", ns + "list", ns + "p", ns + "list", ns + "p"]  # the appendix is unnumbered
    lists = text.iter(ns + "list")
    assert [[i.find(ns + "bullet").text for i in lst.findall(ns + "item")] for lst in lists] == [
        ["一、", "二、", "三、", "四、", "五、"],
        ["1.", "2.", "3.", "4.", "5."],
        ["1.", "2.", "3."],
        ["1.", "2.", "3.", "4.", "5.", "6."],
        ["(i)", "(ii)", "(ii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(x)"],
        ["1.", "2.", "3."],
        ["1.", "2."],
    ]
    sub = [b.text for b in text.iter(ns + "bullet") if b.text.startswith("(")]
    assert sub == ["(i)", "(ii)", "(ii)", "(iv)", "(v)", "(vi)", "(vii)", "(viii)", "(x)"]


def test_scancode_license(files, lic):
    raw = files["scancode/baichuan-7b-model-2023.LICENSE"].content.decode()
    _, head, _ = raw.split("---\n", 2)
    meta = yaml.safe_load(head)
    see = lic.metadata["seeAlso"]
    pdf = next(p["url"] for p in lic.metadata["provenance"] if p["language"] == "zh-Hans")
    assert pdf in see
    assert meta == {
        "key": "baichuan-7b-model-2023",
        "language": "zh-hans",
        "short_name": "baichuan-7B Model License 2023",
        "name": "baichuan-7B Model License Agreement",
        "category": "Proprietary Free",
        "owner": "Beijing Baichuan Intelligent Technology Co., Ltd.",
        "homepage_url": see[0],
        "notes": f"{lic.metadata['licenseComments']} Unofficial English translation: {BASE}en/",
        "spdx_license_key": "LicenseRef-scancode-baichuan-7b-model-2023",
        "other_spdx_license_keys": [LICENSE_ID],
        "text_urls": [pdf, f"{BASE}license.zh.txt"],
        "other_urls": [u for u in see[1:] if u != pdf] + [f"{BASE}zh/"],
        "ignorable_emails": [lic.metadata["licensor"]["contact"]],
    }
    assert list(meta)[:2] == ["key", "language"]


def test_model_card(files):
    card = files["huggingface/model-card.yml"].content.decode()
    # one YAML document, to go between a README's --- fences; the link is the plain Chinese text
    assert card == f"license: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {BASE}license.zh.txt\n"


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
release = {"tag": "v1.0.0", "commit": "0" * 40}
schema = Path(sys.argv[2]) / "license" / "schema"
out.update({"release/" + d.path: d.content.hex() for d in exports.downloads(lic, "https://example.org/", schema, release)})
out.update({name: list(page) for name, page in pages.text_pages(lic).items()})
out.update({name: part(lic, "../") for name, part in pages.PARTS.items()})
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
    assert len(json.loads(first)) == 2 * 27 + 3 + 7  # the downloads (without and with a release), pages, parts
    for other in others:
        assert other == first


def small_license():
    from factories import license_of

    meta = {
        "name": "Small",
        "licenseId": "LicenseRef-Small",
        "licenseComments": "由某公司发布。 " + "A long comment that goes on and on, " * 4,
        "licensor": {"en": "Some Co.", "contact": "legal@x.example"},
        "seeAlso": ["https://x.example/a", "https://x.example/b"],
        "identifiers": {
            "scancode": {"key": "small-2023", "spdx_license_key": "LicenseRef-scancode-small-2023"},
            "huggingFace": {"license": "other", "license_name": "small", "license_link": "/X-page/"},
        },
        "isOsiApproved": False,
        "isDeprecatedLicenseId": False,
        "provenance": [
            {"language": "en", "date": "2020-01-01", "url": "https://x.example/en.pdf", "title": "Small.pdf"},
            {"language": "zh-Hans", "url": "https://x.example/b", "title": "小协议.pdf"},
            {"language": "zh-Hans", "date": "2021-02-03", "url": "https://x.example/later.pdf", "title": "后来.pdf"},
        ],
    }
    return license_of(metadata=meta)


def test_scancode_license_exactly():
    from licensekit.exports.scancode import scancode_license

    # ScanCode's field order and saneyaml's layout: lists indented, long values folded at 90 columns
    assert scancode_license(small_license(), "https://s.example/", "正文\n").decode() == (
        "---\n"
        "key: small-2023\n"
        "language: zh-hans\n"
        "short_name: baichuan-7B Model License 2023\n"
        "name: Small\n"
        "category: Proprietary Free\n"
        "owner: Some Co.\n"
        "homepage_url: https://x.example/a\n"
        "notes: '由某公司发布。 A long comment that goes on and on, A long comment that goes on and on, A long\n"
        "    comment that goes on and on, A long comment that goes on and on,  Unofficial English translation:\n"
        "    https://s.example/en/'\n"
        "spdx_license_key: LicenseRef-scancode-small-2023\n"
        "other_spdx_license_keys:\n    - LicenseRef-Small\n"
        # the licensor's PDF (the zh-Hans provenance) first; it is not repeated among other_urls
        "text_urls:\n    - https://x.example/b\n    - https://s.example/license.zh.txt\n"
        "other_urls:\n    - https://s.example/zh/\n"
        "ignorable_emails:\n    - legal@x.example\n"
        "---\n\n正文"
    )


def test_model_card_link_is_under_the_site():
    from licensekit.exports.cards import model_card

    card = model_card(small_license(), "https://s.example/sub/").decode()
    assert card == "license: other\nlicense_name: small\nlicense_link: https://s.example/sub/X-page/\n"
    assert list(yaml.safe_load_all(card)) == [
        {"license": "other", "license_name": "small", "license_link": "https://s.example/sub/X-page/"}
    ]


def test_spdx_details_of_a_small_license():
    from licensekit.exports.spdx import spdx_details

    data = spdx_details(small_license(), "https://s.example/", "a <<var>> b\n")
    assert data["licenseText"] == "a <<var>> b\n"
    # the template and HTML come from the outline of the Chinese text (here: a title alone)
    assert data["standardLicenseTemplate"] == "<<beginOptional>>T<<endOptional>>\n\n"
    assert data["licenseTextHtml"] == '<div lang="zh-Hans">\n<div class="optional-license-text"><p>T</p></div>\n</div>\n'
    assert "crossRef" not in data
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
        # the title is optional; every printed number is a bullet, its text the bullet's tail
        "      <optional>\n"
        "        <titleText>\n"
        "          <p>标题</p>\n"
        "        </titleText>\n"
        "      </optional>\n"
        "      <list>\n"
        "        <item>\n"
        "          <bullet>一、</bullet>定义<p>“甲”是指乙。</p>\n"
        "        </item>\n"
        "        <item>\n"
        "          <bullet>二、</bullet>许可<p>授予。</p>\n"
        "          <list>\n"
        "            <item>\n"
        "              <bullet>1.</bullet>第一。<list>\n"
        "                <item>\n"
        "                  <bullet>(i)</bullet>甲;</item>\n"
        "                <item>\n"
        "                  <bullet>(ii)</bullet>乙。</item>\n"
        "              </list>\n"
        "            </item>\n"
        "            <item>\n"
        "              <bullet>2.</bullet>第二。<p>续。</p>\n"
        "            </item>\n"
        "          </list>\n"
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
