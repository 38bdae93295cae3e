"""Dates between Qt and Python: the one typed helper (PySide6's QDate.toPython() is typed as
returning object, which cost a `# type: ignore` at every call)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime


def to_date(value: QDate) -> date:
    """The date of a QDate (a date edit's `date()`)."""
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    """The QDate of a date, for `QDateEdit.setDate` and its bounds."""
    return QDate(value.year, value.month, value.day)


def to_datetime(value: QDateTime) -> datetime:
    """The naive local date and time of a QDateTime (a date-time edit's `dateTime()`), to the
    minute: seconds are never typed in a date-time edit."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
