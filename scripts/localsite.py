"""A built site on loopback, in Debian's chromium: shared by the tests and the benchmarks."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

from licensekit.mediatype import with_charset

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def guess_type(self, path) -> str:
        return with_charset(super().guess_type(path))


class _Gzip(_Quiet):
    """Compresses text as a static host would, for measurements of what readers receive."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
            or not (kind.startswith("text/") or kind.endswith(("json", "javascript", "xml")))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, port: int = 0, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a loopback port (a free one by default); returns the server and its base URL."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
