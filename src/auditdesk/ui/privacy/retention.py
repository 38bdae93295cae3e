"""The administrator's retention tab (issue 19): the register's rules with an editor for one
type's period and end action, then the run: what is due listed first (a dry run), then carried
out after a confirmation, with progress and Cancel, and the result said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.dates import format_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.retention import MAX_MONTHS, EndAction, RetentionRule
from auditdesk.services.context import AppContext
from auditdesk.services.privacy import (
    DueItem,
    RetentionResult,
    retention_register,
    run_retention,
    set_retention,
)
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.privacy.names import (
    end_action_name,
    held_reason,
    legal_basis,
    purpose,
    record_type_name,
    starts,
)
from auditdesk.ui.rows_model import ColumnsModel
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress

Confirm = Callable[[QWidget, str, str], bool]
AskFolder = Callable[[QWidget], Path | None]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_archive_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Privacy", "Folder for the archive hand-over files")
    )
    return Path(folder) if folder else None


def period_text(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return QCoreApplication.translate("Privacy", "%n year(s)", None, years)
    return QCoreApplication.translate("Privacy", "%n month(s)", None, months)


def table(model: object, name: str) -> TableView:
    view = TableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def rules_model() -> ColumnsModel[RetentionRule]:
    return ColumnsModel[RetentionRule](
        [
            (
                QCoreApplication.translate("Privacy", "Record type"),
                lambda r: record_type_name(r.record_type.value),
            ),
            (QCoreApplication.translate("Privacy", "Kept for"), lambda r: period_text(r.months)),
            (
                QCoreApplication.translate("Privacy", "Then"),
                lambda r: end_action_name(r.action.value),
            ),
            (
                QCoreApplication.translate("Privacy", "Changed by"),
                lambda r: r.changed_by or QCoreApplication.translate("Privacy", "default"),
            ),
        ]
    )


def due_model() -> ColumnsModel[DueItem]:
    return ColumnsModel[DueItem](
        [
            (
                QCoreApplication.translate("Privacy", "Record type"),
                lambda i: record_type_name(i.record_type.value),
            ),
            (QCoreApplication.translate("Privacy", "Record"), lambda i: i.label),
            (QCoreApplication.translate("Privacy", "Due on"), lambda i: format_date(i.due_on)),
            (
                QCoreApplication.translate("Privacy", "Action"),
                lambda i: end_action_name(i.action.value),
            ),
            (QCoreApplication.translate("Privacy", "Left because"), lambda i: held_reason(i.held)),
        ]
    )


class RetentionTab(QWidget):
    def __init__(
        self,
        deps: PanelDeps,
        confirm: Confirm = ask_yes_no,
        ask_folder: AskFolder = ask_archive_folder,
    ) -> None:
        super().__init__()
        self.setObjectName("RetentionTab")
        self.deps = deps
        self.confirm = confirm
        self.ask_folder = ask_folder
        self.listed: list[DueItem] = []

        self.rules = rules_model()
        self.rules_view = table(self.rules, self.tr("Retention rules"))
        self.rules_view.setObjectName("rulesTable")
        self.details = QLabel()
        self.details.setObjectName("ruleDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setAccessibleName(self.tr("Purpose and legal basis of the selected type"))
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, MAX_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAccessibleName(self.tr("Retention period in months"))
        self.action = QComboBox()
        self.action.setObjectName("endAction")
        self.action.setAccessibleName(self.tr("What happens at the end of the period"))
        self.save_button = QPushButton(self.tr("&Save the rule"))
        self.save_button.setObjectName("saveRule")
        editor = QGroupBox(self.tr("Selected record type"))
        form = QFormLayout(editor)
        form.addRow(self.details)
        months_label = QLabel(self.tr("&Kept for:"))
        months_label.setBuddy(self.months)
        form.addRow(months_label, self.months)
        action_label = QLabel(self.tr("Th&en:"))
        action_label.setBuddy(self.action)
        form.addRow(action_label, self.action)
        form.addRow(self.save_button)

        self.list_button = QPushButton(self.tr("&List what is due"))
        self.list_button.setObjectName("listDue")
        self.run_button = QPushButton(self.tr("&Run the retention…"))
        self.run_button.setObjectName("runRetention")
        self.run_button.setEnabled(False)
        self.due = due_model()
        self.due_view = table(self.due, self.tr("Records due for retention"))
        self.due_view.setObjectName("dueTable")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.rules_view, 3)
        top_layout.addWidget(editor, 2)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("<b>Retention run</b>")))
        buttons.addStretch(1)
        buttons.addWidget(self.list_button)
        buttons.addWidget(self.run_button)
        bottom_layout.addLayout(buttons)
        bottom_layout.addWidget(self.due_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("retentionSplitter")
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self.rules_view.selectionModel().selectionChanged.connect(self._show_rule)
        self.save_button.clicked.connect(self.save_rule)
        self.list_button.clicked.connect(self.list_due)
        self.run_button.clicked.connect(self.run)
        self.refresh()

    def ctx(self) -> AppContext:
        return self.deps.context()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #a00;" if error else "")
        self.message.setText(text)

    def fail(self, exc: BaseException, tb: str = "") -> None:
        if isinstance(exc, AuditDeskError):
            self.say(error_text(exc), error=True)
        else:
            show_error(self, exc, tb)

    def refresh(self, select_row: int = 0) -> None:
        try:
            rows = retention_register(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            rows = []
        self.rules.set_rows(rows)
        if rows:
            self.rules_view.selectRow(min(select_row, len(rows) - 1))
        self._show_rule()

    def selected_rule(self) -> RetentionRule | None:
        indexes = self.rules_view.selectionModel().selectedRows()
        return self.rules.row_at(indexes[0].row()) if indexes else None

    def _show_rule(self) -> None:
        rule = self.selected_rule()
        self.save_button.setEnabled(rule is not None)
        self.action.clear()
        if rule is None:
            self.details.clear()
            return
        kind = rule.record_type.value
        self.details.setText(
            self.tr("<b>{0}</b><br>Purpose: {1}<br>Legal basis: {2}<br>Counted from: {3}").format(
                record_type_name(kind), purpose(kind), legal_basis(kind), starts(kind)
            )
        )
        self.months.setValue(rule.months)
        for allowed in rule.allowed:
            self.action.addItem(end_action_name(allowed.value), allowed.value)
        self.action.setCurrentIndex(self.action.findData(rule.action.value))

    def save_rule(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        row = self.rules_view.selectionModel().selectedRows()[0].row()
        try:
            saved = set_retention(
                self.ctx(),
                rule.record_type.value,
                self.months.value(),
                str(self.action.currentData()),
            )
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.refresh(row)
        self.say(
            self.tr("{0}: kept {1}, then {2}.").format(
                record_type_name(saved.record_type.value),
                period_text(saved.months),
                end_action_name(saved.action.value),
            )
        )

    def list_due(self) -> None:
        ctx = self.ctx()

        def done(result: RetentionResult) -> None:
            self.listed = result.items
            self.due.set_rows(result.items)
            self.run_button.setEnabled(bool(result.items))
            if not result.items:
                self.say(self.tr("Nothing is due for retention today."))
                return
            self.say(
                self.tr("{0} record(s) due, {1} to be left. Nothing was changed yet.").format(
                    len(result.items), len(result.held)
                )
            )

        self.deps.runner.submit(
            lambda _p: run_retention(ctx, dry_run=True),
            done,
            self.fail,
            title=self.tr("Listing what is due…"),
            parent=self,
        )

    def run(self) -> None:
        if not self.listed:
            return
        archive: Path | None = None
        if any(i.action is EndAction.ARCHIVE and not i.held for i in self.listed):
            archive = self.ask_folder(self)
        text = self.tr(
            "Delete or anonymise {0} record(s) now, as listed? Each is done in a transaction of "
            "its own with an entry in the audit trail; this cannot be undone (a backup can)."
        ).format(len(self.listed))
        if not self.confirm(self, self.tr("Run the retention"), text):
            return
        ctx = self.ctx()
        partial: list[RetentionResult] = []

        def work(progress: Progress) -> RetentionResult:
            def step(done: int, total: int) -> bool:
                progress.update(done, total, self.tr("Record {0} of {1}").format(done + 1, total))
                return not progress.cancelled

            result = run_retention(ctx, dry_run=False, archive_dir=archive, progress=step)
            partial.append(result)
            return result

        def done(result: RetentionResult) -> None:
            if result.cancelled:
                cancelled()
                return
            self.listed = []
            self.run_button.setEnabled(False)
            self.due.set_rows(result.held)
            self.say(
                self.tr(
                    "{0} record(s) deleted or anonymised, {1} left; {2} trail entries kept "
                    "only as hashes."
                ).format(len(result.done), len(result.held), result.trail_erased)
            )

        def cancelled() -> None:
            count = len(partial[0].done) if partial else 0
            self.listed = []
            self.run_button.setEnabled(False)
            self.due.set_rows([])
            self.say(
                self.tr(
                    "Cancelled: {0} record(s) were done before; list again for the rest."
                ).format(count),
                error=True,
            )

        self.deps.runner.submit(
            work,
            done,
            self.fail,
            title=self.tr("Running the retention…"),
            parent=self,
            on_cancel=cancelled,
        )
