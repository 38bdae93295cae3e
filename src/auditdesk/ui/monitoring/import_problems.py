"""The report of a refused import, shared by the monitoring tabs: every value the import could
not read, with its line, column, the value itself and what is wrong with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.ui.table_view import enable_table_actions


class ImportProblemsDialog(QDialog):
    """`rows` are (line, column, value, what is wrong), the last already in the window's
    language; `message` says what happened to the file."""

    def __init__(
        self,
        message: str,
        rows: Sequence[tuple[int, str, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importProblems")
        self.setWindowTitle(self.tr("Import refused"))
        label = QLabel(message)
        label.setWordWrap(True)
        self.table = QTableWidget(len(rows), 4)
        self.table.setObjectName("problems")
        enable_table_actions(self.table)
        self.table.setAccessibleName(self.tr("Problems found in the file"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Column"), self.tr("Value"), self.tr("What is wrong")]
        )
        for r, (line, column, value, problem) in enumerate(rows):
            for c, text in enumerate((str(line), column, value, problem)):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(760, 420)
