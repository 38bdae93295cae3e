"""File → "Open database…": a database file or the office store's server address (issue 16).

The dialog offers "File…" (a file chooser) and a server address (postgresql+psycopg://…), with
the files and addresses opened lately; an address is remembered without its password. Opening
goes through services.admin.office.open_for_window: the connection password comes from the
environment, the keyring or ~/.pgpass, and otherwise a password dialog asks for it; whatever goes
wrong (server down, wrong password, not an AuditDesk database, an older schema) is shown in a
message box and the window stays on the database it had."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.admin.office import (
    is_server,
    open_for_window,
    remembered_address,
    shown_address,
)
from auditdesk.services.context import Database
from auditdesk.settings import Settings
from auditdesk.ui.admin.recovery import offer_recovery
from auditdesk.ui.errors import error_text

log = logging.getLogger(__name__)

RECENT_KEPT = 10

# a file chooser: (parent, caption, filter) -> the path chosen, "" when cancelled
FileChooser = Callable[[QWidget, str, str], str]
PassphraseAsk = Callable[..., "str | None"]


def _open_file(parent: QWidget, caption: str, filter_: str) -> str:
    return QFileDialog.getOpenFileName(parent, caption, "", filter_)[0]


class OpenDatabaseDialog(QDialog):
    """Chooses what to open; `target()` is the file path or server address chosen."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choose_file: FileChooser = _open_file  # replaced by tests
        self.setObjectName("openDatabaseDialog")
        self.setWindowTitle(self.tr("Open database"))

        intro = QLabel(
            self.tr(
                "Open a database file on this computer, or the office store on a server "
                "(its address, e.g. postgresql+psycopg://auditdesk@server/auditdesk). The "
                "server's password is asked for when it is needed and never remembered."
            )
        )
        intro.setWordWrap(True)
        self.file_button = QPushButton(self.tr("&File…"))
        self.file_button.setObjectName("chooseFile")
        self.file_button.clicked.connect(self.browse)
        self.address = QComboBox()
        self.address.setObjectName("databaseAddress")
        self.address.setEditable(True)
        self.address.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.address.addItems(settings.recent_databases[:RECENT_KEPT])
        self.address.setCurrentIndex(-1)
        self.address.setEditText("")
        line = self.address.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("postgresql+psycopg://user@server/auditdesk, or a file"))
        self.address.setAccessibleName(self.tr("Server address or database file"))
        address_label = QLabel(self.tr("&Server address (or a recent one):"))
        address_label.setBuddy(self.address)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(self.file_button)
        self.error = QLabel()
        self.error.setObjectName("openError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(address_label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 200)
        self.address.setFocus()

    def target(self) -> str:
        return self.address.currentText().strip()

    def browse(self) -> None:
        path = self.choose_file(
            self,
            self.tr("Open database"),
            self.tr("AuditDesk database (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.address.setEditText(path)
            self.accept()

    def accept(self) -> None:
        if not self.target():
            self.error.setText(
                self.tr("Give the server address, choose a recent one, or choose a file.")
            )
            self.error.show()
            self.address.setFocus()
            return
        super().accept()


def ask_server_password(address: str) -> str | None:
    """The connection password of a server that wants one; None when the user cancels."""
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("OpenDatabase", "Server password"),
        QCoreApplication.translate(
            "OpenDatabase", "The server asks for the password of {0}:"
        ).format(address),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def remember(settings: Settings, target: str) -> None:
    """Puts the target first in the recent list (a server address without its password)."""
    kept = remembered_address(target)
    recent = [kept] + [r for r in settings.recent_databases if r != kept]
    settings.recent_databases = recent[:RECENT_KEPT]
    with contextlib.suppress(OSError):  # a convenience: the database is open anyway
        settings.save()


def open_chosen(
    parent: QWidget | None,
    settings: Settings,
    target: str,
    current: str,
    passphrase: PassphraseAsk,
) -> Database | None:
    """Opens what the dialog chose; on a problem shows it and returns None (the window keeps
    `current`, nothing was changed). A database opened is remembered in the recent list."""
    try:
        db = open_for_window(target, passphrase, ask_server_password)
    except AuditDeskError as exc:
        log.error("cannot open database %s: %s", shown_address(target), exc)
        if not is_server(target) and offer_recovery(parent, target, known=exc):
            return open_chosen(parent, settings, target, current, passphrase)  # restored
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("OpenDatabase", "Open database"),
            error_text(exc)
            + "\n\n"
            + QCoreApplication.translate(
                "OpenDatabase", "The window stays on {0}; nothing was changed."
            ).format(current),
        )
        return None
    remember(settings, target)
    log.info("opened %s %s", "server" if is_server(target) else "database", shown_address(target))
    return db
