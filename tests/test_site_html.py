"""The built site, read with beautifulsoup4: anchors, links, languages and origins."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from sitekit import html_pages, soup

from licensekit.pages import outbound_links

TEXT_PAGES = ("zh", "en", "parallel")
HAN = re.compile(r"[\u3400-\u9fff]")
SITE_URL = "https://baichuan-7b-license.example.org/"


def page(site: Path, name: str):
    return soup(site / name / "index.html")


def all_anchor_ids(lic) -> list[str]:
    return [c.id for c in lic.zh.clauses] + ["s3-2-marks"]


@pytest.mark.parametrize("name", TEXT_PAGES)
def test_every_clause_id_is_an_anchor(site, lic, name):
    ids = [el["id"] for el in page(site, name).select("[id]")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert set(all_anchor_ids(lic)) <= set(ids)


@pytest.mark.parametrize("name", TEXT_PAGES)
def test_every_clause_has_a_visible_permalink(site, lic, name):
    doc = page(site, name)
    for clause in lic.zh.clauses:
        holder = doc.find(id=clause.id)
        link = holder.select_one(f'a.headerlink[href="#{clause.id}"]')
        assert link is not None and link.get_text() == f"#{clause.id}", clause.id


def test_headings_hold_literal_numbers(site):
    zh, en = page(site, "zh"), page(site, "en")
    assert zh.find(id="s4-3-iii").select_one(".clause-number").get_text() == "(ii)"
    assert zh.find(id="s4-3-ix").select_one(".clause-number").get_text() == "(x)"
    assert en.find(id="s4-3-iii").select_one(".clause-number").get_text() == "(ii) [sic: (iii)]"
    assert en.find(id="s4-3-ix").select_one(".clause-number").get_text() == "(x) [sic: (ix)]"
    assert zh.find(id="s2").get_text(" ", strip=True).startswith("二、 许可及许可限制")
    assert en.find(id="s2-2").name == "h3"


def test_references_and_terms_link_in_the_page_language(site):
    for name, ref_text, term_tip in (("zh", "附则", "“模型衍生品”是指"), ("en", "Appendix", "“Model Derivatives” means")):
        clause = page(site, name).find(id="s2-2").parent
        refs = [(a["href"], a.get_text()) for a in clause.select("a.ref")]
        assert refs == [("#appendix", ref_text)]
        terms = {a["href"]: a["title"] for a in clause.select("a.term")}
        assert terms["#s1-model-derivatives"].startswith(term_tip)


def test_erratum_is_marked_and_explained(site):
    mark = page(site, "zh").find(id="s4-3-iii").parent.select_one(".erratum-mark a")
    assert mark["href"] == "../notes/#erratum-iv-3-iii-printed-as-ii"
    assert page(site, "notes").find(id="erratum-iv-3-iii-printed-as-ii") is not None


def _targets(site: Path):
    """Every URL a page refers to, with the element and attribute that carry it."""
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        base = urljoin(SITE_URL, rel)
        for el in soup(path).find_all(True):
            for attr in ("href", "src", "action", "poster", "data"):
                if el.has_attr(attr):
                    yield rel, el, urljoin(base, el[attr])


def test_internal_links_and_anchors_resolve(site):
    broken = []
    for rel, _el, url in _targets(site):
        if not url.startswith(SITE_URL):
            continue
        target, fragment = urldefrag(url)
        path = site / target[len(SITE_URL) :]
        if path.is_dir() or target.endswith("/"):
            path = path / "index.html"
        if not path.exists():
            broken.append(f"{rel}: {url}")
        elif fragment and path.suffix == ".html" and soup(path).find(id=fragment) is None:
            broken.append(f"{rel}: {url} (no anchor)")
    assert broken == []


def test_nothing_is_loaded_from_another_origin(site):
    outside = []
    for rel, el, url in _targets(site):
        if url.startswith(SITE_URL) or urlparse(url).scheme in ("mailto", "data"):
            continue
        is_link = el.name == "a" or (el.name == "link" and el.get("rel") in (["alternate"], ["canonical"]))
        if not is_link:
            outside.append(f"{rel}: <{el.name}> {url}")
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    outside += re.findall(r"@import\s+url\(\s*['\"]?https?:[^)]*\)|url\(\s*['\"]?https?://[^)]*\)", css)
    assert outside == []


def test_first_paint_waits_for_no_print_style(site):
    """The print style sheet is fetched for print only: on a slow phone the screen's first paint
    does not wait for it. The theme's script and ours stay at the end of the body, run in order."""
    for path in html_pages(site):
        doc = soup(path)
        rel = path.relative_to(site).as_posix()
        sheets = {link["href"].rsplit("/", 1)[-1]: link.get("media") for link in doc.select("link[rel=stylesheet]")}
        assert sheets["print.css"] == "print", rel
        assert [name for name, media in sheets.items() if media] == ["print.css"], rel
        assert "license.css" in sheets and any(name.startswith("main.") for name in sheets), rel
        scripts = [s["src"].rsplit("/", 1)[-1] for s in doc.select("script[src]")]
        assert scripts[0].startswith("bundle.") and scripts[1] == "license.js", rel


def test_every_outbound_link_is_listed_on_notes(site, lic):
    listed = set(outbound_links(lic))
    notes = {a["href"] for a in page(site, "notes").select("a[href^='http']")}
    assert listed <= notes
    for rel, el, url in _targets(site):
        if el.name == "a" and urlparse(url).scheme in ("http", "https") and not url.startswith(SITE_URL):
            assert url in listed, f"{rel}: {url} is not listed on /notes/"


@pytest.mark.parametrize("name,lang", [("zh", "zh-Hans"), ("en", "en"), ("parallel", "en"), ("notes", "en"), ("", "en")])
def test_page_language(site, name, lang):
    doc = soup(site / name / "index.html") if name else soup(site / "index.html")
    assert doc.html["lang"] == lang


@pytest.mark.parametrize("name", ["zh", "en", "parallel", "notes", ""])
def test_every_chinese_text_is_marked_chinese(site, name):
    doc = soup(site / name / "index.html") if name else soup(site / "index.html")
    article = doc.select_one("article")
    wrong = []
    for text in article.find_all(string=HAN):
        holder = text.find_parent(attrs={"lang": True})
        lang = holder["lang"] if holder else doc.html["lang"]
        if lang != "zh-Hans":
            wrong.append(text.strip()[:30])
    assert wrong == []


def test_parallel_cells_carry_their_language(site, lic):
    doc = page(site, "parallel")
    for clause in lic.zh.clauses:
        cells = doc.find(id=clause.id).select(".parallel-cell")
        assert [c["lang"] for c in cells] == ["zh-Hans", "en"]


def test_404_page(site):
    doc = soup(site / "404.html")
    article = doc.select_one("article")
    assert [h.get_text(" ", strip=True) for h in article.select("h1, h2, h3")] == ["Page not found · 页面不存在"]
    assert doc.html["lang"] == "en"
    assert doc.title.get_text(strip=True).startswith("baichuan-7B")
    # Served at any depth, its links must lead home from there, not relative to the missing page.
    home = doc.select_one("a.md-header__button.md-logo")
    assert urljoin(SITE_URL + "no/such/page/", home["href"]) == SITE_URL
    offered = [urljoin(SITE_URL + "no/such/page/", a["href"]) for a in article.select(".not-found-links a")]
    assert offered == [SITE_URL + p for p in ("zh/", "en/", "parallel/", "notes/#clause-ids", "downloads/")]


def test_sitemap_dates_come_from_the_last_commit(site):
    import subprocess
    from datetime import UTC, datetime

    from casebook import ROOT

    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    day = datetime.fromtimestamp(int(stamp), UTC).strftime("%Y-%m-%d")
    dates = {el.get_text() for el in soup(site / "sitemap.xml").find_all("lastmod")}
    assert dates == {day}


@pytest.mark.parametrize("name,first", [("zh", "一、 定义"), ("en", "I. Definitions")])
def test_table_of_contents_lists_the_sections(site, name, first):
    toc = page(site, name).select_one(".md-sidebar--secondary nav.md-nav--secondary")
    links = [(a["href"], a.get_text(" ", strip=True)) for a in toc.select("a.md-nav__link")]
    assert [href for href, _ in links] == ["#s1", "#s2", "#s3", "#s4", "#s5", "#appendix"]
    assert links[0][1] == first


def test_citation_examples_use_the_site_address(site):
    codes = [c.get_text() for c in page(site, "notes").select("#how-to-cite ~ ul code")][:3]
    assert codes == [SITE_URL + "zh/#s2-2", SITE_URL + "en/#s2-2", SITE_URL + "parallel/#s2-2"]


def test_notes_show_what_the_citation_buttons_copy(site):
    zh, en = soup(site / "zh" / "index.html"), soup(site / "en" / "index.html")
    shown = soup(site / "notes" / "index.html").select("ul.citations > li")
    assert len(shown) == 5
    for item in shown:
        clause = item.code.get_text()
        zh_cite, en_cite = (c.get_text() for c in item.select(":scope > ul > li > code"))
        assert zh.find(id=clause).select_one("button.copy-button--cite")["data-copy"] == zh_cite
        assert en.find(id=clause).select_one("button.copy-button--cite")["data-copy"] == en_cite
