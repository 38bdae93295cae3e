"""Short forms of the Appraisals panel: a new appraisal, a feedback note, an absence."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.values import AppraisalKind, FeedbackKind
from auditdesk.services.appraisals import SheetChoice, proposed_period
from auditdesk.services.appraisals.overview import TeamRow
from auditdesk.ui.appraisals.widgets import DateField, MessageLine
from auditdesk.ui.labels import appraisal_kind_name, feedback_kind_name


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = MessageLine()
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def problem(self) -> str:
        return ""

    def showEvent(self, event: QShowEvent) -> None:
        """Tab runs through the fields in order, then OK and Cancel; typing starts at the top."""
        fields: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                fields.append(widget)
        chain: list[QWidget] = [*fields, *self.buttons.buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        super().showEvent(event)
        if fields:
            fields[0].setFocus()

    def _check_and_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.error(problem)
            return
        self.accept()


class NewAppraisalDialog(_Form):
    """Sheet, kind and period of a new appraisal (defaults from the team row)."""

    def __init__(
        self, row: TeamRow, sheets: list[SheetChoice], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New appraisal: %1").replace("%1", row.employee), parent)
        self.sheet = QComboBox()
        for choice in sheets:
            self.sheet.addItem(choice.title, choice.version_id)
        if row.sheet_version_id is not None:
            self.sheet.setCurrentIndex(max(0, self.sheet.findData(row.sheet_version_id)))
        self.kind = QComboBox()
        for kind in AppraisalKind:
            self.kind.addItem(appraisal_kind_name(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.due_reason)))
        # the service's proposal (from the last appraisal or the start of duty), never a
        # period that ends before it starts
        start, end = proposed_period(row.last_made_on, None, row.due, today)
        if row.proposed_start is not None and row.proposed_end is not None:
            start, end = row.proposed_start, row.proposed_end
        self.start = DateField(start)
        self.end = DateField(end)
        self.form.addRow(self.tr("&Sheet:"), self.sheet)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("Period &from:"), self.start)
        self.form.addRow(self.tr("Period &to:"), self.end)

    def problem(self) -> str:
        if self.start.date() is None or self.end.date() is None:
            return self.tr("Type both dates as dd.mm.yyyy.")
        return ""


class FeedbackDialog(_Form):
    """An ongoing-feedback note: date, topic, positive or corrective, optionally an audit."""

    def __init__(
        self,
        employee: str,
        today: date,
        audits: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Feedback note: %1").replace("%1", employee), parent)
        self.noted_on = DateField(today)
        self.topic = QLineEdit()
        self.kind = QComboBox()
        for kind in FeedbackKind:
            self.kind.addItem(feedback_kind_name(kind), kind.value)
        self.audit = QComboBox()
        self.audit.addItem(self.tr("(no audit)"), None)
        for audit_id, label in audits:
            self.audit.addItem(label, audit_id)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("&Date:"), self.noted_on)
        self.form.addRow(self.tr("&Topic:"), self.topic)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("Cites &audit:"), self.audit)
        self.form.addRow(self.tr("&Note:"), self.text)

    def problem(self) -> str:
        if self.noted_on.date() is None:
            return self.tr("Type the date as dd.mm.yyyy.")
        if not self.topic.text().strip():
            return self.tr("Write the topic of the note.")
        return ""


class AbsenceDialog(_Form):
    """An absence: over a month, it moves the next periodic appraisal."""

    def __init__(self, employee: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Absence: %1").replace("%1", employee), parent)
        self.start = DateField()
        self.end = DateField()
        self.reason = QLineEdit()
        self.form.addRow(self.tr("&From:"), self.start)
        self.form.addRow(self.tr("&To:"), self.end)
        self.form.addRow(self.tr("&Reason:"), self.reason)

    def problem(self) -> str:
        if self.start.date() is None or self.end.date() is None:
            return self.tr("Type both dates as dd.mm.yyyy.")
        return ""
