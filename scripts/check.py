"""Check the license sources: `python scripts/check.py [--all] [LICENSE_DIR]`.

Without LICENSE_DIR it checks the project's `license/` and its hand-written `docs/`.

Prints one line per problem, `path:line: CODE clause-id: message`, and exits 1 if any
is an error. Warnings are printed but do not fail; informational findings (defined
terms used without being marked) only with `--all`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from licensekit import checks, pages
from licensekit.checks.docs import check_docs
from licensekit.parse import load

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    show_info = "--all" in argv
    args = [a for a in argv if a != "--all"]
    root = Path(args[0]) if args else ROOT / "license"
    findings = checks.run(load(root))
    if not args:  # the project's own tree: its hand-written pages too
        findings += check_docs(ROOT / "docs", [*pages.PARTS, *pages.EXTRA_PARTS])
    for finding in findings:
        if finding.level == "info" and not show_info:
            continue
        print(finding.format(Path.cwd()), file=sys.stderr if finding.level == "error" else sys.stdout)
    bad = checks.errors(findings)
    if bad:
        print(f"{len(bad)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
