"""The site's search in headless Chromium: the labelled queries, recall of every Chinese run
and English word of the license text, both languages from either page, clean result links."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from searchdriver import answers, first_clause, load_queries, open_search, run

from licensekit import searchindex

QUERIES = load_queries()
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
WORD = re.compile(r"[^\W_]+")


@pytest.fixture(scope="module")
def pages(browser, base_url):
    """One open page per start page, its search box open and its engine ready."""
    opened = {}

    def get(start: str):
        if start not in opened:
            opened[start] = browser.new_page()
            open_search(opened[start], base_url + start)
        return opened[start]

    yield get
    for pg in opened.values():
        pg.close()


@pytest.fixture(scope="module")
def clauses(site) -> dict[str, str]:
    """Location -> plain title and text of every clause on the two reading pages, as indexed."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    out = {}
    for doc in docs:
        if doc["kind"] in {"clause", "definition"}:
            out[doc["location"]] = re.sub(r"<[^>]*>", " ", doc["title"] + " " + doc["text"]).replace("\u200b", "")
    return out


def test_the_query_set_is_large_and_half_chinese():
    chinese = [q for q in QUERIES if HAN_RUN.search(q.query)]
    assert len(QUERIES) >= 60
    assert len(chinese) >= len(QUERIES) / 2 and len(QUERIES) - len(chinese) >= 30
    assert {len(q.query) for q in chinese} >= {2, 3, 4}
    assert sum('"' in q.query for q in QUERIES) >= 5


@pytest.mark.parametrize("q", QUERIES, ids=[f"{q.start}{q.query}" for q in QUERIES])
def test_the_query_returns_its_clause_first(pages, base_url, q):
    results, _ = run(pages(q.start), base_url, q.query)
    assert first_clause(results) == q.first, results[:6]


@pytest.mark.parametrize(
    ("query", "cid"),
    [
        ("s5-2", "s5-2"),
        ("S4-3-IX", "s4-3-ix"),
        (" #s1-licensor ", "s1-licensor"),
        ("https://baichuan-7b-license.example.org/en/#appendix-2-derivative-works", "appendix-2-derivative-works"),
        ("s4", "s4"),
        ("ｓ５－２", "s5-2"),  # full-width, as a Chinese input method types it
        ("s5-2。", "s5-2"),
        ("s2-grant,", "s2-grant"),
        ("appendix", "appendix"),  # a word of the text too: the clause first, then what holds the word
    ],
)
def test_a_clause_id_finds_that_clause_in_both_texts_first(pages, base_url, query, cid):
    results, _ = run(pages("en/"), base_url, query)
    # first of all the results, so that Enter in the search box opens the clause, not its page
    assert results[:2] == [f"zh/#{cid}", f"en/#{cid}"]


@pytest.mark.parametrize("query", ["s5-2x", "xs5-2", "s5-2 s5-3", "zh/s5-2"])
def test_only_a_whole_clause_id_is_looked_up(pages, base_url, query):
    results, _ = run(pages("en/"), base_url, query)
    assert [r for r in results if "#" in r][:2] != ["zh/#s5-2", "en/#s5-2"]


def runs(text: str, length: int) -> list[str]:
    """Every run of `length` Chinese characters in `text`, first at each offset."""
    return sorted({run[i : i + length] for run in HAN_RUN.findall(text) for i in range(len(run) - length + 1)})


def test_every_chinese_run_finds_its_clause(pages, clauses):
    """2, 3 and 4 characters from every Chinese clause, at every third offset: in the top 10
    when at most 10 clauses hold the run, among the results when more do."""
    zh = {loc: text for loc, text in clauses.items() if loc.startswith("zh/")}
    holders = Counter()
    probes = []
    for loc, text in zh.items():
        for length in (2, 3, 4):
            for probe in runs(text, length)[::3]:
                probes.append((probe, loc))
    for probe in {p for p, _ in probes}:
        holders[probe] = sum(probe in text for text in zh.values())
    missed = []
    for (probe, loc), results in zip(probes, answers(pages("zh/"), [p for p, _ in probes]), strict=True):
        found = [r for r in results if "#" in r]
        if loc not in (found[:10] if holders[probe] <= 10 else found):
            missed.append((probe, loc, found[:10]))
    assert len(probes) > 500
    assert not missed, missed[:10]


def test_every_english_word_finds_its_clause(pages, clauses):
    """Stop words included: in the top 10 when at most 10 clauses hold the word."""
    en = {loc: WORD.findall(text.lower()) for loc, text in clauses.items() if loc.startswith("en/")}
    holders = Counter(word for words in en.values() for word in set(words))
    missed = []
    words = sorted(holders)
    for word, results in zip(words, answers(pages("en/"), words), strict=True):
        found = [r for r in results if "#" in r]
        for loc, words in en.items():
            if word in words and loc not in (found[:10] if holders[word] <= 10 else found):
                missed.append((word, loc, found[:10]))
    assert {"as", "is", "for", "any", "the", "of"} <= set(holders)
    assert not missed, missed[:10]


@pytest.mark.parametrize("start", ["zh/", "en/"])
def test_the_engine_asked_directly_lists_what_the_search_box_lists(pages, base_url, clauses, start):
    """The recall tests above ask the worker directly (`answers`); here the box shows the same
    locations in the same order, for runs and words of every clause and the labelled queries."""
    probes = [q.query for q in QUERIES] + ["appendix", "s2-2", "S4-3-IX", "#s5-2", "appendix-2-derivative-works"]
    for text in clauses.values():
        probes += [*runs(text, 2)[1::40], *runs(text, 3)[::40], *runs(text, 4)[2::40], *WORD.findall(text.lower())[::15]]
    probes = list(dict.fromkeys(probes))  # the box answers a query only when it changes
    page = pages(start)
    direct = answers(page, probes)
    run(page, base_url, "")
    shown = [run(page, base_url, probe)[0] for probe in probes]
    assert len(probes) > 250
    assert [(p, d) for p, d, s in zip(probes, direct, shown, strict=True) if d != s] == []
    assert sum(bool(d) for d in direct) > 250


def test_liability_finds_the_clause_on_liability(pages, base_url):
    """IV.1 says "liable", not "liability": after the clauses that hold the word, and after the
    bare heading of section IV, which holds it too."""
    clauses = [r for r in run(pages("en/"), base_url, "liability")[0] if "#" in r]
    assert clauses[:4] == ["en/#s3-2", "en/#s4-6", "en/#s4", "en/#s4-1"]


@pytest.mark.parametrize(
    "start,query,expected",
    [
        # clauses that hold the words, then the bare heading of their section
        ("zh/", "知识产权", ["zh/#s3-3", "zh/#s2-3", "zh/#s3-1", "zh/#s4-2", "zh/#s3"]),
        ("zh/", "许可限制", ["zh/#s2-5", "zh/#s2-grant", "zh/#s2"]),
        ("en/", "intellectual property", ["en/#s3-3", "en/#s2-3", "en/#s3-1", "en/#s4-2", "en/#s3"]),
        ("en/", "license restrictions", ["en/#s2-5", "en/#s2-grant", "en/#appendix-1", "en/#s2"]),
        # no clause holds all the words: the heading that does comes first
        ("en/", "limitation of liability", ["en/#s4", "en/#s3-2"]),
        ("zh/", "责任限制", ["zh/#s4"]),
    ],
)
def test_a_section_heading_never_outranks_the_clauses_that_hold_the_words(pages, base_url, start, query, expected):
    clauses = [r for r in run(pages(start), base_url, query)[0] if r.startswith(start + "#")]
    assert clauses == expected


def test_searching_raises_no_error(page, base_url):
    open_search(page, base_url + "zh/")
    for query in ['"', '"as', "a b c", "((", "*", "\\", "个人 信息", "ＡＢＣ", "𠀀", "   ", "- -", '"- -"', ". , ;", "— –"]:
        run(page, base_url, query)
    assert page.errors == []


@pytest.mark.parametrize(
    "start,query,expected",
    [
        ("en/", "人格权", "zh/#s2-3"),
        ("en/", "不可再许可", "zh/#s2-grant"),
        ("zh/", "as is", "en/#s4-4"),
        ("zh/", "merchantability", "en/#s4-4"),
    ],
)
def test_either_language_from_either_page(pages, base_url, start, query, expected):
    results, _ = run(pages(start), base_url, query)
    assert first_clause(results) == expected, results[:6]


@pytest.mark.parametrize(
    "variant,plain",
    [
        ("許可方", "许可方"),
        ("適用法律", "适用法律"),
        ("個人資訊", None),  # a word the license does not use finds nothing
        ("ＡＰＩ", "API"),
        ("licence", "license"),
        ("Licence restrictions", "license restrictions"),
        ("judgement", "judgment"),
        ("ＬＩＣＥＮＳＯＲ", "licensor"),
        ("ｍｉｌｉｔａｒｙ", "military"),
    ],
)
def test_variants_find_what_the_plain_form_finds(pages, base_url, variant, plain):
    page = pages("zh/")
    results, _ = run(page, base_url, variant)
    if plain is None:
        assert results == []
    else:
        assert results == run(page, base_url, plain)[0] and results


@pytest.mark.parametrize("query", ["许可方", "不可再许可", "as is", '"as is"', "judgement", "<b>&amp;"])
def test_result_text_is_escaped_text_with_marks(pages, base_url, query):
    """What the text holds shows as text; the only markup is the marks around matches."""
    page = pages("en/")
    run(page, base_url, query)
    tags = page.eval_on_selector_all(".md-search-result__article > *:not(.md-search-result__icon) *", "els => els.map(e => e.tagName)")
    assert set(tags) <= {"MARK"}


def test_a_result_link_is_the_clause_url(page, base_url):
    open_search(page, base_url + "en/")
    run(page, base_url, "merchantability")
    page.locator(".md-search-result__link[href$='en/#s4-4']").first.click()
    page.wait_for_url("**/en/#s4-4")
    assert page.url == base_url + "en/#s4-4"  # no ?h=, which would end up in citations


def test_the_hidden_results_take_no_tab_stop(page, base_url):
    page.goto(base_url + "en/")
    stops = []
    for _ in range(6):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.className"))
    assert not any("md-search__scrollwrap" in s for s in stops), stops
    assert "md-search__input" in " ".join(stops)
    page.locator(".md-search__input").click()
    assert page.eval_on_selector(".md-search__scrollwrap", "e => e.tabIndex") == 0


def test_pages_start_the_sites_worker(site):
    for path in [site / "index.html", site / "en" / "index.html", site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        assert searchindex.WORKER in html and "workers/search." not in html, path
