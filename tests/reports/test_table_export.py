"""reports.table_export, which writes any table of the window (issue 15): real cell types in
XLSX, the two CSV dialects, a sheet title Excel accepts, no half file after a refusal."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.numbers import Percent
from auditdesk.reports.table_export import csv_text, sheet_title, write_table

HEADERS = ["Numer", "Wynik", "Punkty", "Data", "Wizyta", "Uwagi"]
ROWS = [
    ["TK/2026/0001", Percent(0.874), 23.5, date(2026, 7, 15), datetime(2026, 7, 15, 10, 40), None],
    ["TK/2026/0002", Percent(1.0), 30, date(2026, 8, 1), datetime(2026, 8, 1, 9, 0), "ok; tak"],
]


def test_xlsx_cells_are_numbers_and_dates(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    write_table(out, HEADERS, ROWS, title="Audyty: lipiec/sierpień [2026]")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws.title == "Audyty lipiec sierpień 2026"
    assert [c.value for c in ws[1]] == HEADERS and ws["A1"].font.bold
    assert ws["B2"].value == pytest.approx(0.874) and ws["B2"].number_format == "0.0%"
    assert ws["C2"].value == 23.5 and ws["C3"].value == 30
    assert ws["D2"].value == datetime(2026, 7, 15) and ws["D2"].number_format == "DD.MM.YYYY"
    assert ws["E2"].value == datetime(2026, 7, 15, 10, 40)
    assert ws["E2"].number_format == "DD.MM.YYYY HH:MM"
    assert ws["F2"].value is None
    assert not list(tmp_path.glob(".*.part"))


def test_the_two_csv_dialects(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    write_table(out, HEADERS, ROWS, dialect="pl")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1] == ["TK/2026/0001", "87,4%", "23,5", "15.07.2026", "15.07.2026 10:40", ""]
    assert rows[2][-1] == "ok; tak"  # quoted, not split
    write_table(out, HEADERS, ROWS, dialect="intl")
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[1] == ["TK/2026/0001", "87.4%", "23.5", "2026-07-15", "2026-07-15 10:40", ""]


def test_an_unknown_dialect_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    with pytest.raises(ValidationFailed, match="use pl or intl"):
        write_table(out, HEADERS, ROWS, dialect="excel")
    assert not out.exists() and not list(tmp_path.iterdir())


def test_sheet_titles_and_cells() -> None:
    assert sheet_title("Audyty: lipiec/sierpień [2026]") == "Audyty lipiec sierpień 2026"
    assert sheet_title("") == "Sheet1" and len(sheet_title("x" * 40)) == 31
    assert csv_text(12, "pl") == "12" and csv_text(-0.5, "pl") == "-0,5"
