"""The command lines and the MkDocs layer, in-process: check.py's main, build.py's swap, and
the hooks' refusal of a broken source."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import build
import check
import mkdocs_hooks
import pytest
from mkdocs.exceptions import Abort

from casebook import ROOT, broken_copy, cases, edited_copy


def test_check_main_on_the_real_sources(capsys):
    assert check.main([]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("", "")


def test_check_main_shows_information_with_all_only(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert check.main(["--all"]) == 0
    out, err = capsys.readouterr()
    assert "license/en.md:26: TERM-UNMARKED s1-output: uses “Model” without marking it" in out.splitlines()
    assert err == ""


@pytest.mark.parametrize("name", ["ref-missing-clause", "id-parent", "yaml-syntax"])
def test_check_main_prints_each_error_and_fails(name, tmp_path, capsys, monkeypatch):
    case = next(c for c in cases() if c.name == name)
    root = broken_copy(case, tmp_path / "license")
    monkeypatch.chdir(tmp_path)
    assert check.main([str(root)]) == 1
    out, err = capsys.readouterr()
    expected = ["license/" + line for line in case.expected_lines(root)]
    assert err.splitlines() == expected + [f"{len(expected)} error(s)"]
    assert out == ""


def test_check_main_prints_warnings_on_stdout_and_passes(tmp_path, capsys, monkeypatch):
    root = edited_copy(tmp_path / "license", [{"file": "en.md", "find": "*Governing law*", "replace": "*Final interpretation*"}])
    monkeypatch.chdir(tmp_path)
    assert check.main([str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["license/en.md:166: HEADING-DUPLICATE s5-2: heading “Final interpretation” is also used by s5-1"]
    assert err == ""


@pytest.mark.parametrize("name", ["text-changed", "ref-missing-clause"])
def test_hooks_refuse_a_broken_source(name, tmp_path, monkeypatch):
    case = next(c for c in cases() if c.name == name)
    broken_copy(case, tmp_path / "license")
    monkeypatch.setattr(mkdocs_hooks, "ROOT", tmp_path)
    monkeypatch.setattr(mkdocs_hooks, "state", {})
    with pytest.raises(Abort) as caught:
        mkdocs_hooks.on_config(SimpleNamespace())
    expected = ["license/" + line for line in case.expected_lines(tmp_path / "license")]
    assert str(caught.value).splitlines() == [f"the license sources have {len(expected)} error(s):", *expected]
    assert mkdocs_hooks.state == {}


def test_hooks_accept_the_real_sources_and_set_the_page_language(monkeypatch):
    monkeypatch.setattr(mkdocs_hooks, "state", {})
    config = SimpleNamespace()
    assert mkdocs_hooks.on_config(config) is config
    assert [c.id for c in mkdocs_hooks.state["license"].zh.clauses][:2] == ["s1", "s1-license"]
    page = SimpleNamespace(meta={"lang": "zh-Hans"})
    html = '<html lang="en"><p lang="en">x</p></html>'
    assert mkdocs_hooks.on_post_page(html, page, config) == '<html lang="zh-Hans"><p lang="en">x</p></html>'
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={}), config) == html


def test_source_date_is_the_last_commit():
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert mkdocs_hooks.source_date() == stamp
    assert stamp.isdigit()


def test_source_date_outside_a_repository_is_zero(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_hooks, "ROOT", tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert mkdocs_hooks.source_date() == "0"

    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(mkdocs_hooks.subprocess, "run", no_git)
    assert mkdocs_hooks.source_date() == "0"


def test_on_config_sets_source_date_epoch_only_when_unset(monkeypatch):
    monkeypatch.setattr(mkdocs_hooks, "state", {})
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    mkdocs_hooks.on_config(SimpleNamespace())
    assert mkdocs_hooks.os.environ["SOURCE_DATE_EPOCH"] == mkdocs_hooks.source_date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "123")
    mkdocs_hooks.on_config(SimpleNamespace())
    assert mkdocs_hooks.os.environ["SOURCE_DATE_EPOCH"] == "123"


def test_on_post_page_sets_only_the_page_language():
    html = '<html lang="en"><code>&lt;html lang="en"</code><html lang="x">'
    assert mkdocs_hooks.on_post_page(html, SimpleNamespace(meta={"lang": "zh-Hans"}), None) == (
        '<html lang="zh-Hans"><code>&lt;html lang="en"</code><html lang="x">'
    )


# -- build.py: a fresh folder, swapped in only on success ----------------------------------


def tiny_project(root: Path, page: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: t\ntheme: mkdocs\n", encoding="utf-8")
    return config


def test_build_swaps_in_a_good_site_and_keeps_it_on_failure(tmp_path, capfd):
    config = tiny_project(tmp_path / "project", "# One\n")
    site = tmp_path / "out" / "deeper" / "site"  # parent folders are made
    assert build.build(site, config) == 0
    assert "One" in (site / "index.html").read_text(encoding="utf-8")
    (config.parent / "docs" / "index.md").write_text("# Two\n", encoding="utf-8")
    assert build.build(site, config) == 0
    assert "Two" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    (config.parent / "docs" / "index.md").write_text("# Three\n\n[gone](missing.md)\n", encoding="utf-8")
    capfd.readouterr()
    assert build.build(site, config) != 0  # --strict: the broken link fails the build
    assert capfd.readouterr().err.splitlines()[-1] == f"build failed; {site} is unchanged"
    assert "Two" in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
    shutil.rmtree(site)
    assert build.build(site, config) != 0
    assert sorted(p.name for p in site.parent.iterdir()) == []


@pytest.fixture(scope="module")
def configured():
    """The real MkDocs configuration, after the hooks' on_config."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # as MkDocs sets it while running a hook
    saved = dict(mkdocs_hooks.state)
    mkdocs_hooks.on_config(config)
    yield config
    mkdocs_hooks.state.clear()
    mkdocs_hooks.state.update(saved)


def test_hooks_add_the_generated_pages_and_downloads(configured):
    from mkdocs.structure.files import Files

    files = mkdocs_hooks.on_files(Files([]), configured)
    assert [f.src_uri for f in files] == [
        "zh.md",
        "en.md",
        "parallel.md",
        "license.json",
        "schema/license.schema.json",
        "schema/metadata.schema.json",
        "spdx/LicenseRef-Baichuan-7B-Model-License.json",
        "spdx/LicenseRef-Baichuan-7B-Model-License.xml",
        "license.zh.txt",
        "license.en.txt",
        "scancode/baichuan-7b-model-2023.LICENSE",
        "huggingface/model-card.yml",
    ]
    by_uri = {f.src_uri: f for f in files}
    assert by_uri["zh.md"].content_string.startswith('---\ntitle: "baichuan-7B模型许可协议（中文原文）"')
    license_json = by_uri["license.json"].content_bytes.decode()
    assert '"$schema": "https://baichuan-7b-license.example.org/schema/license.schema.json"' in license_json
    assert [d.path for d in mkdocs_hooks.state["downloads"]] == [f.src_uri for f in files][3:]


def test_hooks_fill_the_hand_written_pages(configured):
    from mkdocs.structure.files import Files

    mkdocs_hooks.on_files(Files([]), configured)
    markdown = "A\n<!-- licensekit:cite-urls -->\n<!-- licensekit:downloads -->\n<!-- licensekit:outbound-links -->\n"
    filled = mkdocs_hooks.on_page_markdown(markdown, SimpleNamespace(), configured, None)
    assert "licensekit:" not in filled
    assert "- English: `https://baichuan-7b-license.example.org/en/#s2-2`\n" in filled
    assert "| [`/license.json`](license.json) | The whole license:" in filled
    assert "- <https://github.com/baichuan-inc/Baichuan-7B>\n" in filled


@pytest.mark.parametrize("uri,first", [("zh.md", "一、 定义"), ("en.md", "I. Definitions"), ("parallel.md", "I. Definitions")])
def test_hooks_give_the_text_pages_their_sections_as_contents(configured, uri, first):
    page = SimpleNamespace(file=SimpleNamespace(src_uri=uri), toc=None)
    assert mkdocs_hooks.on_page_content("<p>x</p>", page, configured, None) == "<p>x</p>"
    (title,) = list(page.toc)
    assert (title.id, title.level) == ("title", 1)
    assert [(c.id, c.level) for c in title.children] == [(s, 2) for s in ("s1", "s2", "s3", "s4", "s5", "appendix")]
    assert title.children[0].title == first


def test_hooks_leave_the_contents_of_other_pages(configured):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="notes.md"), toc="kept")
    assert mkdocs_hooks.on_page_content("<p>x</p>", page, configured, None) == "<p>x</p>"
    assert page.toc == "kept"
