"""Sign-in at start: the first run creates the administrator, later runs ask for login and
password. After too many wrong passwords the button waits out the delay, counting down.

The sign-in dialog can be shown before the database is open (the start shows it at once and
opens the database behind it: `set_database`); a sign-in asked for before then waits for it.
The password is checked on a worker thread (argon2 is slow on purpose) with a busy indicator,
so the window keeps painting. Services are imported when first needed, not with this module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import role_name
from auditdesk.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from auditdesk.services.context import Actor, AppContext, Database


@dataclass(frozen=True)
class _Outcome:
    """What the worker found: who signed in, or how long to wait, or a plain refusal."""

    actor: Actor | None = None
    locked_seconds: int = 0
    wait_seconds: int = 0


def check_sign_in(db: Database, login: str, password: str) -> _Outcome:
    """Runs on a worker thread: the password check and, after a failure, the delay due."""
    from auditdesk.services.admin import auth

    try:
        return _Outcome(actor=auth.sign_in(db, login, password))
    except auth.SignInLocked as exc:
        return _Outcome(locked_seconds=exc.seconds)
    except auth.SignInFailed:
        return _Outcome(wait_seconds=auth.wait_seconds(db, login))


class SignInDialog(QDialog):
    """Asks for login and password; `actor` holds who signed in once the dialog is accepted."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.runner = runner or TaskRunner()
        self.actor: Actor | None = None
        self._checking = False
        self._pending = False  # Sign in pressed before the database was open
        self._finished = False
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Sign in to AuditDesk"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        self._layout = layout
        self.where = QLabel(self.tr("Opening the database…"))
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
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
        self.busy = QProgressBar()  # an indeterminate bar while the database opens or argon2 runs
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        layout.addWidget(self.busy)
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
        if db is not None:
            self.set_database(db)
        else:
            self.busy.setVisible(True)

    def set_database(self, db: Database) -> None:
        """The database is open: names it, lists the demo accounts, runs a waiting sign-in."""
        from auditdesk.services.admin import users

        self.db = db
        self.where.setText(self.tr("Database: {0}").format(db.describe()))
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
            self._layout.insertWidget(self._layout.indexOf(self.busy), hint)
        self._set_busy(False)
        if self._pending:
            self._pending = False
            self.try_sign_in()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.login, self.password):
            widget.setReadOnly(busy and self.db is not None)  # typing goes on while it opens
        self.ok_button.setEnabled(not busy and self._wait <= 0)

    def try_sign_in(self) -> None:
        if self._checking:
            return
        login = self.login.text().strip()
        if not login:
            self.message.setText(self.tr("Enter your login."))
            self.login.setFocus()
            return
        if self.db is None:
            self._pending = True
            self._set_busy(True)
            return
        self._checking = True
        self._set_busy(True)
        self.message.setText(self.tr("Checking the password…"))
        db, password = self.db, self.password.text()

        def work(_progress: Progress) -> _Outcome:
            return check_sign_in(db, login, password)

        self.runner.submit(work, self._checked, self._check_failed)

    def _checked(self, outcome: _Outcome) -> None:
        self._checking = False
        if self._finished:
            return
        self._set_busy(False)
        if outcome.actor is not None:
            self.actor = outcome.actor
            self.password.clear()
            self.message.clear()
            self.accept()
        elif outcome.locked_seconds:
            self._start_wait(outcome.locked_seconds)
        else:
            self.password.clear()
            self.password.setFocus()
            if outcome.wait_seconds:
                self._start_wait(outcome.wait_seconds)
            else:
                self.message.setText(
                    self.tr("Wrong login or password, or the account is inactive.")
                )

    def _check_failed(self, exc: BaseException, _tb: str) -> None:
        self._checking = False
        if self._finished:
            return
        self._set_busy(False)
        if isinstance(exc, AuditDeskError):
            self.message.setText(error_text(exc))
        else:
            self.message.setText(str(exc))

    def done(self, result: int) -> None:
        self._finished = True
        super().done(result)

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self._set_busy(False)
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
        from auditdesk.services.admin import auth

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
        from auditdesk.services.admin import auth

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
    from auditdesk.services.admin import auth

    db = ctx_factory().db
    dialog: SignInDialog | FirstAdminDialog
    if auth.needs_first_admin(db):
        dialog = FirstAdminDialog(db, parent)
    else:
        dialog = SignInDialog(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
