"""The verifier: every vector's verdict and per-clause statuses exactly, and the CLI."""

from __future__ import annotations

import pytest
from verify_vectors import observed, vectors

from casebook import LICENSE
from licensekit.parse import load
from licensekit.verify import References, verify_text

SITE = "https://example.org/sub/"
VECTORS = list(vectors(load(LICENSE)))


@pytest.fixture(scope="module")
def refs(lic):
    return References(lic, SITE)


@pytest.mark.parametrize(("name", "text", "expected"), VECTORS, ids=[v[0] for v in VECTORS])
def test_vector(refs, name, text, expected):
    assert observed(verify_text(text, refs)) == expected
