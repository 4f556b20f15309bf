"""Reading source files: regular files of bounded size, the encoding rules, and strict YAML.

Every failure becomes a finding with `path:line`, never an exception: a source that is a
directory, a FIFO, a device (a symlink to /dev/zero), too large or unreadable is
reported and skipped, so a hostile checkout cannot hang or exhaust the checker.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Any

import yaml

from .model import Finding

BOM = b"\xef\xbb\xbf"
# The license texts are tens of kilobytes; 4 MiB is a hundred times that and still cheap
# to hold in memory, so a larger file is a mistake or an attack.
MAX_BYTES = 4 * 1024 * 1024
# libyaml's parser when present: the same events and nodes, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The data files nest four or five levels; the construction and the line map recurse per level.
MAX_DEPTH = 50
CORE_TAG = "tag:yaml.org,2002:"
MERGE_TAG = CORE_TAG + "merge"


def read_bytes(path: Path) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a regular file of at most MAX_BYTES; anything else is a finding."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        # os.open makes the descriptor close-on-exec by itself (PEP 446).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno in (errno.ENOENT, errno.ENOTDIR):
            return None, [Finding(path, 1, "FILE-MISSING", "", f"cannot read the file: {err.strerror}")]
        with contextlib.suppress(OSError):  # a socket cannot be opened (ENXIO): say what it is
            mode = os.stat(path).st_mode
            if not stat.S_ISREG(mode):
                return None, [Finding(path, 1, "FILE-NOT-REGULAR", "", f"is {_kind(mode)}, not a regular file")]
        return None, [Finding(path, 1, "FILE-UNREADABLE", "", f"cannot read the file: {err.strerror}")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [Finding(path, 1, "FILE-NOT-REGULAR", "", f"is {_kind(info.st_mode)}, not a regular file")]
        if info.st_size > MAX_BYTES:
            return None, [_too_large(path)]
        chunks, size = [], 0
        while size <= MAX_BYTES:  # the file may grow while it is read: never read past the limit
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            return None, [_too_large(path)]
        return b"".join(chunks), []
    except OSError as err:
        return None, [Finding(path, 1, "FILE-UNREADABLE", "", f"cannot read the file: {err.strerror}")]
    finally:
        os.close(fd)


def _too_large(path: Path) -> Finding:
    return Finding(path, 1, "FILE-TOO-LARGE", "", f"is larger than {MAX_BYTES // (1024 * 1024)} MiB, the limit for a source")


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"))
    kinds += ((stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def read_text(path: Path) -> tuple[str | None, list[Finding]]:
    """Read a source as UTF-8 with LF line endings and no byte-order mark.

    A BOM or CRLF is reported as an error and then removed, so that the rest of the
    file can still be checked; bytes that are not UTF-8 stop the file.
    """
    raw, findings = read_bytes(path)
    if raw is None:
        return None, findings
    if raw.startswith(BOM):
        findings.append(Finding(path, 1, "ENC-BOM", "", "starts with a UTF-8 byte-order mark; save without BOM"))
        raw = raw[len(BOM) :]
    try:
        text = raw.decode()
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, findings + [Finding(path, line, "ENC-UTF8", "", f"not valid UTF-8 (byte {err.start}); save as UTF-8")]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        findings.append(Finding(path, line, "ENC-CRLF", "", "uses CR or CRLF line endings; use LF only"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, findings


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int], list[Finding]]:
    """Load a YAML file and the 1-based line of every value, keyed by its path of keys."""
    text, findings = read_text(path)
    if text is None:
        return None, {}, findings
    data, lines, problems = load_yaml(text)
    return data, lines, findings + [Finding(path, line, code, "", message) for line, code, message in problems]


Problem = tuple[int, str, str]  # (0-based line, finding code, message)


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[tuple, int], list[Problem]]:
    """Strict YAML: one document of plain mappings, lists and scalars.

    Anchors, aliases, merge keys and explicit tags are refused from the parser's events,
    before any node is built, so an alias bomb costs no more than reading its text.
    Duplicate keys are refused from the nodes (PyYAML would keep the last one silently).
    Returns the data (None when refused), the line of every value, and the problems,
    with lines counted from `first_line`.
    """
    try:
        problems = _event_problems(text, first_line)
        if problems:
            return None, {}, problems
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            problems = _node_problems(node, first_line) if node is not None else []
            if problems:
                return None, {}, problems
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as err:
        # A character YAML refuses: the reader gives its position (in bytes with libyaml, in
        # characters without) and a message over two lines; the character itself is enough.
        # For text, both readers give the code point; its first occurrence is where they stopped.
        at = text.index(chr(err.character))
        message = f"invalid YAML: character U+{err.character:04X} is not allowed"  # the readers' reasons differ
        return None, {}, [(text[:at].count("\n") + first_line, "YAML-SYNTAX", message)]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        return None, {}, [((mark.line if mark else 0) + first_line, "YAML-SYNTAX", f"invalid YAML: {problem}")]
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, first_line)
    return data, lines, []


def _event_problems(text: str, first_line: int) -> list[Problem]:
    """The first anchor, alias, explicit tag or too deep nesting: one is enough to refuse the file."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        line = event.start_mark.line + first_line
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return [(line, "YAML-SHAPE", f"nested more than {MAX_DEPTH} levels deep")]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if isinstance(event, yaml.AliasEvent):
            return [(line, "YAML-ALIAS", f"alias *{event.anchor} is not allowed; write the value out")]
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            return [(line, "YAML-ALIAS", f"anchor &{anchor} is not allowed; write the value out")]
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix(CORE_TAG) if tag.startswith(CORE_TAG) else tag
            return [(line, "YAML-TAG", f"tag {_quote(shown)} is not allowed; data files hold plain values")]
    return []


def _node_problems(node: yaml.Node, first_line: int) -> list[Problem]:
    problems: list[Problem] = []
    stack = [node]
    while stack:  # no aliases are left, so every node is visited once
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[tuple[str, str], int] = {}
            for key, value in current.value:
                line = key.start_mark.line + first_line
                if key.tag == MERGE_TAG:
                    problems.append((line, "YAML-MERGE", "merge key << is not allowed; write the keys out"))
                elif not isinstance(key, yaml.ScalarNode):
                    problems.append((line, "YAML-SHAPE", "a key must be a plain word or string, not a list or mapping"))
                else:
                    if (key.tag, key.value) in seen:
                        message = f"key {_quote(key.value)} is repeated (first on line {seen[key.tag, key.value]})"
                        problems.append((line, "YAML-DUPLICATE-KEY", message))
                    else:
                        seen[key.tag, key.value] = line
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value
    return sorted(problems)


def _quote(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:60] + "…")


def _walk(node: yaml.Node, keys: tuple, lines: dict[tuple, int], first_line: int) -> None:
    lines[keys] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, keys + (key.value,), lines, first_line)
            lines[keys + (key.value,)] = key.start_mark.line + first_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, keys + (index,), lines, first_line)
