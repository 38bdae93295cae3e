"""The plumbing every table model of plain rows repeats: rows in through `set_rows()`, counts,
horizontal headers, the index check; a subclass says what one cell shows (`cell()`).
`data()` never queries: the rows are plain values fetched by a service beforehand."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowsModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of `rows`; subclasses give `headers()` and `cell()`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowT] = []
        # data() checks the column of every cell: the count is kept, not rebuilt from the
        # translated headers each time (issue 14: that was half of painting a table), and
        # forgotten whenever the columns may have changed
        self._column_cache: int | None = None
        # a row's shown values, built once (see `shown`); keyed by the row object, which lives
        # in self.rows while it is kept, and forgotten whenever the rows may have changed
        self._shown: dict[int, list[Any]] = {}
        for signal in (
            self.modelReset,
            self.layoutChanged,
            self.columnsInserted,
            self.columnsRemoved,
            self.headerDataChanged,
        ):
            signal.connect(self._forget_columns)
        for signal in (self.rowsRemoved, self.dataChanged):
            signal.connect(self._forget_shown)

    def _forget_columns(self, *_args: object) -> None:
        self._column_cache = None
        self._shown.clear()

    def _forget_shown(self, *_args: object) -> None:
        self._shown.clear()

    def shown(self, row: RowT, build: Callable[[RowT], list[Any]]) -> list[Any]:
        """`build(row)`, the row's values for every column, built once until the rows change:
        a view asks for each cell's text many times (fitting a column, every paint), and a
        `cell()` building the whole row for each asked 11 times what one build gives (issue 14:
        fitting the complaints register's columns took 58 ms for 54 rows)."""
        key = id(row)
        values = self._shown.get(key)
        if values is None:
            values = self._shown[key] = build(row)
        return values

    def _column_total(self) -> int:
        if self._column_cache is None:
            self._column_cache = self.column_count()
        return self._column_cache

    def headers(self) -> list[str]:
        """The column titles, translated when called (the language may change). The base
        model has none: a subclass names its columns."""
        return []

    def cell(self, row: RowT, column: int, role: int) -> Any:
        """What `row` shows in `column` for `role`; None for nothing (the base shows nothing)."""
        return None

    def column_count(self) -> int:
        """How many columns; override when the headers are costly to build."""
        return len(self.headers())

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_total()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self.headers()
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < self._column_total():
            return None
        value = self.cell(self.rows[index.row()], index.column(), role)
        if value is None and role == Qt.ItemDataRole.AccessibleDescriptionRole:
            # a screen reader reads the cell's tooltip, which says what a colour means
            return self.cell(self.rows[index.row()], index.column(), Qt.ItemDataRole.ToolTipRole)
        return value


class ColumnsModel(RowsModel[RowT]):
    """A RowsModel whose columns are (header, value-of-row) pairs, shown as text."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[RowT], Any]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)

    def headers(self) -> list[str]:
        return [title for title, _ in self._columns]

    def cell(self, row: RowT, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._columns[column][1](row)
        return "" if value is None else str(value)

    def row(self, index: int) -> RowT:
        return self.rows[index]
