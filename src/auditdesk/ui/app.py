"""Starts the window: logging, crash handler, settings, language, database, first-run demo.

The sign-in dialog comes first and at once: the database layer (SQLAlchemy, the services) is
imported on a worker thread behind it, the database is opened when that is done, and while the
user types, the main window's modules are imported the same way. After sign-in the main window
builds only its first panel; the daily backup runs in the background."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

from auditdesk import __version__
from auditdesk.domain.errors import AuditDeskError
from auditdesk.logs import setup_file_logging
from auditdesk.settings import Settings
from auditdesk.ui import date_typing
from auditdesk.ui.auth.signin import FirstAdminDialog, SignInDialog
from auditdesk.ui.crash import install_excepthook, show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.i18n import install_language
from auditdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from auditdesk.services.context import Actor, AppContext, Database
    from auditdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# what opening the database needs: imported on a worker while the sign-in dialog is on screen
DATABASE_MODULES = [
    "auditdesk.services.admin.encryption",
    "auditdesk.services.admin.office",
    "auditdesk.services.context",
    "auditdesk.services.forms",
    "auditdesk.services.demo",
    "auditdesk.services.admin.auth",
    "auditdesk.services.admin.users",
    "auditdesk.ui.admin.recovery",
    "auditdesk.ui.admin.open_database",
]
# what the main window and its first panel need: imported while the user types
WINDOW_MODULES = [
    "auditdesk.ui.main_window",
    "auditdesk.ui.panels",
    "auditdesk.ui.audits.panel",
    "auditdesk.ui.overview.panel",  # the first panel of supervisors, HR and management
]


# A smoke test of an installed build (scripts/smoke-frozen.py) starts the window with these set:
# it signs in as $AUDITDESK_USER with $AUDITDESK_PASSWORD (typed into the sign-in dialog, as a
# person would) and closes the main window that many seconds after it is shown.
QUIT_AFTER_ENV = "AUDITDESK_QUIT_AFTER"


def quit_after_ms() -> int | None:
    """$AUDITDESK_QUIT_AFTER in milliseconds; None when unset or not a number of seconds."""
    text = os.environ.get(QUIT_AFTER_ENV, "").strip()
    try:
        seconds = float(text)
    except ValueError:
        return None
    return int(seconds * 1000) if seconds >= 0 else None


def preload(names: list[str]) -> None:
    """Imports modules (on a worker thread: nothing in them may create a widget at import)."""
    for name in names:
        importlib.import_module(name)


def open_database_interactively(target: str | None) -> Database | None:
    """Opens the database; on a problem explains it and lets the user pick another file."""
    from auditdesk.services.admin.office import open_for_window, shown_address
    from auditdesk.ui.admin.open_database import ask_server_password
    from auditdesk.ui.admin.recovery import offer_recovery

    while True:
        try:
            return open_for_window(target, ask_passphrase, ask_server_password)
        except AuditDeskError as exc:  # the log never gets a password given in the address
            log.error("cannot open database %s: %s", shown_address(target or ""), exc)
            if offer_recovery(None, target, known=exc):  # damaged, and a backup was restored
                continue
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("App", "AuditDesk"),
                error_text(exc),
            )
            other = box.addButton(
                QCoreApplication.translate("App", "Open another file…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(
                QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole
            )
            box.exec()
            if box.clickedButton() is not other:
                return None
            path, _ = QFileDialog.getOpenFileName(
                None, QCoreApplication.translate("App", "Open database")
            )
            if not path:
                return None
            target = path


def ask_passphrase(path: Path) -> str | None:
    """Asks for the passphrase of an encrypted database; None when the user cancels."""
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("App", "Encrypted database"),
        QCoreApplication.translate("App", "Passphrase for {0}:").format(path),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def offer_demo(ctx: AppContext, settings: Settings) -> None:
    """On the first run against an empty database, asks once whether to fill in a demo office."""
    from auditdesk.services.demo import create_demo, has_office

    key = ctx.db.describe()
    if has_office(ctx) or key in settings.asked_for_demo:
        return
    settings.asked_for_demo.append(key)
    try:
        settings.save()
    except OSError as exc:
        log.warning("cannot save settings: %s", exc)
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("App", "AuditDesk"),
        QCoreApplication.translate(
            "App",
            "This database is empty. Fill it with a demo office (units, staff, users and sample "
            "records) so you can try AuditDesk out?",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        create_demo(ctx)


def start_and_sign_in(
    settings: Settings, db_target: str | None, runner: TaskRunner
) -> tuple[Database, Actor] | None:
    """Shows the sign-in dialog at once and opens the database behind it (see the module's
    docstring); the first run on a database without an administrator shows the first-admin
    dialog instead. The open database and who signed in, or None when the user quits."""
    dialog = SignInDialog(None, None, runner)
    opened: dict[str, Database] = {}
    if quit_after_ms() is not None and os.environ.get("AUDITDESK_USER"):
        dialog.login.setText(os.environ["AUDITDESK_USER"])
        dialog.password.setText(os.environ.get("AUDITDESK_PASSWORD", ""))
        QTimer.singleShot(0, dialog.try_sign_in)  # waits for the database, as a click would
    first_admin = 2  # dialog result: the database needs its first administrator

    def fail(exc: BaseException, tb: str) -> None:
        show_error(dialog, exc, tb)
        dialog.reject()

    def imported(_: None) -> None:
        from auditdesk.services.context import Actor, AppContext
        from auditdesk.services.forms import register_forms

        if not dialog.isVisible():  # the user quit meanwhile
            return
        db = open_database_interactively(db_target or settings.database or None)
        if db is None:
            dialog.reject()
            return
        opened["db"] = db
        ctx = AppContext(db, Actor.system())

        def forms_failed(exc: BaseException, _tb: str) -> None:
            show_error(dialog, exc)
            registered(ctx)

        runner.submit(lambda _p: register_forms(ctx), lambda _r: registered(ctx), forms_failed)

    def registered(ctx: AppContext) -> None:
        from auditdesk.services.admin import auth

        if not dialog.isVisible():
            return
        try:
            offer_demo(ctx, settings)
        except AuditDeskError as exc:
            show_error(dialog, exc)
        if auth.needs_first_admin(ctx.db):
            dialog.done(first_admin)
            return
        dialog.set_database(ctx.db)
        runner.submit(
            lambda _p: preload(WINDOW_MODULES),
            lambda _r: None,
            lambda exc, _tb: log.warning("preloading the window failed: %s", exc),
        )

    def start() -> None:
        runner.submit(lambda _p: preload(DATABASE_MODULES), imported, fail)

    QTimer.singleShot(0, start)
    code = dialog.exec()
    db = opened.get("db")
    if db is None:
        return None
    actor = dialog.actor
    if code == first_admin:
        first = FirstAdminDialog(db, None)
        if first.exec() == QDialog.DialogCode.Accepted:
            actor = first.actor
    if actor is None:
        db.dispose()
        return None
    return db, actor


def backup_in_background(window: MainWindow, db: Database, keep: int) -> None:
    """The automatic daily backup, on a worker; a failure is a warning in the status bar."""
    from auditdesk.ui.admin.recovery import daily_backup

    def shown(warning: str | None) -> None:
        if warning:
            window.statusBar().showMessage(warning, 20_000)

    clock = window.context().clock  # read here: the worker must not touch the window
    window.runner.submit(
        lambda _p: daily_backup(db, keep, clock),
        shown,
        lambda exc, _tb: log.warning("automatic backup failed: %s", exc),
    )


def run_gui(db_target: str | None = None, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("AuditDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AuditDesk")
    date_typing.install(app)  # "05.03.2026" typed into a date field means 5 March
    setup_file_logging()
    install_excepthook()
    settings = Settings.load()
    if language:
        settings.language = language
    install_language(app, settings.language)
    if settings.load_problem is not None:  # the defaults are in force; the bad file was kept
        show_error(None, settings.load_problem)
    runner = TaskRunner()
    signed = start_and_sign_in(settings, db_target, runner)
    if signed is None:
        return 1
    db, actor = signed
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.services.forms import register_forms
    from auditdesk.ui.admin.recovery import daily_backup
    from auditdesk.ui.auth.signin import sign_in
    from auditdesk.ui.main_window import MainWindow

    window = MainWindow(AppContext(db, actor), settings, runner)

    def change_language(lang: str) -> None:
        install_language(app, lang)
        window.retranslate()

    def change_database(target: str) -> None:
        from auditdesk.ui.admin.open_database import open_chosen

        current = window.context().db.describe()
        new_db = open_chosen(window, settings, target, current, ask_passphrase)
        if new_db is None:  # shown; the window stays where it was
            return
        old = window.context().db
        new_ctx = AppContext(new_db, Actor.system())
        register_forms(new_ctx)
        offer_demo(new_ctx, settings)
        actor = sign_in(window, lambda: new_ctx)  # each database has its own accounts
        if actor is None:
            new_db.dispose()
            return
        new_ctx = AppContext(new_db, actor)
        daily_backup(new_db, settings.backup_keep, new_ctx.clock)
        window.set_context(new_ctx)
        old.dispose()

    window.language_changed.connect(change_language)
    window.database_change_requested.connect(change_database)
    window.show()
    backup_in_background(window, db, settings.backup_keep)
    quit_after = quit_after_ms()
    if quit_after is not None:
        log.warning("closing the window in %d ms (%s)", quit_after, QUIT_AFTER_ENV)
        QTimer.singleShot(quit_after, window.close)
    code = app.exec()
    window.context().db.dispose()
    return int(code)
