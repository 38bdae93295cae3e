"""The fixed days on which the date-sensitive tests run (any day of the year must pass).

The start, middle and end of a month, the end of January (a month step from the 31st), 29
February, Christmas Eve (a public holiday from 2025), New Year's Eve and New Year's Day, and the
4 December 2026 on which the demo once lacked drafts. A test takes them with
`@pytest.mark.parametrize("today", TEST_DATES, ids=str)`: tests/conftest.py then moves the
clock to that day (time-machine) for the whole test, the demo office included.
"""

from __future__ import annotations

from datetime import date

TEST_DATES: list[date] = [
    date(2026, 12, 1),
    date(2026, 12, 4),
    date(2026, 6, 15),
    date(2026, 1, 31),
    date(2028, 2, 29),
    date(2026, 12, 24),
    date(2026, 12, 31),
    date(2027, 1, 1),
]
