"""Sign-in at start: the first run creates the administrator, later runs ask for login and
password. After too many wrong passwords the button waits out the delay, counting down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.admin import auth, users
from auditdesk.services.context import Actor, AppContext, Database
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import role_name


class SignInDialog(QDialog):
    """Asks for login and password; `actor` holds who signed in once the dialog is accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Sign in to AuditDesk"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Database: {0}").format(db.describe()))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        form = QFormLayout()
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00;")
        layout.addWidget(self.message)
        demo = users.demo_accounts(db)
        if demo:
            lines = "".join(
                f"<br>{login} / {password} ({role_name(role)})" for login, role, password in demo
            )
            hint = QLabel(
                self.tr("This is a demo database. Its accounts still have the demo passwords:")
                + lines
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Sign in"))
        self.ok_button.setObjectName("signIn")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._wait = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.login.setFocus()

    def try_sign_in(self) -> None:
        login = self.login.text().strip()
        if not login:
            self.message.setText(self.tr("Enter your login."))
            self.login.setFocus()
            return
        try:
            self.actor = auth.sign_in(self.db, login, self.password.text())
        except auth.SignInLocked as exc:
            self._start_wait(exc.seconds)
        except auth.SignInFailed:
            self.password.clear()
            self.password.setFocus()
            wait = auth.wait_seconds(self.db, login)
            if wait:
                self._start_wait(wait)
            else:
                self.message.setText(
                    self.tr("Wrong login or password, or the account is inactive.")
                )
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
        else:
            self.password.clear()
            self.accept()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.ok_button.setEnabled(False)
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        self.message.setText(
            self.tr("Too many failed attempts. You can try again in {0} s.").format(self._wait)
        )

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait > 0:
            self._show_wait()
            return
        self._timer.stop()
        self.ok_button.setEnabled(True)
        self.message.setText(self.tr("You can try again now."))


class FirstAdminDialog(QDialog):
    """The first run on a database without an administrator: creates one and signs them in."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setObjectName("FirstAdminDialog")
        self.setWindowTitle(self.tr("Create the administrator"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Nobody can sign in to this database yet. Create the administrator account: "
                "the administrator adds the other users and gives them their roles."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login = QLineEdit("admin")
        self.login.setObjectName("login")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Full name:"), self.display_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        layout.addLayout(form)
        hint = QLabel(
            self.tr("At least {0} characters; a short sentence is easy to remember.").format(
                auth.MIN_PASSWORD_LENGTH
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create and sign in"))
        self.ok_button.setObjectName("create")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        buttons.accepted.connect(self.create_admin)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.display_name.setFocus()

    def create_admin(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            self.actor = auth.create_first_admin(
                self.db, self.login.text(), self.display_name.text(), self.password.text()
            )
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()


def sign_in(parent: QWidget | None, ctx_factory: Callable[[], AppContext]) -> Actor | None:
    """Shows the first-run dialog or the sign-in dialog; the signed-in Actor, or None to quit."""
    db = ctx_factory().db
    dialog: SignInDialog | FirstAdminDialog
    if auth.needs_first_admin(db):
        dialog = FirstAdminDialog(db, parent)
    else:
        dialog = SignInDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
