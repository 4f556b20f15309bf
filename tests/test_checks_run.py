"""checks.run: which checks run, and in what order the findings come, with stand-in checks
that return fixed findings (the real checks have their own tests)."""

from __future__ import annotations

import pytest

from factories import finding, license_of
from licensekit import checks

TRANSLATED = finding("en", 9, "PARITY-LENGTH", "s1-1", "compared")
ZH_BROKEN = ["TEXT-CHANGED", "TEXT-ADDED", "TEXT-DROPPED", "ORIGINAL-EMPTY", "ORIGINAL-SHORT", "ORIGINAL-HASH", "ORIGINAL-PIN"]


def _run(monkeypatch, parsed=(), raw=(), checked=()):
    """checks.run with one raw check, one check and one translation check returning these findings."""
    calls = []

    def stand_in(name, result):
        def check(lic):
            calls.append(name)
            return list(result)

        return check

    monkeypatch.setattr(checks, "RAW", (stand_in("raw", raw),))
    monkeypatch.setattr(checks, "CHECKS", (stand_in("check", checked),))
    monkeypatch.setattr(checks, "TRANSLATION", (stand_in("translation", [TRANSLATED]),))
    lic = license_of()
    lic.findings = list(parsed)
    return checks.run(lic), calls


def test_findings_come_deduplicated_in_source_order(monkeypatch):
    a = finding("zh-Hans", 3, "ID-MISSING", "", "b")
    b = finding("zh-Hans", 3, "ID-MISSING", "", "a")
    c = finding("zh-Hans", 3, "ID-FORMAT", "x", "m")
    d = finding("en", 20, "ID-MISSING", "", "m")
    e = finding("zh-Hans", 3, "ID-FORMAT", "a", "m")
    found, calls = _run(monkeypatch, parsed=[a], raw=[d, a], checked=[b, c, e])
    assert calls == ["raw", "check", "translation"]
    assert found == [TRANSLATED, d, e, c, b, a]


@pytest.mark.parametrize("code", ZH_BROKEN)
def test_a_broken_chinese_text_stops_the_translation_checks(monkeypatch, code):
    broken = finding("zh-Hans", 4, code, "", "m")
    found, calls = _run(monkeypatch, checked=[broken])
    assert (found, calls) == ([broken], ["raw", "check"])


def test_a_forbidden_character_in_the_chinese_text_stops_the_translation_checks(monkeypatch):
    char = finding("zh-Hans", 4, "CHAR-FORBIDDEN", "", "m")
    found, calls = _run(monkeypatch, raw=[char])
    assert (found, calls) == ([char], ["raw", "check"])


def test_a_forbidden_character_elsewhere_does_not(monkeypatch):
    char = finding("en", 4, "CHAR-FORBIDDEN", "", "m")
    found, calls = _run(monkeypatch, raw=[char])
    assert (found, calls) == ([char, TRANSLATED], ["raw", "check", "translation"])


@pytest.mark.parametrize("where", ["parsed", "raw"])
def test_an_unreadable_source_stops_every_check_but_the_raw_ones(monkeypatch, where):
    missing = finding("glossary.yaml", 1, "FILE-MISSING", "", "m")
    found, calls = _run(monkeypatch, **{where: [missing]}, checked=[finding("en", 2, "ID-MISSING", "", "m")])
    assert (found, calls) == ([missing], ["raw"])
