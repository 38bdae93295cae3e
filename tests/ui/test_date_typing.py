"""Dates typed the way people write them (ui/date_typing.py). Qt moves on to the next section
when one is full and again on the separator typed after it; without the filter each of these
came out wrong (see the module's text), with it each is the date meant. The first test keeps
the reason visible: it shows Qt's own behaviour without the filter, so a Qt that changes it is
noticed (then the filter may go)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from auditdesk.ui import date_typing


def _edit(qtbot: QtBot, fmt: str, value: QDateTime) -> QDateTimeEdit:
    edit = QDateTimeEdit(value)
    edit.setDisplayFormat(fmt)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(edit.sectionAt(0))  # as Tab into the field leaves it
    return edit


def _without_filter(app: QApplication) -> date_typing.DateTyping | None:
    found = app.findChild(date_typing.DateTyping, date_typing._INSTALLED)
    if found is not None:
        app.removeEventFilter(found)
    return found


def test_qt_alone_skips_a_section_on_the_separator(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = _without_filter(app)
    try:
        edit = _edit(qtbot, "dd.MM.yyyy", QDateTime(QDate(2027, 6, 15), QTime(0, 0)))
        qtbot.keyClicks(edit, "05.03.2026")
        assert edit.date() != QDate(2026, 3, 5)  # Qt's own behaviour, the reason for the filter
    finally:
        if found is not None:
            app.installEventFilter(found)


@pytest.mark.parametrize(
    ("fmt", "typed", "expected"),
    [
        ("dd.MM.yyyy", "05.03.2026", (2026, 3, 5, 0, 0)),
        ("dd.MM.yyyy", "5.3.2026", (2026, 3, 5, 0, 0)),
        ("dd.MM.yyyy", "15.11.2026", (2026, 11, 15, 0, 0)),
        ("dd.MM.yyyy", "1.3.2026", (2026, 3, 1, 0, 0)),  # "1" could go on: its "." moves on
        ("dd.MM.yyyy", "05032026", (2026, 3, 5, 0, 0)),  # digits alone still work
        ("yyyy-MM-dd HH:mm", "2026-03-05 09:30", (2026, 3, 5, 9, 30)),
        ("yyyy-MM-dd HH:mm", "202603050930", (2026, 3, 5, 9, 30)),
        ("yyyy-MM-dd HH:mm", "2026-3-5 9:30", (2026, 3, 5, 9, 30)),
    ],
)
def test_a_date_typed_as_written_is_the_date_meant(
    qtbot: QtBot, fmt: str, typed: str, expected: tuple[int, int, int, int, int]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    date_typing.install(app)
    for start in (QDate(2027, 6, 15), QDate(2028, 2, 29), QDate(2026, 12, 31)):
        edit = _edit(qtbot, fmt, QDateTime(start, QTime(10, 0)))
        qtbot.keyClicks(edit, typed)
        got = edit.dateTime()
        d, t = got.date(), got.time()
        assert (d.year(), d.month(), d.day(), t.hour(), t.minute()) == expected, (start, typed)


def test_shortcuts_and_other_fields_are_left_alone(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    date_typing.install(app)
    date_typing.install(app)  # once only
    assert len(app.findChildren(date_typing.DateTyping)) == 1
    box = QWidget()
    layout = QVBoxLayout(box)
    line = QLineEdit()
    edit = QDateEdit(QDate(2027, 6, 15))
    edit.setDisplayFormat("dd.MM.yyyy")
    layout.addWidget(line)
    layout.addWidget(edit)
    qtbot.addWidget(box)
    box.show()
    qtbot.keyClicks(line, "05.03.2026")
    assert line.text() == "05.03.2026"
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # arrows still step the day
    assert edit.date() == QDate(2027, 6, 16)
