"""Broken-source cases: edits to a copy of `license/` and the finding each must cause."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
LICENSE = ROOT / "license"
CORPUS = TESTS / "corpus"


@dataclass
class Case:
    name: str
    description: str
    edits: list[dict]
    expect: dict

    def expected_line(self, root: Path) -> str:
        """The start of the finding: `file:line: CODE clause:`.

        `line` gives the line as a number; `at` as text the line contains, looked up in
        the broken copy so that unrelated edits to the sources do not move it.
        """
        line = self.expect.get("line")
        if line is None:
            lines = (root / self.expect["file"]).read_text(encoding="utf-8").split("\n")
            line = next(n for n, text in enumerate(lines, start=1) if self.expect["at"] in text)
        return f"{self.expect['file']}:{line}: {self.expect['code']} {self.expect['clause'] or '-'}:"


def cases() -> list[Case]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(Case(path.stem, data["description"], data["edits"], data["expect"]))
    return out


def edited_copy(dest: Path, edits: list[dict], name: str = "edit") -> Path:
    """Copy `license/` to `dest` and apply `edits`; each `find` must match exactly once."""
    shutil.copytree(LICENSE, dest)
    for edit in edits:
        path = dest / edit["file"]
        text = path.read_text(encoding="utf-8")
        if "find" in edit:
            assert text.count(edit["find"]) == 1, f"{name}: {edit['find']!r} must occur once in {edit['file']}"
            text = text.replace(edit["find"], edit["replace"])
        data = text.replace("\n", "\r\n") if edit.get("crlf") else text
        raw = data.encode(edit.get("encoding", "utf-8"))
        path.write_bytes(b"\xef\xbb\xbf" + raw if edit.get("bom") else raw)
    return dest


def broken_copy(case: Case, dest: Path) -> Path:
    """Copy `license/` to `dest` with the case's edits applied."""
    return edited_copy(dest, case.edits, case.name)
