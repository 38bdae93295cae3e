"""The one plain-Python date helper for typed dates (issue 12): what a field or a table cell holds
is read by domain.dates, never by a copy of strptime in a window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.dates import format_date, typed_date

SRC = Path(__file__).resolve().parents[2] / "src" / "auditdesk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.03.2025", date(2025, 3, 5)),
        (" 5.3.2025 ", date(2025, 3, 5)),
        ("2025-03-05", date(2025, 3, 5)),
        ("29.02.2028", date(2028, 2, 29)),
        ("", None),
        ("   ", None),
        ("29.02.2027", None),  # no such day
        ("jutro", None),
        ("05.03.25", None),
    ],
)
def test_a_typed_date_is_read_or_none(text: str, expected: date | None) -> None:
    assert typed_date(text) == expected


def test_dates_are_written_dd_mm_yyyy_and_read_back() -> None:
    assert format_date(date(2026, 1, 2)) == "02.01.2026"
    assert format_date(None) == ""
    for d in (date(2024, 2, 29), date(2026, 12, 31), date(2000, 1, 1)):
        assert typed_date(format_date(d)) == d


def test_no_window_or_service_parses_dd_mm_yyyy_by_itself() -> None:
    copies = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "strptime(text, pattern)" in p.read_text(encoding="utf-8")
        or '("%d.%m.%Y", "%Y-%m-%d")' in p.read_text(encoding="utf-8")
    ]
    assert copies == []
