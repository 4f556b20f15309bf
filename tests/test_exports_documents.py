"""The SBOM example, the ScanCode rules and plugin wheel, license.json's addresses and the SPDX
outline, in-process and exactly: every key is a field name a consumer looks up, so a misspelt key
is a broken download."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry

from casebook import LICENSE, SEED, seed_chars
from factories import clause, item, license_of, section
from licensekit import exports
from licensekit.exports.cards import model_card
from licensekit.exports.license_json import license_json, published_metadata
from licensekit.exports.sbom import spdx_document
from licensekit.exports.scancode import Rule, scancode_commands, scancode_license, scancode_plugin, scancode_rules
from licensekit.exports.schema import license_schema, metadata_schema, published_metadata_schema, verify_report_schema
from licensekit.exports.spdx import Node, outline, spdx_html, spdx_template
from licensekit.exports.wheel import wheel

LICENSE_ID = "LicenseRef-Baichuan-7B-Model-License"
KEY = "baichuan-7b-model-2023"
PDF = "https://huggingface.co/baichuan-inc/Baichuan-7B/blob/main/baichuan-7B%20%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf"
SEE_ALSO = ["https://huggingface.co/baichuan-inc/Baichuan-7B", PDF, "https://github.com/baichuan-inc/Baichuan-7B"]
COMMENTS = (
    "Chinese license of the baichuan-7B model weights, published by Beijing Baichuan Intelligent Technology Co., Ltd. "
    "on 2023-06-15. The Chinese text is authoritative. The model code is licensed separately under Apache-2.0. "
    "Not an SPDX-listed license."
)


# -- the example SPDX 2.3 document ----------------------------------------------------------


@pytest.mark.parametrize("base", ["https://example.org/sub/", "https://s.example/"])
def test_spdx_document_exactly(lic, base):
    assert spdx_document(lic, base, "正文\n") == {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "example-baichuan-7B",
        "documentNamespace": f"{base}spdx/example.spdx.json",
        "comment": "An example: replace the package, the namespace and the creation time with your own.",
        "creationInfo": {"created": "2023-06-15T00:00:00Z", "creators": [f"Tool: licensekit ({base})"]},
        "packages": [
            {
                "SPDXID": "SPDXRef-Package-Baichuan-7B",
                "name": "Baichuan-7B",
                "downloadLocation": "https://huggingface.co/baichuan-inc/Baichuan-7B",
                "filesAnalyzed": False,
                "licenseConcluded": "NOASSERTION",
                "licenseDeclared": f"{LICENSE_ID} AND Apache-2.0",
                "licenseComments": f"Model weights: {LICENSE_ID}; model code: Apache-2.0.",
                "copyrightText": "NOASSERTION",
            }
        ],
        "relationships": [
            {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-Package-Baichuan-7B"}
        ],
        "hasExtractedLicensingInfos": [
            {
                "licenseId": LICENSE_ID,
                "name": "baichuan-7B Model License Agreement",
                "extractedText": "正文\n",
                "seeAlso": SEE_ALSO,
                "comment": COMMENTS,
            }
        ],
    }


# -- ScanCode: the rules, their files and the plugin wheel ----------------------------------------


def head(*lines: str) -> str:
    return "---\n" + "".join(f"{line}\n" for line in (f"license_expression: {KEY}", *lines)) + "---\n\n"


# Each rule's file: its name, its front matter (ScanCode's flags written `yes`; a relevance for
# all but text rules; `language` unless English) and, for the short ones, its whole text.
RULE_FILES = [
    (
        1,
        head("language: zh-hans", "is_license_reference: yes", "relevance: 100", "notes: The title as printed."),
        "baichuan-7B模型许可协议",
    ),
    (
        2,
        head("language: zh-hans", "is_license_reference: yes", "relevance: 100", "notes: The title as in the name of the licensor's PDF."),
        "baichuan-7B 模型许可协议",
    ),
    (3, head("is_license_reference: yes", "relevance: 100", "notes: The English name."), "baichuan-7B Model License Agreement"),
    (4, head("is_license_reference: yes", "relevance: 100", "notes: A link to the licensor's PDF."), PDF),
    (
        5,
        head(
            "language: zh-hans", "is_license_reference: yes", "relevance: 100", "notes: A link to the licensor's PDF, not percent-encoded."
        ),
        "https://huggingface.co/baichuan-inc/Baichuan-7B/blob/main/baichuan-7B 模型许可协议.pdf",
    ),
    (
        6,
        head("is_license_tag: yes", "relevance: 100", "notes: Hugging Face model-card metadata."),
        "license: other\nlicense_name: baichuan-7b-model-license",
    ),
    (
        7,
        head("is_license_tag: yes", "relevance: 100", "notes: Hugging Face model-card metadata, the name alone."),
        "license_name: baichuan-7b-model-license",
    ),
    (
        8,
        head(
            "language: zh-hans",
            "is_license_text: yes",
            "notes: The original as extracted from the licensor's PDF, with the PDF's line breaks.",
        ),
        None,
    ),
    (9, head("is_license_text: yes", "notes: The unofficial English translation by this project; the Chinese text prevails."), None),
    *(
        (n, head("language: zh-hans", "is_license_text: yes", f"notes: 'Part of the Chinese text: {title}'"), None)
        for n, title in enumerate(["一、定义", "二、许可及许可限制", "三、知识产权", "四、免责声明及责任限制", "五、其他", "附则"], 10)
    ),
]


@pytest.fixture
def rule_files(lic) -> dict[str, str]:
    """The published rule files, by name."""
    base = "https://example.org/"
    return {
        d.path.removeprefix("scancode/"): d.content.decode()
        for d in exports.downloads(lic, base, LICENSE / "schema")
        if d.path.endswith(".RULE")
    }


def test_rule_files_are_named_and_headed_exactly(rule_files):
    assert list(rule_files) == [f"{KEY}_{n}.RULE" for n in range(1, 16)]
    for n, front, text in RULE_FILES:
        content = rule_files[f"{KEY}_{n}.RULE"]
        assert content.startswith(front), n
        if text is not None:
            assert content == front + text  # ScanCode's files end without a newline


def test_text_rules_hold_the_original_the_translation_and_each_section(rule_files, lic):
    body = {n: rule_files[f"{KEY}_{n}.RULE"].split("---\n\n", 1)[1] for n in range(8, 16)}
    assert body[8] == SEED.read_text(encoding="utf-8").strip()  # with the PDF's line breaks
    assert body[9].startswith("baichuan-7B Model License Agreement\n\nUnofficial translation. The Chinese text is the only authoritative")
    assert body[9].endswith("\n\nNote: If there has been no derivative creation, simply answer “No”.") and not body[9].endswith("\n")
    sections = [body[n] for n in range(10, 16)]
    # one clause a paragraph, numbers as printed
    assert sections[0].split("\n\n")[:2] == ["一、定义", "“许可”是指本协议中定义的使用、复制和分发的条款和条件。"]
    starts = ["二、许可及许可限制", "根据本许可的条款和条件，", "1. 您不得出于任何军事"]
    assert [p[: len(x)] for p, x in zip(sections[1].split("\n\n")[:3], starts, strict=True)] == starts
    assert sections[5].split("\n\n")[-2:] == ["具体商业用途", "注：如未进行衍生创作，回答“否”即可。"]
    # the sections together are the whole text but its title, clause by clause
    assert re.sub(r"\s", "", "".join(sections)) == seed_chars().removeprefix("baichuan-7B模型许可协议")
    assert all("\n\n\n" not in s and not s.endswith("\n") for s in sections)


def test_rule_kinds_and_order(lic):
    rules = scancode_rules(lic, "English.\n")
    assert [(r.kind, r.language) for r in rules] == [
        *[("is_license_reference", lang) for lang in ("zh-hans", "zh-hans", "en", "en", "zh-hans")],
        ("is_license_tag", "en"),
        ("is_license_tag", "en"),
        ("is_license_text", "zh-hans"),
        ("is_license_text", "en"),
        *[("is_license_text", "zh-hans")] * 6,
    ]
    assert rules[8].text == "English.\n"


def test_long_notes_fold_at_ninety_columns():
    # ScanCode's saneyaml folds at 90 columns: here the first line is 90 long and a 91st would fit "diff"
    rule = Rule(
        "is_license_reference",
        "x",
        notes="Notes like these fold at ninety columns, as ScanCode writes its own rules, so that a diff of two rules stays small.",
    )
    assert rule.content("k").decode() == (
        "---\n"
        "license_expression: k\n"
        "is_license_reference: yes\n"
        "relevance: 100\n"
        "notes: Notes like these fold at ninety columns, as ScanCode writes its own rules, so that a\n"
        "    diff of two rules stays small.\n"
        "---\n\n"
        "x"
    )


def entry_license(see_also: list[str]):
    """A license whose Chinese PDF is https://x.example/zh.pdf and whose links are `see_also`."""
    meta = {
        "name": "Small",
        "licenseId": "LicenseRef-Small",
        "licenseComments": "C.",
        "licensor": {"en": "Some Co.", "contact": "legal@x.example"},
        "seeAlso": see_also,
        "identifiers": {"scancode": {"key": "small-2023", "spdx_license_key": "LicenseRef-scancode-small-2023"}},
        "provenance": [
            {"language": "en", "url": "https://x.example/en.pdf", "title": "Small.pdf"},
            {"language": "zh-Hans", "url": "https://x.example/zh.pdf", "title": "小.pdf"},
        ],
    }
    return license_of(metadata=meta)


# other_urls: every link but the first (the homepage) and the PDF (a text URL), then the Chinese page
@pytest.mark.parametrize(
    "see_also,other",
    [
        (["https://x.example/", "https://x.example/zh.pdf", "https://x.example/code"], ["https://x.example/code"]),
        (["https://x.example/", "https://x.example/code", "https://x.example/zh.pdf"], ["https://x.example/code"]),
        (["https://x.example/", "https://x.example/a", "https://x.example/b"], ["https://x.example/a", "https://x.example/b"]),
        (["https://x.example/"], []),
    ],
)
def test_scancode_entry_links(see_also, other):
    text = scancode_license(entry_license(see_also), "https://s.example/", "正文").decode()
    urls = "".join(f"    - {u}\n" for u in [*other, "https://s.example/zh/"])
    assert "\nhomepage_url: https://x.example/\n" in text
    assert "\ntext_urls:\n    - https://x.example/zh.pdf\n    - https://s.example/license.zh.txt\n" in text
    assert f"\nother_urls:\n{urls}ignorable_emails:\n    - legal@x.example\n---\n\n正文" in text


@pytest.mark.parametrize("base", ["https://example.org/sub/", "https://s.example/"])
def test_scancode_commands_a_user_runs(base):
    assert scancode_commands(base, KEY) == (
        "pip install scancode-toolkit==32.5.0 pluggy==1.5.0\n"
        f"pip install {base}scancode/scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl\n"
        "scancode-reindex-licenses --all-languages\n"
        "scancode --license --json-pp scan.json path/to/model"
    )


def record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")
    return f"{path},sha256={digest},{len(data)}"


def test_scancode_plugin_wheel_exactly(lic):
    rules = scancode_rules(lic, "English.\n")
    raw = scancode_plugin(lic, "https://example.org/", b"ENTRY", rules)
    name = "scancode_baichuan_7b_model_2023"
    info = f"{name}-1.0.0.dist-info"
    with zipfile.ZipFile(io.BytesIO(raw)) as whl:
        files = {i.filename: whl.read(i) for i in whl.infolist()}
        assert {(i.date_time, i.external_attr >> 16, i.compress_type) for i in whl.infolist()} == {
            ((1980, 1, 1, 0, 0, 0), 0o644, zipfile.ZIP_DEFLATED)
        }
    rule_paths = [f"{name}/rules/{KEY}_{n}.RULE" for n in range(1, 16)]
    assert list(files) == [
        f"{name}/__init__.py",
        f"{name}/licenses/{KEY}.LICENSE",
        *rule_paths,
        f"{info}/METADATA",
        f"{info}/WHEEL",
        f"{info}/entry_points.txt",
        f"{info}/RECORD",
    ]
    assert files[f"{name}/licenses/{KEY}.LICENSE"] == b"ENTRY"
    assert files[rule_paths[0]] == (RULE_FILES[0][1] + RULE_FILES[0][2]).encode()
    assert files[rule_paths[8]].decode().endswith("---\n\nEnglish.")
    assert files[f"{name}/__init__.py"].decode() == (
        f'"""Adds the {KEY} license and its rules to ScanCode\'s index."""\n\n'
        "from pathlib import Path\n\n"
        "from licensedcode.additional_license_location_provider import AdditionalLicenseLocationProviderPlugin\n\n\n"
        "class Paths(AdditionalLicenseLocationProviderPlugin):\n"
        "    def get_locations(self):\n"
        f'        return {{"{name}": str(Path(__file__).parent)}}\n'
    )
    assert files[f"{info}/METADATA"].decode() == (
        "Metadata-Version: 2.1\n"
        f"Name: {name}\n"
        "Version: 1.0.0\n"
        "Summary: ScanCode license plugin: baichuan-7B Model License Agreement (baichuan-7b-model-2023)\n"
        "Home-page: https://example.org/\n"
        "Requires-Dist: scancode-toolkit\n"
    )
    assert files[f"{info}/WHEEL"] == b"Wheel-Version: 1.0\nGenerator: licensekit\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    assert files[f"{info}/entry_points.txt"].decode() == f"[scancode_additional_license_location_provider]\n{name} = {name}:Paths\n\n"
    assert (
        files[f"{info}/RECORD"].decode()
        == "".join(record_line(path, data) + "\n" for path, data in files.items() if path != f"{info}/RECORD") + f"{info}/RECORD,,\n"
    )


def test_wheel_of_two_entry_point_groups():
    raw = wheel(
        "pkg",
        "2.0",
        {"pkg/a.txt": b"", "pkg/b.txt": b"bee\n"},
        summary="S",
        home="https://h.example/",
        requires=["one", "two>=2"],
        entry_points={"group.a": {"x": "pkg:X", "y": "pkg:Y"}, "group.b": {"z": "pkg:Z"}},
    )
    with zipfile.ZipFile(io.BytesIO(raw)) as whl:
        files = {i.filename: whl.read(i) for i in whl.infolist()}
    assert files["pkg-2.0.dist-info/entry_points.txt"] == b"[group.a]\nx = pkg:X\ny = pkg:Y\n\n[group.b]\nz = pkg:Z\n\n"
    assert files["pkg-2.0.dist-info/METADATA"] == (
        b"Metadata-Version: 2.1\nName: pkg\nVersion: 2.0\nSummary: S\nHome-page: https://h.example/\n"
        b"Requires-Dist: one\nRequires-Dist: two>=2\n"
    )
    assert files["pkg-2.0.dist-info/RECORD"].decode().splitlines() == [
        "pkg/a.txt,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0",
        record_line("pkg/b.txt", b"bee\n"),
        record_line("pkg-2.0.dist-info/METADATA", files["pkg-2.0.dist-info/METADATA"]),
        record_line("pkg-2.0.dist-info/WHEEL", files["pkg-2.0.dist-info/WHEEL"]),
        record_line("pkg-2.0.dist-info/entry_points.txt", files["pkg-2.0.dist-info/entry_points.txt"]),
        "pkg-2.0.dist-info/RECORD,,",
    ]


# -- license.json: each clause's addresses --------------------------------------------------------

BASE = "https://example.org/sub/"


@pytest.mark.parametrize(
    "clause_id,defines",
    [
        ("s1-license", ["s1-license"]),
        ("s1-model", ["s1-model"]),
        ("s2-2", []),
        ("s3-2", ["s3-2-marks"]),
        ("s4-3-iii", []),
        ("appendix-1", []),
    ],
)
def test_license_json_clause_urls_and_defined_terms(lic, clause_id, defines):
    (entry,) = [c for c in license_json(lic, BASE)["clauses"] if c["id"] == clause_id]
    assert entry["urls"] == {
        "zh-Hans": f"https://example.org/sub/zh/#{clause_id}",
        "en": f"https://example.org/sub/en/#{clause_id}",
        "parallel": f"https://example.org/sub/parallel/#{clause_id}",
    }
    assert entry["defines"] == defines


def test_license_json_clause_entry_exactly(lic):
    (entry,) = [c for c in license_json(lic, BASE)["clauses"] if c["id"] == "s4-3-iii"]
    html = entry.pop("html")
    assert entry == {
        "id": "s4-3-iii",
        "parent": "s4-3",
        "kind": "item",
        "level": 4,
        "label": "IV.3(ii) [sic: (iii)]",
        "number": {"zh-Hans": "(ii)", "en": "(ii) [sic: (iii)]"},
        "title": {"zh-Hans": "", "en": ""},
        "caption": {"zh-Hans": "", "en": ""},
        "text": {"zh-Hans": "货币使用损失;", "en": "loss of the use of money;"},
        "references": [],
        "terms": [],
        "defines": [],
        "urls": {
            "zh-Hans": f"{BASE}zh/#s4-3-iii",
            "en": f"{BASE}en/#s4-3-iii",
            "parallel": f"{BASE}parallel/#s4-3-iii",
        },
    }
    assert {lang: re.findall(r'href="([^"]*)"', h) for lang, h in html.items()} == {
        lang: [f"{BASE}notes/#erratum-iv-3-iii-printed-as-ii", f"{BASE}notes/#note-numbering-errata"] for lang in ("zh-Hans", "en")
    }
    assert html["zh-Hans"].startswith('<p>货币使用损失;<sup class="erratum-mark">')
    assert html["en"].startswith('<p>loss of the use of money;<sup class="erratum-mark">')


def test_license_json_html_keeps_the_anchor_of_an_inline_definition(lic):
    """A term defined inside a clause (III.2's Marks) keeps its id in the HTML, where the glossary's URLs point."""
    (entry,) = [c for c in license_json(lic, BASE)["clauses"] if c["id"] == "s3-2"]
    dfn = {lang: re.findall(r"<dfn[^>]*>[^<]*</dfn>", html) for lang, html in entry["html"].items()}
    assert dfn == {
        "zh-Hans": ['<dfn id="s3-2-marks" class="term-definition">标识</dfn>'],
        "en": ['<dfn id="s3-2-marks" class="term-definition">Marks</dfn>'],
    }


@pytest.mark.parametrize(
    "link,absolute",
    [
        ("/license.zh.txt", "https://example.org/sub/license.zh.txt"),
        ("license.zh.txt", "https://example.org/sub/license.zh.txt"),
        ("/X-notes/terms.txt", "https://example.org/sub/X-notes/terms.txt"),
    ],
)
def test_license_json_model_card_link_is_absolute(lic, link, absolute):
    meta = {**lic.metadata, "identifiers": {**lic.metadata["identifiers"], "huggingFace": {"license": "other", "license_link": link}}}
    published = published_metadata(license_of(metadata=meta), BASE)
    assert published["identifiers"]["huggingFace"] == {"license": "other", "license_link": absolute}
    assert published["identifiers"]["scancode"] == lic.metadata["identifiers"]["scancode"]
    assert meta["identifiers"]["huggingFace"]["license_link"] == link  # the model is left as it was
    assert sorted(published) == sorted(k for k in lic.metadata if k not in ("rules", "tags"))


# -- the SPDX outline ------------------------------------------------------------------------


def test_outline_of_an_empty_numbered_item():
    """A numbered clause without text (a source mid-edit) is a bare bullet, not an invented text."""
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        item("s1-1", "1.", "s1", lang="zh-Hans"),
        item("s1-2", "2.", "s1", "乙。", "丙。", lang="zh-Hans"),
    ]
    assert outline(license_of(zh, zh_title="题")) == [
        Node("title", "题"),
        Node(
            "list",
            children=[
                Node(
                    "item",
                    "定义",
                    "一、",
                    [Node("list", children=[Node("item", "", "1."), Node("item", "乙。", "2.", [Node("p", "丙。")])])],
                ),
            ],
        ),
    ]


# -- the published metadata schema ------------------------------------------------------------

LINK_SCHEMA = {
    "type": "string",
    "format": "uri",
    "pattern": "^https?://",
    "description": "The card's license_link: the absolute URL of the plain Chinese text.",
}


def minimal_metadata_schema(defs: bool) -> dict:
    hf = {"properties": {"license": {"type": "string"}, "license_link": {"type": "string", "pattern": "^/"}}}
    schema = {
        "type": "object",
        "required": ["licenseId", "rules", "tags", "identifiers"],
        "properties": {
            "licenseId": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}]},
            "rules": {"$ref": "#/$defs/rules"},
            "identifiers": {"properties": {"huggingFace": hf}},
        }
        # a source may define `tags` or not: either way it is left out
        | ({"tags": {"type": "object"}} if defs else {}),
    }
    return schema | ({"$defs": {"id": {"type": "string"}, "rules": {"type": "object"}}} if defs else {})


@pytest.mark.parametrize("defs", [True, False], ids=["with-defs", "without-defs-tags-id-or-schema"])
def test_published_metadata_schema_exactly(defs):
    source = minimal_metadata_schema(defs)
    published = published_metadata_schema(source)
    assert published == {
        "type": "object",
        "required": ["licenseId", "identifiers"],
        "properties": {
            # the bundled schema's own references point where it now sits, in lists too
            "licenseId": {"anyOf": [{"$ref": "#/$defs/metadata/$defs/id"}, {"type": "null"}]},
            "identifiers": {"properties": {"huggingFace": {"properties": {"license": {"type": "string"}, "license_link": LINK_SCHEMA}}}},
        },
        # only the definitions still used: `rules` went with its property
        "$defs": {"id": {"type": "string"}} if defs else {},
    }
    assert source == minimal_metadata_schema(defs)  # the source schema is left as it was


def test_license_schema_refuses_a_relative_model_card_link(lic):
    data = license_json(lic, BASE)
    schema = license_schema(LICENSE / "schema", BASE)
    # offline (the schema holds all it refers to); that the unbroken document validates is test_exports' to say
    validator = Draft202012Validator(schema, registry=Registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert (
        schema["$defs"]["metadata"]["properties"]["identifiers"]["properties"]["huggingFace"]["properties"]["license_link"] == LINK_SCHEMA
    )
    data["metadata"]["identifiers"]["huggingFace"]["license_link"] = "/license.zh.txt"
    assert [e.message for e in validator.iter_errors(data)] == ["'/license.zh.txt' does not match '^https?://'"]


@pytest.mark.parametrize(
    "publish,name",
    [(metadata_schema, "metadata"), (verify_report_schema, "verify-report")],
)
def test_published_schemas_are_the_sources_at_their_address(publish, name):
    source = json.loads((LICENSE / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    published = publish(LICENSE / "schema", BASE)
    assert published == source | {"$id": f"https://example.org/sub/schema/{name}.schema.json"}
    assert list(published) == list(source) + ([] if "$id" in source else ["$id"])


def test_downloads_carry_the_sites_address(lic):
    """The SBOM, the SPDX XML and the verify-report schema, as downloaded from a site at BASE."""
    files = {d.path: d.content for d in exports.downloads(lic, BASE, LICENSE / "schema")}
    sbom = json.loads(files["spdx/example.spdx.json"])
    assert (sbom["documentNamespace"], sbom["creationInfo"]["creators"]) == (
        f"{BASE}spdx/example.spdx.json",
        [f"Tool: licensekit ({BASE})"],
    )
    assert sbom["hasExtractedLicensingInfos"][0]["extractedText"] == files["license.zh.txt"].decode()
    assert json.loads(files["schema/verify-report.schema.json"])["$id"] == f"{BASE}schema/verify-report.schema.json"
    notes = re.findall(r"<notes>(.*)</notes>", files[f"spdx/{LICENSE_ID}.xml"].decode())
    assert notes == [f"{COMMENTS} Unofficial English translation: {BASE}en/"]
    # the ScanCode plugin: its home page is the site, and it holds the published entry
    wheel_name = "scancode/scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(io.BytesIO(files[wheel_name])) as whl:
        metadata = whl.read("scancode_baichuan_7b_model_2023-1.0.0.dist-info/METADATA").decode()
        entry = whl.read(f"scancode_baichuan_7b_model_2023/licenses/{KEY}.LICENSE")
    assert f"\nHome-page: {BASE}\n" in metadata
    assert entry == files[f"scancode/{KEY}.LICENSE"]


@pytest.mark.parametrize(
    "base,link",
    [
        ("https://example.org/sub/", "https://example.org/sub/license.zh.txt"),
        # a site at an IRI: the card keeps its characters as written, not as YAML escapes
        ("https://例子.example/许可/", "https://例子.example/许可/license.zh.txt"),
    ],
)
def test_model_card_exactly(base, link):
    hf = {"license": "other", "license_name": "baichuan-7b-model-license", "license_link": "/license.zh.txt"}
    card = model_card(license_of(metadata={"identifiers": {"huggingFace": hf}}), base)
    assert card.decode() == f"license: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {link}\n"


def test_spdx_html_and_template_of_nested_lists_and_paragraphs():
    zh = [
        section("s1", "一、", "定义", lang="zh-Hans"),
        clause("s1-a", "definition", "“甲”是指乙。", parent="s1", lang="zh-Hans"),
        item("s1-1", '1"', "s1", "第一。", "续。", lang="zh-Hans"),
        item("s1-2", "2.", "s1", "第二。", lang="zh-Hans"),
        section("appendix", "", "附则", lang="zh-Hans"),
    ]
    nodes = outline(license_of(zh, zh_title="题"))
    b = '<var class="replaceable-license-text"><span title="can be replaced with the pattern .{0,20}">'
    assert spdx_html(nodes) == (
        '<div lang="zh-Hans">\n'
        '<div class="optional-license-text"><p>题</p></div>\n'
        '<ul style="list-style:none">\n'
        f"<li>{b}一、</span></var> 定义\n"
        "<p>“甲”是指乙。</p>\n"
        '<ul style="list-style:none">\n'
        f"<li>{b}1&quot;</span></var> 第一。\n<p>续。</p>\n</li>\n"
        f"<li>{b}2.</span></var> 第二。\n</li>\n"
        "</ul>\n"
        "</li>\n"
        "</ul>\n"
        "<p>附则</p>\n"
        "</div>\n"
    )
    assert spdx_template(nodes) == (
        "<<beginOptional>>题<<endOptional>>\n\n"
        '   <<var;name="bullet";original="一、";match=".{0,20}">> 定义\n\n'
        "   “甲”是指乙。\n\n"
        '      <<var;name="bullet";original="1\\"";match=".{0,20}">> 第一。\n\n'
        "      续。\n\n"
        '      <<var;name="bullet";original="2.";match=".{0,20}">> 第二。\n\n'
        "附则\n\n"
    )
