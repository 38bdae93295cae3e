"""A TaskRunner for window tests that keeps each task until the test runs it, so a test can
finish a worker's reads in any order (a later filter's before an earlier one's) or fail one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from auditdesk.ui.tasks import Progress, TaskHandle, TaskRunner


class HeldRunner(TaskRunner):
    """Keeps each submitted task until the test runs it, in any order (a worker's timing)."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[Callable[[Progress], Any], Callable[[Any], None], Any]] = []

    def submit(  # type: ignore[override]
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        *,
        title: str = "",
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> TaskHandle:
        self.held.append((fn, on_done, on_error))
        return TaskHandle(None, Progress())  # type: ignore[arg-type]

    def run(self, index: int) -> None:
        fn, on_done, on_error = self.held[index]
        try:
            result = fn(Progress())
        except Exception as exc:
            on_error(exc, "")
        else:
            on_done(result)
