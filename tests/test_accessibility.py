"""axe-core, from the npm registry, finds no violation on the main pages."""

from __future__ import annotations

import pytest

from casebook import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", ["", "zh/", "en/", "parallel/", "notes/", "downloads/"])
@pytest.mark.parametrize("width", [1280, 375])
def test_no_accessibility_violations(page, base_url, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert found == []
