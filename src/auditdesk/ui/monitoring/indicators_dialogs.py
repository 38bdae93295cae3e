"""Dialogs of the Indicators tab: adding, editing and settling an entry (the deadline shown as it
is typed). Also the names of the register's fields (the names of kinds, channels and outcomes
are in ui.labels)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.indicators import Channel, IndicatorKind, Outcome, deadline
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import indicators as svc
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import indicator_channel_name, indicator_kind_name, indicator_outcome_name
from auditdesk.ui.qdates import to_date, to_qdate


def field_name(field: str) -> str:
    return {
        "reference": QCoreApplication.translate("Indicators", "Reference number"),
        "kind": QCoreApplication.translate("Indicators", "Kind"),
        "received_on": QCoreApplication.translate("Indicators", "Received on"),
        "channel": QCoreApplication.translate("Indicators", "Channel"),
        "unit": QCoreApplication.translate("Indicators", "Unit"),
        "employee": QCoreApplication.translate("Indicators", "Employee"),
        "summary": QCoreApplication.translate("Indicators", "Summary"),
        "from_representative": QCoreApplication.translate(
            "Indicators", "From an MP, senator or councillor"
        ),
        "settled_on": QCoreApplication.translate("Indicators", "Settled on"),
        "outcome": QCoreApplication.translate("Indicators", "Outcome"),
    }.get(field, field)


def date_edit(d: date, name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(d))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


class EntryDialog(QDialog):
    """Adds an entry (entry None) or edits/settles one. Defaults: received today, the user's
    unit, a suggested reference number. Ctrl+Enter saves; errors stay in the dialog."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        units: list[tuple[int, str, str]],
        entry: svc.EntryRow | None = None,
        today: date | None = None,
        language: str = "pl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.context = context
        self.today = today or context().clock.today()
        self.entry = entry
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New entry") if entry is None else self.tr("Entry"))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for k in IndicatorKind:
            self.kind.addItem(indicator_kind_name(k), k.value)
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.received = date_edit(self.today, "received")
        self.received.setMaximumDate(to_qdate(self.today))
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for ch in Channel:
            self.channel.addItem(indicator_channel_name(ch), ch.value)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        for unit_id, code, name in units:
            self.unit.addItem(f"{code}  {name}", unit_id)
        self.employee = QComboBox()
        self.employee.setObjectName("employee")
        self.representative = QCheckBox(self.tr("Filed by an MP, senator or councillor"))
        self.representative.setObjectName("representative")
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(90)
        self.settled = QCheckBox(self.tr("Settled"))
        self.settled.setObjectName("settled")
        self.settled_on = date_edit(self.today, "settledOn")
        self.settled_on.setAccessibleName(self.tr("Settled on"))
        self.settled_on.setMaximumDate(to_qdate(self.today))
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        self.outcome.setAccessibleName(QCoreApplication.translate("Indicators", "Outcome"))
        self.outcome.addItem("", None)
        for o in Outcome:
            self.outcome.addItem(indicator_outcome_name(o), o.value)
        self.due = QLabel()
        self.due.setObjectName("due")
        self.due.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why a settled entry is changed"))
        self.history = QLabel()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")

        settle_row = QHBoxLayout()
        settle_row.addWidget(self.settled)
        settle_row.addWidget(self.settled_on)
        settle_row.addWidget(self.outcome, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Reference number"), self.reference)
        form.addRow(self.tr("Received &on"), self.received)
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("&Employee"), self.employee)
        form.addRow("", self.representative)
        form.addRow(self.tr("&Summary"), self.summary)
        form.addRow(self.tr("Deadline"), self.due)
        form.addRow(self.tr("Settlement"), settle_row)
        self.reason_label = QLabel(self.tr("Reason for the &correction"))
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.history)
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

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.unit.currentIndexChanged.connect(self._load_employees)
        for signal in (
            self.received.dateChanged,
            self.representative.toggled,
            self.settled.toggled,
            self.outcome.currentIndexChanged,
        ):
            signal.connect(self._show_deadline)
        self.settled.toggled.connect(self._settled_toggled)
        self._fill(entry)

    # --- filling -------------------------------------------------------------------------------

    def _fill(self, entry: svc.EntryRow | None) -> None:
        ctx = self.context()
        if entry is None:
            default_unit = svc.default_unit_id(ctx)
            if default_unit is not None and self.unit.findData(default_unit) >= 0:
                self.unit.setCurrentIndex(self.unit.findData(default_unit))
            self.reference.setText(svc.next_reference(ctx, self.kind_value(), self.today))
            self._load_employees()
            self.settled.setChecked(False)
            self._settled_toggled(False)
            self.reason_label.hide()
            self.reason.hide()
        else:
            self.kind.setCurrentIndex(self.kind.findData(entry.kind))
            self.reference.setText(entry.reference)
            self.received.setDate(to_qdate(entry.received_on))
            self.channel.setCurrentIndex(self.channel.findData(entry.channel))
            self.unit.setCurrentIndex(max(0, self.unit.findData(entry.unit_id)))
            self._load_employees()
            self.employee.setCurrentIndex(max(0, self.employee.findData(entry.employee_id)))
            self.representative.setChecked(entry.from_representative)
            self.summary.setPlainText(entry.summary)
            self.settled.setChecked(entry.settled_on is not None)
            if entry.settled_on:
                self.settled_on.setDate(to_qdate(entry.settled_on))
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(entry.outcome)))
            self._settled_toggled(entry.settled_on is not None)
            is_settled = entry.settled_on is not None
            self.reason_label.setVisible(is_settled)
            self._show_history(entry.id)
            self.reason.setVisible(is_settled)
        self._kind_changed()

    def _show_history(self, entry_id: int) -> None:
        """Earlier corrections of the entry: when, who and why."""
        rows = svc.corrections(self.context(), entry_id)
        if not rows:
            return
        lines = [self.tr("Corrections:")]
        lines += [f"{when} · {who}: {reason}" for when, who, reason, _before, _after in rows]
        self.history.setText("\n".join(lines))
        self.history.show()

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        is_complaint = self.kind_value() == IndicatorKind.COMPLAINT
        self.representative.setEnabled(is_complaint)
        if not is_complaint:
            self.representative.setChecked(False)
        if self.entry is None:
            self.reference.setText(
                svc.next_reference(self.context(), self.kind_value(), self.today)
            )
        self._show_deadline()

    def _load_employees(self) -> None:
        self.employee.clear()
        self.employee.addItem(self.tr("(not named)"), None)
        unit_id = self.unit.currentData()
        if unit_id is None:
            return
        for emp_id, name in svc.employee_choices(self.context(), int(unit_id)):
            self.employee.addItem(name, emp_id)

    def _settled_toggled(self, on: bool) -> None:
        self.settled_on.setEnabled(on)
        self.outcome.setEnabled(on)

    def _show_deadline(self) -> None:
        due = deadline(
            IndicatorKind(self.kind_value()),
            to_date(self.received.date()),
            self.representative.isChecked(),
            self.outcome.currentData() if self.settled.isChecked() else None,
        )
        if due is None:
            self.due.setText(self.tr("No statutory deadline"))
            self.due.setToolTip("")
        else:
            self.due.setText(due.value.strftime("%d.%m.%Y"))
            self.due.setToolTip(due.rule(self.language))

    # --- saving --------------------------------------------------------------------------------

    def data(self) -> svc.EntryInput:
        settled = self.settled.isChecked()
        employee = self.employee.currentData()
        return svc.EntryInput(
            reference=self.reference.text(),
            kind=self.kind_value(),
            received_on=to_date(self.received.date()),
            channel=str(self.channel.currentData()),
            unit_id=int(self.unit.currentData()),
            employee_id=int(employee) if employee is not None else None,
            summary=self.summary.toPlainText(),
            from_representative=self.representative.isChecked(),
            settled_on=to_date(self.settled_on.date()) if settled else None,
            outcome=self.outcome.currentData() if settled else None,
        )

    def save(self) -> None:
        if self.unit.currentData() is None:
            self.error.setText(self.tr("Choose a unit."))
            return
        ctx = self.context()
        try:
            if self.entry is None:
                self.saved_id = svc.register_entry(ctx, self.data(), self.today)
            else:
                data = self.data()
                svc.edit_entry(ctx, self.entry.id, data, self.reason.text(), self.today)
                self.saved_id = self.entry.id
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            if self.entry is not None and self.entry.settled_on is not None:
                self.reason.setFocus()
            return
        self.accept()
