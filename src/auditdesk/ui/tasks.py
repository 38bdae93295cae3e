"""The one background-task runner: slow work on a QThreadPool, with progress and cancel.

A task is a plain function `fn(progress: Progress) -> result` that calls services (no Qt in it).
It reports with `progress.update(done, total, text)` and checks `progress.cancelled` (or calls
`progress.check()`, which raises Cancelled) between steps. Results and errors are delivered on
the GUI thread through signals. Tests use `SyncTaskRunner`, which runs tasks at once.

`submit` is generic: `on_done` is typed with what `fn` returns, so a callback names its real
type (`def done(report: CheckReport)`) instead of checking an `object`.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel; the task must leave nothing half-done."""


class Progress:
    """Handed to a task; thread-safe, no Qt inside."""

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._event = threading.Event()
        self._report = report or (lambda _d, _t, _x: None)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def update(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total, text)


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)  # exception, formatted traceback
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = Progress(lambda d, t, x: signals.progressed.emit(d, t, x))

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread, which decides how to show it
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            if self.progress.cancelled:
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


class TaskHandle(QObject):
    """What `submit` returns: the signals of one running task and its cancel switch."""

    def __init__(self, signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.signals = signals
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel()


class TaskRunner:
    # the work runs later, on a worker: a window may also spread its own building over turns
    # of the event loop (issue 14); SyncTaskRunner says False and everything happens at once
    background = True

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._live: set[TaskHandle] = set()

    def submit(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException, str], None],
        *,
        title: str = "",
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> TaskHandle:
        """Runs fn in the pool. With a title, shows a progress dialog with a Cancel button."""
        signals = _Signals()
        job = _Job(fn, signals)
        handle = TaskHandle(signals, job.progress)
        self._live.add(handle)
        dialog: QProgressDialog | None = None
        if title:
            dialog = QProgressDialog(
                title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent
            )
            dialog.setWindowTitle(title)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(handle.cancel)

        def progressed(done: int, total: int, text: str) -> None:
            if dialog is not None:
                dialog.setMaximum(total)
                dialog.setValue(done)
                if text:
                    dialog.setLabelText(text)

        def close() -> None:
            self._live.discard(handle)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

        def done(result: T) -> None:  # the signal carries what fn returned
            close()
            on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            close()
            on_error(exc, tb)

        def cancelled() -> None:
            close()
            if on_cancel is not None:
                on_cancel()

        signals.progressed.connect(progressed)
        signals.finished.connect(done)
        signals.failed.connect(failed)
        signals.cancelled.connect(cancelled)
        self.pool.start(job)
        return handle

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread: for tests and for trivial work."""

    background = False

    def submit(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException, str], None],
        *,
        title: str = "",
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> TaskHandle:
        signals = _Signals()
        progress = Progress()
        handle = TaskHandle(signals, progress)
        try:
            result = fn(progress)
        except Cancelled:
            if on_cancel is not None:
                on_cancel()
        except Exception as exc:
            on_error(exc, traceback.format_exc())
        else:
            on_done(result)
        return handle


class LatestReads:
    """Reads of a view on the TaskRunner, each under a key (a list, the figures, ...): the
    latest request of a key wins, what an earlier one read is dropped (a slower earlier filter
    never overwrites a later one); `busy(True)` while any key is being read, `busy(False)`
    once none is; a failure of the latest request goes to `failed` (a view says a user's error
    in its own line and hands anything else to the crash handler). Issue 14: the views read
    on workers so that the GUI thread never waits for a query."""

    def __init__(
        self,
        runner: TaskRunner,
        busy: Callable[[bool], None],
        failed: Callable[[BaseException, str], None],
    ) -> None:
        self._runner = runner
        self._busy = busy
        self._failed = failed
        self._generation: dict[str, int] = {}
        self._reading: set[str] = set()

    def read(self, key: str, work: Callable[[], T], show: Callable[[T], None]) -> None:
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        self._reading.add(key)
        self._busy(True)

        def latest() -> bool:
            if generation != self._generation.get(key):
                return False
            self._reading.discard(key)
            self._busy(bool(self._reading))
            return True

        def done(result: T) -> None:
            if latest():
                show(result)

        def failed(exc: BaseException, tb: str) -> None:
            if latest():
                self._failed(exc, tb)

        self._runner.submit(lambda _p: work(), done, failed)


def busy_bar(object_name: str, accessible_name: str) -> QProgressBar:
    """A thin indeterminate bar, hidden, for a view to show while it reads on a worker
    (`LatestReads`); `accessible_name` says what is being read (a screen reader names it)."""
    bar = QProgressBar()
    bar.setObjectName(object_name)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(6)
    bar.setAccessibleName(accessible_name)
    bar.hide()
    return bar
