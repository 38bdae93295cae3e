"""Timeliness of case handling (KPA art. 35–37, 57): the statutory deadline of a case from the EZD
register and whether it was kept.

Rules, in order:

- The period follows the case's category (KPA art. 35): *without delay* (bez zwłoki), *1 month*
  (explanatory proceedings), *2 months* (particularly complicated), *appeal* (1 month from
  receiving it), *complaint or request* (art. 237: 1 month), or *special* (a period set by another
  law; the register must give its due date).
- "Without delay" has no number in the Code. AuditDesk counts it as kept when the case is settled
  within N days of the day it started (N is an office setting, `without_delay_days`, default 1,
  i.e. the first working day after the start: N days counted under art. 57 §1, a last day on a
  Saturday or holiday moved to the next working day under art. 57 §5). The rule sentence and
  the monitoring report say so.
- A case with no category and no due date from EZD has no deadline known (category *unknown*):
  it is counted apart, never as a one-month KPA case (non-KPA work has no KPA deadline).
- Periods not counted (art. 35 §5: suspension, steps set by law, delays caused by the party) extend
  the period by their length in days, before the Saturday/holiday shift.
- A due date given by EZD wins over the computed one (the office's system knows the special law
  or the extension notified under art. 36); the computed date is still kept for comparison.
- Periods are counted by `domain/periods.py` (art. 57, Polish holidays from `holidays`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from auditdesk.domain.periods import (
    ComputedDate,
    days_after,
    fmt,
    months_after,
    shift_to_working_day,
)

WITHOUT_DELAY_RULE_EN = (
    "A case to be settled without delay counts as on time when settled by the first working day "
    "after it started (KPA art. 35 §2, days counted under art. 57)."
)


class CaseCategory(enum.StrEnum):
    WITHOUT_DELAY = "without_delay"
    ONE_MONTH = "one_month"
    TWO_MONTHS = "two_months"
    APPEAL = "appeal"
    COMPLAINT = "complaint"
    SPECIAL = "special"
    UNKNOWN = "unknown"  # no category and no due date: no deadline known (counted apart)


DEFAULT_WITHOUT_DELAY_DAYS = 1  # the office setting's default (docs/monitoring.md)


class CaseStatus(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OPEN = "open"
    OVERDUE = "overdue"  # open and past its due date


# (months, days, Polish name, English name) of each category's statutory period
_PERIODS: dict[CaseCategory, tuple[int, int, str, str]] = {
    CaseCategory.WITHOUT_DELAY: (
        0,
        1,
        "Sprawa do załatwienia bez zwłoki (art. 35 § 2 k.p.a.), liczona jako załatwiona "
        "najpóźniej w pierwszym dniu roboczym po wszczęciu",
        "A case to be settled without delay (KPA art. 35 §2), counted as kept when settled by "
        "the first working day after it started",
    ),
    CaseCategory.ONE_MONTH: (
        1,
        0,
        "Sprawa wymagająca postępowania wyjaśniającego (art. 35 § 3 k.p.a.)",
        "A case needing explanatory proceedings (KPA art. 35 §3)",
    ),
    CaseCategory.TWO_MONTHS: (
        2,
        0,
        "Sprawa szczególnie skomplikowana (art. 35 § 3 k.p.a.)",
        "A particularly complicated case (KPA art. 35 §3)",
    ),
    CaseCategory.APPEAL: (
        1,
        0,
        "Odwołanie, miesiąc od jego otrzymania (art. 35 § 4 k.p.a.)",
        "An appeal, one month from receiving it (KPA art. 35 §4)",
    ),
    CaseCategory.COMPLAINT: (
        1,
        0,
        "Skarga lub wniosek (art. 237 § 1 k.p.a.)",
        "A complaint or request (KPA art. 237 §1)",
    ),
}


@dataclass(frozen=True)
class CaseTerms:
    """What the deadline of one case depends on."""

    started_on: date
    category: CaseCategory
    ezd_due: date | None = None  # the due date EZD gives, if any
    suspension_days: int = 0  # days not counted (art. 35 §5), given as a number
    suspended_from: date | None = None  # or a suspension span (both ends counted)
    suspended_to: date | None = None
    without_delay_days: int = DEFAULT_WITHOUT_DELAY_DAYS  # the office setting


class DeadlineError(ValueError):
    """The terms do not allow a deadline (a special case without a due date)."""


def suspended_days(terms: CaseTerms, as_of: date) -> int:
    """Days not counted: the number given plus the span (up to as_of while it is still running)."""
    days = max(0, terms.suspension_days)
    if terms.suspended_from is not None:
        end = terms.suspended_to or as_of
        if end >= terms.suspended_from:
            days += (end - terms.suspended_from).days + 1
    return days


def suspended_without_dates(suspended: bool, terms: CaseTerms) -> bool:
    """Marked suspended but with neither the days nor the span given: the deadline cannot be
    extended, so the case is listed for a person to complete instead of being judged."""
    return suspended and terms.suspension_days <= 0 and terms.suspended_from is None


def statutory_deadline(terms: CaseTerms, as_of: date) -> ComputedDate:
    """See _statutory_deadline; `as_of` matters only while a suspension is still running, so it
    is dropped from the key otherwise and a register's cases started on the same day in the
    same category share one answer."""
    running = terms.suspended_from is not None and terms.suspended_to is None
    return _statutory_deadline(terms, as_of if running else None)


# A register repeats the same terms thousands of times (a year has some 250 working days and a
# handful of categories): the answer, sentences included, is a pure function of the terms and the
# holiday table, and immutable (ComputedDate is frozen), so functools' cache keeps the import from
# computing and formatting it again for every row (1,000,000 rows: issue 17's benchmark).
@lru_cache(maxsize=65536)
def _statutory_deadline(terms: CaseTerms, as_of: date | None) -> ComputedDate:
    """The last day to settle the case under KPA, extended by the periods not counted up to
    `as_of` (the caller's today, from its clock: the domain never reads the date itself).
    Raises DeadlineError for a category without a known period (special without a due date,
    unknown)."""
    if terms.category == CaseCategory.UNKNOWN:
        raise DeadlineError("a case without a category has no known deadline")
    if terms.category == CaseCategory.SPECIAL:
        if terms.ezd_due is None:
            raise DeadlineError("a case with a special period needs its due date")
        return ComputedDate(
            terms.ezd_due,
            (f"Termin z przepisu szczególnego, podany w EZD: {fmt(terms.ezd_due)}.",),
            (f"A period set by a special law, due date given by EZD: {fmt(terms.ezd_due)}.",),
        )
    months, days, what_pl, what_en = _PERIODS[terms.category]
    if terms.category == CaseCategory.WITHOUT_DELAY and terms.without_delay_days > 1:
        days = terms.without_delay_days
        what_pl = (
            "Sprawa do załatwienia bez zwłoki (art. 35 § 2 k.p.a.), liczona według ustawienia "
            f"urzędu jako załatwiona w terminie {days} dni od wszczęcia"
        )
        what_en = (
            "A case to be settled without delay (KPA art. 35 §2), counted by the office's "
            f"setting as kept when settled within {days} days of its start"
        )
    if months:
        computed = months_after(terms.started_on, months, what_pl, what_en, shift=False)
    else:
        computed = days_after(terms.started_on, days, what_pl, what_en, shift=False)
    not_counted = suspended_days(terms, as_of or terms.started_on)
    if not_counted:
        moved = computed.value + timedelta(days=not_counted)
        computed = computed.then(
            moved,
            f"Do terminu nie wlicza się {not_counted} dni zawieszenia lub opóźnień "
            f"niezależnych od urzędu (art. 35 § 5 k.p.a.): {fmt(moved)}.",
            f"{not_counted} days of suspension or delays outside the office's control are not "
            f"counted (KPA art. 35 §5): {fmt(moved)}.",
        )
    return shift_to_working_day(computed)


def effective_deadline(
    terms: CaseTerms, as_of: date, statutory: ComputedDate | None = None
) -> ComputedDate:
    """The due date that counts: EZD's when given, else the statutory one (pass `statutory`
    when it is already computed)."""
    computed = statutory or statutory_deadline(terms, as_of)
    if terms.ezd_due is None or terms.category == CaseCategory.SPECIAL:
        return computed
    if terms.ezd_due == computed.value:
        return computed.then(
            terms.ezd_due,
            "EZD podaje ten sam termin.",
            "EZD gives the same due date.",
        )
    return computed.then(
        terms.ezd_due,
        f"EZD podaje termin {fmt(terms.ezd_due)} i ten termin obowiązuje (np. przedłużony "
        "zgodnie z art. 36 k.p.a.).",
        f"EZD gives the due date {fmt(terms.ezd_due)}, which prevails (e.g. extended under "
        "KPA art. 36).",
    )


@dataclass(frozen=True)
class Timeliness:
    status: CaseStatus
    days_late: int  # settled late: days after the due date; open and overdue: days overdue so far


def timeliness(due: date, settled_on: date | None, as_of: date) -> Timeliness:
    """On time, late (by how many days), open, or open and overdue on `as_of`."""
    if settled_on is not None:
        late = (settled_on - due).days
        return Timeliness(CaseStatus.LATE if late > 0 else CaseStatus.ON_TIME, max(0, late))
    overdue = (as_of - due).days
    return Timeliness(CaseStatus.OVERDUE if overdue > 0 else CaseStatus.OPEN, max(0, overdue))
