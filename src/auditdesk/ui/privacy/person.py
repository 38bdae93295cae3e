"""HR's person page (issue 19): find an employee, see what is held about them in counts, who
read their appraisals and their earlier requests; export everything (PDF and JSON beside it),
record a rectification or a restriction (or its lifting) and the end of the employment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.dates import format_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.context import AppContext
from auditdesk.services.privacy import (
    PersonData,
    ReadView,
    RequestView,
    export_person,
    find_employee,
    person_data,
    record_request,
    set_employment_end,
)
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import language
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.privacy.names import request_kind_name
from auditdesk.ui.privacy.retention import table
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import ColumnsModel


def ask_pdf(parent: QWidget, suggested: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Privacy", "Save the person's data"),
        suggested,
        QCoreApplication.translate("Privacy", "PDF (*.pdf)"),
    )
    return Path(path) if path else None


AskPath = Callable[[QWidget, str], Path | None]


@dataclass(frozen=True)
class RequestAnswer:
    kind: str
    note: str


class RequestDialog(QDialog):
    """A request about the person's data and what was done."""

    KINDS = ("rectification", "restriction", "restriction_lifted")

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RequestDialog")
        self.setWindowTitle(self.tr("Request of {0}").format(name))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.setAccessibleName(self.tr("Kind of request"))
        for kind in self.KINDS:
            self.kind.addItem(request_kind_name(kind), kind)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("What was asked and what was done"))
        self.note.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        kind_label = QLabel(self.tr("&Request:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        note_label = QLabel(self.tr("&What was asked and done:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        form.addRow(buttons)

    def answer(self) -> RequestAnswer:
        return RequestAnswer(str(self.kind.currentData()), self.note.toPlainText())


AskRequest = Callable[[QWidget, str], RequestAnswer | None]


def ask_request(parent: QWidget, name: str) -> RequestAnswer | None:
    dialog = RequestDialog(name, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


def reads_model() -> ColumnsModel[ReadView]:
    return ColumnsModel[ReadView](
        [
            (
                QCoreApplication.translate("Privacy", "When"),
                lambda r: r.local_at.strftime("%d.%m.%Y %H:%M"),
            ),
            (QCoreApplication.translate("Privacy", "Who"), lambda r: r.reader),
            (
                QCoreApplication.translate("Privacy", "Appraisal"),
                lambda r: r.record or f"#{r.entity_id}",
            ),
        ]
    )


def requests_model() -> ColumnsModel[RequestView]:
    return ColumnsModel[RequestView](
        [
            (QCoreApplication.translate("Privacy", "Date"), lambda r: format_date(r.noted_on)),
            (QCoreApplication.translate("Privacy", "Request"), lambda r: request_kind_name(r.kind)),
            (QCoreApplication.translate("Privacy", "Note"), lambda r: r.note),
            (QCoreApplication.translate("Privacy", "Recorded by"), lambda r: r.noted_by),
        ]
    )


class PersonTab(QWidget):
    def __init__(
        self,
        deps: PanelDeps,
        ask_path: AskPath = ask_pdf,
        ask_for_request: AskRequest = ask_request,
    ) -> None:
        super().__init__()
        self.setObjectName("PersonTab")
        self.deps = deps
        self.ask_path = ask_path
        self.ask_for_request = ask_for_request
        self.data: PersonData | None = None

        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(self.tr("number, badge, login or last name"))
        self.search.setAccessibleName(self.tr("Employee to look up"))
        self.find_button = QPushButton(self.tr("F&ind"))
        self.find_button.setObjectName("find")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.summary.setAccessibleName(self.tr("What is held about the person"))
        self.export_button = QPushButton(self.tr("&Export (PDF and JSON)…"))
        self.export_button.setObjectName("export")
        self.request_button = QPushButton(self.tr("Record a &request…"))
        self.request_button.setObjectName("request")
        self.ended = QCheckBox(self.tr("Employment en&ded on"))
        self.ended.setObjectName("ended")
        self.ended_on = QDateEdit()
        self.ended_on.setObjectName("endedOn")
        self.ended_on.setCalendarPopup(True)
        self.ended_on.setDisplayFormat("dd.MM.yyyy")
        self.ended_on.setAccessibleName(self.tr("Day the employment ended"))
        # today from the context's clock until a person is found, never Qt's 01.01.2000
        self.ended_on.setDate(to_qdate(self.ctx().clock.today()))
        self.ended_button = QPushButton(self.tr("&Save"))
        self.ended_button.setObjectName("saveEnded")
        self.ended_button.setAccessibleName(self.tr("Save the end of employment"))
        self.reads = reads_model()
        self.reads_view = table(self.reads, self.tr("Who read the person's appraisals"))
        self.reads_view.setObjectName("readsTable")
        self.requests = requests_model()
        self.requests_view = table(self.requests, self.tr("Requests about the person's data"))
        self.requests_view.setObjectName("requestsTable")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        find_row = QHBoxLayout()
        search_label = QLabel(self.tr("E&mployee:"))
        search_label.setBuddy(self.search)
        find_row.addWidget(search_label)
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.find_button)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.request_button)
        actions.addStretch(1)
        actions.addWidget(self.ended)
        actions.addWidget(self.ended_on)
        actions.addWidget(self.ended_button)
        lists = QTabWidget()
        lists.setObjectName("personLists")
        lists.addTab(self.reads_view, self.tr("Who read the &appraisals"))
        lists.addTab(self.requests_view, self.tr("Re&quests"))
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(lists, 1)
        layout.addWidget(self.message)

        self.search.returnPressed.connect(self.find_person)
        self.find_button.clicked.connect(self.find_person)
        self.export_button.clicked.connect(self.export)
        self.request_button.clicked.connect(self.request)
        self.ended_button.clicked.connect(self.save_ended)
        self.ended.toggled.connect(self.ended_on.setEnabled)
        self._show(None)

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

    def find_person(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        try:
            employee_id = find_employee(self.ctx(), text)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.load(employee_id)

    def load(self, employee_id: int) -> None:
        try:
            data = person_data(self.ctx(), employee_id)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self._show(data)
        self.say("")

    def _show(self, data: PersonData | None) -> None:
        self.data = data
        for widget in (self.export_button, self.request_button, self.ended, self.ended_button):
            widget.setEnabled(data is not None)
        if data is None:
            self.summary.setText(self.tr("Find an employee to see what is held about them."))
            self.ended_on.setEnabled(False)
            self.reads.set_rows([])
            self.requests.set_rows([])
            return
        restricted = (
            self.tr("<b>Processing is restricted</b>: the retention run leaves their records.")
            if data.restricted
            else ""
        )
        self.summary.setText(
            self.tr(
                "<b>{0}</b> (#{1}), {2}, {3}<br>Appraisals: {4}; development areas: {5}; "
                "feedback notes: {6}; audits as the observed official: {7}; complaints naming "
                "them: {8}; trail entries: {9}<br>{10}"
            ).format(
                data.name,
                data.employee_id,
                data.position,
                data.unit,
                len(data.appraisals),
                len(data.development_areas),
                len(data.feedback_notes),
                len(data.audits),
                len(data.complaints),
                len(data.trail),
                restricted,
            )
        )
        today = self.ctx().clock.today()
        self.ended.setChecked(data.employment_ended_on is not None)
        self.ended_on.setMaximumDate(to_qdate(today))
        self.ended_on.setDate(to_qdate(data.employment_ended_on or today))
        self.ended_on.setEnabled(data.employment_ended_on is not None)
        self.reads.set_rows(data.reads)
        self.requests.set_rows(data.requests)

    def export(self) -> None:
        data = self.data
        if data is None:
            return
        slug = "".join(c if c.isalnum() else "-" for c in data.name).strip("-").lower()
        pdf = self.ask_path(self, f"dane-{slug}.pdf")
        if pdf is None:
            return
        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_name(pdf.name + ".pdf")
        json_path = pdf.with_suffix(".json")
        ctx = self.ctx()
        lang = language()

        def done(_data: PersonData) -> None:
            self.load(data.employee_id)
            self.say(self.tr("Saved {0} and {1}.").format(pdf, json_path.name))

        self.deps.runner.submit(
            lambda _p: export_person(ctx, data.employee_id, pdf, json_path, lang),
            done,
            self.fail,
            title=self.tr("Exporting the person's data…"),
            parent=self,
        )

    def request(self) -> None:
        data = self.data
        if data is None:
            return
        answer = self.ask_for_request(self, data.name)
        if answer is None:
            return
        try:
            record_request(self.ctx(), data.employee_id, answer.kind, answer.note)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.load(data.employee_id)
        self.say(self.tr("Recorded: {0}.").format(request_kind_name(answer.kind)))

    def save_ended(self) -> None:
        data = self.data
        if data is None:
            return
        day: date | None = to_date(self.ended_on.date()) if self.ended.isChecked() else None
        try:
            set_employment_end(self.ctx(), data.employee_id, day)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.load(data.employee_id)
        self.say(
            self.tr("Employment ended on {0}.").format(format_date(day))
            if day
            else self.tr("Recorded as still employed.")
        )
