"""The background-task runner: results and errors arrive on the GUI thread; cancel works."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.ui.tasks import LatestReads, Progress, SyncTaskRunner, TaskRunner
from held_runner import HeldRunner


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


def test_latest_reads_show_the_latest_request_of_each_key_only() -> None:
    # issue 14: a slower earlier read never overwrites a later one; busy while any is read
    runner = HeldRunner()
    busy: list[bool] = []
    shown: list[tuple[str, int]] = []
    failures: list[str] = []
    reads = LatestReads(runner, busy.append, lambda exc, _tb: failures.append(str(exc)))

    def boom() -> int:
        raise ValueError("second figures failed")

    reads.read("figures", lambda: 1, lambda n: shown.append(("figures", n)))
    reads.read("figures", boom, lambda n: shown.append(("figures", n)))
    reads.read("list", lambda: 3, lambda n: shown.append(("list", n)))
    assert busy == [True, True, True]
    runner.run(1)  # the latest figures fail: said
    assert failures == ["second figures failed"] and busy[-1] is True  # the list still reads
    runner.run(0)  # the earlier figures arrive late: dropped, busy unchanged
    assert shown == [] and len(busy) == 4
    runner.run(2)
    assert shown == [("list", 3)] and busy[-1] is False
