"""The column-mapping dialog of a case-register import: the first rows of the file, a combo per
field (the remembered mapping, or a guess from the Polish column names, preselected) and the
name to remember the mapping under. The problems of a refused import are error templates, shown
by ui/monitoring/import_problems.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.case_rows import FIELDS, REQUIRED
from auditdesk.services.monitoring.cases.imports import Preview


def field_label(field: str) -> str:
    """The translated name of a register field."""
    labels = {
        "sign": QCoreApplication.translate("CaseFields", "Case sign"),
        "unit": QCoreApplication.translate("CaseFields", "Unit"),
        "jrwa": QCoreApplication.translate("CaseFields", "JRWA class"),
        "title": QCoreApplication.translate("CaseFields", "Title"),
        "started_on": QCoreApplication.translate("CaseFields", "Start date"),
        "settled_on": QCoreApplication.translate("CaseFields", "Settlement date"),
        "category": QCoreApplication.translate("CaseFields", "Category"),
        "due_on": QCoreApplication.translate("CaseFields", "Due date (EZD)"),
        "suspension_days": QCoreApplication.translate("CaseFields", "Days not counted"),
        "suspended": QCoreApplication.translate("CaseFields", "Suspended (yes/no)"),
        "suspended_from": QCoreApplication.translate("CaseFields", "Suspended from"),
        "suspended_to": QCoreApplication.translate("CaseFields", "Suspended until"),
        "handler": QCoreApplication.translate("CaseFields", "Handler"),
        "remarks": QCoreApplication.translate("CaseFields", "Remarks"),
    }
    return labels.get(field, FIELDS.get(field, field))


class CaseMappingDialog(QDialog):
    """Which column of the file holds which field; OK once the required ones are mapped."""

    def __init__(self, preview: Preview, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseMappingDialog")
        self.setWindowTitle(self.tr("Map the columns of %1").replace("%1", file_name))
        self.preview = preview
        layout = QVBoxLayout(self)
        encoding = preview.encoding if preview.encoding != "xlsx" else "XLSX"
        info = self.tr("Encoding: %1. The first rows of the file:").replace("%1", encoding)
        layout.addWidget(QLabel(info))
        table = QTableWidget(len(preview.rows), len(preview.header))
        table.setObjectName("casePreview")
        table.setHorizontalHeaderLabels(preview.header)
        for r, cells in enumerate(preview.rows):
            for c, value in enumerate(cells[: len(preview.header)]):
                table.setItem(r, c, QTableWidgetItem(value))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMaximumHeight(220)
        layout.addWidget(table)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.addItem(self.tr("(not in the file)"), -1)
            for index, name in enumerate(preview.header):
                combo.addItem(name or self.tr("column %1").replace("%1", str(index + 1)), index)
            chosen = preview.mapping.get(field)
            if chosen is not None:
                combo.setCurrentIndex(combo.findData(chosen))
            combo.currentIndexChanged.connect(self._check)
            label = field_label(field) + (" *" if field in REQUIRED else "")
            form.addRow(label, combo)
            self.combos[field] = combo
        self.remember = QLineEdit(preview.mapping_name or "EZD")
        self.remember.setObjectName("rememberAs")
        self.remember.setToolTip(
            self.tr(
                "The mapping is remembered under this name and chosen again for files with "
                "the same header row."
            )
        )
        self.remember.textChanged.connect(self._check)
        form.addRow(self.tr("Remember as"), self.remember)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("mappingHint")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def mapping(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for field, combo in self.combos.items():
            index = int(combo.currentData())
            if index >= 0:
                out[field] = index
        return out

    def remember_as(self) -> str:
        return self.remember.text().strip()

    def _check(self) -> None:
        mapping = self.mapping()
        missing = [field_label(f) for f in REQUIRED if f not in mapping]
        if missing:
            self.hint.setText(self.tr("Choose the column of: %1").replace("%1", ", ".join(missing)))
        elif not self.remember_as():
            self.hint.setText(self.tr("Give the mapping a name to remember it by."))
        else:
            self.hint.setText("")
        self.ok_button.setEnabled(not missing and bool(self.remember_as()))
