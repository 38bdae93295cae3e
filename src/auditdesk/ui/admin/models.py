"""Table models of the administration panel, fed plain rows through set_rows()."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from auditdesk.services.backups import BackupInfo
from auditdesk.services.trail_view import TrailRow
from auditdesk.services.users import UserRow

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("AdminModels", text)


class RowsModel(QAbstractTableModel, Generic[R]):
    """Columns are (header, value-of-row) pairs; data() only reads the rows it was given."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[R], Any]]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> R:
        return self._rows[index]

    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        value = self._columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return str(section + 1)


def role_name(value: str) -> str:
    names = {
        "auditor": _tr("auditor"),
        "supervisor": _tr("supervisor"),
        "hr": _tr("HR"),
        "admin": _tr("administrator"),
    }
    return names.get(value, value)


def users_model() -> RowsModel[UserRow]:
    return RowsModel[UserRow](
        [
            (_tr("Login"), lambda u: u.login),
            (_tr("Name"), lambda u: u.display_name),
            (_tr("Role"), lambda u: role_name(u.role.value)),
            (_tr("Active"), lambda u: _tr("yes") if u.active else _tr("no")),
            (_tr("Password"), lambda u: _tr("set") if u.has_password else _tr("not set")),
            (_tr("Employee"), lambda u: u.employee_name),
        ]
    )


def _local(row: TrailRow) -> str:
    return row.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def trail_model() -> RowsModel[TrailRow]:
    return RowsModel[TrailRow](
        [
            ("#", lambda r: r.id),
            (_tr("When"), _local),
            (_tr("Who"), lambda r: r.actor),
            (_tr("Action"), lambda r: r.action),
            (_tr("Record"), lambda r: r.entity),
            (_tr("Id"), lambda r: r.entity_id),
        ]
    )


def backups_model() -> RowsModel[BackupInfo]:
    kinds = {
        "auto": _tr("automatic"),
        "manual": _tr("manual"),
        "before-restore": _tr("before a restore"),
        "before-migration": _tr("before an update"),
    }
    return RowsModel[BackupInfo](
        [
            (_tr("Made"), lambda b: b.created.strftime("%Y-%m-%d %H:%M:%S")),
            (_tr("Kind"), lambda b: kinds.get(b.kind, b.kind)),
            (_tr("Size"), lambda b: f"{max(1, b.size // 1024)} KiB"),
            (_tr("File"), lambda b: b.path.name),
        ]
    )
