"""Issue 17, the rules put right before the overview shows them (docs/monitoring.md): a case
without a category has no deadline known; suspended without dates is not judged; "without delay"
is an office setting; a complaint's new date notified under art. 36; a grievance's 7-day filing
limit; positive answers per scale."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.case_deadlines import (
    CaseCategory,
    CaseTerms,
    DeadlineError,
    statutory_deadline,
    suspended_without_dates,
)
from auditdesk.domain.case_rows import (
    DEFAULT_RULES,
    CaseRules,
    ParsedCase,
    auto_mapping,
    parse_row,
)
from auditdesk.domain.indicators import (
    IndicatorKind,
    deadline,
    filed_late,
    filing_deadline,
    notified_deadline,
)
from auditdesk.domain.survey_results import positive_values

HEADER = ["Znak sprawy", "Data wszczęcia", "Data zakończenia", "Kategoria", "Termin", "JRWA"]


def parse(cells: list[str], rules: CaseRules = DEFAULT_RULES) -> ParsedCase:
    case, problems = parse_row(2, cells, auto_mapping(HEADER), HEADER, date(2025, 6, 30), rules)
    assert problems == []
    assert case is not None
    return case


def test_a_case_without_a_category_has_no_deadline_known() -> None:
    case = parse(["WKS.0012.1.2025", "03.03.2025", "20.03.2025", "", "", ""])
    assert case.category == CaseCategory.UNKNOWN  # it used to be a one-month KPA case
    assert case.due_on is None and case.computed_due is None
    assert "termin nieznany" in case.due_rule
    with pytest.raises(DeadlineError):
        statutory_deadline(CaseTerms(date(2025, 3, 3), CaseCategory.UNKNOWN), date(2025, 6, 1))


def test_a_case_without_a_category_but_with_an_ezd_date_is_special() -> None:
    case = parse(["WKS.0012.1.2025", "03.03.2025", "", "", "30.04.2025", ""])
    assert case.category == CaseCategory.SPECIAL and case.due_on == date(2025, 4, 30)


def test_the_office_maps_its_categories_by_word_and_by_jrwa_class() -> None:
    rules = CaseRules(
        words={"kpa-30": CaseCategory.ONE_MONTH}, jrwa={"5430": CaseCategory.WITHOUT_DELAY}
    )
    by_word = parse(["WKS.0012.1.2025", "03.03.2025", "", "KPA-30", "", ""], rules)
    assert by_word.category == CaseCategory.ONE_MONTH and by_word.due_on == date(2025, 4, 3)
    by_class = parse(["WKS.5430.2.2025", "03.03.2025", "", "", "", ""], rules)
    assert by_class.category == CaseCategory.WITHOUT_DELAY


def test_without_delay_is_an_office_setting_with_the_first_working_day_by_default() -> None:
    friday = date(2025, 3, 7)
    default = statutory_deadline(CaseTerms(friday, CaseCategory.WITHOUT_DELAY), friday)
    assert default.value == date(2025, 3, 10)  # Saturday moves to Monday (art. 57 §5)
    three = CaseTerms(friday, CaseCategory.WITHOUT_DELAY, without_delay_days=3)
    found = statutory_deadline(three, friday)
    assert found.value == date(2025, 3, 10)
    assert "ustawienia urzędu" in found.rule("pl")
    five = CaseTerms(friday, CaseCategory.WITHOUT_DELAY, without_delay_days=5)
    assert statutory_deadline(five, friday).value == date(2025, 3, 12)


def test_suspended_without_dates_is_recognised() -> None:
    terms = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH)
    assert suspended_without_dates(True, terms)
    assert not suspended_without_dates(False, terms)
    with_days = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH, suspension_days=4)
    assert not suspended_without_dates(True, with_days)
    span = CaseTerms(date(2025, 3, 3), CaseCategory.ONE_MONTH, suspended_from=date(2025, 3, 9))
    assert not suspended_without_dates(True, span)


def test_a_complaint_is_judged_against_the_new_date_notified_in_time() -> None:
    statutory = deadline(IndicatorKind.COMPLAINT, date(2025, 10, 10), False)
    assert statutory is not None and statutory.value == date(2025, 11, 10)
    moved = notified_deadline(statutory, date(2025, 12, 5), date(2025, 11, 7))
    assert moved is not None and moved.value == date(2025, 12, 5)
    assert "art. 36" in moved.rule("pl")
    too_late = notified_deadline(statutory, date(2025, 12, 5), date(2025, 11, 12))
    assert too_late is not None and too_late.value == date(2025, 11, 10)
    assert notified_deadline(statutory, None, None) is statutory


def test_a_grievance_is_filed_within_seven_days_of_service() -> None:
    served = date(2025, 10, 1)  # Wednesday; day 7 is Wednesday 8 October
    assert filing_deadline(served).value == date(2025, 10, 8)
    assert not filed_late(IndicatorKind.GRIEVANCE, served, date(2025, 10, 8))
    assert filed_late(IndicatorKind.GRIEVANCE, served, date(2025, 10, 9))
    assert not filed_late(IndicatorKind.COMPLAINT, served, date(2025, 10, 9))
    assert not filed_late(IndicatorKind.GRIEVANCE, None, date(2025, 10, 9))
    # the deciding body's month runs from its receipt (art. 35 §4 with art. 144)
    due = deadline(IndicatorKind.GRIEVANCE, date(2025, 10, 9), False)
    assert due is not None and due.value == date(2025, 11, 10)  # 9 Nov is a Sunday
    assert "art. 35 § 4" in due.rule("pl")


@pytest.mark.parametrize(
    ("low", "high", "positive"),
    [
        (1, 5, {"4", "5"}),
        (1, 4, {"3", "4"}),
        (1, 3, {"3"}),  # the midpoint 2 is not positive (it used to be)
        (1, 7, {"6", "7"}),
        (0, 10, {"9", "10"}),
        (1, 2, {"2"}),
    ],
)
def test_positive_answers_per_scale(low: int, high: int, positive: set[str]) -> None:
    assert positive_values(low, high) == positive
