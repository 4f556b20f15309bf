"""Every source is read safely: only regular files up to the size limit, every failure a
single finding with `path:line` (never a traceback, a hang or a cascade), and no message
quoting more than about 200 characters of source text."""

from __future__ import annotations

import ctypes
import errno
import os
import socket
import stat
import subprocess
import sys
import threading

import pytest
import yaml

from casebook import ROOT, actual_lines, edited_copy
from licensekit import sources
from licensekit.model import MESSAGE_LIMIT, Finding

NOT_REGULAR = "FILE-NOT-REGULAR -: is {}, not a regular file"


def only_finding(root, line: str) -> None:
    assert actual_lines(root) == [line]


@pytest.mark.parametrize(
    ("name", "device"),
    [("zh.md", "/dev/zero"), ("glossary.yaml", "/dev/urandom"), ("metadata.yaml", "/dev/null")],
)
def test_a_symlink_to_a_device_is_refused(name, device, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).unlink()
    (root / name).symlink_to(device)
    only_finding(root, f"{name}:1: " + NOT_REGULAR.format("a character device"))


@pytest.mark.parametrize("name", ["zh.md", "errata.yaml", "original/baichuan-7B-license.zh.txt"])
def test_a_directory_is_refused(name, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).unlink()
    (root / name).mkdir()
    (root / name / "inside.md").write_text("x")
    only_finding(root, f"{name}:1: " + NOT_REGULAR.format("a directory"))


def test_a_socket_is_refused(tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / "translation-notes.yaml").unlink()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "translation-notes.yaml"))
        only_finding(root, "translation-notes.yaml:1: " + NOT_REGULAR.format("a socket"))


def run_check(root, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "scripts/check.py", str(root)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kwargs)


@pytest.mark.parametrize("name", ["en.md", "errata.yaml"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(name, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).unlink()
    os.mkfifo(root / name)
    result = run_check(root, timeout=30)  # a blocking open would hang here until the timeout
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{root}/{name}:1: " + NOT_REGULAR.format("a FIFO"), "1 error(s)"]


TOO_LARGE = "FILE-TOO-LARGE -: is larger than 4 MiB, the limit for a source"


def test_a_50_mb_file_is_refused(tmp_path):
    root = edited_copy(tmp_path / "license", [])
    with open(root / "metadata.yaml", "r+b") as f:
        f.truncate(50 * 1024 * 1024)
    only_finding(root, f"metadata.yaml:1: {TOO_LARGE}")


def test_a_file_one_byte_over_the_limit_is_refused(tmp_path):
    root = edited_copy(tmp_path / "license", [])
    text = (root / "en.md").read_bytes()
    (root / "en.md").write_bytes(text + b"x" * (sources.MAX_BYTES + 1 - len(text)))
    only_finding(root, f"en.md:1: {TOO_LARGE}")


def test_a_file_that_grows_while_it_is_read_stops_at_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "zh.md"
    path.write_bytes(b"small")
    monkeypatch.setattr(os, "read", lambda fd, n: b"y" * n)  # like a file that another process keeps appending to
    data, found = sources.read_bytes(path)
    assert data is None
    assert [f.format(tmp_path) for f in found] == [f"zh.md:1: {TOO_LARGE}"]


@pytest.mark.parametrize("name", ["zh.md", "glossary.yaml"])
def test_a_symlink_loop_is_unreadable(name, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).unlink()
    (root / name).symlink_to(root / name)
    only_finding(root, f"{name}:1: FILE-UNREADABLE -: cannot read the file: Too many levels of symbolic links")


@pytest.mark.parametrize("name", ["zh.md", "metadata.yaml"])
def test_a_dangling_symlink_is_missing(name, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).unlink()
    (root / name).symlink_to(tmp_path / "nowhere")
    only_finding(root, f"{name}:1: FILE-MISSING -: cannot read the file: No such file or directory")


def _without_root_privileges() -> None:
    """Drop the capabilities that let root read a 0000 file, before exec (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        libc.prctl(24, cap)  # PR_CAPBSET_DROP: an exec'd root process no longer gets it


@pytest.mark.parametrize("name", ["zh.md", "errata.yaml"])
def test_a_file_without_read_permission_is_unreadable(name, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / name).chmod(0)
    result = run_check(root, preexec_fn=_without_root_privileges)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{root}/{name}:1: FILE-UNREADABLE -: cannot read the file: Permission denied", "1 error(s)"]


@pytest.mark.parametrize("name", ["zh.md", "metadata.yaml"])
def test_an_io_error_while_reading_is_unreadable(name, tmp_path, monkeypatch):
    root = edited_copy(tmp_path / "license", [])
    real_read = os.read

    def failing_read(fd, n):
        if os.readlink(f"/proc/self/fd/{fd}") == str(root / name):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", failing_read)
    only_finding(root, f"{name}:1: FILE-UNREADABLE -: cannot read the file: Input/output error")


# --- the command line --------------------------------------------------------------------


def test_check_help_prints_usage():
    result = subprocess.run([sys.executable, "scripts/check.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: check.py [-h] [--all] [license_dir]")


@pytest.mark.parametrize("where", ["missing", "missing/deeper", "a-file"])
def test_a_license_folder_that_is_not_there_is_a_finding(where, tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    result = run_check(tmp_path / where)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{tmp_path / where}:1: FILE-MISSING -: the license folder does not exist", "1 error(s)"]


def test_a_missing_schema_folder_is_a_finding(tmp_path):
    root = edited_copy(tmp_path / "license", [])
    for schema in (root / "schema").iterdir():
        schema.unlink()
    (root / "schema").rmdir()
    result = run_check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{root}/schema:1: FILE-MISSING -: the schema folder does not exist", "1 error(s)"]


@pytest.mark.parametrize("schema", ["errata.schema.json", "metadata.schema.json"])
def test_a_missing_schema_file_is_a_finding(schema, tmp_path):
    root = edited_copy(tmp_path / "license", [])
    (root / "schema" / schema).unlink()
    result = run_check(root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{root}/schema/{schema}:1: FILE-MISSING -: cannot read the file: No such file or directory",
        "1 error(s)",
    ]


# --- message length ----------------------------------------------------------------------


def test_a_long_message_is_cut_centrally():
    finding = Finding(ROOT / "license" / "zh.md", 1, "TEXT-ADDED", "s2-1", "text " + "许" * 1_000_000)
    assert finding.message == "text " + "许" * (MESSAGE_LIMIT - 5) + f"… ({1_000_005 - MESSAGE_LIMIT} more characters)"
    assert Finding(ROOT, 1, "TEXT-ADDED", "", "x" * MESSAGE_LIMIT).message == "x" * MESSAGE_LIMIT


@pytest.mark.parametrize(
    "edit",
    [
        {"file": "zh.md", "find": "收入损失", "replace": "收入损失" + "许可" * 150_000},
        {"file": "glossary.yaml", "find": "  en: Model\n", "replace": "  en: Model" + "l" * 300_000 + "\n"},
    ],
    ids=["zh-300k-line", "glossary-300k-term"],
)
def test_a_huge_line_gives_short_messages(edit, tmp_path):
    root = edited_copy(tmp_path / "license", [edit])
    found = actual_lines(root)
    assert found
    for line in found:
        message = line.split(": ", 2)[2]
        assert len(message) <= MESSAGE_LIMIT + len("… (1000000 more characters)"), line[:300]


# --- the reading rules in isolation ----------------------------------------------------------


@pytest.mark.parametrize("extra", [-1, 0])
def test_a_file_at_the_limit_is_read_whole(extra, tmp_path):
    path = tmp_path / "zh.md"
    path.write_bytes(b"z" * (sources.MAX_BYTES + extra))
    assert sources.read_bytes(path) == (b"z" * (sources.MAX_BYTES + extra), [])


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFDIR, "a directory"),
        (stat.S_IFIFO, "a FIFO"),
        (stat.S_IFCHR, "a character device"),
        (stat.S_IFBLK, "a block device"),
        (stat.S_IFSOCK, "a socket"),
        (stat.S_IFLNK, "a special file"),
        (0, "a special file"),
    ],
)
def test_each_kind_of_file_is_named(mode, kind):
    assert sources._kind(mode | 0o644) == kind


def nested(depth: int, flow: bool) -> str:
    """YAML nested `depth` collections deep: flow lists, or block mappings one a line."""
    if flow:
        return "[" * depth + "]" * depth
    return "".join("  " * i + "k:\n" for i in range(depth)) + "  " * depth + "v\n"


@pytest.mark.parametrize("flow", [True, False])
@pytest.mark.parametrize(("depth", "refused"), [(49, False), (50, False), (51, True), (60, True)])
def test_nesting_is_refused_past_fifty_levels(depth, refused, flow):
    data, _, problems = sources.load_yaml(nested(depth, flow), first_line=3)
    line = 3 if flow else 3 + sources.MAX_DEPTH
    assert problems == ([(line, "YAML-SHAPE", "nested more than 50 levels deep")] if refused else [])
    assert (data is None) is refused


@pytest.mark.parametrize("chunk", [1 << 20, 3 << 20])
def test_a_file_read_in_parts_is_never_read_past_the_limit(chunk, tmp_path, monkeypatch):
    """Each read asks only for what is left up to one byte over the limit, however little
    the one before gave (a growing file, a slow disk)."""
    path = tmp_path / "zh.md"
    path.write_bytes(b"small")
    given = []

    def partial_read(fd, n):
        given.append(min(n, chunk))
        return b"y" * given[-1]

    monkeypatch.setattr(os, "read", partial_read)
    assert [f.format(tmp_path) for f in sources.read_bytes(path)[1]] == [f"zh.md:1: {TOO_LARGE}"]
    assert sum(given) == sources.MAX_BYTES + 1


@pytest.mark.parametrize(
    ("key", "shown"),
    [("k" * 60, "k" * 60), ("k" * 61, "k" * 60 + "…"), ("许" * 70, "许" * 60 + "…")],
    ids=["60", "61", "70-zh"],
)
def test_a_repeated_key_is_quoted_up_to_sixty_characters(key, shown):
    data, _, problems = sources.load_yaml(f"{key}: 1\n{key}: 2\n")
    assert data is None
    assert problems == [(2, "YAML-DUPLICATE-KEY", f"key '{shown}' is repeated (first on line 1)")]


@pytest.mark.parametrize("name", ["en.md", "errata.yaml"])
def test_a_fifo_is_refused_in_process_without_waiting_for_a_writer(name, tmp_path):
    """The same as through the CLI, in process: a blocking open is seen within a second,
    and then released by opening the FIFO for writing, so the test never hangs."""
    path = tmp_path / name
    os.mkfifo(path)
    result = []
    reader = threading.Thread(target=lambda: result.append(sources.read_bytes(path)), daemon=True)
    reader.start()
    reader.join(timeout=1.0)
    waited = reader.is_alive()
    if waited:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5.0)
    assert not waited
    data, findings = result[0]
    assert data is None
    assert [f.format(tmp_path) for f in findings] == [f"{name}:1: " + NOT_REGULAR.format("a FIFO")]


@pytest.mark.parametrize(
    ("raw", "line", "text"),
    [
        (b"\r\n", 1, "\n"),
        (b"a\rb", 1, "a\nb"),
        (b"\nA\r\nB", 2, "\nA\nB"),
        (b"\n\n\rx\r\n", 3, "\n\n\nx\n"),
        (b"\xef\xbb\xbf\n\nzh\r\n", 3, "\n\nzh\n"),
    ],
)
def test_crlf_is_reported_at_the_line_of_the_first_cr(raw, line, text, tmp_path):
    path = tmp_path / "zh.md"
    path.write_bytes(raw)
    got, findings = sources.read_text(path)
    assert got == text
    crlf = f"zh.md:{line}: ENC-CRLF -: uses CR or CRLF line endings; use LF only"
    bom = "zh.md:1: ENC-BOM -: starts with a UTF-8 byte-order mark; save without BOM"
    assert [f.format(tmp_path) for f in findings] == ([bom] if raw.startswith(sources.BOM) else []) + [crlf]


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "\n\n  # indented comment\n"])
def test_yaml_without_a_document_is_none_and_no_problem(text):
    assert sources.load_yaml(text, first_line=4) == (None, {}, [])


@pytest.mark.parametrize(
    ("text", "line", "char"),
    [
        ("a: \x07\n", 7, "0007"),
        ("\x01", 7, "0001"),
        ("k: [1, \x08]\n", 7, "0008"),
        ("中文: 一\n\nb: x\x1by\n", 9, "001B"),  # after Chinese: libyaml counts bytes, not characters
        ("a: 1\nb: 2\n\x00\n", 9, "0000"),
        ("a: '\x7f'\n", 7, "007F"),
        ("a: \x01\nb: \x01\n", 7, "0001"),  # the first of two
    ],
)
@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])  # libyaml's reader, and PyYAML's own
def test_a_character_yaml_refuses_is_a_syntax_problem_on_its_line_in_one_line(monkeypatch, loader, text, line, char):
    monkeypatch.setattr(sources, "Loader", getattr(yaml, loader))
    data, lines, problems = sources.load_yaml(text, first_line=7)
    assert (data, lines) == (None, {})
    assert problems == [(line, "YAML-SYNTAX", f"invalid YAML: character U+{char} is not allowed")]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (yaml.YAMLError("no mark"), "invalid YAML: no mark"),  # neither mark nor problem
        (yaml.MarkedYAMLError(context="while reading"), "invalid YAML: while reading"),  # a problem of None
    ],
)
def test_a_yaml_error_without_a_mark_is_told_on_the_first_line(monkeypatch, error, message):
    """PyYAML's own errors carry a mark and a problem; an error without them still gives one finding."""

    def fail(text, first_line):
        raise error

    monkeypatch.setattr(sources, "_event_problems", fail)
    assert sources.load_yaml("a: 1\n", first_line=5) == (None, {}, [(5, "YAML-SYNTAX", message)])


def test_a_file_read_in_pieces_is_read_whole(tmp_path, monkeypatch):
    """os.read may return less than asked: the pieces are joined as they came."""
    path = tmp_path / "zh.md"
    path.write_bytes("许可协议".encode())
    real = os.read
    monkeypatch.setattr(sources.os, "read", lambda fd, n: real(fd, min(n, 2)))
    assert sources.read_bytes(path) == ("许可协议".encode(), [])


def test_a_file_too_large_is_one_finding_without_a_clause(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_bytes(b"x" * (sources.MAX_BYTES + 1))
    message = "is larger than 4 MiB, the limit for a source"
    assert sources.read_bytes(path) == (None, [Finding(path, 1, "FILE-TOO-LARGE", "", message)])


KEY_SHAPE = "a key must be a plain word or string, not a list or mapping"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("? [a, b]\n: 1\n", [2]),
        ("{[1]: x}\n", [2]),
        ("k: v\n? {k: v}\n: 1\n? [z]\n: 2\n", [3, 5]),
    ],
)
def test_a_key_that_is_a_list_or_mapping_is_refused(text, lines):
    assert sources.load_yaml(text, first_line=2) == (None, {}, [(line, "YAML-SHAPE", KEY_SHAPE) for line in lines])


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # a closed collection three deep leaves two open: 2 + 49 = 51 levels
        ("[[[], " + "[" * 49 + "]" * 49 + "]]", True),
        ("[[[], " + "[" * 48 + "]" * 48 + "]]", False),
        # a closed collection two deep leaves one open: 1 + 50 = 51 levels
        ("[[], " + "[" * 50 + "]" * 50 + "]", True),
        ("[[], " + "[" * 49 + "]" * 49 + "]", False),
    ],
)
def test_depth_counts_the_collections_still_open_after_one_closes(text, refused):
    data, _, problems = sources.load_yaml(text, first_line=1)
    assert problems == ([(1, "YAML-SHAPE", "nested more than 50 levels deep")] if refused else [])
    assert (data is None) is refused


def test_a_source_is_read_through_a_descriptor_no_child_process_inherits(tmp_path, monkeypatch):
    path = tmp_path / "zh.md"
    path.write_bytes(b"text")
    inheritable = []
    fstat = os.fstat

    def spy(fd):
        inheritable.append(os.get_inheritable(fd))
        return fstat(fd)

    monkeypatch.setattr(os, "fstat", spy)
    assert sources.read_bytes(path) == (b"text", [])
    assert inheritable == [False]
