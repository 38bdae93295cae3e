"""Counting periods: Civil Code art. 111–115 / KPA art. 57, Polish holidays."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.periods import (
    Span,
    add_months,
    days_after,
    holiday_name,
    is_day_off,
    merge_spans,
    months_after,
    postpone_by_absences,
)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # no 31 February: the last day of the month
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2024, 3, 15), 24, date(2026, 3, 15)),  # matching day
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 10, 31), 3, date(2026, 1, 31)),  # across the year end
        (date(2025, 12, 30), 2, date(2026, 2, 28)),
    ],
)
def test_add_months_matches_the_start_day_or_takes_the_last_day(
    start: date, months: int, end: date
) -> None:
    assert add_months(start, months) == end


def test_31_august_plus_6_months_ends_on_saturday_and_moves_to_monday() -> None:
    due = months_after(date(2025, 8, 31), 6, "X", "X")
    assert due.value == date(2026, 3, 2)
    assert "ostatnim dniu miesiąca" in due.rule("pl")
    assert "28.02.2026" in due.rule("pl") and "sobota" in due.rule("pl")
    assert "Saturday" in due.rule("en") and "art. 115" in due.rule("en")


def test_period_in_days_does_not_count_the_day_of_the_event() -> None:
    due = days_after(date(2026, 6, 1), 7, "Odwołanie", "Objection")
    assert due.value == date(2026, 6, 8)
    assert "art. 111 § 2" in due.rule("pl")
    assert len(due.steps_pl) == 1  # a Monday: nothing moved


def test_christmas_eve_is_a_holiday_from_2025_only() -> None:
    # holidays>=0.64 (pyproject.toml): 0.63 and older lack it and fail here
    assert is_day_off(date(2025, 12, 24))
    assert not is_day_off(date(2024, 12, 24))
    assert (
        holiday_name(date(2025, 12, 24))
        == holiday_name(date(2026, 12, 24))
        == ("Wigilia Bożego Narodzenia")
    )
    assert holiday_name(date(2024, 12, 24)) is None
    due = days_after(date(2025, 12, 17), 7, "Odwołanie", "Objection")
    # 24, 25, 26 December are holidays, 27 a Saturday, 28 a Sunday
    assert due.value == date(2025, 12, 29)
    assert "Wigilia" in due.rule("pl")
    assert days_after(date(2024, 12, 17), 7, "O", "O").value == date(2024, 12, 24)


def test_sunday_and_public_holiday_move_the_deadline() -> None:
    assert months_after(date(2024, 3, 15), 24, "X", "X").value == date(2026, 3, 16)  # Sunday
    # 11 November (Independence Day) 2026 is a Wednesday
    assert days_after(date(2026, 11, 4), 7, "X", "X").value == date(2026, 11, 12)
    unshifted = months_after(date(2024, 3, 15), 24, "X", "X", shift=False)
    assert unshifted.value == date(2026, 3, 15)


def test_absence_longer_than_a_month() -> None:
    assert not Span(date(2026, 1, 10), date(2026, 2, 9)).longer_than_a_month()
    assert Span(date(2026, 1, 10), date(2026, 2, 10)).longer_than_a_month()
    assert not Span(date(2026, 2, 1), date(2026, 2, 28)).longer_than_a_month()
    assert Span(date(2026, 2, 1), date(2026, 3, 1)).longer_than_a_month()


def test_absences_move_the_due_date_by_their_length() -> None:
    base = months_after(date(2024, 1, 10), 24, "X", "X", shift=False)
    absences = [
        Span(date(2024, 5, 6), date(2024, 7, 5)),  # 61 days: moves
        Span(date(2024, 9, 2), date(2024, 9, 20)),  # under a month: does not
        Span(date(2023, 11, 1), date(2024, 1, 5)),  # before the period: does not
    ]
    moved = postpone_by_absences(base, date(2024, 1, 10), absences)
    assert moved.value == date(2026, 3, 12)
    assert "61 dni" in moved.rule("pl") and "61 days" in moved.rule("en")


def test_an_absence_that_begins_after_the_original_date_but_before_the_moved_one_counts() -> None:
    base = months_after(date(2024, 1, 10), 24, "X", "X", shift=False)  # 10.01.2026
    absences = [
        Span(date(2025, 10, 1), date(2025, 11, 30)),  # 61 days: due moves to 12.03.2026
        Span(date(2026, 2, 1), date(2026, 3, 10)),  # begins after 10.01 but before 12.03
    ]
    moved = postpone_by_absences(base, date(2024, 1, 10), absences)
    assert moved.value == date(2026, 3, 12).fromordinal(date(2026, 3, 12).toordinal() + 38)


def test_overlapping_absences_merge() -> None:
    spans = merge_spans(
        [Span(date(2026, 1, 1), date(2026, 1, 20)), Span(date(2026, 1, 21), date(2026, 2, 15))]
    )
    assert spans == [Span(date(2026, 1, 1), date(2026, 2, 15))]
    assert spans[0].longer_than_a_month()
