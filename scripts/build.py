"""Build the site so that a failed build never replaces a good one.

`python scripts/build.py [SITE_DIR]` runs the site engine's `build --strict` into a fresh folder
beside SITE_DIR (default: site/) and swaps it in only when the build succeeds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import engine

ROOT = Path(__file__).resolve().parent.parent


def build(site: Path, config: Path = ROOT / "mkdocs.yml") -> int:
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    cmd = engine.command("build", "--strict", "--config-file", str(config), "--site-dir", str(fresh))
    result = subprocess.run(cmd, cwd=config.parent, env=engine.environ())
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


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
