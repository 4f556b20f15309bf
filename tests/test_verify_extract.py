"""From a file's text to the license's words (verify.extract), in-process: which format a
file is read as, what HTML and Markdown leave, and which lines count as page furniture."""

from __future__ import annotations

import warnings

import pytest

from licensekit.verify.extract import detect, extract, html_text, lines_of, markdown_text, strip_furniture


def test_lines_end_at_cr_lf_cr_or_lf():
    assert lines_of("a\r\nb\rc\nd\r\n\re") == ["a", "b", "c", "d", "", "e"]
    assert lines_of("许可\u2028方\x85") == ["许可\u2028方\x85"]  # other breaks are characters of the line


# --- the format ------------------------------------------------------------------------------

DETECT = [
    ("许可方", "LICENSE.html", "html"),
    ("许可方", "license.HTM", "html"),
    ("许可方", "a.xhtml", "html"),
    ("<!DOCTYPE html>\n许可方", "", "html"),
    ("许可方<BR>协议", "", "html"),
    ("<h3>许可</h3>", "", "html"),
    ("<table><tr><td>许可</td></tr></table>", "", "html"),
    ("许可方", "LICENSE.md", "markdown"),
    ("许可方", "README.Markdown", "markdown"),
    ("# 许可\n", "", "markdown"),
    ("正文\n###### 许可\n", "", "markdown"),
    ("```\n许可\n```\n", "", "markdown"),
    ("- 许可\n", "", "markdown"),
    ("   * 许可\n", "", "markdown"),
    ("+ 许可\n", "", "markdown"),
    ("> 许可\n", "", "markdown"),
    ("见[附则](#appendix)\n", "", "markdown"),
    ("**许可**\n", "", "markdown"),
    ("许可方", "", "text"),
    ("许可方", "LICENSE.txt", "text"),
    ("#许可\n", "", "text"),
    ("####### 许可\n", "", "text"),
    ("    - 许可\n", "", "text"),
    ("正文\n- 3 -\n正文\n", "", "text"),
    ("** 许可\n", "", "text"),
    ("1. 许可\n", "", "text"),
    ("见 [附则] (x)\n", "", "text"),
    ("许" * 4095 + "<p>", "", "text"),  # markup counts in the first 4096 characters only
    ("许" * 4094 + "<p>", "", "html"),
]


@pytest.mark.parametrize(("text", "name", "fmt"), DETECT, ids=[f"{d[2]}:{d[1] or d[0][:12]!r}" for d in DETECT])
def test_the_format_is_known_by_name_or_by_markup_near_the_start(text, name, fmt):
    assert detect(text, name) == fmt


# --- HTML ---------------------------------------------------------------------------------------

HTML = [
    ("<p>甲</p><p>乙</p>", "", "甲\n乙\n"),
    ("<div>甲<br>乙</div>", "", "甲\n乙\n"),
    ("<ol start='3'><li>甲</li><li>乙</li></ol>", "", "3. 甲\n4. 乙\n\n"),
    ("<ol start='x'><li>甲</li><li>乙</li></ol>", "", "1. 甲\n2. 乙\n\n"),
    ("<ol><li>甲</li><li>乙</li></ol>", "", "1. 甲\n2. 乙\n\n"),
    ("<ul><li>甲</li><li>乙</li></ul>", "", "甲\n乙\n\n"),
    ("<ol start='2'><li>甲<ol><li>子</li><li>丑</li></ol></li><li>乙</li></ol>", "", "2. 甲1. 子\n2. 丑\n\n\n3. 乙\n\n"),
    ("<ol start='-2'><li>甲</li></ol>", "", "1. 甲\n\n"),
    ("<ol start='2'><li>甲</li><p>注</p><li>乙</li></ol>", "", "2. 甲\n注\n3. 乙\n\n"),  # only items are numbered
    (
        "<p>甲<script>x()</script><style>p{}</style></p><nav>菜单</nav><p hidden>隐</p><p aria-hidden='true'>藏</p>"
        "<form><button>按钮</button></form><aside>旁</aside><p>乙</p>",
        "",
        "甲\n乙\n",
    ),
    (
        "<header>页眉</header><div class='license-text'><h2>标题<a class='headerlink'>¶</a></h2>"
        "<p>正文<sup class='note-mark'>1</sup></p></div><footer>页脚</footer>",
        "",
        "标题\n正文\n\n",
    ),
    ("<p>甲</p><div class='license-parallel'><p>乙</p><p class='clause-caption'>说明</p></div>", "", "乙\n\n"),
    ("<div class='license-text'><p>甲</p></div><p>外</p><div class='license-text'><p>乙</p></div>", "", "甲\n\n乙\n\n"),
    ("<p><span lang='zh-Hans'>中文</span> · <span lang='en-US'>English</span></p>", "zh", " English\n"),
    ("<p><span lang='zh-Hans'>中文</span> · <span lang='en-US'>English</span></p>", "en", "中文 \n"),
    ("<p><span lang='zh'>中文</span> | <span lang='en'>English</span></p>", "en", "中文 \n"),
    ("<p><span lang='zh'>中文</span> 和 <span lang='en'>English</span></p>", "en", "中文 和 \n"),
    ("<p><span lang='zh'>中文</span>\u200b<span lang='en'>English</span></p>", "zh", "\u200bEnglish\n"),
    ("<p lang='ZH-hans'>中文</p><p lang='en-GB'>English</p>", "zh", "English\n"),
    ("<p lang='ZH-hans'>中文</p><p lang='en-GB'>English</p>", "en", "中文\n"),
    ("<p lang='ZH-hans'>中文</p><p lang='en-GB'>English</p>", "", "中文\nEnglish\n"),
    ("<p lang='en'>Licensor: <span lang='zh'>北京</span> Ltd</p><p lang='zh'>许可方</p>", "zh", "Licensor: 北京 Ltd\n"),
]


@pytest.mark.parametrize(("html", "drop", "text"), HTML)
def test_html_leaves_the_text_of_its_blocks_one_a_line(html, drop, text):
    assert html_text(html, drop) == text


@pytest.mark.parametrize("html", ["<p>甲</p>", "<div class='license-text'><p>甲</p></div>"])
def test_html_is_read_with_the_standard_library_parser_and_no_warning(html):
    # The parser is named: one guessed from what is installed would warn, and read alike
    # only where lxml is missing.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert html_text(html) == "甲\n" + ("\n" if "license-text" in html else "")


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = [
    ("3. 甲\n4. 乙\n", "3. 甲\n4. 乙\n"),
    ("3) 甲\n", "3) 甲\n"),
    ("- 甲\n- 乙\n", "甲\n乙\n"),
    ("# 标题\n\n正文`代码`继续\n第二行\n", "标题\n正文代码继续\n第二行\n"),
    ("行一  \n行二\n", "行一\n行二\n"),
    ("![图片说明](x.png)\n", "图片说明\n"),
    ("```\n代码块\n```\n", "代码块\n\n"),
    ("```text\n代码块\n```\n", "代码块\n\n"),
    ("    缩进代码\n", "缩进代码\n\n"),
    ("> 引用\n", "引用\n"),
    ("**粗体**与*斜体*\n", "粗体与斜体\n"),
    ("<div>\n<p>块</p>\n</div>\n", "\n块\n\n\n\n"),
]


@pytest.mark.parametrize(("source", "text"), MARKDOWN)
def test_markdown_leaves_its_text_and_list_numbers(source, text):
    assert markdown_text(source) == text


# --- page furniture -------------------------------------------------------------------------


def pages(*heads: str, body: int = 1) -> str:
    """Pages of distinct body lines, each with the given first line and a page number."""
    out, n = [], 0
    for page, head in enumerate(heads, 1):
        out += [head] if head else []
        for _ in range(body):
            n += 1
            out.append(f"正文第{'一二三四五六七八九十'[n % 10]}段{'甲乙丙丁戊'[n % 5]}")
        out.append(f"- {page} -")
    return "\n".join(out)


@pytest.mark.parametrize(
    ("header", "removed"),
    [
        ("页" * 60, [("页" * 60, 2)]),
        ("页" * 61, []),
        ("Header 2023", [("Header 2023", 2)]),
    ],
    ids=["60-characters", "61-characters", "latin"],
)
def test_a_running_header_is_at_most_60_characters(header, removed):
    kept, numbers, headers = strip_furniture(pages(header, header))
    assert (numbers, headers) == (2, removed)
    assert kept.count(header) == (0 if removed else 2)


def test_a_header_on_one_page_only_stays():
    kept, numbers, headers = strip_furniture(pages("页眉", ""))
    assert (numbers, headers) == (2, [])
    assert kept.split("\n")[0] == "页眉"


def test_headers_are_listed_by_their_form_with_digits_as_hash():
    # "百川 #" sorts before "百川 A" ("#" is U+0023)
    lines = []
    for n, body in enumerate(("正文甲", "正文乙", "正文丙"), 1):
        lines += ["百川 A", body, f"百川 {n}", f"- {n} -"]
    # (the first "百川 A" is three lines from a page break: it stays)
    assert strip_furniture("\n".join(lines))[1:] == (3, [("百川 1", 3), ("百川 A", 2)])


def test_digits_aside_a_header_is_the_same_and_the_first_is_named():
    kept, _, headers = strip_furniture(pages("第1章 页眉", "第2章 页眉", "第13章 页眉"))
    assert headers == [("第1章 页眉", 3)]
    assert "页眉" not in kept


@pytest.mark.parametrize(
    ("lines", "kept", "headers"),
    [
        # two lines before a page number, twice: a footer
        (["正文一", "页脚", "- 1 -", "正文二", "页脚", "- 2 -"], ["正文一", "正文二"], [("页脚", 2)]),
        # blank lines do not count as lines between
        (["正文一", "页脚", "", "", "- 1 -", "正文二", "页脚", "", "- 2 -"], ["正文一", "", "", "正文二", ""], [("页脚", 2)]),
        # three lines away from the page number before and after it: body text
        (
            ["页脚", "正文一", "正文零", "- 1 -", "页脚", "正文二", "正文三", "- 2 -"],
            ["页脚", "正文一", "正文零", "页脚", "正文二", "正文三"],
            [],
        ),
        # beside a form feed as beside a page number
        (["正文一", "页脚", "\f", "正文二", "页脚", "\f"], ["正文一", "\f", "正文二", "\f"], [("页脚", 2)]),
        # a line that holds the form feed is the break, not beside it
        (["页眉", "正文一", "\f页眉", "正文二"], ["页眉", "正文一", "\f页眉", "正文二"], []),
    ],
    ids=["footer", "blank-lines", "too-far", "form-feed", "on-the-break"],
)
def test_a_repeated_line_counts_only_beside_a_page_break(lines, kept, headers):
    assert strip_furniture("\n".join(lines))[0::2] == ("\n".join(kept), headers)


def test_the_title_repeated_anywhere_is_removed_but_its_first_occurrence():
    text = "标题\n正文\n 标 题 \n正文二\n标题"
    assert strip_furniture(text, frozenset({"标题"})) == ("标题\n正文\n正文二", 0, [("标 题", 1), ("标题", 1)])
    assert strip_furniture(text) == (text, 0, [])


LONG_TITLE = "许可协议" * 50  # 200 characters, the longest line taken for the title


@pytest.mark.parametrize(
    ("title", "result"),
    [
        (LONG_TITLE, (f"{LONG_TITLE}\n正文", 0, [(LONG_TITLE, 1)])),
        (LONG_TITLE + "书", (f"{LONG_TITLE}书\n正文\n{LONG_TITLE}书", 0, [])),
    ],
    ids=["200", "201"],
)
def test_a_title_line_holds_at_most_200_characters(title, result):
    assert strip_furniture(f"{title}\n正文\n{title}", frozenset({title})) == result


@pytest.mark.parametrize(
    "line",
    [
        "3",
        "1234",
        "\ufeff- 3 -",
        "\u3000第 3 页\u200b",
        "- 3 -",
        "—3—",
        "- 3",
        "3 -",
        "第 3 页",
        "第3页 共9页",
        "第 3 页，共 9 页",
        "第3页/共9页",
        "Page 3 of 9",
        "PAGE 3",
        "p. 3",
        "3 / 9",
        "3/9",
    ],
)
def test_page_number_lines_are_removed_and_counted(line):
    assert strip_furniture(f"正文\n{line}\n正文二") == ("正文\n正文二", 1, [])


@pytest.mark.parametrize("line", ["12345", "第三页", "Page three", "3.", "3. 正文", "第 3 条", "3 / 9 / 2023", "page"])
def test_other_lines_with_numbers_stay(line):
    assert strip_furniture(f"正文\n{line}\n正文二") == (f"正文\n{line}\n正文二", 0, [])


def test_extract_reports_the_format_and_the_furniture_removed():
    ex = extract("# 标题\n\n正文\n\n- 1 -\n\n正文二\n", "", "auto", frozenset({"标题"}))
    assert (ex.text, ex.format, ex.page_numbers, ex.headers) == ("标题\n正文\n正文二\n", "markdown", 1, [])
    ex = extract("<p>甲</p>", "a.txt", "text")
    assert (ex.text, ex.format) == ("<p>甲</p>", "text")
