"""Verify a copy of the license: is this text the license, and exactly what differs?

The steps, in order (a port to another language follows them; every table is data in
the module named, every score an integer, every tie broken by position):

1. **Decode** (`decode`): refuse empty input, more than 4 MiB, known binary signatures,
   NUL bytes or more than 1 % control characters. Read UTF-8 (a BOM is dropped; UTF-16
   and UTF-32 need their BOM); otherwise ask charset-normalizer, reading its GB2312/GBK
   answers as GB18030. Each refusal is a `BadInput` with a code; exit status 3.
2. **Extract** (`extract`): HTML (by name or by a block tag near the start) is read with
   BeautifulSoup: only `SITE_ROOT` when the page has it (this site's pages, without
   `SITE_DROP`: captions, clause links, note marks), `HTML_DROP` removed (scripts,
   navigation, hidden parts), then, for each language compared, the outermost elements
   whose `lang` is the other language, with a separator beside them (`SEPARATORS`);
   `<ol>` items numbered, a line break after each block. Markdown (by name, or a heading, list, quote, fence, link or `**`) is read
   with markdown-it: the text of inline tokens, an ordered item keeping its number.
   Then lines that are page numbers (`PAGE_NUMBER`) are dropped, and running headers:
   a line of at most 60 characters whose digits-as-`#` form occurs three times or more
   is dropped, except the first occurrence of a line that is the title.
3. **Normalise** (`normalise`): drop `IGNORED` characters (whitespace, invisible marks);
   keep the rest as `raw`; `canon` is `raw` folded through `FOLDS` (full-width ASCII,
   quotes, dashes), one character to one. `spaced` keeps one space per whitespace run,
   for display only.
4. **Reference** (`reference`): per language, the units are the title, the English
   notice (optional: its absence alone changes nothing), then every clause as its plain
   text line (number, title, text). Each unit's canonical text is cut into shingles of
   `k` characters (4 for Chinese, 10 for English); a shingle occurring once in the whole
   reference is an anchor key, (unit, offset).
5. **Anchor** (`align.anchors`): every input position whose `k` characters are a key.
6. **Chain** (`align.chains`): in input order, an anchor extends the open chain of its
   unit when its offset is larger than the chain's last and no more than max(len(unit),
   16) characters were inserted since; otherwise it opens a new chain.
7. **Select** (`align.select`): chains with at least 30 % of their unit's keys, ranked by
   anchors (most first), then input position, then unit; each unit takes its best chain
   whose core (first anchor to last anchor + k) overlaps no chosen core. Other strong
   chains outside the chosen cores are further copies ("duplicates").
8. **Regions** (`align.regions`): each core widened by the unit text before its first
   anchor and after its last, clamped to the previous region's end and the next core's
   start. Then units still missing are looked for verbatim in the gap just before the
   region of their next unit in the reference, else just after the region of their
   previous one (`place_exact`); then a
   gap that stands where exactly one missing unit belongs is that unit
   (`place_gaps`). A gap of at most 8 characters joins the next region (`glue`): it is
   that clause's changed number.
9. **Compare** (`match.compare`): canon equal → unchanged; otherwise a diff-match-patch
   diff (no timeout, semantic clean-up). Each slot value of the template (`SLOTS`) in the
   unit maps through the diff (`xIndex`) to its replacement; if replacing them all gives
   the input, the unit is *substituted*, else *changed*. Typographic variants are the
   characters whose raw forms differ inside equal stretches.
10. **Order** (`align.in_order`): the longest run of regions (in input order) that keeps
    reference order; ties take the earliest predecessor. Units off it are *moved*.
11. **Added text**: non-empty input between two regions. Text before the first and
    after the last region is surrounding text (a README around the license), reported
    but not a change.
12. **Language**: with `auto`, both references are matched; the larger share of the
    reference found unchanged wins (integer cross-multiplication), Chinese on a tie.
13. **Verdict** (`verdict`): *not-this-license* if fewer than `min_match` characters
    were found unchanged, or under half of the placed units' characters; *modified* if a
    unit changed or moved, text was added, a unit copied again, or a unit is missing
    between two present ones; *partial* if units are missing only at the ends; *derived*
    if some unit is substituted; *equivalent* if there are typographic variants;
    otherwise *identical*.

For a port: strings are sequences of code points (iterate `Array.from(text)` in
JavaScript, not UTF-16 units); every regular expression uses ASCII classes only;
sorting compares code points; diff-match-patch exists for JavaScript with the same
algorithm. Whitespace never counts, so spacing around punctuation (", " for "，") is
not a variant: the width of the comma is.
"""

from __future__ import annotations

from ..model import License
from . import reference
from .decode import MAX_BYTES, BadInput, decode
from .extract import extract
from .match import match
from .normalise import normalise
from .report import bad, build

__all__ = ["BadInput", "References", "verify_bytes", "verify_text"]

LANGS = ("zh-Hans", "en")


class References:
    """Both languages' references, built once from the clause model."""

    def __init__(self, lic: License, site_url: str) -> None:
        self.site_url = site_url
        self.by_lang = {lang: reference.build(lic, lang, site_url) for lang in LANGS}
        self.keep = frozenset(u.text.canon for ref in self.by_lang.values() for u in ref.units if u.id == "title")


# An HTML page with both languages is compared with each without the other's elements.
OTHER = {"zh-Hans": "en", "en": "zh"}


def verify_text(text: str, refs: References, lang: str = "auto", name: str = "", fmt: str = "auto", encoding: str = "UTF-8") -> dict:
    """The report for a text (see report.build); bad input gives the bad-input report."""
    best = None
    for code in LANGS if lang == "auto" else (lang,):
        try:
            if len(text) > MAX_BYTES:
                raise BadInput("too-large", f"the input has {len(text)} characters; the limit is {MAX_BYTES} (4 Mi)")
            ex = extract(text, name, fmt, refs.keep, OTHER[code])
            inp = normalise(ex.text)
            if not inp.canon:
                raise BadInput("empty", f"no text is left once the {ex.format} markup is removed")
        except BadInput as err:
            if best is None and code == (LANGS[-1] if lang == "auto" else lang):
                return bad(err, refs.site_url)
            continue
        ref = refs.by_lang[code]
        m = match(inp, ref)
        if best is None or m.matched * best[0].ref.total > best[0].matched * ref.total:
            best = (m, inp, ex)
        if m.matched == ref.total:
            break  # every character found: no other language can do better
    assert best is not None
    return build(best[0], best[1], best[2], encoding, refs.site_url)


def verify_bytes(data: bytes, refs: References, lang: str = "auto", name: str = "", fmt: str = "auto") -> dict:
    try:
        text, encoding = decode(data)
    except BadInput as err:
        return bad(err, refs.site_url)
    return verify_text(text, refs, lang, name, fmt, encoding)
