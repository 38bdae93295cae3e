"""Dialogs of the Surveys tab: a new campaign, and what a column of an imported file can hold
(the mapping dialog itself is the monitoring imports' one, ui/monitoring/import_mapping.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.surveys.imports import DATE, NUMBER, UNIT
from auditdesk.ui.qdates import to_date, to_qdate


class NewCampaignDialog(QDialog):
    def __init__(
        self,
        forms: list[svc.SurveyFormChoice],
        units: list[svc.UnitChoice],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New survey campaign"))
        self.form = QComboBox()
        self.form.setObjectName("form")
        for f in forms:
            self.form.addItem(f"{f.title} ({f.edition})", f.version_id)
        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("The whole office"), None)
        for u in units:
            self.unit.addItem(f"{u.code}  {u.name}", u.id)
        self.start = QDateEdit(to_qdate(today.replace(day=1)))
        self.start.setObjectName("from")
        self.end = QDateEdit(to_qdate(today))
        self.end.setObjectName("to")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)  # issue 19: Tab leaves the box, it is no trap
        self.notes.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Form"), self.form)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> svc.NewCampaign:
        return svc.NewCampaign(
            form_version_id=int(self.form.currentData()),
            title=self.title.text(),
            period_from=to_date(self.start.date()),
            period_to=to_date(self.end.date()),
            unit_id=self.unit.currentData(),
            notes=self.notes.toPlainText(),
        )


def survey_targets(form: SurveyForm, language: str = "pl") -> list[tuple[str, str, bool]]:
    """What a column of a survey file can hold, for the import's mapping dialog: the
    questionnaire number, date and unit code, then each question of the form."""
    targets: list[tuple[str, str, bool]] = [
        (NUMBER, QCoreApplication.translate("MappingDialog", "Questionnaire no."), False),
        (DATE, QCoreApplication.translate("MappingDialog", "Date"), False),
        (UNIT, QCoreApplication.translate("MappingDialog", "Unit code"), False),
    ]
    for block in form.blocks:
        for q in block.questions:
            targets.append((q.id, f"{q.id}: {q.text.get(language)}", False))
    return targets
