"""The administration panel: users and roles (admins), the audit trail with filters and the
integrity check and backups (admins and HR). Every action calls a service, which checks the
role again; the panel only hides what the role cannot use."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.values import Role
from auditdesk.services import integrity
from auditdesk.services.access import Permission, allowed
from auditdesk.services.admin import backups, trail_view, users
from auditdesk.services.admin.backups import BackupInfo
from auditdesk.services.admin.trail_view import TrailFilter, TrailPage
from auditdesk.services.admin.users import UserRow
from auditdesk.services.context import AppContext
from auditdesk.services.integrity import CheckReport
from auditdesk.ui.admin.models import backups_model, trail_model, users_model
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import (
    role_name,
    trail_action_name,
    trail_actor_name,
    trail_entity_name,
)
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _table(model: object) -> QTableView:
    view = TableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class _Tab(QWidget):
    """Shared bits: the injected deps, a message line, and error handling."""

    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.deps = deps
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def ctx(self) -> AppContext:
        return self.deps.context()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #a00;" if error else "color: #060;")
        self.message.setText(text)

    def fail(self, exc: BaseException, tb: str = "") -> None:
        if isinstance(exc, AuditDeskError):
            self.say(error_text(exc), error=True)
        else:
            show_error(self, exc, tb)


class PasswordDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("PasswordDialog")
        form = QFormLayout(self)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("PasswordDialog", "&Password:"), self.password)
        form.addRow(QCoreApplication.translate("PasswordDialog", "&Repeat password:"), self.repeat)
        self.message = QLabel()
        self.message.setStyleSheet("color: #a00;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(
                QCoreApplication.translate("PasswordDialog", "The two passwords differ.")
            )
            return
        self.accept()


class NewUserDialog(PasswordDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PasswordDialog", "New user"), parent)
        self.setObjectName("NewUserDialog")
        form = self.layout()
        assert isinstance(form, QFormLayout)
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_name(role.value), role.value)
        form.insertRow(0, self.tr("&Login:"), self.login)
        form.insertRow(1, self.tr("&Full name:"), self.display_name)
        form.insertRow(2, self.tr("R&ole:"), self.role)


class RoleDialog(QDialog):
    def __init__(self, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoleDialog")
        self.setWindowTitle(self.tr("Role of {0}").format(user.login))
        form = QFormLayout(self)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_name(role.value), role.value)
        self.role.setCurrentIndex(self.role.findData(user.role.value))
        form.addRow(self.tr("R&ole:"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UsersTab(_Tab):
    def __init__(self, deps: PanelDeps) -> None:
        super().__init__(deps)
        self.setObjectName("UsersTab")
        self.model = users_model()
        self.view = _table(self.model)
        self.view.setObjectName("usersTable")
        self.view.setAccessibleName(self.tr("Users"))
        self.new_button = QPushButton(self.tr("&New user…"))
        self.new_button.setObjectName("newUser")
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.role_button.setObjectName("changeRole")
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.active_button.setObjectName("toggleActive")
        self.password_button = QPushButton(self.tr("Set &password…"))
        self.password_button.setObjectName("resetPassword")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.role_button, self.active_button, self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        self.new_button.clicked.connect(self.new_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(lambda _i: self.change_role())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        try:
            rows = users.list_users(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            rows = []
        self.model.set_rows(rows)
        wanted = select_id if select_id is not None else (current.id if current else None)
        for i, row in enumerate(rows):
            if row.id == wanted:
                self.view.selectRow(i)
        self._update_buttons()

    def selected(self) -> UserRow | None:
        indexes = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.role_button, self.active_button, self.password_button):
            b.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("&Activate") if user is not None and not user.active else self.tr("&Deactivate")
        )

    def _apply(self, action: Callable[[], UserRow], done: str) -> None:
        try:
            row = action()
        except AuditDeskError as exc:
            self.fail(exc)
            self.refresh()  # show what is stored now (e.g. after a change made elsewhere)
            return
        self.refresh(row.id)
        self.say(done.format(row.login))

    def new_user(self) -> None:
        dialog = NewUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ctx = self.ctx()
        self._apply(
            lambda: users.create_user(
                ctx,
                dialog.login.text(),
                dialog.display_name.text(),
                Role(dialog.role.currentData()),
                dialog.password.text() or None,
            ),
            self.tr("Created the account {0}."),
        )

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = RoleDialog(user, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ctx = self.ctx()
        role = Role(dialog.role.currentData())
        self._apply(
            lambda: users.change_role(ctx, user.id, role, seen=user),
            self.tr("{0} now has the role {1}.").replace("{1}", role_name(role.value)),
        )

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        ctx = self.ctx()
        done = (
            self.tr("{0} can sign in again.")
            if not user.active
            else self.tr("{0} is deactivated; their records stay.")
        )
        self._apply(lambda: users.set_active(ctx, user.id, not user.active, seen=user), done)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(self.tr("New password for {0}").format(user.login), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ctx = self.ctx()
        self._apply(
            lambda: users.reset_password(ctx, user.id, dialog.password.text(), seen=user),
            self.tr("New password set for {0}."),
        )


class TrailTab(_Tab):
    def __init__(self, deps: PanelDeps) -> None:
        super().__init__(deps)
        self.setObjectName("TrailTab")
        self.who = QComboBox()
        self.who.setObjectName("who")
        self.action = QComboBox()
        self.action.setObjectName("action")
        self.entity = QComboBox()
        self.entity.setObjectName("entity")
        self.entity_id = QLineEdit()
        self.entity_id.setObjectName("entityId")
        self.entity_id.setPlaceholderText(self.tr("any"))
        self.since = self._date_edit("since")
        self.until = self._date_edit("until")
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setObjectName("search")
        self.search_button.setDefault(True)
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.verify_button.setObjectName("verify")
        filters = QFormLayout()
        row1 = QHBoxLayout()
        for label, w in (
            (self.tr("&Who:"), self.who),
            (self.tr("A&ction:"), self.action),
            (self.tr("R&ecord:"), self.entity),
            (self.tr("&Id:"), self.entity_id),
        ):
            lab = QLabel(label)
            lab.setBuddy(w)
            row1.addWidget(lab)
            row1.addWidget(w, 1)
        row2 = QHBoxLayout()
        for label, edit in ((self.tr("&From:"), self.since), (self.tr("&To:"), self.until)):
            lab = QLabel(label)
            lab.setBuddy(edit)
            row2.addWidget(lab)
            row2.addWidget(edit)
        row2.addStretch(1)
        row2.addWidget(self.search_button)
        row2.addWidget(self.verify_button)
        filters.addRow(row1)
        filters.addRow(row2)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.model = trail_model()
        self.view = _table(self.model)
        self.view.setObjectName("trailTable")
        self.view.setAccessibleName(self.tr("Audit trail"))
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("detail")
        self.detail.setAccessibleName(self.tr("Details of the selected trail entry"))
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.search_button.clicked.connect(self.search)
        self.entity_id.returnPressed.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.search)
        self.load_facets()
        self.search()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(self.tr("any day"))  # the minimum date means "no limit"
        edit.setDate(edit.minimumDate())
        return edit

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        if edit.date() == edit.minimumDate():
            return None
        return to_date(edit.date())

    def load_facets(self) -> None:
        try:
            facets = trail_view.trail_facets(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            return
        for combo, values, name in (
            (self.who, facets.actors, trail_actor_name),
            (self.action, facets.actions, trail_action_name),
            (self.entity, facets.entities, trail_entity_name),
        ):
            keep = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("(all)"), "")
            for v in values:
                combo.addItem(name(v), v)
            combo.setCurrentIndex(max(0, combo.findData(keep)))

    def current_filter(self) -> TrailFilter:
        return TrailFilter(
            actor=self.who.currentData() or "",
            action=self.action.currentData() or "",
            entity=self.entity.currentData() or "",
            entity_id=self.entity_id.text().strip(),
            since=self._date(self.since),
            until=self._date(self.until),
        )

    def search(self) -> None:
        flt = self.current_filter()
        ctx = self.ctx()

        def done(page: TrailPage) -> None:
            self.model.set_rows(page.rows)
            self.count.setText(
                self.tr("{0} matching entries; the newest {1} are shown.").format(
                    page.total, len(page.rows)
                )
            )
            self.detail.clear()

        self.deps.runner.submit(lambda _p: trail_view.search_trail(ctx, flt), done, self.fail)

    def verify(self) -> None:
        ctx = self.ctx()

        def done(problem: str | None) -> None:
            if problem is None:
                self.say(self.tr("The audit trail is intact: no entry was altered or removed."))
            else:
                self.say(str(problem), error=True)

        self.deps.runner.submit(
            lambda _p: trail_view.verify_trail(ctx),
            done,
            self.fail,
            title=self.tr("Verifying the audit trail…"),
            parent=self,
        )

    def _show_detail(self) -> None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            self.detail.clear()
            return
        row = self.model.row(indexes[0].row())

        def pretty(text: str) -> str:
            if not text:
                return "—"
            try:
                return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
            except ValueError:
                return text

        self.detail.setPlainText(
            self.tr("Before:")
            + "\n"
            + pretty(row.before)
            + "\n\n"
            + self.tr("After:")
            + "\n"
            + pretty(row.after)
        )


class MaintenanceTab(_Tab):
    def __init__(self, deps: PanelDeps, confirm: Confirm = ask_yes_no) -> None:
        super().__init__(deps)
        self.setObjectName("MaintenanceTab")
        self.confirm = confirm
        self.check_button = QPushButton(self.tr("&Check the database"))
        self.check_button.setObjectName("check")
        self.report = QPlainTextEdit()
        self.report.setObjectName("report")
        self.report.setAccessibleName(self.tr("Result of the database check"))
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(140)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_button.setObjectName("restore")
        self.model = backups_model()
        self.view = _table(self.model)
        self.view.setObjectName("backupsTable")
        self.view.setAccessibleName(self.tr("Backups"))
        top = QHBoxLayout()
        top.addWidget(self.check_button)
        top.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("<b>Backups</b> (an automatic one is made every day)")))
        row.addStretch(1)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.report)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.check_button.clicked.connect(self.check)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.restore_button.setVisible(allowed(self.ctx().actor, Permission.RESTORE_BACKUP))
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = backups.list_backups(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            rows = []
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        indexes = self.view.selectionModel().selectedRows()
        return self.model.row(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def check(self) -> None:
        ctx = self.ctx()

        def done(report: CheckReport) -> None:
            lines = [self.tr("Checked {0}: {1}").format(k, v) for k, v in report.checked.items()]
            lines += report.problems
            lines.append(
                self.tr("No problems found.")
                if report.ok
                else self.tr("{0} problem(s) found.").format(len(report.problems))
            )
            self.report.setPlainText("\n".join(lines))
            if report.ok:
                self.say(self.tr("No problems found."))
            else:
                self.say(self.tr("{0} problem(s) found.").format(len(report.problems)), True)

        self.deps.runner.submit(
            lambda _p: integrity.check(ctx),
            done,
            self.fail,
            title=self.tr("Checking the database…"),
            parent=self,
        )

    def backup_now(self) -> None:
        ctx = self.ctx()

        def work(_p: Progress) -> BackupInfo:
            return backups.backup_now(ctx)

        def done(info: BackupInfo) -> None:
            self.refresh()
            self.say(self.tr("Backed up to {0}").format(info.path))

        self.deps.runner.submit(
            work, done, self.fail, title=self.tr("Backing up the database…"), parent=self
        )

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = self.tr(
            "Replace everything in the database with the backup from {0}? Changes made after "
            "it will be gone from the database; a safety copy of the current state is made "
            "first, so this can be undone."
        ).format(chosen.created.strftime("%Y-%m-%d %H:%M"))
        if not self.confirm(self, self.tr("Restore a backup"), text):
            return
        ctx = self.ctx()

        def done(safety: BackupInfo) -> None:
            self.refresh()
            self.say(
                self.tr("Restored. The state before the restore was saved as {0}.").format(
                    safety.path.name
                )
            )

        self.deps.runner.submit(
            lambda _p: backups.restore(ctx, chosen.path),
            done,
            self.fail,
            title=self.tr("Restoring the backup…"),
            parent=self,
        )


class AdminPanel(QTabWidget):
    """Tabs by role: administrators see everything, HR the trail and maintenance."""

    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.setObjectName("AdminPanel")
        actor = deps.context().actor
        self.users_tab: UsersTab | None = None
        self.trail_tab: TrailTab | None = None
        self.maintenance_tab: MaintenanceTab | None = None
        if allowed(actor, Permission.MANAGE_USERS):
            self.users_tab = UsersTab(deps)
            self.addTab(self.users_tab, self.tr("&Users"))
        if allowed(actor, Permission.VIEW_TRAIL):
            self.trail_tab = TrailTab(deps)
            self.addTab(self.trail_tab, self.tr("Audit &trail"))
        if allowed(actor, Permission.BACKUP):
            self.maintenance_tab = MaintenanceTab(deps)
            self.addTab(self.maintenance_tab, self.tr("&Integrity and backups"))
        if self.count() == 0:
            note = QLabel(
                self.tr(
                    "Administration is for administrators and HR. Your role ({0}) does not "
                    "include it."
                ).format(role_name(actor.role.value))
            )
            note.setObjectName("noAccess")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.addTab(note, self.tr("Administration"))
