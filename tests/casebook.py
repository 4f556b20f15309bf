"""Broken-source cases: edits to a copy of `license/` and the exact findings each must cause.

A case is a YAML file in `tests/corpus/`:

    description: what the edit does
    edits: [{file: zh.md, find: "…", replace: "…"}]   # or {file, content: "…"}, {file, delete: true}
    expect:                       # every error finding, exactly; none more
      - {file: zh.md, at: "text on the line", code: TEXT-CHANGED, clause: s4-3-i, message: "…"}

`at` locates the line by text in the broken copy, so unrelated edits to the sources do
not move it; `line` gives a number instead. `max_seconds` bounds how long the checker
may take on the case (for inputs built to exhaust it, such as a YAML alias bomb). Cases under `tests/corpus/good/` expect no
error at all. `python tests/casebook.py NAME…` prints what a case yields today, for
writing a new case; an expectation is reviewed by hand, never copied blindly.
"""

from __future__ import annotations

import contextlib
import locale
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
LICENSE = ROOT / "license"
CORPUS = TESTS / "corpus"
# The original as extracted from the licensor's PDF (its SHA-256 is pinned in test_fidelity).
SEED = LICENSE / "original" / "baichuan-7B-license.zh.txt"


@dataclass
class Case:
    name: str
    description: str
    edits: list[dict]
    expect: list[dict]
    max_seconds: float | None = None

    def expected_lines(self, root: Path) -> list[str]:
        """Each expected finding as `file:line: CODE clause: message`, in the broken copy `root`."""
        return sorted(_expected_line(e, root) for e in self.expect)


def _expected_line(expect: dict, root: Path) -> str:
    line = expect.get("line")
    if line is None:
        lines = (root / expect["file"]).read_text(encoding="utf-8", errors="replace").split("\n")
        line = next(n for n, text in enumerate(lines, start=1) if expect["at"] in text)
    return f"{expect['file']}:{line}: {expect['code']} {expect.get('clause') or '-'}: {expect['message']}"


# libyaml's loader, when PyYAML has it: the same data from the corpus, read ten times faster,
# and every test process reads the whole corpus while it collects.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(path: Path) -> Case:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    return Case(path.stem, data["description"], data["edits"], data.get("expect") or [], data.get("max_seconds"))


def cases() -> list[Case]:
    """The broken cases: each must yield exactly its expected errors."""
    return [_load(p) for p in sorted(CORPUS.glob("*.yaml"))]


def good_cases() -> list[Case]:
    """Edits that must stay clean: re-wrapping, captions, reordered keys."""
    return [_load(p) for p in sorted((CORPUS / "good").glob("*.yaml"))]


def edited_copy(dest: Path, edits: list[dict], name: str = "edit") -> Path:
    """Copy `license/` to `dest` and apply `edits`; each `find` must match exactly once.

    A `file` under `../docs/` edits the site's pages, copied beside `dest` when missing.
    `content` replaces a whole file; `keep: 0.5` keeps only that share of its characters;
    `drop: "- id: x"` deletes the YAML list item that starts with that line; `delete`
    removes the file.
    """
    shutil.copytree(LICENSE, dest)
    for edit in edits:
        path = dest / edit["file"]
        if edit.get("delete"):
            path.unlink()
            continue
        if edit["file"].startswith("../docs/") and not (dest.parent / "docs").exists():
            shutil.copytree(ROOT / "docs", dest.parent / "docs")
        text = path.read_text(encoding="utf-8")
        if "content" in edit:
            text = edit["content"]
        if "keep" in edit:
            text = text[: int(len(text) * edit["keep"])]
        if "drop" in edit:
            text = _drop_item(text, edit["drop"], name)
        if "find" in edit:
            assert text.count(edit["find"]) == 1, f"{name}: {edit['find']!r} must occur once in {edit['file']}"
            text = text.replace(edit["find"], edit["replace"] + edit.get("append", "") * edit.get("times", 0))
        data = text.replace("\n", "\r\n") if edit.get("crlf") else text
        raw = data.encode(edit.get("encoding", "utf-8"))
        path.write_bytes(b"\xef\xbb\xbf" + raw if edit.get("bom") else raw)
    return dest


def _drop_item(text: str, first: str, name: str) -> str:
    """`text` without the top-level list item whose first line is `first`."""
    lines = text.split("\n")
    assert lines.count(first) == 1, f"{name}: {first!r} must be one line of the file"
    start = lines.index(first)
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("- ")), len(lines))
    return "\n".join(lines[:start] + lines[end:])


def record_review(root: Path) -> Path:
    """Record every text of the license folder `root` as reviewed, as `published_ids.py --write` does."""
    import published_ids

    from licensekit.parse import load
    from licensekit.registry import generate

    (root / "published-ids.yaml").write_text(published_ids.dump(generate(load(root))), encoding="utf-8")
    return root


def broken_copy(case: Case, dest: Path) -> Path:
    """Copy `license/` to `dest` with the case's edits applied."""
    return edited_copy(dest, case.edits, case.name)


def actual_lines(root: Path) -> list[str]:
    """The error findings the checker reports for a license folder, as `file:line: …` lines."""
    from licensekit import checks
    from licensekit.parse import load

    return sorted(f.format(root) for f in checks.errors(checks.run(load(root))))


def seed_chars() -> str:
    """The original's characters, whitespace removed: an oracle that shares no code with the checker."""
    return re.sub(r"\s", "", SEED.read_text(encoding="utf-8"))


def markdown_chars(text: str) -> str:
    """The characters of a source's text, without its markup or whitespace, by plain patterns:
    front matter, heading marks, `{#id}`, editorial `*captions*` and link targets go."""
    body = text.split("\n---\n", 1)[1]
    body = re.sub(r"^#+ ", "", body, flags=re.M)
    body = re.sub(r"\{#[a-z0-9-]+\}", "", body)
    body = re.sub(r"\*[^*\n]+\*", "", body)
    body = re.sub(r"\[([^\]]*)\]\(#[a-z0-9-]+\)", r"\1", body)
    body = re.sub(r"\[([^\]]*)\]", r"\1", body)
    return re.sub(r"\s", "", body)


def _record(name: str) -> None:
    import tempfile

    path = next(p for p in (CORPUS / f"{name}.yaml", CORPUS / "good" / f"{name}.yaml") if p.exists())
    case = _load(path)
    with tempfile.TemporaryDirectory() as tmp:
        root = broken_copy(case, Path(tmp) / "license")
        found = []
        for line in actual_lines(root):
            file, number, rest = line.split(":", 2)
            code, rest = rest.strip().split(" ", 1)
            clause, message = rest.split(": ", 1)
            lines = (root / file).read_text(encoding="utf-8", errors="replace").split("\n") if (root / file).exists() else [""]
            text = lines[int(number) - 1]
            first = next(n for n, t in enumerate(lines, 1) if text in t)
            where = {"at": text} if text.strip() and first == int(number) else {"line": int(number)}
            found.append({"file": file, **where, "code": code, "clause": "" if clause == "-" else clause, "message": message})
    print(f"# {name}")
    print(yaml.safe_dump({"expect": found}, allow_unicode=True, sort_keys=False, width=1000))


@contextlib.contextmanager
def ascii_locale() -> Iterator[None]:
    """LC_CTYPE=C: a file read or written in the locale's encoding then fails on Chinese."""
    saved = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    for arg in sys.argv[1:]:
        _record(arg)
