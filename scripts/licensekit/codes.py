"""The registry of finding codes: each code once, with its level and what it means.

A `Finding` takes its level from here, so a code cannot be an error in one place and
a warning in another. The README's table of codes is tested against this registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Code:
    level: Level
    summary: str
    fatal: bool = False  # the source cannot be read: checks that depend on it are skipped


def _e(summary: str, fatal: bool = False) -> Code:
    return Code("error", summary, fatal)


CODES: dict[str, Code] = {
    # reading the sources
    "FILE-MISSING": _e("a source file or folder is missing", fatal=True),
    "FILE-NOT-REGULAR": _e("a source is a directory, device, FIFO or socket, not a regular file", fatal=True),
    "FILE-TOO-LARGE": _e("a source is larger than the size limit", fatal=True),
    "FILE-OUTSIDE": _e("metadata.yaml names a source outside the license folder", fatal=True),
    "FILE-UNREADABLE": _e("a source cannot be read (permissions or an I/O error)", fatal=True),
    "ENC-UTF8": _e("a source is not valid UTF-8", fatal=True),
    "ENC-BOM": _e("a source starts with a byte-order mark"),
    "ENC-CRLF": _e("a source uses CR or CRLF line endings"),
    "YAML-SYNTAX": _e("a data file is not valid YAML", fatal=True),
    "YAML-SHAPE": _e("a data file has the wrong top-level shape", fatal=True),
    "YAML-DUPLICATE-KEY": _e("a YAML mapping repeats a key", fatal=True),
    "YAML-ALIAS": _e("YAML anchors and aliases are not allowed", fatal=True),
    "YAML-MERGE": _e("YAML merge keys (<<) are not allowed", fatal=True),
    "YAML-TAG": _e("explicit YAML tags are not allowed", fatal=True),
    "FRONT-MATTER": _e("a text's front matter is missing or wrong"),
    "STRUCTURE": _e("headings out of place: title, sections and clause levels"),
    "RAW-HTML": _e("raw HTML in a source"),
    "BAD-LINK": _e("a link that is not a reference to a clause"),
    "BAD-ATTR": _e("an attribute other than the clause ID"),
    "UNSUPPORTED-MARKUP": _e("Markdown outside the supported subset"),
    # clause IDs
    "ID-MISSING": _e("a heading has no clause ID"),
    "ID-FORMAT": _e("a clause ID is not lower-case ASCII words joined by hyphens"),
    "ID-DUPLICATE": _e("a clause ID is used twice"),
    "ID-UNPAIRED": _e("a clause ID is in one language only"),
    "ID-ORDER": _e("clauses are in a different order in the two languages"),
    "ID-PARENT": _e("a clause sits under a different parent in the two languages"),
    "ID-REMOVED": _e("a published ID is gone from both languages without an alias"),
    "ID-REPOINTED": _e("a published ID names another clause: number, text, kind or parent changed"),
    "ID-UNREGISTERED": _e("an ID in both languages is not in the published-ID registry"),
    "ID-ALIAS": _e("an alias points to no current ID, or its old ID is still in use"),
    "ID-RESERVED": _e("an ID equals an id the theme or page chrome puts on every page"),
    # numbering
    "NUM-STYLE": _e("a number is not in its level's numeral style"),
    "NUM-SEQUENCE": _e("a number skips, repeats or is out of order, without an erratum"),
    "NUM-MISMATCH": _e("a clause is numbered differently in the two languages"),
    "NUM-SIC": _e("a [sic: …] correction of a number that no erratum records, or in the Chinese text"),
    # references and terms
    "REF-BROKEN": _e("a reference to a clause that does not exist"),
    "REF-SELF": _e("a reference to its own clause"),
    "REF-MISMATCH": _e("a clause has different references in the two languages"),
    "REF-LABEL": _e("a reference's link text names another clause than its target"),
    "TERM-UNDEFINED": _e("a defined term is used but never defined"),
    "TERM-DUPLICATE": _e("a term is defined or listed twice"),
    "TERM-GLOSSARY": _e("a definition disagrees with the glossary"),
    "TERM-NOT-IN-GLOSSARY": _e("a term is defined but not in the glossary"),
    "TERM-FORM": _e("a marked term use is not a form the glossary allows"),
    "TERM-MISMATCH": _e("a clause uses different defined terms in the two languages"),
    "TERM-UNUSED": Code("warning", "a glossary term is never marked as used"),
    # consistency of the translation
    "TRANSLATION-INCONSISTENT": _e("a glossary term or noted phrase lacks its recorded English rendering in a clause"),
    "NOTE-STALE": _e("a translation note's phrase is in none of the clauses the note lists"),
    "HEADING-DUPLICATE": Code("warning", "two clauses have the same caption or title"),
    "TERM-UNMARKED": Code("info", "a defined term is used without being marked"),
    # fidelity and text
    "TEXT-CHANGED": _e("the Chinese text differs from the original"),
    "TEXT-DROPPED": _e("text of the original is missing from the Chinese text"),
    "TEXT-ADDED": _e("the Chinese text has text the original lacks"),
    "ORIGINAL-HASH": _e("the original's SHA-256 is not the recorded one"),
    "ORIGINAL-PIN": _e("the original's recorded SHA-256 is not the one pinned in the checker"),
    "ORIGINAL-EMPTY": _e("the original is missing, empty or whitespace only"),
    "ORIGINAL-SHORT": _e("the original has lost a tenth or more of its characters (truncated)"),
    "CHAR-FORBIDDEN": _e("an invisible, control, bidi or non-ASCII whitespace character in a source"),
    "ERRATUM-STALE": _e("an erratum's printed text is not in its clause"),
    "ERRATUM-DUPLICATE": _e("two errata have the same ID"),
    "ERRATUM-MISSING": _e("an oddity the checker finds in the original has no erratum"),
    "ERRATUM-UNFOUNDED": _e("an erratum quotes no oddity the checker finds and is not a reviewed one"),
    "TEXT-EMPTY": _e("a clause or section has no text"),
    "TEXT-UNREVIEWED": _e("a text of ours (English, caption, data) changed since it was last reviewed"),
    "TEXT-UNEXPECTED": _e("a form field carries text"),
    "TEXT-INVISIBLE": _e("a clause's text is only invisible characters"),
    "TEXT-COPY": _e("an English clause is a copy of another clause's translation"),
    # parity of meaning between the two languages
    "PARITY-NUMBER": _e("a clause has different numbers in the two languages"),
    "PARITY-EMAIL": _e("a clause has different e-mail addresses in the two languages"),
    "PARITY-URL": _e("a clause has different URLs in the two languages"),
    "PARITY-NEGATION": _e("a clause has a different number of negations in the two languages"),
    "PARITY-MODAL": _e("the English lacks a prohibition or obligation, or has different permissions"),
    "PARITY-CAPTION": _e("a caption contradicts its clause or the other language's caption"),
    "PARITY-LENGTH": _e("an English clause is far longer or shorter than its Chinese implies"),
    "PARITY-SENTENCE": _e("an English clause has fewer sentences than its Chinese"),
    "GRANT-ATTRIBUTE": _e("the attributes of the grant differ between the two languages"),
    # data files
    "META-SCHEMA": _e("metadata.yaml is not valid against its schema"),
    "DATA-SCHEMA": _e("a data file is not valid against its schema"),
    "META-CLAUSE": _e("a data file cites a clause that is not in both texts"),
    "META-TAG": _e("a rule uses a tag that is not defined"),
    "META-URL": _e("the metadata sends a reader to an address that is not the licensor's nor a named source"),
    "META-CONTACT": _e("the licensor's contact is not the address printed in the texts"),
    "META-AUTHORITY": _e("a language other than the Chinese original is marked authoritative or original"),
    "META-VOCAB": _e("a tag marked as choosealicense's is not in its vocabulary"),
    "META-GROUP": _e("a rule is listed in a group its tag does not belong to"),
    # hand-written pages (docs/*.md)
    "DOCS-HTML": _e("raw HTML in a hand-written page outside the allowed tags"),
    "DOCS-URL": _e("a link in a hand-written page can run script (javascript:, data:, vbscript:)"),
    "DOCS-ATTR": _e("an attribute in a hand-written page other than an id, a class or lang"),
    "DOCS-REFDEF": _e("a link reference definition in a hand-written page: its address is hidden"),
    "DOCS-MARKER": _e("an unknown or malformed licensekit marker in a hand-written page"),
    "DOCS-FILE": _e("a file in docs/ that is not a page or the site's own CSS or JavaScript, or a symbolic link"),
    # the built site, audited after each build
    "AUDIT-SCRIPT": _e("a built page has a script that is not the theme's or the site's own"),
    "AUDIT-HANDLER": _e("a built page has an event-handler attribute"),
    "AUDIT-URL": _e("a built page has a URL that can run script"),
    "AUDIT-ID": _e("a built page uses an id twice"),
    "AUDIT-LINK": _e("a built page links to a page or id that does not exist"),
}


def level(code: str) -> Level:
    """The level of a registered code; an unregistered code is a programming error."""
    try:
        return CODES[code].level
    except KeyError:
        raise ValueError(f"finding code {code!r} is not in licensekit.codes.CODES") from None
