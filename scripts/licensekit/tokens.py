"""Things that must survive translation unchanged: numbers, e-mail addresses, URLs; and
whether a text shows anything at all.

These follow the "numbers", "URLs" and "e-mail" checks of translation-QA tools
(Okapi CheckMate, Xbench): extract the items from source and target, compare as sets.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that take no visible room on their own: controls, format characters
# (zero-width spaces and joiners, bidi controls, BOM, word joiner), separators, marks
# without a base, private use and unassigned; plus letters drawn as blank (Hangul
# fillers, the braille blank).
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"}
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]【】「」“”\"'，。；、]+", re.IGNORECASE)
NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def invisible(char: str) -> bool:
    """True for a character that shows nothing on its own."""
    return char in _BLANK_LETTERS or unicodedata.category(char) in _INVISIBLE_CATEGORIES


def visible(text: str) -> bool:
    """True when the text shows at least one character."""
    return any(not invisible(c) for c in text)


def hidden(text: str) -> list[str]:
    """The invisible characters in a text other than ordinary spaces and line breaks, as U+XXXX."""
    return sorted({f"U+{ord(c):04X}" for c in text if invisible(c) and c not in " \n\t"})


def _trim(url: str) -> str:
    return url.rstrip(".,;:!?")  # sentence punctuation after a URL is not part of it


def emails(text: str) -> set[str]:
    """E-mail addresses, compared case-insensitively (as mail systems do for domains)."""
    return {m.lower() for m in EMAIL.findall(unicodedata.normalize("NFKC", text))}


def urls(text: str) -> set[str]:
    return {_trim(m) for m in URL.findall(unicodedata.normalize("NFKC", text))}


def numbers(text: str) -> set[str]:
    """Numbers written in digits (full-width digits count as their ASCII twins), outside
    e-mail addresses and URLs, which are compared on their own."""
    text = unicodedata.normalize("NFKC", text)
    text = URL.sub(" ", EMAIL.sub(" ", text))
    return set(NUMBER.findall(text))
