"""A watchdog for window tests: a modal dialog nobody answers would block `exec()` for ever and
hang the whole run (CI killed after its time limit, no test named). Every 0.5 s it looks for a modal
widget; one left open for `LIMIT` seconds is recorded and rejected, so `exec()` returns and the
test fails at teardown naming the dialog and its text. Tests that answer their own dialogs (a
single-shot timer, a patched `exec`) do so within milliseconds and never meet it."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

LIMIT = 10.0


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    return f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}".strip()


class ModalGuard:
    def __init__(self, limit: float = LIMIT) -> None:
        self.limit = limit
        self.stuck: list[str] = []
        self._seen: dict[int, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._look)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            self._seen.clear()
            return
        first = self._seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first < self.limit:
            return
        self.stuck.append(describe(widget))
        del self._seen[id(widget)]
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()
