"""The Content-Security-Policy of every page: scripts from the site itself, plus the
theme's own inline scripts, allowed one by one by the SHA-256 of their text.

A `<meta http-equiv>` policy works on any static host, and a hash needs no server to
mint a nonce per response.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly one inline script's text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of each plain `<script>…</script>` in a template's output."""
    return INLINE_SCRIPT.findall(html)


def policy(hashes: list[str]) -> str:
    """The policy: this origin only, no plugins, no <base> elsewhere, inline script by hash only."""
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {scripts}",
            # The theme's stylesheet draws its icons as data: SVG images; an image cannot run script.
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def meta(hashes: list[str]) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)


def add_meta(html: str, hashes: list[str]) -> str:
    """Put the policy right after `<meta charset>`, before any script can run."""
    html, count = CHARSET.subn(lambda m: m.group(0) + "\n    " + meta(hashes), html, count=1)
    if count != 1:
        raise ValueError("no <meta charset> to put the Content-Security-Policy after")
    return html
