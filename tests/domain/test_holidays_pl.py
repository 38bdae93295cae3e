"""Polish holidays without importing the `holidays` package (issue 14): the generated table
(domain.holidays_pl) is the package's, year by year; years outside it ask the package; counting
a deadline in a covered year loads no calendar at all."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import holidays
import pytest

from auditdesk.domain import holidays_pl, periods


def _package(year: int) -> dict[date, str]:
    found = holidays.country_holidays("PL", years=year, language="pl")
    return {day: str(name) for day, name in found.items()}


def test_the_table_is_the_package_s_for_every_year_it_covers() -> None:
    differ = [
        year
        for year in range(holidays_pl.FIRST_YEAR, holidays_pl.LAST_YEAR + 1)
        if periods._holidays(year) != _package(year)
    ]
    assert differ == [], f"run tools/gen_holidays_pl.py (holidays {holidays.__version__})"


@pytest.mark.parametrize("year", [holidays_pl.FIRST_YEAR - 1, holidays_pl.LAST_YEAR + 1])
def test_years_outside_the_table_ask_the_package(year: int) -> None:
    assert periods._holidays(year) == _package(year)


def test_counting_a_deadline_loads_no_calendar() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from auditdesk.domain.periods import holiday_name, is_day_off\n"
        "assert is_day_off(date(2026, 12, 24)) and not is_day_off(date(2026, 12, 23))\n"
        "assert holiday_name(date(2026, 11, 11)) == 'Narodowe Święto Niepodległości'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'holidays'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
