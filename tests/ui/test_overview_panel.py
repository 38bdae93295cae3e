"""The overview panel driven like a person (issue 17): it opens on the demo office with the
office row first, every figure in words (n, interval, target met or missed), the period choice
reloads it, Enter drills down to the owning panel, and an auditor gets a sentence, not data."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.values import Role
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.overview import INDICATORS, set_target
from auditdesk.settings import Settings
from auditdesk.ui.overview import start_row
from auditdesk.ui.overview.panel import OverviewPanel
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_qdate
from auditdesk.ui.tasks import SyncTaskRunner


class Window(QWidget):
    """Stands for the main window: records which panel a drill-down asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.asked: list[dict[str, object]] = []

    def show_panel(self, key: str) -> QWidget:
        self.shown.append(key)
        window = self

        class Owner(QWidget):
            def show_records(self, **filters: object) -> None:
                window.asked.append(filters)

        return Owner()


def make(qtbot: QtBot, ctx: AppContext) -> tuple[Window, OverviewPanel]:
    window = Window()
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = OverviewPanel(deps, window)
    qtbot.addWidget(window)
    return window, panel


def test_the_overview_opens_on_the_demo_office(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    set_target(demo_ctx, "mystery_passed", 100)
    window, panel = make(qtbot, demo_ctx)
    model = panel.model
    assert model.rowCount() >= 2
    # the unit, the indicators and three counts; the demo office has no visit plan, so no
    # column of planned visits (test_the_plan_column_shows_progress_to_hr_… has one)
    assert model.columnCount() == len(INDICATORS) + 4
    assert model.index(0, 0).data() == "Whole office"
    texts = [model.index(0, c).data() for c in range(1, len(INDICATORS) + 1)]
    assert any("n=" in t for t in texts)
    # the twelve months to today hold the demo's audits on any day of the year (the calendar
    # year to date may hold none on 1 January); some fail, so a target of 100 % is missed
    panel.kind.setCurrentIndex(panel.kind.findData("dates"))
    panel.start.setDate(to_qdate(today - timedelta(days=364)))
    panel.end.setDate(to_qdate(today))
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.result is not None and panel.result.period.start == today - timedelta(days=364)
    passed = model.index(0, 1 + list(INDICATORS).index("mystery_passed")).data()
    assert "target ≥ 100" in passed and "missed" in passed and "n=" in passed, passed
    assert "Holm" in panel.note.text()
    panel.kind.setCurrentIndex(0)  # month: reloaded at once
    assert panel.result is not None
    assert panel.result.period.start == today.replace(day=1)
    panel.table.setCurrentIndex(model.index(1, 1 + list(INDICATORS).index("mystery_passed")))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.shown[-1] == "audits"
    row = model.rows[1]
    assert window.asked[-1] == {
        "method": "mystery",
        "unit_id": row.unit_id,
        "unit_code": row.unit_code,
        "start": panel.result.period.start,
        "end": panel.result.period.end,
    }


def test_an_auditor_gets_a_sentence_and_another_start_page(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    auditor = AppContext(demo_ctx.db, Actor(99, "audytor", Role.AUDITOR, None))
    _window, panel = make(qtbot, auditor)
    assert panel.model.rowCount() == 0
    assert "supervisors, HR and management" in panel.heading.text()
    assert not panel.tabs.isTabEnabled(panel.tabs.indexOf(panel.actions_page))
    assert not panel.tabs.isTabEnabled(panel.tabs.indexOf(panel.charts_page))
    assert panel.actions_view is None and panel.charts_view is None
    keys = ["audits", "appraisals", "overview"]
    assert start_row(keys, auditor.actor) == 0
    assert start_row(keys, demo_ctx.actor) == 2


def test_the_report_from_the_window_with_conclusions(
    qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, panel = make(qtbot, demo_ctx)
    panel.method.setCurrentIndex(0)
    panel.conclusions.setPlainText("Skrócić obieg spraw w WAB.")
    qtbot.mouseClick(panel.save_conclusions_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "raport.pdf"
    monkeypatch.setattr(
        "auditdesk.ui.overview.panel.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(target), "PDF (*.pdf)"),
    )
    panel.anonymised.setChecked(True)
    qtbot.mouseClick(panel.report_button, Qt.MouseButton.LeftButton)
    assert panel.last_report == target and target.read_bytes().startswith(b"%PDF")
    assert str(target) in panel.note.text()
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Skrócić obieg spraw w WAB." in text and "zanonimizowane" in text
    panel.method.setCurrentIndex(1)
    assert panel.conclusions.toPlainText() == ""
    panel.method.setCurrentIndex(0)
    assert panel.conclusions.toPlainText() == "Skrócić obieg spraw w WAB."


def test_the_plan_column_shows_progress_to_hr_and_nothing_to_a_supervisor(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """Issue 18: progress against the plan on the overview; Enter on it opens the plan."""
    from auditdesk.services.overview import Period, overview
    from auditdesk.services.plan import (
        create_programme,
        my_visits,
        plan_programme,
        start_planned_visit,
    )
    from plan_helpers import Q4, as_, make_office, spec

    office = make_office(ctx)
    hr = as_(ctx, office, "hr")
    plan_programme(hr, create_programme(hr, spec(office)))
    a1 = as_(ctx, office, "a1")
    start_planned_visit(a1, my_visits(a1)[0].id)
    window, panel = make(qtbot, hr)
    panel.show_result(overview(hr, Period(*Q4)))
    column = len(INDICATORS) + 4
    model = panel.model
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Planned visits done"
    office_row = model.rows[0]
    assert office_row.plan is not None and office_row.plan.done == 1
    text = model.index(0, column).data()
    assert text.startswith(f"1 of {office_row.plan.due} (")
    panel.table.setCurrentIndex(model.index(1, column))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.shown[-1] == "plan"

    boss = as_(ctx, office, "sup")
    _window, boss_panel = make(qtbot, boss)
    boss_panel.show_result(overview(boss, Period(*Q4)))
    assert boss_panel.model.columnCount() == len(INDICATORS) + 4
    assert all(r.plan is None for r in boss_panel.model.rows)
