"""The clause model: what one parse of `license/` yields."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import codes

LANGS = ("zh-Hans", "en")
SLUGS = {"zh-Hans": "zh", "en": "en"}  # each text's page: /zh/, /en/
# A finding quotes source text; a 1 MB line must not make a 1 MB message.
MESSAGE_LIMIT = 240
AUTHORITATIVE = "zh-Hans"


@dataclass(frozen=True)
class Span:
    """A run of clause text: plain text, a reference, a term use or an inline definition."""

    kind: str  # "text" | "ref" | "term" | "defterm"
    text: str
    target: str = ""  # clause or term ID for ref, term and defterm


@dataclass
class Paragraph:
    spans: list[Span]
    line: int

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass
class Clause:
    """One clause in one language. `id` is empty when the source gave none."""

    id: str
    lang: str
    kind: str  # section | definition | item | field | paragraph
    level: int  # 2 for sections, 3 and 4 below them
    parent: str | None
    number: str  # as printed, "" when unnumbered
    title: str  # heading text that belongs to the license (sections, fields)
    caption: str  # editorial heading, not part of the license
    paragraphs: list[Paragraph]
    path: Path
    line: int

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def printed_number(self) -> str:
        """The number as the original prints it: "(ii)" of "(ii) [sic: (iii)]"."""
        return split_sic(self.number)[0]

    @property
    def sic(self) -> str:
        """The correction a translation prints after a misprinted number, or ""."""
        return split_sic(self.number)[1]

    @property
    def heading(self) -> str:
        """The heading as the site shows it: number, then title or caption."""
        return " ".join(x for x in (self.number, self.title or self.caption) if x)

    def spans(self, kind: str) -> list[Span]:
        return [s for p in self.paragraphs for s in p.spans if s.kind == kind]

    @property
    def refs(self) -> list[str]:
        return _unique(s.target for s in self.spans("ref"))

    @property
    def terms(self) -> list[str]:
        return _unique(s.target for s in self.spans("term"))

    @property
    def defines(self) -> list[str]:
        return _unique(s.target for s in self.spans("defterm"))


@dataclass
class Document:
    """One language's text: a title and its clauses in reading order."""

    path: Path
    lang: str
    title: str
    title_line: int
    clauses: list[Clause] = field(default_factory=list)
    front_title: str = ""  # the front matter's `title`
    front_title_line: int = 1
    _index: tuple = field(default=(), repr=False, compare=False)

    def _indexes(self) -> tuple[dict[str, Clause], dict[str, int], dict[str, Clause], dict[str, list[Clause]]]:
        """Lookups over the clauses, built once per clause list: a lookup per clause then
        costs O(1), not a pass over the whole text (which made labels quadratic)."""
        key = (id(self.clauses), len(self.clauses))
        if not self._index or self._index[0] != key:
            by_id = {c.id: c for c in self.clauses if c.id}
            position = {c.id: i for i, c in reversed(list(enumerate(self.clauses))) if c.id}
            definer: dict[str, Clause] = {}
            children: dict[str, list[Clause]] = {}
            for clause in self.clauses:
                for term in clause.defines:
                    definer.setdefault(term, clause)
                if clause.parent:
                    children.setdefault(clause.parent, []).append(clause)
            self._index = (key, (by_id, position, definer, children))
        return self._index[1]

    def by_id(self) -> dict[str, Clause]:
        """Each clause by ID (the last one of a duplicated ID); do not modify the dict."""
        return self._indexes()[0]

    def position(self, clause_id: str) -> int:
        """Where the first clause with this ID stands in reading order."""
        return self._indexes()[1][clause_id]

    def definer(self, term_id: str) -> Clause | None:
        """The first clause that defines the term inline."""
        return self._indexes()[2].get(term_id)

    def children(self, clause_id: str) -> list[Clause]:
        """The clauses whose parent is `clause_id`, in reading order."""
        return self._indexes()[3].get(clause_id, [])

    def anchors(self) -> set[str]:
        """Every ID that is an anchor: clause IDs and inline term definitions."""
        ids = {c.id for c in self.clauses if c.id}
        return ids | {t for c in self.clauses for t in c.defines}


@dataclass(frozen=True)
class Finding:
    """One problem: rendered as `path:line: CODE clause-id: message`."""

    path: Path
    line: int
    code: str
    clause: str
    message: str

    def __post_init__(self) -> None:
        codes.level(self.code)  # refuse an unregistered code at once
        # Written out as they are (JSON, the error page): a clause of None would be null, not "".
        if not isinstance(self.clause, str) or not isinstance(self.line, int):
            raise TypeError(f"a finding's clause is a str and its line an int, not {self.clause!r} and {self.line!r}")
        object.__setattr__(self, "message", shorten(self.message))

    @property
    def level(self) -> codes.Level:
        return codes.level(self.code)

    @property
    def fatal(self) -> bool:
        return codes.CODES[self.code].fatal

    def format(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            # A page of the site beside a license folder shows as ../docs/…; the folder is
            # resolved, not the file, so a symlinked source is shown by its own name.
            for base, prefix in ((root, ""), (root.parent, "../")):
                with contextlib.suppress(ValueError):
                    path = Path(prefix + str((self.path.parent.resolve() / self.path.name).relative_to(base.resolve())))
                    break
        return f"{path}:{self.line}: {self.code} {self.clause or '-'}: {self.message}"


@dataclass(frozen=True)
class Annotation:
    """An erratum or translation note, as a clause links to it on /notes/."""

    kind: str  # "erratum" | "note"
    id: str
    label: dict[str, str]  # short link text, per language

    @property
    def anchor(self) -> str:
        """The anchor on /notes/: erratum-<id> or note-<id>."""
        return f"{self.kind}-{self.id}"


@dataclass
class License:
    """Everything in one license folder, parsed once."""

    root: Path
    docs: dict[str, Document]
    metadata: dict[str, Any]
    glossary: list[dict[str, Any]]
    errata: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    original: str
    lines: dict[Path, dict[tuple, int]]  # line of each YAML node, by path of keys
    findings: list[Finding]  # problems met while parsing
    texts: dict[Path, str] = field(default_factory=dict)  # every text source as read, for character checks
    published: dict[str, Any] = field(default_factory=dict)  # published-ids.yaml: every ID ever published
    _terms: tuple = field(default=(), repr=False, compare=False)

    @property
    def aliases(self) -> dict[str, str]:
        """Retired IDs and the current ID each now points to, so that old links keep working."""
        value = self.published.get("aliases") or {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    @property
    def zh(self) -> Document:
        return self.docs["zh-Hans"]

    @property
    def en(self) -> Document:
        return self.docs["en"]

    def path(self, name: str) -> Path:
        return self.root / name

    def line_of(self, name: str, *keys: Any) -> int:
        """The source line of a YAML value, falling back to its nearest parent."""
        table = self.lines.get(self.path(name), {})
        while keys and keys not in table:
            keys = keys[:-1]
        return table.get(keys, 1)

    def notice(self, lang: str) -> str:
        """The notice that goes with a language's text: its authority, or that it is unofficial."""
        return next((x.get("notice", "") for x in self.metadata.get("languages", []) if x.get("tag") == lang), "")

    def pairs(self):
        """Each clause present in both languages, as (Chinese, English), in Chinese order."""
        en = self.en.by_id()
        return [(zh, en[zh.id]) for zh in self.zh.clauses if zh.id in en]

    def annotations(self, clause_id: str) -> list[Annotation]:
        """The errata and translation notes that concern a clause, to link from it in both languages."""
        out = [
            Annotation("erratum", e["id"], {"zh-Hans": f"勘误：{e.get('printed', '')}", "en": f"Erratum: {e.get('printed', '')}"})
            for e in self.errata
            if e.get("clause") == clause_id and e.get("id")
        ]
        out += [
            Annotation("note", n["id"], {"zh-Hans": f"译注：{n.get('zh-Hans', '')}", "en": f"Translation note: {n.get('en', '')}"})
            for n in self.notes
            if clause_id in (n.get("clauses") or []) and n.get("id")
        ]
        return out

    def terms_by_id(self) -> dict[str, dict[str, Any]]:
        """Each glossary entry by ID, built once per glossary list; do not modify the dict."""
        key = (id(self.glossary), len(self.glossary))
        if not self._terms or self._terms[0] != key:
            self._terms = (key, {t["id"]: t for t in self.glossary})
        return self._terms[1]


SIC = re.compile(r"^(?P<printed>\S+) \[sic: (?P<correction>[^\]\s]+)\]$")


def split_sic(number: str) -> tuple[str, str]:
    """A printed number and its "[sic: …]" correction ("" when there is none)."""
    match = SIC.match(number)
    return (match["printed"], match["correction"]) if match else (number, "")


def shorten(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message cut to `limit` characters, saying how much was left out."""
    if len(message) <= limit:
        return message
    return f"{message[:limit]}… ({len(message) - limit} more characters)"


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
