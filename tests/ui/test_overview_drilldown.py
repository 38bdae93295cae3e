"""The overview's drill-down (issue 17), one test per method: Enter on a unit's figure opens the
panel that owns the records with its filters already set to that unit and the overview's
period: the audits (mystery client), the complaints register, the cases settled, the survey
responses of the campaign shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.services.overview import INDICATORS
from auditdesk.settings import Settings
from auditdesk.ui.audits.panel import AuditsPanel
from auditdesk.ui.monitoring.panel import MonitoringPanel
from auditdesk.ui.overview.panel import OverviewPanel
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date
from auditdesk.ui.tasks import SyncTaskRunner
from protocol_helpers import as_user


class Window(QWidget):
    """Stands for the main window: holds the real owning panels and shows the one asked for."""

    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.deps = deps
        self.panels: dict[str, QWidget] = {}
        self.shown: list[str] = []

    def show_panel(self, key: str) -> QWidget:
        self.shown.append(key)
        if key not in self.panels:
            if key == "audits":
                self.panels[key] = AuditsPanel(
                    self.deps.context, self.deps.runner, Settings(), parent=self
                )
            else:
                self.panels[key] = MonitoringPanel(self.deps, self)
        return self.panels[key]


WINDOWS: list[QWidget] = []


def open_overview(qtbot: QtBot, ctx: AppContext) -> tuple[Window, OverviewPanel]:
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    window = Window(deps)
    panel = OverviewPanel(deps, window)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    return window, panel


def drill(qtbot: QtBot, panel: OverviewPanel, code: str, indicator: str) -> int:
    """Enter on the unit's cell of the indicator; returns the unit's id."""
    row = next(r for r, found in enumerate(panel.model.rows) if found.unit_code == code)
    column = 1 + list(INDICATORS).index(indicator)
    panel.table.setCurrentIndex(panel.model.index(row, column))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    unit_id = panel.model.rows[row].unit_id
    assert unit_id is not None
    return unit_id


def test_mystery_client_opens_the_units_audits_of_the_period(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    window, panel = open_overview(qtbot, as_user(demo_ctx, "kadry"))
    period = panel.period()
    code = next(r.unit_code for r in panel.model.rows[1:] if r.cells["mystery_passed"].n)
    unit_id = drill(qtbot, panel, code, "mystery_passed")
    assert window.shown == ["audits"]
    audits = window.panels["audits"]
    assert isinstance(audits, AuditsPanel)
    f = audits.current_filter()
    assert f.unit_ids == (unit_id,) and (f.start, f.end) == (period.start, period.end)
    assert audits.period.currentText() == period.label
    rows = audits.model.rows
    assert rows and {r.unit_code for r in rows} == {code}
    assert all(period.start <= r.visited_at.date() <= period.end for r in rows)


def test_complaints_open_the_units_register_received_in_the_period(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    window, panel = open_overview(qtbot, as_user(demo_ctx, "kadry"))
    period = panel.period()
    code = next(r.unit_code for r in panel.model.rows[1:] if r.cells["complaints_count"].n)
    unit_id = drill(qtbot, panel, code, "complaints_on_time")
    assert window.shown == ["monitoring"]
    monitoring = window.panels["monitoring"]
    assert isinstance(monitoring, MonitoringPanel)
    tab = monitoring.tabs.currentWidget()
    assert tab.objectName() == "indicatorsTab"
    f = tab.filter()  # type: ignore[attr-defined]
    assert f.unit_id == unit_id and (f.date_from, f.date_to) == (period.start, period.end)
    rows = tab.model.rows  # type: ignore[attr-defined]
    assert rows and {r.unit_code for r in rows} == {code}
    assert all(period.start <= r.received_on <= period.end for r in rows)


def test_timeliness_opens_the_units_cases_settled_in_the_period(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    window, panel = open_overview(qtbot, as_user(demo_ctx, "kadry"))
    period = panel.period()
    code = next(r.unit_code for r in panel.model.rows[1:] if r.cells["timeliness"].n)
    drill(qtbot, panel, code, "timeliness")
    monitoring = window.panels["monitoring"]
    assert isinstance(monitoring, MonitoringPanel)
    tab = monitoring.tabs.currentWidget()
    assert tab.objectName() == "casesTab"
    assert tab.unit.currentData() == code  # type: ignore[attr-defined]
    assert to_date(tab.date_from.date()) == period.start  # type: ignore[attr-defined]
    assert to_date(tab.date_to.date()) == period.end  # type: ignore[attr-defined]
    rows = tab.timeliness_model.rows  # type: ignore[attr-defined]
    assert rows and {r.unit_code for r in rows} == {code}
    settled = sum(r.settled for r in rows)
    assert (
        settled
        == panel.model.rows[next(i for i, r in enumerate(panel.model.rows) if r.unit_code == code)]
        .cells["timeliness"]
        .n
    )


def test_surveys_open_the_responses_of_the_unit_and_period(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    window, panel = open_overview(qtbot, as_user(demo_ctx, "kadry"))
    period = panel.period()
    code = next(r.unit_code for r in panel.model.rows[1:] if r.cells["surveys_positive"].n)
    unit_id = drill(qtbot, panel, code, "surveys_positive")
    assert window.shown == ["monitoring"]
    monitoring = window.panels["monitoring"]
    assert isinstance(monitoring, MonitoringPanel)
    tab = monitoring.tabs.currentWidget()
    assert tab.objectName() == "surveysTab"
    results = tab.results  # type: ignore[attr-defined]
    assert results.unit.currentData() == unit_id
    assert (to_date(results.start.date()), to_date(results.end.date())) == (
        period.start,
        period.end,
    )
    assert "n=" in results.summary.text() or results.model.rowCount() > 0


def test_research_opens_the_research_page(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    window, panel = open_overview(qtbot, as_user(demo_ctx, "kadry"))
    row = 0  # the office row: every study
    column = 1 + list(INDICATORS).index("research_studies")
    panel.table.setCurrentIndex(panel.model.index(row, column))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    monitoring = window.panels["monitoring"]
    assert isinstance(monitoring, MonitoringPanel)
    tab = monitoring.tabs.currentWidget()
    assert tab.objectName() == "indicatorsTab"
    assert tab.pages.currentWidget() is tab.research  # type: ignore[attr-defined]
