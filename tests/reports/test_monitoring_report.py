"""The periodic monitoring report (issue 17): the PDF (title, summary table, a section per
method with HR's conclusions, the office's "without delay" setting named, DejaVu embedded), the
anonymised edition (figures from fewer than 5 records hidden, no unit names), the XLSX workbook
(a sheet per method, real numbers and dates), and `auditdesk report`."""

from __future__ import annotations

import datetime as dt
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from auditdesk.cli import main
from auditdesk.domain.errors import ValidationFailed
from auditdesk.reports.monitoring_report import ReportCell, cell_text
from auditdesk.services.context import AppContext
from auditdesk.services.overview import period_of
from auditdesk.services.overview.report import report_data, save_conclusions, write_report


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_small_cells_are_suppressed_only_in_the_anonymised_edition() -> None:
    small = ReportCell(50.0, 4, (15.0, 85.0))
    assert cell_text(small, anonymised=True) == "n < 5"
    assert cell_text(small, anonymised=False).startswith("50,0 % (n=4; 15,0–85,0)")
    assert cell_text(ReportCell(80.0, 5, (37.6, 96.4)), anonymised=True).startswith("80,0 %")


def test_pdf_and_workbook_on_the_demo_office(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    period = period_of("year", today)
    save_conclusions(demo_ctx, period, "cases", "Przegląd obiegu spraw budowlanych.")
    pdf = write_report(demo_ctx, period, tmp_path / "raport.pdf")
    text = pdf_text(pdf)
    assert "Raport z monitorowania standardów obsługi klienta" in text
    for title in ("Podsumowanie", "Terminowość załatwiania spraw", "Tajemniczy klient"):
        assert title in text
    assert "Przegląd obiegu spraw budowlanych." in text
    assert "bez zwłoki" in text and "w ciągu 1 dnia" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts

    data = report_data(demo_ctx, period, anonymised=True)
    anonymous = write_report(demo_ctx, period, tmp_path / "anon.pdf", anonymised=True)
    anon_text = pdf_text(anonymous)
    assert "wydanie zanonimizowane" in anon_text
    small = [c for r in data.rows for c in r.cells.values() if 0 < c.n < 5]
    if small:
        assert "n<5" in anon_text.replace(" ", "")
    for row in data.rows[1:]:
        assert row.unit_name not in anon_text or not row.unit_name

    book_path = write_report(demo_ctx, period, tmp_path / "raport.xlsx")
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames[0] == "Raport"
    assert "Terminowość załatwiania spraw" in book.sheetnames
    assert book["Raport"]["B3"].value == dt.datetime.combine(period.start, dt.time())
    sheet = book["Terminowość załatwiania spraw"]
    office = [c.value for c in sheet[2]]
    assert office[0] == "Cały urząd"
    assert isinstance(office[2], float) and 0 <= office[2] <= 1  # a fraction, shown as %
    assert isinstance(office[3], int)  # n
    with pytest.raises(ValidationFailed):
        write_report(demo_ctx, period, tmp_path / "raport.docx")


def test_the_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "office.sqlite")
    assert main(["--db", db, "demo"]) == 0
    out = tmp_path / "r.pdf"
    code = main(
        ["--db", db, "report", "--from", "2026-01-01", "--to", "31.12.2026", "--out", str(out)]
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "r.xlsx"
    args = ["--db", db, "report", "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--anonymised", "--out", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx)["Raport"]["B8"].value == "zanonimizowane"
    assert "monitoring report" in capsys.readouterr().out
