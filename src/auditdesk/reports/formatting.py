"""Numbers and dates as a Polish official document prints them (decimal comma, dd.mm.yyyy)."""

from __future__ import annotations

from datetime import date, datetime


def number(value: float | None, digits: int = 2) -> str:
    """2 → "2", 1.5 → "1,5", 0.125 → "0,13"; None → "—"."""
    if value is None:
        return "—"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",")


def percent(value: float | None) -> str:
    """81.25 → "81,3%" (one decimal, rounded only for print)."""
    if value is None:
        return "—"
    return f"{value:.1f}%".replace(".", ",")


def day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y")


def moment(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y %H:%M")
