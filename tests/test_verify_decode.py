"""Bytes to text for the verifier (verify.decode): which encoding is named, what a
byte-order mark does, and the exact reason given for every kind of bytes refused."""

from __future__ import annotations

import codecs

import pytest

from licensekit.verify.decode import MAX_BYTES, BadInput, decode

TEXT = "许可方：北京百川智能科技有限公司 (baichuan-7B)\n"


ASCII = "plain ASCII text\n"


@pytest.mark.parametrize(
    ("data", "text", "name"),
    [
        (TEXT.encode("utf-8"), TEXT, "UTF-8"),
        (ASCII.encode("ascii"), ASCII, "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "UTF-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "UTF-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "UTF-16"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "UTF-32"),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), TEXT, "UTF-32"),
    ],
    ids=["utf-8", "ascii", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_unicode_is_read_and_named_without_its_byte_order(data, text, name):
    # the byte-order mark is dropped, and the name says neither LE nor BE
    assert decode(data) == (text, name)


# An HTML page that declares its old Chinese encoding makes charset-normalizer answer with
# that name; GB18030 reads it, and is the name given.
GB_PAGES = {
    "gbk": '<meta charset="gbk"><p>许可方保留所有权利。</p>',
    "gb2312": '<meta charset="gb2312"><p>本协议适用于模型。</p>',
    "cp936": '<meta charset="cp936"><p>许可方：北京百川智能科技有限公司</p>',
}


@pytest.mark.parametrize("declared", GB_PAGES)
def test_a_page_in_gbk_or_gb2312_is_read_as_gb18030(declared):
    page = GB_PAGES[declared]
    assert decode(page.encode("gbk")) == (page, "GB18030")


def test_chinese_text_in_gb18030_is_read_and_named(lic):
    assert decode(lic.original.encode("gb18030")) == (lic.original, "GB18030")


# Text in other legacy encodings that charset-normalizer recognises: its codec name, upper
# case, with hyphens.
OTHER = [
    ("Это лицензионное соглашение на русском языке. " * 5, "koi8_r", "KOI8-R"),
    ("この契約は日本語で書かれています。モデルの使用について" * 5, "euc_jis_2004", "EUC-JIS-2004"),
    ("この契約は日本語で書かれています。モデルの使用について" * 5, "cp932", "CP932"),
    ("이 계약은 한국어로 작성되었습니다. 모델 사용에 대하여" * 5, "cp949", "CP949"),
]


@pytest.mark.parametrize(("text", "codec", "name"), OTHER, ids=[o[1] for o in OTHER])
def test_other_legacy_encodings_are_read_and_named(text, codec, name):
    assert decode(text.encode(codec)) == (text, name)


def refusal(data: bytes) -> tuple[str, str]:
    with pytest.raises(BadInput) as err:
        decode(data)
    assert str(err.value) == err.value.message
    return err.value.code, err.value.message


NOT_RECOGNISED = "the input is not UTF-8 and its encoding could not be recognised; convert it to UTF-8"


# Bytes no encoding explains: noise, and the license in an encoding that cannot hold it
# (Big5 has no simplified characters) or with a stray byte that GB18030 does not allow.
NO_ENCODING = {
    "high-bytes": lambda text: bytes(range(0x80, 0x100)) * 4,
    "license-in-big5-with-gaps": lambda text: text.encode("big5", errors="replace"),
    "license-in-gbk-with-a-stray-byte": lambda text: text.encode("gbk")[:300] + b"\x80" + text.encode("gbk")[300:],
}


@pytest.mark.parametrize("case", NO_ENCODING)
def test_bytes_in_no_known_encoding_are_refused(lic, case):
    assert refusal(NO_ENCODING[case](lic.original)) == ("encoding", NOT_RECOGNISED)


NUL = "the input is binary: it contains NUL bytes (UTF-16 or UTF-32 text needs its byte-order mark)"


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-16-le"), TEXT.encode("utf-32-be"), b"abc\x00def" * 10, b"\x00"],
    ids=["utf-16-without-bom", "utf-32-without-bom", "nul-bytes", "one-nul"],
)
def test_nul_bytes_without_a_byte_order_mark_are_binary(data):
    assert refusal(data) == ("binary", NUL)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            codecs.BOM_UTF16_LE + b"\x00\xd8",
            "the input starts with a utf-16-le byte-order mark but is not valid utf-16-le: unexpected end of data",
        ),
        (
            codecs.BOM_UTF16_BE + b"\xdc\x00\x00a",
            "the input starts with a utf-16-be byte-order mark but is not valid utf-16-be: illegal encoding",
        ),
        (codecs.BOM_UTF8 + b"\xe8\xae", "the input starts with a utf-8 byte-order mark but is not valid utf-8: unexpected end of data"),
        (
            codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00",
            "the input starts with a utf-32-le byte-order mark but is not valid utf-32-le: code point not in range(0x110000)",
        ),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8", "utf-32-le"],
)
def test_a_byte_order_mark_before_invalid_bytes_is_an_encoding_error(data, message):
    assert refusal(data) == ("encoding", message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "the input is a PDF file: extract its text first (for example with pdftotext), not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "the input is a ZIP archive (or a .docx/.odt document): save it as plain text first, not text"),
        (b"\x89PNG\r\n\x1a\n", "the input is a PNG image, not text"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "the input is a JPEG image, not text"),
        (b"\x7fELF\x02\x01\x01", "the input is an executable, not text"),
        (b"\x1f\x8b\x08\x00", "the input is a gzip archive, not text"),
    ],
    ids=["pdf", "zip", "png", "jpeg", "elf", "gzip"],
)
def test_known_binary_formats_are_named(data, message):
    assert refusal(data) == ("binary", message)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the input is empty"),
        (b" \n\t\r\n", "the input holds only whitespace"),
        (codecs.BOM_UTF8, "the input holds only whitespace"),
        (codecs.BOM_UTF16_LE + " \n\u3000".encode("utf-16-le"), "the input holds only whitespace"),
    ],
    ids=["nothing", "ascii-whitespace", "utf-8-bom-only", "utf-16-whitespace"],
)
def test_empty_input_is_refused(data, message):
    assert refusal(data) == ("empty", message)


def test_the_size_limit_is_4_mib_exactly():
    most = "𠀀".encode() * (MAX_BYTES // 4)  # four bytes a character: fewer to count
    assert len(most) == MAX_BYTES == 4 * 1024 * 1024
    assert decode(most)[1] == "UTF-8"
    over = most + b"a"
    assert refusal(over) == ("too-large", f"the input has {MAX_BYTES + 1} bytes; the limit is {MAX_BYTES} bytes (4 MiB)")


# Control characters: tab, line feed, vertical tab, form feed and carriage return are text;
# the other C0 controls and DEL count, and more than 1 % of the characters is binary.
@pytest.mark.parametrize("ch", ["\x01", "\x08", "\x0e", "\x1b", "\x1f", "\x7f"])
def test_more_than_one_percent_control_characters_is_binary(ch):
    text = "许" * 99 + ch
    assert decode(text.encode())[0] == text  # 1 in 100: still text
    data = ("许" * 98 + ch + ch).encode()
    assert refusal(data) == ("binary", "the input is binary: 2 control characters in 100")


@pytest.mark.parametrize("ch", ["\t", "\n", "\v", "\f", "\r", " "])
def test_layout_characters_are_not_control_characters(ch):
    text = "许可" + ch * 10 + "方"
    assert decode(text.encode()) == (text, "UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-be"])
def test_a_nul_character_is_binary_even_when_rare(encoding):
    text = "许可方保留所有权利。" * 20 + "\x00"
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF32_BE
    assert refusal(bom + text.encode(encoding)) == ("binary", "the input is binary: 1 control characters in 201")
