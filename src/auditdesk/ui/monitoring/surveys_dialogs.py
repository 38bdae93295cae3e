"""Dialogs of the Surveys tab: a new campaign, the column mapping of an imported file and the
report of the rows an import could not read."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.surveys.imports import DATE, NUMBER, UNIT


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


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
        self.start = QDateEdit(_qdate(today.replace(day=1)))
        self.start.setObjectName("from")
        self.end = QDateEdit(_qdate(today))
        self.end.setObjectName("to")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
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
            period_from=_date(self.start.date()),
            period_to=_date(self.end.date()),
            unit_id=self.unit.currentData(),
            notes=self.notes.toPlainText(),
        )


class MappingDialog(QDialog):
    """Which question each column of the file holds; prefilled with the remembered mapping."""

    def __init__(
        self,
        file_name: str,
        header: list[str],
        form: SurveyForm,
        mapping: dict[str, str],
        rows: int,
        language: str = "pl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import responses: columns"))
        self.header = header
        info = QLabel(
            self.tr("%1: %2 row(s). Say which question each column holds.")
            .replace("%1", file_name)
            .replace("%2", str(rows))
        )
        info.setWordWrap(True)
        self.table = QTableWidget(len(header), 2)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Question")])
        self.combos: list[QComboBox] = []
        targets: list[tuple[str, str]] = [
            ("", self.tr("(ignore)")),
            (NUMBER, self.tr("Questionnaire no.")),
            (DATE, self.tr("Date")),
            (UNIT, self.tr("Unit code")),
        ]
        for block in form.blocks:
            for q in block.questions:
                targets.append((q.id, f"{q.id}: {q.text.get(language)}"))
        for row, column in enumerate(header):
            self.table.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox()
            for value, text in targets:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, ""))))
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def mapping(self) -> dict[str, str]:
        return {
            column: str(combo.currentData())
            for column, combo in zip(self.header, self.combos, strict=True)
            if combo.currentData()
        }
