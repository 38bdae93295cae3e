"""Table models of the Indicators tab (plain rows in, `data()` never queries) and the few
helpers that format their cells: the register and the deadline list, the monthly summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from auditdesk.domain.dates import format_date
from auditdesk.domain.indicators import Timeliness, nearing
from auditdesk.domain.numbers import format_percent, format_percent_range
from auditdesk.services.monitoring import indicators as svc
from auditdesk.ui.labels import indicator_channel_name, indicator_kind_name, indicator_outcome_name
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView

OVERDUE = QColor("#b00020")
NEARING = QColor("#8a5a00")


_d = format_date  # dd.mm.yyyy, "" for no date (domain.dates)


def timeliness_name(t: Timeliness, days_late: int) -> str:
    if t == Timeliness.ON_TIME:
        return QCoreApplication.translate("Indicators", "On time")
    if t == Timeliness.LATE:
        return QCoreApplication.translate("Indicators", "Late by %1 day(s)").replace(
            "%1", str(days_late)
        )
    if t == Timeliness.OPEN_OVERDUE:
        return QCoreApplication.translate("Indicators", "Open, overdue by %1 day(s)").replace(
            "%1", str(days_late)
        )
    if t == Timeliness.OPEN:
        return QCoreApplication.translate("Indicators", "Open")
    return QCoreApplication.translate("Indicators", "No deadline")


class EntriesModel(RowsModel[svc.EntryRow]):
    def __init__(self, today: Callable[[], date]) -> None:
        super().__init__()
        self.today = today

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Indicators", "Reference"),
            QCoreApplication.translate("Indicators", "Kind"),
            QCoreApplication.translate("Indicators", "Received"),
            QCoreApplication.translate("Indicators", "Channel"),
            QCoreApplication.translate("Indicators", "Unit"),
            QCoreApplication.translate("Indicators", "Employee"),
            QCoreApplication.translate("Indicators", "Deadline"),
            QCoreApplication.translate("Indicators", "Settled"),
            QCoreApplication.translate("Indicators", "Outcome"),
            QCoreApplication.translate("Indicators", "Timeliness"),
            QCoreApplication.translate("Indicators", "Summary"),
        ]

    def cell(self, row: svc.EntryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.timeliness in (Timeliness.OPEN_OVERDUE, Timeliness.LATE):
                return QBrush(OVERDUE)
            if nearing(row.due_on, row.settled_on, self.today()):
                return QBrush(NEARING)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return row.due_rule or None
        if role == Qt.ItemDataRole.ToolTipRole and column != 10:  # what the colour means
            if row.timeliness in (Timeliness.OPEN_OVERDUE, Timeliness.LATE):
                return QCoreApplication.translate("Indicators", "Past its deadline")
            if nearing(row.due_on, row.settled_on, self.today()):
                return QCoreApplication.translate("Indicators", "Due within 7 days")
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == 10:
            return row.summary
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.shown(row, self._texts)[column]

    def _texts(self, row: svc.EntryRow) -> list[str]:
        kind = indicator_kind_name(row.kind)
        if row.from_representative:
            kind += " ★"
        return [
            row.reference,
            kind,
            _d(row.received_on),
            indicator_channel_name(row.channel),
            row.unit_code,
            row.employee_name,
            _d(row.due_on),
            _d(row.settled_on),
            indicator_outcome_name(row.outcome),
            timeliness_name(row.timeliness, row.days_late),
            row.summary.splitlines()[0] if row.summary else "",
        ]


class SummaryModel(RowsModel[svc.SummaryRow]):
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Indicators", "Month"),
            QCoreApplication.translate("Indicators", "Unit"),
            QCoreApplication.translate("Indicators", "Kind"),
            QCoreApplication.translate("Indicators", "Received"),
            QCoreApplication.translate("Indicators", "Settled"),
            QCoreApplication.translate("Indicators", "On time"),
            QCoreApplication.translate("Indicators", "Late"),
            QCoreApplication.translate("Indicators", "Open, overdue"),
            QCoreApplication.translate("Indicators", "Justified"),
            QCoreApplication.translate("Indicators", "Partly"),
            QCoreApplication.translate("Indicators", "Unjustified"),
            QCoreApplication.translate("Indicators", "Passed on"),
        ]

    def cell(self, row: svc.SummaryRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in (6, 7):
            value = row.late if column == 6 else row.open_overdue
            return QBrush(OVERDUE) if value else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [
            row.month_label,
            row.unit_code,
            indicator_kind_name(row.kind),
            row.received,
            row.settled,
            row.on_time,
            row.late,
            row.open_overdue,
            row.justified,
            row.partly,
            row.unjustified,
            row.passed_on,
        ]
        return str(values[column])


FIT_ROWS = 60


def make_table(name: str, model: RowsModel[Any]) -> QTableView:
    view = TableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    # fitting the columns measures the first rows only (issue 14: measuring every one of a
    # 500-row page's cells held the GUI thread 50-90 ms when the register came)
    view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    return view


def share_text(k: int, n: int, interval: tuple[float, float] | None, language: str) -> str:
    if n == 0 or interval is None:
        return "–"

    share = format_percent(100 * k / n, 1, language)
    low, high = 100 * interval[0], 100 * interval[1]
    return f"{k}/{n} = {share} (95%: {format_percent_range(low, high, 1, language)})"
