"""Issue 14, the window never freezes: the slow work of the audit list, the audit editor, the
monitoring tabs and the protocol preview runs on the real TaskRunner's workers, and the GUI
thread only shows what comes back. These tests use the real TaskRunner (not SyncTaskRunner)
and wait with qtbot.waitUntil."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.audits.panel import AuditsPanel
from auditdesk.ui.tasks import TaskRunner


@pytest.fixture
def auditor(copy_demo: Callable[[Path], Path], tmp_path: Path) -> Iterator[AppContext]:
    db = open_database(str(copy_demo(tmp_path / "demo.sqlite")))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor1"))
        assert user is not None
        actor = Actor.of(user)
    yield AppContext(db, actor)
    db.dispose()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait()


def test_the_audit_list_is_read_on_a_worker_and_the_later_filter_wins(
    qtbot: QtBot, auditor: AppContext, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = svc.list_audits
    threads: list[str] = []

    def slow_for_drafts(ctx: AppContext, where: Any = None, **kw: Any) -> svc.AuditPage:
        threads.append(threading.current_thread().name)
        if where is not None and where.status == "draft":
            time.sleep(0.4)  # the earlier request comes back last: its rows must be dropped
        return real(ctx, where, **kw)

    monkeypatch.setattr(svc, "list_audits", slow_for_drafts)
    panel = AuditsPanel(lambda: auditor, runner, choose_file=lambda: None)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    assert threading.main_thread().name not in threads  # never on the GUI thread

    everything = {row.id for row in panel.model.rows}
    panel.table.selectRow(0)
    chosen = panel.selected_id()
    assert chosen is not None
    completed = panel.status.findData("completed")
    draft = panel.status.findData("draft")
    assert completed > 0 and draft > 0
    with qtbot.waitSignal(panel.list_loaded, timeout=10_000):
        panel.status.setCurrentIndex(draft)  # slow
        panel.status.setCurrentIndex(completed)  # quick, and the one the user chose last
    qtbot.wait(600)  # the draft query finishes meanwhile; its rows must not replace these
    runner.wait()
    qtbot.wait(50)
    rows = panel.model.rows
    assert rows and all(row.status == "completed" for row in rows)
    assert len(rows) < len(everything)
    assert panel.model.total == real(auditor, svc.AuditFilter(status="completed")).total
    if chosen in {row.id for row in rows}:
        assert panel.selected_id() == chosen  # the list keeps its selection


def test_the_monitoring_tabs_are_built_when_first_shown(
    qtbot: QtBot, auditor: AppContext, runner: TaskRunner
) -> None:
    from auditdesk.settings import Settings
    from auditdesk.ui.monitoring.cases import CasesTab
    from auditdesk.ui.monitoring.indicators import IndicatorsTab
    from auditdesk.ui.monitoring.panel import MonitoringPanel
    from auditdesk.ui.monitoring.surveys import SurveysTab
    from auditdesk.ui.panels import PanelDeps

    panel = MonitoringPanel(PanelDeps(lambda: auditor, runner, Settings(language="en")))
    qtbot.addWidget(panel)
    panel.show()
    assert isinstance(panel.tabs.currentWidget(), SurveysTab)  # the one on screen: built
    assert not panel.findChildren(IndicatorsTab) and not panel.findChildren(CasesTab)
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    panel.tabs.setCurrentIndex(2)
    assert isinstance(panel.tabs.currentWidget(), CasesTab)
    assert panel.tabs.currentIndex() == 2
    assert not panel.findChildren(IndicatorsTab)
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == titles
    found = panel.tab_named("indicatorsTab")  # the overview's drill-down builds what it needs
    assert isinstance(found, IndicatorsTab)
    assert panel.tabs.currentIndex() == 2
    runner.wait()


def test_the_protocol_preview_is_built_and_rendered_on_a_worker(
    qtbot: QtBot, auditor: AppContext, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditdesk.settings import Settings
    from auditdesk.ui.panels import PanelDeps
    from auditdesk.ui.protocols import dialogs, preview
    from auditdesk.ui.protocols.dialogs import ProtocolDialog

    threads: list[str] = []
    real = preview.render_pages

    def render(pdf: bytes, scale: float = 1.25) -> Any:
        threads.append(threading.current_thread().name)
        return real(pdf, scale)

    monkeypatch.setattr(dialogs, "render_pages", render)
    monkeypatch.setattr(preview, "render_pages", render)
    done = svc.list_audits(auditor, svc.AuditFilter(status="completed"), limit=1)
    assert done.rows
    dialog = ProtocolDialog(
        PanelDeps(lambda: auditor, runner, Settings(language="en")), "audit", done.rows[0].id
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # nothing to save until the protocol is there
    qtbot.waitUntil(lambda: dialog.preview.page_count >= 1, timeout=20_000)
    assert dialog.exported is not None and dialog.save_button.isEnabled()
    assert "Pages:" in dialog.state.text()
    pages = dialog.preview.page_count
    width = dialog.preview.page_labels[0].pixmap().width()
    with qtbot.waitSignal(dialog.preview.shown, timeout=20_000):
        dialog.preview.zoom(1.2)  # zoom renders again, also on a worker
    assert dialog.preview.page_count == pages
    assert dialog.preview.page_labels[0].pixmap().width() > width
    assert len(threads) == 2 and threading.main_thread().name not in threads
    runner.wait()


def test_an_audit_opens_from_a_worker_and_its_sections_are_built_in_turns(
    qtbot: QtBot, auditor: AppContext, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditdesk.ui.audits.editor import AuditEditor

    real = svc.load_audit
    threads: list[str] = []

    def load(ctx: AppContext, audit_id: int) -> svc.AuditDetail:
        threads.append(threading.current_thread().name)
        return real(ctx, audit_id)

    monkeypatch.setattr(svc, "load_audit", load)
    panel = AuditsPanel(lambda: auditor, runner, choose_file=lambda: None)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    panel.table.selectRow(0)
    at_open: list[tuple[int, int]] = []

    def opened(editor: AuditEditor) -> None:  # the rows built when the editor is first shown
        at_open.append((len(editor.rows), len(editor.order)))

    panel.editor_opened.connect(opened)
    with qtbot.waitSignal(panel.editor_opened, timeout=10_000):
        panel.open_selected()  # Enter on the list
    editor = panel.editor
    assert editor is not None and panel.stack.currentWidget() is editor
    assert threads and threading.main_thread().name not in threads  # read on a worker
    built, total = at_open[0]
    assert editor.sections.count() > 1
    assert 0 < built < total  # the first section at once, the others later
    assert editor.current_item == editor.order[0]
    last = editor.order[-1]
    editor.focus_item(last)  # a section needed sooner is built at once
    assert editor.current_item == last and last in editor.rows
    assert editor.sections.currentRow() == editor.section_of[last]
    qtbot.waitUntil(lambda: len(editor.rows) == total, timeout=10_000)
    assert editor.rows[last].number.startswith(str(editor.sections.count()))
    runner.wait()


def test_a_table_counts_its_columns_once_not_per_cell(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from auditdesk.ui.rows_model import RowsModel

    class Model(RowsModel[int]):
        def __init__(self) -> None:
            super().__init__()
            self.titles = ["a", "b", "c"]
            self.asked = 0

        def headers(self) -> list[str]:
            self.asked += 1  # translated titles: costly when asked for every cell
            return list(self.titles)

        def cell(self, row: int, column: int, role: int) -> Any:
            return f"{row}:{column}" if role == Qt.ItemDataRole.DisplayRole else None

    model = Model()
    model.set_rows(range(200))
    cells = [model.data(model.index(r, c)) for r in range(200) for c in range(3)]
    assert cells[-1] == "199:2"
    assert model.asked <= 1
    assert model.data(model.index(0, 3)) is None  # out of range: nothing
    model.titles = ["a", "b", "c", "d"]
    model.set_rows(range(5))  # a reset: the count is asked again
    assert model.columnCount() == 4 and model.data(model.index(4, 3)) == "4:3"
