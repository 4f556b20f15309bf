"""The /verify/ page in Chromium: its JavaScript port gives the Python report exactly on
every test vector, and the page verifies pasted and chosen files offline, sends nothing,
links each clause, and is usable by keyboard and by assistive technology."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from sitekit import AXE, axe_in_each_scheme
from verify_vectors import VERIFY_DIR, vectors

from casebook import LICENSE, ROOT
from licensekit.parse import load
from licensekit.verify import References, verify_bytes, verify_text
from licensekit.verify import browser as verify_browser

VECTORS = list(vectors(load(LICENSE)))

# A Verifier of the page's own scripts, made from the data.json that the page loads.
MAKE = """async () => {
  const data = await (await fetch('../assets/verify/data.json')).json();
  window.testVerifier = new LicenseVerify.Verifier(data, markdownit, diff_match_patch);
  return data.site_url;
}"""


def roundtrip(report: dict) -> dict:
    return json.loads(json.dumps(report, ensure_ascii=False))


@pytest.fixture(scope="module")
def verify_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(base_url + "verify/")
    pg.wait_for_selector("#verify-app[data-ready=true]")
    pg.site_url = pg.evaluate(MAKE)
    yield pg
    context.close()


@pytest.fixture(scope="module")
def page_refs(lic, verify_page):
    return References(lic, verify_page.site_url)


# --- agreement: the port and the Python give the same report ------------------------------


@pytest.mark.parametrize(("name", "text", "expected"), VECTORS, ids=[v[0] for v in VECTORS])
def test_the_port_agrees_with_python_on_every_vector(verify_page, page_refs, name, text, expected):
    js_text = verify_page.evaluate("t => testVerifier.verifyText(t)", text)
    assert js_text == roundtrip(verify_text(text, page_refs))
    js_bytes = verify_page.evaluate("t => testVerifier.verifyBytes(new TextEncoder().encode(t))", text)
    assert js_bytes == roundtrip(verify_bytes(text.encode("utf-8"), page_refs))
    assert verify_page.errors == []


def test_the_agreement_covers_every_verdict():
    assert {e["verdict"] for _, _, e in VECTORS} == {
        "identical",
        "equivalent",
        "derived",
        "modified",
        "partial",
        "not-this-license",
        "bad-input",
    }


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gbk", "gbk"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
        ("utf-8-sig", "utf-8-sig"),
        ("pdf", b"%PDF-1.7\n..."),
        ("png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("nul", b"abc\x00def"),
        ("controls", b"\x01\x02\x03\x04 license text"),
        ("whitespace", b" \r\n\t"),
        ("empty", b""),
        ("bad-utf-16", b"\xff\xfe\x00\xd8"),
    ],
)
def test_the_port_agrees_on_bytes_of_every_kind(verify_page, page_refs, lic, name, data):
    raw = lic.original.encode(data) if isinstance(data, str) else data
    js = verify_page.evaluate("b => testVerifier.verifyBytes(new Uint8Array(b))", list(raw))
    py = roundtrip(verify_bytes(raw, page_refs))
    if py["verdict"] == "bad-input" and py["error"]["code"] == "encoding":
        # The reason Python's codec gives is its own; the code and the start of the message agree.
        assert js["error"]["message"].split(":")[0] == py["error"]["message"].split(":")[0]
        js["error"]["message"] = py["error"]["message"]
    assert js == py


def test_the_data_is_the_model(site, lic):
    data = json.loads((site / verify_browser.PATH).read_text(encoding="utf-8"))
    refs = References(lic, data["site_url"])
    for lang, ref in refs.by_lang.items():
        assert [u["id"] for u in data["langs"][lang]["units"]] == [u.id for u in ref.units]
        assert [u["text"] for u in data["langs"][lang]["units"]] == [u.text.spaced for u in ref.units]
    assert data == verify_browser.data(refs)


# --- the page ---------------------------------------------------------------------------


def open_page(page, base_url):
    page.goto(base_url + "verify/")
    page.wait_for_selector("#verify-app[data-ready=true]")


def verdict_of(page) -> str:
    return page.locator("#verify-verdict").inner_text()


def test_pasting_the_license_shows_identical_and_links_each_clause(page, base_url, lic):
    open_page(page, base_url)
    page.fill("#verify-text", lic.original)
    page.click("#verify-run")
    assert verdict_of(page) == "Verdict: Identical · 一致"
    hrefs = page.eval_on_selector_all(".verify-clauses a", "els => els.map(e => e.getAttribute('href'))")
    ids = [u.id for u in References(lic, "https://x.org/").by_lang["zh-Hans"].units]
    assert hrefs == ["../zh/"] + [f"../zh/#{i}" for i in ids[1:]]
    page.locator(".verify-clauses a[href='../zh/#s2-2']").click()
    page.wait_for_url("**/zh/#s2-2")
    assert page.errors == []


def test_an_edit_shows_its_diff_and_english_links_to_en(page, base_url, lic):
    open_page(page, base_url)
    text = lic.original.replace("事先", "事后", 1)
    page.fill("#verify-text", text)
    page.click("#verify-run")
    assert verdict_of(page) == "Verdict: Modified · 已修改"
    assert page.locator(".verify-diff del").all_inner_texts() == ["先"]
    assert page.locator(".verify-diff ins").all_inner_texts() == ["后"]
    assert page.locator(".verify-diff h4 a").get_attribute("href") == "../zh/#s2-2"
    assert page.errors == []


@pytest.mark.parametrize(
    ("filename", "encoding", "verdict"),
    [
        ("LICENSE.txt", "utf-8", "Verdict: Identical · 一致"),
        ("LICENSE-gbk.txt", "gb18030", "Verdict: Identical · 一致"),
        ("license.md", "utf-8", "Verdict: Identical · 一致"),
    ],
)
def test_choosing_a_file_verifies_it(page, base_url, lic, tmp_path, filename, encoding, verdict):
    path = tmp_path / filename
    path.write_bytes(lic.original.encode(encoding))
    open_page(page, base_url)
    page.set_input_files("#verify-file", str(path))
    page.wait_for_selector("#verify-verdict")
    assert verdict_of(page) == verdict
    evidence = page.locator(".verify-evidence").inner_text()
    assert f"Read as {encoding.upper()} " in evidence
    assert page.errors == []


def test_dropping_a_file_verifies_it(page, base_url, lic):
    open_page(page, base_url)
    handle = page.evaluate_handle(
        """t => { const dt = new DataTransfer();
                  dt.items.add(new File([t], 'copy.txt', {type: 'text/plain'})); return dt; }""",
        (VERIFY_DIR / "lingxi-13B-license.zh.txt").read_text(encoding="utf-8"),
    )
    page.dispatch_event("#verify-drop", "drop", {"dataTransfer": handle})
    page.wait_for_selector("#verify-verdict")
    assert verdict_of(page) == "Verdict: Derived: the same template with substitutions · 衍生（同一模板，替换了名称等）"
    assert page.locator(".verify-substitutions li").all_inner_texts() == [
        "licensor: “北京百川智能科技有限公司” → “杭州灵犀数智科技有限公司” (1 place)",
        "model name: “baichuan-7B” → “lingxi-13B” (25 places)",
        "contact e-mail: “opensource@baichuan-inc.com” → “license@lingxi-ai.cn” (1 place)",
        "jurisdiction: “中华人民共和国大陆地区(仅为本协议之目的，不包括香港、澳门和台湾)” → “新加坡共和国” (1 place)",
    ]
    assert page.errors == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "scan.pdf",
            b"%PDF-1.7\n1 0 obj",
            "scan.pdf: the input is a PDF file: extract its text first (for example with pdftotext), not text",
        ),
        ("weights.bin", bytes(range(256)) * 4, "weights.bin: the input is binary: it contains NUL bytes"),
        ("empty.txt", b"", "empty.txt: the input is empty"),
        ("latin1.txt", "Ça".encode("latin-1") + b"\xff\xfe\xfd" * 3, "latin1.txt: the input is not UTF-8"),
        ("huge.txt", b"a" * (4 * 1024 * 1024 + 10), "huge.txt: the input has 4194305 bytes; the limit is 4194304 bytes (4 MiB)"),
    ],
)
def test_bad_files_get_a_clear_message_and_no_console_error(page, base_url, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    open_page(page, base_url)
    page.set_input_files("#verify-file", str(path))
    page.wait_for_selector("#verify-verdict")
    assert verdict_of(page) == "Verdict: Cannot be read · 无法读取"
    assert page.locator(".verify-error").inner_text().startswith(message)
    assert page.errors == []


@pytest.mark.parametrize("text", ["", "   \n\u3000", "<html><body><p> </p></body></html>"])
def test_empty_paste_gets_a_clear_message(page, base_url, text):
    open_page(page, base_url)
    page.fill("#verify-text", text)
    page.click("#verify-run")
    assert verdict_of(page) == "Verdict: Cannot be read · 无法读取"
    assert page.locator(".verify-error").inner_text().startswith("no text is left once the ")
    assert page.errors == []


def test_the_report_downloads_as_the_python_json(page, base_url, lic):
    open_page(page, base_url)
    site_url = page.evaluate(MAKE)
    text = lic.original.replace("事先", "事后", 1)
    page.fill("#verify-text", text)
    page.click("#verify-run")
    with page.expect_download() as info:
        page.click("#verify-download")
    download = info.value
    assert download.suggested_filename == "verify-report.json"
    got = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert got == roundtrip(verify_text(text, References(lic, site_url)))


def test_nothing_leaves_the_page_and_it_works_offline(browser, base_url, lic):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, base_url)
    page.wait_for_load_state("networkidle")
    origin = urlparse(base_url).netloc
    assert requests and all(urlparse(u).netloc == origin for u in requests), requests
    assert base_url + "assets/verify/data.json" in requests
    loaded = len(requests)
    context.set_offline(True)
    page.fill("#verify-text", lic.original)
    page.click("#verify-run")
    assert verdict_of(page) == "Verdict: Identical · 一致"
    page.set_input_files("#verify-file", files=[{"name": "x.txt", "mimeType": "text/plain", "buffer": lic.original.encode()}])
    page.wait_for_timeout(200)
    assert verdict_of(page) == "Verdict: Identical · 一致"
    assert requests[loaded:] == []
    context.close()


def test_the_page_is_usable_by_keyboard(page, base_url, lic):
    open_page(page, base_url)
    page.focus("#verify-text")
    page.keyboard.insert_text(lic.original)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "verify-file"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "verify-run"
    page.keyboard.press("Enter")
    assert verdict_of(page) == "Verdict: Identical · 一致"
    assert page.locator("#verify-status").get_attribute("role") == "status"


@pytest.mark.parametrize("width", [1280, 375])
def test_no_accessibility_violations_before_and_after_a_result(new_page, base_url, lic, width):
    """In the light and the dark scheme: the page follows the system's setting."""
    page = new_page(viewport={"width": width, "height": 900}, bypass_csp=True, color_scheme="light")
    open_page(page, base_url)
    page.add_script_tag(path=str(AXE))
    found = {}
    for text in ("", lic.original.replace("事先", "事后", 1).replace("北京百川智能科技有限公司", "某公司")):
        if text:
            page.fill("#verify-text", text)
            page.click("#verify-run")
            page.wait_for_selector("#verify-verdict")
            page.wait_for_timeout(500)  # the theme's header fades its title in when the page scrolls
        found[bool(text)] = axe_in_each_scheme(page)
    assert found == {False: {"light": [], "dark": []}, True: {"light": [], "dark": []}}


def test_home_and_nav_link_to_the_page(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="verify/"' in home
    nav = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert 'href="../verify/"' in nav


def test_only_the_verify_page_loads_the_verifier_scripts(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        has = [s for s in verify_browser.SCRIPTS if s in html]
        if page.relative_to(site).as_posix() == verify_browser.PAGE:
            assert has == list(verify_browser.SCRIPTS)
        else:
            assert has == [], page


@pytest.mark.parametrize(
    "wrap",
    [
        '<html><head><style>p {{ color: red }}</style></head><body><div style="color: red">{}</div></body></html>',
        '<div><STYLE type="text/css">.x{{}}</STYLE><p style=\'margin:0\' class="a">{}</p></div>',
        '<section><p data-x="1" style = "x">{}</p><style>',
    ],
)
def test_html_with_inline_style_is_read_without_a_policy_error(verify_page, page_refs, lic, wrap):
    import html as htmlmod

    text = wrap.format(htmlmod.escape(lic.original))
    js = verify_page.evaluate("t => testVerifier.verifyText(t)", text)
    assert js == roundtrip(verify_text(text, page_refs))
    assert js["verdict"] == "identical"
    assert verify_page.errors == []


@pytest.mark.repo  # reads node_modules and package-lock.json
def test_the_vendored_scripts_are_the_pinned_npm_packages():
    vendor = ROOT / "docs" / "assets" / "verify" / "vendor"
    modules = ROOT / "node_modules"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert lock["node_modules/markdown-it"]["version"] == "14.1.0"
    assert lock["node_modules/diff-match-patch"]["version"] == "1.0.5"
    assert (vendor / "markdown-it.min.js").read_bytes() == (modules / "markdown-it" / "dist" / "markdown-it.min.js").read_bytes()
    original = (modules / "diff-match-patch" / "index.js").read_text(encoding="utf-8")
    vendored = (vendor / "diff_match_patch.js").read_text(encoding="utf-8")
    cut = original.index("module.exports = diff_match_patch;")
    assert vendored[:cut] == original[:cut]
    exports = [line.strip() for line in original[cut:].strip().split("\n")]
    guarded = [line.strip() for line in vendored[cut:].strip().split("\n")]
    assert guarded == ["if (typeof module !== 'undefined') {", *exports, "}"]


def test_the_license_is_verified_within_100_ms_in_the_page(verify_page, lic):
    # The median of 11 runs after a warm-up; the goal is 100 ms, on a machine shared with other work.
    ms = verify_page.evaluate(
        """t => { testVerifier.verifyText(t); const times = [];
                 for (let i = 0; i < 11; i++) {
                   const t0 = performance.now(); testVerifier.verifyText(t); times.push(performance.now() - t0);
                 }
                 return times.sort((a, b) => a - b)[5]; }""",
        lic.original,
    )
    assert ms <= 100
