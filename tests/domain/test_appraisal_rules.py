"""Appraisal sheets and rules: selection, overall result, levels, due dates, streaks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.appraisal import (
    AppraisalKind,
    DueStatus,
    PastAppraisal,
    check_decision_date,
    check_objection_date,
    decision_deadline,
    due_status,
    follow_up_due,
    follow_up_earliest,
    level_for,
    next_due,
    objection_deadline,
    overall_result,
    select_criteria,
    streaks,
)
from auditdesk.domain.errors import FormError, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.forms.loader import load_form, load_form_text
from auditdesk.domain.periods import Span

FORMS = Path(__file__).resolve().parents[2] / "forms" / "appraisal"


def sheet(name: str) -> AppraisalSheet:
    form = load_form(FORMS / f"{name}.yaml")
    assert isinstance(form.definition, AppraisalSheet)
    return form.definition


@pytest.fixture
def staff() -> AppraisalSheet:
    return sheet("sc-pozostali")


@pytest.fixture
def local() -> AppraisalSheet:
    return sheet("jst-pracownicy")


def test_every_default_sheet_loads() -> None:
    names = sorted(p.stem for p in FORMS.glob("*.yaml"))
    assert names == ["jst-pracownicy", "sc-dyrektor-generalny", "sc-kierownicy", "sc-pozostali"]
    for name in names:
        s = sheet(name)
        assert s.cycle_months == 24 and s.objection_days == 7 and s.decision_days == 14
    assert {sheet(n).applies_to for n in names} == {"head_of_office", "manager", "staff", "any"}


def test_client_orientation_is_mandatory_only_for_customer_facing_posts(
    staff: AppraisalSheet,
) -> None:
    facing = select_criteria(staff, True, ["cele"])
    back_office = select_criteria(staff, False, ["cele"])
    assert "klient" in facing and "klient" not in back_office
    assert facing[:4] == ["rzetelnosc", "wiedza", "komunikacja", "wspolpraca"]
    # for a back-office post client orientation may still be chosen as an additional one
    assert "klient" in select_criteria(staff, False, ["klient"])


def test_local_government_sheet_has_customer_service_criterion(local: AppraisalSheet) -> None:
    c = local.criterion("obsluga-klienta")
    assert c.mandatory and "uprzejmość" in c.name.pl.lower()
    assert local.follow_up_earliest_months == 3


def test_additional_criteria_count_is_enforced(staff: AppraisalSheet) -> None:
    with pytest.raises(ValidationFailed, match="choose 1–3 additional"):
        select_criteria(staff, True, [])
    with pytest.raises(ValidationFailed, match="choose 1–3 additional"):
        select_criteria(staff, True, ["cele", "rozwoj", "kreatywnosc", "decyzje"])
    with pytest.raises(ValidationFailed, match="not on the sheet"):
        select_criteria(staff, True, ["nonsense"])


def test_overall_is_the_mean_and_maps_to_levels(staff: AppraisalSheet) -> None:
    ratings = {
        "rzetelnosc": "znacznie-powyzej",  # 5
        "wiedza": "powyzej",  # 4
        "komunikacja": "powyzej",  # 4
        "wspolpraca": "na-poziomie",  # 3
        "klient": "znacznie-powyzej",  # 5
        "cele": "powyzej",  # 4
    }
    result = overall_result(staff, ratings)
    assert result.score == 4.17  # 25 / 6
    assert result.level.code == "powyzej" and result.positive
    negative = overall_result(staff, dict.fromkeys(ratings, "ponizej") | {"wiedza": "na-poziomie"})
    assert negative.score == 2.17 and negative.level.code == "ponizej"
    assert not negative.positive


@pytest.mark.parametrize(
    ("score", "level", "positive"),
    [
        (5.0, "znacznie-powyzej", True),
        (4.51, "znacznie-powyzej", True),
        (4.5, "powyzej", True),
        (3.51, "powyzej", True),
        (3.5, "na-poziomie", True),
        (2.51, "na-poziomie", True),
        (2.5, "ponizej", False),
        (1.51, "ponizej", False),
        (1.5, "znacznie-ponizej", False),
        (1.0, "znacznie-ponizej", False),
    ],
)
def test_cut_offs(staff: AppraisalSheet, score: float, level: str, positive: bool) -> None:
    found = level_for(staff, score)
    assert (found.code, found.positive) == (level, positive)


def test_weighted_mean_uses_criterion_weights(local: AppraisalSheet) -> None:
    # sumiennosc ×1.5 = 4, obsluga ×1.5 = 1, wiedza ×1 = 3, terminowosc ×1 = 3, rozwoj ×1 = 2
    ratings = {
        "sumiennosc": "wzorowo",
        "obsluga-klienta": "niedostatecznie",
        "wiedza": "dobrze",
        "terminowosc": "dobrze",
        "rozwoj": "dostatecznie",
    }
    result = overall_result(local, ratings)
    assert result.score == round((6 + 1.5 + 3 + 3 + 2) / 6, 2) == 2.58
    assert result.level.code == "zadowalajaca" and result.positive
    # the plain mean would be 2.6: weights matter
    assert result.score != 2.6


def test_rating_with_unknown_level_is_refused(staff: AppraisalSheet) -> None:
    with pytest.raises(ValidationFailed, match="not a level"):
        overall_result(staff, {"wiedza": "wzorowo"})


def test_sheet_with_gap_below_lowest_cut_off_is_refused() -> None:
    text = (FORMS / "sc-pozostali.yaml").read_text(encoding="utf-8")
    broken = text.replace("min: 1.0", "min: 1.2")
    with pytest.raises(FormError, match="lowest level must start"):
        load_form_text(broken, "broken.yaml")


def test_objection_window_and_decision(staff: AppraisalSheet) -> None:
    read = date(2026, 6, 1)
    assert objection_deadline(staff, read).value == date(2026, 6, 8)
    check_objection_date(staff, read, date(2026, 6, 8))
    with pytest.raises(ValidationFailed, match="too late"):
        check_objection_date(staff, read, date(2026, 6, 9))
    with pytest.raises(ValidationFailed, match="before the appraisal was read"):
        check_objection_date(staff, read, date(2026, 5, 31))
    # 14 days from 8 June = 22 June (Monday)
    assert decision_deadline(staff, date(2026, 6, 8)).value == date(2026, 6, 22)
    check_decision_date(staff, date(2026, 6, 8), date(2026, 6, 22))
    with pytest.raises(ValidationFailed, match="too late"):
        check_decision_date(staff, date(2026, 6, 8), date(2026, 6, 23))


def test_objection_deadline_on_saturday_moves_to_monday(staff: AppraisalSheet) -> None:
    # read on Saturday 31.10.2026 would end on 7.11 (Saturday) -> Monday 9.11
    due = objection_deadline(staff, date(2026, 10, 31))
    assert due.value == date(2026, 11, 9)


def test_periodic_due_24_months_from_the_previous_appraisal(staff: AppraisalSheet) -> None:
    history = [PastAppraisal(date(2024, 3, 15), True, "powyzej", date(2024, 3, 18))]
    due = next_due(staff, history, date(2010, 1, 1))
    assert due is not None and due.reason is AppraisalKind.PERIODIC
    assert due.date.value == date(2026, 3, 16)  # 15.03.2026 is a Sunday
    assert "poprzedniej" in due.date.rule("pl")


def test_first_appraisal_counts_from_the_start_of_duty(staff: AppraisalSheet) -> None:
    due = next_due(staff, [], date(2025, 9, 1))
    assert due is not None and due.first
    assert due.date.value == date(2027, 9, 1)
    assert next_due(staff, [], None) is None


def test_periodic_due_moved_by_absence(staff: AppraisalSheet) -> None:
    history = [PastAppraisal(date(2024, 1, 10), True, "powyzej", date(2024, 1, 12))]
    absences = [Span(date(2024, 5, 6), date(2024, 7, 5))]
    due = next_due(staff, history, None, absences)
    assert due is not None and due.date.value == date(2026, 3, 12)


def test_follow_up_6_months_after_a_negative_one_is_read(staff: AppraisalSheet) -> None:
    history = [
        PastAppraisal(date(2023, 2, 1), True, "na-poziomie", date(2023, 2, 2)),
        PastAppraisal(date(2025, 8, 29), False, "ponizej", date(2025, 8, 31)),
    ]
    due = next_due(staff, history, None)
    assert due is not None and due.reason is AppraisalKind.FOLLOW_UP
    assert due.date.value == date(2026, 3, 2)  # 28.02.2026 is a Saturday
    assert follow_up_due(staff, date(2026, 2, 27)).value == date(2026, 8, 27)
    # not read yet: the follow-up cannot be counted, the periodic date stands
    unread = [PastAppraisal(date(2025, 8, 29), False, "ponizej", None)]
    due = next_due(staff, unread, None)
    assert due is not None and due.reason is AppraisalKind.PERIODIC


def test_local_government_follow_up_no_sooner_than_3_months(local: AppraisalSheet) -> None:
    earliest = follow_up_earliest(local, date(2026, 5, 31))
    assert earliest is not None and earliest.value == date(2026, 8, 31)
    assert follow_up_earliest(sheet("sc-pozostali"), date(2026, 5, 31)) is None


@pytest.mark.parametrize(
    ("days", "in_progress", "status"),
    [
        (-1, False, DueStatus.OVERDUE),
        (0, False, DueStatus.DUE_30),
        (30, False, DueStatus.DUE_30),
        (31, False, DueStatus.DUE_60),
        (60, False, DueStatus.DUE_60),
        (61, False, DueStatus.NOT_DUE),
        (-10, True, DueStatus.IN_PROGRESS),
    ],
)
def test_due_status(days: int, in_progress: bool, status: DueStatus) -> None:
    today = date(2026, 6, 1)
    due = date.fromordinal(today.toordinal() + days)
    assert due_status(due, today, in_progress) is status
    assert due_status(None, today, False) is DueStatus.UNKNOWN


def test_streaks(staff: AppraisalSheet) -> None:
    top = staff.promotion_level_codes()
    assert top == ["znacznie-powyzej", "powyzej"]

    def a(year: int, positive: bool, level: str) -> PastAppraisal:
        return PastAppraisal(date(year, 1, 1), positive, level, date(year, 1, 2))

    s = streaks([a(2022, True, "powyzej"), a(2024, True, "znacznie-powyzej")], top)
    assert s.promotion and not s.hr_warning and s.top_positive_run == 2
    assert "wyższy stopień" in s.sentence("pl")
    s = streaks([a(2022, True, "powyzej"), a(2024, True, "na-poziomie")], top)
    assert not s.promotion and s.top_positive_run == 0
    s = streaks(
        [a(2020, True, "powyzej"), a(2024, False, "ponizej"), a(2022, False, "ponizej")], top
    )
    assert s.hr_warning and s.negative_run == 2 and not s.promotion
    assert "rozwiązanie" in s.sentence("pl")
    s = streaks([a(2022, False, "ponizej"), a(2024, True, "powyzej")], top)
    assert not s.hr_warning and not s.promotion and s.sentence() == ""
