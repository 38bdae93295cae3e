"""Dialogs of the Audits panel: new audit, dispute, action plan and evidence preview."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.values import ACTION_STATUSES
from auditdesk.files import write_private_bytes
from auditdesk.services import audits as svc
from auditdesk.services.audits import followup as fu
from auditdesk.services.clock import local_now
from auditdesk.services.context import AppContext
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import (
    action_status_name,
    channel_name,
    dispute_status_name,
    plan_status_name,
)
from auditdesk.ui.qdates import to_date, to_datetime, to_qdate


class NewAuditDialog(QDialog):
    """Form, channel, unit, observed employee (optional), scenario, date and time."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        language: str = "pl",
        now: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New audit"))
        self.context = context
        self.language = language
        self.forms = svc.checklist_forms(context())
        self.choices = svc.audit_choices(context())
        self.result_id: int | None = None
        self.form = QComboBox()
        self.form.setObjectName("form")
        for f in self.forms:
            self.form.addItem(f"{f.title} ({f.edition})", f.version_id)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        for uid, code, name in self.choices.units:
            self.unit.addItem(f"{code} – {name}", uid)
        self.employee = QComboBox()
        self.employee.setObjectName("employee")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("badge or desk number, if the name is unknown"))
        now = now or local_now(context().clock).replace(second=0, microsecond=0)
        self.when = QDateTimeEdit(QDateTime(now))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.scenario_box = QFormLayout()
        self.scenario_edits: dict[str, QLineEdit] = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Form"), self.form)
        form.addRow(self.tr("C&hannel"), self.channel)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.tr("Observed &employee"), self.employee)
        form.addRow(self.tr("Badge / &desk"), self.note)
        form.addRow(self.tr("Date and &time"), self.when)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self._start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Scenario</b>")))
        layout.addLayout(self.scenario_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.form.currentIndexChanged.connect(self._form_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self._form_changed()
        self._unit_changed()

    def _form_changed(self) -> None:
        index = self.form.currentIndex()
        self.channel.clear()
        while self.scenario_box.rowCount():
            self.scenario_box.removeRow(0)
        self.scenario_edits.clear()
        if index < 0:
            return
        choice = self.forms[index]
        for ch in choice.channels:
            self.channel.addItem(channel_name(ch), ch)
        with self.context().db.session() as s:
            definition = svc.checklist_of(s, choice.version_id)
        for field in definition.scenario_fields:
            edit = QLineEdit()
            edit.setObjectName(f"scenario_{field.id}")
            if field.hint:
                edit.setPlaceholderText(field.hint.get(self.language))
            label = field.label.get(self.language) + (" *" if field.required else "")
            self.scenario_box.addRow(label, edit)
            self.scenario_edits[field.id] = edit
        # issue 19: Tab follows the reading order, the scenario (made later) before the buttons
        chain: list[QWidget] = [self.when, *self.scenario_edits.values()]
        chain += self.buttons.buttons()
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _unit_changed(self) -> None:
        unit_id = self.unit.currentData()
        self.employee.clear()
        self.employee.addItem(self.tr("— not identified —"), None)
        for eid, uid, name, badge in self.choices.employees:
            if uid == unit_id:
                self.employee.addItem(f"{name} ({badge})" if badge else name, eid)

    def new_audit(self) -> svc.NewAudit:
        return svc.NewAudit(
            form_version_id=int(self.form.currentData()),
            channel=str(self.channel.currentData()),
            unit_id=int(self.unit.currentData()),
            visited_at=to_datetime(self.when.dateTime()),
            employee_id=self.employee.currentData(),
            observed_note=self.note.text(),
            scenario={k: e.text().strip() for k, e in self.scenario_edits.items()},
        )

    def _start(self) -> None:
        if self.form.currentIndex() < 0 or self.unit.currentIndex() < 0:
            self.error.setText(self.tr("Choose a form and a unit."))
            return
        try:
            self.result_id = svc.start_audit(self.context(), self.new_audit())
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class DisputeDialog(QDialog):
    """Disputes of one audit: raise one (the unit) or decide an open one (HR)."""

    def __init__(
        self, context: Callable[[], AppContext], audit_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dispute"))
        self.context = context
        self.audit_id = audit_id
        self.follow_up_id: int | None = None
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.raised_by = QLineEdit()
        self.raised_by.setObjectName("raised_by")
        self.raised_on = QDateEdit(to_qdate(context().clock.today()))
        self.raised_on.setCalendarPopup(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)  # issue 19: Tab leaves the box, it is no trap
        self.raise_button = QPushButton(self.tr("Record the dispute"))
        self.raise_button.clicked.connect(self._raise)
        self.note = QPlainTextEdit()
        self.note.setObjectName("decision_note")
        self.note.setTabChangesFocus(True)
        self.reject_radio = QRadioButton(self.tr("Rejected"))
        self.reaudit_radio = QRadioButton(self.tr("Upheld – re-audit"))
        self.amend_radio = QRadioButton(self.tr("Upheld – amendment of the answers"))
        self.reject_radio.setChecked(True)
        self.decide_button = QPushButton(self.tr("Decide"))
        self.decide_button.clicked.connect(self._decide)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        raise_form = QFormLayout()
        raise_form.addRow(self.tr("Raised by"), self.raised_by)
        raise_form.addRow(self.tr("Raised on"), self.raised_on)
        raise_form.addRow(self.tr("Reason"), self.reason)
        raise_form.addRow("", self.raise_button)
        decide = QFormLayout()
        decide.addRow(self.tr("Justification"), self.note)
        radios = QVBoxLayout()
        for r in (self.reject_radio, self.reaudit_radio, self.amend_radio):
            radios.addWidget(r)
        decide.addRow(self.tr("Decision"), radios)
        decide.addRow("", self.decide_button)
        self.raise_box = QWidget()
        self.raise_box.setLayout(raise_form)
        self.decide_box = QWidget()
        self.decide_box.setLayout(decide)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        layout.addWidget(self.raise_box)
        layout.addWidget(self.decide_box)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        disputes = fu.disputes_of(self.context(), self.audit_id)
        status_word = self.tr("Status")
        lines = []
        for d in disputes:
            line = (
                f"<b>{d.raised_on:%Y-%m-%d}</b> {d.raised_by}: {d.reason}<br>"
                f"{status_word}: {dispute_status_name(d.status)}"
            )
            if d.decided_on:
                line += f" ({d.decided_on:%Y-%m-%d}, {d.decided_by}): {d.decision_note}"
            if d.follow_up_record_no:
                line += f" → {d.follow_up_record_no}"
            lines.append(line)
        self.history.setText("<br><br>".join(lines) or self.tr("No disputes yet."))
        self.open_dispute = next((d for d in disputes if d.status == "open"), None)
        self.raise_box.setVisible(self.open_dispute is None)
        self.decide_box.setVisible(self.open_dispute is not None)

    def _raise(self) -> None:
        try:
            fu.raise_dispute(
                self.context(),
                self.audit_id,
                self.raised_by.text(),
                self.reason.toPlainText(),
                to_date(self.raised_on.date()),
            )
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.refresh()

    def _decide(self) -> None:
        if self.open_dispute is None:
            return
        outcome = (
            "reaudit"
            if self.reaudit_radio.isChecked()
            else ("amendment" if self.amend_radio.isChecked() else "")
        )
        try:
            self.follow_up_id = fu.decide_dispute(
                self.context(),
                self.open_dispute.id,
                upheld=bool(outcome),
                note=self.note.toPlainText(),
                outcome=outcome,
            )
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.refresh()


class ActionPlanDialog(QDialog):
    """What, who, by when, status; the unit's manager accepts or returns the plan."""

    STATUS = ACTION_STATUSES

    def __init__(
        self, context: Callable[[], AppContext], audit_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action plan"))
        self.resize(760, 420)
        self.context = context
        self.audit_id = audit_id
        self.state = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("actions")
        self.table.setAccessibleName(self.tr("Action plan"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("What"),
                self.tr("Who"),
                self.tr("By (YYYY-MM-DD)"),
                self.tr("Status"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self._save(False))
        self.submit_button = QPushButton(self.tr("Hand over to the manager"))
        self.submit_button.clicked.connect(lambda: self._save(True))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Manager's note (required when returning)"))
        self.note.setAccessibleName(self.tr("Manager's note (required when returning)"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.return_button = QPushButton(self.tr("Return"))
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.return_button.clicked.connect(lambda: self._decide(False))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        edit_row = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.submit_button):
            edit_row.addWidget(b)
        edit_row.addStretch(1)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.note, 1)
        decide_row.addWidget(self.accept_button)
        decide_row.addWidget(self.return_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addLayout(decide_row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.plan = fu.action_plan_of(self.context(), self.audit_id)
        self.table.setRowCount(0)
        if self.plan is None:
            self.state.setText(self.tr("This audit has no action plan."))
            for w in (
                self.add_button,
                self.save_button,
                self.submit_button,
                self.accept_button,
                self.return_button,
                self.note,
            ):
                w.setEnabled(False)
            return
        text = (
            self.tr("Plan for %1: %2")
            .replace("%1", self.plan.record_no)
            .replace("%2", plan_status_name(self.plan.status))
        )
        if self.plan.manager_note:
            text += f" – {self.plan.manager_note}"
        self.state.setText(text)
        for a in self.plan.actions:
            self.add_row(a.what, a.who, a.due.isoformat(), a.status)
        editable = self.plan.may_edit
        self.add_button.setEnabled(editable and self.plan.status != "accepted")
        self.save_button.setEnabled(editable)
        self.submit_button.setEnabled(editable and self.plan.status != "accepted")
        for w in (self.accept_button, self.return_button, self.note):
            w.setEnabled(self.plan.may_decide)

    def add_row(
        self, what: str = "", who: str = "", due: str = "", status: str = "planned"
    ) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        due = due or self.context().clock.today().isoformat()
        for col, value in enumerate((what, who, due)):
            self.table.setItem(row, col, QTableWidgetItem(value))
        choice = QComboBox()  # the value is kept, its translated name shown
        for value in self.STATUS:
            choice.addItem(action_status_name(value), value)
        choice.setCurrentIndex(max(0, choice.findData(status)))
        self.table.setCellWidget(row, 3, choice)
        if not what:
            self.table.setCurrentCell(row, 0)
            first = self.table.item(row, 0)
            if first is not None:
                self.table.editItem(first)

    def plan_actions(self) -> list[fu.ActionInfo]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in range(3)]
            if not any(cells[:2]):
                continue
            try:
                due = date.fromisoformat(cells[2])
            except ValueError:
                raise AuditDeskError(
                    self.tr("Row %1: the date must be YYYY-MM-DD.").replace("%1", str(row + 1))
                ) from None
            out.append(fu.ActionInfo(None, cells[0], cells[1], due, self._status(row)))
        return out

    def _status(self, row: int) -> str:
        choice = self.table.cellWidget(row, 3)
        return str(choice.currentData()) if isinstance(choice, QComboBox) else "planned"

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _save(self, submit: bool) -> None:
        if self.plan is None:
            return
        try:
            fu.save_action_plan(self.context(), self.plan.id, self.plan_actions(), submit=submit)
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.refresh()

    def _decide(self, accept: bool) -> None:
        if self.plan is None:
            return
        try:
            fu.decide_action_plan(
                self.context(), self.plan.id, accept=accept, note=self.note.text()
            )
        except AuditDeskError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.clear()
        self.refresh()


class EvidencePreview(QDialog):
    """Shows an image or text file; other files open in the system's viewer."""

    def __init__(
        self, context: Callable[[], AppContext], evidence_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.info, self.data = svc.evidence_bytes(context(), evidence_id)
        self.setWindowTitle(self.info.file_name)
        self.resize(720, 560)
        meta = QLabel(
            f"{self.info.file_name} · {self.info.mime} · {self.info.size} B<br>"
            f"SHA-256 {self.info.sha256} ✓"
        )
        meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(meta)
        self.kind = "external"
        if self.info.mime.startswith("image/"):
            pixmap = QPixmap()
            if pixmap.loadFromData(self.data):
                label = QLabel()
                label.setObjectName("image")
                label.setPixmap(
                    pixmap.scaled(
                        680,
                        480,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                scroll = QScrollArea()
                scroll.setWidget(label)
                layout.addWidget(scroll, 1)
                self.kind = "image"
        elif self.info.mime.startswith("text/") or self.info.mime == "application/json":
            text = QPlainTextEdit(self.data.decode("utf-8", errors="replace"))
            text.setReadOnly(True)
            layout.addWidget(text, 1)
            self.kind = "text"
        open_button = QPushButton(self.tr("Open in the system viewer"))
        open_button.clicked.connect(self.open_external)
        if self.kind == "external":
            layout.addWidget(
                QLabel(
                    self.tr(
                        "This kind of file (audio, PDF, …) opens in the program your system "
                        "uses for it."
                    )
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_external(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="auditdesk-evidence-"))  # 0700
        target = folder / self.info.file_name
        write_private_bytes(target, self.data)  # 0600: evidence is personal data
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
