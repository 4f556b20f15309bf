"""Verify a copy of the license: `python scripts/verify.py PATH|- [--json] [--lang auto|zh|en]`.

Prints the verdict, its evidence, each clause's status and a character diff of each
changed clause. Exit status: 0 identical or equivalent, 1 modified, partial or derived,
2 not this license, 3 bad input (unreadable, binary, empty, too large, unknown encoding).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# mkdocs.yml's `site_url: !ENV [SITE_URL, "…"]` (or a plain `site_url: …`).
SITE_URL_LINE = re.compile(r'^site_url:\s*(?:!ENV\s*\[\s*SITE_URL\s*,\s*)?"?([^"\]\s]+)', re.MULTILINE)
LANG_CODES = {"auto": "auto", "zh": "zh-Hans", "en": "en"}


def site_url() -> str:
    """The site's address, as the build takes it: SITE_URL, else mkdocs.yml's site_url."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    match = SITE_URL_LINE.search((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit("error: no site_url in mkdocs.yml; set SITE_URL")
    return match[1]


def _read(path: str) -> bytes:
    from licensekit.verify.decode import MAX_BYTES, BadInput

    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        target = Path(path)
        if not target.is_file():
            raise BadInput("unreadable", f"{path}: not a readable file")
        try:
            with target.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
        except OSError as err:
            raise BadInput("unreadable", f"{path}: {err.strerror}") from None
    return data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="verify.py", description="Is this text the baichuan-7B license, and what differs?")
    parser.add_argument("path", help="a text, Markdown or HTML file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the report as JSON (schema/verify-report.schema.json)")
    parser.add_argument(
        "--lang", choices=sorted(LANG_CODES), default="auto", help="compare with the Chinese or English text (default: auto)"
    )
    parser.add_argument(
        "--format",
        choices=("auto", "text", "markdown", "html"),
        default="auto",
        help="how to read the input (default: by name and content)",
    )
    args = parser.parse_args(argv)

    from licensekit.parse import load
    from licensekit.verify import BadInput, References, verify_bytes
    from licensekit.verify.report import bad, text

    url = site_url()
    refs = References(load(ROOT / "license"), url)
    try:
        data = _read(args.path)
        report = verify_bytes(data, refs, LANG_CODES[args.lang], "" if args.path == "-" else args.path, args.format)
    except BadInput as err:
        report = bad(err, url)
    out = json.dumps(report, ensure_ascii=False, indent=2) + "\n" if args.json else text(report)
    stream = sys.stderr if report["exit_code"] == 3 and not args.json else sys.stdout
    try:
        stream.write(out)
        stream.flush()
    except BrokenPipeError:
        # The reader (`| head`) stopped reading: not an error of ours, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return report["exit_code"]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
