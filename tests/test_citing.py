"""Citing in headless Chromium: copy buttons, the language switch at the clause in
view, a 390 px phone (overflow, touch targets), and dark mode."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

SITE_URL = "https://baichuan-7b-license.example.org/"
ZH_TITLE, EN_TITLE = "《baichuan-7B模型许可协议》", "baichuan-7B Model License Agreement"


@pytest.fixture
def clip(new_page):
    """A page whose clipboard the test can read."""
    pg = new_page(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    return pg


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


COPIES = [
    # page, clause, button's accessible name, what lands on the clipboard
    ("zh/", "s2-2", "复制引用：二、2", f"{ZH_TITLE}二、2 {SITE_URL}zh/#s2-2"),
    ("zh/", "s4-3-ix", "复制引用：四、3.(x)", f"{ZH_TITLE}四、3.(x) {SITE_URL}zh/#s4-3-ix"),
    ("zh/", "s4-3-ix", "复制链接：四、3.(x)", f"{SITE_URL}zh/#s4-3-ix"),
    ("en/", "s4-3-ix", "Copy citation of IV.3(ix)", f"{EN_TITLE}, IV.3(ix), {SITE_URL}en/#s4-3-ix"),
    (
        "en/",
        "appendix-2-applicant-name",
        "Copy citation of Appendix 2: Name of the applicant",
        f"{EN_TITLE}, Appendix 2: Name of the applicant, {SITE_URL}en/#appendix-2-applicant-name",
    ),
    ("en/", "s1-licensor", "Copy link to I “Licensor”", f"{SITE_URL}en/#s1-licensor"),
    # the parallel view: each cell cites its own language's page
    ("parallel/", "s4-3-iii", "复制引用：四、3.(ii)", f"{ZH_TITLE}四、3.(ii) {SITE_URL}zh/#s4-3-iii"),
    ("parallel/", "s4-3-iii", "Copy citation of IV.3(iii)", f"{EN_TITLE}, IV.3(iii), {SITE_URL}en/#s4-3-iii"),
]


@pytest.mark.parametrize("path,clause,name,expected", COPIES)
def test_copy_button_puts_the_exact_text_on_the_clipboard(clip, base_url, path, clause, name, expected):
    clip.goto(f"{base_url}{path}#{clause}")
    button = clip.locator(f"#{clause}").get_by_role("button", name=name, exact=True)
    button.click()
    status = clip.get_by_role("status")
    # the confirmation names what was copied: "复制引用：二、2" -> "已复制引用：二、2"
    done = (
        "已" + name
        if name.startswith("复制")
        else name.replace("Copy citation of ", "Citation copied: ").replace("Copy link to ", "Link copied: ")
    )
    # the clipboard write is asynchronous: wait for the confirmation, as a reader would
    expect(status).to_have_text(done)
    expect(status).to_have_css("opacity", "1")  # seen, not only announced
    assert clipboard(clip) == expected
    assert clip.errors == []


@pytest.mark.parametrize("key", ["Enter", " "])
def test_copy_button_works_from_the_keyboard(clip, base_url, key):
    clip.goto(base_url + "en/#s2-2")
    clip.locator("#s2-2 .headerlink").focus()
    clip.keyboard.press("Tab")
    clip.keyboard.press("Tab")  # past copy-link, to copy-citation
    assert clip.evaluate("document.activeElement.getAttribute('aria-label')") == "Copy citation of II.2"
    clip.keyboard.press(key)
    assert clipboard(clip) == f"{EN_TITLE}, II.2, {SITE_URL}en/#s2-2"
    expect(clip.get_by_role("status")).to_have_text("Citation copied: II.2")


@pytest.mark.parametrize("query", ["?h=liability", "?h=%E7%99%BB%E8%AE%B0&x=1"])
def test_copied_url_has_no_query(clip, base_url, query):
    clip.goto(f"{base_url}en/{query}#s4-1")
    clip.locator("#s4-1").get_by_role("button", name="Copy link to IV.1").click()
    assert clipboard(clip) == f"{SITE_URL}en/#s4-1"
    clip.locator("#s4-1").get_by_role("button", name="Copy citation of IV.1").click()
    assert clipboard(clip) == f"{EN_TITLE}, IV.1, {SITE_URL}en/#s4-1"


def test_every_clause_heading_has_both_buttons(page, base_url, lic):
    clauses = len(lic.zh.clauses)
    for path, count in (("zh/", clauses), ("en/", clauses), ("parallel/", 2 * clauses)):
        page.goto(base_url + path)
        headings = page.locator(".license-text :is(h2, h3, h4), .parallel-cell :is(h2, h3, h4)")
        assert headings.count() == count
        assert page.locator(":is(h2, h3, h4) > button.copy-button--link").count() == count
        assert page.locator(":is(h2, h3, h4) > button.copy-button--cite").count() == count


# -- the language switch keeps the clause in view -----------------------------------------


def put_at_line(page, clause: str, below: float = 0) -> None:
    """Scroll so that a clause heading sits `below` px under the line a jump puts it at."""
    page.evaluate(
        """([id, below]) => {
          const el = document.getElementById(id);
          const line = parseFloat(getComputedStyle(el).scrollMarginTop);
          window.scrollBy(0, el.getBoundingClientRect().top - line - below);
        }""",
        [clause, below],
    )
    page.wait_for_timeout(100)


def lands_on(page, url: str, clause: str, lowest: float = 250) -> None:
    page.wait_for_url(url)
    page.wait_for_timeout(150)
    assert page.url == url
    assert 0 <= page.locator("#" + clause).bounding_box()["y"] <= lowest


def test_switch_after_scrolling_from_a_hash_follows_the_reader(page, base_url):
    page.goto(base_url + "zh/#s2-2")
    put_at_line(page, "s5-2")
    page.locator(".license-switch a", has_text="English").click()
    lands_on(page, base_url + "en/#s5-2", "s5-2")


def test_switch_after_a_term_link_follows_the_reader(page, base_url):
    page.goto(base_url + "en/#s2-2")
    page.locator("#s2-2 ~ p a.term[href='#s1-licensor']").first.click()
    page.wait_for_url("**#s1-licensor")
    put_at_line(page, "s3-1")
    page.locator(".license-switch a", has_text="中文").click()
    lands_on(page, base_url + "zh/#s3-1", "s3-1")


@pytest.mark.parametrize("below", [0, 7, 14])
def test_switch_takes_a_heading_just_under_the_line(page, base_url, below):
    # the heading of 4.5 a few px under where a jump would put it: 4.5, not 4.4
    page.goto(base_url + "zh/")
    put_at_line(page, "s4-5", below)
    page.locator(".license-switch a", has_text="English").click()
    lands_on(page, base_url + "en/#s4-5", "s4-5")


def test_switch_keeps_a_target_at_the_foot_of_the_page(page, base_url):
    page.goto(base_url + "en/#appendix-2-commercial-use")
    page.wait_for_timeout(150)
    page.locator(".license-switch a", has_text="中文").click()
    # the page ends before the clause can reach the top: it is on screen
    lands_on(page, base_url + "zh/#appendix-2-commercial-use", "appendix-2-commercial-use", lowest=900 - 40)


@pytest.mark.parametrize("start,clause,link,end", [("zh/", "s3-2", "English", "en/"), ("parallel/", "s4-3-vi", "中文", "zh/")])
def test_sidebar_language_links_keep_the_clause(page, base_url, start, clause, link, end):
    page.goto(base_url + start)
    put_at_line(page, clause)
    page.locator(".md-sidebar--primary .md-nav__link", has_text=link).first.click()
    lands_on(page, f"{base_url}{end}#{clause}", clause)


def test_drawer_language_link_keeps_the_clause(new_page, base_url):
    pg = new_page(viewport={"width": 390, "height": 844}, has_touch=True)
    pg.goto(base_url + "en/")
    put_at_line(pg, "s2-4")
    pg.locator("button.drawer-button").click()
    link = pg.locator(".md-sidebar--primary .md-nav__link[href='../parallel/']")
    link.wait_for(state="visible")
    link.click()
    lands_on(pg, base_url + "parallel/#s2-4", "s2-4")


@pytest.mark.parametrize("where", [".license-switch a", ".md-sidebar--primary .md-nav__link"])
def test_without_javascript_the_language_links_lead_to_the_page(new_page, base_url, where):
    pg = new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    pg.goto(base_url + "zh/#s2-2")
    pg.locator(where, has_text="English").first.click()
    pg.wait_for_url(base_url + "en/")
    assert pg.locator("html").get_attribute("lang") == "en"


# -- a 390 px phone -------------------------------------------------------------------------

PAGES = ["", "zh/", "en/", "parallel/", "notes/", "downloads/", "404.html"]

# Every target that is not a link inside a sentence (WCAG 2.5.8's inline exception), with its size.
TARGETS = """() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, label[for], summary, [tabindex]:not([tabindex="-1"])';
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) continue;
    const inline = el.matches('a') && getComputedStyle(el).display === 'inline' && el.closest('p, li, td, dd')
      && !el.closest('sup, .license-switch');
    if (!inline) out.push({what: el.outerHTML.slice(0, 80), width: r.width, height: r.height});
  }
  return out;
}"""


@pytest.fixture
def phone(new_page):
    return new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.mark.parametrize("path", PAGES)
def test_at_390_px_no_horizontal_scroll_and_24_px_targets(phone, base_url, path):
    phone.goto(base_url + path)
    targets = phone.evaluate(TARGETS)
    assert len(targets) >= 3  # the header's menu, palette and search buttons at least: the measure sees the page
    assert [t for t in targets if t["width"] < 24 or t["height"] < 24] == []
    assert phone.evaluate("document.documentElement.scrollWidth") == 390
    assert phone.evaluate("document.body.scrollWidth") <= 390
    phone.mouse.wheel(300, 0)
    assert phone.evaluate("window.scrollX") == 0


def test_touch_targets_of_the_open_drawer(phone, base_url):
    phone.goto(base_url + "zh/")
    phone.locator("button.drawer-button").click()
    phone.wait_for_timeout(400)
    targets = [t for t in phone.evaluate(TARGETS) if "md-nav__link" in t["what"]]
    assert len(targets) >= 6  # the six pages
    assert [t for t in targets if t["width"] < 24 or t["height"] < 24] == []


def test_downloads_are_a_list_at_390_px(phone, base_url):
    phone.goto(base_url + "downloads/")
    items = phone.locator("ul.download-list > li")
    assert items.count() == 27
    first = items.first
    assert first.bounding_box()["width"] <= 390 - 2 * 16 + 1
    digest = first.locator(".download-hash code")
    assert digest.bounding_box()["x"] + digest.bounding_box()["width"] <= 390
    # a SHA-256 takes at most three lines, not eight or nine
    assert digest.evaluate("el => el.getClientRects().length") <= 3
    assert first.get_by_role("button", name="Copy the SHA-256 of /license.json").is_visible()


def test_downloads_copy_a_sha256(clip, base_url, site):
    clip.goto(base_url + "downloads/")
    item = clip.locator("ul.download-list > li", has=clip.locator("a[href='../license.zh.txt']"))
    digest = item.locator(".download-hash code").inner_text()
    item.get_by_role("button", name="Copy the SHA-256 of /license.zh.txt").click()
    assert clipboard(clip) == digest
    expect(clip.get_by_role("status")).to_have_text("SHA-256 of /license.zh.txt copied")
    clip.get_by_role("button", name="Copy the command").click()
    assert clipboard(clip) == clip.locator(".copy-block code").inner_text()
    assert f"\n{digest}  license.zh.txt\n" in clipboard(clip)


# -- dark mode ----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_colour_scheme_follows_the_system(new_page, base_url, scheme, expected):
    pg = new_page(color_scheme=scheme)
    pg.goto(base_url + "en/")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == expected
    background = pg.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")


def test_colour_scheme_toggle_switches_and_is_kept(new_page, base_url):
    pg = new_page(color_scheme="light")
    pg.goto(base_url + "zh/")
    pg.locator("label.md-header__button[title='切换到深色模式']").click()
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    pg.goto(base_url + "en/")  # the choice is kept from page to page
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    pg.locator("label.md-header__button[title='Switch to light mode']").click()
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "default"


def test_colour_scheme_follows_a_change_of_the_system_until_the_reader_chooses(new_page, base_url):
    pg = new_page(color_scheme="light")
    pg.goto(base_url + "en/")
    toggle = pg.locator("label.md-header__button:visible")
    assert toggle.get_attribute("title") == "Switch to dark mode"
    pg.emulate_media(color_scheme="dark")
    pg.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert toggle.get_attribute("title") == "Switch to light mode"
    toggle.click()  # the reader's choice now holds against the system's
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "default"
    pg.emulate_media(color_scheme="dark")
    pg.emulate_media(color_scheme="light")
    pg.emulate_media(color_scheme="dark")
    pg.wait_for_timeout(100)
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "default"


def test_colour_scheme_toggle_works_from_the_keyboard(new_page, base_url):
    pg = new_page(color_scheme="light")
    pg.goto(base_url + "zh/")
    pg.locator("input[name=__palette]:checked").focus()
    assert pg.evaluate("document.activeElement.getAttribute('aria-label')") == "切换到深色模式"
    pg.keyboard.press("Enter")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert pg.evaluate("document.activeElement.getAttribute('aria-label')") == "切换到浅色模式"
    pg.keyboard.press("Space")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert pg.evaluate("scrollY") == 0  # Space switched, and did not scroll the page


def test_chosen_scheme_is_applied_before_the_pages_scripts_run(new_page, base_url):
    """The header's inline script applies it, so a dark page never paints light first."""
    pg = new_page(color_scheme="light")
    pg.goto(base_url + "en/")
    pg.locator("label.md-header__button[title='Switch to dark mode']").click()
    pg.route("**/*.js", lambda route: route.abort())
    pg.goto(base_url + "zh/")
    assert pg.evaluate("typeof document$") == "undefined"  # the theme's bundle did not run
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert pg.locator("input#__palette_1").is_checked()
    assert pg.locator("label.md-header__button:visible").get_attribute("title") == "切换到浅色模式"
