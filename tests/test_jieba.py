"""The trimmed jieba dictionary: generated from the sources, current, never committed, and
segmenting the site exactly as jieba's full dictionary does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import jieba
import pytest

from casebook import ROOT, ascii_locale
from licensekit import jiebadict
from licensekit.pages import search_words
from licensekit.parse import load


def site_runs(site) -> set[str]:
    """Every run of Han characters that Material's search segmented, as one string again."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return jiebadict.han_runs(d[k].replace("\u200b", "") for d in docs for k in ("title", "text"))


def test_every_run_of_the_site_lies_inside_a_run_of_the_sources(site):
    runs = site_runs(site)
    sources = "\n".join(sorted(jiebadict.han_runs(jiebadict.source_texts(ROOT))))
    assert len(runs) > 300
    missing = sorted(r for r in runs if r not in sources)
    assert missing == []


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory):
    """jieba with its full dictionary and with the trimmed one, each with the build's added words."""
    words = search_words(load(ROOT / "license"))
    full, trimmed = jieba.Tokenizer(), jieba.Tokenizer(str(jiebadict.dictionary(ROOT)))
    for tok in (full, trimmed):
        tok.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
        for word in words:
            tok.add_word(word)
    return full, trimmed


def test_trimmed_dictionary_segments_the_site_as_the_full_one(site, tokenizers):
    full, trimmed = tokenizers
    assert full.total == trimmed.total  # the filler keeps the total that every score divides by
    for run in sorted(site_runs(site)):
        assert list(trimmed.cut(run)) == list(full.cut(run)), run


@pytest.mark.parametrize("phrase", ["人工智能模型的知识产权", "数据处理", "北京市海淀区"])
def test_a_new_word_in_the_sources_regenerates_the_dictionary(tmp_path, tokenizers, phrase):
    """The dictionary follows the sources without a hand step: a new phrase in a page adds its words."""
    project = tmp_path / "p"
    for name in ("license", "docs", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    before = jiebadict.dictionary(project)
    with (project / "docs" / "notes.md").open("a", encoding="utf-8") as notes:
        notes.write(f"\n{phrase}\n")
    after = jiebadict.dictionary(project)
    assert after != before
    full, _ = tokenizers
    trimmed = jieba.Tokenizer(str(after))
    trimmed.tmp_dir = str(tmp_path)
    assert list(trimmed.cut(phrase)) == list(full.cut(phrase))
    old = jieba.Tokenizer(str(before))
    old.tmp_dir = str(tmp_path)
    assert list(old.cut(phrase)) != list(full.cut(phrase))  # the stale dictionary would have missed them


def test_the_dictionary_is_generated_outside_the_repository_and_never_committed():
    assert not jiebadict.dictionary(ROOT).resolve().is_relative_to(ROOT)
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert [p for p in tracked if "dict" in p and p.endswith(".txt")] == []


FULL = ["一 10 m\n", "一个 5 m\n", "许可 7 v\n", "许可方 3 n\n", "可方式 4 l\n", "方 2 n\n", "其他 100 r\n", "\n"]


@pytest.mark.parametrize(
    ("runs", "kept", "dropped"),
    [
        ({"许可方"}, ["许可 7 v", "许可方 3 n", "方 2 n"], 119),
        ({"一个许可方式"}, ["一 10 m", "一个 5 m", "许可 7 v", "许可方 3 n", "可方式 4 l", "方 2 n"], 100),
        ({"一", "方"}, ["一 10 m", "方 2 n"], 119),
        ({"其"}, [], 131),
        (set(), [], 131),
    ],
    ids=["inside-one-run", "every-length", "one-character-runs", "no-word", "no-run"],
)
def test_trimmed_keeps_the_words_inside_the_runs_and_the_total(runs, kept, dropped):
    text = jiebadict.trimmed(runs, FULL)
    assert text == "\n".join([*kept, f"\ue000 {dropped} x"]) + "\n"
    total = sum(int(line.split(" ")[1]) for line in text.splitlines())
    assert total == 131  # jieba divides every score by the total: it must not change


def test_trimmed_keeps_a_line_as_it_is_but_its_newline():
    assert jiebadict.trimmed({"许可方"}, ["许可 7 X \n", "许可方 3 X\n"]) == "许可 7 X \n许可方 3 X\n\ue000 0 x\n"


def test_a_changed_full_dictionary_read_as_utf8_regenerates_the_trimmed_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    full = tmp_path / "dict.txt"
    full.write_bytes("".join(FULL).encode())
    monkeypatch.setattr(jiebadict, "full_dictionary", lambda: full)
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("许可方\n", encoding="utf-8")
    with ascii_locale():  # read as UTF-8 whatever the locale
        before = jiebadict.dictionary(project)
        full.write_bytes(("".join(FULL) + "可方 6 n\n").encode())  # another jieba's dictionary, one word more
        after = jiebadict.dictionary(project)
    assert before.read_text(encoding="utf-8") == "许可 7 v\n许可方 3 n\n方 2 n\n\ue000 119 x\n"
    assert after.read_text(encoding="utf-8") == "许可 7 v\n许可方 3 n\n方 2 n\n可方 6 n\n\ue000 119 x\n"


def test_a_missing_dictionary_is_generated_into_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# 许可方\n\n本协议的许可方\n", encoding="utf-8")
    path = jiebadict.dictionary(project)
    assert path.parent == tmp_path / "cache" / "baichuan-7b-license" / "jieba"
    assert path.name.startswith("dict-") and path.suffix == ".txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    words = [line.split(" ")[0] for line in lines]
    assert {"许可", "协议", "本", "的"} <= set(words)
    assert "其他" not in words and words[-1] == "\ue000"
    assert [p.name for p in path.parent.iterdir() if not p.name.startswith("runs-")] == [path.name]  # no half-written file
    assert jiebadict.dictionary(project) == path  # the same sources: the same file, not regenerated


def test_the_runs_of_the_sources_are_remembered_until_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(jiebadict, "_FILE_RUNS", {})
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    page, other = project / "docs" / "a.md", project / "docs" / "b.md"
    page.write_text("# 许可协议\n\nA 模型[衍生品](#x)\n", encoding="utf-8")
    other.write_text("第三方\n", encoding="utf-8")
    reads = []
    real = jiebadict._text
    monkeypatch.setattr(jiebadict, "_text", lambda path: reads.append(path.name) or real(path))
    assert jiebadict.source_runs(project) == ["模型衍生品", "第三方", "许可协议"] and reads == ["a.md", "b.md"]
    assert jiebadict.source_runs(project) == ["模型衍生品", "第三方", "许可协议"] and reads == ["a.md", "b.md"]
    # The same size, another time: that file alone is read again; so is a new file.
    page.write_text("# 许可条件\n\nA 模型[衍生品](#x)\n", encoding="utf-8")
    os.utime(page, ns=(1, 1))
    assert jiebadict.source_runs(project) == ["模型衍生品", "第三方", "许可条件"] and reads[2:] == ["a.md"]
    (project / "docs" / "c.md").write_text("数据\n", encoding="utf-8")
    assert jiebadict.source_runs(project) == ["数据", "模型衍生品", "第三方", "许可条件"] and reads[3:] == ["c.md"]
    other.unlink()
    assert jiebadict.source_runs(project) == ["数据", "模型衍生品", "许可条件"] and reads[4:] == []
    # Another process: what was remembered on disk is read back, and a damaged record never trusted.
    monkeypatch.setattr(jiebadict, "_FILE_RUNS", {})
    assert jiebadict.source_runs(project) == ["数据", "模型衍生品", "许可条件"] and reads[4:] == []
    for damaged in ("[", '"x"', "[1]", ""):
        for kept in (tmp_path / "cache").rglob("runs-*.json"):
            kept.write_text(damaged, encoding="utf-8")
        monkeypatch.setattr(jiebadict, "_FILE_RUNS", {})
        del reads[:]
        assert jiebadict.source_runs(project) == ["数据", "模型衍生品", "许可条件"] and sorted(reads) == ["a.md", "c.md"]


def test_a_source_whose_name_is_not_utf8_is_read(tmp_path, monkeypatch):
    """Its path is part of the remembered record's key: a byte that is not UTF-8 in a file name
    (Linux allows any) must not stop the dictionary."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(jiebadict, "_FILE_RUNS", {})
    (tmp_path / "p" / "docs").mkdir(parents=True)
    (tmp_path / "p" / "docs" / os.fsdecode(b"\xff.md")).write_text("许可\n", encoding="utf-8")
    assert jiebadict.source_runs(tmp_path / "p") == ["许可"]


def test_the_remembered_runs_are_those_of_the_sources():
    assert jiebadict.source_runs(ROOT) == sorted(jiebadict.han_runs(jiebadict.source_texts(ROOT)))


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("a.md", "# 许可\n\n[模型衍生品](#s1-x)用作 *强调* `代码` {#id}\n".encode(), "许可模型衍生品用作强调代码"),
        ("a.yaml", "zh-Hans: 模型 [衍生品]{.x}\n".encode(), "zh-Hans:模型衍生品"),
        ("a.py", '"[许可](#x)" * 2\n'.encode(), '"[许可](#x)"*2'),
        ("a.html", b"<p>\xe8\xae\xb8\xff\xe5\x8f\xaf</p>", "<p>许\ufffd可</p>"),  # a broken byte is one replacement character
    ],
)
def test_the_text_of_a_source_without_markup_or_whitespace(tmp_path, name, content, text):
    (tmp_path / name).write_bytes(content)
    with ascii_locale():  # read as UTF-8 whatever the locale
        assert jiebadict._text(tmp_path / name) == text


def test_jieba_caches_in_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(jieba.dt, "tmp_dir", None)
    folder = tmp_path / "baichuan-7b-license" / "jieba"
    assert jiebadict.use_user_cache() == folder
    assert jieba.dt.tmp_dir == str(folder) and folder.is_dir()
