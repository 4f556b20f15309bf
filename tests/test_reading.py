"""Reading the license: the home page's summary, the header block, the interface language,
print, and the small things a reader trips over (escaping, mailto, tooltips, charset)."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import urllib.request

import pytest
from PIL import Image, ImageOps
from sitekit import soup

SITE_URL = "https://baichuan-7b-license.example.org/"
KEY = "Commercial Use requires prior registration with, and written authorization from, the Licensor."


def page_of(site, name: str):
    return soup(site / name / "index.html") if name else soup(site / "index.html")


# -- the home page ------------------------------------------------------------


def test_home_has_one_h1_and_three_columns_of_rules(site, lic):
    home = page_of(site, "")
    assert [h.get_text(" ", strip=True).removesuffix(" ¶") for h in home.select("h1")] == [
        "baichuan-7B model license · baichuan-7B模型许可协议"
    ]
    columns = home.select(".license-summary__columns > section")
    assert [c.h2["id"] for c in columns] == ["permissions", "conditions", "limitations"]
    assert [c.h2.get_text(" ", strip=True).removesuffix(" ¶") for c in columns] == [
        "Permissions · 允许",
        "Conditions · 条件",
        "Limitations · 限制",
    ]
    for column in columns:
        rules = lic.metadata["rules"][column.h2["id"]]
        items = column.select("li")
        assert len(items) == len(rules)
        for li, rule in zip(items, rules, strict=True):
            assert [a["href"] for a in li.select(".license-summary__cites a")] == [f"./parallel/#{c}" for c in rule["clauses"]]
            assert lic.metadata["tags"][rule["tag"]]["zh-Hans"] in li.get_text()


def test_home_says_who_runs_the_site(site):
    text = page_of(site, "").select_one(".license-operator").get_text(" ", strip=True)
    assert text.startswith("This site is run by the contributors to an independent open-source project.")
    assert "It is not the site of the licensor, Beijing Baichuan Intelligent Technology Co., Ltd., and is not endorsed by it." in text
    assert "不是许可方（北京百川智能科技有限公司）的网站" in text


@pytest.mark.parametrize("width,height,side_by_side", [(1366, 768, True), (390, 844, False), (1280, 720, True), (360, 640, False)])
def test_key_rule_is_visible_without_scrolling(new_page, base_url, width, height, side_by_side):
    page = new_page(viewport={"width": width, "height": height})
    page.goto(base_url)
    key = page.locator(".license-summary__key")
    box = key.bounding_box()
    assert key.inner_text().startswith(KEY)
    assert box["y"] > 0 and box["y"] + box["height"] <= height, box
    assert [a.get_attribute("href") for a in key.locator("a").all()] == [
        "./parallel/#s2-2",
        "./parallel/#appendix-1",
        "./parallel/#appendix-2",
    ]
    tops = [page.locator(f"#{g}").bounding_box()["y"] for g in ("permissions", "conditions", "limitations")]
    assert (max(tops) - min(tops) < 2) == side_by_side, tops
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# -- the header block of each reading page ----------------------------------------

HEADERS = {
    "zh": {
        "标题": "baichuan-7B模型许可协议 · baichuan-7B Model License Agreement",
        "许可方": "北京百川智能科技有限公司 · Beijing Baichuan Intelligent Technology Co., Ltd.",
        "发布日期": "2023-06-15",
        "来源文件": "baichuan-7B 模型许可协议.pdf, 提交 edc99af",
        "标识符": "LicenseRef-Baichuan-7B-Model-License",
        "文本状态": "权威文本：协议原文",
        "本页地址": SITE_URL + "zh/",
    },
    "en": {
        "Title": "baichuan-7B模型许可协议 · baichuan-7B Model License Agreement",
        "Licensor": "北京百川智能科技有限公司 · Beijing Baichuan Intelligent Technology Co., Ltd.",
        "Published": "2023-06-15",
        "Source file": "baichuan-7B 模型许可协议.pdf, commit edc99af",
        "Identifier": "LicenseRef-Baichuan-7B-Model-License",
        "Status": "Unofficial translation; the Chinese text prevails",
        "This page": SITE_URL + "en/",
    },
}


def rows(block) -> dict[str, str]:
    return {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in block.select("dt")}


@pytest.mark.parametrize("name", ["zh", "en"])
def test_reading_page_has_a_header_block(site, name):
    blocks = page_of(site, name).select("section.license-header")
    assert len(blocks) == 1
    assert rows(blocks[0]) == HEADERS[name]
    assert blocks[0].find_previous_sibling("h1")["id"] == "title"
    assert blocks[0].has_attr("data-search-exclude")


def test_parallel_page_has_a_header_block_per_language(site):
    cells = page_of(site, "parallel").select(".parallel-cell section.license-header")
    assert [c.find_parent(class_="parallel-cell")["lang"] for c in cells] == ["zh-Hans", "en"]
    for block, name in zip(cells, ("zh", "en"), strict=True):
        assert rows(block) == {**HEADERS[name], list(HEADERS[name])[-1]: SITE_URL + "parallel/"}


def test_header_block_is_not_in_the_search_index(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [
        d["location"]
        for d in index["docs"]
        if "LicenseRef-Baichuan-7B-Model-License" in d["text"] and d["location"].startswith(("zh/", "en/"))
    ]


# -- the interface language -----------------------------------------------------

UI = {
    "zh/": {"lang": "zh-Hans", "search": "搜索", "toc": "目录", "skip": "跳转至", "copy": "复制", "dark": "切换到深色模式"},
    "en/": {"lang": "en", "search": "Search", "toc": "Table of contents", "skip": "Skip to content", "copy": "Copy to clipboard"},
    "parallel/": {"lang": "en", "search": "Search", "toc": "Table of contents", "skip": "Skip to content", "copy": "Copy to clipboard"},
}
UI["en/"]["dark"] = UI["parallel/"]["dark"] = "Switch to dark mode"
# The site's name and the nav's titles, in order (mkdocs.yml, `extra.zh-Hans` on /zh/)
UI["zh/"]["site"] = "baichuan-7B模型许可协议"
UI["zh/"]["nav"] = ["首页", "中文", "English", "中英对照", "说明", "下载", "核对副本"]
UI["en/"]["site"] = UI["parallel/"]["site"] = "baichuan-7B model license"
UI["en/"]["nav"] = UI["parallel/"]["nav"] = ["Home", "中文", "English", "Parallel", "Notes", "Downloads", "Verify a copy"]


@pytest.mark.parametrize("path", list(UI))
def test_interface_speaks_the_page_language(page, base_url, path):
    want = UI[path]
    page.goto(base_url + path)
    assert page.locator("html").get_attribute("lang") == want["lang"]
    assert page.locator(".md-search__input").get_attribute("placeholder") == want["search"]
    assert page.locator(".md-nav--secondary").first.get_attribute("aria-label") == want["toc"]
    assert page.locator(".md-skip").inner_text() == want["skip"]
    config = json.loads(page.locator("#__config").text_content())
    assert config["translations"]["clipboard.copy"] == want["copy"]
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == want["search"]
    toggle = page.locator("input#__palette_0")
    assert toggle.get_attribute("aria-label") == want["dark"] == page.locator("label[for=__palette_1]").get_attribute("title")
    # the nav's links, the site's name in the header and the drawer, and the window's title
    nav = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    assert [" ".join(t.split()) for t in nav.all_text_contents()] == want["nav"]
    assert page.locator(".md-header__topic:first-child .md-ellipsis").inner_text() == want["site"]
    assert page.locator(".md-nav--primary > .md-nav__title").inner_text().strip() == want["site"]
    assert page.title().endswith(" - " + want["site"])
    # the links to the texts are marked with their language
    langs = page.eval_on_selector_all(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link", "as => as.map(a => a.lang)")
    assert langs == ["", "zh-Hans", "en", "", "", "", ""]


def test_not_found_page_offers_a_way_on(new_page, base_url, site):
    links = {a.get_text(" ", strip=True): a["href"] for a in soup(site / "404.html").select(".not-found-links a")}
    assert links == {
        "中文原文（权威文本）": "/zh/",
        "English translation": "/en/",
        "Side by side": "/parallel/",
        "Clause IDs": "/notes/#clause-ids",
        "Downloads": "/downloads/",
    }
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text() == "Page not found · 页面不存在"
    page.locator(".not-found-links a", has_text="Clause IDs").click()
    page.wait_for_url(base_url + "notes/#clause-ids")


# -- print ----------------------------------------------------------------------


PAPER = ["A4", "Letter"]


@pytest.fixture(scope="module")
def printed(browser, base_url):
    """`printed(path, size)`: the page's print PDF, made once for the module's tests; each page
    is loaded once and printed on every paper size (printing does not change the page)."""
    made: dict[tuple[str, str], bytes] = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def get(path: str, size: str) -> bytes:
        if (path, size) not in made:
            page.goto(base_url + path)
            made.update({(path, paper): page.pdf(format=paper, print_background=False) for paper in PAPER})
        return made[path, size]

    yield get
    context.close()


def pdf_text(pdf: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


def squeeze(text: str) -> str:
    """Text without white space, in NFKC: PDF text extraction gives some CJK characters as their
    Kangxi radical twins (⽅ for 方), which NFKC folds back."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("size", PAPER)
@pytest.mark.parametrize(
    "path,lines",
    [
        # 页 comes out of the PDF as the radical ⻚, which NFKC leaves: "地址", not "本页地址".
        (
            "zh/",
            [
                "baichuan-7B模型许可协议",
                "发布日期2023-06-15",
                "来源文件baichuan-7B模型许可协议.pdf",
                "权威文本：协议原文",
                "地址" + SITE_URL + "zh/",
            ],
        ),
        (
            "en/",
            [
                "baichuan-7B Model License Agreement",
                "Published2023-06-15",
                "Unofficial translation; the Chinese text prevails",
                "This page" + SITE_URL + "en/",
            ],
        ),
    ],
)
def test_print_is_a_legal_document(printed, lic, path, lines, size):
    text, pages = pdf_text(printed(path, size))
    flat = squeeze(text)
    for line in lines:
        assert squeeze(line) in flat, line
    assert "LicenseRef-Baichuan-7B-Model-License" in flat
    lang = "zh-Hans" if path == "zh/" else "en"
    assert squeeze(lic.notice(lang)) in flat
    doc = lic.docs[lang].by_id()
    for cid in ("s2-2", "s4-3-iii", "s4-3-ix", "appendix-2-derivative-works", "appendix-note"):
        assert squeeze(doc[cid].number + "#" + cid) in flat or squeeze(f"{doc[cid].title or doc[cid].caption}#{cid}") in flat, cid
    assert squeeze("(ii)#s4-3-iii" if lang == "zh-Hans" else "(ii) [sic: (iii)]#s4-3-iii") in flat
    for chrome in ("Skip to content", "跳转至", "Table of contents", "目录", "Downloads", "Parallel", "下载", "中英对照"):
        assert squeeze(chrome) not in flat, chrome
    assert 4 <= pages <= 40, pages


MM = 72 / 25.4  # points per millimetre: the PDF is rendered at one pixel per point
ID_AT_END = re.compile(r"#([a-z0-9]+(?:-[a-z0-9]+)*)$")


def printed_pages(pdf: bytes) -> list[tuple[Image.Image, str]]:
    """Each page of the print PDF as a greyscale image (pypdfium2 renders it) and its text, where
    a hyphen that ends a line comes out as U+FFFE."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf)
    return [(p.render(scale=1).to_pil().convert("L"), p.get_textpage().get_text_range().replace("\ufffe", "-")) for p in pdf]


@pytest.mark.parametrize("size", PAPER)
@pytest.mark.parametrize("path", ["zh/", "en/", "parallel/"])
def test_printed_pages_look_right(printed, lic, tmp_path, path, size):
    """The pages as printed, rasterised: none blank, nothing past the margins, the header block
    on page 1, no heading left alone at the foot of a page, every clause ID in the order of the
    text. The PNGs stay in the test's tmp_path, for a look."""
    pages = printed_pages(printed(path, size))
    ids = [c.id for c in lic.zh.clauses]
    found: list[str] = []
    for number, (image, text) in enumerate(pages, 1):
        image.save(tmp_path / f"{path.strip('/')}-{size}-{number:02d}.png")
        ink = ImageOps.invert(image).point(lambda v: 255 if v > 24 else 0).getbbox()
        assert ink is not None, f"page {number} is blank"
        left, top, right, bottom = ink
        # @page margins are 18 mm top and bottom, 16 mm left and right: text that runs past them is cut
        assert left >= 16 * MM - 2 and right <= image.width - 16 * MM + 2, (number, ink)
        assert top >= 18 * MM - 2 and bottom <= image.height - 18 * MM + 2, (number, ink)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        last = ID_AT_END.search(lines[-1])
        # a form field of the appendix is a heading with no text of its own: it may end a page
        if number < len(pages) and last and not last.group(1).startswith("appendix-2-"):
            pytest.fail(f"page {number} ends with the heading {lines[-1]!r}")
        found += [m.group(1) for line in lines for m in [ID_AT_END.search(line)] if m]
    first = squeeze(pages[0][1])
    for line in (lic.docs["zh-Hans" if path == "zh/" else "en"].title, "LicenseRef-Baichuan-7B-Model-License", SITE_URL + path):
        assert squeeze(line) in first, line
    if path == "parallel/":
        # the cells wrap long IDs; each one is printed, in Chinese and in English
        flat = squeeze("".join(text for _, text in pages))
        assert all(flat.count(f"#{cid}") >= 2 for cid in ids)
    else:
        assert found == ids


@pytest.mark.parametrize(
    "path,selector",
    [("zh/", ".license-notice"), ("en/", ".license-notice"), ("parallel/", ".license-notice"), ("en/", ".license-operator")],
)
def test_printed_notice_is_readable(page, base_url, path, selector):
    page.goto(base_url + path)
    page.emulate_media(media="print")
    style = page.evaluate(
        f"(() => {{ const s = getComputedStyle(document.querySelector('{selector}')); return [s.fontSize, s.color]; }})()"
    )
    assert float(style[0].removesuffix("px")) >= 13.3 and style[1] == "rgb(0, 0, 0)", style
    assert page.locator(".license-switch").first.is_hidden()
    assert page.locator(".md-search").is_hidden()
    # copy buttons are controls of the screen: on paper they were two stray icons per heading
    assert page.locator("#s2-2 .copy-button").count() in (2, 4)  # 4 side by side
    assert page.locator(".copy-button:visible").count() == 0
    assert page.locator("a.headerlink[href='#s2-2']").first.is_visible()


# -- small fixes ----------------------------------------------------------------


def test_downloads_show_the_xml_element_name(page, base_url):
    page.goto(base_url + "downloads/")
    row = page.locator(".download-list > li", has_text="license-list-XML")
    assert "An SPDX license-list-XML file (<SPDXLicenseCollection>) with the structure of the Chinese text." in row.inner_text()


@pytest.mark.parametrize("name", ["zh", "en", "parallel"])
def test_contact_email_is_a_mailto_link(site, name):
    links = page_of(site, name).select("a[href^='mailto:']")
    assert [(a["href"], a.get_text()) for a in links] == [("mailto:opensource@baichuan-inc.com", "opensource@baichuan-inc.com")] * (
        2 if name == "parallel" else 1
    )
    assert links[0].find_parent(class_=re.compile("clause|parallel-row")) is not None


REF_TIPS = {
    "zh": {
        "#s2": "二、许可及许可限制",
        "#appendix-1": "附则 1. 登记及申请书面授权的联系方式",
        "#appendix-2-derivative-works": "附则 2. 模型衍生创作情况",
    },
    "en": {
        "#s2": "II: License and License Restrictions",
        "#appendix-1": "Appendix 1: How to register and apply for written authorization",
        "#appendix-2-derivative-works": "Appendix 2: Details of derivative creation based on the Model",
    },
}


@pytest.mark.parametrize("name", ["zh", "en"])
def test_reference_tooltips_name_their_target_once_in_the_page_language(site, name):
    tips = {a["href"]: a["title"] for a in page_of(site, name).select("a.ref[title]")}
    assert tips == REF_TIPS[name]
    # where the tooltip would only repeat the link's words, there is none: a screen reader
    # would read them twice
    untitled = {(a["href"], a.get_text()) for a in page_of(site, name).select("a.ref:not([title])")}
    assert untitled == {("#appendix", {"zh": "附则", "en": "Appendix"}[name])}


@pytest.mark.parametrize("path,term", [("zh/#s2-2", "s1-model-derivatives"), ("en/#s2-2", "s1-commercial-use")])
def test_tooltips_are_text_size_and_regular_weight(page, base_url, path, term):
    page.goto(base_url + path)
    page.locator(f"#s2-2 ~ p a.term[href='#{term}']").first.hover()
    inner = page.locator("#tooltip")
    inner.wait_for(state="visible")
    size, weight = page.evaluate("(el) => [getComputedStyle(el).fontSize, getComputedStyle(el).fontWeight]", inner.element_handle())
    assert float(size.removesuffix("px")) >= 14 and weight == "400", (size, weight)


@pytest.mark.parametrize("path", ["license.zh.txt", "license.en.txt"])
def test_plain_text_is_served_as_utf8(base_url, path):
    with urllib.request.urlopen(base_url + path, timeout=5) as response:
        assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


# -- keyboard and forced colours ------------------------------------------------

# Whether the focused element is in the drawer, and its name (its aria-label or its text)
FOCUSED = "() => { const a = document.activeElement; return [!!a.closest('.md-sidebar--primary'), a.ariaLabel || a.textContent.trim()] }"


def test_the_drawer_opens_from_the_keyboard_and_its_links_take_tab_stops_only_when_open(new_page, base_url):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "zh/")
    menu = page.locator("button.drawer-button")  # the theme's label, made a button
    assert (menu.get_attribute("aria-label"), menu.get_attribute("aria-expanded")) == ("导航栏", "false")
    assert page.locator("label[for=__drawer].md-header__button").count() == 0
    stops = []
    for _ in range(6):  # the skip link, the menu, the toggle, the search box, then the text
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert [in_drawer for in_drawer, _ in stops] == [False] * 6
    assert stops[:4] == [[False, "跳转至"], [False, "导航栏"], [False, "切换到深色模式"], [False, "搜索"]]
    # the theme's ring was its dark accent on the indigo bar: white now
    menu.focus()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineColor") == "rgb(255, 255, 255)"
    for key in ("Enter", " "):  # each opens it, and the drawer's first link takes the focus
        menu.focus()
        page.keyboard.press(key)
        assert menu.get_attribute("aria-expanded") == "true"
        assert page.evaluate(FOCUSED) == [True, "baichuan-7B模型许可协议"]
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED) == [True, "首页"]
        page.keyboard.press("Escape")  # closes it and gives the menu its focus back
        assert menu.get_attribute("aria-expanded") == "false"
        assert page.evaluate(FOCUSED) == [False, "导航栏"]
    # Escape in the search box is the search's (the theme's): the drawer stays open
    menu.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("/")
    # The theme marks the search open a timer's tick after its box takes the focus; a reader
    # sees it open before pressing Escape. Without this wait, one run in many was too quick.
    page.wait_for_function("() => __search.checked")
    page.keyboard.type("s5-2")
    page.keyboard.press("Escape")
    assert page.evaluate("() => [__search.checked, __drawer.checked]") == [False, True]


ICON_COLOURS = """() => {
  const probe = document.createElement("span")
  document.body.append(probe)
  const colour = name => { probe.style.color = name; return getComputedStyle(probe).color }
  const system = { ButtonText: colour("ButtonText"), Canvas: colour("Canvas") }
  probe.remove()
  const icons = [...document.querySelectorAll(".copy-button")].map(b => getComputedStyle(b, "::before").backgroundColor)
  return { system, icons: [...new Set(icons)], count: icons.length }
}"""


@pytest.mark.parametrize(("path", "count"), [("zh/", 108), ("downloads/", 28)])
def test_copy_icons_are_drawn_in_forced_colours(new_page, base_url, path, count):
    """A high-contrast mode paints backgrounds in its Canvas colour, and the icons are masked
    backgrounds: they keep the button's text colour instead of vanishing."""
    page = new_page(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page.goto(base_url + path)
    found = page.evaluate(ICON_COLOURS)
    assert found["system"]["ButtonText"] != found["system"]["Canvas"]
    assert (found["icons"], found["count"]) == ([found["system"]["ButtonText"]], count)
