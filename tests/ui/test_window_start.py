"""The window's start (issue 14) and the main window's fit and users (issue 15): the sign-in
dialog before the database, the password checked on a worker, panels built when first opened,
no signing or XLSX at start, the window within a 1366×768 screen, size and splitters per user,
sign-out and switch-user."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.admin import auth, users
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import Role
from auditdesk.ui import main_window as main_window_module
from auditdesk.ui.auth.signin import SignInDialog
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.panels import PanelDeps, PanelSpec
from auditdesk.ui.tasks import SyncTaskRunner, TaskRunner

SCREEN = QRect(0, 0, 1366, 768)  # the commonest office laptop (no task bar: the worst case)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    install_language(qapp, "en")


def make_user(ctx: AppContext, login: str, role: Role = Role.AUDITOR) -> Actor:
    users.create_user(ctx, login, login.title(), role, f"{login} haslo 2026")
    return auth.sign_in(ctx.db, login, f"{login} haslo 2026")


# --- the sign-in dialog ------------------------------------------------------------------------


def test_password_is_checked_off_the_gui_thread_with_a_busy_indicator(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(ctx, "ewa")
    real = auth.sign_in

    def slow(db: object, login: str, password: str) -> Actor:
        time.sleep(0.6)  # a slow machine's argon2
        return real(db, login, password)  # type: ignore[arg-type]

    monkeypatch.setattr(auth, "sign_in", slow)
    dialog = SignInDialog(ctx.db, None, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy.isHidden()
    qtbot.keyClicks(dialog.login, "ewa")
    qtbot.keyClicks(dialog.password, "ewa haslo 2026")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.busy.isVisible()  # the check is under way, the dialog says so
    assert not dialog.ok_button.isEnabled()
    assert "Checking the password" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    timer.stop()
    assert dialog.actor is not None and dialog.actor.login == "ewa"
    assert len(ticks) >= 10  # the event loop ran a 20 ms timer through the 0.6 s check
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.3


def test_a_wrong_password_says_so_after_the_worker(qtbot: QtBot, ctx: AppContext) -> None:
    make_user(ctx, "ewa")
    dialog = SignInDialog(ctx.db, None, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.login, "ewa")
    qtbot.keyClicks(dialog.password, "zle haslo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong login or password" in dialog.message.text(), timeout=5000)
    assert dialog.busy.isHidden() and dialog.ok_button.isEnabled()
    assert dialog.password.text() == "" and dialog.actor is None


def test_sign_in_pressed_before_the_database_is_open_waits_for_it(
    qtbot: QtBot, ctx: AppContext
) -> None:
    make_user(ctx, "ewa")
    dialog = SignInDialog(None, None, TaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.busy.isVisible()  # opening the database
    qtbot.keyClicks(dialog.login, "ewa")
    qtbot.keyClicks(dialog.password, "ewa haslo 2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.set_database(ctx.db)
    assert str(ctx.db.path) in dialog.where.text()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert dialog.actor is not None and dialog.actor.login == "ewa"


def test_start_shows_the_sign_in_first_and_opens_the_database_behind_it(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from auditdesk.ui.app import start_and_sign_in

    make_user(ctx, "ewa", Role.ADMIN)  # an administrator exists: the sign-in, not the first run
    assert ctx.db.path is not None
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(10, drive)
            return
        seen.setdefault("db_when_shown", dialog.db)
        if dialog.db is None:  # the database opens behind the shown dialog
            QTimer.singleShot(10, drive)
            return
        dialog.login.setText("ewa")
        dialog.password.setText("ewa haslo 2026")
        dialog.ok_button.click()

    QTimer.singleShot(0, drive)
    settings = Settings(asked_for_demo=[ctx.db.describe()])  # no demo offer on this one
    signed = start_and_sign_in(settings, str(ctx.db.path), TaskRunner())
    assert signed is not None
    db, actor = signed
    assert actor.login == "ewa"
    assert seen["db_when_shown"] is None
    db.dispose()


# --- panels built when first opened --------------------------------------------------------------


def counting_specs(built: list[str]) -> list[PanelSpec]:
    def factory(key: str) -> Callable[[PanelDeps], QWidget]:
        def make(_deps: PanelDeps) -> QWidget:
            built.append(key)
            panel = QWidget()
            split = QSplitter(panel)
            split.addWidget(QLabel("left"))
            split.addWidget(QLabel("right"))
            split.resize(400, 100)
            return panel

        return make

    return [
        PanelSpec(key, n, lambda k=key: k.title(), factory(key), f"Ctrl+{n}")
        for n, key in enumerate(["first", "second", "third"], start=1)
    ]


def test_each_panel_is_built_when_first_opened(qtbot: QtBot, ctx: AppContext) -> None:
    built: list[str] = []
    window = MainWindow(ctx, Settings(), SyncTaskRunner(), counting_specs(built))
    qtbot.addWidget(window)
    assert built == ["first"]
    window.nav.setCurrentRow(2)
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(2)
    assert built == ["first", "third"]


def test_registered_panel_modules_import_no_panel(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from auditdesk.ui.panels import collect_panels\n"
        "collect_panels()\n"
        "heavy = ['auditdesk.ui.audits.panel', 'auditdesk.ui.appraisals.panel',"
        " 'auditdesk.ui.admin.panel', 'auditdesk.ui.protocols.panel', 'pyhanko', 'openpyxl']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]", out.stdout  # the factories import them when called


WINDOW_START = """
import sys
from PySide6.QtWidgets import QApplication, QAbstractItemView
app = QApplication([])
from sqlalchemy import select
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import TaskRunner
db = open_database(sys.argv[1])
with db.session() as s:
    actor = Actor.of(s.scalar(select(User).where(User.login == "kadry")))
runner = TaskRunner()
window = MainWindow(AppContext(db, actor), Settings(), runner)
window.show()
def filled():
    views = window.stack.currentWidget().findChildren(QAbstractItemView)
    return any(v.model() is not None and v.model().rowCount() > 0 for v in views)
for _ in range(50):  # the first panel's module is imported, then its list read, on workers
    app.processEvents()
    runner.wait()
    app.processEvents()
    if filled():
        break
assert filled(), "no list filled"
print("start", sorted(m for m in ("pyhanko", "openpyxl") if m in sys.modules))
window.show_panel("protocols")  # opening the panel lists signed protocols: no signing yet
from pathlib import Path
window.show_panel("audits").export(Path(sys.argv[2]), "xlsx")
runner.wait()
print("export", sorted(m for m in ("pyhanko", "openpyxl") if m in sys.modules))
"""


def test_the_window_starts_without_signing_or_xlsx(
    copy_demo: Callable[[Path], Path], tmp_path: Path
) -> None:
    path = copy_demo(tmp_path / "demo.sqlite")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", WINDOW_START, str(path), str(tmp_path / "audits.xlsx")],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "start []" in lines, out.stdout  # the main window and its first list: neither
    assert "export ['openpyxl']" in lines, out.stdout  # loaded when used


# --- the window on a 1366×768 screen, per user ---------------------------------------------------


@pytest.fixture
def small_screen(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(main_window_module, "available_geometry", lambda _w: SCREEN)
    return SCREEN


def within(window: MainWindow, area: QRect) -> bool:
    frame = window.frameGeometry()
    return (
        area.contains(window.geometry())
        and frame.height() <= area.height()
        and frame.width() <= area.width()
    )


def test_the_window_opens_within_the_available_screen(
    qtbot: QtBot, demo_ctx: AppContext, small_screen: QRect
) -> None:
    window = MainWindow(demo_ctx, Settings(), SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert within(window, small_screen), window.geometry()
    # a size saved on a larger screen is fitted too
    big = Settings()
    other = MainWindow(demo_ctx, big, SyncTaskRunner())
    qtbot.addWidget(other)
    other.resize(1900, 1100)
    other.move(400, 300)
    other.remember_layout()
    again = MainWindow(demo_ctx, big, SyncTaskRunner())
    qtbot.addWidget(again)
    again.show()
    assert within(again, small_screen), again.geometry()


def test_size_and_splitters_are_remembered_per_user(
    qtbot: QtBot, ctx: AppContext, small_screen: QRect
) -> None:
    ewa = make_user(ctx, "ewa")
    jan = make_user(ctx, "jan")
    settings = Settings()
    first = MainWindow(AppContext(ctx.db, ewa), settings, SyncTaskRunner(), counting_specs([]))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800×600)
    splitter = first.panels["first"].findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([100, 300])
    sizes = splitter.sizes()
    first.close()
    saved = Settings.load()
    again = MainWindow(AppContext(ctx.db, ewa), saved, SyncTaskRunner(), counting_specs([]))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    restored = again.panels["first"].findChild(QSplitter)
    assert restored is not None and restored.sizes() == sizes
    other = MainWindow(AppContext(ctx.db, jan), saved, SyncTaskRunner(), counting_specs([]))
    qtbot.addWidget(other)
    assert (other.width(), other.height()) != (700, 500)  # Jan has his own (the default)


# --- sign-out and switch user --------------------------------------------------------------------


def window_as(qtbot: QtBot, ctx: AppContext, actor: Actor) -> MainWindow:
    window = MainWindow(AppContext(ctx.db, actor), Settings(), SyncTaskRunner(), counting_specs([]))
    qtbot.addWidget(window)
    window.show()
    return window


def action(window: MainWindow, text: str) -> object:
    from PySide6.QtGui import QAction

    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert found, text
    return found[0]


def test_sign_out_asks_who_signs_in_next(qtbot: QtBot, ctx: AppContext) -> None:
    ewa, jan = make_user(ctx, "ewa"), make_user(ctx, "jan", Role.HR)
    window = window_as(qtbot, ctx, ewa)
    old_panel = window.panels["first"]
    asked: list[bool] = []

    def ask(parent: QWidget | None, _ctx: AppContext) -> Actor | None:
        asked.append(window.isVisible())  # nothing of Ewa's stays on screen meanwhile
        return jan

    window.ask_sign_in = ask
    sign_out = action(window, "Sign out")
    assert sign_out.shortcut().toString() == "Ctrl+Shift+Q"  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [False]
    assert window.isVisible() and window.context().actor.login == "jan"
    assert "Jan" in window.user_label.text()
    assert window.panels["first"] is not old_panel  # rebuilt for Jan


def test_cancelled_sign_in_after_sign_out_quits(qtbot: QtBot, ctx: AppContext) -> None:
    window = window_as(qtbot, ctx, make_user(ctx, "ewa"))
    window.ask_sign_in = lambda _p, _c: None
    window.sign_out()
    assert not window.isVisible()


def test_switch_user_keeps_the_current_one_when_cancelled(qtbot: QtBot, ctx: AppContext) -> None:
    ewa, jan = make_user(ctx, "ewa"), make_user(ctx, "jan")
    window = window_as(qtbot, ctx, ewa)
    window.ask_sign_in = lambda _p, _c: None
    action(window, "Switch user…").trigger()  # type: ignore[attr-defined]
    assert window.isVisible() and window.context().actor.login == "ewa"
    window.ask_sign_in = lambda _p, _c: jan
    window.switch_user()
    assert window.isVisible() and window.context().actor.login == "jan"
