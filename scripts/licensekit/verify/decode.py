"""Bytes to text, or a clear reason why not (`BadInput`)."""

from __future__ import annotations

import codecs

# The license is about 9 kB of UTF-8; 4 MiB leaves room for a long README around it.
MAX_BYTES = 4 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"%PDF-", "a PDF file: extract its text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document): save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
)
# C0 controls and DEL, but not the layout characters tab, line feed, vertical tab, form
# feed and carriage return: more than 1 % of them makes the input binary.
_CONTROLS = frozenset(map(chr, [*range(32), 0x7F])) - frozenset("\t\n\v\f\r")
# charset-normalizer names Python codecs; these are its names for Chinese text in the GB
# family (an HTML page's <meta charset="gbk"> makes it answer "gbk"). GB18030 is their
# superset and reads every GBK or GB2312 byte sequence as they do, so it cannot fail here.
_GB = {"gb18030", "gbk", "gb2312"}


class BadInput(Exception):
    """Input that cannot be verified; `code` names the kind, the message says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if not data:
        raise BadInput("empty", "the input is empty")
    if len(data) > MAX_BYTES:
        raise BadInput("too-large", f"the input has {len(data)} bytes; the limit is {MAX_BYTES} bytes (4 MiB)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadInput("binary", f"the input is {what}, not text")
    text, encoding = _text(data)
    controls = sum(ch in _CONTROLS for ch in text)
    if "\x00" in text or controls * 100 > len(text):
        raise BadInput("binary", f"the input is binary: {controls} control characters in {len(text)}")
    if not text.strip():
        raise BadInput("empty", "the input holds only whitespace")
    return text, encoding


def _text(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name.upper().replace("-LE", "").replace("-BE", "")
            except UnicodeDecodeError as err:
                raise BadInput(
                    "encoding", f"the input starts with a {name} byte-order mark but is not valid {name}: {err.reason}"
                ) from None
    if b"\x00" in data:
        raise BadInput("binary", "the input is binary: it contains NUL bytes (UTF-16 or UTF-32 text needs its byte-order mark)")
    try:
        return data.decode(), "UTF-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInput("encoding", "the input is not UTF-8 and its encoding could not be recognised; convert it to UTF-8")
    if best.encoding in _GB:
        return data.decode("gb18030"), "GB18030"
    return str(best), best.encoding.upper().replace("_", "-")
