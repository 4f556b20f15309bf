"""The dev server (`make serve`) rebuilds when a license source changes, and never hangs:
while a source is broken every page is an error page listing the findings, and the next
good save brings the site back."""

from __future__ import annotations

import html
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_publish import project_copy

import engine
from casebook import LICENSE, ROOT, broken_copy, cases

pytestmark = pytest.mark.slow  # runs the dev server

CASES = {c.name: c for c in cases()}


def fetch(url: str) -> tuple[int, str]:
    """Status and body; a server that does not answer within 5 s fails the test."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    """The page's body once its text (entities decoded) holds `text`."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = fetch(url)[1]
        except OSError:  # not listening yet
            body = ""
        if text in html.unescape(body):
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}; last body: {body[:500]!r}")


class DevServer:
    def __init__(self, project: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        cmd = engine.launcher("serve", "--dev-addr", f"127.0.0.1:{port}")
        self.process = subprocess.Popen(cmd, cwd=project, env=engine.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def replace_license(project: Path, case_name: str | None) -> list[str]:
    """Swap in a good license folder, or a broken one; returns the expected finding lines."""
    staged = project / "staged"
    shutil.rmtree(staged, ignore_errors=True)
    if case_name is None:
        shutil.copytree(LICENSE, staged)
        expected = []
    else:
        broken_copy(CASES[case_name], staged)
        expected = ["license/" + line for line in CASES[case_name].expected_lines(staged)]
    for path in sorted(staged.iterdir()):
        if path.is_file():
            shutil.copy(path, project / "license" / path.name)  # a save in place, as an editor does
    return expected


PAGES = ("", "zh/", "en/", "parallel/", "notes/", "downloads/")


def assert_error_site(base: str, expected: list[str]) -> None:
    marker = expected[0]
    wait_for(base + "zh/", marker)
    for path in (*PAGES, "license.json", "no-such-page/"):
        status, body = fetch(base + path)
        assert status == (200 if path in PAGES else 404), path
        assert f"{len(expected)} error(s) in the license sources" in body, path
        listed = [html.unescape(line) for line in body.split("<li><code>")[1:]]
        assert [line.split("</code>")[0] for line in listed] == expected, path
        assert "No military or illegal purposes" not in body and "不得用于军事或非法目的" not in body  # never the broken text
        if path in PAGES:
            assert "livereload" in body, path  # refreshed by live reload


def test_broken_sources_serve_an_error_page_and_recover(tmp_path, each_engine):
    project = project_copy(tmp_path / "project")
    shutil.copytree(LICENSE, project / "license")
    expected = replace_license(project, "text-changed")
    server = DevServer(project)
    try:
        assert_error_site(server.base, expected)  # broken from the start
        replace_license(project, None)
        wait_for(server.base + "en/", "No military or illegal purposes")
        assert fetch(server.base + "license.json")[0] == 200
        expected = replace_license(project, "html-event-handler")  # findings that hold markup
        assert any("<" in line for line in expected)
        assert_error_site(server.base, expected)
        assert_error_site(server.base, replace_license(project, "ref-missing-clause"))  # broken differently
        replace_license(project, None)
        wait_for(server.base + "zh/", "不得用于军事或非法目的")
    finally:
        server.stop()


def test_serve_reloads_on_license_change(tmp_path, each_engine):
    project = project_copy(tmp_path / "project")
    shutil.copytree(LICENSE, project / "license")
    server = DevServer(project)
    try:
        url = server.base + "en/"
        wait_for(url, "No military or illegal purposes")
        for name in ("license.zh.txt", "license.en.txt"):  # a charset, or the Chinese reads as mojibake
            with urllib.request.urlopen(server.base + name, timeout=5) as response:
                assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
        en = project / "license" / "en.md"
        en.write_text(
            en.read_text(encoding="utf-8").replace("*No military or illegal purposes*", "*No military or unlawful purposes*"),
            encoding="utf-8",
        )
        wait_for(url, "No military or unlawful purposes")
    finally:
        server.stop()


def test_rebuilds_reuse_compiled_templates_and_the_theme_listing(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    import templatecache

    (tmp_path / "a.html").write_text("{{ x }}", encoding="utf-8")
    get_env = templatecache.reusing(lambda: Environment(loader=FileSystemLoader([str(tmp_path)]), auto_reload=False))
    first, second = get_env(), get_env()
    assert first.list_templates() == ["a.html"]
    assert first.get_template("a.html").render(x=1) == "1"
    compiled = len(templatecache.CACHE.compiled)
    (tmp_path / "b.html").write_text("b", encoding="utf-8")
    assert second.list_templates() == ["a.html"]  # listed once per process
    assert get_env().list_templates() == ["a.html"]  # by an environment made later, too
    assert second.get_template("a.html").render(x=2) == "2"
    assert len(templatecache.CACHE.compiled) == compiled  # loaded, not compiled again
    (tmp_path / "a.html").write_text("{{ x }}!", encoding="utf-8")
    assert get_env().get_template("a.html").render(x=3) == "3!"  # an edited template recompiles


def test_the_theme_listing_leaves_out_hidden_folders_alone(tmp_path):
    from jinja2 import Environment, FileSystemLoader
    from mkdocs.config import load_config

    import templatecache

    config = load_config(str(ROOT / "mkdocs.yml"))
    loader = FileSystemLoader(config.theme.dirs)
    full, visible = loader.list_templates(), templatecache.visible_templates(loader)
    hidden = [name for name in full if any(part.startswith(".") for part in name.split("/")[:-1])]
    assert len(hidden) > 10_000 and all(name.startswith(".icons/") for name in hidden)
    assert visible == [name for name in full if name not in hidden]
    assert "partials/javascripts/palette.html" in visible and "404.html" in visible
    # Hidden folders at any depth; hidden files stay (MkDocs' own filter drops them).
    for name in ("a.html", ".b.html", "c/d.css", ".e/f.svg", "c/.g/h.js", "c/.i", "j/k/l.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    loader = FileSystemLoader([str(tmp_path), str(tmp_path / "c")])
    assert templatecache.visible_templates(loader) == [".b.html", ".i", "a.html", "c/.i", "c/d.css", "d.css", "j/k/l.js"]
    env = templatecache.on_disk(lambda: Environment(loader=loader), tmp_path / "cache")()
    assert env.list_templates() == templatecache.visible_templates(loader)
