"""The crash handler: an uncaught exception is logged with its traceback and shown in a dialog
with a copyable report, instead of the window silently vanishing."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk import __version__
from auditdesk.domain.errors import AuditDeskError
from auditdesk.settings import log_dir
from auditdesk.ui.errors import error_text

log = logging.getLogger(__name__)


def crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    lines = [
        f"AuditDesk {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AuditDesk: unexpected error"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong that AuditDesk did not expect. Your saved work is safe in "
                "the database. Please copy the report below and send it to your administrator. "
                "The full log is in: {folder}"
            ).format(folder=log_dir())
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setAccessibleName(self.tr("Error report"))
        self.text.setReadOnly(True)
        self.text.setMinimumSize(640, 280)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        # added first, as it stands first on screen: Tab reaches it before Close (issue 19)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.text.toPlainText())


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "") -> None:
    """Errors a user can cause get a plain message; anything else gets the crash dialog."""
    from PySide6.QtWidgets import QMessageBox

    if isinstance(exc, AuditDeskError):
        QMessageBox.warning(parent, QApplication.translate("Crash", "AuditDesk"), error_text(exc))
        return
    log.error("task failed:\n%s", tb or "".join(traceback.format_exception(exc)))
    report = crash_report(type(exc), exc, exc.__traceback__)
    if tb:
        report = report.split("\n\n", 1)[0] + "\n\n" + tb
    CrashDialog(report, parent).exec()


def install_excepthook() -> None:
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        report = crash_report(exc_type, exc, tb)
        log.critical("uncaught exception:\n%s", report)
        app = QApplication.instance()
        if app is None:
            previous(exc_type, exc, tb)
            return
        if isinstance(exc, AuditDeskError):
            show_error(QApplication.activeWindow(), exc)
            return
        CrashDialog(report, QApplication.activeWindow()).exec()

    sys.excepthook = hook
