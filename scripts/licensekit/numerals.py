"""Numerals of the numbering styles the license uses."""

from __future__ import annotations

ROMAN = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
DIGITS = "一二三四五六七八九"


def roman(n: int) -> str:
    """Upper-case Roman numeral for 1 ≤ n < 400."""
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def chinese(n: int) -> str:
    """Chinese numeral for 1 ≤ n < 100, as in 一、 十一、 二十、."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else DIGITS[tens - 1] + "十"
    return head + (DIGITS[ones - 1] if ones else "")


def _numbers() -> dict[str, int]:
    """Every Roman (either case) and Chinese numeral from 1 to 99, with its value."""
    table: dict[str, int] = {}
    for k in range(1, 100):
        for form in (roman(k), roman(k).lower(), chinese(k)):
            table.setdefault(form, k)
    return table


NUMBERS = _numbers()


def value(number: str) -> int:
    """The integer a printed number stands for, in any of the styles; 0 if none."""
    core = number.strip("()、.．")
    if core.isdigit():
        return int(core)
    return NUMBERS.get(core, 0)
