"""axe-core, from the npm registry, finds no violation on the main pages."""

from __future__ import annotations

import pytest

from casebook import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("path", ["", "zh/", "en/", "parallel/", "notes/", "downloads/"])
@pytest.mark.parametrize("width", [1280, 375])
def test_no_accessibility_violations(browser, base_url, path, width):
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert found == []
