"""axe-core, from the npm registry, finds no violation on the main pages, light and dark."""

from __future__ import annotations

import pytest
from sitekit import AXE, axe_in_each_scheme


@pytest.mark.parametrize("path", ["", "zh/", "en/", "parallel/", "notes/", "downloads/"])
@pytest.mark.parametrize("width", [1280, 375])
def test_no_accessibility_violations(new_page, base_url, path, width):
    # axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
    page = new_page(viewport={"width": width, "height": 900}, bypass_csp=True, color_scheme="light")
    page.goto(base_url + path)
    # Long tables are skipped until they near the screen (content-visibility), and axe cannot
    # see the colours of what is skipped: render all of it, so every node's contrast is measured.
    # Polled, not read once: one run in many saw a cell still skipped just after the style was
    # added. A table still skipped after the timeout fails the test.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.wait_for_function(
        "() => [...document.querySelectorAll('td, th')].every(c => c.checkVisibility({contentVisibilityAuto: true}))", timeout=5000
    )
    page.add_script_tag(path=str(AXE))
    assert axe_in_each_scheme(page) == {"light": [], "dark": []}
