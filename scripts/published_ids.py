"""Write or compare the published-ID registry: `python scripts/published_ids.py [--write] [LICENSE_DIR]`.

Without `--write`, prints the differences between `license/published-ids.yaml` and
what the texts call for, and exits 1 if there are any. `--write` rewrites the file:
run it only on purpose, when an ID is added, or retired with an alias. It refuses to
write while a published ID is missing, renamed or re-pointed without an alias.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from licensekit.checks import published
from licensekit.parse import load
from licensekit.registry import generate

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Every clause ID and inline term anchor ever published, with what identifies its clause:
# kind, the number as printed in the Chinese text, parent, and the first 16 hex digits of
# the SHA-256 of its Chinese text without spaces and line breaks. Never drop an entry:
# an ID that is renamed or retired stays listed and gets an alias (old ID: current ID),
# so that links to it keep working. Written by `python scripts/published_ids.py --write`;
# `reviewed` holds a hash of each text of ours (the English, the captions, the metadata,
# glossary, errata and notes) as last reviewed: a changed text is refused until it is
# reviewed and recorded again with --write (licensekit/reviewed.py).
# Validated against schema/published-ids.schema.json; checked by checks/published.py and checks/review.py.
"""


def dump(registry: dict) -> str:
    ids = {k: v for k, v in registry.items() if k != "reviewed"}
    text = yaml.safe_dump(ids, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)
    reviewed = yaml.safe_dump({"reviewed": registry["reviewed"]}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return HEADER + text + reviewed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the registry from the texts")
    parser.add_argument("license_dir", nargs="?", type=Path, default=ROOT / "license")
    args = parser.parse_args(argv)
    lic = load(args.license_dir)
    path = args.license_dir / "published-ids.yaml"
    text = dump(generate(lic))
    if args.write:
        # Writing registers new IDs only: it never drops, renames or re-points a published one.
        refused = [f for f in published.check(lic) if f.code in ("ID-REMOVED", "ID-REPOINTED", "ID-ALIAS")]
        for finding in refused:
            print(finding.format(Path.cwd()), file=sys.stderr)
        if refused:
            print("not written: a published ID may not disappear or change; keep it, or retire it with an alias", file=sys.stderr)
            return 1
        path.write_text(text, encoding="utf-8")
        return 0
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current != text:
        print(f"{path} differs from what the texts call for; review, then run with --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
