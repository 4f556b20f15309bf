"""The reference: each language's text cut into units (title, optional notice, clauses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cite import label
from ..exports.text import clause_line
from ..model import License
from .normalise import Text, fold, normalise

# Per language: K, the length of the character shingles that anchor a clause, and
# MIN_MATCH, the characters of the license a text must reproduce to be this license.
# Chinese carries a word in one or two characters, English in five or six.
PARAMS = {"zh-Hans": {"k": 4, "min_match": 40, "path": "zh"}, "en": {"k": 10, "min_match": 100, "path": "en"}}

# The template's slots: what a license built on the same template replaces. Values are
# matched after folding, longest first.
SLOTS: dict[str, dict[str, list[str]]] = {
    "zh-Hans": {
        "licensor": ["北京百川智能科技有限公司"],
        "model": ["baichuan-7B"],
        "contact": ["opensource@baichuan-inc.com"],
        "jurisdiction": ["中华人民共和国大陆地区(仅为本协议之目的，不包括香港、澳门和台湾)"],
    },
    "en": {
        "licensor": [
            "Beijing Baichuan Intelligent Technology Co., Ltd. (北京百川智能科技有限公司)",
            "Beijing Baichuan Intelligent Technology Co., Ltd.",
        ],
        "model": ["baichuan-7B"],
        "contact": ["opensource@baichuan-inc.com"],
        "jurisdiction": [
            "the mainland of the People’s Republic of China "
            "(for the purposes of this Agreement only, excluding Hong Kong, Macao and Taiwan)"
        ],
    },
}
SLOT_NAMES = {"licensor": "licensor", "model": "model name", "contact": "contact e-mail", "jurisdiction": "jurisdiction"}


@dataclass
class Unit:
    """One piece of the reference, matched as a whole."""

    index: int
    id: str
    label: str
    url: str
    text: Text
    optional: bool = False  # its absence alone does not make a copy partial


@dataclass
class Reference:
    lang: str
    units: list[Unit]
    k: int
    min_match: int
    slots: dict[str, list[str]]
    index: dict[str, tuple[int, int]] = field(default_factory=dict)  # unique shingle -> (unit, offset)
    grams: list[int] = field(default_factory=list)  # unique shingles per unit

    @property
    def total(self) -> int:
        return sum(len(u.text.canon) for u in self.units if not u.optional)


def build(lic: License, lang: str, site_url: str) -> Reference:
    """The reference for one language: the title, for English the notice, then each clause."""
    doc = lic.docs[lang]
    params = PARAMS[lang]
    page = site_url.rstrip("/") + "/" + params["path"] + "/"
    units = [Unit(0, "title", "title", page, normalise(doc.title))]
    # The downloads print the notice with the English text only (exports.downloads).
    notice = lic.notice(lang) if lang == "en" else ""
    if notice:
        units.append(Unit(len(units), "notice", "notice", page, normalise(notice), optional=True))
    for clause in doc.clauses:
        text = clause_line(clause)
        if clause.id and text:
            units.append(Unit(len(units), clause.id, label(lic, clause.id), f"{page}#{clause.id}", normalise(text)))
    ref = Reference(lang, units, params["k"], params["min_match"], {k: [fold(v) for v in vs] for k, vs in SLOTS[lang].items()})
    _index(ref)
    return ref


def _index(ref: Reference) -> None:
    """Each shingle of length k that occurs once in the whole reference, with where it occurs."""
    k = ref.k
    seen: dict[str, tuple[int, int] | None] = {}
    for unit in ref.units:
        canon = unit.text.canon
        for o in range(len(canon) - k + 1):
            gram = canon[o : o + k]
            seen[gram] = None if gram in seen else (unit.index, o)
    ref.index = {g: hit for g, hit in seen.items() if hit is not None}
    ref.grams = [0] * len(ref.units)
    for u, _ in ref.index.values():
        ref.grams[u] += 1
