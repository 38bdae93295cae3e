"""Issue 14, the window never freezes, fourth round: what a panel costs the GUI thread when it
is first shown (fitting columns to a long table) and the queries moved off the GUI thread in
this round (the cases tab, the appraisal editor, the start panel's import)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import FIT_ROWS, TableView


class CountingModel(RowsModel[int]):
    """500 rows whose cells record which rows were asked for their text."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[int] = set()

    def headers(self) -> list[str]:
        return ["number", "text"]

    def cell(self, row: int, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        self.asked.add(row)
        return str(row) if column == 0 else "x" * (row % 40)


def test_fitting_columns_to_their_contents_measures_the_first_rows_only(qtbot: QtBot) -> None:
    model = CountingModel()
    model.set_rows(range(500))
    view = TableView()
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.resizeColumnsToContents()
    qtbot.wait(20)
    # the first FIT_ROWS rows and the visible ones, not all 500 (Qt's default measures 1,000)
    assert max(model.asked) < 2 * FIT_ROWS
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("x" * 39)
