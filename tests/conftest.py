from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casebook import LICENSE  # noqa: E402
from licensekit.parse import load  # noqa: E402


@pytest.fixture(scope="session")
def lic():
    """The real sources, parsed once."""
    return load(LICENSE)
