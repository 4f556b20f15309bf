"""What the build adds to the search index for the site's search worker (licensekit.searchindex)."""

from __future__ import annotations

import json

import pytest

from licensekit import searchindex


@pytest.mark.parametrize(
    "location,kind",
    [
        ("zh/", "page"),
        ("", "page"),
        ("downloads/", "page"),
        ("zh/#s1", "heading"),
        ("en/#s4", "heading"),
        ("en/#appendix", "heading"),
        ("zh/#s1-model-derivatives", "definition"),
        ("en/#s1-you", "definition"),
        ("zh/#s2-grant", "clause"),
        ("en/#s4-3-ix", "clause"),
        ("en/#appendix-2-agent-name", "clause"),
        ("zh/#title", "clause"),
        ("notes/#note-licensee", "note"),
        ("#limitations", "note"),
        ("parallel/#s1", "note"),
    ],
)
def test_kind(location, kind):
    assert searchindex.kind(location) == kind


def test_traditional_maps_the_forms_of_the_characters_in_the_text():
    table = searchindex.traditional("许可协议，个人信息；适用法律 ABC 许")
    assert table["許"] == "许" and table["協"] == "协" and table["議"] == "议"
    assert table["個"] == "个" and table["適"] == "适"
    assert "資" not in table  # 资 is not in the text: the table stays small
    assert set(table.values()) <= set("许可协议个人信息适用法律")
    assert all(len(k) == 1 and k != v for k, v in table.items())


def test_traditional_of_text_without_han_is_empty():
    assert searchindex.traditional("License, 2023-06-15, “as is”") == {}


def test_the_table_is_remembered_per_user_by_its_characters(tmp_path, monkeypatch):
    """OpenCC runs once per set of characters; the next build reads the table it made."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    searchindex.remembered.cache_clear()
    calls = []
    real = searchindex.traditional
    monkeypatch.setattr(searchindex, "traditional", lambda chars: calls.append(chars) or real(chars))
    folder = tmp_path / "baichuan-7b-license" / "opencc"
    assert searchindex.remembered("个许") == real("许个") == {"個": "个", "許": "许"}
    assert calls == ["个许"] and len(list(folder.iterdir())) == 1
    searchindex.remembered.cache_clear()
    assert searchindex.remembered("个许") == {"個": "个", "許": "许"} and calls == ["个许"]  # read back
    assert searchindex.remembered("议") == {"議": "议"} and calls == ["个许", "议"]  # other characters, another table
    assert len(list(folder.iterdir())) == 2
    # A damaged or emptied file is made again, never trusted.
    for damaged in ("{", "", "[1, 2", "[1, 2]", "null"):
        for path in folder.iterdir():
            path.write_text(damaged, encoding="utf-8")
        searchindex.remembered.cache_clear()
        calls.clear()
        assert searchindex.remembered("个许") == {"個": "个", "許": "许"} and calls == ["个许"]
    searchindex.remembered.cache_clear()


def test_the_table_is_made_where_the_cache_cannot_be_written(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file: no folder can be made in it
    searchindex.remembered.cache_clear()
    assert searchindex.remembered("协许") == {"協": "协", "許": "许"}
    searchindex.remembered.cache_clear()


def test_enrich_marks_kinds_drops_note_marks_and_keeps_the_rest():
    index = {
        "config": {"lang": ["en"], "separator": "x"},
        "docs": [
            {"location": "zh/#s1-licensor", "title": "许可方", "text": "<p>“许可方”是指<sup>[\u200b译注\u200b]</sup></p>", "boost": 2},
            {"location": "zh/#s2", "title": "二、 許可", "text": "<p></p><sup>[译注]</sup><sup>[原文如此]</sup>"},
        ],
    }
    out = searchindex.enrich(index)
    assert out["config"]["lang"] == ["en"] and out["config"]["separator"] == "x"
    assert out["config"]["traditional"]["許"] == "许"
    assert out["docs"][0] == {
        "location": "zh/#s1-licensor",
        "title": "许可方",
        "text": "<p>“许可方”是指</p>",
        "boost": 2,
        "kind": "definition",
    }
    assert out["docs"][1]["text"] == "<p></p>" and out["docs"][1]["kind"] == "heading"
    assert index["docs"][0]["text"].endswith("</sup></p>")  # the input is left as it was


def test_the_built_index_has_a_kind_everywhere_and_no_note_marks(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    kinds = [doc["kind"] for doc in index["docs"]]
    assert kinds.count("definition") == 2 * 12 and kinds.count("heading") == 2 * 6
    assert not any("<sup>" in doc["text"] for doc in index["docs"])
    assert index["config"]["traditional"]["許"] == "许"


@pytest.mark.parametrize(
    "before,after",
    [
        ('"search": "../assets/javascripts/workers/search.a7633da7.min.js"', '"search": "../assets/search-worker.js"'),
        ('"search": "/repo/assets/javascripts/workers/search.0123abcd.min.js"', '"search": "/repo/assets/search-worker.js"'),
        ('"search": "assets/javascripts/workers/search.ffff.min.js"', '"search": "assets/search-worker.js"'),
    ],
)
def test_retarget_points_the_page_at_the_sites_worker(before, after):
    assert searchindex.retarget(f"<script>{before}</script>") == f"<script>{after}</script>"


def test_retarget_leaves_other_scripts_alone():
    html = '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert searchindex.retarget(html) == html
