"""The window takes "today" from the context's clock (time is an input), not from the machine:
with a fixed clock its default periods are those of that day, whatever the real date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
import time_machine
from pytestqt.qtbot import QtBot

from auditdesk.services.clock import FixedClock
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.audits.results import ResultsView
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.monitoring.indicators import IndicatorsTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner


@pytest.mark.parametrize(
    ("day", "cases_from", "results_end"),
    [
        (date(2026, 1, 31), date(2025, 8, 1), date(2026, 1, 31)),
        (date(2028, 2, 29), date(2027, 9, 1), date(2028, 2, 29)),
        (date(2026, 12, 24), date(2026, 7, 1), date(2026, 12, 31)),
    ],
    ids=str,
)
def test_default_periods_follow_the_context_clock(
    qtbot: QtBot, ctx: AppContext, day: date, cases_from: date, results_end: date
) -> None:
    fixed = replace(ctx, clock=FixedClock(day))
    with time_machine.travel(datetime(2031, 7, 9, 10), tick=True):  # the machine: another day
        deps = PanelDeps(context=lambda: fixed, runner=SyncTaskRunner(), settings=Settings())
        cases = CasesTab(deps)
        qtbot.addWidget(cases)
        results = ResultsView(lambda: fixed, SyncTaskRunner(), "en")
        qtbot.addWidget(results)
        indicators = IndicatorsTab(deps)
        qtbot.addWidget(indicators)
    assert cases.date_from.date().toPython() == cases_from  # five calendar months back
    assert cases.date_to.date().toPython() == day
    assert results.start.date().toPython() == date(day.year, 1, 1)
    assert results.end.date().toPython() == results_end
    assert indicators.sum_from.date().toPython() == cases_from  # six calendar months
    assert indicators.sum_to.date().toPython() == day
