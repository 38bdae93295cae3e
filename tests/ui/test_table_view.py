"""The shared table view (issue 15): Ctrl+C copies the selection as tab-separated text with the
headers, Export… writes the rows shown with real numbers, per cents and dates (read back from
what the table shows, in the window's language), Print… prints them (to a PDF file here)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from test_fits_small_screen import as_user, demo_file  # noqa: F401  (shared fixtures)

from auditdesk.domain.numbers import Percent
from auditdesk.services.context import AppContext
from auditdesk.ui.i18n import install_language
from auditdesk.ui.labels import number, percent
from auditdesk.ui.rows_model import ColumnsModel
from auditdesk.ui.table_view import TableActions, TableView, enable_table_actions


@dataclass
class Row:
    code: str
    unit: str
    score: float
    visits: int
    day: date
    at: datetime


ROWS = [
    Row("1.4", "Wydział Komunikacji", 87.44, 12, date(2026, 7, 15), datetime(2026, 7, 15, 10, 40)),
    Row("007", "Urząd Stanu Cywilnego", 93.2, 3, date(2026, 8, 1), datetime(2026, 8, 1, 8, 5)),
    Row("2.1", "Wydział Podatków", 100.0, 0, date(2026, 9, 30), datetime(2026, 9, 30, 15, 0)),
]


def model() -> ColumnsModel[Row]:
    from auditdesk.domain.dates import format_date

    m: ColumnsModel[Row] = ColumnsModel(
        [
            ("Code", lambda r: r.code),
            ("Unit", lambda r: r.unit),
            ("Score", lambda r: percent(r.score)),
            ("Visits", lambda r: r.visits),
            ("Mean", lambda r: number(r.score / 10, 2)),
            ("Day", lambda r: format_date(r.day)),
            ("Visited at", lambda r: r.at.strftime("%d.%m.%Y %H:%M")),
        ]
    )
    m.set_rows(ROWS)
    return m


@pytest.fixture(params=["en", "pl"])
def lang(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")


def make(qtbot: QtBot) -> TableView:
    view = TableView(title="Audits 2026")
    view.setModel(model())
    qtbot.addWidget(view)
    view.show()
    return view


def test_ctrl_c_copies_the_selection_with_headers(qtbot: QtBot, lang: str) -> None:
    view = make(qtbot)
    sel = view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select
    for r, c in ((0, 1), (0, 2), (2, 1), (2, 2)):
        sel.select(view.model().index(r, c), flags)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    score_0, score_2 = ("87,4 %", "100,0 %") if lang == "pl" else ("87.4%", "100.0%")
    assert text == (f"Unit\tScore\nWydział Komunikacji\t{score_0}\nWydział Podatków\t{score_2}\n")


def test_copy_without_a_selection_copies_the_whole_table(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.setColumnHidden(4, True)  # a hidden column is not copied
    view.table_actions.copy()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "Code\tUnit\tScore\tVisits\tDay\tVisited at"
    assert len(lines) == 1 + len(ROWS)
    assert lines[2].split("\t")[0] == "007"


def test_export_writes_real_numbers_and_dates(qtbot: QtBot, lang: str, tmp_path: Path) -> None:
    view = make(qtbot)
    out = tmp_path / "table.xlsx"
    assert view.table_actions.export_to(out) == len(ROWS)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws.title == "Audits 2026"
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == ("Code", "Unit", "Score", "Visits", "Mean", "Day", "Visited at")
    code, unit, score, visits, mean, day, at = values[1]
    assert code == "1.4" or (lang == "en" and code == 1.4)  # a point in English is a number
    assert unit == "Wydział Komunikacji"
    assert score == pytest.approx(0.874)
    assert ws.cell(2, 3).number_format == "0.0%"
    assert visits == 12 and isinstance(visits, int)
    assert mean == pytest.approx(8.74)
    assert day == datetime(2026, 7, 15) and ws.cell(2, 6).number_format == "DD.MM.YYYY"
    assert at == datetime(2026, 7, 15, 10, 40)
    assert ws.cell(2, 7).number_format == "DD.MM.YYYY HH:MM"
    assert values[2][0] == "007"  # a leading zero keeps a code a code


def test_export_follows_the_sort_and_the_csv_dialect(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSortFilterProxyModel

    view = make(qtbot)
    source = view.model()
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(source)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # units Z to A
    out = tmp_path / "table.csv"
    view.table_actions.export_to(out, "pl")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [r[1] for r in rows[1:]] == sorted((r.unit for r in ROWS), reverse=True)
    polish = {r[1]: r for r in rows[1:]}["Wydział Komunikacji"]
    assert polish[2] == "87,4%" and polish[5] == "15.07.2026"
    view.table_actions.export_to(out, "intl")
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    english = {r[1]: r for r in rows[1:]}["Wydział Komunikacji"]
    assert english[2] == "87.4%" and english[5] == "2026-07-15" and english[6] == "2026-07-15 10:40"


def test_export_from_the_menu_asks_for_a_file_and_says_where(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make(qtbot)
    target = tmp_path / "wyniki"
    told: list[str] = []

    def save_name(*args: object) -> tuple[str, str]:
        filters = str(args[3]).split(";;")
        return str(target), filters[0]  # the workbook

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(str(a[2])))
    assert [a.text() for a in view.table_actions.menu().actions()] == [
        "&Copy",
        "&Export…",
        "&Print…",
    ]
    view.table_actions.export_action.trigger()
    assert (tmp_path / "wyniki.xlsx").exists()
    assert told and "Rows written: 3." in told[0] and "wyniki.xlsx" in told[0]


def test_print_to_a_pdf_file(qtbot: QtBot, tmp_path: Path) -> None:
    view = make(qtbot)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "table.pdf"
    printer.setOutputFileName(str(out))
    view.table_actions.print_to(printer)
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Audits 2026" in text
        assert "Wydział Komunikacji" in text and "15.07.2026" in text and "87.4%" in text


def test_a_table_widget_gets_the_actions_too(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Name", "Share"])
    for r, (name, share) in enumerate((("A", "50.0%"), ("B", "25.5%"))):
        table.setItem(r, 0, QTableWidgetItem(name))
        table.setItem(r, 1, QTableWidgetItem(share))
    actions = enable_table_actions(table, "Shares")
    assert enable_table_actions(table) is actions
    assert actions.value(1, 1) == Percent(0.255)
    actions.copy()
    assert QGuiApplication.clipboard().text() == "Name\tShare\nA\t50.0%\nB\t25.5%\n"


# Tables where the user types rows (the research note's improvement actions): an input form,
# not a list to copy or print.
INPUT_TABLES = {"actions"}


@pytest.mark.parametrize("login", ["admin", "kadry"])
def test_every_table_of_every_panel_has_copy_export_print(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    login: str,
) -> None:
    from auditdesk.settings import Settings
    from auditdesk.ui.main_window import MainWindow
    from auditdesk.ui.tasks import SyncTaskRunner

    win = MainWindow(as_user(login), Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    seen: list[str] = []
    missing: list[str] = []
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        for view in panel.findChildren(QTableView):
            name = view.objectName() or view.accessibleName() or type(view).__name__
            if name in INPUT_TABLES:
                continue
            seen.append(f"{spec.key}/{name}")
            if view.findChild(TableActions) is None:
                missing.append(f"{spec.key}/{name}")
    assert not missing, f"tables without Copy/Export/Print: {missing}"
    keys = {s.split("/")[0] for s in seen}
    assert {"audits", "appraisals", "monitoring", "protocols", "admin"} <= keys, seen


def test_the_import_report_and_the_overview_tables_have_the_actions(qtbot: QtBot) -> None:
    from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog

    dialog = ImportProblemsDialog("refused", [(3, "data", "31.02.2026", "not a date")])
    qtbot.addWidget(dialog)
    actions = dialog.table.findChild(TableActions)
    assert isinstance(actions, TableActions)
    actions.copy()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[1].split("\t")[:3] == ["3", "data", "31.02.2026"]
    import auditdesk.ui.overview.actions as register
    import auditdesk.ui.overview.charts as charts
    import auditdesk.ui.overview.targets as targets

    for module in (register, charts, targets):
        assert "TableView()" in Path(module.__file__ or "").read_text(encoding="utf-8")


def test_a_paged_list_is_exported_to_its_end(qtbot: QtBot, tmp_path: Path) -> None:
    """The audit list loads 500 rows at a time; its export holds every row, not the first page."""
    from auditdesk.ui.audits.list_model import PAGE, AuditListModel

    class Paged(ColumnsModel[int]):
        def __init__(self, total: int) -> None:
            super().__init__([("No", lambda r: r)])
            self.total = total

        def canFetchMore(self, parent: object = None) -> bool:  # type: ignore[override]
            return len(self.rows) < self.total

        def fetchMore(self, parent: object = None) -> None:  # type: ignore[override]
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, min(self.total, start + PAGE) - 1)
            self.rows += list(range(start, min(self.total, start + PAGE)))
            self.endInsertRows()

    assert AuditListModel.canFetchMore is not ColumnsModel.canFetchMore  # the list is paged
    model = Paged(1234)
    model.fetchMore()
    view = TableView(title="paged")
    view.setModel(model)
    qtbot.addWidget(view)
    assert model.rowCount() == PAGE
    out = tmp_path / "all.csv"
    assert view.table_actions.export_to(out, "intl") == 1234
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "1233"
