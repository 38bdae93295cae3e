"""File → Open database… (issue 16): a file or the office store's server address, the recent list
(never a password), and every failure shown with the window left where it was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.admin import open_database as od
from auditdesk.ui.admin.open_database import OpenDatabaseDialog, open_chosen, remember
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner
from pg_office import PgTemplates

SECRET = "tajne-haslo-9"


@pytest.fixture(autouse=True)
def english() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


class Boxes:
    """QMessageBox.critical and QInputDialog.getText replaced: what was shown and asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, password: str | None = None) -> None:
        self.shown: list[str] = []
        self.asked: list[str] = []
        self.password = password
        monkeypatch.setattr(QMessageBox, "critical", self._critical)
        monkeypatch.setattr(QInputDialog, "getText", self._get_text)

    def _critical(self, _parent: QWidget | None, _title: str, message: str, *_: Any) -> Any:
        self.shown.append(message)
        return QMessageBox.StandardButton.Ok

    def _get_text(self, _parent: Any, _title: str, label: str, *_: Any) -> tuple[str, bool]:
        self.asked.append(label)
        return (self.password or "", self.password is not None)


def _no_passphrase(*_: Any) -> None:
    return None


def test_the_dialog_offers_a_file_and_the_recent_addresses(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(
        language="en",
        recent_databases=["postgresql+psycopg://ala@office/auditdesk", str(tmp_path / "a.sqlite")],
    )
    dialog = OpenDatabaseDialog(settings)
    qtbot.addWidget(dialog)
    items = [dialog.address.itemText(i) for i in range(dialog.address.count())]
    assert items == settings.recent_databases
    assert dialog.target() == ""  # nothing chosen for the user
    dialog.accept()  # nothing given: refused with a line saying what to give
    assert dialog.result() == 0 and not dialog.error.isHidden()
    assert "server address" in dialog.error.text()

    dialog.address.setCurrentIndex(0)
    assert dialog.target() == "postgresql+psycopg://ala@office/auditdesk"

    chosen = tmp_path / "office.sqlite"
    dialog.choose_file = lambda *_: str(chosen)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.target() == str(chosen)


def test_the_window_passes_the_address_to_the_open_path(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(window)
    address = "postgresql+psycopg://ala@office.example/auditdesk"

    def answered(self: OpenDatabaseDialog) -> int:
        self.address.setEditText(address)
        return 1

    monkeypatch.setattr(OpenDatabaseDialog, "exec", answered)
    with qtbot.waitSignal(window.database_change_requested) as signal:
        window.open_database()
    assert signal.args == [address]


def test_a_file_opens_and_is_remembered(
    qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo_ctx.db.path is not None
    copy = tmp_path / "other.sqlite"
    shutil.copy(demo_ctx.db.path, copy)
    boxes = Boxes(monkeypatch)
    settings = Settings(language="en", recent_databases=["postgresql+psycopg://x@y/z"])
    db = open_chosen(None, settings, str(copy), "current.sqlite", _no_passphrase)
    assert db is not None
    try:
        assert db.path == copy.resolve()
    finally:
        db.dispose()
    assert boxes.shown == [] and boxes.asked == []
    assert settings.recent_databases == [str(copy), "postgresql+psycopg://x@y/z"]
    assert Settings.load().recent_databases == settings.recent_databases  # saved


def test_a_file_that_is_no_database_is_shown_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"this is a shopping list, not a database\n" * 10)
    before = bad.read_bytes()
    boxes = Boxes(monkeypatch)
    settings = Settings(language="en")
    assert open_chosen(None, settings, str(bad), "current.sqlite", _no_passphrase) is None
    assert len(boxes.shown) == 1
    assert "notes.sqlite" in boxes.shown[0]
    assert "The window stays on current.sqlite; nothing was changed." in boxes.shown[0]
    assert bad.read_bytes() == before
    assert settings.recent_databases == []


def test_a_server_that_is_down_is_shown_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("AUDITDESK_DB_PASSWORD", raising=False)
    boxes = Boxes(monkeypatch)
    settings = Settings(language="en")
    address = f"postgresql+psycopg://ala:{SECRET}@127.0.0.1:1/auditdesk?connect_timeout=3"
    assert open_chosen(None, settings, address, "current.sqlite", _no_passphrase) is None
    assert len(boxes.shown) == 1
    shown = boxes.shown[0]
    assert "127.0.0.1" in shown and "cannot use the database" in shown
    assert SECRET not in shown
    assert settings.recent_databases == []  # only what opened is remembered


def test_remembered_addresses_never_hold_the_password() -> None:
    settings = Settings(language="en", recent_databases=["a.sqlite"])
    remember(settings, f"postgresql+psycopg://ala:{SECRET}@office/auditdesk")
    remember(settings, "a.sqlite")
    assert settings.recent_databases == ["a.sqlite", "postgresql+psycopg://ala@office/auditdesk"]
    assert SECRET not in Settings.path().read_text(encoding="utf-8")


# -- on a real server (AUDITDESK_TEST_PG: scripts/test-postgres.sh) -------------------------------


@pytest.fixture
def pg(pg_templates: PgTemplates) -> Iterator[PgTemplates]:
    yield pg_templates


def test_the_office_store_opens_by_its_address(
    pg: PgTemplates, today: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, url = pg.copy(pg.demo(today))
    try:
        boxes = Boxes(monkeypatch)
        settings = Settings(language="en")
        db = open_chosen(None, settings, url, "current.sqlite", _no_passphrase)
        assert db is not None and boxes.shown == []
        try:
            with db.session() as s:
                assert s.execute(text("SELECT count(*) FROM app_user")).scalar_one() > 0
        finally:
            db.dispose()
        assert settings.recent_databases == [od.remembered_address(url)]
    finally:
        pg.drop(name)


def test_an_empty_or_older_server_store_is_refused_unchanged(
    pg: PgTemplates, today: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = pg.tag + "bare_ui"
    bare_url = pg._create(bare)
    name, url = pg.copy(pg.demo(today))
    try:
        boxes = Boxes(monkeypatch)
        settings = Settings(language="en")
        assert open_chosen(None, settings, bare_url, "current.sqlite", _no_passphrase) is None
        assert "holds no AuditDesk office yet" in boxes.shown[-1]
        assert "init" in boxes.shown[-1]
        engine = create_engine(bare_url)
        with engine.connect() as conn:  # the window created no tables
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
        engine.dispose()
        assert tables == 0

        engine = create_engine(url)
        with engine.begin() as conn:  # as if the store were one revision behind
            conn.execute(text("DELETE FROM alembic_version WHERE version_num = '0010_sync'"))
        assert open_chosen(None, settings, url, "current.sqlite", _no_passphrase) is None
        assert "older schema" in boxes.shown[-1]
        with engine.connect() as conn:  # not migrated from the window
            versions = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        engine.dispose()
        assert "0010_sync" not in versions
        assert settings.recent_databases == []
    finally:
        pg.drop(name)
        pg.drop(bare)
