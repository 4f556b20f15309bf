"""The Content-Security-Policy every page carries, as a <meta> right after <meta charset>."""

from __future__ import annotations

import pytest

from licensekit import csp

POLICY = (
    "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def test_the_policy_allows_this_origin_and_each_script_hash_once_in_order():
    assert csp.policy(["'sha256-b'", "'sha256-a'", "'sha256-b'"]) == POLICY
    assert csp.policy([]) == POLICY.replace(" 'sha256-a' 'sha256-b'", "")


def test_the_meta_goes_right_after_the_first_charset_only():
    html = '<html><head><META charset="utf-8"><title>x</title></head><body><meta charset=utf-8></body></html>'
    assert csp.add_meta(html, ["'sha256-a'"]) == html.replace(
        '<META charset="utf-8">',
        '<META charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="' + POLICY.replace(" 'sha256-b'", "") + '">',
        1,
    )


@pytest.mark.parametrize("html", ["<html><head><title>x</title></head></html>", "", "<meta name=charset>"])
def test_a_page_without_charset_is_refused(html):
    with pytest.raises(ValueError, match=r"^no <meta charset> to put the Content-Security-Policy after$"):
        csp.add_meta(html, [])
