"""The overview (issue 17): a row per unit and the office, each method's figure with n and
interval, targets with their light, periods, and changes flagged only after the correction."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.domain.values import Role
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.overview import (
    INDICATORS,
    Period,
    overview,
    period_of,
    previous_period,
    set_target,
)


def test_periods() -> None:
    day = date(2026, 5, 14)
    assert period_of("month", day) == Period(date(2026, 5, 1), date(2026, 5, 31))
    assert period_of("quarter", day) == Period(date(2026, 4, 1), date(2026, 6, 30))
    assert period_of("half", day) == Period(date(2026, 1, 1), date(2026, 6, 30))
    assert period_of("year", day) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert previous_period(period_of("quarter", day)) == period_of("quarter", date(2026, 1, 5))
    assert previous_period(period_of("year", day)) == period_of("year", date(2025, 1, 5))
    assert previous_period(Period(date(2026, 5, 10), date(2026, 5, 19))) == Period(
        date(2026, 4, 30), date(2026, 5, 9)
    )


def test_the_demo_office_overview(demo_ctx: AppContext, today: date) -> None:
    result = overview(demo_ctx, period_of("year", today))
    office, *units = result.rows
    assert office.unit_id is None and units
    assert set(office.cells) == set(INDICATORS)
    for key in ("timeliness", "mystery_passed", "appraisals_current"):
        total = office.cells[key]
        assert total.n == sum(r.cells[key].n for r in units)
        if total.n:
            assert total.interval is not None and total.value is not None
            assert total.interval[0] <= total.value <= total.interval[1]
    # the change test runs on every proportion with both periods; flags only after Holm
    assert result.comparisons >= 1
    flagged = [c for r in result.rows for c in r.cells.values() if c.change]
    tested = [c.p_value for r in result.rows for c in r.cells.values() if c.p_value is not None]
    if flagged:  # Holm flags nothing unless the smallest p is below 0.05 / comparisons
        assert min(tested) < 0.05 / result.comparisons


def test_targets_give_the_light(demo_ctx: AppContext, today: date) -> None:
    # the twelve months to today hold the demo's settled cases on any day of the year, some late
    year = Period(today - timedelta(days=364), today)
    set_target(demo_ctx, "timeliness", 101 - 1)  # ≥ 100 % on time: a light that is red
    cell = overview(demo_ctx, year).rows[0].cells["timeliness"]
    assert cell.target is not None and cell.target.text == "≥ 100"
    assert cell.value is not None and cell.value < 100 and cell.n > 0
    assert cell.target_met is False
    set_target(demo_ctx, "timeliness", 0)
    cell = overview(demo_ctx, year).rows[0].cells["timeliness"]
    assert cell.target_met is True
    with pytest.raises(ValidationFailed):
        set_target(demo_ctx, "timeliness", 120)
    with pytest.raises(ValidationFailed):
        set_target(demo_ctx, "nonsense", 50)
    auditor = AppContext(demo_ctx.db, Actor(99, "a", Role.AUDITOR, None))
    with pytest.raises(PermissionDenied):
        overview(auditor, period_of("year", today))
