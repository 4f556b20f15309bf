"""Check the license sources: `python scripts/check.py [--all] [LICENSE_DIR]`.

Without LICENSE_DIR it checks the project's `license/` and its hand-written `docs/`.

Prints one line per problem, `path:line: CODE clause-id: message`, and exits 1 if any
is an error. Warnings are printed but do not fail; informational findings (defined
terms used without being marked) only with `--all`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from licensekit import checks, pages
from licensekit.checks.docs import check_docs
from licensekit.parse import load

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description="Check the license sources; exit 1 on any error.")
    parser.add_argument(
        "license_dir", nargs="?", type=Path, help="a license folder (default: the project's license/, with its docs/ pages)"
    )
    parser.add_argument("--all", action="store_true", help="also print informational findings")
    args = parser.parse_args(argv)
    findings = checks.run(load(args.license_dir or ROOT / "license"))
    if args.license_dir is None:  # the project's own tree: its hand-written pages too
        findings += check_docs(ROOT / "docs", [*pages.PARTS, *pages.EXTRA_PARTS])
    for finding in findings:
        if finding.level == "info" and not args.all:
            continue
        print(finding.format(Path.cwd()), file=sys.stderr if finding.level == "error" else sys.stdout)
    bad = checks.errors(findings)
    if bad:
        print(f"{len(bad)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
