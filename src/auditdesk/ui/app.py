"""Starts the window: logging, crash handler, settings, language, database, first-run demo."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
)

from auditdesk import __version__
from auditdesk.domain.errors import AuditDeskError
from auditdesk.logs import setup_file_logging
from auditdesk.services.admin.encryption import open_any
from auditdesk.services.context import Actor, AppContext, Database
from auditdesk.services.demo import create_demo, has_office
from auditdesk.services.forms import register_forms
from auditdesk.settings import Settings
from auditdesk.ui.admin.recovery import daily_backup, offer_recovery
from auditdesk.ui.auth.signin import sign_in
from auditdesk.ui.crash import install_excepthook, show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


def open_database_interactively(target: str | None) -> Database | None:
    """Opens the database; on a problem explains it and lets the user pick another file."""
    while True:
        try:
            return open_any(target, ask_passphrase)
        except AuditDeskError as exc:
            log.error("cannot open database %s: %s", target, exc)
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


def run_gui(db_target: str | None = None, language: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("AuditDesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("AuditDesk")
    setup_file_logging()
    install_excepthook()
    settings = Settings.load()
    if language:
        settings.language = language
    install_language(app, settings.language)
    if settings.load_problem is not None:  # the defaults are in force; the bad file was kept
        show_error(None, settings.load_problem)
    db = open_database_interactively(db_target or settings.database or None)
    if db is None:
        return 1
    ctx = AppContext(db, Actor.system())
    try:
        register_forms(ctx)
        offer_demo(ctx, settings)
    except AuditDeskError as exc:
        show_error(None, exc)
    actor = sign_in(None, lambda: ctx)
    if actor is None:
        db.dispose()
        return 1
    ctx = AppContext(db, actor)
    backup_warning = daily_backup(db, settings.backup_keep)
    window = MainWindow(ctx, settings, TaskRunner())
    if backup_warning:
        window.statusBar().showMessage(backup_warning, 20_000)

    def change_language(lang: str) -> None:
        install_language(app, lang)
        window.retranslate()

    def change_database(path: str) -> None:
        new_db = open_database_interactively(path)
        if new_db is None:
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
        daily_backup(new_db, settings.backup_keep)
        window.set_context(new_ctx)
        old.dispose()

    window.language_changed.connect(change_language)
    window.database_change_requested.connect(change_database)
    window.show()
    code = app.exec()
    window.context().db.dispose()
    return int(code)
