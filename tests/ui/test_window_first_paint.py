"""Issue 14, the window never freezes, fourth round: what a panel costs the GUI thread when it
is first shown (fitting columns to a long table) and the queries moved off the GUI thread in
this round (the cases tab, the appraisal editor, the start panel's import)."""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QProgressBar, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import appraisals as appraisal_svc
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import surveys as survey_svc
from auditdesk.services.monitoring.cases import reports as cases_reports
from auditdesk.settings import Settings
from auditdesk.ui import main_window
from auditdesk.ui.appraisals.panel import AppraisalsPanel
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps, PanelSpec
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import FIT_ROWS, TableView
from auditdesk.ui.tasks import TaskRunner
from held_runner import HeldRunner


class CountingModel(RowsModel[int]):
    """500 rows whose cells record which rows were asked for their text."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[int] = set()

    def headers(self) -> list[str]:
        return ["number", "text"]

    def cell(self, row: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        self.asked.add(row)
        return str(row) if column == 0 else "x" * (row % 40)


def test_fitting_columns_to_their_contents_measures_the_first_rows_only(qtbot: QtBot) -> None:
    model = CountingModel()
    model.set_rows(range(500))
    view = TableView()
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.resizeColumnsToContents()
    qtbot.wait(20)
    # the first FIT_ROWS rows and the visible ones, not all 500 (Qt's default measures 1,000)
    assert max(model.asked) < 2 * FIT_ROWS
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("x" * 39)


def cases_tab(qtbot: QtBot, ctx: AppContext, runner: TaskRunner) -> CasesTab:
    tab = CasesTab(PanelDeps(context=lambda: ctx, runner=runner, settings=Settings()))
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_the_cases_tab_reads_its_figures_on_a_worker(
    qtbot: QtBot, demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: set[str] = set()
    real = cases_reports.timeliness

    def timeliness(*args: Any, **kw: Any) -> list[cases_reports.TimelinessRow]:
        threads.add(threading.current_thread().name)
        return real(*args, **kw)

    monkeypatch.setattr(cases_reports, "timeliness", timeliness)
    runner = TaskRunner()
    tab = cases_tab(qtbot, demo_ctx, runner)
    assert not tab.busy.isHidden()  # the tab is up at once, the bar says the rest is coming
    qtbot.waitUntil(lambda: tab.busy.isHidden(), timeout=10_000)
    runner.wait()
    assert threads and threading.main_thread().name not in threads
    assert {"WKS", "WAB", "BOK"} <= {r.unit_code for r in tab.timeliness_model.rows}
    assert tab.overdue_model.rowCount() > 0 and "cases in the register" in tab.summary.text()
    assert tab.unit.findData("WAB") > 0


def test_the_cases_tab_drops_an_earlier_filters_figures(qtbot: QtBot, demo_ctx: AppContext) -> None:
    runner = HeldRunner()
    tab = cases_tab(qtbot, demo_ctx, runner)
    assert len(runner.held) == 1 and tab.timeliness_model.rowCount() == 0  # the units first
    runner.run(0)
    assert len(runner.held) == 2  # then the figures for every unit
    tab.unit.setCurrentIndex(tab.unit.findData("WAB"))
    assert len(runner.held) == 3
    runner.run(2)  # the later request (WAB) comes first…
    assert {r.unit_code for r in tab.timeliness_model.rows} == {"WAB"}
    assert tab.busy.isHidden()
    runner.run(1)  # …every unit's figures come last and are dropped
    assert {r.unit_code for r in tab.timeliness_model.rows} == {"WAB"}
    assert all(r.unit_code == "WAB" for r in tab.overdue_model.rows)


def test_the_cases_tab_says_a_failed_read(
    qtbot: QtBot, demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kw: object) -> list[cases_reports.TimelinessRow]:
        raise ValidationFailed("the register cannot be read: {reason}", reason="disk gone")

    monkeypatch.setattr(cases_reports, "timeliness", refuse)
    runner = TaskRunner()
    tab = cases_tab(qtbot, demo_ctx, runner)
    qtbot.waitUntil(lambda: tab.busy.isHidden(), timeout=10_000)
    runner.wait()
    assert "disk gone" in tab.status.text()
    assert tab.timeliness_model.rowCount() == 0


SLOW_PANEL = """
import threading, time
from PySide6.QtWidgets import QLabel
IMPORTED_ON = threading.current_thread().name
time.sleep(0.3)  # a heavy panel module (the overview's services: 125-340 ms)
if FAIL:
    raise RuntimeError("the panel's module is broken")

def make(_deps):
    label = QLabel("slow panel")
    label.setObjectName("slowPanel")
    return label
"""


def slow_spec(tmp_path: Path, name: str, key: str, fail: bool = False) -> PanelSpec:
    (tmp_path / f"{name}.py").write_text(f"FAIL = {fail}\n" + SLOW_PANEL, encoding="utf-8")

    def factory(deps: PanelDeps) -> QWidget:
        widget: QWidget = importlib.import_module(name).make(deps)
        return widget

    return PanelSpec(key, 1, lambda: key, factory, module=name)


def quick_spec(key: str) -> PanelSpec:
    return PanelSpec(key, 2, lambda: key, lambda _deps: QLabel(key))


@pytest.fixture
def on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_the_first_panels_module_is_imported_on_a_worker(
    qtbot: QtBot, ctx: AppContext, on_path: Path
) -> None:
    runner = TaskRunner()
    spec = slow_spec(on_path, "c2_slow_panel_a", "slow")
    window = MainWindow(ctx, Settings(language="en"), runner, [spec, quick_spec("quick")])
    qtbot.addWidget(window)
    window.show()
    # the window is up at once, a busy bar where the panel comes
    assert "slow" not in window.panels
    assert window.stack.currentWidget().findChild(QProgressBar, "panelBusy") is not None
    qtbot.waitUntil(lambda: "slow" in window.panels, timeout=10_000)
    runner.wait()
    assert window.stack.currentWidget().objectName() == "panel_slow"
    imported_on = sys.modules["c2_slow_panel_a"].IMPORTED_ON
    assert imported_on != threading.main_thread().name


def test_a_panel_left_while_its_module_loads_is_not_built(
    qtbot: QtBot, ctx: AppContext, on_path: Path
) -> None:
    runner = TaskRunner()
    spec = slow_spec(on_path, "c2_slow_panel_b", "slow")
    window = MainWindow(ctx, Settings(language="en"), runner, [spec, quick_spec("quick")])
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(1)  # the user goes on before the first panel is there
    assert window.stack.currentWidget().objectName() == "panel_quick"
    qtbot.waitUntil(lambda: "c2_slow_panel_b" in sys.modules, timeout=10_000)
    runner.wait()
    qtbot.wait(50)
    assert "slow" not in window.panels  # built when opened again, not behind the user's back
    assert window.stack.currentWidget().objectName() == "panel_quick"
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget().objectName() == "panel_slow"


def test_a_panel_whose_module_fails_says_so(
    qtbot: QtBot, ctx: AppContext, on_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _w, exc, _tb="": shown.append(str(exc)))
    runner = TaskRunner()
    spec = slow_spec(on_path, "c2_slow_panel_c", "slow", fail=True)
    window = MainWindow(ctx, Settings(language="en"), runner, [spec, quick_spec("quick")])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    runner.wait()
    assert shown == ["the panel's module is broken"] and "slow" not in window.panels


def test_a_rows_values_are_built_once_until_the_rows_change(qtbot: QtBot) -> None:
    class Model(RowsModel[list[int]]):
        def __init__(self) -> None:
            super().__init__()
            self.built = 0

        def headers(self) -> list[str]:
            return ["a", "b", "c"]

        def cell(self, row: list[int], column: int, role: int) -> Any:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return self.shown(row, self.texts)[column]

        def texts(self, row: list[int]) -> list[str]:
            self.built += 1
            return [str(v) for v in row]

    model = Model()
    model.set_rows([[1, 2, 3], [4, 5, 6]])
    for _ in range(3):  # a view asks each cell many times: fitting, painting
        cells = [model.data(model.index(r, c)) for r in range(2) for c in range(3)]
    assert cells == ["1", "2", "3", "4", "5", "6"] and model.built == 2
    model.rows[0][0] = 9  # changed in place and said so: built again
    model.dataChanged.emit(model.index(0, 0), model.index(0, 2))
    assert model.data(model.index(0, 0)) == "9"
    model.set_rows([[7, 8, 9]])  # new rows: nothing of the old ones is shown
    assert model.data(model.index(0, 2)) == "9" and model.rowCount() == 1


@pytest.fixture
def hr_demo(demo_ctx: AppContext) -> tuple[AppContext, list[int]]:
    """The demo office as HR (every appraisal) and two appraisal ids."""
    from sqlalchemy import select

    from auditdesk.services.context import Actor
    from auditdesk.store.models import Appraisal, User

    with demo_ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == "kadry"))
        assert user is not None
        actor = Actor.of(user)
        ids = list(s.scalars(select(Appraisal.id).order_by(Appraisal.id).limit(2)))
    assert len(ids) == 2
    return AppContext(demo_ctx.db, actor), ids


def appraisals_panel(qtbot: QtBot, ctx: AppContext, runner: TaskRunner) -> AppraisalsPanel:
    panel = AppraisalsPanel(lambda: ctx, runner, "en")
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_an_appraisal_is_read_on_a_worker_before_its_editor_opens(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, (first, _second) = hr_demo
    threads: set[str] = set()
    real = appraisal_svc.appraisal_detail

    def detail(*args: Any, **kw: Any) -> appraisal_svc.AppraisalView:
        threads.add(threading.current_thread().name)
        return real(*args, **kw)

    monkeypatch.setattr(appraisal_svc, "appraisal_detail", detail)
    runner = TaskRunner()
    panel = appraisals_panel(qtbot, ctx, runner)
    panel.open_appraisal(first)
    assert panel.editor is None  # nothing read on the GUI thread: the editor comes later
    qtbot.waitUntil(lambda: panel.editor is not None, timeout=10_000)
    runner.wait()
    assert panel.editor is not None and panel.editor.appraisal_id == first
    assert panel.editor.view is not None and panel.editor.view.record_number
    assert panel.editor.view.record_number in panel.editor.header.text()
    assert threads and threading.main_thread().name not in threads
    panel.editor.close()


def test_the_appraisal_asked_for_last_is_the_one_opened(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]]
) -> None:
    ctx, (first, second) = hr_demo
    runner = HeldRunner()
    panel = appraisals_panel(qtbot, ctx, runner)
    held = len(runner.held)  # the team list
    panel.open_appraisal(first)
    panel.open_appraisal(second)
    runner.run(held + 1)  # the later request comes first…
    assert panel.editor is not None and panel.editor.appraisal_id == second
    runner.run(held)  # …the earlier one comes last and opens nothing
    assert panel.editor.appraisal_id == second
    panel.editor.close()


def test_an_appraisal_that_cannot_be_read_is_said(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, (first, _second) = hr_demo

    def refuse(*_args: object, **_kw: object) -> appraisal_svc.AppraisalView:
        raise ValidationFailed("the appraisal cannot be read: {reason}", reason="disk gone")

    monkeypatch.setattr(appraisal_svc, "appraisal_detail", refuse)
    runner = TaskRunner()
    panel = appraisals_panel(qtbot, ctx, runner)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)  # the team first
    panel.open_appraisal(first)
    qtbot.waitUntil(lambda: "disk gone" in panel.message.text(), timeout=10_000)
    runner.wait()
    assert panel.editor is None


def surveys_tab(qtbot: QtBot, ctx: AppContext, runner: TaskRunner) -> SurveysTab:
    tab = SurveysTab(PanelDeps(lambda: ctx, runner, Settings(language="en")))
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_the_survey_results_are_read_on_a_worker(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ids = hr_demo
    threads: set[str] = set()
    real = survey_svc.results

    def results(*args: Any, **kw: Any) -> Any:
        threads.add(threading.current_thread().name)
        return real(*args, **kw)

    monkeypatch.setattr(survey_svc, "results", results)
    runner = TaskRunner()
    tab = surveys_tab(qtbot, ctx, runner)
    assert tab.results.campaign is not None  # the demo office has a campaign, chosen at once
    qtbot.waitUntil(lambda: tab.results.model.rowCount() > 0, timeout=10_000)
    runner.wait()
    assert tab.results.busy.isHidden() and "Responses:" in tab.results.summary.text()
    assert threads and threading.main_thread().name not in threads


def test_the_survey_results_of_an_earlier_filter_are_dropped(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]]
) -> None:
    ctx, _ids = hr_demo
    runner = HeldRunner()
    tab = surveys_tab(qtbot, ctx, runner)
    page = tab.results
    first = len(runner.held) - 1  # the whole campaign, every unit
    assert page.model.rowCount() == 0 and not page.busy.isHidden()
    page.unit.setCurrentIndex(1)
    page.refresh()  # one unit
    runner.run(first + 1)
    one_unit = page.summary.text()
    assert "Responses:" in one_unit and page.busy.isHidden()
    runner.run(first)  # every unit's results come last: dropped
    assert page.summary.text() == one_unit


def test_survey_results_that_cannot_be_read_are_said(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, _ids = hr_demo

    def refuse(*_args: object, **_kw: object) -> Any:
        raise ValidationFailed("the responses cannot be read: {reason}", reason="disk gone")

    monkeypatch.setattr(survey_svc, "results", refuse)
    runner = TaskRunner()
    tab = surveys_tab(qtbot, ctx, runner)
    qtbot.waitUntil(lambda: "disk gone" in tab.results.summary.text(), timeout=10_000)
    runner.wait()
    assert tab.results.busy.isHidden() and tab.results.model.rowCount() == 0


def test_the_team_list_builds_each_rows_texts_once(
    qtbot: QtBot, hr_demo: tuple[AppContext, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from auditdesk.services.appraisals.overview import team_view
    from auditdesk.ui.appraisals import team_model

    ctx, _ids = hr_demo
    rows = team_view(ctx, date(2026, 12, 5), "en")
    built: list[str] = []
    real = team_model.appraisal_kind_name

    def kind_name(value: str) -> str:
        built.append(value)
        return real(value)

    monkeypatch.setattr(team_model, "appraisal_kind_name", kind_name)
    model = team_model.TeamModel("en")
    model.set_rows(rows)
    for _ in range(3):  # fitting the columns, painting: each cell asked again
        texts = [model.data(model.index(r, c)) for r in range(len(rows)) for c in range(8)]
    assert len(built) == len(rows) and texts[0] and str(texts[0]).startswith(rows[0].employee)
    model.set_rows(rows[:1])  # new rows: built again
    assert model.data(model.index(0, 0)) == texts[0] and len(built) == len(rows) + 1
