"""scripts/check.py's command line, in-process: its help, its arguments, and what it checks
with and without a license folder (tests/test_check.py runs it as a program)."""

from __future__ import annotations

import check
import pytest

from casebook import ROOT

HELP = """\
usage: check.py [-h] [--all] [license_dir]

Check the license sources; exit 1 on any error.

positional arguments:
  license_dir  a license folder (default: the project's license/, with its docs/ pages)

options:
  -h, --help   show this help message and exit
  --all        also print informational findings
"""


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_names_the_program_its_arguments_and_what_it_does(flag, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps to the terminal's width
    with pytest.raises(SystemExit) as stopped:
        check.main([flag])
    assert stopped.value.code == 0
    assert capsys.readouterr() == (HELP, "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--every"], "unrecognized arguments: --every"),
        (["a", "b"], "unrecognized arguments: b"),
        (["--all=yes"], "argument --all: ignored explicit argument 'yes'"),
    ],
)
def test_a_wrong_command_line_is_refused_with_the_usage(argv, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        check.main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr() == ("", f"usage: check.py [-h] [--all] [license_dir]\ncheck.py: error: {message}\n")


SCRIPT = "raw HTML '{}' is not allowed; only <span lang=\"…\"> is"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project whose license is the real one and whose one hand-written page holds a script."""
    (tmp_path / "license").symlink_to(ROOT / "license", target_is_directory=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_text("# X\n\n<script>alert(1)</script>\n", encoding="utf-8")
    monkeypatch.setattr(check, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_a_folder_the_projects_pages_are_checked_too(project, capsys):
    assert check.main([]) == 1
    findings = [f"docs/x.md:3: DOCS-HTML -: {SCRIPT.format(tag)}" for tag in ("<script>", "</script>")]
    assert capsys.readouterr() == ("", "\n".join([*findings, "2 error(s)"]) + "\n")


@pytest.mark.parametrize("folder", ["license", str(ROOT / "license")], ids=["relative", "absolute"])
def test_a_license_folder_is_checked_alone(project, capsys, folder):
    assert check.main([folder]) == 0
    assert capsys.readouterr() == ("", "")


MISSING = "cannot read the file: No such file or directory"


@pytest.mark.parametrize(
    ("folder", "errors"),
    [
        ("nowhere", ["nowhere:1: FILE-MISSING -: the license folder does not exist"]),
        # An empty argument is a path like any other, the current folder: not the default.
        (
            "",
            [
                *(f"{name}:1: FILE-MISSING -: {MISSING}" for name in ("en.md", "errata.yaml", "glossary.yaml", "metadata.yaml")),
                f"published-ids.yaml:1: FILE-MISSING -: {MISSING}",
                "schema:1: FILE-MISSING -: the schema folder does not exist",
                *(f"{name}:1: FILE-MISSING -: {MISSING}" for name in ("translation-notes.yaml", "zh.md")),
            ],
        ),
    ],
)
def test_a_folder_that_is_no_license_is_refused(tmp_path, monkeypatch, capsys, folder, errors):
    monkeypatch.chdir(tmp_path)
    assert check.main([folder]) == 1
    assert capsys.readouterr() == ("", "\n".join([*errors, f"{len(errors)} error(s)"]) + "\n")
