"""Build the site so that a failed build never replaces a good one.

`python scripts/build.py [--release] [SITE_DIR]` runs `mkdocs build --strict` into a fresh
folder beside SITE_DIR (default: site/) and swaps it in only when the build succeeds.
`--release` (or CI set in the environment) refuses the placeholder site_url.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, config: Path = ROOT / "mkdocs.yml", release: bool = False) -> int:
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({"LICENSEKIT_RELEASE": "1"} if release else {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(fresh)]
    result = subprocess.run(cmd, cwd=config.parent, env=env)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        print(f"build failed; {site} is unchanged", file=sys.stderr)
        return result.returncode
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the site; replace SITE_DIR only if the build succeeds.")
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="where the site goes (default: site/)")
    parser.add_argument("--release", action="store_true", help="a build for publishing: refuse the placeholder site_url")
    args = parser.parse_args(argv)
    return build(args.site, release=args.release)


if __name__ == "__main__":
    sys.exit(main())
