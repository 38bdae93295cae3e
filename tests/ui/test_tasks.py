"""The background-task runner: results and errors arrive on the GUI thread; cancel works."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.ui.tasks import Progress, SyncTaskRunner, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    worker_threads: list[threading.Thread] = []
    results: list[tuple[object, bool]] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        for i in range(5):
            progress.update(i + 1, 5, f"step {i}")
        return 42

    def done(value: object) -> None:
        app = QApplication.instance()
        assert app is not None
        results.append((value, QThread.currentThread() is app.thread()))

    runner.submit(work, done, lambda e, tb: results.append((e, False)))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(42, True)]
    assert worker_threads[0] is not threading.main_thread()


def test_errors_are_delivered_with_traceback(qtbot: QtBot) -> None:
    errors: list[tuple[BaseException, str]] = []

    def boom(_p: Progress) -> None:
        raise ValueError("zły plik")

    TaskRunner().submit(boom, lambda _v: None, lambda e, tb: errors.append((e, tb)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    exc, tb = errors[0]
    assert isinstance(exc, ValueError) and "zły plik" in tb


def test_cancel_stops_the_task(qtbot: QtBot) -> None:
    started = threading.Event()
    outcome: list[str] = []
    steps: list[int] = []

    def slow(progress: Progress) -> str:
        started.set()
        for i in range(200):
            progress.check()
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    handle = TaskRunner().submit(
        slow,
        lambda v: outcome.append(str(v)),
        lambda e, tb: outcome.append("error"),
        on_cancel=lambda: outcome.append("cancelled"),
    )
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]
    assert len(steps) < 200


def test_sync_runner_runs_at_once() -> None:
    seen: list[object] = []
    SyncTaskRunner().submit(lambda p: 7, seen.append, lambda e, tb: seen.append(e))
    assert seen == [7]
