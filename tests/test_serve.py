"""`mkdocs serve` rebuilds when a license source changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from test_publish import project_copy

from casebook import ROOT


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_serve_reloads_on_license_change(tmp_path):
    import shutil

    project = project_copy(tmp_path / "project")
    shutil.copytree(ROOT / "license", project / "license")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/en/"
        assert wait_for(url, "No military or illegal purposes")
        en = project / "license" / "en.md"
        text = en.read_text(encoding="utf-8")
        en.write_text(text.replace("*No military or illegal purposes*", "*No military or unlawful purposes*"), encoding="utf-8")
        assert wait_for(url, "No military or unlawful purposes")
    finally:
        server.terminate()
        server.wait(timeout=10)
