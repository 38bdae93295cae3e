"""The one table view of the window (issue 15): every table can be copied, exported to XLSX or
CSV and printed, from its context menu or the keyboard:

- Ctrl+C copies the selected cells (or the whole table when nothing is selected) as
  tab-separated text with the column headers, which a spreadsheet pastes into cells;
- Export… (Ctrl+Shift+E) writes the rows the table shows (a paged list read to its end), in
  its order, through `reports.table_export` (numbers, per cents and dates as real values, read
  back by `domain.numbers.shown_value` in the window's language or given by a model in
  `VALUE_ROLE`);
- Print… (Ctrl+Shift+P) prints the same rows through Qt's print dialog (a printer or a PDF file).

`TableView` is a QTableView with these; `enable_table_actions(view)` gives them to a table made
elsewhere (a QTableWidget too)."""

from __future__ import annotations

import html
import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QTableView, QWidget

from auditdesk.domain.dates import format_date
from auditdesk.domain.dialects import default_dialect
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.numbers import shown_value
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import language
from auditdesk.ui.qdates import to_date, to_datetime

log = logging.getLogger(__name__)

# A model may give a cell's exact value (a number, a date) for export in this role; otherwise
# the shown text is read back.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 64
LANDSCAPE_FROM_COLUMNS = 6
MAX_FETCHED_ROWS = 200_000  # a paged list (the audits) is read to its end for export, up to this
Cell = str | int | float | date | datetime | None


class TableActions(QObject):
    """Copy, Export… and Print… for one table view: its context menu and shortcuts."""

    def __init__(self, view: QTableView, title: str = "") -> None:
        super().__init__(view)
        self.view = view
        self.title = title
        self.copy_action = self._action(self.tr("&Copy"), self.copy, QKeySequence.StandardKey.Copy)
        self.export_action = self._action(self.tr("&Export…"), self.export, "Ctrl+Shift+E")
        self.print_action = self._action(self.tr("&Print…"), self.print_table, "Ctrl+Shift+P")
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        # QAbstractItemView copies only the current cell on Ctrl+C when the key reaches it
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy()
            return True
        return super().eventFilter(watched, event)

    def _action(self, text: str, slot: Any, keys: QKeySequence.StandardKey | str) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def table_title(self) -> str:
        """What the table is called in an export or a printout: its given title, its
        accessible name, or the window's title."""
        return self.title or self.view.accessibleName() or self.view.window().windowTitle()

    def menu(self) -> QMenu:
        menu = QMenu(self.view)
        for action in (self.copy_action, self.export_action, self.print_action):
            menu.addAction(action)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        self.menu().exec(self.view.viewport().mapToGlobal(pos))

    # -- what the table shows -------------------------------------------------------------

    def columns(self) -> list[int]:
        """The visible columns in the order they are shown (a moved header counts)."""
        model = self.view.model()
        if model is None:
            return []
        header = self.view.horizontalHeader()
        shown = [c for c in range(model.columnCount()) if not self.view.isColumnHidden(c)]
        return sorted(shown, key=header.visualIndex)

    def load_all(self) -> None:
        """Reads the rest of a paged model (fetchMore), so that an export or a printout holds
        every row of the list, not only the pages scrolled to."""
        model = self.view.model()
        while model is not None and model.canFetchMore(QModelIndex()):
            before = model.rowCount()
            if before >= MAX_FETCHED_ROWS:
                break
            model.fetchMore(QModelIndex())
            if model.rowCount() == before:
                break

    def rows(self) -> list[int]:
        model = self.view.model()
        if model is None:
            return []
        return [r for r in range(model.rowCount()) if not self.view.isRowHidden(r)]

    def headers(self, columns: list[int]) -> list[str]:
        model = self.view.model()
        names = []
        for c in columns:
            value = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            names.append(_one_line("" if value is None else str(value)))
        return names

    def text(self, row: int, column: int) -> str:
        index = self.view.model().index(row, column)
        value = index.data(Qt.ItemDataRole.DisplayRole)
        if value is None:
            return ""
        if isinstance(value, QDate | QDateTime | date | datetime):
            return _one_line(_as_text(_plain(value)))
        return _one_line(str(value))

    def value(self, row: int, column: int) -> Cell:
        """The cell as an exported value: the model's VALUE_ROLE, a number or date the model
        gives as such, or the shown text read back in the window's language."""
        index: QModelIndex = self.view.model().index(row, column)
        exact = index.data(VALUE_ROLE)
        if exact is not None:
            return _plain(exact)
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        if shown is None:
            return None
        if isinstance(shown, bool):
            return str(shown)
        if isinstance(shown, int | float | QDate | QDateTime | date | datetime):
            return _plain(shown)
        text = _one_line(str(shown))
        return shown_value(text, language()) if text else None

    def selection(self) -> tuple[list[int], list[int]]:
        """The rows and columns of the selected cells (the whole table when none is)."""
        model = self.view.selectionModel()
        indexes = model.selectedIndexes() if model is not None else []
        if not indexes:
            return self.rows(), self.columns()
        rows = sorted({i.row() for i in indexes})
        chosen = {i.column() for i in indexes}
        return rows, [c for c in self.columns() if c in chosen]

    def selected_text(self) -> str:
        """The selection as tab-separated lines, the headers first."""
        rows, columns = self.selection()
        lines = ["\t".join(self.headers(columns))]
        lines += ["\t".join(self.text(r, c) for c in columns) for r in rows]
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.selected_text())

    # -- export ------------------------------------------------------------------------------

    def export_to(self, path: Path, dialect: str | None = None) -> int:
        """Writes the shown rows to `path` (.xlsx, else CSV in `dialect`, by default the
        language's); returns how many rows were written."""
        from auditdesk.reports.table_export import write_table  # openpyxl only when used

        self.load_all()
        columns = self.columns()
        rows = [[self.value(r, c) for c in columns] for r in self.rows()]
        write_table(
            path,
            self.headers(columns),
            rows,
            title=self.table_title(),
            dialect=dialect or default_dialect(language()),
        )
        return len(rows)

    def export(self) -> None:
        xlsx = self.tr("Excel workbook (*.xlsx)")
        csv_pl = self.tr("CSV, Polish settings: semicolons, decimal comma (*.csv)")
        csv_intl = self.tr("CSV, international: commas, decimal point (*.csv)")
        filters = [xlsx, csv_pl, csv_intl] if language() == "pl" else [xlsx, csv_intl, csv_pl]
        name, chosen = QFileDialog.getSaveFileName(
            self.view,
            self.tr("Export the table"),
            _file_name(self.table_title()),
            ";;".join(filters),
        )
        if not name:
            return
        path = Path(name)
        if chosen == xlsx and path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        elif chosen != xlsx and path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv")
        dialect = "intl" if chosen == csv_intl else "pl" if chosen == csv_pl else None
        try:
            count = self.export_to(path, dialect)
        except (AuditDeskError, OSError) as exc:
            QMessageBox.warning(self.view, self.tr("Export the table"), error_text(exc))
            return
        QMessageBox.information(
            self.view,
            self.tr("Export the table"),
            self.tr("Rows written: %1.\nFile: %2")
            .replace("%1", str(count))
            .replace("%2", str(path)),
        )

    # -- print -------------------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The shown rows as a document to print: the title, then the table with its headers."""
        self.load_all()
        columns = self.columns()
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self.headers(columns))
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(self.text(r, c))}</td>" for c in columns) + "</tr>"
            for r in self.rows()
        )
        doc = QTextDocument()
        doc.setDefaultStyleSheet("th { background: #e8e8e8; text-align: left; }")
        doc.setHtml(
            f"<h3>{html.escape(self.table_title())}</h3>"
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            f"<thead><tr>{head}</tr></thead>{body}</table>"
        )
        return doc

    def print_to(self, printer: QPrinter) -> None:
        if len(self.columns()) >= LANDSCAPE_FROM_COLUMNS:
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        self.document().print_(printer)

    def print_table(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.view)
        dialog.setWindowTitle(self.tr("Print the table"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)


def enable_table_actions(view: QTableView, title: str = "") -> TableActions:
    """Gives `view` Copy, Export… and Print… (context menu and shortcuts); idempotent."""
    existing = view.findChild(TableActions)
    if isinstance(existing, TableActions):
        if title:
            existing.title = title
        return existing
    return TableActions(view, title)


# How many rows fitting a column to its contents measures (resizeColumnsToContents, a
# ResizeToContents column): Qt's default is 1,000, and each cell measured asks the Python model
# for its text, font and icon (issue 14: the audit trail's 500-row page held the GUI thread
# 80-170 ms when the Administration panel was first shown).
FIT_ROWS = 60


class TableView(QTableView):
    """A QTableView with Copy, Export… and Print… (`self.table_actions`); fitting a column to
    its contents measures the first FIT_ROWS rows (and the visible ones)."""

    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.table_actions = TableActions(self, title)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plain(value: Any) -> Cell:
    if isinstance(value, QDateTime):
        return to_datetime(value)
    if isinstance(value, QDate):
        return to_date(value)
    if isinstance(value, str | int | float | date | datetime):
        return value
    return str(value)


def _as_text(value: Cell) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def _file_name(title: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title)
    return "_".join(cleaned.split()) or "table"
