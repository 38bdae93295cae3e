"""The one typed helper between QDate and date (issue 12): no `.toPython()  # type: ignore`."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QTime

from auditdesk.ui.qdates import to_date, to_datetime, to_qdate

UI = Path(__file__).resolve().parents[2] / "src" / "auditdesk" / "ui"


def test_dates_go_to_qt_and_back_unchanged() -> None:
    for d in (date(2024, 2, 29), date(2026, 1, 1), date(2026, 12, 31), date(2000, 1, 1)):
        q = to_qdate(d)
        assert (q.year(), q.month(), q.day()) == (d.year, d.month, d.day)
        assert to_date(q) == d
    assert to_date(QDate(2028, 2, 29)) == date(2028, 2, 29)


def test_a_date_time_edit_s_value_is_a_naive_datetime_to_the_minute() -> None:
    value = QDateTime(QDate(2026, 3, 2), QTime(9, 41, 37))
    assert to_datetime(value) == datetime(2026, 3, 2, 9, 41)


def test_the_window_converts_dates_through_the_one_helper() -> None:
    copies = [
        f"{p.relative_to(UI)}:{n}"
        for p in UI.rglob("*.py")
        if p.name != "qdates.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if ".toPython()" in line
        or re.search(r"\bdate\(\w+\.year\(\), \w+\.month\(\), \w+\.day\(\)\)", line)
        or re.search(r"QDate\((\w+)\.year, \1\.month, \1\.day\)", line)
    ]
    assert copies == []
