"""The downloads: valid against their schemas, faithful to the original, stable."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from lxml import etree
from sitekit import soup

from casebook import ROOT, seed_chars

SITE_URL = "https://baichuan-7b-license.example.org/"
LICENSE_ID = "LicenseRef-Baichuan-7B-Model-License"
# The keys of SPDX's license-list-data json/details files for a license without a standard
# header; crossRef is left out, as nothing here checks the URLs the way SPDX's crawler does.
SPDX_KEYS = {
    "isDeprecatedLicenseId",
    "licenseText",
    "standardLicenseTemplate",
    "name",
    "licenseComments",
    "comment",
    "licenseId",
    "seeAlso",
    "isOsiApproved",
    "licenseTextHtml",
}
NS = "{http://www.spdx.org/license}"
XSD = ROOT / "tests/vendor/spdx/ListedLicense.xsd"


def load_json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def same_characters(text: str, lic) -> bool:
    """The non-whitespace characters of `text`, in order, are those of the original (read from the seed file)."""
    return re.sub(r"\s", "", text) == seed_chars()


@pytest.fixture(scope="module")
def license_json(site):
    return load_json(site, "license.json")


def test_license_json_validates(site, license_json):
    """With jsonschema.validate alone: no registry, no base URI, no network."""
    schema = load_json(site, "schema/license.schema.json")
    jsonschema.validate(license_json, schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert schema["$id"] == SITE_URL + "schema/license.schema.json"
    assert re.fullmatch(r"\d+\.\d+\.\d+", license_json["schemaVersion"])


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["clauses", 0, "id"], "S1.x"),
        (["metadata", "licenseId"], "Baichuan"),
        (["metadata", "identifiers", "huggingFace", "license_link"], "/zh/"),
        (["rules", "permissions", 0, "clauses"], []),
    ],
)
def test_schema_is_broken_by_a_bad_value(site, license_json, path, value):
    bad = json.loads(json.dumps(license_json))
    node = bad
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    validator = Draft202012Validator(load_json(site, "schema/license.schema.json"))
    assert [list(e.absolute_path) for e in validator.iter_errors(bad)] == [path]


@pytest.mark.parametrize("path", ["schema/license.schema.json", "schema/metadata.schema.json", "schema/verify-report.schema.json"])
def test_every_schema_field_has_a_description(site, path):
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}/{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(load_json(site, path), "")
    assert missing == []


def test_license_json_content(license_json, lic):
    clauses = {c["id"]: c for c in license_json["clauses"]}
    assert [c["id"] for c in license_json["clauses"]] == [c.id for c in lic.zh.clauses]
    s22 = clauses["s2-2"]
    assert s22["label"] == "II.2"
    assert s22["parent"] == "s2"
    assert s22["number"] == {"zh-Hans": "2.", "en": "2."}
    assert s22["references"] == ["appendix"]
    assert s22["terms"] == ["s1-model-derivatives", "s1-commercial-use", "s1-licensor"]
    assert s22["urls"] == {"zh-Hans": SITE_URL + "zh/#s2-2", "en": SITE_URL + "en/#s2-2", "parallel": SITE_URL + "parallel/#s2-2"}
    assert s22["text"]["en"].startswith("If You plan to put the baichuan-7B Model")
    assert f'href="{SITE_URL}zh/#appendix"' in s22["html"]["zh-Hans"]
    assert clauses["s4-3-iii"]["number"] == {"zh-Hans": "(ii)", "en": "(ii) [sic: (iii)]"}
    assert (clauses["s4-3-iii"]["label"], clauses["s4-3-ix"]["label"]) == ("IV.3(ii) [sic: (iii)]", "IV.3(x) [sic: (ix)]")
    assert license_json["authoritativeLanguage"] == "zh-Hans"
    assert license_json["metadata"]["licensor"]["en"] == "Beijing Baichuan Intelligent Technology Co., Ltd."
    assert {r["tag"]: r["clauses"] for r in license_json["rules"]["limitations"]}["no-military-or-illegal-use"] == ["s2-1"]
    assert {t["id"] for t in license_json["glossary"]} >= {"s1-commercial-use", "s3-2-marks"}
    assert {e["id"] for e in license_json["errata"]} >= {"iv-3-iii-printed-as-ii", "iv-3-ix-printed-as-x"}


URL_KEYS = {"url", "$schema", "license_link", "seeAlso"}  # and every value under "urls"


def urls_in(node, under: str = ""):
    """Every string that is a URL by its key, with the key."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from urls_in(value, "urls" if under == "urls" or key == "urls" else key)
    elif isinstance(node, list):
        for value in node:
            yield from urls_in(value, under)
    elif isinstance(node, str) and (under in URL_KEYS or under == "urls"):
        yield under, node


def integrity_problems(doc: dict) -> list[str]:
    """What the schema cannot say: rules cite real clauses, once each; definitions name what they define; URLs are absolute."""
    problems = []
    clauses = {c["id"]: c for c in doc["clauses"]}
    tags = [r["tag"] for group in doc["rules"].values() for r in group]
    problems += [f"rule {t} appears {tags.count(t)} times" for t in sorted(set(tags)) if tags.count(t) > 1]
    problems += [f"metadata repeats {k}" for k in ("rules", "tags") if k in doc["metadata"]]
    for group in doc["rules"].values():
        problems += [f"rule {r['tag']} cites {c}, not a clause" for r in group for c in r["clauses"] if c not in clauses]
    for c in doc["clauses"]:
        if c["kind"] == "definition" and c["id"] not in c["defines"]:
            problems.append(f"{c['id']} defines {c['defines']}")
        problems += [
            f"{c['id']} defines {t}, which the glossary lacks" for t in c["defines"] if t not in {g["id"] for g in doc["glossary"]}
        ]
    problems += [f"{key}: {url} is not absolute" for key, url in urls_in(doc) if not re.match(r"https?://", url)]
    return problems


def test_license_json_referential_integrity(license_json):
    assert integrity_problems(license_json) == []
    defines = {c["id"]: c["defines"] for c in license_json["clauses"] if c["defines"]}
    assert defines["s1-model"] == ["s1-model"] and defines["s3-2"] == ["s3-2-marks"]
    assert {r["tag"]: r["clauses"] for r in license_json["rules"]["limitations"]}["trademark-use"] == ["s3-2"]


BROKEN_INTEGRITY = {
    "a rule citing a term": (lambda d: d["rules"]["limitations"][0]["clauses"].append("s3-2-marks"), "cites s3-2-marks, not a clause"),
    "a rule twice": (lambda d: d["rules"]["conditions"].append(d["rules"]["permissions"][0]), "appears 2 times"),
    "rules in the metadata": (lambda d: d["metadata"].update(rules={}), "metadata repeats rules"),
    "an empty defines": (lambda d: d["clauses"][1].update(defines=[]), "s1-license defines []"),
    "a relative clause URL": (lambda d: d["clauses"][0]["urls"].update(en="/en/#s1"), "urls: /en/#s1 is not absolute"),
    "a relative license_link": (lambda d: d["metadata"]["identifiers"]["huggingFace"].update(license_link="/zh/"), "license_link: /zh/"),
}


@pytest.mark.parametrize("case", BROKEN_INTEGRITY)
def test_referential_integrity_catches(license_json, case):
    doc = json.loads(json.dumps(license_json))
    edit, expected = BROKEN_INTEGRITY[case]
    edit(doc)
    problems = integrity_problems(doc)
    assert len(problems) == 1 and expected in problems[0], problems


def test_every_url_in_the_downloads_is_an_anchor(site, license_json):
    text = json.dumps(license_json, ensure_ascii=False)
    urls = set(re.findall(re.escape(SITE_URL) + r"[^\s\"'<>]*#[a-z0-9-]+", text))
    assert len(urls) > 150
    for url in urls:
        page, fragment = urldefrag(url)
        path = site / page[len(SITE_URL) :] / "index.html"
        assert soup(path).find(id=fragment) is not None, url
    # Every link in the clauses' HTML is absolute: a relative one would not resolve outside the site.
    hrefs = [h for c in license_json["clauses"] for html in c["html"].values() for h in re.findall(r'href="([^"]*)"', html)]
    assert len(hrefs) > 100
    assert [h for h in hrefs if not h.startswith(SITE_URL)] == []


def test_spdx_details(site, lic):
    data = load_json(site, f"spdx/{LICENSE_ID}.json")
    assert set(data) == SPDX_KEYS  # isFsfLibre is left out, as SPDX does for unlisted licenses
    assert data["licenseId"] == LICENSE_ID
    assert same_characters(data["licenseText"], lic)
    assert data["isOsiApproved"] is False and data["isDeprecatedLicenseId"] is False
    assert "huggingface.co/baichuan-inc/Baichuan-7B" in data["seeAlso"][0]
    assert data["comment"] == data["licenseComments"]
    assert SITE_URL + "en/" in data["licenseComments"] and "unofficial" in data["licenseComments"]
    html = BeautifulSoup(data["licenseTextHtml"], "html.parser")
    assert html.select_one("div.optional-license-text").get_text() == "baichuan-7B模型许可协议"
    bullets = [v.get_text() for v in html.select("var.replaceable-license-text")]
    assert bullets[:3] == ["一、", "二、", "1."] and bullets.count("(ii)") == 2 and "(x)" in bullets


TEMPLATE_TOKEN = re.compile(r'<<beginOptional>>|<<endOptional>>|<<var;[^>]*match="\.\{0,(\d+)\}">>')


def template_matches(template: str, text: str) -> bool:
    """SPDX template matching, reduced to what the template uses: optional text, bullets, free whitespace."""
    parts: list = []  # ("lit", s) | ("var", max length) | ("opt", [parts])
    stack = [parts]
    pos = 0
    for m in TEMPLATE_TOKEN.finditer(template):
        stack[-1].append(("lit", re.sub(r"\s", "", template[pos : m.start()])))
        if m.group(0) == "<<beginOptional>>":
            stack[-1].append(("opt", []))
            stack.append(stack[-1][-1][1])
        elif m.group(0) == "<<endOptional>>":
            stack.pop()
        else:
            stack[-1].append(("var", int(m.group(1))))
        pos = m.end()
    stack[-1].append(("lit", re.sub(r"\s", "", template[pos:])))
    flat = re.sub(r"\s", "", text)

    @functools.cache
    def match(seq: tuple, at: int) -> int | None:
        """The end of the text if `seq` matches all of it from `at`, else None."""
        if not seq:
            return at if at == len(flat) else None
        kind, value = seq[0]
        if kind == "lit":
            return match(seq[1:], at + len(value)) if flat.startswith(value, at) else None
        if kind == "var":
            return next((end for n in range(value + 1) if (end := match(seq[1:], at + n)) is not None), None)
        inner = match(value + seq[1:], at)
        return inner if inner is not None else match(seq[1:], at)

    freeze = lambda ps: tuple((k, tuple(freeze(v)) if k == "opt" else v) for k, v in ps)  # noqa: E731
    return match(freeze(parts), 0) == len(flat)


def test_spdx_template_matches_the_text_and_corrected_copies(site):
    data = load_json(site, f"spdx/{LICENSE_ID}.json")
    template = data["standardLicenseTemplate"]
    assert template.startswith("<<beginOptional>>baichuan-7B模型许可协议<<endOptional>>")
    assert template.count('<<var;name="bullet";original="(ii)";match=".{0,20}">>') == 2
    text = data["licenseText"]
    untitled = text.removeprefix("baichuan-7B模型许可协议")
    corrected = text.replace("(ii)货币使用损失", "(iii)货币使用损失").replace("(x)任何间接", "(ix)任何间接")
    for copy in (text, untitled, corrected, re.sub(r"\n+", "\n", text)):
        assert template_matches(template, copy)
    assert corrected != text
    for changed in (text.replace("军事", "民用"), text.replace("货币使用损失", "货币损失"), text + "附加条款"):
        assert not template_matches(template, changed)


def untemplated(template: str) -> str:
    """An SPDX template read as the text it matches when every part is as printed."""
    text = re.sub(r'<<var;name="[^"]*";original="([^"]*)";match="[^"]*">>', lambda m: m.group(1), template)
    return text.replace("<<beginOptional>>", "").replace("<<endOptional>>", "")


def chinese_texts(site: Path) -> dict[str, str]:
    """The Chinese text as each download carries it."""
    spdx = load_json(site, f"spdx/{LICENSE_ID}.json")
    scancode = (site / "scancode/baichuan-7b-model-2023.LICENSE").read_text(encoding="utf-8").split("---\n", 2)[2]
    return {
        "license.zh.txt": (site / "license.zh.txt").read_text(encoding="utf-8"),
        "spdx licenseText": spdx["licenseText"],
        # The template's markup stands for the text as printed: its original value, its optional part.
        "spdx standardLicenseTemplate": untemplated(spdx["standardLicenseTemplate"]),
        # ScanCode keeps a text without its final line feed.
        "scancode": scancode.removeprefix("\n").rstrip("\n") + "\n",
    }


@pytest.mark.parametrize("name", ["license.zh.txt", "spdx licenseText", "spdx standardLicenseTemplate", "scancode"])
def test_plain_chinese_text_reproduces_the_original(site, lic, name):
    text = chinese_texts(site)[name]
    assert same_characters(text, lic)
    if name == "spdx standardLicenseTemplate":
        return  # a template is laid out as SPDX's own, each numbered part on its own indented line
    # Laid out as the plain text is: the title, then one line per clause (or paragraph), a blank line between.
    assert text == chinese_texts(site)["license.zh.txt"]
    blocks = text.split("\n\n")
    assert blocks[:3] == ["baichuan-7B模型许可协议", "一、定义", "“许可”是指本协议中定义的使用、复制和分发的条款和条件。"]
    assert all(b and "\n" not in b for b in blocks[:-1]) and blocks[-1].endswith("\n") and "\n" not in blocks[-1][:-1]
    assert "(ii)货币使用损失;" in blocks and "(x)任何间接、附带的特殊或间接损害损失。" in blocks


def test_downloads_on_the_site_are_the_exports(site, lic):
    from licensekit import exports
    from licensekit.release import describe

    for download in exports.downloads(lic, SITE_URL, ROOT / "license" / "schema", describe(ROOT)):
        assert (site / download.path).read_bytes() == download.content, download.path


def test_plain_english_text(site):
    text = (site / "license.en.txt").read_text(encoding="utf-8")
    assert text.startswith("baichuan-7B Model License Agreement\n\nUnofficial translation.")
    for line in (
        "I. Definitions",
        "2. If You plan to put",
        "(ii) [sic: (iii)] loss of the use of money;",
        "(x) [sic: (ix)] any indirect",
        "Appendix",
    ):
        assert "\n" + line in text


def test_spdx_license_list_xml(site, lic):
    root = etree.parse(str(site / f"spdx/{LICENSE_ID}.xml")).getroot()
    assert root.tag == NS + "SPDXLicenseCollection"
    (license_el,) = root
    assert license_el.tag == NS + "license"
    assert license_el.get("licenseId") == LICENSE_ID and license_el.get("isOsiApproved") == "false" and license_el.get("name")
    assert [c.tag for c in license_el] == [NS + "crossRefs", NS + "notes", NS + "text"]
    assert all(c.tag == NS + "crossRef" for c in license_el.find(NS + "crossRefs"))
    text = license_el.find(NS + "text")
    assert text[0].tag == NS + "optional" and text[0][0].tag == NS + "titleText" and text[0][0][0].text == "baichuan-7B模型许可协议"
    assert [b.text for b in text.findall(f"{NS}list/{NS}item/{NS}bullet")] == ["一、", "二、", "三、", "四、", "五、", "1.", "2."]
    allowed = {NS + t for t in ("p", "list", "item", "bullet", "titleText", "br", "optional", "alt")}
    assert {el.tag for el in text.iter()} - {NS + "text"} <= allowed
    for item in text.iter(NS + "item"):
        assert item[0].tag == NS + "bullet"
    bullets = [b.text for b in text.iter(NS + "bullet")]
    assert bullets.count("(ii)") == 2 and "(x)" in bullets and "(ix)" not in bullets
    assert same_characters("".join(text.itertext()), lic)


@pytest.fixture(scope="module")
def listed_license_xsd():
    return etree.XMLSchema(etree.parse(str(XSD)))


def test_spdx_xml_is_valid_against_listed_license_xsd(site, listed_license_xsd):
    doc = etree.parse(str(site / f"spdx/{LICENSE_ID}.xml"))
    assert listed_license_xsd.validate(doc), listed_license_xsd.error_log


BROKEN_XML = {
    "an item outside a list": lambda lic: etree.SubElement(lic.find(NS + "text"), NS + "item"),
    "a paragraph inside a bullet": lambda lic: etree.SubElement(lic.find(f".//{NS}bullet"), NS + "p"),
    "an unknown element": lambda lic: etree.SubElement(lic.find(NS + "text"), NS + "clause"),
    "isOsiApproved not a boolean": lambda lic: lic.set("isOsiApproved", "maybe"),
    "a misspelt attribute": lambda lic: lic.set("licenceId", "x"),
}


@pytest.mark.parametrize("case", BROKEN_XML)
def test_listed_license_xsd_refuses_a_broken_copy(site, listed_license_xsd, case):
    doc = etree.parse(str(site / f"spdx/{LICENSE_ID}.xml"))
    BROKEN_XML[case](doc.getroot().find(f"{NS}license"))
    assert not listed_license_xsd.validate(doc)


PDF_URL = (
    "https://huggingface.co/baichuan-inc/Baichuan-7B/blob/main/baichuan-7B%20%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE.pdf"
)


def test_scancode_license(site, lic):
    raw = (site / "scancode/baichuan-7b-model-2023.LICENSE").read_text(encoding="utf-8")
    _, head, body = raw.split("---\n", 2)
    meta = yaml.safe_load(head)
    assert list(meta)[:3] == ["key", "language", "short_name"]
    assert meta["key"] == "baichuan-7b-model-2023"
    assert meta["language"] == "zh-hans"
    assert meta["spdx_license_key"] == "LicenseRef-scancode-baichuan-7b-model-2023"
    assert meta["other_spdx_license_keys"] == [LICENSE_ID]
    assert meta["text_urls"] == [PDF_URL, SITE_URL + "license.zh.txt"]
    assert meta["ignorable_emails"] == ["opensource@baichuan-inc.com"]
    assert same_characters(body, lic)


def test_scancode_rules(site, lic):
    rules = {}
    for path in sorted(site.glob("scancode/*.RULE"), key=lambda p: int(p.stem.rsplit("_", 1)[1])):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        rules[path.name] = (yaml.safe_load(head), body.strip())
    assert len(rules) == 15
    assert all(meta["license_expression"] == "baichuan-7b-model-2023" for meta, _ in rules.values())
    first = rules["baichuan-7b-model-2023_1.RULE"]
    assert first == (
        {
            "license_expression": "baichuan-7b-model-2023",
            "language": "zh-hans",
            "is_license_reference": True,
            "relevance": 100,
            "notes": "The title as printed.",
        },
        "baichuan-7B模型许可协议",
    )
    assert rules["baichuan-7b-model-2023_4.RULE"][1] == PDF_URL
    assert rules["baichuan-7b-model-2023_8.RULE"][1] == lic.original.strip()
    sections = [body for meta, body in rules.values() if str(meta.get("notes", "")).startswith("Part of the Chinese text")]
    assert [s.split("\n")[0] for s in sections] == [
        "一、定义",
        "二、许可及许可限制",
        "三、知识产权",
        "四、免责声明及责任限制",
        "五、其他",
        "附则",
    ]
    assert same_characters("".join(["baichuan-7B模型许可协议", *sections]), lic)


def test_scancode_plugin_wheel(site):
    import zipfile

    path = site / "scancode/scancode_baichuan_7b_model_2023-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(path) as whl:
        names = whl.namelist()
        points = whl.read("scancode_baichuan_7b_model_2023-1.0.0.dist-info/entry_points.txt").decode()
        entry = whl.read("scancode_baichuan_7b_model_2023/licenses/baichuan-7b-model-2023.LICENSE")
    assert (
        points
        == "[scancode_additional_license_location_provider]\nscancode_baichuan_7b_model_2023 = scancode_baichuan_7b_model_2023:Paths\n\n"
    )
    assert entry == (site / "scancode/baichuan-7b-model-2023.LICENSE").read_bytes()
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.endswith(".RULE")) == sorted(p.name for p in site.glob("scancode/*.RULE"))


def test_model_card_is_one_yaml_document(site):
    card = (site / "huggingface/model-card.yml").read_text(encoding="utf-8")
    assert card == f"license: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {SITE_URL}license.zh.txt\n"
    assert yaml.safe_load(card)["license_link"] == SITE_URL + "license.zh.txt"


def test_downloads_page_lists_each_file_with_its_sha256(site):
    import hashlib

    table = soup(site / "downloads" / "index.html").select("table")[0]
    rows = table.select("tbody tr")
    assert len(rows) == 27  # 11 files, 15 ScanCode rules and the plugin wheel
    for row in rows:
        href = row.select_one("a")["href"]
        digest = row.select("code")[-1].get_text()
        path = (site / "downloads" / href).resolve()
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, href


def test_two_builds_are_byte_identical(site, tmp_path):
    from sitekit import build

    # Another time zone, locale and hash seed: nothing may depend on them. (Sitemap dates follow
    # SOURCE_DATE_EPOCH by design; test_exports varies it and the clock for the downloads and pages.)
    env = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "12345"}
    result = build(tmp_path / "again", env=env)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(p) for p in first if first[p] != second[p]] == []


def test_readme_example_runs(base_url):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    code = code.replace(SITE_URL, base_url)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith("II.2 If You plan to put the baichuan-7B Model and Model Derivatives to Commercial Use")
    assert second == SITE_URL + "en/#s2-2"
