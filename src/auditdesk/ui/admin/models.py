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
from auditdesk.ui.labels import role_name

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


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


def users_model() -> RowsModel[UserRow]:
    return RowsModel[UserRow](
        [
            (QCoreApplication.translate("AdminModels", "Login"), lambda u: u.login),
            (QCoreApplication.translate("AdminModels", "Name"), lambda u: u.display_name),
            (QCoreApplication.translate("AdminModels", "Role"), lambda u: role_name(u.role.value)),
            (
                QCoreApplication.translate("AdminModels", "Active"),
                lambda u: (
                    QCoreApplication.translate("AdminModels", "yes")
                    if u.active
                    else QCoreApplication.translate("AdminModels", "no")
                ),
            ),
            (
                QCoreApplication.translate("AdminModels", "Password"),
                lambda u: (
                    QCoreApplication.translate("AdminModels", "set")
                    if u.has_password
                    else QCoreApplication.translate("AdminModels", "not set")
                ),
            ),
            (QCoreApplication.translate("AdminModels", "Employee"), lambda u: u.employee_name),
        ]
    )


def _local(row: TrailRow) -> str:
    return row.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def trail_model() -> RowsModel[TrailRow]:
    return RowsModel[TrailRow](
        [
            ("#", lambda r: r.id),
            (QCoreApplication.translate("AdminModels", "When"), _local),
            (QCoreApplication.translate("AdminModels", "Who"), lambda r: r.actor),
            (QCoreApplication.translate("AdminModels", "Action"), lambda r: r.action),
            (QCoreApplication.translate("AdminModels", "Record"), lambda r: r.entity),
            (QCoreApplication.translate("AdminModels", "Id"), lambda r: r.entity_id),
        ]
    )


def backups_model() -> RowsModel[BackupInfo]:
    kinds = {
        "auto": QCoreApplication.translate("AdminModels", "automatic"),
        "manual": QCoreApplication.translate("AdminModels", "manual"),
        "before-restore": QCoreApplication.translate("AdminModels", "before a restore"),
        "before-migration": QCoreApplication.translate("AdminModels", "before an update"),
    }
    return RowsModel[BackupInfo](
        [
            (
                QCoreApplication.translate("AdminModels", "Made"),
                lambda b: b.created.strftime("%Y-%m-%d %H:%M:%S"),
            ),
            (
                QCoreApplication.translate("AdminModels", "Kind"),
                lambda b: kinds.get(b.kind, b.kind),
            ),
            (
                QCoreApplication.translate("AdminModels", "Size"),
                lambda b: f"{max(1, b.size // 1024)} KiB",
            ),
            (QCoreApplication.translate("AdminModels", "File"), lambda b: b.path.name),
        ]
    )
