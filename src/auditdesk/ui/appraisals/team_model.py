"""The team table: plain TeamRows in, nothing queried from data()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from auditdesk.services.appraisals.overview import TeamRow
from auditdesk.ui.appraisals.widgets import fmt_date
from auditdesk.ui.labels import appraisal_kind_name, due_status_name

Index = QModelIndex | QPersistentModelIndex


STATUS_COLOURS = {
    "overdue": "#f8d7da",
    "due_30": "#fff3cd",
    "due_60": "#fdf8e4",
    "in_progress": "#dbe9f6",
}


SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class TeamModel(QAbstractTableModel):
    COLUMNS = 8

    def __init__(self, language: str = "pl") -> None:
        super().__init__()
        self.rows: list[TeamRow] = []
        self.language = language
        # each row's texts, built once per set of rows (issue 14: fitting the columns asked
        # each cell several times, and each time built the whole row: up to 75 ms on the GUI
        # thread when the team list came)
        self._texts: dict[int, list[str]] = {}

    def set_rows(self, rows: list[TeamRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._texts.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            QCoreApplication.translate("TeamModel", "Employee"),
            QCoreApplication.translate("TeamModel", "Unit"),
            QCoreApplication.translate("TeamModel", "Position"),
            QCoreApplication.translate("TeamModel", "Last appraisal"),
            QCoreApplication.translate("TeamModel", "Result"),
            QCoreApplication.translate("TeamModel", "Next due"),
            QCoreApplication.translate("TeamModel", "Reason"),
            QCoreApplication.translate("TeamModel", "Status"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = self._texts.get(index.row())
            if values is None:
                values = self._texts[index.row()] = self._row_texts(r)
            return values[col] if 0 <= col < len(values) else None
        return self._other(r, col, role)

    def _row_texts(self, r: TeamRow) -> list[str]:
        flags = ""
        if r.promotion:
            flags = " ▲"
        if r.hr_warning:
            flags = " ⚠"
        return [
            r.employee + flags,
            r.unit,
            r.position,
            f"{r.last_record} ({fmt_date(r.last_made_on)})" if r.last_record else "—",
            r.last_level or "—",
            fmt_date(r.due),
            appraisal_kind_name(r.due_reason),
            due_status_name(r.status),
        ]

    def _other(self, r: TeamRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            en = self.language == "en"
            rule = (r.due_rule_en if en else r.due_rule_pl) if col == 5 else ""
            streak = r.streak_en if en else r.streak_pl
            return "\n".join(x for x in (rule, streak) if x) or None
        if role == Qt.ItemDataRole.BackgroundRole and col == 7 and r.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[r.status]))
        if role == Qt.ItemDataRole.UserRole:
            return r.employee_id
        if role == SORT_ROLE:
            order = ["overdue", "due_30", "in_progress", "due_60", "not_due", "unknown"]
            keys = [
                f"{r.employee.split()[-1]} {r.employee}",
                r.unit,
                r.position,
                r.last_made_on.isoformat() if r.last_made_on else "",
                r.last_level or "",
                r.due.isoformat() if r.due else "9999",
                r.due_reason,
                f"{order.index(r.status) if r.status in order else 9}{r.due or ''}",
            ]
            return keys[col] if 0 <= col < len(keys) else None
        return None
