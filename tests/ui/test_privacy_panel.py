"""The personal-data panel driven like a person (issue 19): an administrator edits a retention
rule, lists what is due and runs the retention after confirming; HR finds a person with the
keyboard, exports their data (PDF and JSON), records a restriction and its lifting and the end
of the employment, and sees who read their appraisals; other roles are told the panel is not
theirs. The window's English names equal the register's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import time_machine
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.domain.retention import DEFAULTS, RecordType
from auditdesk.services.appraisals import appraisal_detail
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.privacy import due_for_retention
from auditdesk.settings import Settings
from auditdesk.store.models import Appraisal, Audit, User
from auditdesk.ui.i18n import install_language
from auditdesk.ui.panels import PanelDeps, collect_panels
from auditdesk.ui.privacy import names
from auditdesk.ui.privacy.panel import PrivacyPanel
from auditdesk.ui.privacy.person import PersonTab, RequestAnswer, RequestDialog
from auditdesk.ui.privacy.retention import RetentionTab
from auditdesk.ui.tasks import SyncTaskRunner
from demo_office import moment

DAY = date(2026, 12, 4)
pytestmark = pytest.mark.parametrize("today", [DAY], ids=str)


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


def _as(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        return AppContext(ctx.db, Actor.of(user))


def _deps(ctx: AppContext) -> PanelDeps:
    return PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()


def test_the_english_names_equal_the_register(today: date) -> None:
    for kind, rule in DEFAULTS.items():
        assert names.purpose(kind.value) == rule.purpose
        assert names.legal_basis(kind.value) == rule.legal_basis
        assert names.starts(kind.value) == rule.starts
        assert names.record_type_name(kind.value) != kind.value
        for action in rule.allowed:
            assert names.end_action_name(action.value) != ""


@pytest.mark.parametrize(
    ("login", "tabs"),
    [
        ("admin", ["PersonTab", "RetentionTab"]),
        ("kadry", ["PersonTab"]),
        ("audytor1", ["noAccess"]),
        ("kierownik.bok", ["noAccess"]),
    ],
)
def test_tabs_by_role(
    qtbot: QtBot, demo_ctx: AppContext, today: date, login: str, tabs: list[str]
) -> None:
    spec = next(s for s in collect_panels() if s.key == "privacy")
    assert spec.title() == "Personal data"
    panel = spec.factory(_deps(_as(demo_ctx, login)))
    _show(qtbot, panel)
    assert isinstance(panel, PrivacyPanel)
    assert [panel.widget(i).objectName() for i in range(panel.count())] == tabs
    if tabs == ["noAccess"]:
        note = panel.widget(0)
        assert isinstance(note, QLabel) and "HR and administrators" in note.text()


def test_an_administrator_edits_a_rule(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    tab = RetentionTab(_deps(_as(demo_ctx, "admin")))
    _show(qtbot, tab)
    types = [tab.rules.row_at(r).record_type for r in range(tab.rules.rowCount())]  # type: ignore[union-attr]
    assert types == list(RecordType)
    row = types.index(RecordType.COMPLAINT)
    tab.rules_view.selectRow(row)
    assert "Code of Administrative Procedure" in tab.details.text()
    assert tab.months.value() == 60
    assert [tab.action.itemData(i) for i in range(tab.action.count())] == ["anonymise", "delete"]
    tab.months.setValue(120)
    tab.action.setCurrentIndex(tab.action.findData("delete"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Complaints and opinions: kept 10 year(s), then delete."
    assert tab.rules.index(row, 1).data() == "10 year(s)"
    assert tab.rules.index(row, 2).data() == "delete"
    assert tab.rules.index(row, 3).data() == "admin"
    assert tab.selected_rule() is not None and tab.selected_rule().months == 120  # type: ignore[union-attr]
    # evidence showing an official can only be deleted
    tab.rules_view.selectRow(types.index(RecordType.AUDIT_EVIDENCE))
    assert tab.action.count() == 1 and tab.action.itemData(0) == "delete"


def test_the_run_lists_first_then_runs_after_confirming(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: QWidget, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    tab = RetentionTab(_deps(_as(demo_ctx, "admin")), confirm=confirm)
    _show(qtbot, tab)
    qtbot.mouseClick(tab.list_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Nothing is due for retention today."
    assert not tab.run_button.isEnabled()

    def named() -> int:
        with demo_ctx.db.session() as s:
            return len(list(s.scalars(select(Audit.id).where(Audit.employee_id.is_not(None)))))

    before = named()
    with time_machine.travel(moment(date(2029, 12, 4)), tick=False):
        qtbot.mouseClick(tab.list_button, Qt.MouseButton.LeftButton)
        due = tab.due.rowCount()
        assert due > 0 and tab.run_button.isEnabled()
        assert "Nothing was changed yet" in tab.message.text()
        kinds = {tab.due.index(r, 0).data() for r in range(due)}
        assert "Observed official in audits" in kinds
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)  # answered No
        assert named() == before and tab.due.rowCount() == due
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)  # answered Yes
        assert f"Delete or anonymise {due} record(s)" in asked[-1]
        assert tab.message.text().startswith(f"{due} record(s) deleted or anonymised, 0 left")
        assert tab.due.rowCount() == 0 and not tab.run_button.isEnabled()
        assert named() < before


def test_hr_finds_a_person_and_exports_and_records_requests(
    qtbot: QtBot, demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    hr = _as(demo_ctx, "kadry")
    out = tmp_path / "out"
    out.mkdir()
    requests = [RequestAnswer("restriction", "contests an audit"), None]
    tab = PersonTab(
        _deps(hr),
        ask_path=lambda _w, suggested: out / suggested,
        ask_for_request=lambda _w, _name: requests.pop(0),
    )
    _show(qtbot, tab)
    assert not tab.export_button.isEnabled()
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "kierownik.bok")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    data = tab.data
    assert data is not None and data.name in tab.summary.text()
    assert tab.export_button.isEnabled()

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and files[0].endswith(".json") and files[1].endswith(".pdf")
    loaded = json.loads((out / files[0]).read_text(encoding="utf-8"))
    assert loaded["employee_id"] == data.employee_id
    assert tab.requests.rowCount() == 1
    assert tab.requests.index(0, 1).data() == "access (export)"

    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Recorded: restriction of processing."
    assert "Processing is restricted" in tab.summary.text()
    assert tab.requests.rowCount() == 2
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)  # dialog cancelled
    assert tab.requests.rowCount() == 2

    tab.ended.setChecked(True)
    tab.ended_on.setDate(tab.ended_on.date().addDays(-3))
    qtbot.mouseClick(tab.ended_button, Qt.MouseButton.LeftButton)
    assert tab.message.text().startswith("Employment ended on ")
    assert tab.data is not None and tab.data.employment_ended_on is not None

    qtbot.keyClicks(tab.search, "x")  # "kierownik.bokx": no one
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert "0 employees match kierownik.bokx" in tab.message.text()


def test_hr_sees_who_read_the_appraisals(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    boss = _as(demo_ctx, "kierownik.bok")
    with demo_ctx.db.session() as s:
        a = s.scalar(select(Appraisal).where(Appraisal.appraiser_id == boss.actor.employee_id))
        assert a is not None
        appraisal_id, employee_id, number = a.id, a.employee_id, a.record_number
    appraisal_detail(boss, appraisal_id)
    tab = PersonTab(_deps(_as(demo_ctx, "kadry")))
    _show(qtbot, tab)
    tab.load(employee_id)
    assert tab.reads.rowCount() == 1
    assert tab.reads.index(0, 1).data() == "kierownik.bok"
    assert tab.reads.index(0, 2).data() == number
    assert tab.reads.index(0, 0).data().startswith(f"{today:%d.%m.%Y}")


def test_the_request_dialog(qtbot: QtBot, today: date) -> None:
    dialog = RequestDialog("Jan Kowalski")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Request of Jan Kowalski"
    dialog.kind.setCurrentIndex(dialog.kind.findData("rectification"))
    qtbot.keyClicks(dialog.note, "badge corrected")
    assert dialog.answer() == RequestAnswer("rectification", "badge corrected")


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_each_tab_has_its_own_access_keys(
    qtbot: QtBot, demo_ctx: AppContext, today: date, lang: str
) -> None:
    """Alt+letter reaches each button and field of a tab: no letter twice, none the menu's."""
    from PySide6.QtWidgets import QAbstractButton

    from auditdesk.ui.main_window import MainWindow

    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, lang)
    window = MainWindow(_as(demo_ctx, "admin"), Settings(), runner=SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    menus = {_mnemonic(a.text()) for a in window.menuBar().actions()} - {None}
    assert len(menus) >= 3
    panel = window.show_panel("privacy")
    assert isinstance(panel, PrivacyPanel)
    tabs = [_mnemonic(panel.tabText(i)) for i in range(panel.count())]
    for i in range(panel.count()):
        panel.setCurrentIndex(i)
        page = panel.widget(i)
        texts = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()]
        texts += [x.text() for x in page.findChildren(QLabel) if x.isVisible() and x.buddy()]
        bars = [
            w
            for w in page.findChildren(QWidget)
            if w.isVisible() and w.metaObject().className() == "QTabBar"
        ]
        texts += [bar.tabText(j) for bar in bars for j in range(bar.count())]  # type: ignore[attr-defined]
        keys = [k for k in (_mnemonic(t) for t in texts) if k] + [k for k in tabs if k]
        assert len(keys) == len(set(keys)), (lang, i, sorted(keys))
        assert not set(keys) & menus, (lang, i, set(keys) & menus)
    install_language(app, "en")


class _CancelAfter:
    """A runner that presses Cancel once `after` records are reported done, and then behaves as
    ui.tasks does: a task that ends with its progress cancelled is delivered as cancelled."""

    def __init__(self, after: int) -> None:
        self.after = after

    def submit(self, fn, on_done, on_error, *, title="", parent=None, on_cancel=None):  # type: ignore[no-untyped-def]
        from auditdesk.ui.tasks import Progress

        progress: Progress = Progress(
            lambda done, _total, _text: progress.cancel() if done >= self.after else None
        )
        result = fn(progress)
        if progress.cancelled:
            assert on_cancel is not None
            on_cancel()
        else:
            on_done(result)


def test_cancelling_the_run_keeps_what_was_done(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    admin = _as(demo_ctx, "admin")
    deps = PanelDeps(context=lambda: admin, runner=_CancelAfter(2), settings=Settings())  # type: ignore[arg-type]
    tab = RetentionTab(deps, confirm=lambda _w, _t, _x: True)
    _show(qtbot, tab)
    with time_machine.travel(moment(date(2029, 12, 4)), tick=False):
        tab.listed = due_for_retention(admin)
        total = len(tab.listed)
        assert total > 3
        tab.run_button.setEnabled(True)
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert tab.message.text() == (
            "Cancelled: 2 record(s) were done before; list again for the rest."
        )
        assert not tab.run_button.isEnabled()
        assert len(due_for_retention(admin)) == total - 2


def test_the_end_of_employment_starts_at_today_not_qts_default(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    """Before a person is found the (disabled) date shows the clock's today, not 01.01.2000."""
    tab = PersonTab(_deps(_as(demo_ctx, "kadry")))
    _show(qtbot, tab)
    assert tab.ended_on.date().toPython() == today
