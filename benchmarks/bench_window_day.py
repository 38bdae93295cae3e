"""The scripted day of bench_window.py (issue 14): the window driven as a person uses it, with a
stall monitor on the GUI thread. Run through `bench_window.py --day-db FILE`, which starts this
in a child process offscreen; prints one JSON line.

The monitor is a 5 ms precise timer: each tick records the time since the previous one, so a
slot, a paint or a synchronous query holding the GUI thread shows as one long gap. Between the
steps the driver lets the event loop run (nested QEventLoop) until the background tasks are done
and a short pause has passed, as a person would look at the screen.

Where a stall comes from: a watchdog thread looks every 10 ms at how long ago the last tick
was; while a gap is over STALL_MS it samples the GUI thread's Python stack
(`sys._current_frames()`), so each stall over STALL_MS is printed with the code it was in (the
application's frames, innermost first). A stall with no application frame is Qt's own work in
the event loop (layout, paint of C++ widgets) or a C++ call that holds the GIL.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget, QWidget

TICK_MS = 5
STALL_MS = 50  # a gap longer than this is sampled and reported with where the GUI thread was
SAMPLE_MS = 10
SAMPLE_FROM_MS = 30  # sampling starts before STALL_MS so that a 60 ms stall has a few samples
APP_FRAMES = ("auditdesk", "bench_window_day")


class StallMonitor:
    """Records the gaps between ticks of a 5 ms timer, per named step, and each gap over
    STALL_MS with the GUI thread's stacks sampled during it."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.step = "idle"
        self.gaps: dict[str, list[float]] = {}
        self.stalls: dict[str, list[tuple[float, float]]] = {}  # step: (start, ms)
        self._last = 0.0
        self._watch = StallWatch(self)
        self.collections: list[tuple[float, float, int]] = []  # the GC's runs: start, ms, gen
        self._gc_started = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()
        self._watch.start()
        gc.callbacks.append(self._gc)

    def stop(self) -> None:
        self.timer.stop()
        self._watch.stop()
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        """A collection holds the GIL throughout: no thread, not even the watchdog, runs."""
        now = time.perf_counter()
        if phase == "start":
            self._gc_started = now
        else:
            ms = (now - self._gc_started) * 1000
            self.collections.append((self._gc_started, ms, info["generation"]))

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self.gaps.setdefault(self.step, []).append(gap)
        if gap > STALL_MS:
            self.stalls.setdefault(self.step, []).append((self._last, gap))
        self._last = now

    def mark(self, step: str) -> None:
        self.step = step

    def stall_report(self, step: str) -> list[dict[str, Any]]:
        """The step's stalls over STALL_MS, longest first, each with its sampled stacks (the
        most frequent first, with how many samples showed it)."""
        out = []
        for start, ms in sorted(self.stalls.get(step, []), key=lambda s: -s[1]):
            stacks = Counter(self._watch.samples.get(start, []))
            end = start + ms / 1000
            for began, gc_ms, generation in self.collections:
                if start <= began <= end and gc_ms >= 5:
                    stacks[f"garbage collection, generation {generation}: {gc_ms:.0f} ms"] += 1
            out.append(
                {
                    "ms": round(ms, 1),
                    "where": [{"n": n, "stack": stack} for stack, n in stacks.most_common(5)],
                }
            )
        return out


def stack_of(frame: Any) -> str:
    """The application's frames of a stack, innermost first, and the innermost frame of any
    library under them ("module:line function")."""
    frames = traceback.extract_stack(frame)
    shown: list[str] = []
    for i, f in enumerate(reversed(frames)):
        ours = any(part in f.filename for part in APP_FRAMES)
        if ours or i == 0:
            name = f.filename.split("site-packages/")[-1].split("src/")[-1]
            shown.append(f"{name.removesuffix('.py')}:{f.lineno} {f.name}")
        if len(shown) >= 8:
            break
    return " < ".join(shown)


class StallWatch:
    """A thread that, while the GUI thread has not ticked for over SAMPLE_FROM_MS, samples its
    stack every SAMPLE_MS; the samples are keyed by the gap's start (the last tick)."""

    def __init__(self, monitor: StallMonitor) -> None:
        self.monitor = monitor
        self.samples: dict[float, list[str]] = {}
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        self._thread = threading.Thread(target=self._run, name="stall-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(1)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_MS / 1000):
            last = self.monitor._last
            if (time.perf_counter() - last) * 1000 <= SAMPLE_FROM_MS:
                continue
            frame = sys._current_frames().get(self._gui)
            if frame is not None:
                self.samples.setdefault(last, []).append(stack_of(frame))


def p99(values: list[float]) -> float:
    if len(values) < 2:
        return max(values, default=0.0)
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def settle(
    min_ms: int = 250, timeout_ms: int = 60_000, until: Callable[[], bool] | None = None
) -> None:
    """Runs the event loop until background tasks are done, `until` holds (if given) and at
    least `min_ms` have passed."""
    loop = QEventLoop()
    started = time.perf_counter()
    pool = QThreadPool.globalInstance()

    def check() -> None:
        elapsed = (time.perf_counter() - started) * 1000
        done = pool.activeThreadCount() == 0 and (until is None or until())
        if (elapsed >= min_ms and done) or elapsed > timeout_ms:
            loop.quit()

    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()


def close_message_boxes() -> QTimer:
    """A person reads a message (e.g. 'The protocol was saved as…') and closes it: every 300 ms
    an open message box is closed, so that a modal box does not stop the day."""

    def close() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            widget.close()

    timer = QTimer()
    timer.setInterval(300)
    timer.timeout.connect(close)
    timer.start()
    return timer


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def run_day(db_path: str, login: str, password: str) -> int:
    from sqlalchemy import select

    from auditdesk.services import audits as audit_svc
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.settings import Settings
    from auditdesk.store.migrate import open_database
    from auditdesk.store.models import Appraisal, OrgUnit, User
    from auditdesk.ui.i18n import install_language
    from auditdesk.ui.main_window import MainWindow
    from auditdesk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_language(app, "pl")
    db = open_database(db_path)
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        actor = Actor.of(user)
        bok = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "BOK"))
        appraisal_id = s.scalar(select(Appraisal.id).order_by(Appraisal.id).limit(1))
    ctx = AppContext(db, actor)
    form = next(f for f in audit_svc.checklist_forms(ctx) if f.form_id == "tk-wizyta")
    assert bok is not None
    draft_id = audit_svc.start_audit(
        ctx,
        audit_svc.NewAudit(
            form.version_id, "visit", bok, datetime(2026, 3, 2, 10), scenario={"sprawa": "x"}
        ),
    )
    done_page = audit_svc.list_audits(ctx, audit_svc.AuditFilter(status="completed"), limit=1)
    completed_id = done_page.rows[0].id
    out_dir = Path(tempfile.mkdtemp(prefix="auditdesk-day-"))

    monitor = StallMonitor()
    steps: list[tuple[str, Callable[[], None]]] = []
    state: dict[str, Any] = {}
    errors: dict[str, str] = {}

    def step(name: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
        def add(fn: Callable[[], None]) -> Callable[[], None]:
            steps.append((name, fn))
            return fn

        return add

    @step("start: main window shown, first list filled")
    def start() -> None:
        window = MainWindow(ctx, Settings(), TaskRunner())
        state["window"] = window
        window.show()
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 2000)
        settle(300)

    def window() -> Any:
        return state["window"]

    @step("open every panel")
    def every_panel() -> None:
        for row in range(window().nav.count()):
            window().nav.setCurrentRow(row)
            settle(300)

    @step("audits: filter unit, channel, period")
    def filters() -> None:
        panel = window().show_panel("audits")
        state["audits"] = panel
        settle(200)
        panel.unit.setCurrentIndex(max(panel.unit.findData(bok), 1))
        settle(200)
        panel.channel.setCurrentIndex(1)
        settle(200)
        panel.period.setCurrentIndex(3)
        settle(200)

    @step("audits: text search")
    def search() -> None:
        panel = state["audits"]
        panel.unit.setCurrentIndex(0)
        panel.channel.setCurrentIndex(0)
        panel.period.setCurrentIndex(0)
        settle(200)
        QTest.keyClicks(panel.search, "zameld")
        settle(800)
        panel.search.clear()
        settle(800)

    @step("audits: scroll the list")
    def scroll() -> None:
        panel = state["audits"]
        for _ in range(4):
            panel.table.scrollToBottom()
            settle(150)

    @step("audits: open an audit")
    def open_audit() -> None:
        panel = state["audits"]
        panel.request_audit(draft_id)  # what Enter on the list does: read on a worker
        settle(400, until=lambda: panel.editor is not None and panel.editor.audit_id == draft_id)
        state["editor"] = panel.editor

    @step("audits: answer ten items")
    def answer() -> None:
        editor = state["editor"]
        window().activateWindow()
        editor.focus_item(next(iter(editor.rows)))
        settle(100)
        for key in ["1", "1", "2", "1", "2", "1", "1"]:
            QTest.keyClick(focus(), key)
            settle(150)
        QTest.keyClicks(focus(), "7")
        QTest.keyClick(focus(), Qt.Key.Key_Return)
        settle(150)
        for key in ["1", "1"]:
            QTest.keyClick(focus(), key)
            settle(150)
        editor.close_editor()
        settle(300)

    @step("appraisals: open an appraisal")
    def appraisal() -> None:
        panel = window().show_panel("appraisals")
        settle(300)
        if appraisal_id is not None:
            panel.open_appraisal(appraisal_id)
            settle(400)
            if panel.editor is not None:
                panel.editor.close()
            settle(200)

    @step("monitoring: every tab")
    def monitoring() -> None:
        panel = window().show_panel("monitoring")
        settle(300)
        tabs = panel.findChild(QTabWidget, "monitoringTabs")
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(500)

    @step("protocols: open a protocol, save its PDF")
    def protocol() -> None:
        window().show_panel("protocols")
        settle(300)
        from auditdesk.ui.protocols.dialogs import ProtocolDialog

        dialog = ProtocolDialog(window().deps(), "audit", completed_id, window())
        dialog.show()
        settle(500)
        dialog.save_to(out_dir / "protokol.pdf")
        settle(300)
        dialog.close()
        settle(200)

    def run() -> None:
        state["closer"] = close_message_boxes()
        monitor.start()
        try:
            for name, fn in steps:
                monitor.mark(name)
                try:
                    fn()
                except Exception:
                    errors[name] = traceback.format_exc(limit=3)
        finally:  # a failure here must not leave the child waiting for its timeout
            monitor.stop()
            app.quit()

    QTimer.singleShot(0, run)
    app.exec()

    rows = []
    day_gaps: list[float] = []
    for name, _ in steps:
        gaps = monitor.gaps.get(name, [])
        if not name.startswith("start"):
            day_gaps.extend(gaps)
        rows.append(
            {
                "name": name,
                "ticks": len(gaps),
                "max_ms": round(max(gaps, default=0.0), 1),
                "p99_ms": round(p99(gaps), 1),
                "stalls": monitor.stall_report(name),
                "error": errors.get(name, ""),
            }
        )
    day_rows = [r for r in rows if not r["name"].startswith("start")]
    worst = max(day_rows, key=lambda r: r["max_ms"])
    print(
        json.dumps(
            {
                "steps": rows,
                "ticks": len(day_gaps),
                "max_ms": round(max(day_gaps, default=0.0), 1),
                "p99_ms": round(p99(day_gaps), 1),
                "worst_step": worst["name"],
                "errors": errors,
            }
        ),
        flush=True,
    )
    db.dispose()
    return 0
