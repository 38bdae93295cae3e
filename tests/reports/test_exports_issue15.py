"""HR exports as LibreOffice with Polish settings reads them (issue 15): real dates, scores to one
decimal, human headers with the machine names in a second row, the Polish and international CSV
dialects."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from auditdesk.reports.audit_export import ExportAnswer, ExportAudit, write_csv, write_xlsx

AUDIT = ExportAudit(
    "TK/2026/0001", "u-1", "tk-wizyta", "Wizyta", "2026", "abc", "visit", "BOK", "Biuro",
    "Jan Nowak", "", "Anna Audytor", "2026-07-15T10:30:00", "completed", "original", "",
    87.41666, 34.5, 42.0, "good", "Dobry", False, [("s1", "Zachowanie", 93.25)],
)  # fmt: skip
ANSWER = ExportAnswer(
    "TK/2026/0001", "s1", "powitanie", "Powitanie", "yes", "Tak", False, 1.5, 2.0, 1.0, False, ""
)


def test_audit_xlsx_has_dates_rounded_scores_and_two_header_rows(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    write_xlsx(out, [AUDIT], [ANSWER])
    ws = load_workbook(out)["Audyty"]
    names = [c.value for c in ws[2]]
    assert ws.cell(1, names.index("visited_at") + 1).value == "Data i godzina wizyty"
    visited = ws.cell(3, names.index("visited_at") + 1)
    assert visited.is_date and visited.value == datetime(2026, 7, 15, 10, 30)
    assert visited.number_format == "DD.MM.YYYY HH:MM"
    score = ws.cell(3, names.index("score_percent") + 1)
    assert score.value == 87.4 and score.number_format == "0.0"
    assert ws.cell(1, names.index("score_percent") + 1).value == "Wynik [%]"
    assert ws.cell(3, names.index("section:s1") + 1).value == 93.2  # 93.25 → 93.2 (half even)


def test_audit_csv_polish_and_international_dialects(tmp_path: Path) -> None:
    pl = tmp_path / "pl.csv"
    write_csv(pl, [AUDIT], [ANSWER])
    raw = pl.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0]["Wynik [%]"] == "87,4" and rows[0]["Punkty uzyskane"] == "34,5"
    assert rows[0]["Data i godzina wizyty"] == "15.07.2026 10:30"
    intl = tmp_path / "intl.csv"
    write_csv(intl, [AUDIT], [ANSWER], dialect="intl", language="en")
    raw = intl.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode().splitlines(), delimiter=","))
    assert rows[0]["Score [%]"] == "87.4" and rows[0]["Date and time of the visit"] == (
        "2026-07-15 10:30"
    )
