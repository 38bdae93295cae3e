"""Changing the header of a draft audit: unit, observed employee or badge/desk, date and time of
the visit and the scenario. The form and the channel stay: the answers were given to that form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import channel_name
from auditdesk.ui.qdates import to_datetime


class HeaderDialog(QDialog):
    """Edits the header of one draft; `saved_version` is the audit's version after saving."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        detail: svc.AuditDetail,
        version: int,
        language: str = "pl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit header – %1").replace("%1", detail.record_no))
        self.context = context
        self.detail = detail
        self.version = version
        self.language = language
        self.saved_version: int | None = None
        self.choices = svc.audit_choices(context())

        fixed = QLabel(
            f"<b>{detail.record_no}</b> · {detail.form.title.get(language)} "
            f"({detail.form.edition}) · {channel_name(detail.channel)}"
        )
        fixed.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        for uid, code, name in self.choices.units:
            self.unit.addItem(f"{code} – {name}", uid)
        self.unit.setCurrentIndex(max(0, self.unit.findData(detail.unit_id)))
        self.employee = QComboBox()
        self.employee.setObjectName("employee")
        self.note = QLineEdit(detail.observed_note)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("badge or desk number, if the name is unknown"))
        self.when = QDateTimeEdit(QDateTime(detail.visited_at))
        self.when.setObjectName("when")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("Observed &employee"), self.employee)
        form.addRow(self.tr("Badge / &desk"), self.note)
        form.addRow(self.tr("Date and &time"), self.when)
        scenario = QFormLayout()
        self.scenario_edits: dict[str, QLineEdit] = {}
        for f in detail.form.scenario_fields:
            edit = QLineEdit(detail.scenario.get(f.id, ""))
            edit.setObjectName(f"scenario_{f.id}")
            if f.hint:
                edit.setPlaceholderText(f.hint.get(language))
            scenario.addRow(f.label.get(language) + (" *" if f.required else ""), edit)
            self.scenario_edits[f.id] = edit
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(fixed)
        layout.addWidget(
            QLabel(self.tr("The form and the channel cannot change once answers are given."))
        )
        layout.addLayout(form)
        if self.scenario_edits:
            layout.addWidget(QLabel(self.tr("<b>Scenario</b>")))
            layout.addLayout(scenario)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_employees(detail.employee_id)
        self.unit.currentIndexChanged.connect(lambda _i: self._fill_employees(None))
        self.unit.setFocus()

    def _fill_employees(self, selected: int | None) -> None:
        unit_id = self.unit.currentData()
        self.employee.clear()
        self.employee.addItem(self.tr("— not identified —"), None)
        for eid, uid, name, badge in self.choices.employees:
            if uid == unit_id or eid == selected:
                self.employee.addItem(f"{name} ({badge})" if badge else name, eid)
        self.employee.setCurrentIndex(max(0, self.employee.findData(selected)))

    def header_change(self) -> svc.HeaderChange:
        visited = to_datetime(self.when.dateTime())
        scenario = dict(self.detail.scenario)  # keeps values of fields the form no longer names
        scenario.update({k: e.text().strip() for k, e in self.scenario_edits.items()})
        return svc.HeaderChange(
            employee_id=self.employee.currentData(),
            observed_note=self.note.text(),
            visited_at=visited,
            scenario=scenario,
            unit_id=int(self.unit.currentData()),
        )

    def save(self) -> None:
        if self.unit.currentIndex() < 0:
            self.error.setText(self.tr("Choose a unit."))
            return
        try:
            self.saved_version = svc.save_header(
                self.context(), self.detail.id, self.header_change(), self.version
            )
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
