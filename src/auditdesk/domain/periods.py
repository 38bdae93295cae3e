"""Counting periods the Polish way: Civil Code art. 110–116 and KPA art. 57.

- A period in days does not count the day of the event that starts it (KC art. 111 §2,
  KPA art. 57 §1): 7 days from reading on 1 June end on 8 June.
- A period in months ends on the day of the last month whose date matches the start day, or on
  that month's last day when there is no such date (KC art. 112, KPA art. 57 §3):
  31 August + 6 months = 28 (29) February.
- A deadline for doing something that falls on a Saturday or a statutory public holiday (Sundays
  included) moves to the next day that is neither (KC art. 115, KPA art. 57 §5). Holidays come from
  the maintained `holidays` package (Christmas Eve is a holiday from 2025), through the table
  generated from it for 2000-2075 (domain.holidays_pl: importing the package loads every
  calendar it has); other years ask the package itself.

Every computed date is a `ComputedDate` carrying the sentence(s) naming the rule it followed, in
Polish and English, so that the application can say why a date is what it is.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from auditdesk.domain import holidays_pl


@dataclass(frozen=True)
class ComputedDate:
    """A date and the rules that produced it, one sentence per step (Polish and English)."""

    value: date
    steps_pl: tuple[str, ...] = field(default_factory=tuple)
    steps_en: tuple[str, ...] = field(default_factory=tuple)

    def rule(self, language: str = "pl") -> str:
        return " ".join(self.steps_en if language == "en" else self.steps_pl)

    def then(self, value: date, pl: str, en: str) -> ComputedDate:
        """The next step: a new date with one more sentence."""
        return ComputedDate(value, (*self.steps_pl, pl), (*self.steps_en, en))


def fmt(d: date) -> str:
    """Dates in sentences: dd.mm.yyyy, as Polish documents write them."""
    return d.strftime("%d.%m.%Y")


def add_months(start: date, months: int) -> date:
    """KC art. 112: the day matching the start day, or the last day of the month without one."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


@lru_cache(maxsize=64)
def _holidays(year: int) -> dict[date, str]:
    """Poland's statutory public holidays of `year` by date, with their Polish names (shown in
    the rules)."""
    if holidays_pl.FIRST_YEAR <= year <= holidays_pl.LAST_YEAR:
        return {date(year, m, d): holidays_pl.NAMES[i] for m, d, i in holidays_pl.DAYS[year]}
    import holidays  # slow to import (every calendar it has): only for years outside the table

    found = holidays.country_holidays("PL", years=year, language="pl")
    return {day: str(name) for day, name in found.items()}


@lru_cache(maxsize=8192)
def holiday_name(d: date) -> str | None:
    """The name of a Polish statutory public holiday on that date, else None."""
    name = _holidays(d.year).get(d)
    return str(name) if name else None


def is_day_off(d: date) -> bool:
    """Saturday, Sunday (a statutory day off) or a statutory public holiday."""
    return d.weekday() >= 5 or holiday_name(d) is not None


def _why_off(d: date) -> tuple[str, str]:
    name = holiday_name(d)
    if name:
        return f"święto ({name})", f"a public holiday ({name})"
    if d.weekday() == 5:
        return "sobota", "a Saturday"
    return "niedziela", "a Sunday"


def shift_to_working_day(computed: ComputedDate) -> ComputedDate:
    """KC art. 115 / KPA art. 57 §5: a deadline on a Saturday or a day off moves to the next day
    that is neither. The sentence names the day and why it was moved."""
    d = computed.value
    if not is_day_off(d):
        return computed
    why_pl, why_en = _why_off(d)
    moved = d
    while is_day_off(moved):
        moved += timedelta(days=1)
    return computed.then(
        moved,
        f"{fmt(d)} to {why_pl}, więc termin upływa następnego dnia, który nie jest sobotą ani "
        f"dniem wolnym od pracy: {fmt(moved)} (art. 115 k.c., art. 57 § 5 k.p.a.).",
        f"{fmt(d)} is {why_en}, so the period ends on the next day that is neither a Saturday nor "
        f"a day off: {fmt(moved)} (Civil Code art. 115, KPA art. 57 §5).",
    )


def days_after(
    event: date, days: int, what_pl: str, what_en: str, *, shift: bool = True
) -> ComputedDate:
    """The last day of a period of `days` days starting with an event (KC art. 111 §2)."""
    end = event + timedelta(days=days)
    computed = ComputedDate(
        end,
        (
            f"{what_pl}: {days} dni od {fmt(event)}, nie licząc dnia zdarzenia, upływa "
            f"{fmt(end)} (art. 111 § 2 k.c., art. 57 § 1 k.p.a.).",
        ),
        (
            f"{what_en}: {days} days from {fmt(event)}, not counting the day of the event, "
            f"end on {fmt(end)} (Civil Code art. 111 §2, KPA art. 57 §1).",
        ),
    )
    return shift_to_working_day(computed) if shift else computed


def months_after(
    start: date, months: int, what_pl: str, what_en: str, *, shift: bool = True
) -> ComputedDate:
    """The last day of a period of `months` months from `start` (KC art. 112)."""
    end = add_months(start, months)
    if end.day == start.day:
        how_pl = "w dniu, który datą odpowiada dniowi początkowemu"
        how_en = "on the day whose date matches the start day"
    else:
        how_pl = "w ostatnim dniu miesiąca, bo dnia o tej dacie w nim nie ma"
        how_en = "on the last day of the month, which has no day with that date"
    computed = ComputedDate(
        end,
        (
            f"{what_pl}: {months} mies. od {fmt(start)} upływa {how_pl}: {fmt(end)} "
            "(art. 112 k.c., art. 57 § 3 k.p.a.).",
        ),
        (
            f"{what_en}: {months} months from {fmt(start)} end {how_en}: {fmt(end)} "
            "(Civil Code art. 112, KPA art. 57 §3).",
        ),
    )
    return shift_to_working_day(computed) if shift else computed


@dataclass(frozen=True)
class Span:
    """A closed range of days, both ends included (e.g. an absence from work)."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def longer_than_a_month(self) -> bool:
        """More than one month counted under KC art. 112: a month from 10 January covers
        10 January – 9 February, so an absence longer than that reaches 10 February."""
        return self.end >= add_months(self.start, 1)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or adjacent absences form one absence (a sick leave followed by another)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1].end + timedelta(days=1):
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return merged


def postpone_by_absences(
    computed: ComputedDate, period_start: date, absences: Iterable[Span]
) -> ComputedDate:
    """Moves a due date by every absence longer than a month that began within the period
    (period_start up to the — moving — due date), by the absence's whole length."""
    due = computed
    for span in merge_spans(absences):
        if span.start < period_start or span.start > due.value:
            continue
        if not span.longer_than_a_month():
            continue
        moved = due.value + timedelta(days=span.days)
        due = due.then(
            moved,
            f"Nieobecność {fmt(span.start)}–{fmt(span.end)} ({span.days} dni) przekracza miesiąc, "
            f"więc termin przesuwa się o jej okres: {fmt(moved)}.",
            f"The absence {fmt(span.start)}–{fmt(span.end)} ({span.days} days) exceeds a month, "
            f"so the date moves by its length: {fmt(moved)}.",
        )
    return due
