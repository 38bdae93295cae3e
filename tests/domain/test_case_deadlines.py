"""KPA deadlines of cases from the EZD register: every category, Saturday and holiday ends,
periods not counted (art. 35 §5), EZD's due date winning, and the four statuses."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.case_deadlines import (
    CaseCategory,
    CaseStatus,
    CaseTerms,
    DeadlineError,
    effective_deadline,
    statutory_deadline,
    suspended_days,
    timeliness,
)
from auditdesk.domain.case_rows import auto_mapping, header_key, parse_date, parse_row

AS_OF = date(2026, 1, 1)


def due(start: date, category: CaseCategory, **kw: object) -> date:
    return effective_deadline(CaseTerms(start, category, **kw), AS_OF).value  # type: ignore[arg-type]


def test_without_delay_is_the_next_working_day() -> None:
    # Wednesday → Thursday
    assert due(date(2025, 3, 5), CaseCategory.WITHOUT_DELAY) == date(2025, 3, 6)
    # Friday → Saturday → Monday
    computed = effective_deadline(CaseTerms(date(2025, 3, 7), CaseCategory.WITHOUT_DELAY), AS_OF)
    assert computed.value == date(2025, 3, 10)
    assert "pierwszym dniu roboczym" in computed.rule("pl")
    assert "first working day" in computed.rule("en")
    assert "sobota" in computed.rule("pl")


def test_one_month_matching_day() -> None:
    assert due(date(2025, 3, 3), CaseCategory.ONE_MONTH) == date(2025, 4, 3)


def test_one_month_without_matching_day_ends_on_the_last_day() -> None:
    assert due(date(2025, 1, 31), CaseCategory.ONE_MONTH) == date(2025, 2, 28)
    assert due(date(2024, 1, 31), CaseCategory.ONE_MONTH) == date(2024, 2, 29)


def test_a_month_ending_on_saturday_moves_to_monday() -> None:
    computed = effective_deadline(CaseTerms(date(2025, 1, 15), CaseCategory.ONE_MONTH), AS_OF)
    assert computed.value == date(2025, 2, 17)
    assert "15.02.2025 to sobota" in computed.rule("pl")


def test_a_month_ending_on_a_holiday_moves_past_it() -> None:
    # 1 May (Labour Day) → 2 May
    assert due(date(2025, 4, 1), CaseCategory.ONE_MONTH) == date(2025, 5, 2)
    # Christmas Eve is a holiday from 2025: 24, 25, 26 Dec, then a weekend → Monday 29th
    computed = effective_deadline(CaseTerms(date(2025, 11, 24), CaseCategory.ONE_MONTH), AS_OF)
    assert computed.value == date(2025, 12, 29)
    assert "święto" in computed.rule("pl")


def test_before_2025_christmas_eve_was_a_working_day() -> None:
    assert due(date(2024, 11, 24), CaseCategory.ONE_MONTH) == date(2024, 12, 24)


def test_two_months_end_on_a_weekend_moves_to_monday() -> None:
    assert due(date(2025, 3, 31), CaseCategory.TWO_MONTHS) == date(2025, 6, 2)
    assert due(date(2025, 3, 3), CaseCategory.TWO_MONTHS) == date(2025, 5, 5)  # 3 May: Sat+holiday


def test_appeal_and_complaint_take_a_month() -> None:
    assert due(date(2025, 3, 3), CaseCategory.APPEAL) == date(2025, 4, 3)
    assert due(date(2025, 3, 3), CaseCategory.COMPLAINT) == date(2025, 4, 3)


def test_special_period_needs_the_due_date_from_ezd() -> None:
    assert due(date(2025, 3, 3), CaseCategory.SPECIAL, ezd_due=date(2025, 4, 2)) == date(2025, 4, 2)
    with pytest.raises(DeadlineError):
        statutory_deadline(CaseTerms(date(2025, 3, 3), CaseCategory.SPECIAL), AS_OF)


def test_suspension_span_extends_the_period_before_the_weekend_shift() -> None:
    terms = CaseTerms(
        date(2025, 3, 3),
        CaseCategory.ONE_MONTH,
        suspended_from=date(2025, 3, 10),
        suspended_to=date(2025, 3, 19),
    )
    assert suspended_days(terms, AS_OF) == 10
    computed = effective_deadline(terms, AS_OF)
    # 3 April + 10 days = Sunday 13 April → Monday 14 April
    assert computed.value == date(2025, 4, 14)
    assert "art. 35 § 5" in computed.rule("pl")


def test_days_not_counted_given_as_a_number() -> None:
    assert due(date(2025, 3, 3), CaseCategory.ONE_MONTH, suspension_days=5) == date(2025, 4, 8)


def test_a_running_suspension_counts_up_to_the_day_of_the_report() -> None:
    terms = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH, suspended_from=date(2025, 3, 10))
    assert effective_deadline(terms, date(2025, 3, 14)).value == date(2025, 4, 8)


def test_due_date_from_ezd_wins_over_the_computed_one() -> None:
    terms = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH, ezd_due=date(2025, 5, 5))
    computed = effective_deadline(terms, AS_OF)
    assert computed.value == date(2025, 5, 5)
    assert statutory_deadline(terms, AS_OF).value == date(2025, 4, 3)
    assert "EZD" in computed.rule("pl")


def test_statuses() -> None:
    d = date(2025, 4, 3)
    assert timeliness(d, date(2025, 4, 3), AS_OF).status == CaseStatus.ON_TIME
    late = timeliness(d, date(2025, 4, 7), AS_OF)
    assert (late.status, late.days_late) == (CaseStatus.LATE, 4)
    assert timeliness(d, None, date(2025, 4, 3)).status == CaseStatus.OPEN
    overdue = timeliness(d, None, date(2025, 4, 10))
    assert (overdue.status, overdue.days_late) == (CaseStatus.OVERDUE, 7)


def test_dates_in_both_forms() -> None:
    assert parse_date("05.03.2025") == date(2025, 3, 5)
    assert parse_date("5.3.2025") == date(2025, 3, 5)
    assert parse_date("2025-03-05") == date(2025, 3, 5)
    assert parse_date("2025-03-05 00:00:00") == date(2025, 3, 5)
    assert parse_date("") is None


HEADER = ["Znak sprawy", "Tytuł", "Data wszczęcia", "Data zakończenia", "Kategoria", "Termin"]


def test_polish_column_names_are_recognised() -> None:
    mapping = auto_mapping(HEADER)
    assert mapping == {
        "sign": 0,
        "title": 1,
        "started_on": 2,
        "settled_on": 3,
        "category": 4,
        "due_on": 5,
    }
    assert header_key(HEADER) == header_key(["ZNAK SPRAWY ", "Tytul", *HEADER[2:]])


def test_a_row_reads_unit_and_class_from_the_sign() -> None:
    case, problems = parse_row(
        2,
        ["WO-I.5310.12.2025", "Zaświadczenie", "03.03.2025", "2025-03-20", "1 miesiąc", ""],
        auto_mapping(HEADER),
        HEADER,
        AS_OF,
    )
    assert problems == [] and case is not None
    assert (case.unit_code, case.jrwa, case.due_on) == ("WO-I", "5310", date(2025, 4, 3))
    assert case.settled_on == date(2025, 3, 20)


def test_every_bad_value_of_a_row_is_named() -> None:
    case, problems = parse_row(
        7,
        ["bez-kropek", "x", "31.02.2025", "wczoraj", "pilna", ""],
        auto_mapping(HEADER),
        HEADER,
        AS_OF,
    )
    assert case is None
    named = {(p.line, p.column) for p in problems}
    assert named == {
        (7, "Znak sprawy"),
        (7, "Data wszczęcia"),
        (7, "Data zakończenia"),
        (7, "Kategoria"),
    }


def test_special_without_due_date_and_settlement_before_start_are_problems() -> None:
    mapping = auto_mapping(HEADER)
    _, problems = parse_row(
        3, ["A.1.1.2025", "", "03.03.2025", "", "szczególny", ""], mapping, HEADER, AS_OF
    )
    assert [p.column for p in problems] == ["Termin"]
    _, problems = parse_row(
        3, ["A.1.1.2025", "", "03.03.2025", "01.03.2025", "", ""], mapping, HEADER, AS_OF
    )
    assert [p.column for p in problems] == ["Data zakończenia"]


def test_no_category_means_no_deadline_known_or_the_due_date_given() -> None:
    # issue 17: no longer a one-month KPA case (tests/domain/test_monitoring_rules.py)
    mapping = auto_mapping(HEADER)
    case, _ = parse_row(3, ["A.1.1.2025", "", "03.03.2025", "", "", ""], mapping, HEADER, AS_OF)
    assert case is not None and case.category == CaseCategory.UNKNOWN and case.due_on is None
    case, _ = parse_row(
        3, ["A.1.1.2025", "", "03.03.2025", "", "", "10.03.2025"], mapping, HEADER, AS_OF
    )
    assert case is not None and case.category == CaseCategory.SPECIAL
    assert case.due_on == date(2025, 3, 10)


def test_a_running_suspension_counts_to_the_day_asked_even_when_answers_are_cached() -> None:
    """statutory_deadline keeps its answers (a register repeats its terms): the day asked is
    part of the key only while a suspension is still running, and there it moves the date."""
    running = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH, suspended_from=date(2025, 3, 10))
    first = statutory_deadline(running, date(2025, 3, 19)).value  # 10 days not counted
    later = statutory_deadline(running, date(2025, 3, 29)).value  # 20 days not counted
    assert (first, later) == (date(2025, 4, 14), date(2025, 4, 23))
    ended = CaseTerms(
        date(2025, 3, 3),
        CaseCategory.ONE_MONTH,
        suspended_from=date(2025, 3, 10),
        suspended_to=date(2025, 3, 19),
    )
    assert statutory_deadline(ended, date(2025, 6, 1)) is statutory_deadline(ended, AS_OF)
    assert statutory_deadline(ended, AS_OF).value == date(2025, 4, 14)
