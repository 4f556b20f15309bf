"""The site in headless Chromium: search, anchors, the language switch, tooltips, origins."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest


def search(page, base_url, start: str, query: str) -> list[str]:
    """Type a query into Material's search and return the result locations, in order."""
    page.goto(base_url + start)
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # a key event, so that Material reacts to the filled value
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    out = []
    for href in hrefs:
        url = urlparse(href)
        out.append(url.path.removeprefix(urlparse(base_url).path) + ("#" + url.fragment if url.fragment else ""))
    return out


def clauses_on(results: list[str], page: str) -> list[str]:
    """The clause anchors among the results that lie on one page, in order."""
    return [r.split("#")[1] for r in results if r.startswith(page + "#")]


@pytest.mark.parametrize(
    "start,query,page_path,expected,top",
    [
        ("zh/", "商业用途", "zh/", {"s1-commercial-use", "s2-2"}, 3),
        ("zh/", "书面授权", "zh/", {"s2-2"}, 3),
        ("zh/", "模型衍生品", "zh/", {"s1-model-derivatives"}, 1),
        ("en/", "commercial use", "en/", {"s2-2"}, 3),
        ("en/", "military", "en/", {"s2-1"}, 1),
    ],
)
def test_search_finds_the_clause(page, base_url, start, query, page_path, expected, top):
    results = search(page, base_url, start, query)
    assert results[0] == page_path, results[:5]  # the license text itself comes first
    assert expected <= set(clauses_on(results, page_path)[:top]), results[:8]


def test_search_result_opens_the_clause(page, base_url):
    search(page, base_url, "en/", "military")
    page.locator(".md-search-result__link[href*='#s2-1']").first.click()
    page.wait_for_url("**/en/**#s2-1")
    assert 60 <= page.locator("#s2-1").bounding_box()["y"] <= 200


PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
WIDTH_WHILE_SEARCH_OPENS = """() => new Promise(resolve => {
  let widest = 0
  const frame = start => {
    widest = Math.max(widest, document.documentElement.scrollWidth)
    if (performance.now() - start < 1000) requestAnimationFrame(() => frame(start))
    else resolve([widest, innerWidth, innerHeight])
  }
  document.querySelector("label.md-header__button[for=__search]").click()
  frame(performance.now())
})"""


def test_opening_search_on_a_phone_never_widens_the_page(new_page, base_url):
    """The theme's growing circle reached past the screen, and the phone zoomed the page out."""
    page = new_page(**PHONE)
    page.goto(base_url + "zh/")
    assert page.evaluate(WIDTH_WHILE_SEARCH_OPENS) == [390, 390, 800]


@pytest.mark.parametrize(("scrolled", "follow"), [(0, "tap"), (3000, "tap"), (3000, "click")])
def test_a_search_result_on_the_page_being_read_is_shown_on_a_phone(new_page, base_url, scrolled, follow):
    page = new_page(**PHONE) if follow == "tap" else new_page(viewport={"width": 390, "height": 800})
    page.goto(base_url + "zh/")
    page.evaluate("(y) => scrollTo(0, y)", scrolled)
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")  # the theme holds the page
    box = page.locator(".md-search__input")
    box.fill("适用法律")
    box.press("End")
    link = page.locator(".md-search-result__link[href$='zh/#s5-2']").first
    link.tap() if follow == "tap" else link.click()
    page.wait_for_function("() => !document.body.hasAttribute('data-md-scrolllock')")
    page.wait_for_timeout(300)
    margin = page.evaluate("parseFloat(getComputedStyle(document.getElementById('s5-2')).scrollMarginTop)")
    assert page.url.endswith("zh/#s5-2")
    assert abs(page.locator("#s5-2").bounding_box()["y"] - margin) <= 2


def test_opening_an_anchor_scrolls_to_the_clause(page, base_url):
    page.goto(base_url + "en/#s4-3-iii")
    page.wait_for_timeout(200)
    box = page.locator("#s4-3-iii").bounding_box()
    assert 0 <= box["y"] <= 200
    assert page.evaluate("window.scrollY") > 1000


@pytest.mark.parametrize("start,link,end", [("zh/#s2-2", "English", "en/#s2-2"), ("en/#s4-3-ix", "中文", "zh/#s4-3-ix")])
def test_language_switch_keeps_the_anchor(page, base_url, start, link, end):
    page.goto(base_url + start)
    page.locator(".license-switch a", has_text=link).click()
    page.wait_for_url(base_url + end)
    assert page.locator("html").get_attribute("lang") == ("en" if end.startswith("en") else "zh-Hans")
    assert 0 <= page.locator("#" + end.split("#")[1]).bounding_box()["y"] <= 200


def test_language_switch_keeps_the_clause_in_view_without_a_hash(page, base_url):
    page.goto(base_url + "zh/")
    page.locator("#s4-5").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, document.getElementById('s4-5').getBoundingClientRect().top - 70)")
    page.locator(".license-switch a", has_text="English").click()
    page.wait_for_url(base_url + "en/#s4-5")
    page.wait_for_timeout(200)
    assert page.url == base_url + "en/#s4-5"
    assert page.locator("html").get_attribute("lang") == "en"
    assert 0 <= page.locator("#s4-5").bounding_box()["y"] <= 200


DERIVATIVES = "“Model Derivatives” means all modifications of the Model"
DERIVATIVES_ZH = "“模型衍生品”是指"


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_term_shows_its_definition_until_escape(page, base_url, how):
    page.goto(base_url + "en/#s2-2")
    term = page.locator("#s2-2 ~ p a.term[href='#s1-model-derivatives']").first
    getattr(term, how)()
    tip = page.locator("#tooltip[role=tooltip]")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith(DERIVATIVES)
    assert tip.get_attribute("lang") == "en"
    # described by the tooltip while it shows, and no second (native) tooltip from the title
    assert term.get_attribute("aria-describedby") == "tooltip" and term.get_attribute("title") is None
    if how == "focus":  # the pointer moving elsewhere leaves a tooltip opened by the keyboard
        page.mouse.move(5, 600)
        page.mouse.move(40, 650)
        page.wait_for_timeout(400)
        assert tip.is_visible()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert term.get_attribute("aria-describedby") is None
    # the text waits in data-tip: the browser's own tooltip does not appear once this one is gone
    assert term.get_attribute("title") is None and term.get_attribute("data-tip").startswith(DERIVATIVES)


def test_tooltip_sits_by_its_term_and_stays_while_the_pointer_moves_onto_it(page, base_url):
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(base_url + "zh/#s2-2")
    term = page.locator("#s2-2 ~ p a.term[href='#s1-model-derivatives']").first
    term.hover()
    tip = page.locator("#tooltip")
    tip.wait_for(state="visible")
    assert tip.get_attribute("lang") == "zh-Hans" and tip.inner_text().startswith(DERIVATIVES_ZH)
    word, box = term.bounding_box(), tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert 0 <= box["y"] - (word["y"] + word["height"]) <= 10 or 0 <= word["y"] - (box["y"] + box["height"]) <= 10
    # slowly, across the gap between the word and its tooltip
    page.mouse.move(box["x"] + 10, box["y"] + box["height"] / 2, steps=30)
    page.wait_for_timeout(400)
    assert tip.is_visible() and tip.inner_text().startswith(DERIVATIVES_ZH)
    assert term.get_attribute("aria-describedby") == "tooltip"
    page.mouse.move(5, 650)
    tip.wait_for(state="hidden")
    assert term.get_attribute("data-tip").startswith(DERIVATIVES_ZH)


def test_tooltip_near_the_right_edge_keeps_its_width_and_margin(page, base_url):
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(base_url + "en/#s2-2")
    tip = page.locator("#tooltip")
    # terms, references and notes at the right and the left of their lines, in turn: a short
    # tooltip far right, then a long one
    terms = page.locator(".license-text :is(a.term, a.ref, .note-mark a)")
    widths = []
    for index in range(16):
        terms.nth(index).hover()
        tip.wait_for(state="visible")
        box = tip.bounding_box()
        assert box["x"] >= 6 - 0.5 and box["x"] + box["width"] <= 390 - 6 + 0.5
        widths.append((tip.inner_text(), round(box["width"])))
    # the same definition is as wide wherever its word is
    for text, width in widths:
        assert {w for t, w in widths if t == text} == {width}


def test_reference_leads_to_its_target(page, base_url):
    page.goto(base_url + "zh/#s2-2")
    page.locator("#s2-2 ~ p a.ref", has_text="附则").click()
    page.wait_for_url("**/zh/#appendix")
    page.wait_for_timeout(200)
    assert page.url == base_url + "zh/#appendix"
    # A section heading (h2) sits a little lower under the header than a clause's h3.
    assert 0 <= page.locator("#appendix").bounding_box()["y"] <= 250
    assert page.evaluate("window.scrollY") > 1000


@pytest.mark.parametrize("path", ["", "zh/", "en/", "parallel/", "notes/", "downloads/", "no-such-page/"])
def test_no_console_errors_and_no_other_origin(page, base_url, path):
    response = page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    # The missing page's own 404 is the one console error the browser may log, and only there.
    missing = re.compile(r"Failed to load resource: the server responded with a status of 404 \([^)]*\)")
    assert response.status == (404 if path == "no-such-page/" else 200)
    assert [e for e in page.errors if not missing.fullmatch(e)] == []
    assert [u for u in page.requests if not u.startswith(base_url)] == []
    if path != "no-such-page/":
        assert page.errors == []
        # the context is shared and its cache warm: what the cache serves is seen all the same
        assert {"assets/license.css", "assets/license.js", "search/search_index.json"} <= {u.removeprefix(base_url) for u in page.requests}


def test_parallel_view_stacks_on_a_narrow_screen(page, base_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base_url + "parallel/#s2-2")
    zh, en = page.locator("#s2-2 .parallel-cell").all()
    assert zh.bounding_box()["y"] < en.bounding_box()["y"]
    assert abs(zh.bounding_box()["x"] - en.bounding_box()["x"]) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_print_keeps_numbers_and_drops_navigation(page, base_url):
    page.goto(base_url + "zh/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#s4-3-iii .clause-number").inner_text() == "(ii)"
    assert page.evaluate("getComputedStyle(document.querySelector('#s4-3-iii .clause-number'), '::before').content") == "none"


def test_each_page_starts_with_the_sites_storage_empty(new_page, base_url):
    """The tests share a context per set of options: one test's stored choices and cookies must
    not reach the next page."""
    first = new_page(color_scheme="light")
    first.goto(base_url + "en/")
    first.locator("label.md-header__button[title='Switch to dark mode']").click()
    first.evaluate("document.cookie = 'seen=1; path=/'; localStorage.setItem('kept', '1')")
    second = new_page(color_scheme="light")
    assert second.context is first.context
    second.goto(base_url + "en/")
    assert second.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert second.evaluate("[document.cookie, localStorage.getItem('kept')]") == ["", None]


# Where the reader is: the first heading or paragraph of the notes below the header.
TEXT = "article h2, article h3, article > p, article li"
READER_AT = f"""() => {{
  const all = [...document.querySelectorAll('{TEXT}')];
  const i = all.findIndex(e => {{ const r = e.getBoundingClientRect(); return r.top >= 120 && r.height > 0; }});
  return [i, all[i].getBoundingClientRect().top];
}}"""
TOP_OF = f"(i) => document.querySelectorAll('{TEXT}')[i].getBoundingClientRect().top"


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}])
def test_scrolling_up_through_the_notes_tables_never_jumps(new_page, base_url, viewport):
    """The tables skip their layout until near the screen; what they hold meanwhile is their real
    size, so the text moves by exactly what the reader scrolls."""
    page = new_page(viewport=viewport)
    page.goto(base_url + "notes/#note-final-interpretation")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
    jumps, steps = [], 0
    while (before := page.evaluate("scrollY")) > 0:
        index, top = page.evaluate(READER_AT)
        page.mouse.wheel(0, -700)
        page.wait_for_function("(before) => scrollY !== before", arg=before)
        page.wait_for_timeout(50)
        moved, scrolled = page.evaluate(TOP_OF, index) - top, before - page.evaluate("scrollY")
        if abs(moved - scrolled) > 2:
            jumps.append((before, round(moved), round(scrolled)))
        steps += 1
    assert jumps == [] and steps >= 10
