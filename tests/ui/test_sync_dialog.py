"""File → Synchronise… (issue 16), by keyboard: a laptop exchanges with an office file, the
result shows; a conflict is listed with both versions and resolved by a button; Stop stops
after the current record and the next run finishes without duplicates; a wrong password says so
in the window's language; the office address is remembered, the password never."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from auditdesk.services import audits as svc
from auditdesk.services.admin.users import demo_password
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.plan import mark_visit, my_visits, start_planned_visit
from auditdesk.settings import Settings
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, OrgUnit, PlannedVisit
from auditdesk.ui.i18n import install_language
from auditdesk.ui.sync.dialog import SyncDialog
from auditdesk.ui.tasks import Cancelled, Progress, SyncTaskRunner, TaskHandle, TaskRunner, _Signals
from demo_office import DemoTemplates
from sync_helpers import actor_of, new_laptop, phone_audit, plan_phone_visits, sync

T = TypeVar("T")
PASSWORD = demo_password("audytor1")


@pytest.fixture
def laptop(tmp_path: Path, demo_template: DemoTemplates) -> Iterator[Database]:
    db = new_laptop(demo_template.empty(), tmp_path / "laptop.sqlite")
    yield db
    db.dispose()


def _address(office: Database) -> str:
    return str(office.path) if office.path is not None else office.url


def _dialog(qtbot: QtBot, ctx: AppContext, runner: TaskRunner | None = None) -> SyncDialog:
    dialog = SyncDialog(ctx, Settings.load(), runner or SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _sync_by_keyboard(qtbot: QtBot, dialog: SyncDialog, password: str = PASSWORD) -> None:
    _type(qtbot, dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def _count(db: Database, uid: str) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Audit).where(Audit.uid == uid)) or 0


def _uid(db: Database, audit_id: int) -> str:
    with db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        return audit.uid


def _office_id(db: Database, uid: str) -> int:
    with db.session() as s:
        found = s.scalar(select(Audit.id).where(Audit.uid == uid))
        assert found is not None
        return found


def test_a_fresh_laptop_synchronises_in_the_background_and_remembers_the_office_only(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext
) -> None:
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()), TaskRunner())
    _type(qtbot, dialog.address, _address(demo_ctx.db))
    _type(qtbot, dialog.login, "audytor1")
    _sync_by_keyboard(qtbot, dialog)
    qtbot.waitUntil(lambda: "received" in dialog.result_label.text(), timeout=60_000)
    assert not dialog.error.isVisible()
    assert dialog.sync_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert "conflict" in dialog.result_label.text() and "skipped" in dialog.result_label.text()
    assert Settings.load().sync_office == _address(demo_ctx.db)
    assert PASSWORD not in Settings.path().read_text(encoding="utf-8")
    actor_of(laptop, "audytor1")  # the account came: signing in works offline


def test_a_conflict_is_listed_with_both_versions_and_resolved_by_a_button(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    draft = phone_audit(lap)
    uid = _uid(laptop, draft)
    sync(laptop, demo_ctx.db)
    svc.save_answer(
        actor_of(demo_ctx.db, "audytor1"), _office_id(demo_ctx.db, uid), "uprzejmosc", "no"
    )
    svc.save_answer(lap, draft, "uprzejmosc", "yes")
    dialog = _dialog(qtbot, lap)
    assert dialog.login.text() == "audytor1"
    _type(qtbot, dialog.address, _address(demo_ctx.db))
    _sync_by_keyboard(qtbot, dialog)
    assert "1 conflict" in dialog.result_label.text()
    assert dialog.conflict_list.count() == 1 and dialog.conflicts_box.isVisible()
    assert "uprzejmosc: no" in dialog.office_text.toPlainText()
    assert "uprzejmosc: yes" in dialog.laptop_text.toPlainText()
    assert "►" in dialog.office_text.toPlainText()  # the difference is marked
    dialog.keep_laptop.setFocus()
    qtbot.keyClick(dialog.keep_laptop, Qt.Key.Key_Space)
    assert "laptop's version is kept" in dialog.conflict_list.item(0).text()
    assert not dialog.keep_office.isEnabled()  # chosen: nothing more to press
    dialog.grab().save("/tmp/syncshots/conflict.png")
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 60  # fits a 1366×768 screen
    assert dialog.minimumSizeHint().height() <= 700
    _sync_by_keyboard(qtbot, dialog)
    assert dialog.conflict_list.count() == 0 and not dialog.conflicts_box.isVisible()
    assert "1 sent" in dialog.result_label.text()
    with demo_ctx.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        assert {a.item_id: a.value for a in audit.answers}["uprzejmosc"] == "yes"


class _PressingRunner(TaskRunner):
    """Runs a task at once, as the pool would (a task that saw Cancel ends as cancelled), and
    lets the test act on its progress reports, i.e. while it runs."""

    def __init__(self) -> None:
        super().__init__()
        self.on_update: Callable[[int, int, str], None] = lambda _d, _t, _x: None

    def submit(  # type: ignore[override]
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException, str], None],
        *,
        title: str = "",
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> TaskHandle:
        progress = Progress(lambda d, t, x: self.on_update(d, t, x))
        handle = TaskHandle(_Signals(), progress)
        try:
            result = fn(progress)
        except Cancelled:
            result = None
        except Exception as exc:
            on_error(exc, traceback.format_exc())
            return handle
        if progress.cancelled or result is None:
            if on_cancel is not None:
                on_cancel()
        else:
            on_done(result)
        return handle


def test_stop_stops_after_the_current_record_and_the_next_run_finishes_it(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext
) -> None:
    sync(laptop, demo_ctx.db)
    lap = actor_of(laptop, "audytor1")
    uids = [_uid(laptop, phone_audit(lap, day=d)) for d in (3, 4, 5)]
    runner = _PressingRunner()
    dialog = _dialog(qtbot, lap, runner)
    pressed: list[int] = []

    def press_stop(done: int, total: int, _text: str) -> None:
        dialog.on_progress(done, total)
        if total and not pressed:
            pressed.append(done)
            assert dialog.cancel_button.isEnabled() and not dialog.sync_button.isEnabled()
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    runner.on_update = press_stop
    _type(qtbot, dialog.address, _address(demo_ctx.db))
    _sync_by_keyboard(qtbot, dialog)
    assert pressed
    assert "Stopped" in dialog.result_label.text()
    assert dialog.sync_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert sum(_count(demo_ctx.db, u) for u in uids) < len(uids)  # it did stop
    runner.on_update = dialog.on_progress
    _sync_by_keyboard(qtbot, dialog)
    assert "received" in dialog.result_label.text()
    assert [_count(demo_ctx.db, u) for u in uids] == [1, 1, 1]  # all there, none twice


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "pl")
    yield
    install_language(qapp, "en")


def test_a_wrong_password_says_so_in_polish_and_is_cleared(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext, polish: None
) -> None:
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()))
    assert dialog.windowTitle() == "Synchronizacja z biurem"
    _type(qtbot, dialog.address, _address(demo_ctx.db))
    _type(qtbot, dialog.login, "audytor1")
    _sync_by_keyboard(qtbot, dialog, "not-the-password")
    assert dialog.error.isVisible()
    assert "audytor1" in dialog.error.text() and "hasło" in dialog.error.text()
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    assert Settings.load().sync_office == ""  # nothing remembered from a failed exchange


def test_a_missing_office_file_is_refused_before_anything_is_made(
    qtbot: QtBot, laptop: Database, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()))
    missing = tmp_path / "no-such-office.sqlite"
    _type(qtbot, dialog.address, str(missing))
    _type(qtbot, dialog.login, "audytor1")
    _sync_by_keyboard(qtbot, dialog)
    assert dialog.error.isVisible() and str(missing) in dialog.error.text()
    assert not missing.exists()


def test_the_file_package_both_ways_from_the_dialog(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from auditdesk.services.sync import export_office_package, import_package

    office_zip = export_office_package(
        actor_of(demo_ctx.db, "audytor1"), tmp_path / "office.zip", "audytor1"
    )
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()))
    dialog.choose_open_file = lambda *_a: str(office_zip)
    dialog.import_button.setFocus()
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert "received" in dialog.result_label.text()
    lap = actor_of(laptop, "audytor1")
    uid = _uid(laptop, phone_audit(lap))
    dialog.ctx = lap
    out = tmp_path / "laptop.zip"
    dialog.choose_save_file = lambda *_a: str(out)
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert out.exists() and str(out) in dialog.result_label.text()
    import_package(actor_of(demo_ctx.db, "audytor1"), out)
    assert _count(demo_ctx.db, uid) == 1


def test_the_office_servers_password_is_asked_for_and_kept_nowhere(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server address whose server wants its connection password (none in the environment,
    keyring or ~/.pgpass): the dialog asks for it, runs again with it, and forgets it; cancelling
    the question leaves the server's refusal on screen."""
    import sys

    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy.engine import make_url

    from auditdesk.store import server
    from auditdesk.store.db import DatabaseError
    from auditdesk.store.migrate import open_database

    address = "postgresql+psycopg://audytor1@office.example/auditdesk"
    office_url = demo_ctx.db.engine.url.render_as_string(hide_password=False)

    def guarded(target: str, *, migrate: bool = True) -> Database:
        if make_url(target).password != "s3cret":
            try:
                raise RuntimeError("fe_sendauth: no password supplied")
            except RuntimeError as cause:
                raise DatabaseError(
                    "{database}: cannot use the database ({detail}).",
                    database="office",
                    detail="fe_sendauth: no password supplied",
                ) from cause
        assert not migrate  # a laptop never migrates the office store
        return open_database(office_url, migrate=False)

    monkeypatch.setattr(server, "open_database", guarded)
    monkeypatch.delenv(server.PASSWORD_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)
    answers = [("", False), ("s3cret", True)]  # first cancelled, then given
    asked: list[str] = []

    def get_text(_parent: QWidget, _title: str, label: str, *_a: object) -> tuple[str, bool]:
        asked.append(label)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()))
    _type(qtbot, dialog.address, address)
    _type(qtbot, dialog.login, "audytor1")
    _sync_by_keyboard(qtbot, dialog)
    assert len(asked) == 1 and address in asked[0]
    assert dialog.error.isVisible() and "AUDITDESK_DB_PASSWORD" in dialog.error.text()
    _sync_by_keyboard(qtbot, dialog)
    assert len(asked) == 2
    assert "received" in dialog.result_label.text() and not dialog.error.isVisible()
    assert dialog._server_password is None  # used for that run only
    assert "s3cret" not in Settings.path().read_text(encoding="utf-8")
    actor_of(laptop, "audytor1")


def test_planned_visits_and_their_links_are_reported_in_polish(
    qtbot: QtBot, laptop: Database, demo_ctx: AppContext, polish: None
) -> None:
    """The exchange says what it did to the auditor's planned visits, in the window's language:
    the visits copied from the office, then an audit started from a visit the office cancelled
    meanwhile — kept without it, named with its record number and the visit's status."""
    office = demo_ctx.db
    hr, _pid = plan_phone_visits(office)
    dialog = _dialog(qtbot, AppContext(laptop, Actor.system()), TaskRunner())
    _type(qtbot, dialog.address, _address(office))
    _type(qtbot, dialog.login, "audytor1")
    _sync_by_keyboard(qtbot, dialog)
    qtbot.waitUntil(lambda: "Zsynchronizowano" in dialog.result_label.text(), timeout=60_000)
    mine = my_visits(actor_of(laptop, "audytor1"))
    assert mine
    assert f"Wizyty zaplanowane w biurze — nowe: {len(mine)}," in dialog.result_label.text()

    la = actor_of(laptop, "audytor1")
    first = mine[0]
    audit_id = start_planned_visit(la, first.id)
    with office.session() as s:
        at_office = s.scalar(
            select(PlannedVisit.id)
            .join(OrgUnit, OrgUnit.id == PlannedVisit.unit_id)
            .where(
                OrgUnit.code == first.unit_code,
                PlannedVisit.channel == first.channel,
                PlannedVisit.planned_at == first.planned_at,
            )
        )
    assert at_office is not None
    mark_visit(hr, at_office, "cancelled", "remont urzędu", replace=False)
    dialog.result_label.clear()
    _sync_by_keyboard(qtbot, dialog)
    qtbot.waitUntil(lambda: "Zsynchronizowano" in dialog.result_label.text(), timeout=60_000)
    record_no = _record_no(laptop, audit_id)
    assert (
        f"{record_no}: wizyta zaplanowana nr {at_office} jest w biurze odwołana; "
        "audyt zostaje bez niej." in dialog.result_label.text()
    )


def _record_no(db: Database, audit_id: int) -> str:
    with db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        return audit.record_no
