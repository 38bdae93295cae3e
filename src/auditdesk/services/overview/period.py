"""The overview's periods (issue 17): a month, quarter, half-year, year or any dates, and the
period of the same length just before it, which the overview compares with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        return f"{self.start:%d.%m.%Y} – {self.end:%d.%m.%Y}"


def period_of(kind: str, day: date) -> Period:
    """The month, quarter, half-year or year holding `day`."""
    if kind == "month":
        start = day.replace(day=1)
        months = 1
    elif kind == "quarter":
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        months = 3
    elif kind == "half":
        start = date(day.year, 1 if day.month <= 6 else 7, 1)
        months = 6
    elif kind == "year":
        start = date(day.year, 1, 1)
        months = 12
    else:
        raise ValueError(f"unknown period {kind!r}")
    month = start.month - 1 + months
    following = date(start.year + month // 12, month % 12 + 1, 1)
    return Period(start, following - timedelta(days=1))


def previous_period(period: Period) -> Period:
    """The period of the same length just before (whole months when it is whole months)."""
    length = (period.end - period.start).days + 1
    if period.start.day == 1 and (period.end + timedelta(days=1)).day == 1:
        months = (
            (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
        )
        month = period.start.month - 1 - months
        start = date(period.start.year + month // 12, month % 12 + 1, 1)
        return Period(start, period.start - timedelta(days=1))
    return Period(period.start - timedelta(days=length), period.start - timedelta(days=1))
