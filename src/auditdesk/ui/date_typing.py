"""Typing a date the way people write it, in every date and date-time field of the window.

Qt's QDateTimeEdit moves on to the next section by itself once a section is full ("05" of a day,
"2026" of a year) and *also* moves on when the separator after the current section is typed. So
"05.03.2026" typed into a dd.MM.yyyy field skipped the month and gave 05.06.2027, "5.3.2026" gave
05.06.3202, and "2026-03-05 09:30" in the audit header's date and time gave 2026-06-03 05:09 —
silently wrong dates. Checked against Qt itself in tests/ui/test_date_typing.py (PySide6 6.x).

The fix: an application-wide event filter. When a digit makes the section move on by itself, the
separator typed right after it is the one the person meant for that move and is swallowed;
any other separator (after "1" of a day, say, which could still become 10–19) moves on as Qt
does. Installed once per QApplication (ui/app.py, and the tests' application)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit

SEPARATORS = frozenset(".-/: ,")


class DateTyping(QObject):
    """See the module's text. One per application: `install(app)`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # the edit whose section a digit has just moved on, and the section it moved to
        self._moved: tuple[QDateTimeEdit, QDateTimeEdit.Section] | None = None
        self._delivering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._delivering
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QDateTimeEdit)
            or not isinstance(event, QKeyEvent)
            or event.modifiers() & _COMMANDS  # Ctrl+…, Alt+…: shortcuts, not typing
        ):
            return False
        text = event.text()
        moved, self._moved = self._moved, None
        if text and text in SEPARATORS:
            # the separator of a section that has already moved on by itself: nothing to do
            return (
                moved is not None and moved[0] is watched and (watched.currentSection() == moved[1])
            )
        if not text.isdigit():
            return False
        before = watched.currentSection()
        self._delivering = True  # deliver the digit now, to see whether the section moved on
        try:
            watched.event(event)
        finally:
            self._delivering = False
        after = watched.currentSection()
        if after != before:
            self._moved = (watched, after)
        return True


_COMMANDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_INSTALLED = "auditdeskDateTyping"


def install(app: QApplication) -> None:
    """Installs the filter on `app` once (a second call does nothing)."""
    if app.findChild(DateTyping, _INSTALLED) is not None:
        return
    typing = DateTyping(app)
    typing.setObjectName(_INSTALLED)
    app.installEventFilter(typing)
