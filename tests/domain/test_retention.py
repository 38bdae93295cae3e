"""The register's retention rules (issue 19): each record type's default period and end action,
the administrator's changes checked, and the day a record falls due."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.retention import (
    DEFAULTS,
    MAX_MONTHS,
    EndAction,
    RecordType,
    add_months,
    due_on,
    is_due,
    rule_with,
)

# record type → (months, end action, counted from 1 January of the next year)
EXPECTED = {
    RecordType.APPRAISAL: (120, EndAction.DELETE, True),
    RecordType.FEEDBACK_NOTE: (36, EndAction.DELETE, False),
    RecordType.AUDIT_EVIDENCE: (3, EndAction.DELETE, False),
    RecordType.AUDIT_OFFICIAL: (24, EndAction.ANONYMISE, False),
    RecordType.COMPLAINT: (60, EndAction.ANONYMISE, True),
    RecordType.READ_LOG: (24, EndAction.DELETE, False),
}


def test_every_record_type_has_a_default_rule() -> None:
    assert set(DEFAULTS) == set(RecordType)
    for kind, rule in DEFAULTS.items():
        assert rule.record_type is kind
        assert rule.action in rule.allowed
        assert rule.purpose and rule.legal_basis and rule.readers and rule.starts and rule.holds
        assert "RODO art. 6" in rule.legal_basis
        assert rule.changed_by is None


@pytest.mark.parametrize("kind", list(RecordType), ids=str)
def test_default_period_and_end_action(kind: RecordType) -> None:
    months, action, next_year = EXPECTED[kind]
    rule = DEFAULTS[kind]
    assert (rule.months, rule.action, rule.from_next_year) == (months, action, next_year)


def test_legal_bases_name_the_acts() -> None:
    assert "Civil Service Act" in DEFAULTS[RecordType.APPRAISAL].legal_basis
    assert "Local Government Employees Act" in DEFAULTS[RecordType.APPRAISAL].legal_basis
    assert "Code of Administrative Procedure" in DEFAULTS[RecordType.COMPLAINT].legal_basis
    # evidence showing an official is only deleted, never archived
    assert DEFAULTS[RecordType.AUDIT_EVIDENCE].allowed == (EndAction.DELETE,)


def test_rule_with_changes_period_and_action_within_what_is_allowed() -> None:
    rule = rule_with("complaint", 120, "delete", "admin")
    assert (rule.months, rule.action, rule.changed_by) == (120, EndAction.DELETE, "admin")
    assert rule.from_next_year and rule.legal_basis == DEFAULTS[RecordType.COMPLAINT].legal_basis
    assert rule_with("appraisal", 600, "archive").action is EndAction.ARCHIVE


@pytest.mark.parametrize(
    ("kind", "months", "action", "words"),
    [
        ("payslip", 12, "delete", "unknown record type payslip"),
        ("appraisal", 0, "delete", "0 months is out of range"),
        ("appraisal", MAX_MONTHS + 1, "delete", "out of range; give 1 to 1200"),
        ("audit_evidence", 3, "archive", "end action archive is not allowed; use one of delete"),
        ("audit_official", 24, "delete", "is not allowed; use one of anonymise"),
        ("read_log", 24, "burn", "end action burn is not allowed"),
    ],
)
def test_rule_with_refuses_what_the_register_does_not_allow(
    kind: str, months: int, action: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        rule_with(kind, months, action)
    assert words in str(caught.value)


def test_period_text() -> None:
    assert DEFAULTS[RecordType.APPRAISAL].period_text == "10 years"
    assert DEFAULTS[RecordType.AUDIT_EVIDENCE].period_text == "3 months"
    assert rule_with("read_log", 12, "delete").period_text == "1 year"
    assert rule_with("read_log", 18, "delete").period_text == "18 months"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 5, 31), 120, date(2036, 5, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_due_day_of_each_rule() -> None:
    settled = date(2026, 3, 10)
    assert due_on(DEFAULTS[RecordType.COMPLAINT], settled) == date(2032, 1, 1)  # JRWA: next year
    assert due_on(DEFAULTS[RecordType.APPRAISAL], settled) == date(2037, 1, 1)  # Labour Code
    assert due_on(DEFAULTS[RecordType.FEEDBACK_NOTE], settled) == date(2029, 3, 10)
    assert due_on(DEFAULTS[RecordType.AUDIT_EVIDENCE], settled) == date(2026, 6, 10)
    assert due_on(DEFAULTS[RecordType.AUDIT_OFFICIAL], settled) == date(2028, 3, 10)
    assert due_on(DEFAULTS[RecordType.READ_LOG], settled) == date(2028, 3, 10)


@pytest.mark.parametrize("kind", list(RecordType), ids=str)
def test_due_on_the_day_not_before(kind: RecordType) -> None:
    rule = DEFAULTS[kind]
    start = date(2026, 12, 31)
    day = due_on(rule, start)
    assert is_due(rule, start, day)
    assert not is_due(rule, start, date.fromordinal(day.toordinal() - 1))


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=1, max_value=MAX_MONTHS),
)
def test_add_months_moves_whole_months(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or moved.day < day.day
