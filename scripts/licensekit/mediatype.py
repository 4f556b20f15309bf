"""The media types the site is served with, by the dev server and the local test server."""

from __future__ import annotations


def with_charset(kind: str) -> str:
    """A text type with `charset=utf-8`: every text file of the site is UTF-8, and without the
    charset a browser decodes license.zh.txt as Latin-1 (mojibake)."""
    return f"{kind}; charset=utf-8" if kind.startswith("text/") and "charset=" not in kind else kind
