"""One place names the site engine: MkDocs by default, ProperDocs (its maintained
continuation) with SITE_ENGINE=properdocs. What differs by engine runs on each (the
`each_engine` fixture); the other site tests run on MkDocs, held for ProperDocs by the byte
comparison of the two builds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import build, soup

import engine
from casebook import ROOT

GENERATOR = {"mkdocs": "mkdocs-1.6.1, mkdocs-material-9.8.1", "properdocs": "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"}


@pytest.fixture(scope="module")
def built(site, tmp_path_factory):
    """`built(name)`: the site as engine `name` builds it; the `site` fixture's for the engine
    that built it (module fixtures are set up before `each_engine` sets another)."""
    sites = {engine.name(): site}

    def get(name: str) -> Path:
        if name not in sites:
            dest = tmp_path_factory.mktemp(name) / "site"
            result = build(dest, env={"SITE_ENGINE": name})
            assert result.returncode == 0, result.stderr
            assert "WARNING" not in result.stderr, result.stderr
            sites[name] = dest
        return sites[name]

    return get


def test_the_site_is_built_by_the_selected_engine(built, each_engine):
    meta = soup(built(each_engine) / "index.html").find("meta", attrs={"name": "generator"})
    assert meta["content"] == GENERATOR[each_engine]


@pytest.mark.parametrize(("value", "module"), [("", "mkdocs"), ("mkdocs", "mkdocs"), ("properdocs", "properdocs")])
def test_engine_command(monkeypatch, value, module):
    monkeypatch.setenv("SITE_ENGINE", value)
    assert engine.command("build", "-q") == [sys.executable, "-m", module, "build", "-q"]


def test_engine_launcher():
    assert engine.launcher("serve", "-a", "x") == [sys.executable, str((ROOT / "scripts" / "engine.py").resolve()), "serve", "-a", "x"]


JIEBA_ALONE = """
import sys
sys.path.insert(0, "scripts")
import engine
engine.import_jieba()
import jieba, jieba._compat
with jieba.get_dict_file() as data:  # opened by path, not through pkg_resources
    first = data.readline().decode()
print("pkg_resources" in sys.modules, "jieba" in sys.modules, first.split()[0], jieba._compat.get_module_res.__module__)
import pkg_resources  # still importable by whatever wants it later
print("pkg_resources" in sys.modules)
"""


def test_the_launcher_imports_jieba_without_pkg_resources():
    result = subprocess.run([sys.executable, "-W", "ignore", "-c", JIEBA_ALONE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["False True AT&T jieba._compat", "True"]


def test_the_launcher_leaves_scripts_off_the_path_as_the_module_does(tmp_path, each_engine):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: material\nplugins: []\nhooks: [show.py]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# t\n", encoding="utf-8")
    (tmp_path / "show.py").write_text(
        "import sys\nprint('PATH0', sys.path[1])  # [0] is the hook's own folder, while it loads\n", encoding="utf-8"
    )
    for cmd in (engine.launcher("build", "-q"), engine.command("build", "-q")):
        out = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=engine.environ(), check=True).stdout
        assert [line for line in out.splitlines() if line.startswith("PATH0")] == [f"PATH0 {tmp_path}"]


@pytest.mark.parametrize("args", [["--version"], ["build", "--help"]])
def test_the_launcher_runs_the_engine_as_its_module_does(args, each_engine):
    launched = subprocess.run(engine.launcher(*args), cwd=ROOT, capture_output=True, text=True, env=engine.environ())
    module = subprocess.run(engine.command(*args), cwd=ROOT, capture_output=True, text=True, env=engine.environ())
    assert (launched.returncode, launched.stdout, launched.stderr) == (module.returncode, module.stdout, module.stderr)
    assert launched.returncode == 0 and launched.stdout
    if args == ["--version"]:
        assert launched.stdout.startswith(f"python -m {each_engine}, version ")


@pytest.mark.parametrize("value", ["zensical", "MkDocs", "mkdocs "])
def test_an_unknown_engine_is_refused_in_one_line(value):
    result = subprocess.run([sys.executable, "scripts/engine.py", "build"], cwd=ROOT, capture_output=True, text=True,
                            env={**engine.environ(), "SITE_ENGINE": value})  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == f"SITE_ENGINE={value!r}: use one of mkdocs, properdocs\n"


ENGINE_CALL = re.compile(r"""-m["',\s]+(mkdocs|properdocs)\b|\b(mkdocs|properdocs) (build|serve)\b""")


@pytest.mark.repo  # reads the code base itself
def test_no_call_site_but_one_names_the_engine():
    files = [p for p in (ROOT / "scripts").rglob("*.py")] + [p for p in (ROOT / "tests").glob("*.py")]
    files += [ROOT / "Makefile", ROOT / ".ci" / "run", *(ROOT / ".github" / "workflows").glob("*.yml")]
    naming = sorted(
        str(p.relative_to(ROOT)) for p in files if p.name != "test_engine.py" and ENGINE_CALL.search(p.read_text(encoding="utf-8"))
    )
    assert naming == []
    assert ENGINE_CALL.search('[sys.executable, "-m", "mkdocs", "build"]') and ENGINE_CALL.search("runs `mkdocs build --strict`")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_both_engines_build_the_same_site_but_for_the_generator(built):
    """The site tests run on MkDocs: this holds them for ProperDocs, and fails once the two part."""
    ours, theirs = files(built("mkdocs")), files(built("properdocs"))
    assert sorted(ours) == sorted(theirs)
    tag = '<meta name="generator" content="{}">'
    for name, data in ours.items():
        mine = data.replace(tag.format(GENERATOR["mkdocs"]).encode(), tag.format(GENERATOR["properdocs"]).encode())
        assert mine == theirs[name], name
    # Every page names its engine, so the loop above compared each one after that swap.
    pages = [n for n in ours if n.endswith(".html")]
    assert len(pages) > 5
    assert all(tag.format(GENERATOR["mkdocs"]).encode() in ours[n] for n in pages)
    assert all(tag.format(GENERATOR["properdocs"]).encode() in theirs[n] for n in pages)
