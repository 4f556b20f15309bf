"""The downloads: valid against their schemas, faithful to the original, stable."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag

import pytest
import yaml
from jsonschema import Draft202012Validator
from lxml import etree
from referencing import Registry, Resource
from sitekit import soup

from casebook import ROOT, seed_chars

SITE_URL = "https://baichuan-7b-license.example.org/"
LICENSE_ID = "LicenseRef-Baichuan-7B-Model-License"
SPDX_KEYS = {
    "isDeprecatedLicenseId",
    "licenseText",
    "standardLicenseTemplate",
    "name",
    "licenseComments",
    "licenseId",
    "crossRef",
    "seeAlso",
    "isOsiApproved",
    "licenseTextHtml",
}
CROSSREF_KEYS = {"match", "url", "isValid", "isLive", "timestamp", "isWayBackLink", "order"}
NS = "{http://www.spdx.org/license}"


def load_json(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def same_characters(text: str, lic) -> bool:
    """The non-whitespace characters of `text`, in order, are those of the original (read from the seed file)."""
    return re.sub(r"\s", "", text) == seed_chars()


@pytest.fixture(scope="module")
def license_json(site):
    return load_json(site, "license.json")


def test_license_json_validates(site, license_json):
    schemas = [load_json(site, "schema/license.schema.json"), load_json(site, "schema/metadata.schema.json")]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    validator = Draft202012Validator(schemas[0], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(license_json)] == []
    assert re.fullmatch(r"\d+\.\d+\.\d+", license_json["schemaVersion"])


def test_schema_is_broken_by_a_bad_clause(site, license_json):
    schema = load_json(site, "schema/license.schema.json")
    bad = json.loads(json.dumps(license_json))
    bad["clauses"][0]["id"] = "S1.x"
    validator = Draft202012Validator(
        schema,
        registry=Registry().with_resource(
            load_json(site, "schema/metadata.schema.json")["$id"], Resource.from_contents(load_json(site, "schema/metadata.schema.json"))
        ),
    )
    assert any(list(e.absolute_path) == ["clauses", 0, "id"] for e in validator.iter_errors(bad))


@pytest.mark.parametrize("path", ["schema/license.schema.json", "schema/metadata.schema.json"])
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
    assert clauses["s4-3-iii"]["number"] == {"zh-Hans": "(ii)", "en": "(iii)"}
    assert license_json["authoritativeLanguage"] == "zh-Hans"
    assert license_json["metadata"]["licensor"]["en"] == "Beijing Baichuan Intelligent Technology Co., Ltd."
    assert {r["tag"]: r["clauses"] for r in license_json["rules"]["limitations"]}["no-military-or-illegal-use"] == ["s2-1"]
    assert {t["id"] for t in license_json["glossary"]} >= {"s1-commercial-use", "s3-2-marks"}
    assert {e["id"] for e in license_json["errata"]} >= {"iv-3-iii-printed-as-ii", "iv-3-ix-printed-as-x"}


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
    assert data["standardLicenseTemplate"] == data["licenseText"]
    assert data["isOsiApproved"] is False and data["isDeprecatedLicenseId"] is False
    assert "huggingface.co/baichuan-inc/Baichuan-7B" in data["seeAlso"][0]
    assert [set(x) for x in data["crossRef"]] == [CROSSREF_KEYS] * len(data["seeAlso"])
    assert [x["url"] for x in data["crossRef"]] == data["seeAlso"]
    assert SITE_URL + "en/" in data["licenseComments"] and "unofficial" in data["licenseComments"]


def chinese_texts(site: Path) -> dict[str, str]:
    """The Chinese text as each download carries it."""
    spdx = load_json(site, f"spdx/{LICENSE_ID}.json")
    scancode = (site / "scancode/baichuan-7b-model-2023.LICENSE").read_text(encoding="utf-8").split("---\n", 2)[2]
    return {
        "license.zh.txt": (site / "license.zh.txt").read_text(encoding="utf-8"),
        "spdx licenseText": spdx["licenseText"],
        "spdx standardLicenseTemplate": spdx["standardLicenseTemplate"],
        "scancode": scancode.removeprefix("\n"),
    }


@pytest.mark.parametrize("name", ["license.zh.txt", "spdx licenseText", "spdx standardLicenseTemplate", "scancode"])
def test_plain_chinese_text_reproduces_the_original(site, lic, name):
    text = chinese_texts(site)[name]
    assert same_characters(text, lic)
    # Laid out as the plain text is: the title, then one line per clause (or paragraph), a blank line between.
    assert text == chinese_texts(site)["license.zh.txt"]
    blocks = text.split("\n\n")
    assert blocks[:3] == ["baichuan-7B模型许可协议", "一、定义", "“许可”是指本协议中定义的使用、复制和分发的条款和条件。"]
    assert all(b and "\n" not in b for b in blocks[:-1]) and blocks[-1].endswith("\n") and "\n" not in blocks[-1][:-1]
    assert "(ii)货币使用损失;" in blocks and "(x)任何间接、附带的特殊或间接损害损失。" in blocks


def test_downloads_on_the_site_are_the_exports(site, lic):
    from licensekit import exports

    for download in exports.downloads(lic, SITE_URL, ROOT / "license" / "schema"):
        assert (site / download.path).read_bytes() == download.content, download.path


def test_plain_english_text(site):
    text = (site / "license.en.txt").read_text(encoding="utf-8")
    assert text.startswith("baichuan-7B Model License Agreement\n\nUnofficial translation.")
    for line in ("I. Definitions", "2. If You plan to put", "(iii) loss of the use of money;", "(ix) any indirect", "Appendix"):
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
    assert text[0].tag == NS + "titleText" and text[0][0].text == "baichuan-7B模型许可协议"
    allowed = {NS + t for t in ("p", "list", "item", "bullet", "titleText", "br", "optional", "alt")}
    assert {el.tag for el in text.iter()} - {NS + "text"} <= allowed
    for item in text.iter(NS + "item"):
        assert item[0].tag == NS + "bullet"
    bullets = [b.text for b in text.iter(NS + "bullet")]
    assert bullets.count("(ii)") == 2 and "(x)" in bullets and "(ix)" not in bullets
    assert same_characters("".join(text.itertext()), lic)


def test_scancode_license(site, lic):
    raw = (site / "scancode/baichuan-7b-model-2023.LICENSE").read_text(encoding="utf-8")
    _, head, body = raw.split("---\n", 2)
    meta = yaml.safe_load(head)
    assert meta["key"] == "baichuan-7b-model-2023"
    assert meta["spdx_license_key"] == "LicenseRef-scancode-baichuan-7b-model-2023"
    assert meta["other_spdx_license_keys"] == [LICENSE_ID]
    assert same_characters(body, lic)


def test_model_card_front_matter(site):
    card = (site / "huggingface/model-card.yml").read_text(encoding="utf-8")
    assert card == f"---\nlicense: other\nlicense_name: baichuan-7b-model-license\nlicense_link: {SITE_URL}zh/\n---\n"


def test_downloads_page_lists_each_file_with_its_sha256(site):
    import hashlib

    table = soup(site / "downloads" / "index.html").select("table")[0]
    rows = table.select("tbody tr")
    assert len(rows) == 9
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
