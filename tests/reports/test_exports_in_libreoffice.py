"""The HR exports as LibreOffice with Polish settings opens them (issue 15): each export of the
demo office (audits CSV in both dialects and XLSX, appraisals, the protocols' index, the
monitoring report) is converted headless by Calc running with a fresh pl-PL profile (en-US for
the international CSV, tests/libreoffice.py) and read back with openpyxl: scores are numbers
(not text, not dates), dates are dates, Polish letters intact, headers human; printed to PDF, no
column is too narrow for its dates ("###") and dates read DD.MM.YYYY. Skipped where LibreOffice
(`soffice`) is not installed.

A CSV cell is compared with what its text means in the dialect: in `pl` "87,4" a number,
"15.07.2026 10:30" a moment, anything else text as written; in `intl` "87.4" and
"2026-07-15 10:30"."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from auditdesk.cli import main
from auditdesk.reports.audit_export import ANSWER_HEADER, AUDIT_HEADER, human
from auditdesk.reports.index_files import HEADERS as INDEX_HEADERS
from auditdesk.services.appraisals.overview import EXPORT_COLUMNS, EXPORT_HUMAN
from demo_office import DemoTemplates
from libreoffice import (
    INTERNATIONAL_CSV,
    ISO_DATE,
    POLISH_CSV,
    POLISH_DATE,
    SKIP_WITHOUT_LIBREOFFICE,
    Calc,
    Rows,
    differences,
)

pytestmark = SKIP_WITHOUT_LIBREOFFICE

AUDIT_CSV_COLUMNS = [*AUDIT_HEADER, "section_score_percent", *ANSWER_HEADER[1:]]
PL_NUMBER = re.compile(r"-?\d+(,\d+)?")
INTL_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@pytest.fixture(scope="module")
def polish(tmp_path_factory: pytest.TempPathFactory) -> Calc:
    return Calc.start(tmp_path_factory.mktemp("lo-pl"), "pl-PL")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Calc:
    return Calc.start(tmp_path_factory.mktemp("lo-en"), "en-US")


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every HR export of the demo office (built for today, as the `today` fixture), written by
    the command line as an HR officer would."""
    out = tmp_path_factory.mktemp("exports")
    office = DemoTemplates(tmp_path_factory.mktemp("demo")).copy_to(
        out / "office.sqlite", date.today()
    )
    year = date.today().year

    def run(*args: str) -> None:
        assert main(["--db", str(office), *args]) == 0

    for fmt in ("csv", "xlsx"):
        run("audits", "export", "--format", fmt, "--out", str(out / f"audits.{fmt}"))
        run("appraisals", "export", "--format", fmt, "--out", str(out / f"appraisals.{fmt}"))
    intl = ("--lang", "en")
    run(*intl, "audits", "export", "--format", "csv", "--dialect", "intl", "--out",
        str(out / "audits-intl.csv"))  # fmt: skip
    run(*intl, "appraisals", "export", "--format", "csv", "--dialect", "intl", "--out",
        str(out / "appraisals-intl.csv"))  # fmt: skip
    run("protocols", "export", "--out", str(out / "protocols"), "--unit", "WKS", "--jobs", "1")
    run("protocols", "export", "--out", str(out / "protocols-intl"), "--unit", "WKS",
        "--dialect", "intl", "--jobs", "1")  # fmt: skip
    run("report", "--from", f"{year}-01-01", "--to", f"{year}-12-31", "--out",
        str(out / "report.xlsx"))  # fmt: skip
    yield out


def meant(text: str, polish: bool) -> Any:
    """What a CSV cell's text means in its dialect."""
    if text == "":
        return None
    if (PL_NUMBER if polish else INTL_NUMBER).fullmatch(text):
        value = float(text.replace(",", "."))
        return int(value) if value.is_integer() else value
    for layout in ("%d.%m.%Y %H:%M", "%d.%m.%Y") if polish else ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    return text


def written(path: Path, polish: bool) -> tuple[list[str], Rows]:
    """The header and the meant values of a CSV export, read with Python's csv module."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == polish  # the BOM of the Polish dialect only
    reader = csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";" if polish else ",")
    header, *rows = list(reader)
    return header, [tuple(meant(cell, polish) for cell in row) for row in rows]


def column(rows: Rows, header: tuple[Any, ...], name: str) -> list[Any]:
    at = header.index(name)
    return [row[at] for row in rows[1:] if at < len(row) and row[at] not in (None, "")]


# --- the locale the checks rely on ----------------------------------------------------------


def test_calc_reads_like_a_polish_user(polish: Calc, tmp_path: Path) -> None:
    """The probe of issue 15: with Polish settings "23,5" is the number 23.5 and "23.5" is
    23 May (what made the scores unreadable); a Polish date is a date."""
    probe = tmp_path / "probe.csv"
    probe.write_bytes("\ufeffa;b;c;d\n23,5;23.5;15.07.2026 10:30;Łódź\n".encode())
    _head, row = polish.csv_rows(probe, POLISH_CSV)
    assert row[0] == 23.5
    assert isinstance(row[1], datetime) and (row[1].day, row[1].month) == (23, 5)
    assert row[2] == datetime(2026, 7, 15, 10, 30)
    assert row[3] == "Łódź"


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["audits.csv", "appraisals.csv", "protocols/index.csv"])
def test_polish_csv_reads_as_written(polish: Calc, exports: Path, name: str) -> None:
    header, rows = written(exports / name, polish=True)
    shown = polish.csv_rows(exports / name, POLISH_CSV)
    assert list(shown[0]) == header  # the headers, Polish letters and all
    assert differences(shown[1:], rows) == []


@pytest.mark.parametrize("name", ["audits-intl.csv", "appraisals-intl.csv"])
def test_international_csv_reads_as_written_in_english(
    english: Calc, exports: Path, name: str
) -> None:
    header, rows = written(exports / name, polish=False)
    shown = english.csv_rows(exports / name, INTERNATIONAL_CSV)
    assert list(shown[0]) == header
    assert differences(shown[1:], rows) == []


def test_international_index_reads_as_written_in_english(english: Calc, exports: Path) -> None:
    path = exports / "protocols-intl" / "index.csv"
    header, rows = written(path, polish=False)
    shown = english.csv_rows(path, INTERNATIONAL_CSV)
    assert list(shown[0]) == header == list(INDEX_HEADERS)
    assert differences(shown[1:], rows) == []
    assert all(isinstance(d, datetime) for d in column(shown, shown[0], "Data"))


def test_polish_audit_csv_has_human_headers_numbers_and_dates(polish: Calc, exports: Path) -> None:
    shown = polish.csv_rows(exports / "audits.csv", POLISH_CSV)
    head = shown[0]
    assert list(head) == [human(n, "pl") for n in AUDIT_CSV_COLUMNS]
    for name in ("score_percent", "points_earned", "points_possible", "points", "weight"):
        values = column(shown, head, human(name, "pl"))
        assert values and all(type(v) in (int, float) for v in values), name
    scores = column(shown, head, "Wynik [%]")
    assert all(0 <= s <= 100 for s in scores)
    assert any(s != round(s) for s in scores)  # decimals read as decimals, not dropped
    visits = column(shown, head, "Data i godzina wizyty")
    assert visits and all(isinstance(v, datetime) for v in visits)
    units = column(shown, head, "Komórka")
    assert any(set(u) & set("ąćęłńóśźż") for u in units)


def test_polish_appraisal_csv_has_numbers_and_dates(polish: Calc, exports: Path) -> None:
    shown = polish.csv_rows(exports / "appraisals.csv", POLISH_CSV)
    head = shown[0]
    assert list(head) == [EXPORT_HUMAN[c][0] for c in EXPORT_COLUMNS]
    scores = column(shown, head, "Wynik ogólny [pkt]")
    assert scores and all(type(s) in (int, float) for s in scores)
    for name in ("Okres od", "Okres do", "Data rozmowy"):
        days = column(shown, head, name)
        assert days and all(isinstance(d, datetime) for d in days), name


# --- XLSX -----------------------------------------------------------------------------------

WORKBOOKS = ["audits.xlsx", "appraisals.xlsx", "protocols/index.xlsx", "report.xlsx"]


@pytest.mark.parametrize("name", WORKBOOKS)
def test_workbook_reads_as_written(polish: Calc, exports: Path, name: str) -> None:
    """Calc, opening and saving the workbook again, keeps every value and its type."""
    book = openpyxl.load_workbook(exports / name)
    original = {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}
    shown = polish.sheets(exports / name)
    assert list(shown) == list(original)
    for title, rows in original.items():
        assert differences(shown[title], rows) == [], title


@pytest.mark.parametrize("name", WORKBOOKS)
def test_workbook_prints_with_room_for_its_dates(polish: Calc, exports: Path, name: str) -> None:
    """Printed by Calc: no cell too narrow for its value ("###"), dates as 15.07.2026."""
    text = polish.pdf_text(exports / name)
    assert "###" not in text
    assert POLISH_DATE.search(text)
    assert not ISO_DATE.search(text)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_workbook_columns_are_as_wide_as_their_headers(exports: Path, name: str) -> None:
    """Every column at least as wide as its header (up to 40 characters): a header is not
    cut by the next column. The report's first sheet, a title and a list, is left out."""
    book = openpyxl.load_workbook(exports / name)
    for sheet in book:
        if sheet.title == "Raport":
            continue
        for cell in sheet[1]:
            if not isinstance(cell.value, str):
                continue
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= min(len(cell.value), 40), (sheet.title, cell.value, width)
