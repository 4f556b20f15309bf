"""Normalisation: whitespace aside, and typographic variants folded one character to one.

The tables are data so that another implementation can copy them: IGNORED characters are
dropped (whitespace and invisible marks), FOLDS map one character to one character and
name the kind of variant. Folding never changes a string's length, so a position in the
folded text is a position in the unfolded text.
"""

from __future__ import annotations

import re

# Whitespace (Unicode White_Space) and invisible marks: ignored everywhere.
IGNORED = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
    "\u00ad\u200b\u200c\u200d\u2060\ufeff"
)
# (characters, replacement, kind of variant). Full-width ASCII (U+FF01–U+FF5E) folds to
# ASCII by subtracting 0xFEE0; it is listed as a range below.
WIDTH_RANGE = (0xFF01, 0xFF5E, 0xFEE0)
FOLD_TABLE: tuple[tuple[str, str, str], ...] = (
    ("\u201c\u201d\u201e\u201f\u2033\u301d\u301e\u300c\u300d\u300e\u300f", '"', "quote"),
    ("\u2018\u2019\u201a\u201b\u2032", "'", "quote"),
    ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-", "dash"),
)


def _folds() -> dict[str, tuple[str, str]]:
    table = {chr(c): (chr(c - WIDTH_RANGE[2]), "width") for c in range(WIDTH_RANGE[0], WIDTH_RANGE[1] + 1)}
    for chars, to, kind in FOLD_TABLE:
        for ch in chars:
            table.setdefault(ch, (to, kind))
    return table


FOLDS = _folds()
_TRANSLATE = str.maketrans({k: v[0] for k, v in FOLDS.items()})


def fold(text: str) -> str:
    """The text with every typographic variant replaced by its plain form (same length)."""
    return text.translate(_TRANSLATE)


def variant_kind(a: str, b: str) -> str:
    """The kind of variant between two different characters that fold alike ("width",
    "quote", "dash"): the input's character `b` names it, or else the reference's `a` (one
    of them folds, or they would not differ)."""
    return FOLDS[b][1] if b in FOLDS else FOLDS[a][1]


_RUNS = re.compile("[" + re.escape("".join(sorted(IGNORED))) + "]+")


class Text:
    """A text three ways: `spaced` (each run of ignored characters as one space, for
    display), `raw` (`spaced` without its spaces: what "identical" compares) and `canon`
    (`raw` folded: what is aligned). `pos` gives the index in `spaced` of each character
    of `raw`, computed when first needed."""

    def __init__(self, text: str) -> None:
        self.spaced = _RUNS.sub(" ", text).strip(" ")
        self.raw = self.spaced.replace(" ", "")
        self.canon = fold(self.raw)
        self._pos: list[int] | None = None

    @property
    def pos(self) -> list[int]:
        if self._pos is None:
            self._pos = [i for i, ch in enumerate(self.spaced) if ch != " "]
        return self._pos

    def show(self, start: int, end: int) -> str:
        """The spaced text of canon[start:end]."""
        if start >= end:
            return ""
        return self.spaced[self.pos[start] : self.pos[end - 1] + 1]

    def show_spaced(self, start: int, end: int) -> str:
        """Like `show`, with the space before canon[start], if any, in front."""
        if start >= end:
            return ""
        begin = self.pos[start - 1] + 1 if start > 0 else self.pos[start]
        return self.spaced[begin : self.pos[end - 1] + 1]


def canonical(text: str) -> str:
    """The canonical form alone: no ignored characters, variants folded."""
    return fold(_RUNS.sub("", text))


def normalise(text: str) -> Text:
    return Text(text)
