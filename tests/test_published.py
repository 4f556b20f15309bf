"""Published IDs: the registry matches the texts, aliases reach the model, reserved IDs are complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from casebook import LICENSE, ROOT, edited_copy
from licensekit import checks
from licensekit.checks import published
from licensekit.parse import load
from licensekit.registry import entries, generate, text_hash

sys.path.insert(0, str(ROOT / "scripts"))
from published_ids import dump  # noqa: E402

TEMPLATES = ROOT / ".venv/lib/python3.11/site-packages/material/templates"


def test_registry_is_what_the_texts_call_for(lic):
    """Regenerated from the model, the registry is the committed file, byte for byte."""
    assert dump(generate(lic)) == (LICENSE / "published-ids.yaml").read_text(encoding="utf-8")


def test_registry_lists_every_anchor_of_both_texts(lic):
    registry = lic.published["ids"]
    assert set(registry) == lic.zh.anchors() == lic.en.anchors()
    assert len(registry) == 55
    assert registry["s4-3-iii"] == {"kind": "item", "number": "(ii)", "parent": "s4-3", "text": text_hash("货币使用损失;")}
    assert registry["s3-2-marks"] == {"kind": "term", "number": "", "parent": "s3-2", "text": text_hash("标识")}
    assert registry["appendix-2-commercial-use"]["kind"] == "field"


def test_text_hash_ignores_only_spaces_and_line_feeds():
    assert text_hash("利润 损失") == text_hash("利润\n损失") == text_hash("利润损失")
    assert text_hash("利润\u3000损失") != text_hash("利润损失")
    assert len(text_hash("x")) == 16


def test_aliases_reach_the_model(tmp_path):
    root = edited_copy(
        tmp_path / "license",
        [{"file": "published-ids.yaml", "find": "aliases: {}", "replace": "aliases: {s4-3-iv: s4-3-savings, s2-0: s2-grant}"}],
    )
    assert load(root).aliases == {"s4-3-iv": "s4-3-savings", "s2-0": "s2-grant"}


def test_generate_keeps_retired_ids(tmp_path):
    """A renamed ID stays in the registry, with its alias; the new one is added."""
    edits = [
        {"file": "zh.md", "find": "{#s4-3-iv}", "replace": "{#s4-3-savings}"},
        {"file": "en.md", "find": "{#s4-3-iv}", "replace": "{#s4-3-savings}"},
        {"file": "published-ids.yaml", "find": "aliases: {}", "replace": "aliases: {s4-3-iv: s4-3-savings}"},
    ]
    lic = load(edited_copy(tmp_path / "license", edits))
    registry = generate(lic)
    assert registry["ids"]["s4-3-iv"] == registry["ids"]["s4-3-savings"]
    assert registry["aliases"] == {"s4-3-iv": "s4-3-savings"}
    assert "s4-3-iv" not in entries(lic)


def _renamed(tmp_path):
    return edited_copy(tmp_path / "license", [{"file": "zh.md", "find": "{#s4-3-iv}", "replace": "{#s4-3-savings}"}])


def test_check_never_writes(tmp_path):
    root = _renamed(tmp_path)
    before = (root / "published-ids.yaml").read_bytes()
    checks.run(load(root))
    assert (root / "published-ids.yaml").read_bytes() == before


# Apart from the test above: its processes take seconds, and `make mutation` would run them
# for every mutant of the checks without their telling it anything (a process is not traced).
@pytest.mark.slow
def test_the_script_reports_drift(tmp_path):
    root = _renamed(tmp_path)
    script = [sys.executable, str(ROOT / "scripts" / "published_ids.py")]
    assert subprocess.run([*script, str(root)], capture_output=True).returncode == 1
    assert subprocess.run([*script, str(LICENSE)], capture_output=True).returncode == 0


def _literal_ids(text: str) -> set[str]:
    """Literal id="…" values, a Jinja `{{ … }}` part read as a number.

    Left out: ids Material's JavaScript copies from a heading (`${…}`), the nav's
    `{{ path }}` (checked below), and render.py's f-string placeholders, which are the
    clause IDs themselves.
    """
    found = set()
    for value in re.findall(r'\bid="([^"]*)"', text):
        if "${" in value or value.startswith("{{ path }}") or re.fullmatch(r"\{[a-z_.]+\}", value):
            continue
        found.add(re.sub(r"\{\{[^}]*\}\}", "1", value))
    return found


@pytest.mark.repo  # reads the installed theme
def test_reserved_ids_cover_the_theme_templates():
    ids = set().union(*(_literal_ids(p.read_text(encoding="utf-8")) for p in TEMPLATES.rglob("*.html")))
    assert "__drawer" in ids and "__palette_1" in ids
    nav = (TEMPLATES / "partials/nav.html").read_text(encoding="utf-8")
    assert '{% set path = "__nav_" ~ loop.index %}' in nav  # nav-item.html's {{ path }}, deeper levels add _<n>
    ids |= {"__nav_1", "__nav_2_3", "__nav_2_3_label"}
    assert {i for i in ids if not published.reserved(i)} == set()


def test_reserved_ids_cover_our_page_chrome():
    sources = [ROOT / "scripts/licensekit/render.py", *sorted((ROOT / "scripts/licensekit/templates").glob("*.html"))]
    # An id that is a whole `{{ … }}` expression in our templates is a clause, term, erratum or note ID.
    ids = set().union(*(_literal_ids(path.read_text(encoding="utf-8")) for path in sources)) - {"1"}
    scripts = sorted((ROOT / "docs/assets").rglob("*.js"))
    ids |= {i for path in scripts for i in re.findall(r'\.id = "([^"]+)"', path.read_text(encoding="utf-8"))}
    verify = ("app", "form", "text", "drop", "file", "run", "status", "result", "verdict", "download")
    form = {"verify-" + name for name in verify}
    assert ids == {"title", "tooltip"} | form
    assert all(published.reserved(i) for i in ids)


@pytest.mark.parametrize("anchor", ["s4-3-iv", "title-1", "toc", "nav-1", "s2-grant", "palette", "verify", "s1-verify-x"])
def test_clause_like_ids_are_not_reserved(anchor):
    assert not published.reserved(anchor)


def test_real_texts_have_no_reserved_id(lic):
    assert [a for a in lic.zh.anchors() | lic.en.anchors() if published.reserved(a)] == []


def test_registry_schema_refuses_a_bad_entry(tmp_path):
    root = edited_copy(tmp_path / "license", [{"file": "published-ids.yaml", "find": "text: 5d1b27e7b720f380", "replace": "text: XYZ"}])
    found = [f.format(root) for f in checks.run(load(root)) if f.code == "DATA-SCHEMA"]
    assert found == ["published-ids.yaml:43: DATA-SCHEMA -: ids/s4-3-iv/text: 'XYZ' does not match '^[0-9a-f]{16}$'"]


@pytest.mark.repo  # reads the installed theme
def test_templates_are_where_the_test_looks():
    assert Path(TEMPLATES).is_dir()


def test_an_alias_keeps_the_old_anchor_on_every_page(tmp_path):
    """A deliberate rename: links made to the old ID still arrive at the clause, in every view."""
    from bs4 import BeautifulSoup

    from casebook import good_cases
    from licensekit import pages

    case = next(c for c in good_cases() if c.name == "id-renamed-with-alias")
    root = edited_copy(tmp_path / "license", case.edits)
    built = pages.text_pages(load(root))
    for page in ("zh.md", "en.md", "parallel.md"):
        soup = BeautifulSoup(built[page][1], "html.parser")
        old = soup.find(id="s4-3-iv")
        assert old is not None and old.name == "span" and old.get_text() == "", page
        owner = old.find_parent(id="s4-3-savings")
        assert owner is not None, page
        assert built[page][1].count('id="s4-3-iv"') == 1, page
    # without an alias, no empty anchor is added
    assert "clause-alias" not in pages.text_pages(load(LICENSE))["en.md"][1]


def _registered(kind: str, number: str, parent: str | None, text: str) -> dict:
    """A registry entry, its hash computed here: SHA-256 of the text, spaces and line feeds left out."""
    import hashlib

    return {"kind": kind, "number": number, "parent": parent, "text": hashlib.sha256(text.encode()).hexdigest()[:16]}


def _published_model(original: str, ids: dict, aliases: dict):
    """Both texts: s1 with items s1-1, s1-2 (defining s1-2-mark), s1-new, S1-bad, s1-old, __drawer and s1-odd;
    the English has s1-enonly and s1-en2 besides."""
    from factories import defterm, item, license_of, section

    zh, en = [], []
    for lang, out in (("zh-Hans", zh), ("en", en)):
        out += [
            section("s1", "一、", "定义", line=3, lang=lang),
            item("s1-1", "1.", "s1", "甲文", line=5, lang=lang),
            item("s1-2", "2.", "s1", ["乙", defterm("标识", "s1-2-mark")], line=7, lang=lang),
            item("s1-new", "3.", "s1", "丙", line=9, lang=lang),
            item("S1-bad", "4.", "s1", "丁", line=11, lang=lang),
            item("s1-old", "5.", "s1", "戊", line=13, lang=lang),
            item("__drawer", "6.", "s1", "己", line=15, lang=lang),
            item("s1-odd", "8.", "s1", "庚", line=19, lang=lang),
        ]
    en += [item("s1-enonly", "7.", "s1", "x", line=17), item("s1-en2", "8.", "s1", "y", line=18)]
    lic = license_of(zh, en, original=original)
    lic.published = {"ids": ids, "aliases": aliases}
    lines = {("ids",): 2, ("aliases",): 40}
    lines |= {("ids", k): 100 + n for n, k in enumerate(ids)}
    lines |= {("aliases", k): 200 + n for n, k in enumerate(aliases)}
    lic.lines[lic.path("published-ids.yaml")] = lines
    return lic


ORIGINAL = "T\n一、定义\n1. 甲文\n2. 乙标识\n3. 丙\n4. 丁\n5. 戊\n6. 己\n8. 庚\n"
REGISTRY = {
    "s1": _registered("section", "一、", None, "定义"),
    "s8": _registered("item", "1.", "s1", "甲文"),  # aliased: not reported as removed, nor does it end the loop
    "s1-1": _registered("paragraph", "1.", "s1", "甲文"),  # another kind
    "s1-2": _registered("item", "9.", "s2", "乙X"),  # another parent, number and text
    "s1-2-mark": _registered("term", "", "s1-2", "标识"),
    "s9": _registered("item", "9.", "s1", "庚"),  # in neither text
    "s7": _registered("item", "7.", "s1", "辛"),  # aliased to a clause of another text
    "s1-old": _registered("item", "5.", "s1", "戊"),
    "s1-enonly": _registered("item", "7.", "s1", "x"),  # in one text only: ID-UNPAIRED's
    "s1-odd": "not an entry",
}
ALIASES = {"s8": "s1-1", "s7": "s1-new", "s1-old": "s1", "s6": "s5", "s1-en2": "s1-1"}


@pytest.mark.parametrize("original", [True, False])
def test_published_check_on_a_small_model(original):
    """Every rule at once. Number and text are compared only while the Chinese text is the original."""
    lic = _published_model(ORIGINAL if original else ORIGINAL + "辛", REGISTRY, ALIASES)
    yaml = "lic/published-ids.yaml"
    s1_2 = "parent 's2' → 's1'"
    if original:
        s1_2 += f"; number '9.' → '2.'; text {REGISTRY['s1-2']['text']!r} → {_registered('', '', '', '乙标识')['text']!r}"
    renamed = [  # the first and third compare texts: only while the Chinese text is the original
        f"{yaml}:201: ID-ALIAS s7: s7 named another clause than s1-new: an alias must lead to the same text",
        f"{yaml}:202: ID-ALIAS s1-old: s1-old has an alias but is still an ID of a text",
        f"{yaml}:202: ID-ALIAS s1-old: s1-old named another clause than s1: an alias must lead to the same text",
        f"{yaml}:204: ID-ALIAS s1-en2: s1-en2 has an alias but is still an ID of a text",
    ]
    assert [f.format() for f in published.check(lic)] == [
        "lic/zh.md:5: ID-REPOINTED s1-1: published ID s1-1 now names another clause: kind 'paragraph' → 'item'",
        f"lic/zh.md:7: ID-REPOINTED s1-2: published ID s1-2 now names another clause: {s1_2}",
        f"{yaml}:105: ID-REMOVED s9: published ID s9 is in neither text; keep it, or add the alias `s9: <new-id>`",
        "lic/zh.md:9: ID-UNREGISTERED s1-new: s1-new is not in published-ids.yaml; "
        "register a new ID with `python scripts/published_ids.py --write`",
        f"{yaml}:203: ID-ALIAS s6: the alias points to s5, which is not an ID of both texts",
        *(renamed if original else [renamed[1], renamed[3]]),
        "lic/zh.md:15: ID-RESERVED __drawer: the page already has an element with id '__drawer' (theme or page chrome)",
        "lic/en.md:15: ID-RESERVED __drawer: the page already has an element with id '__drawer' (theme or page chrome)",
    ]


@pytest.mark.parametrize("ids", [["s1"], "s1"])
def test_published_check_skips_a_registry_that_is_no_mapping(ids):
    """The schema check reports it; comparing with it would only add noise."""
    assert published.check(_published_model(ORIGINAL, ids, ALIASES)) == []


def test_generate_keeps_the_aliased_retired_ids_only():
    """s8 and s7 are aliased and in neither text: kept as they were. s9 is in neither text
    without an alias: dropped. s1-2, still a clause, has its current entry, not the registered one."""
    lic = _published_model(ORIGINAL, REGISTRY, ALIASES)
    ids = generate(lic)["ids"]
    assert {k: v for k, v in ids.items() if k not in entries(lic)} == {"s8": REGISTRY["s8"], "s7": REGISTRY["s7"]}
    assert ids["s1-2"] == entries(lic)["s1-2"] != REGISTRY["s1-2"]


@pytest.mark.parametrize("ids", [["s8"], "s8"])
def test_generate_from_a_registry_that_is_no_mapping_keeps_the_current_ids(ids):
    lic = _published_model(ORIGINAL, ids, ALIASES)
    assert generate(lic)["ids"] == entries(lic)
