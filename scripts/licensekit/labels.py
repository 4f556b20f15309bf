"""What a reference's link text may say about its target, derived from the clause model.

A label can name its target in four ways, each checked against the model:

- **by number**: the numbers in the label ("clause 1", "IV.3(iii)", "第1条", "(ii)")
  must end the target's chain of printed numbers, in either language (so the original's
  misprinted "(ii)" for IV.3(iii) is accepted too). `[clause 4](#s4-1)` is refused.
- **by title**: a label that contains the title of a section or field, or an item's
  caption ("附则", "Appendix"), must point to that clause, one of its parents or
  one of its parts. `[附则](#s5)` is refused.
- **by position**: a label with 以上 上述 前述 / above, foregoing, preceding must point
  back; 下列 如下 以下 / below, following must point ahead.
- **by content**: otherwise every word of the label (every character in Chinese, bar
  particles) must occur in the target's title, caption or text, or in its parts'.
"""

from __future__ import annotations

import re

from .model import Clause, Document
from .numerals import value

_BACK = re.compile(r"以上|上述|前述|\b(?:above|foregoing|preceding)\b", re.IGNORECASE)
_AHEAD = re.compile(r"下列|如下|以下|\b(?:below|following)\b", re.IGNORECASE)
_NUMBERS = re.compile(r"\(([0-9]+|[ivxlc]+|[IVXLC]+)\)|第([0-9]+|[一二三四五六七八九十]+)[条款项章节部]|\b([IVXLC]+)\b|([0-9]+)")
_ZH_PARTICLES = set("的和与及或之其本该此等")
_EN_STOP = {"the", "a", "an", "of", "and", "or", "to", "in", "this", "that", "these", "those", "its", "on", "by", "for", "with", "as"}


def numbers(label: str) -> list[int]:
    """The clause numbers a label cites, outermost first."""
    return [value(next(g for g in m.groups() if g)) for m in _NUMBERS.finditer(label)]


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _ancestry(doc: Document, target: Clause) -> list[Clause]:
    """The target and its parents, innermost first."""
    by_id, up, clause = doc.by_id(), [], target
    while clause is not None:
        up.append(clause)
        clause = by_id.get(clause.parent)
    return up


def _lineage(doc: Document, target: Clause) -> list[Clause]:
    """The target, its parents and its parts, in no particular order: the one caller,
    `_vocabulary`, keeps only the set of their words."""
    down, frontier, seen = [], [target.id], {target.id}
    while frontier:
        kids = [c for c in doc.children(frontier.pop()) if c.id not in seen]
        down += kids
        seen.update(c.id for c in kids)
        frontier += [c.id for c in kids if c.id]
    return _ancestry(doc, target) + down


def _related(doc: Document, target: Clause, clause: Clause) -> bool:
    """Whether `clause` is in the target's lineage: the target, a parent or a part of it.
    Walks up from both, so the cost is the depth, not the size of a section."""
    up = {c.id for c in _ancestry(doc, target)}
    return clause.id in up or target.id in {c.id for c in _ancestry(doc, clause)}


def _chain(doc: Document, target: Clause) -> list[str]:
    """The printed numbers from the outermost parent down to the target."""
    return [c.number for c in reversed(_ancestry(doc, target)) if c.number]


def _names(clause: Clause) -> list[str]:
    """Titles and item captions, which a label may quote; definitions' captions are terms."""
    names = [clause.title] + ([clause.caption] if clause.kind != "definition" else [])
    return [n for n in map(_norm, names) if len(n.replace(" ", "")) >= (2 if clause.lang == "zh-Hans" else 4)]


def _vocabulary(doc: Document, target: Clause) -> tuple[set[str], set[str]]:
    """The characters (Chinese) or words and their stems (English) of the target and its
    lineage, once per target: a section's lineage is most of the text."""
    index = _index(doc)
    if target.id not in index.vocabulary:
        text = _norm(" ".join(f"{c.title} {c.caption} {c.text}" for c in _lineage(doc, target)))
        if doc.lang == "zh-Hans":
            index.vocabulary[target.id] = set(text), set()
        else:
            words = set(text.split())
            index.vocabulary[target.id] = words, {w.rstrip("s") for w in words}
    return index.vocabulary[target.id]


def _missing_words(label: str, doc: Document, target: Clause) -> list[str]:
    words, stems = _vocabulary(doc, target)
    if doc.lang == "zh-Hans":
        return [ch for ch in dict.fromkeys(_norm(label).replace(" ", "")) if ch not in _ZH_PARTICLES and ch not in words]
    return [w for w in _norm(label).split() if w not in _EN_STOP and w not in words and w.rstrip("s") not in stems]


class _DocIndex:
    """What the checks of labels look up in one document, built as it is needed."""

    def __init__(self, doc: Document):
        # Each title and caption a label may quote (`_names`), as `_named_in` compares it
        # (Chinese without spaces, English in whole words), with the clauses that bear it;
        # and the longest, in characters or words.
        self.names: dict[str, list[tuple[int, Clause]]] = {}
        for position, clause in enumerate(doc.clauses):
            for name in dict.fromkeys(_names(clause)):
                self.names.setdefault(_name_key(name, doc.lang), []).append((position, clause))
        self.longest = max((len(k) if doc.lang == "zh-Hans" else len(k.split()) for k in self.names), default=0)
        self.vocabulary: dict[str, tuple[set[str], set[str]]] = {}  # by target ID


_INDEXES: list[tuple[Document, tuple, _DocIndex]] = []  # of a few recent documents


def _index(doc: Document) -> _DocIndex:
    key = (id(doc.clauses), len(doc.clauses))
    for cached, cached_key, index in _INDEXES:
        if cached is doc and cached_key == key:
            return index
    index = _DocIndex(doc)
    _INDEXES[:] = [*_INDEXES[-7:], (doc, key, index)]
    return index


def _name_key(text: str, lang: str) -> str:
    return text.replace(" ", "") if lang == "zh-Hans" else text


def _named_in(doc: Document, label: str) -> list[Clause]:
    """Every clause whose title or caption the (normalized) label contains, in reading order:
    in Chinese as a string once spaces are removed from both, in English as whole words.

    Each part of the label is looked up, instead of comparing the label with every clause:
    the cost follows the label's length, not the text's.
    """
    index = _index(doc)
    names, longest = index.names, index.longest
    if doc.lang == "zh-Hans":
        text = label.replace(" ", "")
        parts = {text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + longest) + 1)}
    else:
        words = label.split()
        parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + longest) + 1)}
    hits = {position: clause for part in parts for position, clause in names.get(part, [])}
    return [hits[p] for p in sorted(hits)]


def problem(label: str, target_id: str, source: Clause, docs: list[Document]) -> str:
    """Why a label does not fit its target, or "" when it does. `docs` holds the source's
    document first, then the other language's (for its numbering)."""
    doc = docs[0]
    target = doc.by_id().get(target_id)
    if target is None:
        return ""  # a broken reference is reported as such
    cited = numbers(label)
    if cited:
        chains = [[value(n) for n in _chain(d, d.by_id()[target_id])] for d in docs if target_id in d.by_id()]
        if not any(chain[len(chain) - len(cited) :] == cited for chain in chains if len(chain) >= len(cited)):
            printed = _printed(_chain(doc, target))
            return f"the label “{label}” cites {'.'.join(map(str, cited))}, but #{target_id} is numbered {printed or 'nothing'}"
        return ""
    for clause in _named_in(doc, _norm(label)):
        if not _related(doc, target, clause):
            return f"the label “{label}” names #{clause.id}, but the reference points to #{target_id}"
    at = doc.position
    if _BACK.search(label) and at(target_id) >= at(source.id):
        return f"the label “{label}” points back, but #{target_id} does not come before this clause"
    if _AHEAD.search(label) and at(target_id) <= at(source.id):
        return f"the label “{label}” points ahead, but #{target_id} does not come after this clause"
    if _BACK.search(label) or _AHEAD.search(label):
        return ""
    missing = _missing_words(label, doc, target)
    if missing:
        return f"the label “{label}” has {', '.join(missing)}, which #{target_id} and its parts never say"
    return ""


def _printed(numbers: list[str]) -> str:
    """A chain of printed numbers as one citation: "IV.3(iii)", "四、3.(ii)" -> "四、3(ii)"."""
    out = ""
    for number in numbers:
        core = number.rstrip(".．")
        out += core if not out or core.startswith("(") or out.endswith("、") else "." + core
    return out
