"""The administration panel driven like a person: users and roles, the audit trail with its
filters and chain check, backups and restore, and what each role sees."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.admin import auth, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import Role, User
from auditdesk.ui.admin.panel import AdminPanel, NewUserDialog, PasswordDialog, RoleDialog
from auditdesk.ui.i18n import install_language
from auditdesk.ui.panels import PanelDeps, collect_panels
from auditdesk.ui.tasks import SyncTaskRunner


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


def _panel(qtbot: QtBot, ctx: AppContext) -> AdminPanel:
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = AdminPanel(deps)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _when_modal(act: Callable[[QWidget], None]) -> None:
    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, attempt)
            return
        act(widget)

    QTimer.singleShot(0, attempt)


def _select(panel_view: object, column_text: str) -> None:
    from PySide6.QtWidgets import QTableView

    assert isinstance(panel_view, QTableView)
    model = panel_view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == column_text:
            panel_view.selectRow(r)
            return
    raise AssertionError(f"{column_text} not in the table")


def test_the_registry_builds_the_admin_panel(qtbot: QtBot, ctx: AppContext) -> None:
    spec = next(s for s in collect_panels() if s.key == "admin")
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = spec.factory(deps)  # the registry holds a factory, built when first opened
    qtbot.addWidget(panel)
    assert isinstance(panel, AdminPanel)


def test_admin_creates_a_user_changes_role_resets_password_and_deactivates(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    ctx = _as(demo_ctx, "admin")
    panel = _panel(qtbot, ctx)
    tab = panel.users_tab
    assert tab is not None and panel.count() == 3

    def fill_new(widget: QWidget) -> None:
        assert isinstance(widget, NewUserDialog)
        qtbot.keyClicks(widget.login, "audytor3")
        qtbot.keyClicks(widget.display_name, "Nowy Audytor")
        widget.role.setCurrentIndex(widget.role.findData("auditor"))
        qtbot.keyClicks(widget.password, "haslo audytora 3")
        qtbot.keyClicks(widget.repeat, "haslo audytora 3")
        qtbot.keyClick(widget.repeat, Qt.Key.Key_Return)

    _when_modal(fill_new)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert "Created the account audytor3" in tab.message.text()
    assert auth.sign_in(ctx.db, "audytor3", "haslo audytora 3").role is Role.AUDITOR
    assert tab.selected() is not None and tab.selected().login == "audytor3"  # type: ignore[union-attr]

    def pick_supervisor(widget: QWidget) -> None:
        assert isinstance(widget, RoleDialog)
        widget.role.setCurrentIndex(widget.role.findData("supervisor"))
        qtbot.keyClick(widget.role, Qt.Key.Key_Return)

    _when_modal(pick_supervisor)
    qtbot.mouseClick(tab.role_button, Qt.MouseButton.LeftButton)
    assert "supervisor" in tab.message.text()

    def new_password(widget: QWidget) -> None:
        assert isinstance(widget, PasswordDialog)
        qtbot.keyClicks(widget.password, "inne haslo 456")
        qtbot.keyClicks(widget.repeat, "inne haslo 456")
        qtbot.keyClick(widget.repeat, Qt.Key.Key_Return)

    _when_modal(new_password)
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    assert auth.sign_in(ctx.db, "audytor3", "inne haslo 456").role is Role.SUPERVISOR

    assert tab.active_button.text().replace("&", "") == "Deactivate"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert "deactivated" in tab.message.text()
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(ctx.db, "audytor3", "inne haslo 456")
    assert tab.active_button.text().replace("&", "") == "Activate"


def test_change_made_elsewhere_is_shown_not_overwritten(qtbot: QtBot, demo_ctx: AppContext) -> None:
    ctx = _as(demo_ctx, "admin")
    panel = _panel(qtbot, ctx)
    tab = panel.users_tab
    assert tab is not None
    _select(tab.view, "audytor2")
    other = _as(demo_ctx, "admin")
    target = tab.selected()
    assert target is not None
    users.change_role(other, target.id, Role.HR)  # another window, meanwhile
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert "changed by admin" in tab.message.text() and "reload" in tab.message.text()
    with ctx.db.session() as s:
        stored = s.get(User, target.id)
        assert stored is not None and stored.active and stored.role is Role.HR
    row = next(r for r in tab.model.rows if r.login == "audytor2")
    assert row.role is Role.HR  # the table was reloaded


def test_trail_filters_and_detail(qtbot: QtBot, demo_ctx: AppContext) -> None:
    ctx = _as(demo_ctx, "admin")
    users.create_user(ctx, "filtr", "F", Role.AUDITOR)
    panel = _panel(qtbot, _as(demo_ctx, "kadry"))  # HR may read the trail
    tab = panel.trail_tab
    assert tab is not None and panel.users_tab is None
    everything = tab.model.rowCount()
    assert everything >= 2
    tab.who.setCurrentIndex(tab.who.findData("admin"))
    tab.action.setCurrentIndex(tab.action.findData("create"))
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    rows = tab.model.rows
    assert len(rows) == 1 and rows[0].entity == "user" and rows[0].actor == "admin"
    assert "1 matching" in tab.count.text()
    tab.view.selectRow(0)
    assert '"login": "filtr"' in tab.detail.toPlainText()
    tab.who.setCurrentIndex(0)
    tab.action.setCurrentIndex(0)
    # the context's clock, not Qt's: the suite runs on any (moved) day
    today = QDate(ctx.clock.today())
    tab.since.setDate(today.addDays(2))
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    tab.since.setDate(tab.since.minimumDate())
    tab.until.setDate(today.addDays(1))
    qtbot.keyClick(tab.entity_id, Qt.Key.Key_Return)
    assert tab.model.rowCount() == everything


def test_verify_names_the_altered_entry(qtbot: QtBot, demo_ctx: AppContext) -> None:
    panel = _panel(qtbot, _as(demo_ctx, "admin"))
    tab = panel.trail_tab
    assert tab is not None
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    assert "intact" in tab.message.text()
    assert demo_ctx.db.path is not None
    con = sqlite3.connect(demo_ctx.db.path)
    con.execute("UPDATE audit_log SET actor = 'ktos' WHERE id = 1")
    con.commit()
    con.close()
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    assert "entry #1" in tab.message.text() and "altered" in tab.message.text()


def test_backup_now_and_restore(qtbot: QtBot, demo_ctx: AppContext) -> None:
    ctx = _as(demo_ctx, "admin")
    panel = _panel(qtbot, ctx)
    tab = panel.maintenance_tab
    assert tab is not None
    confirmations: list[str] = []
    tab.confirm = lambda _w, _t, text: confirmations.append(text) or True
    assert tab.model.rowCount() == 0 and not tab.restore_button.isEnabled()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and "Backed up to" in tab.message.text()
    users.create_user(ctx, "po.kopii", "P", Role.AUDITOR)
    tab.view.selectRow(0)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert confirmations and "safety copy" in confirmations[0]
    assert "Restored" in tab.message.text()
    assert "po.kopii" not in [u.login for u in users.list_users(ctx)]
    kinds = sorted(b.kind for b in tab.model.rows)
    assert kinds == ["before-restore", "manual"], [b.path.name for b in tab.model.rows]
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert "No problems found." in tab.report.toPlainText()


def test_hr_sees_trail_and_backups_but_cannot_restore(qtbot: QtBot, demo_ctx: AppContext) -> None:
    panel = _panel(qtbot, _as(demo_ctx, "kadry"))
    assert panel.users_tab is None and panel.trail_tab is not None
    assert panel.maintenance_tab is not None
    assert not panel.maintenance_tab.restore_button.isVisibleTo(panel)


@pytest.mark.parametrize("login", ["audytor1", "kierownik.bok"])
def test_auditor_and_supervisor_see_no_administration(
    qtbot: QtBot, demo_ctx: AppContext, login: str
) -> None:
    panel = _panel(qtbot, _as(demo_ctx, login))
    assert panel.users_tab is None and panel.trail_tab is None and panel.maintenance_tab is None
    note = panel.findChild(QLabel, "noAccess")
    assert note is not None and "administrators and HR" in note.text()
