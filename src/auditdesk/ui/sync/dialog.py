"""File → "Synchronise…": this laptop exchanges its records with the office store.

The office is a database file (Browse…) or a server address, remembered in the settings; the
password at the office is asked here every time and kept nowhere. The exchange runs on the
TaskRunner (progress bar, Cancel); the result lists what travelled, and the conflicts are shown
with both versions side by side, each resolved by a button (applied by the next exchange). The
same exchange as a file package: Export package… / Import package…."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.admin.auth import SignInFailed
from auditdesk.services.context import AppContext
from auditdesk.services.sync import (
    ConflictRow,
    OfficePasswordNeeded,
    PackageReport,
    SyncReport,
    VisitNote,
    export_laptop_package,
    import_package,
    list_conflicts,
    resolve_conflict,
    synchronise_with_office,
)
from auditdesk.settings import Settings
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.help import open_help
from auditdesk.ui.labels import status_name
from auditdesk.ui.tasks import Progress, TaskRunner

# a file chooser: (parent, caption, filter) -> the path chosen, "" when cancelled
FileChooser = Callable[[QWidget, str, str], str]


def _open_file(parent: QWidget, caption: str, filter_: str) -> str:
    return QFileDialog.getOpenFileName(parent, caption, "", filter_)[0]


def _save_file(parent: QWidget, caption: str, filter_: str) -> str:
    return QFileDialog.getSaveFileName(parent, caption, "auditdesk-sync.zip", filter_)[0]


class SyncDialog(QDialog):
    """Synchronisation with the office; any role may open it (auditors' laptops need it)."""

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.runner = runner
        # replaced by tests (no native file dialogs there)
        self.choose_open_file: FileChooser = _open_file
        self.choose_save_file: FileChooser = _save_file
        self._running: Progress | None = None
        self._server_password: str | None = None  # asked for one run, kept nowhere
        self._busy = False
        self._close_when_done = False
        self._conflicts: list[ConflictRow] = []
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Synchronise with the office"))
        # F1: the guide's page on synchronising (issue 15), beside this dialog
        QShortcut(QKeySequence("F1"), self, lambda: open_help(self, "sync", settings.language))

        self.address = QLineEdit(settings.sync_office)
        self.address.setObjectName("officeAddress")
        self.address.setPlaceholderText(
            self.tr("the office's database file, or postgresql+psycopg://server/auditdesk")
        )
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.browse_button)
        self.login = QLineEdit(ctx.actor.login)
        self.login.setObjectName("officeLogin")
        self.password = QLineEdit()
        self.password.setObjectName("officePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        address_label = QLabel(self.tr("&Office store:"))
        address_label.setBuddy(self.address)
        login_label = QLabel(self.tr("&Login at the office:"))
        login_label.setBuddy(self.login)
        password_label = QLabel(self.tr("&Password at the office:"))
        password_label.setBuddy(self.password)
        form.addRow(address_label, address_row)
        form.addRow(login_label, self.login)
        form.addRow(password_label, self.password)

        self.sync_button = QPushButton(self.tr("&Synchronise"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("S&top"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        run_row = QHBoxLayout()
        run_row.addWidget(self.sync_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)

        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("conflictList")
        self.conflict_list.setAccessibleName(self.tr("Conflicts"))
        self.conflict_list.setMaximumHeight(110)
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.office_text = QPlainTextEdit()
        self.office_text.setObjectName("officeVersion")
        self.office_text.setAccessibleName(self.tr("Office's version"))
        self.office_text.setReadOnly(True)
        self.laptop_text = QPlainTextEdit()
        self.laptop_text.setObjectName("laptopVersion")
        self.laptop_text.setAccessibleName(self.tr("Laptop's version"))
        self.laptop_text.setReadOnly(True)
        self.keep_office = QPushButton(self.tr("Keep the &office's version"))
        self.keep_office.setObjectName("keepOffice")
        self.keep_office.clicked.connect(lambda: self.resolve("office"))
        self.keep_laptop = QPushButton(self.tr("Keep the &laptop's version"))
        self.keep_laptop.setObjectName("keepLaptop")
        self.keep_laptop.clicked.connect(lambda: self.resolve("laptop"))
        office_col = QVBoxLayout()
        office_col.addWidget(QLabel(self.tr("Office's version")))
        office_col.addWidget(self.office_text, 1)
        office_col.addWidget(self.keep_office)
        laptop_col = QVBoxLayout()
        laptop_col.addWidget(QLabel(self.tr("Laptop's version")))
        laptop_col.addWidget(self.laptop_text, 1)
        laptop_col.addWidget(self.keep_laptop)
        sides = QHBoxLayout()
        sides.addLayout(office_col, 1)
        sides.addLayout(laptop_col, 1)
        self.conflicts_box = QWidget()
        self.conflicts_box.setObjectName("conflictsBox")
        box = QVBoxLayout(self.conflicts_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.conflicts_title = QLabel()
        box.addWidget(self.conflicts_title)
        box.addWidget(self.conflict_list)
        box.addLayout(sides, 1)

        self.export_button = QPushButton(self.tr("&Export package…"))
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self.tr("&Import package…"))
        self.import_button.setObjectName("importPackage")
        self.import_button.clicked.connect(self.import_package)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.error)
        layout.addWidget(self.result_label)
        layout.addWidget(self.conflicts_box, 1)
        layout.addLayout(bottom)
        self.resize(920, 620)
        self.refresh_conflicts()
        (self.password if self.address.text() else self.address).setFocus()

    # -- the exchange --------------------------------------------------------------------------

    def browse(self) -> None:
        path = self.choose_open_file(
            self,
            self.tr("The office's database"),
            self.tr("AuditDesk database (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.address.setText(path)
            self.password.setFocus()

    def start(self) -> None:
        if self._busy:
            return
        address = self.address.text().strip()
        login = self.login.text().strip()
        password = self.password.text()
        if not address:
            self._fail(self.tr("Name the office store: its database file or server address."))
            self.address.setFocus()
            return
        if not login or not password:
            self._fail(self.tr("Give your login and password at the office."))
            (self.login if not login else self.password).setFocus()
            return
        laptop = self.ctx.db
        # the office server's connection password, when it asked for one (kept for this run)
        given, self._server_password = self._server_password, None

        def work(progress: Progress) -> SyncReport:
            self._running = progress
            return synchronise_with_office(
                laptop,
                address,
                login,
                password,
                server_password=None if given is None else (lambda _address: given),
                progress=progress.update,
                cancelled=lambda: progress.cancelled,
            )

        def done(report: SyncReport) -> None:
            self._remember(address)
            self._finished()
            self._show_report(report)

        self._begin(self.tr("Synchronising…"))
        handle = self.runner.submit(
            work, done, self._failed, parent=self, on_cancel=self._cancelled
        )
        handle.signals.progressed.connect(self.on_progress)

    def on_progress(self, done: int, total: int, _text: str = "") -> None:
        """Records done of total (the text is a record's uid: not for people)."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if total:
            self.progress.setFormat(self.tr("%v of %m records"))

    def cancel(self) -> None:
        if self._running is not None:
            self._running.cancel()
            self.result_label.setText(self.tr("Stopping after the current record…"))

    def _begin(self, text: str) -> None:
        self._busy = True
        self._running = None
        self.error.hide()
        self.result_label.setText(text)
        self.progress.setRange(0, 0)  # busy until the first record is counted
        self.progress.setFormat("")
        for w in self._inputs():
            w.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def _finished(self) -> None:
        self._busy = False
        self._running = None
        for w in self._inputs():
            w.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat("")
        if self._close_when_done:
            super().reject()

    def _inputs(self) -> list[QWidget]:
        return [
            self.address,
            self.browse_button,
            self.login,
            self.password,
            self.sync_button,
            self.export_button,
            self.import_button,
            self.keep_office,
            self.keep_laptop,
        ]

    def _failed(self, exc: BaseException, tb: str) -> None:
        self._finished()
        self.result_label.clear()
        self.progress.setValue(0)
        if isinstance(exc, OfficePasswordNeeded) and self._ask_server_password():
            self.start()  # again, with the password given
            return
        if isinstance(exc, AuditDeskError):
            self._fail(error_text(exc))
            if isinstance(exc, SignInFailed):
                self.password.clear()
                self.password.setFocus()
        else:
            show_error(self, exc, tb)
        self.refresh_conflicts()

    def _ask_server_password(self) -> bool:
        """The office server wants its connection password (nothing in the environment, the
        keyring or ~/.pgpass gave one, or it refused it): asked here, used for one run."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Office server password"),
            self.tr(
                "The office server asks for the connection password of {0}\n"
                "(not your AuditDesk password; the office's administrator gives it):"
            ).format(self.address.text().strip()),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not text:
            return False
        self._server_password = text
        return True

    def _cancelled(self) -> None:
        self._finished()
        self.progress.setValue(0)
        self.result_label.setText(
            self.tr(
                "Stopped. What was exchanged stays; the next synchronisation finishes the rest."
            )
        )
        self.refresh_conflicts()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _remember(self, address: str) -> None:
        if self.settings.sync_office != address:
            self.settings.sync_office = address
            with contextlib.suppress(OSError):  # a convenience: the exchange is done anyway
                self.settings.save()

    def _show_report(self, r: SyncReport) -> None:
        lines = [
            self.tr(
                "Synchronised with {0}: {1} sent, {2} received, {3} deleted, "
                "{4} already the same (skipped), {5} conflict(s), {6} refused."
            ).format(
                r.office,
                len(r.sent),
                len(r.received),
                len(r.deleted),
                r.in_step,
                len(r.conflicts),
                len(r.refused),
            )
        ]
        if r.disputes:
            lines.append(self.tr("Decisions on disputes brought: {0}.").format(r.disputes))
        lines += [self.tr("Refused: {0}").format(x) for x in r.refused]
        v = r.visits
        if v.any:
            lines.append(
                self.tr(
                    "Planned visits from the office — new: {0}, changed: {1}, removed: {2}."
                ).format(v.added, v.changed, v.removed)
            )
        if v.kept:
            lines.append(
                self.tr(
                    "Visits withdrawn at the office but started here, kept with their audits: {0}."
                ).format(v.kept)
            )
        lines += self._visit_lines(r.linked, [*r.unlinked, *v.skipped])
        self.result_label.setText("\n".join(lines))
        self.refresh_conflicts()

    def _visit_lines(self, linked: list[str], notes: list[VisitNote]) -> list[str]:
        """The audits tied to their planned visits, and each visit that could not be, in the
        user's language."""
        lines = []
        if linked:
            lines.append(
                self.tr("Audits linked to their planned visits: {0}.").format(", ".join(linked))
            )
        for n in notes:
            if n.reason == "withdrawn":
                text = self.tr(
                    "{0}: planned visit #{1} was withdrawn at the office or given to another "
                    "auditor; the audit is kept without it."
                ).format(n.record_no, n.visit)
            elif n.reason == "closed":
                text = self.tr(
                    "{0}: planned visit #{1} is {2} at the office; the audit is kept without it."
                ).format(n.record_no, n.visit, self._visit_status(n.status or ""))
            else:
                text = self.tr(
                    "Planned visit #{0} was not copied: its programme or unit {1} did not come "
                    "from the office."
                ).format(n.visit, n.unit)
            lines.append(text)
        return lines

    def _visit_status(self, status: str) -> str:
        names = {
            "planned": self.tr("planned"),
            "done": self.tr("done"),
            "cancelled": self.tr("cancelled"),
            "missed": self.tr("missed"),
        }
        return names.get(status, status)

    # -- the file package ----------------------------------------------------------------------

    def export_package(self) -> None:
        path = self.choose_save_file(
            self, self.tr("Export a package for the office"), self.tr("Package (*.zip)")
        )
        if not path:
            return
        ctx = self.ctx

        def done(out: Path) -> None:
            self._finished()
            self.result_label.setText(self.tr("Package for the office written: {0}").format(out))

        self._begin(self.tr("Writing the package…"))
        self.runner.submit(
            lambda _p: export_laptop_package(ctx, Path(path)),
            done,
            self._failed,
            parent=self,
            on_cancel=self._cancelled,
        )

    def import_package(self) -> None:
        path = self.choose_open_file(
            self, self.tr("Import a package from the office"), self.tr("Package (*.zip)")
        )
        if not path:
            return
        ctx = self.ctx

        def work(progress: Progress) -> PackageReport:
            self._running = progress
            return import_package(ctx, Path(path))

        def done(report: PackageReport) -> None:
            self._finished()
            if report.sync is not None:
                self._show_report(report.sync)
                return
            self.result_label.setText(
                self.tr(
                    "Laptop package applied: {0} written, {1} deleted, {2} already the same, "
                    "{3} newer here (skipped), {4} conflict(s), {5} refused."
                ).format(
                    len(report.sent),
                    len(report.deleted),
                    report.in_step,
                    len(report.skipped),
                    len(report.conflicts),
                    len(report.refused),
                )
                + "".join("\n" + line for line in self._visit_lines(report.linked, report.unlinked))
            )
            self.refresh_conflicts()

        self._begin(self.tr("Applying the package…"))
        self.runner.submit(work, done, self._failed, parent=self, on_cancel=self._cancelled)

    # -- conflicts -----------------------------------------------------------------------------

    def refresh_conflicts(self) -> None:
        try:
            self._conflicts = list_conflicts(self.ctx)
        except AuditDeskError as exc:
            self._conflicts = []
            self._fail(error_text(exc))
        self.conflict_list.clear()
        for c in self._conflicts:
            item = QListWidgetItem(f"{c.record_no} — {self._reason(c.reason)}{self._state(c)}")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.conflict_list.addItem(item)
        self.conflicts_title.setText(
            self.tr("Conflicts (changed on both sides): {0}").format(len(self._conflicts))
            if self._conflicts
            else self.tr("No conflicts.")
        )
        self.conflicts_box.setVisible(bool(self._conflicts))
        if self._conflicts:
            self.conflict_list.setCurrentRow(0)
        else:
            self._show_conflict(-1)

    def _reason(self, reason: str) -> str:
        names = {
            "changed on the laptop and at the office since the last exchange": self.tr(
                "changed on the laptop and at the office since the last exchange"
            ),
            "met for the first time with different contents": self.tr(
                "met for the first time with different contents"
            ),
            "deleted at the office, changed on the laptop": self.tr(
                "deleted at the office, changed on the laptop"
            ),
            "deleted on the laptop, changed at the office": self.tr(
                "deleted on the laptop, changed at the office"
            ),
            "the office's copy is locked or differs in kind": self.tr(
                "the office's copy is locked or differs in kind"
            ),
            "the laptop's copy is locked or differs in kind": self.tr(
                "the laptop's copy is locked or differs in kind"
            ),
        }
        return names.get(reason, reason)

    def _state(self, c: ConflictRow) -> str:
        if c.resolution == "office":
            return self.tr(" (the office's version is kept at the next synchronisation)")
        if c.resolution == "laptop":
            return self.tr(" (the laptop's version is kept at the next synchronisation)")
        return ""

    def _show_conflict(self, row: int) -> None:
        if row < 0 or row >= len(self._conflicts):
            self.office_text.clear()
            self.laptop_text.clear()
            self.keep_office.setEnabled(False)
            self.keep_laptop.setEnabled(False)
            return
        c = self._conflicts[row]
        office = self._describe(c.office_json)
        laptop = self._describe(c.laptop_json)
        self.office_text.setPlainText("\n".join(_marked(office, laptop)))
        self.laptop_text.setPlainText("\n".join(_marked(laptop, office)))
        open_ = c.resolution is None and not self._busy
        self.keep_office.setEnabled(open_)
        self.keep_laptop.setEnabled(open_)

    def _describe(self, text: str | None) -> list[str]:
        """A side of a conflict as people read it: a line per field and per answer."""
        if text is None:
            return [self.tr("(deleted)")]
        p: dict[str, Any] = json.loads(text)
        lines = [
            self.tr("Record: {0}").format(p.get("record_no", "")),
            self.tr("Status: {0}").format(status_name(str(p.get("status", "")))),
            self.tr("Version: {0}").format(p.get("version", "")),
            self.tr("Unit: {0}").format(p.get("unit_name") or p.get("unit_code") or ""),
            self.tr("Visited: {0}").format((p.get("visited_at") or "").replace("T", " ")[:16]),
        ]
        if p.get("observed_note"):
            lines.append(self.tr("Note: {0}").format(p["observed_note"]))
        for key, value in sorted((p.get("scenario") or {}).items()):
            lines.append(f"{key}: {value}")
        lines.append(self.tr("Answers:"))
        for a in p.get("answers", []):
            value = self.tr("not applicable") if a.get("na") else (a.get("value") or "—")
            comment = f" ({a['comment']})" if a.get("comment") else ""
            lines.append(f"  {a.get('item_id')}: {value}{comment}")
        files = [str(e.get("file_name", "")) for e in p.get("evidence", [])]
        if files:
            lines.append(self.tr("Evidence: {0}").format(", ".join(files)))
        return lines

    def resolve(self, keep: str) -> None:
        row = self.conflict_list.currentRow()
        if row < 0 or row >= len(self._conflicts):
            return
        c = self._conflicts[row]
        try:
            resolve_conflict(self.ctx, c.id, keep)
        except AuditDeskError as exc:
            self._fail(error_text(exc))
            return
        self.error.hide()
        self.result_label.setText(
            (
                self.tr("{0}: the office's version is kept; synchronise to apply it.")
                if keep == "office"
                else self.tr("{0}: the laptop's version is kept; synchronise to apply it.")
            ).format(c.record_no)
        )
        self.refresh_conflicts()
        self.conflict_list.setCurrentRow(min(row, len(self._conflicts) - 1))

    # -- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Closing while an exchange runs stops it first (after the current record)."""
        if self._busy:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def _marked(lines: list[str], other: list[str]) -> list[str]:
    """The lines of one side, those not on the other side marked with ►."""
    theirs = set(other)
    return [line if line in theirs else f"► {line}" for line in lines]
