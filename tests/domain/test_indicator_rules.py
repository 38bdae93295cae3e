"""Deadlines of complaints and grievances (KPA art. 237, art. 35 with art. 144, counted per
art. 57), timeliness, and the shares a report shows."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.indicators import (
    IndicatorKind,
    Outcome,
    Timeliness,
    days_late,
    deadline,
    nearing,
    shares,
    timeliness,
)

COMPLAINT = IndicatorKind.COMPLAINT


def due(received: date, representative: bool = False, kind: IndicatorKind = COMPLAINT) -> date:
    computed = deadline(kind, received, representative)
    assert computed is not None
    return computed.value


def test_complaint_one_month_ends_on_the_matching_day() -> None:
    computed = deadline(COMPLAINT, date(2025, 3, 14), False)
    assert computed is not None
    assert computed.value == date(2025, 4, 14)  # a Monday
    assert "art. 237 § 1" in computed.rule("pl")
    assert "art. 57 § 3" in computed.rule("pl")


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (date(2025, 1, 31), date(2025, 2, 28)),  # no 31 February: the month's last day (a Friday)
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28.02.2026 is a Saturday → Monday 2 March
    ],
)
def test_31_january_plus_one_month(received: date, expected: date) -> None:
    assert due(received) == expected


def test_month_ending_on_a_saturday_moves_to_monday() -> None:
    computed = deadline(COMPLAINT, date(2025, 12, 24), False)
    assert computed is not None
    assert computed.value == date(2026, 1, 26)  # 24.01.2026 is a Saturday
    assert "sobota" in computed.rule("pl")
    assert "art. 57 § 5" in computed.rule("pl")


def test_month_ending_on_a_holiday_moves_to_the_next_working_day() -> None:
    # 11 November (Independence Day) 2025 is a Tuesday
    assert due(date(2025, 10, 11)) == date(2025, 11, 12)
    # Christmas Eve is a public holiday from 2025; 25, 26 Dec too, 27–28 a weekend
    computed = deadline(COMPLAINT, date(2025, 11, 24), False)
    assert computed is not None and computed.value == date(2025, 12, 29)
    assert "Wigilia" in computed.rule("pl")


def test_ending_on_a_sunday_moves_to_monday() -> None:
    assert due(date(2025, 5, 4)) == date(2025, 6, 4)  # a Wednesday, unchanged
    assert due(date(2025, 2, 2)) == date(2025, 3, 3)  # 2 March 2025 is a Sunday


def test_complaint_from_an_mp_senator_or_councillor_has_14_days() -> None:
    computed = deadline(COMPLAINT, date(2025, 11, 10), True)
    assert computed is not None
    assert computed.value == date(2025, 11, 24)  # the day of receipt is not counted
    assert "art. 237 § 2" in computed.rule("pl")
    assert "14 dni" in computed.rule("pl")


def test_14_days_ending_on_a_saturday_moves_to_monday() -> None:
    assert due(date(2025, 11, 1), True) == date(2025, 11, 17)  # 15.11.2025 is a Saturday


def test_14_days_ending_on_a_holiday() -> None:
    # 28.04.2025 + 14 days = 12.05.2025 (Monday); 17.04 + 14 = 1 May (holiday) → 2 May (Friday)
    assert due(date(2025, 4, 17), True) == date(2025, 5, 2)


def test_complaint_passed_on_has_7_days() -> None:
    computed = deadline(COMPLAINT, date(2025, 11, 3), False, Outcome.PASSED_ON)
    assert computed is not None and computed.value == date(2025, 11, 10)
    assert "art. 231" in computed.rule("pl")
    # 7 days ending on a Saturday move to Monday; an MP's complaint passed on: 7 days too
    assert due_passed_on(date(2025, 11, 1)) == date(
        2025, 11, 10
    )  # 8.11 Sat → 10.11 (11.11 is after)
    # other outcomes keep the month
    assert due(date(2025, 11, 3)) == date(2025, 12, 3)


def due_passed_on(received: date) -> date:
    computed = deadline(COMPLAINT, received, True, "passed_on")
    assert computed is not None
    return computed.value


def test_grievance_one_month_and_no_deadline_for_opinions_and_praise() -> None:
    assert due(date(2025, 3, 14), kind=IndicatorKind.GRIEVANCE) == date(2025, 4, 14)
    assert deadline(IndicatorKind.NEGATIVE_OPINION, date(2025, 3, 14), False) is None
    assert deadline(IndicatorKind.PRAISE, date(2025, 3, 14), True) is None


def test_the_representative_flag_matters_only_for_complaints() -> None:
    assert due(date(2025, 3, 14), True, IndicatorKind.GRIEVANCE) == date(2025, 4, 14)


def test_timeliness() -> None:
    d = date(2025, 4, 14)
    today = date(2025, 5, 1)
    assert timeliness(d, date(2025, 4, 14), today) == Timeliness.ON_TIME  # the last day counts
    assert timeliness(d, date(2025, 4, 15), today) == Timeliness.LATE
    assert timeliness(d, None, today) == Timeliness.OPEN_OVERDUE
    assert timeliness(d, None, date(2025, 4, 14)) == Timeliness.OPEN
    assert timeliness(None, None, today) == Timeliness.NO_DEADLINE
    assert days_late(d, date(2025, 4, 17), today) == 3
    assert days_late(d, None, today) == 17
    assert days_late(d, date(2025, 4, 1), today) == 0
    assert days_late(None, None, today) == 0


def test_nearing() -> None:
    d = date(2025, 4, 14)
    assert nearing(d, None, date(2025, 4, 7))
    assert not nearing(d, None, date(2025, 4, 6))
    assert nearing(d, None, d)
    assert not nearing(d, None, date(2025, 4, 15))  # overdue, not nearing
    assert not nearing(d, date(2025, 4, 8), date(2025, 4, 10))


def test_shares_with_wilson_interval() -> None:
    s = shares(
        20,
        15,
        {Outcome.JUSTIFIED: 3, Outcome.PARTLY: 1, Outcome.UNJUSTIFIED: 12, Outcome.PASSED_ON: 4},
    )
    assert s.on_time.value == 0.75
    low, high = s.on_time_interval or (0, 0)
    assert 0.53 < low < 0.55 and 0.88 < high < 0.90
    assert (s.justified.successes, s.justified.n) == (4, 16)  # passed on counts in neither part
    assert shares(0, 0, {}).on_time_interval is None
