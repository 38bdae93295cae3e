"""The audit list: a table model fed plain rows, page by page (fetchMore), sorted in the
database; data() never queries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from auditdesk.services.audits import SORT_KEYS, AuditPage, AuditSummary
from auditdesk.ui.labels import audit_status_name, channel_name, percent, verdict_name
from auditdesk.ui.rows_model import Index, RowsModel

PAGE = 500
# reads the page (offset, limit) elsewhere and hands it, or None when it was dropped, to the
# callback on the GUI thread
PageRequest = Callable[[int, int, Callable[[AuditPage | None], None]], None]


# column key (also the sort key in the service) and header
COLUMNS: list[tuple[str, str]] = [
    ("record_no", "Record"),
    ("visited_at", "Date"),
    ("channel", "Channel"),
    ("unit", "Unit"),
    ("employee", "Observed"),
    ("auditor", "Auditor"),
    ("status", "Status"),
    ("score", "Score"),
    ("verdict", "Verdict"),
]
assert all(key in SORT_KEYS for key, _ in COLUMNS)


def headers() -> list[str]:
    return [
        QCoreApplication.translate("AuditListModel", "Record"),
        QCoreApplication.translate("AuditListModel", "Date"),
        QCoreApplication.translate("AuditListModel", "Channel"),
        QCoreApplication.translate("AuditListModel", "Unit"),
        QCoreApplication.translate("AuditListModel", "Observed"),
        QCoreApplication.translate("AuditListModel", "Auditor"),
        QCoreApplication.translate("AuditListModel", "Status"),
        QCoreApplication.translate("AuditListModel", "Score"),
        QCoreApplication.translate("AuditListModel", "Verdict"),
    ]


class AuditListModel(RowsModel[AuditSummary]):
    """Rows arrive in pages from `fetch(offset, limit) -> AuditPage`, or, with `request`, the
    next page is asked for and appended when it comes (issue 14: reading it on the GUI thread
    held the window ~50-75 ms on 100,000 audits); `reading` says a page is on its way."""

    def __init__(
        self,
        fetch: Callable[[int, int], AuditPage] | None = None,
        request: PageRequest | None = None,
    ) -> None:
        super().__init__()
        self.total = 0
        self.fetch = fetch
        self.request = request
        self.reading = False
        self._epoch = 0  # of set_rows: a page asked for before the list was replaced is dropped

    def headers(self) -> list[str]:
        return headers()

    def column_count(self) -> int:
        return len(COLUMNS)

    def set_rows(self, rows: Iterable[AuditSummary], total: int = 0) -> None:
        rows = list(rows)
        self.total = max(total, len(rows))
        self._epoch += 1
        self.reading = False
        super().set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        source = self.fetch is not None or self.request is not None
        return not parent.isValid() and source and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self.reading:
            return
        if self.request is not None:
            self.reading = True
            epoch, offset = self._epoch, len(self.rows)

            def arrived(page: AuditPage | None) -> None:
                if epoch != self._epoch or offset != len(self.rows):
                    return  # the list was read again meanwhile
                self.reading = False
                if page is not None:
                    self._append(page)

            self.request(offset, PAGE, arrived)
            return
        if self.fetch is not None:
            self._append(self.fetch(len(self.rows), PAGE))

    def _append(self, page: AuditPage) -> None:
        if not page.rows:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self.rows.extend(page.rows)
        self.endInsertRows()

    def cell(self, r: AuditSummary, column: int, role: int) -> Any:
        key = COLUMNS[column][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("score", "verdict") and r.critical_failure:
                return QBrush(QColor("#b00020"))
            if r.superseded:
                return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if r.critical_failure:
                return QCoreApplication.translate("AuditListModel", "Critical failure")
            if r.superseded:
                return QCoreApplication.translate(
                    "AuditListModel", "Replaced by an amendment or re-audit"
                )
            return r.scenario_summary or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, r: AuditSummary, key: str) -> str:
        if key == "record_no":
            return r.record_no + ("*" if r.kind != "original" else "")
        if key == "visited_at":
            return f"{r.visited_at:%Y-%m-%d %H:%M}"
        if key == "channel":
            return channel_name(r.channel)
        if key == "unit":
            return r.unit_code
        if key == "employee":
            return r.employee_name or r.observed_note
        if key == "auditor":
            return r.auditor_name
        if key == "status":
            return audit_status_name(r.status)
        if key == "score":
            return percent(r.score)
        if key == "verdict":
            return ("⚠ " if r.critical_failure else "") + verdict_name(r.verdict, r.verdict_label)
        return ""
