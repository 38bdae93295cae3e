"""Small widgets the appraisal screens share: a typed date field and an inline message line."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from auditdesk.domain.dates import format_date, typed_date


class DateField(QLineEdit):
    """A date typed as dd.mm.yyyy (the way Polish offices write it): fast from the keyboard,
    with the built-in undo of a line edit."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.setMaxLength(10)
        if value is not None:
            self.set_date(value)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date(self) -> date | None:
        """The date typed; None when the field is empty or holds no date."""
        return typed_date(self.text())


class MessageLine(QLabel):
    """Errors and confirmations shown in place, never in a blocking box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("messageLine")

    is_error = False

    def error(self, text: str) -> None:
        self.is_error = True
        self.setStyleSheet("color: #b00020;")
        self.setText(text)

    def info(self, text: str) -> None:
        self.is_error = False
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def clear_error(self) -> None:
        """An error about something since redone (the list reloaded) goes."""
        if self.is_error:
            self.is_error = False
            self.clear()


fmt_date = format_date  # dd.mm.yyyy, "" for no date (domain.dates)
