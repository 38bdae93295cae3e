"""Numbers as the chosen language writes them (issue 15): one formatter for the window, the
protocols, the monitoring report and the table exports, so that "87.4 %" and "93,2 %" no longer
stand side by side.

- Polish: a decimal comma, a space before the per cent sign, "87,4 %";
- English: a decimal point, the per cent sign right after the number, "87.4%".

`shown_value` reads back what a table showed (a number, a per cent, a date) so that an export of
a table writes real numbers and dates instead of text. Pure Python: domain, reports and ui use it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

NO_VALUE = "—"
_NBSP = "\u00a0"
LANGUAGES = ("pl", "en")


class Percent(float):
    """A share shown as a per cent: the value is the fraction (0.874 for 87.4 %), so that a
    spreadsheet cell formatted 0.0% shows what the window showed."""


def decimal_mark(language: str) -> str:
    return "," if language == "pl" else "."


def format_number(
    value: float | None, digits: int = 1, language: str = "pl", *, trim: bool = False
) -> str:
    """`value` with `digits` decimals in `language`: 87.44 → "87,4" (pl) / "87.4" (en); with
    `trim`, trailing zeros go (2.0 → "2", 0.50 → "0,5"); None → "—". Thousands are not
    grouped, so that a number reads back as it was written."""
    if value is None:
        return NO_VALUE
    text = f"{value:.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and float(text) == 0:
        text = text[1:]  # no "-0,0"
    return text.replace(".", decimal_mark(language))


def format_signed(value: float, digits: int = 0, language: str = "pl") -> str:
    """A difference with its sign: +3, −2,5 (pl) / -2.5 (en); 0 without a sign."""
    text = format_number(abs(value), digits, language)
    if set(text) <= {"0", ",", "."}:
        return text
    return ("+" if value > 0 else "−" if language == "pl" else "-") + text


def format_percent(value: float | None, digits: int = 1, language: str = "pl") -> str:
    """A per cent (87.44 means 87.44 %): "87,4 %" (pl) / "87.4%" (en); None → "—"."""
    if value is None:
        return NO_VALUE
    number = format_number(value, digits, language)
    return f"{number} %" if language == "pl" else f"{number}%"


def format_range(low: float, high: float, digits: int = 1, language: str = "pl") -> str:
    """An interval: "80,1–90,3" (pl) / "80.1–90.3" (en)."""
    return f"{format_number(low, digits, language)}–{format_number(high, digits, language)}"


def format_percent_range(low: float, high: float, digits: int = 1, language: str = "pl") -> str:
    """An interval of per cents: "80,1–90,3 %" (pl) / "80.1–90.3%" (en)."""
    return format_percent(high, digits, language).replace(
        format_number(high, digits, language), format_range(low, high, digits, language), 1
    )


_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_MOMENT = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _number_pattern(language: str) -> re.Pattern[str]:
    mark = re.escape(decimal_mark(language))
    return re.compile(rf"^([-−+]?)(\d+)(?:{mark}(\d+))?(\s*%)?$")


_NUMBERS = {language: _number_pattern(language) for language in LANGUAGES}


def shown_value(text: str, language: str = "pl") -> str | int | float | date | datetime:
    """What a table cell showing `text` means: 15.07.2026 a date, 15.07.2026 10:40 a moment,
    2026-07-15 a date, "12" an int, "87,4" (pl) / "87.4" (en) a float, "87,4 %" a Percent
    (0.874); anything else (a code such as "1.4" in Polish, a name, "—") stays text. A number
    with a leading zero ("007", a case sign) stays text too."""
    stripped = text.strip().replace(_NBSP, " ")
    moment = _MOMENT.match(stripped)
    if moment:
        d, m, y, hh, mm = (int(g) for g in moment.groups())
        try:
            return datetime(y, m, d, hh, mm)
        except ValueError:
            return text
    day = _DATE.match(stripped) or _ISO_DATE.match(stripped)
    if day:
        a, b, c = (int(g) for g in day.groups())
        try:
            return date(c, b, a) if day.re is _DATE else date(a, b, c)
        except ValueError:
            return text
    number = _NUMBERS.get(language, _NUMBERS["en"]).match(stripped)
    if not number:
        return text
    sign, whole, fraction, per_cent = number.groups()
    if len(whole) > 1 and whole.startswith("0"):
        return text
    if len(whole) > 15:  # an identifier of digits, not a quantity
        return text
    negative = sign in ("-", "−")
    if fraction is None and not per_cent:
        return -int(whole) if negative else int(whole)
    exact = Decimal(f"{'-' if negative else ''}{whole}.{fraction or '0'}")
    return Percent(exact / 100) if per_cent else float(exact)
