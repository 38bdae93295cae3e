"""Numbers and dates as a Polish official document prints them (decimal comma, dd.mm.yyyy),
through the one number formatter of domain.numbers."""

from __future__ import annotations

from datetime import date, datetime

from auditdesk.domain import numbers


def number(value: float | None, digits: int = 2) -> str:
    """2 → "2", 1.5 → "1,5", 0.125 → "0,13"; None → "—"."""
    return numbers.format_number(value, digits, "pl", trim=True)


def percent(value: float | None, digits: int = 1) -> str:
    """81.25 → "81,3 %" (one decimal, rounded only for print)."""
    return numbers.format_percent(value, digits, "pl")


def day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y")


def moment(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%d.%m.%Y %H:%M")
