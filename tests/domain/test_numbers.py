"""One number formatter for the window, protocols and reports (issue 15), and the reading back
of a shown cell for a table export."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.domain.numbers import (
    Percent,
    format_number,
    format_percent,
    format_range,
    format_signed,
    shown_value,
)


def test_polish_and_english_numbers() -> None:
    assert format_number(87.44, 1, "pl") == "87,4"
    assert format_number(87.44, 1, "en") == "87.4"
    assert format_number(2.0, 2, "pl", trim=True) == "2"
    assert format_number(0.5, 2, "pl", trim=True) == "0,5"
    assert format_number(-0.04, 1, "pl") == "0,0"
    assert format_number(None) == "—"
    assert format_percent(93.25, 1, "pl") == "93,2 %"  # 93.25 rounds half to even
    assert format_percent(87.4, 1, "en") == "87.4%"
    assert format_range(80.12, 90.26, 1, "pl") == "80,1–90,3"
    assert format_signed(3, 0, "pl") == "+3"
    assert format_signed(-2.5, 1, "pl") == "−2,5"
    assert format_signed(-2.5, 1, "en") == "-2.5"
    assert format_signed(0.2, 0, "en") == "0"


def test_shown_values_read_back() -> None:
    assert shown_value("87,4 %", "pl") == Percent(0.874)
    assert isinstance(shown_value("87,4\u00a0%", "pl"), Percent)
    assert shown_value("87.4%", "en") == pytest.approx(0.874)
    assert shown_value("12", "pl") == 12
    assert shown_value("−3", "pl") == -3
    assert shown_value("8,74", "pl") == pytest.approx(8.74)
    assert shown_value("1.4", "pl") == "1.4"  # a question number in Polish is no number
    assert shown_value("007", "pl") == "007"  # a leading zero: a code
    assert shown_value("15.07.2026", "en") == date(2026, 7, 15)
    assert shown_value("2026-07-15", "pl") == date(2026, 7, 15)
    assert shown_value("15.07.2026 10:40", "pl") == datetime(2026, 7, 15, 10, 40)
    assert shown_value("31.02.2026", "pl") == "31.02.2026"
    assert shown_value("—", "pl") == "—"
    assert shown_value("Wydział Komunikacji", "pl") == "Wydział Komunikacji"


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.sampled_from(["pl", "en"]))
def test_a_formatted_number_reads_back(value: float, language: str) -> None:
    text = format_number(value, 2, language)
    back = shown_value(text, language)
    assert isinstance(back, float)
    assert back == pytest.approx(round(value, 2), abs=0.006)
    per_cent = shown_value(format_percent(value, 1, language), language)
    assert isinstance(per_cent, Percent)
    assert 100 * per_cent == pytest.approx(round(value, 1), abs=0.06)
