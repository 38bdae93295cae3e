"""The Indicators tab reads its register and its monthly summary on a worker (issue 14): the
busy bar shows while they are read, the lists fill when the rows come, a filter's earlier
request is dropped when a later one was made, and a failed read is said in the message line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators as svc
from auditdesk.services.monitoring.indicators import EntryInput
from auditdesk.settings import Settings
from auditdesk.store.models import Employee, Office, OrgUnit, Role
from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.indicators import IndicatorsTab
from auditdesk.ui.monitoring.indicators_models import FIT_ROWS
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner, TaskRunner
from held_runner import HeldRunner

TODAY = date(2025, 12, 1)


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


@pytest.fixture
def hr(ctx: AppContext) -> AppContext:
    """An HR user's context on an office with four entries, one of them overdue ("A")."""
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        s.add_all([office, wks])
        s.flush()
        person = Employee(unit=wks, first_name="Ewa", last_name="Kadrowa", position="specjalista")
        s.add(person)
        s.flush()
        unit, employee = wks.id, person.id
    for ref, received in (
        ("A", date(2025, 10, 1)),
        ("B", date(2025, 11, 20)),
        ("C", date(2025, 11, 21)),
        ("D", date(2025, 11, 22)),
    ):
        svc.register_entry(ctx, EntryInput(ref, "complaint", received, "letter", unit), TODAY)
    return AppContext(ctx.db, Actor(1, "hr", Role.HR, employee))


def make_tab(qtbot: QtBot, acting: AppContext, runner: TaskRunner) -> IndicatorsTab:
    deps = PanelDeps(context=lambda: acting, runner=runner, settings=Settings(language="en"))
    tab = IndicatorsTab(deps, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_the_lists_fill_from_a_worker(qtbot: QtBot, hr: AppContext) -> None:
    tab = make_tab(qtbot, hr, TaskRunner())
    assert not tab.busy.isHidden()  # the bar shows at once, the rows come later
    qtbot.waitUntil(lambda: tab.busy.isHidden(), timeout=10_000)
    assert sorted(r.reference for r in tab.model.rows) == ["A", "B", "C", "D"]
    assert tab.count_label.text() == "4 of 4"
    assert tab.summary_model.rowCount() > 0 and "Received: 4." in tab.shares.text()
    assert tab.watch_label.text() == "1 overdue, 0 due within 7 days."
    assert tab.empty.isHidden()


def test_an_earlier_filters_rows_are_dropped(qtbot: QtBot, hr: AppContext) -> None:
    runner = HeldRunner()
    tab = make_tab(qtbot, hr, runner)
    # the register, the summary, the deadlines, the research notes: nothing read yet
    assert len(runner.held) == 4
    assert tab.model.rowCount() == 0 and not tab.busy.isHidden()
    tab.state.setCurrentIndex(tab.state.findText("Overdue"))
    assert len(runner.held) == 5
    runner.run(4)  # the later request (overdue only) comes first…
    assert [r.reference for r in tab.model.rows] == ["A"]
    assert not tab.busy.isHidden()  # the summary is still being read
    runner.run(0)  # …the earlier one (every entry) comes last and is dropped
    assert [r.reference for r in tab.model.rows] == ["A"]
    assert tab.count_label.text() == "1 of 1"
    runner.run(1)
    assert not tab.busy.isHidden()  # the deadlines are still being read
    runner.run(2)
    assert not tab.busy.isHidden()  # the research notes are still being read
    runner.run(3)
    assert tab.busy.isHidden() and "Received: 4." in tab.shares.text()
    assert tab.watch_label.text() == "1 overdue, 0 due within 7 days."


def test_a_failed_read_is_said(
    qtbot: QtBot, hr: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kw: object) -> int:
        raise ValidationFailed("the register cannot be read: {reason}", reason="disk gone")

    monkeypatch.setattr(svc, "count_entries", refuse)
    tab = make_tab(qtbot, hr, TaskRunner())
    qtbot.waitUntil(lambda: tab.busy.isHidden(), timeout=10_000)
    assert "disk gone" in tab.message.text()
    assert tab.model.rowCount() == 0
    assert "Received: 4." in tab.shares.text()  # the summary is read all the same


def test_fitting_the_columns_measures_the_first_rows_only(qtbot: QtBot, hr: AppContext) -> None:
    tab = make_tab(qtbot, hr, SyncTaskRunner())
    for view in (tab.table, tab.summary_table, tab.watch_table):
        assert view.horizontalHeader().resizeContentsPrecision() == FIT_ROWS


def test_the_research_notes_are_read_on_a_worker_too(qtbot: QtBot, hr: AppContext) -> None:
    from auditdesk.services.monitoring import research

    research.save_note(
        hr, research.NoteData("focus_group", date(2025, 11, 3), "Kolejki w BOK", participants=6)
    )
    runner = HeldRunner()
    tab = make_tab(qtbot, hr, runner)
    assert tab.research.model.rowCount() == 0  # the tab is up before the notes are read
    runner.run(3)
    assert [r.topic for r in tab.research.model.rows] == ["Kolejki w BOK"]
    assert tab.busy.isHidden() is False  # the register and the rest are still being read


def test_a_failed_read_of_the_notes_is_said(
    qtbot: QtBot, hr: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditdesk.services.monitoring import research

    def refuse(*_args: object, **_kw: object) -> list[research.NoteRow]:
        raise ValidationFailed("the notes cannot be read: {reason}", reason="disk gone")

    monkeypatch.setattr(research, "list_notes", refuse)
    tab = make_tab(qtbot, hr, TaskRunner())
    qtbot.waitUntil(lambda: tab.busy.isHidden(), timeout=10_000)
    assert "disk gone" in tab.message.text()
    assert sorted(r.reference for r in tab.model.rows) == ["A", "B", "C", "D"]
