"""The sign-in dialogs, driven like a person: first administrator, wrong passwords and the
growing delay, the demo hint, and the offer to restore a damaged database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.admin import auth, backups, users
from auditdesk.services.clock import SYSTEM_CLOCK
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role
from auditdesk.ui.admin.recovery import daily_backup, offer_recovery
from auditdesk.ui.auth.signin import FirstAdminDialog, SignInDialog, sign_in
from auditdesk.ui.i18n import install_language


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


def _when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Runs `act` on the modal dialog as soon as it is shown (exec() blocks the test)."""

    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, attempt)
            return
        act(widget)

    QTimer.singleShot(0, attempt)


def test_first_run_creates_the_administrator(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = FirstAdminDialog(ctx.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.display_name, "Halina Kowalska")
    qtbot.keyClicks(dialog.password, "zielona laka 2026")
    qtbot.keyClicks(dialog.repeat, "zielona laka 2025")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.message.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.repeat, "zielona laka 2026")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.ADMIN
    assert auth.sign_in(ctx.db, "admin", "zielona laka 2026").display_name == "Halina Kowalska"


def test_first_run_refuses_a_short_password(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = FirstAdminDialog(ctx.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password, "krotkie")
    qtbot.keyClicks(dialog.repeat, "krotkie")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.message.text()
    assert auth.needs_first_admin(ctx.db)


def test_wrong_passwords_then_the_button_waits_out_the_delay(qtbot: QtBot, ctx: AppContext) -> None:
    users.create_user(ctx, "ewa", "Ewa Nowak", Role.AUDITOR, "poprawne haslo")
    dialog = SignInDialog(ctx.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "ewa")
    for _ in range(auth.FREE_ATTEMPTS - 1):
        qtbot.keyClicks(dialog.password, "zle haslo")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong login or password" in dialog.message.text())
        assert dialog.password.text() == ""
        assert dialog.busy.isHidden()
    qtbot.keyClicks(dialog.password, "zle haslo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "try again in 1 s" in dialog.message.text())
    assert not dialog.ok_button.isEnabled()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=4000)
    qtbot.keyClicks(dialog.password, "poprawne haslo")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.actor is not None and dialog.actor.login == "ewa"


def test_demo_hint_lists_accounts_until_their_password_changes(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    dialog = SignInDialog(demo_ctx.db)
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "demoHint")
    assert hint is not None and "audytor1 / audytor1-demo" in hint.text()
    admin = next(u for u in users.list_users(demo_ctx) if u.login == "admin")
    users.reset_password(demo_ctx, admin.id, "prywatne hasło admina")
    dialog2 = SignInDialog(demo_ctx.db)
    qtbot.addWidget(dialog2)
    hint2 = dialog2.findChild(QLabel, "demoHint")
    assert hint2 is not None and "admin / admin-demo" not in hint2.text()


def test_sign_in_function_shows_the_right_dialog(qtbot: QtBot, ctx: AppContext) -> None:
    def create(widget: QWidget) -> None:
        assert isinstance(widget, FirstAdminDialog)
        qtbot.keyClicks(widget.password, "haslo szefa 123")
        qtbot.keyClicks(widget.repeat, "haslo szefa 123")
        qtbot.mouseClick(widget.ok_button, Qt.MouseButton.LeftButton)

    _when_modal(qtbot, create)
    first = sign_in(None, lambda: ctx)
    assert first is not None and first.role is Role.ADMIN

    def enter(widget: QWidget) -> None:
        assert isinstance(widget, SignInDialog)
        qtbot.keyClicks(widget.login, "admin")
        qtbot.keyClicks(widget.password, "haslo szefa 123")
        qtbot.keyClick(widget.password, Qt.Key.Key_Return)

    _when_modal(qtbot, enter)
    again = sign_in(None, lambda: ctx)
    assert again is not None and again.login == "admin"

    def quit_(widget: QWidget) -> None:
        qtbot.keyClick(widget, Qt.Key.Key_Escape)

    _when_modal(qtbot, quit_)
    assert sign_in(None, lambda: ctx) is None


def test_damaged_database_restored_after_asking(db_path: Path) -> None:
    db = open_database(str(db_path))
    users.create_user(AppContext(db, Actor.system()), "ewa", "Ewa", Role.AUDITOR)
    assert daily_backup(db, keep=3, clock=SYSTEM_CLOCK) is None
    db.dispose()
    data = bytearray(db_path.read_bytes())
    db_path.write_bytes(bytes(data[: len(data) // 2]))
    asked: list[str] = []
    told: list[str] = []
    assert not offer_recovery(None, str(db_path), lambda _p, _t, text: asked.append(text) or False)
    assert asked and "Restore it?" in asked[0] and db_path.stat().st_size == len(data) // 2
    restored = offer_recovery(
        None, str(db_path), lambda *_a: True, lambda _p, _t, text: told.append(text)
    )
    assert restored and "damaged file was kept as" in told[0]
    db = open_database(str(db_path))
    try:
        assert [u.login for u in users.list_users(AppContext(db, Actor.system()))] == ["ewa"]
    finally:
        db.dispose()


def test_daily_backup_failure_is_a_warning(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_a: object, **_k: object) -> object:
        raise backups.DatabaseError("/x: backup failed (database or disk is full).")

    monkeypatch.setattr(backups, "backup_database", full)
    warning = daily_backup(ctx.db, keep=3, clock=ctx.clock)
    assert warning is not None and "disk is full" in warning


def test_demo_hint_names_the_roles_in_polish(qtbot: QtBot, demo_ctx: AppContext) -> None:
    """The hint shows "kadry", not the raw value "(hr)" (issue 12: one home for labels)."""
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "pl")
    try:
        dialog = SignInDialog(demo_ctx.db)
        qtbot.addWidget(dialog)
        hint = dialog.findChild(QLabel, "demoHint")
        assert hint is not None
        assert "kadry / kadry-demo (kadry)" in hint.text()
        assert "(hr)" not in hint.text() and "(auditor)" not in hint.text()
    finally:
        install_language(app, "en")
