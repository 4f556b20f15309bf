"""Reading source files: the encoding rules and YAML with line numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .model import Finding

BOM = b"\xef\xbb\xbf"
# libyaml's loader when present: the same results, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path) -> tuple[str | None, list[Finding]]:
    """Read a source as UTF-8 with LF line endings and no byte-order mark.

    A BOM or CRLF is reported as an error and then removed, so that the rest of the
    file can still be checked; bytes that are not UTF-8 stop the file.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, [Finding(path, 1, "FILE-MISSING", "", f"cannot read the file: {err.strerror}")]
    findings = []
    if raw.startswith(BOM):
        findings.append(Finding(path, 1, "ENC-BOM", "", "starts with a UTF-8 byte-order mark; save without BOM"))
        raw = raw[len(BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return None, findings + [Finding(path, line, "ENC-UTF8", "", f"not valid UTF-8 (byte {err.start}); save as UTF-8")]
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        findings.append(Finding(path, line, "ENC-CRLF", "", "uses CR or CRLF line endings; use LF only"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, findings


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int], list[Finding]]:
    """Load a YAML file and the 1-based line of every value, keyed by its path of keys."""
    text, findings = read_text(path)
    if text is None:
        return None, {}, findings
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(err, "problem", None) or str(err)
        return None, {}, findings + [Finding(path, line, "YAML-SYNTAX", "", f"invalid YAML: {problem}")]
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines, findings


def _walk(node: yaml.Node, keys: tuple, lines: dict[tuple, int]) -> None:
    lines[keys] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, keys + (key.value,), lines)
            lines[keys + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, keys + (index,), lines)
