"""The crash handler logs the traceback and shows it in a dialog with a copyable report."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from auditdesk.domain.errors import ValidationFailed
from auditdesk.logs import setup_file_logging
from auditdesk.ui import crash


def test_uncaught_exception_is_logged_and_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[crash.CrashDialog] = []

    def fake_exec(dialog: crash.CrashDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    log_file = setup_file_logging()
    crash.install_excepthook()
    try:
        raise RuntimeError("zażółć gęślą jaźń")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    report = shown[0].text.toPlainText()
    assert "RuntimeError: zażółć gęślą jaźń" in report and "Traceback" in report
    shown[0].copy_report()
    assert QApplication.clipboard().text() == report
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "zażółć gęślą jaźń" in log_file.read_text(encoding="utf-8")


def test_user_errors_get_a_plain_message(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    crash.show_error(None, ValidationFailed("audit TK/2026/0001: answer item 3 first"))
    assert messages == ["audit TK/2026/0001: answer item 3 first"]
