"""The Protocols panel: the register of signed protocols, HR bulk export, verification."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.services import protocols
from auditdesk.ui.errors import error_text
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.actions import (
    open_bulk_export_dialog,
    open_protocol_dialog,
    verify_file_dialog,
)
from auditdesk.ui.table_view import TableView

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Column:
    title: str
    getter: Any


class SignedTableModel(QAbstractTableModel):
    """Plain rows in, nothing queried in data()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[protocols.SignedRow] = []
        kinds = {"audit": self.tr("Audit"), "appraisal": self.tr("Appraisal")}
        self.columns = [
            _Column(self.tr("Record"), lambda r: r.record_number),
            _Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            _Column(self.tr("Signer"), lambda r: r.signer),
            _Column(
                self.tr("Signed (UTC)"),
                lambda r: r.signed_at.strftime("%d.%m.%Y %H:%M") if r.signed_at else "",
            ),
            _Column(self.tr("Level"), lambda r: r.level),
            _Column(self.tr("SHA-256"), lambda r: r.sha256),
        ]

    def set_rows(self, rows: list[protocols.SignedRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[index.column()].getter(self.rows[index.row()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


class ProtocolsPanel(QWidget):
    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export for HR…"))
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.export_button.clicked.connect(lambda: open_bulk_export_dialog(self, self.deps))
        self.verify_button = QPushButton(self.tr("&Verify a signed PDF…"))
        self.verify_button.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.verify_button.clicked.connect(lambda: verify_file_dialog(self, self.deps))
        self.open_button = QPushButton(self.tr("&Open protocol"))
        self.open_button.clicked.connect(self.open_current)
        for b in (self.export_button, self.verify_button, self.open_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = SignedTableModel(self)
        self.table = TableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Signed protocols"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        layout.addWidget(self.table, 1)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_current)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = protocols.list_signed(self.deps.context())
        except Exception as exc:  # e.g. an auditor: no register, but verification still works
            self.model.set_rows([])
            self.message.setText(error_text(exc))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.model.set_rows(rows)
        self.message.setText(self.tr("Signed protocols: %1").replace("%1", str(len(rows))))
        self.table.resizeColumnsToContents()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        open_protocol_dialog(self, self.deps, row.kind, row.record_id)
        self.refresh()
