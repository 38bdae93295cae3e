"""Shared fixtures: an isolated config folder, offscreen Qt, a temporary database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from softhsm import softhsm_token  # noqa: F401  (a shared fixture: a SoftHSM2 token)


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings and logs of every test go to a fresh folder, never the user's real ones."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(folder))
    monkeypatch.delenv("AUDITDESK_DB", raising=False)
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The database acting as the application itself (admin rights)."""
    return AppContext(db, Actor.system())


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """A database holding the demo office (and whatever the feature areas seed)."""
    from auditdesk.services.demo import create_demo

    create_demo(ctx)
    return ctx
