"""Issue 17, the rules put right, through the services: cases with no deadline known and cases
suspended without dates are counted apart and listed for completion (never overdue, never in
the on-time share), the office's case settings apply to the next import, a complaint's new date
notified under art. 36 is its deadline, grievances filed after 7 days are listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.domain.indicators import Timeliness
from auditdesk.domain.values import Role
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import reports as cases_reports
from auditdesk.services.monitoring.cases import rules as case_rules
from auditdesk.services.monitoring.indicators import EntryInput
from auditdesk.store.models import Office, OrgUnit

HEADER = "Znak sprawy;Data wszczęcia;Data zakończenia;Kategoria;Termin;Zawieszona"
ROWS = [
    "WKS.5430.1.2025;03.03.2025;04.03.2025;bez zwłoki;;nie",
    "WKS.0012.2.2025;03.03.2025;;;;nie",  # no category, no date: no deadline known
    "WKS.0012.3.2025;03.03.2025;10.03.2025;;;nie",
    "WKS.5310.4.2025;03.02.2025;;1 miesiąc;;tak",  # suspended, dates missing
    "WKS.5310.5.2025;03.02.2025;;1 miesiąc;;nie",  # overdue
]
AS_OF = date(2025, 6, 30)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_unknown_and_dates_missing_are_counted_apart(ctx: AppContext, tmp_path: Path) -> None:
    cases_import.import_cases(ctx, write(tmp_path / "r.csv", [HEADER, *ROWS]), as_of=AS_OF)
    summary = cases_reports.summary(ctx, AS_OF)
    assert (summary.no_deadline, summary.dates_missing) == (2, 1)
    assert summary.overdue == 1  # only WKS.5310.5: the suspended one waits for its dates
    assert [r.sign for r in cases_reports.overdue(ctx, as_of=AS_OF)] == ["WKS.5310.5.2025"]
    complete = {r.sign for r in cases_reports.to_complete(ctx)}
    assert complete == {"WKS.0012.2.2025", "WKS.0012.3.2025", "WKS.5310.4.2025"}
    (row,) = cases_reports.timeliness(ctx, by="unit")
    # the settled case without a category is not judged (it used to count as a one-month case)
    assert (row.settled, row.on_time, row.unjudged) == (1, 1, 1)


def test_the_office_case_settings_apply_to_the_next_import(ctx: AppContext, tmp_path: Path) -> None:
    case_rules.set_case_rules(ctx, without_delay_days=3, jrwa={"0012": "one_month"})
    rules = case_rules.case_rules(ctx)
    assert rules.without_delay_days == 3
    cases_import.import_cases(ctx, write(tmp_path / "r.csv", [HEADER, *ROWS]), as_of=AS_OF)
    summary = cases_reports.summary(ctx, AS_OF)
    assert summary.no_deadline == 0  # JRWA 0012 is now a one-month case
    with pytest.raises(ValidationFailed):
        case_rules.set_case_rules(ctx, without_delay_days=30)
    with pytest.raises(ValidationFailed):
        case_rules.set_case_rules(ctx, jrwa={"0012": "whenever"})
    clerk = AppContext(ctx.db, Actor(99, "s", Role.SUPERVISOR, None))
    with pytest.raises(PermissionDenied):
        case_rules.set_case_rules(clerk, without_delay_days=2)


@pytest.fixture
def unit(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        office = Office(name="Urząd", short_name="U")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        s.add_all([office, wks])
        s.flush()
        return wks.id


def test_a_complaint_settled_by_its_notified_new_date_is_on_time(
    ctx: AppContext, unit: int
) -> None:
    today = date(2025, 12, 15)
    base = EntryInput("SKG.1", "complaint", date(2025, 10, 10), "letter", unit)
    late = indicators.register_entry(
        ctx,
        EntryInput(**{**base.__dict__, "settled_on": date(2025, 12, 1), "outcome": "unjustified"}),
        today,
    )
    assert indicators.get_entry(ctx, late, today).timeliness == Timeliness.LATE
    notified = indicators.register_entry(
        ctx,
        EntryInput(
            **{
                **base.__dict__,
                "reference": "SKG.2",
                "settled_on": date(2025, 12, 1),
                "outcome": "unjustified",
                "new_due_on": date(2025, 12, 5),
                "new_due_notified_on": date(2025, 11, 7),
            }
        ),
        today,
    )
    row = indicators.get_entry(ctx, notified, today)
    assert row.due_on == date(2025, 12, 5) and row.timeliness == Timeliness.ON_TIME
    with pytest.raises(ValidationFailed):  # a new date without its notice
        indicators.register_entry(
            ctx,
            EntryInput(**{**base.__dict__, "reference": "SKG.3", "new_due_on": date(2025, 12, 5)}),
            today,
        )


def test_grievances_filed_after_seven_days_are_listed(ctx: AppContext, unit: int) -> None:
    today = date(2025, 12, 15)
    for ref, served in (("ZAZ.1", date(2025, 10, 1)), ("ZAZ.2", date(2025, 10, 6))):
        indicators.register_entry(
            ctx,
            EntryInput(ref, "grievance", date(2025, 10, 10), "letter", unit, served_on=served),
            today,
        )
    assert [r.reference for r in indicators.late_filings(ctx)] == ["ZAZ.1"]
    with pytest.raises(ValidationFailed):  # served after it was received
        indicators.register_entry(
            ctx,
            EntryInput(
                "ZAZ.3",
                "grievance",
                date(2025, 10, 10),
                "letter",
                unit,
                served_on=date(2025, 10, 11),
            ),
            today,
        )
