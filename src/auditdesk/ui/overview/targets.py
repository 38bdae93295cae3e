"""Targets per indicator and unit, set by HR in the window (issue 17): the list of targets
(office-wide ones, and a unit's own that takes their place for that unit), and a line to set or
replace one ('≥ 90 % on time') or remove the selected one. The overview's lights follow them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.access import Permission, allowed
from auditdesk.services.context import AppContext
from auditdesk.services.overview import Target, delete_target, set_target, targets
from auditdesk.services.overview.actions import unit_choices
from auditdesk.services.overview.targets import KNOWN
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import language
from auditdesk.ui.overview.actions import target_names
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView


class TargetsModel(RowsModel[Target]):
    def __init__(self, codes: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = codes

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Targets", "Indicator"),
            QCoreApplication.translate("Targets", "Unit"),
            QCoreApplication.translate("Targets", "Target (%)"),
        ]

    def cell(self, row: Target, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return target_names().get(row.indicator, row.indicator)
        if column == 1:
            if row.unit_id is None:
                return QCoreApplication.translate("Targets", "Whole office (every unit)")
            return self.codes.get(row.unit_id, str(row.unit_id))
        return row.text_in(language())


class TargetsDialog(QDialog):
    """HR and administrators set and remove targets; others are refused by the services and
    do not get this dialog from the overview."""

    def __init__(self, context: Callable[[], AppContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False
        self.setWindowTitle(QCoreApplication.translate("Targets", "Targets"))
        self.units = unit_choices(context())
        self.model = TargetsModel({uid: code for uid, code, _n in self.units}, self)
        self.table = TableView()
        self.table.setObjectName("targets_table")
        self.table.setAccessibleName(QCoreApplication.translate("Targets", "Targets"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.indicator = QComboBox()
        for key in KNOWN:
            self.indicator.addItem(target_names()[key], key)
        self.unit = QComboBox()
        self.unit.addItem(QCoreApplication.translate("Targets", "Whole office (every unit)"), None)
        for uid, code, name in self.units:
            self.unit.addItem(code, uid)
            self.unit.setItemData(self.unit.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.direction = QComboBox()
        self.direction.addItem(QCoreApplication.translate("Targets", "at least ≥"), True)
        self.direction.addItem(QCoreApplication.translate("Targets", "at most ≤"), False)
        self.value = QDoubleSpinBox()
        self.value.setRange(0, 100)
        self.value.setDecimals(1)
        self.value.setSuffix(" %")
        self.value.setValue(90)
        for widget, name in (
            (self.indicator, QCoreApplication.translate("Targets", "Indicator")),
            (self.unit, QCoreApplication.translate("Targets", "Unit")),
            (self.direction, QCoreApplication.translate("Targets", "At least or at most")),
            (self.value, QCoreApplication.translate("Targets", "Target (%)")),
        ):
            widget.setAccessibleName(name)
        self.set_button = QPushButton(QCoreApplication.translate("Targets", "&Set"))
        self.set_button.setToolTip(
            QCoreApplication.translate(
                "Targets", "Set this target, replacing the indicator's target for the unit"
            )
        )
        self.remove_button = QPushButton(QCoreApplication.translate("Targets", "&Remove selected"))
        self.set_button.clicked.connect(lambda: self.set_one())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        line = QHBoxLayout()
        for part in (self.indicator, self.unit, self.direction, self.value, self.set_button):
            line.addWidget(part)
        self.message = QLabel(
            QCoreApplication.translate(
                "Targets",
                "A unit's own target takes the place of the office-wide one for that unit.",
            )
        )
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(line)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        writable = allowed(context().actor, Permission.MANAGE_CASES)
        for button in (self.set_button, self.remove_button):
            button.setEnabled(writable)
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(targets(self.context()))

    def set_one(self) -> None:
        try:
            set_target(
                self.context(),
                str(self.indicator.currentData()),
                self.value.value(),
                unit_id=self.unit.currentData(),
                at_least=bool(self.direction.currentData()),
            )
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.changed = True
        self.reload()

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        try:
            delete_target(self.context(), row.indicator, row.unit_id)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.changed = True
        self.reload()
