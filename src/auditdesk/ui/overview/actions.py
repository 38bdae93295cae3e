"""The register of improvement actions in the window (issue 17): the list with its filters
(status, unit, method, overdue only), overdue actions said in words (colour only repeats it),
and for HR and administrators adding, editing (its due date moved with the trail), moving
between open and in progress, and closing with a closing note and the indicator after.
Supervisors read their units' actions and the office-wide ones; the services enforce it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.dates import format_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.access import Permission, allowed
from auditdesk.services.context import AppContext
from auditdesk.services.overview.actions import (
    METHODS,
    STATUSES,
    ActionRow,
    actions,
    add_action,
    close_action,
    set_status,
    unit_choices,
    update_action,
)
from auditdesk.services.overview.targets import KNOWN
from auditdesk.ui.errors import error_text
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView

Units = list[tuple[int, str, str]]


def method_names() -> dict[str, str]:
    return {
        "surveys": QCoreApplication.translate("Actions", "Satisfaction surveys"),
        "complaints": QCoreApplication.translate("Actions", "Complaints and grievances"),
        "mystery": QCoreApplication.translate("Actions", "Mystery client"),
        "appraisals": QCoreApplication.translate("Actions", "Appraisals"),
        "research": QCoreApplication.translate("Actions", "Research"),
        "cases": QCoreApplication.translate("Actions", "Timeliness of cases"),
    }


def status_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Actions", "Open"),
        "in_progress": QCoreApplication.translate("Actions", "In progress"),
        "done": QCoreApplication.translate("Actions", "Done"),
        "dropped": QCoreApplication.translate("Actions", "Dropped"),
    }


def target_names() -> dict[str, str]:
    """The indicators an action's effect is measured by (those that have targets)."""
    return {
        "timeliness": QCoreApplication.translate("Actions", "Cases on time"),
        "complaints_on_time": QCoreApplication.translate("Actions", "Complaints settled on time"),
        "complaints_justified": QCoreApplication.translate("Actions", "Complaints justified"),
        "mystery_passed": QCoreApplication.translate("Actions", "Mystery client: audits passed"),
        "mystery_score": QCoreApplication.translate("Actions", "Mystery client: mean score"),
        "appraisals_current": QCoreApplication.translate(
            "Actions", "Staff with a current appraisal"
        ),
        "surveys_index": QCoreApplication.translate("Actions", "Satisfaction index (0–100)"),
        "surveys_positive": QCoreApplication.translate("Actions", "Positive survey answers"),
        "research_actions_done": QCoreApplication.translate(
            "Actions", "Research: recommended actions done"
        ),
    }


def number_text(value: float | None) -> str:
    return "" if value is None else QLocale().toString(value, "f", 1)


def typed_number(text: str, field: str) -> float | None:
    """A percentage typed in either decimal sign ('85,5' or '85.5'); empty is none."""
    cleaned = text.strip().replace("%", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "Actions", "{field}: '{text}' is not a number; type it like 85,5 or leave it empty"
            )
            .replace("{field}", field)
            .replace("{text}", text.strip())
        ) from None


class ActionsModel(RowsModel[ActionRow]):
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Actions", "What"),
            QCoreApplication.translate("Actions", "Method"),
            QCoreApplication.translate("Actions", "Unit"),
            QCoreApplication.translate("Actions", "Owner"),
            QCoreApplication.translate("Actions", "Due"),
            QCoreApplication.translate("Actions", "Status"),
            QCoreApplication.translate("Actions", "Effect (before → after)"),
            QCoreApplication.translate("Actions", "Source"),
        ]

    def cell(self, row: ActionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title
            if column == 1:
                return method_names().get(row.method, row.method)
            if column == 2:
                return row.unit_code or QCoreApplication.translate("Actions", "Whole office")
            if column == 3:
                return row.owner
            if column == 4:
                return format_date(row.due_on)
            if column == 5:
                status = status_names().get(row.status, row.status)
                if row.overdue:
                    return QCoreApplication.translate("Actions", "{status}, overdue").replace(
                        "{status}", status
                    )
                if row.closed_on is not None:
                    return f"{status} {format_date(row.closed_on)}"
                return status
            if column == 6:
                if row.value_before is None and row.value_after is None:
                    return ""
                before = number_text(row.value_before) or "?"
                after = number_text(row.value_after) or "?"
                return f"{before} → {after}"
            if column == 7:
                return row.source
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.reason, row.closing_note]
            return "\n".join(line for line in lines if line) or None
        if role == Qt.ItemDataRole.BackgroundRole and column == 5 and row.overdue:
            return QBrush(QColor("#f8d7d7"))  # repeats the word 'overdue'
        return None


def _unit_combo(units: Units, first: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(first, None)
    for unit_id, code, name in units:
        combo.addItem(code, unit_id)
        combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
    return combo


class ActionDialog(QDialog):
    """Adds an action (row None) or changes an open one; errors stay in the dialog."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        units: Units,
        row: ActionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self.saved: ActionRow | None = None
        self.setWindowTitle(
            QCoreApplication.translate("Actions", "New improvement action")
            if row is None
            else QCoreApplication.translate("Actions", "Action")
        )
        self.title = QLineEdit(row.title if row else "")
        self.reason = QPlainTextEdit(row.reason if row else "")
        self.reason.setMaximumHeight(80)
        self.reason.setTabChangesFocus(True)
        self.method = QComboBox()
        for key, name in method_names().items():
            self.method.addItem(name, key)
        self.source = QLineEdit(row.source if row else "")
        self.source.setPlaceholderText(
            QCoreApplication.translate("Actions", "e.g. audit #12, complaint #3")
        )
        self.unit = _unit_combo(units, QCoreApplication.translate("Actions", "Whole office"))
        self.owner = QLineEdit(row.owner if row else "")
        today = context().clock.today()
        self.due = QDateEdit(to_qdate(row.due_on if row else today))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy")
        self.indicator = QComboBox()
        self.indicator.addItem(QCoreApplication.translate("Actions", "(none)"), None)
        for key in KNOWN:
            self.indicator.addItem(target_names()[key], key)
        self.before = QLineEdit(number_text(row.value_before) if row else "")
        if row is not None:
            self.method.setCurrentIndex(max(0, self.method.findData(row.method)))
            self.unit.setCurrentIndex(max(0, self.unit.findData(row.unit_id)))
            self.indicator.setCurrentIndex(max(0, self.indicator.findData(row.indicator)))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000")
        form = QFormLayout()
        for label, widget in (
            (QCoreApplication.translate("Actions", "&What is to be done"), self.title),
            (QCoreApplication.translate("Actions", "W&hy (the finding)"), self.reason),
            (QCoreApplication.translate("Actions", "&Method"), self.method),
            (QCoreApplication.translate("Actions", "&Source record"), self.source),
            (QCoreApplication.translate("Actions", "&Unit"), self.unit),
            (QCoreApplication.translate("Actions", "&Owner"), self.owner),
            (QCoreApplication.translate("Actions", "&Due on"), self.due),
            (QCoreApplication.translate("Actions", "&Indicator"), self.indicator),
            (QCoreApplication.translate("Actions", "Indicator &before (%)"), self.before),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        ctx = self.context()
        try:
            before = typed_number(
                self.before.text(), QCoreApplication.translate("Actions", "Indicator before (%)")
            )
            values: dict[str, Any] = {
                "title": self.title.text(),
                "method": str(self.method.currentData()),
                "owner": self.owner.text(),
                "due_on": to_date(self.due.date()),
                "reason": self.reason.toPlainText(),
                "source": self.source.text(),
                "unit_id": self.unit.currentData(),
                "indicator": self.indicator.currentData(),
                "value_before": before,
            }
            if self.row is None:
                self.saved = add_action(ctx, **values)
            else:
                self.saved = update_action(ctx, self.row.id, **values)
        except (AuditDeskError, ValueError) as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class CloseDialog(QDialog):
    """Closes an action: the closing note (what was done, or why not) and the indicator after."""

    def __init__(
        self, context: Callable[[], AppContext], row: ActionRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.row = row
        self.saved: ActionRow | None = None
        self.setWindowTitle(QCoreApplication.translate("Actions", "Close the action"))
        self.what = QLabel(row.title)
        self.what.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            QCoreApplication.translate("Actions", "What was done, or why it was dropped")
        )
        self.after = QLineEdit(number_text(row.value_after))
        indicator = target_names().get(
            row.indicator or "", QCoreApplication.translate("Actions", "(none)")
        )
        self.after.setPlaceholderText(
            QCoreApplication.translate("Actions", "{indicator}, before: {before}")
            .replace("{indicator}", indicator)
            .replace("{before}", number_text(row.value_before) or "?")
        )
        self.dropped = QCheckBox(QCoreApplication.translate("Actions", "Dro&pped, not done"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Actions", "Action"), self.what)
        for label, widget in (
            (QCoreApplication.translate("Actions", "Closing &note"), self.note),
            (QCoreApplication.translate("Actions", "Indicator &after (%)"), self.after),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        form.addRow("", self.dropped)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            after = typed_number(
                self.after.text(), QCoreApplication.translate("Actions", "Indicator after (%)")
            )
            self.saved = close_action(
                self.context(),
                self.row.id,
                self.note.toPlainText(),
                value_after=after,
                dropped=self.dropped.isChecked(),
            )
        except (AuditDeskError, ValueError) as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class ActionsView(QWidget):
    """The register: filters above, the list, and HR's buttons below. Enter or double-click
    edits the action (HR); Ctrl+N adds one."""

    def __init__(self, context: Callable[[], AppContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsView")
        self.context = context
        self.dialog: QDialog | None = None
        self.can_write = allowed(context().actor, Permission.MANAGE_CASES)
        self.units: Units = unit_choices(context())
        self.status = QComboBox()
        self.status.addItem(QCoreApplication.translate("Actions", "All"), None)
        for key in STATUSES:
            self.status.addItem(status_names()[key], key)
        self.unit = _unit_combo(self.units, QCoreApplication.translate("Actions", "All units"))
        self.method = QComboBox()
        self.method.addItem(QCoreApplication.translate("Actions", "All methods"), None)
        for key in METHODS:
            self.method.addItem(method_names()[key], key)
        self.overdue = QCheckBox(QCoreApplication.translate("Actions", "&Overdue only"))
        for widget, name in (
            (self.status, QCoreApplication.translate("Actions", "Status")),
            (self.unit, QCoreApplication.translate("Actions", "Unit")),
            (self.method, QCoreApplication.translate("Actions", "Method")),
        ):
            widget.setAccessibleName(name)
            widget.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _on: self.reload())
        filters = QHBoxLayout()
        for label, widget in (
            (QCoreApplication.translate("Actions", "Status"), self.status),
            (QCoreApplication.translate("Actions", "Unit"), self.unit),
            (QCoreApplication.translate("Actions", "Method"), self.method),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        self.model = ActionsModel(self)
        self.table = TableView()
        self.table.setObjectName("actions_table")
        self.table.setAccessibleName(QCoreApplication.translate("Actions", "Improvement actions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.count = QLabel()
        self.add_button = QPushButton(QCoreApplication.translate("Actions", "A&dd… (Ctrl+N)"))
        self.edit_button = QPushButton(QCoreApplication.translate("Actions", "&Edit…"))
        self.start_button = QPushButton(QCoreApplication.translate("Actions", "In &progress"))
        self.reopen_button = QPushButton(QCoreApplication.translate("Actions", "&Back to open"))
        self.close_button = QPushButton(QCoreApplication.translate("Actions", "C&lose…"))
        self.start_button.setToolTip(
            QCoreApplication.translate("Actions", "Move the selected action to 'in progress'")
        )
        self.reopen_button.setToolTip(
            QCoreApplication.translate("Actions", "Move the selected action back to 'open'")
        )
        self.close_button.setToolTip(
            QCoreApplication.translate(
                "Actions", "Close the selected action with a closing note and the indicator after"
            )
        )
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.start_button.clicked.connect(lambda: self.move_to("in_progress"))
        self.reopen_button.clicked.connect(lambda: self.move_to("open"))
        self.close_button.clicked.connect(lambda: self.close_selected())
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (
            self.add_button,
            self.edit_button,
            self.start_button,
            self.reopen_button,
            self.close_button,
        ):
            button.setVisible(self.can_write)
            buttons.addWidget(button)
        if self.can_write:
            QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.add())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.reload()

    def show_filtered(
        self, *, unit_id: int | None = None, overdue: bool = False, method: str | None = None
    ) -> None:
        """Sets the filters at once (the overview's drill-down) and reads the list once."""
        for combo, value in ((self.unit, unit_id), (self.method, method), (self.status, None)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(overdue)
        self.overdue.blockSignals(False)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.selected_id()
        try:
            rows = actions(
                self.context(),
                status=self.status.currentData(),
                unit_id=self.unit.currentData(),
                method=self.method.currentData(),
                overdue_only=self.overdue.isChecked(),
            )
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            self.model.set_rows([])
            return
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        self.count.setText(
            QCoreApplication.translate("Actions", "Actions: {count}, overdue: {late}")
            .replace("{count}", str(len(rows)))
            .replace("{late}", str(late))
        )
        for r, row in enumerate(rows):
            if row.id == current:
                self.table.selectRow(r)
                break
        self._update_buttons()

    def selected(self) -> ActionRow | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def _update_buttons(self) -> None:
        row = self.selected()
        is_open = row is not None and row.status not in ("done", "dropped")
        self.edit_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.start_button.setEnabled(row is not None and row.status == "open")
        self.reopen_button.setEnabled(row is not None and row.status != "open")

    def _open(self, dialog: ActionDialog | CloseDialog) -> None:
        self.dialog = dialog

        def done() -> None:
            if dialog.saved is not None:
                self.message.setText("")
                self.reload(dialog.saved.id)

        dialog.accepted.connect(done)
        dialog.open()

    def add(self) -> ActionDialog | None:
        if not self.can_write:
            return None
        dialog = ActionDialog(self.context, self.units, parent=self)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> ActionDialog | None:
        row = self.selected()
        if not self.can_write or row is None or row.status in ("done", "dropped"):
            return None
        dialog = ActionDialog(self.context, self.units, row, parent=self)
        self._open(dialog)
        return dialog

    def close_selected(self) -> CloseDialog | None:
        row = self.selected()
        if not self.can_write or row is None or row.status in ("done", "dropped"):
            return None
        dialog = CloseDialog(self.context, row, parent=self)
        self._open(dialog)
        return dialog

    def move_to(self, status: str) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            moved = set_status(self.context(), row.id, status)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.reload(moved.id)
