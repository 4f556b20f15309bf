"""The licensor check (checks/licensor.py) on small models: the contact, which text prevails,
the notices, and every address in the metadata. Each case edits one valid metadata mapping."""

from __future__ import annotations

import copy

import pytest

from factories import finding, item, license_of
from licensekit.checks import licensor

# The line of each metadata node, as the parser would record it.
LINES = {
    ("licensor",): 2,
    ("licensor", "contact"): 3,
    ("languages",): 5,
    ("languages", 0): 6,
    ("languages", 0, "notice"): 7,
    ("languages", 1): 8,
    ("languages", 1, "notice"): 9,
    ("languages", 2): 10,
    ("languages", 2, "notice"): 11,
    ("identifiers",): 20,
    ("identifiers", "huggingFace"): 21,
    ("identifiers", "huggingFace", "license_link"): 22,
    ("homepage",): 30,
    ("links",): 31,
    ("links", 1): 33,
    ("links", 1, "url"): 34,
}
VALID = {
    "licensor": {"name": "Baichuan", "contact": "opensource@baichuan-inc.com"},
    "languages": [
        {"tag": "zh-Hans", "authoritative": True, "role": "original", "notice": "本文本具有法律效力"},
        {"tag": "en", "authoritative": False, "role": "translation", "notice": "An UNOFFICIAL translation"},
    ],
    "identifiers": {"huggingFace": {"license_link": "/license.zh.txt", "repo": "https://huggingface.co/baichuan-inc/Baichuan-7B"}},
    "homepage": "https://github.com/baichuan-inc/Baichuan-7B",
    "links": [
        {"url": "https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license"},
        {"url": "see https://github.com/baichuan-inc/x and https://github.com/baichuan-inc/y", "size": 3},
    ],
}
PRINTS = "联系邮箱：opensource@baichuan-inc.com。"
NOT_SOURCE = "is not the licensor's repository nor a source this license names"
NOTICE = "the notice of the en text must say it is unofficial"
ONCE = (5, "META-AUTHORITY", "zh-Hans must be listed exactly once")


def _set(path: tuple, value):
    def edit(meta: dict) -> None:
        *parents, last = path
        node = meta
        for key in parents:
            node = node[key]
        if value is _DELETE:
            del node[last]
        elif isinstance(node, list) and last == len(node):
            node.append(value)
        else:
            node[last] = value

    return edit


_DELETE = object()

CASES = [
    pytest.param([], PRINTS, [], id="valid"),
    pytest.param([_set(("licensor", "contact"), "OpenSource@Baichuan-Inc.com")], PRINTS, [], id="contact-in-other-case"),
    pytest.param(
        [_set(("licensor", "contact"), "info@baichuan-inc.com")],
        PRINTS,
        [(3, "META-CONTACT", "contact info@baichuan-inc.com is not the address the zh-Hans text prints (opensource@baichuan-inc.com)")],
        id="contact-other",
    ),
    pytest.param(
        [],
        "联系邮箱：无。",
        [(3, "META-CONTACT", "contact opensource@baichuan-inc.com is not the address the zh-Hans text prints (no address)")],
        id="text-prints-none",
    ),
    pytest.param(
        [],
        PRINTS + "或 b@x.cn",
        [
            (
                3,
                "META-CONTACT",
                "contact opensource@baichuan-inc.com is not the address the zh-Hans text prints (b@x.cn, opensource@baichuan-inc.com)",
            )
        ],
        id="text-prints-two",
    ),
    pytest.param([_set(("licensor", "contact"), _DELETE)], "", [], id="no-contact"),
    pytest.param([_set(("licensor", "contact"), 7)], "", [], id="contact-not-text"),
    pytest.param([_set(("licensor",), "Baichuan")], "", [], id="licensor-not-mapping"),
    pytest.param(
        [_set(("languages", 1, "authoritative"), True), _set(("languages", 1, "role"), "original")],
        PRINTS,
        [
            (8, "META-AUTHORITY", "en must not be authoritative: only the zh-Hans text prevails"),
            (8, "META-AUTHORITY", "en must not have role: original; the original is zh-Hans"),
        ],
        id="en-prevails",
    ),
    pytest.param(
        [_set(("languages", 0, "authoritative"), _DELETE), _set(("languages", 0, "role"), "source")],
        PRINTS,
        [
            (6, "META-AUTHORITY", "zh-Hans must be authoritative: only the zh-Hans text prevails"),
            (6, "META-AUTHORITY", "zh-Hans must have role: original; the original is zh-Hans"),
        ],
        id="zh-not-marked",
    ),
    pytest.param(
        [_set(("languages", 0, "tag"), "zh")],
        PRINTS,
        [
            (6, "META-AUTHORITY", "zh must not be authoritative: only the zh-Hans text prevails"),
            (6, "META-AUTHORITY", "zh must not have role: original; the original is zh-Hans"),
            ONCE,
        ],
        id="zh-missing",
    ),
    pytest.param([_set(("languages", 2), {"tag": "zh-Hans", "authoritative": True, "role": "original"})], PRINTS, [ONCE], id="zh-twice"),
    pytest.param([_set(("languages",), "zh-Hans")], PRINTS, [ONCE], id="languages-not-a-list"),
    pytest.param([_set(("languages",), _DELETE)], PRINTS, [ONCE], id="languages-missing"),
    pytest.param(
        [_set(("languages", 0), "zh-Hans"), _set(("languages", 1, "authoritative"), True)],
        PRINTS,
        [(8, "META-AUTHORITY", "en must not be authoritative: only the zh-Hans text prevails"), ONCE],
        id="zh-not-a-mapping",
    ),
    pytest.param(
        [_set(("languages", 1), "en"), _set(("languages", 2), {"tag": "fr", "notice": "traduction"})],
        PRINTS,
        [],
        id="entry-not-mapping-and-unknown-tag",
    ),
    pytest.param([_set(("languages", 1, "notice"), "A translation")], PRINTS, [(9, "META-AUTHORITY", NOTICE)], id="notice-unsaid"),
    pytest.param([_set(("languages", 1, "notice"), _DELETE)], PRINTS, [(9, "META-AUTHORITY", NOTICE)], id="notice-missing"),
    pytest.param([_set(("languages", 1, "notice"), ["unofficial"])], PRINTS, [], id="notice-as-list-says-it"),
    pytest.param(
        [_set(("homepage",), "https://example.com/baichuan-inc/ or HTTPS://github.com/baichuan-inc/x")],
        PRINTS,
        [
            (30, "META-URL", f"homepage: https://example.com/baichuan-inc/ {NOT_SOURCE}"),
            (30, "META-URL", f"homepage: HTTPS://github.com/baichuan-inc/x {NOT_SOURCE}"),
        ],
        id="homepage-elsewhere",
    ),
    pytest.param(
        [_set(("links", 1, "url"), "ftp://github.com/baichuan-inc/x")],
        PRINTS,
        [(34, "META-URL", f"links/1/url: ftp://github.com/baichuan-inc/x {NOT_SOURCE}")],
        id="nested-url-elsewhere",
    ),
    pytest.param(
        [_set(("identifiers", "huggingFace", "license_link"), "https://huggingface.co/baichuan-inc/x/LICENSE")],
        PRINTS,
        [
            (
                22,
                "META-URL",
                "license_link https://huggingface.co/baichuan-inc/x/LICENSE must be a path on this site, such as /license.zh.txt",
            )
        ],
        id="license-link-absolute",
    ),
    pytest.param(
        [_set(("identifiers", "huggingFace", "license_link"), "//example.com/license")],
        PRINTS,
        [(22, "META-URL", "license_link //example.com/license must be a path on this site, such as /license.zh.txt")],
        id="license-link-other-host",
    ),
    pytest.param(
        [_set(("identifiers", "huggingFace", "license_link"), "license.zh.txt")],
        PRINTS,
        [(22, "META-URL", "license_link license.zh.txt must be a path on this site, such as /license.zh.txt")],
        id="license-link-relative",
    ),
    pytest.param([_set(("identifiers", "huggingFace", "license_link"), 1)], PRINTS, [], id="license-link-not-text"),
    pytest.param([_set(("identifiers", "huggingFace"), "x")], PRINTS, [], id="hugging-face-not-mapping"),
    pytest.param([_set(("identifiers",), ["/x"])], PRINTS, [], id="identifiers-not-mapping"),
]


@pytest.mark.parametrize(("edits", "prints", "expected"), CASES)
def test_licensor_check(edits, prints, expected):
    meta = copy.deepcopy(VALID)
    for edit in edits:
        edit(meta)
    zh = [item("s1", "1.", None, prints, line=4, lang="zh-Hans")]
    lic = license_of(zh, [item("s1", "1.", None, "Mail: x@y.z", line=4)], metadata=meta)
    lic.lines[lic.path("metadata.yaml")] = LINES
    assert licensor.check(lic) == [finding("metadata.yaml", line, code, "", message) for line, code, message in expected]
