"""Dates as imported registers and people write them: dd.mm.yyyy (d.m.yyyy too), YYYY-MM-DD,
dd-mm-yyyy or dd/mm/yyyy, a time after the date ignored. Survey tools' time stamps too (issue 13):
YYYY/MM/DD (Google Forms: `2026/10/05 5:33:00 PM GMT+2`), a 12-hour time after a slashed date
meaning the month comes first (`10/5/2026 5:33:00 PM`, Microsoft Forms in English), a time zone
after the time (the date is taken as written), a comma after the date, and Excel's day serials
(`46300`, `46300.7312`) for 1950-2099. Pure Python, so that both the row rules
in domain/ and the file reader in reports/tabular.py use the one parser."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from auditdesk.domain.errors import ValidationFailed

_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_OTHER_FORMS = ("%d.%m.%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_MDY_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TWELVE_HOUR = re.compile(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s|$)", re.IGNORECASE)
_SERIAL = re.compile(r"^(\d{5})(?:[.,]\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 system (its 1900-02-29 included)
_SERIALS = (18264, 73050)  # 1950-01-01 .. 2099-12-31: a five-digit number outside is no date


class NotADate(ValidationFailed, ValueError):
    """A text that is neither empty nor a date in one of the accepted forms."""


# A register writes the same few hundred dates over and over (1,000,000 cases: issue 17): the
# answer is a pure function of the text and a date is immutable, so functools' cache reads each
# text once (a text that is no date raises each time: exceptions are not cached).
@lru_cache(maxsize=16384)
def parse_date(text: str) -> date | None:
    """The date in `text`; None when it is empty; NotADate (a ValueError too) otherwise.

    An XLSX date cell arrives as ISO (reports/tabular.py writes it so), with its time after a
    space when it has one; '2025-03-05T10:30:00' is read too."""
    text = text.strip()
    if not text:
        return None
    head = text.split(" ")[0].split("T")[0].rstrip(",")
    tool = _tool_stamp(head, text)
    if tool is not None:
        return tool
    quick = _DMY.match(head) or _ISO.match(head)
    if quick:  # the two forms registers write, without strptime's cost on 50,000 rows
        a, b, c = (int(g) for g in quick.groups())
        try:
            return date(c, b, a) if quick.re is _DMY else date(a, b, c)
        except ValueError:
            raise NotADate(
                "{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text
            ) from None
    for pattern in _OTHER_FORMS:
        try:
            return datetime.strptime(head, pattern).date()
        except ValueError:
            continue
    raise NotADate("{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text)


def typed_date(text: str) -> date | None:
    """A date typed into a field or a table cell, read as `parse_date` reads it; None when the
    text is empty or not a date (the caller says which, from the text)."""
    try:
        return parse_date(text)
    except NotADate:
        return None


def format_date(value: date | None) -> str:
    """dd.mm.yyyy, as Polish documents and the window write dates; "" for no date."""
    return value.strftime("%d.%m.%Y") if value else ""


def _tool_stamp(head: str, text: str) -> date | None:
    """The forms survey tools and spreadsheets write that the registers' forms do not: an
    Excel serial, YYYY/MM/DD, and M/D/YYYY when a 12-hour time follows. None for any other."""
    serial = _SERIAL.match(text)
    if serial:
        days = int(serial.group(1))
        if _SERIALS[0] <= days <= _SERIALS[1]:
            return _EXCEL_EPOCH + timedelta(days=days)
        raise NotADate("{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text)
    found = _YMD_SLASH.match(head)
    if found:
        y, m, d = (int(g) for g in found.groups())
        return _checked(y, m, d, text)
    found = _MDY_SLASH.match(head)
    if found and _TWELVE_HOUR.search(text):
        m, d, y = (int(g) for g in found.groups())
        return _checked(y, m, d, text)
    return None


def _checked(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate("{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text) from None
