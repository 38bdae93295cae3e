"""The office's server asks a laptop for its connection password (issue 16): the exchange opens
the office as the window opens a server — the password from AUDITDESK_DB_PASSWORD, the keyring or
libpq, else asked once — and never migrates the shared office store from a laptop.

The server stands in for PostgreSQL's password check (the test cluster trusts its socket): an
address on a made-up host that opens the real office store only with the password 's3cret'."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from auditdesk.services.admin.users import demo_password
from auditdesk.services.context import AppContext
from auditdesk.services.sync import OfficePasswordNeeded, synchronise_with_office
from auditdesk.store import server
from auditdesk.store.db import Database, DatabaseError
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates
from sync_helpers import new_laptop

ADDRESS = "postgresql+psycopg://audytor1@office.example:5432/auditdesk"


class GuardedOffice:
    """open_database for ADDRESS: refuses without 's3cret' as a server does; with it, opens the
    office store behind it and records whether it was asked to migrate."""

    def __init__(self, office: str) -> None:
        self.office = office
        self.calls: list[tuple[str | None, bool]] = []

    def __call__(self, target: str, *, migrate: bool = True) -> Any:
        password = make_url(target).password
        self.calls.append((password, migrate))
        if password != "s3cret":
            problem = (
                "fe_sendauth: no password supplied"
                if password is None
                else 'password authentication failed for user "audytor1"'
            )
            try:
                raise RuntimeError(problem)
            except RuntimeError as cause:
                raise DatabaseError(
                    "{database}: cannot use the database ({detail}).",
                    database="office",
                    detail=problem,
                ) from cause
        return open_database(self.office, migrate=migrate)


@pytest.fixture
def laptop(tmp_path: Path, demo_template: DemoTemplates) -> Iterator[Database]:
    db = new_laptop(demo_template.empty(), tmp_path / "laptop.sqlite")
    yield db
    db.dispose()


@pytest.fixture
def guarded(demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> GuardedOffice:
    url = demo_ctx.db.engine.url.render_as_string(hide_password=False)
    found = GuardedOffice(url)
    monkeypatch.setattr(server, "open_database", found)
    monkeypatch.delenv(server.PASSWORD_ENV, raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)  # no keyring installed
    return found


def _sync(laptop: Database, ask: server.PasswordPrompt | None) -> Any:
    return synchronise_with_office(
        laptop, ADDRESS, "audytor1", demo_password("audytor1"), server_password=ask
    )


def test_asked_once_then_synchronised_and_the_office_never_migrated(
    laptop: Database, guarded: GuardedOffice
) -> None:
    asked: list[str] = []

    def ask(address: str) -> str:
        asked.append(address)
        return "s3cret"

    report = _sync(laptop, ask)
    assert report.reference.account == 1 and report.reference.forms > 0
    assert asked == [ADDRESS]  # the address shown carries no password
    assert guarded.calls == [(None, False), ("s3cret", False)]  # never migrated from a laptop


def test_without_a_prompt_the_refusal_names_the_variable(
    laptop: Database, guarded: GuardedOffice
) -> None:
    with pytest.raises(OfficePasswordNeeded, match="set AUDITDESK_DB_PASSWORD"):
        _sync(laptop, None)


def test_the_password_from_the_environment_is_used_without_asking(
    laptop: Database, guarded: GuardedOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(server.PASSWORD_ENV, "s3cret")
    report = _sync(laptop, None)
    assert report.reference.account == 1
    assert guarded.calls == [("s3cret", False)]


def test_a_wrong_password_in_the_environment_is_named_then_asked(
    laptop: Database, guarded: GuardedOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(server.PASSWORD_ENV, "wrong")
    with pytest.raises(OfficePasswordNeeded, match="from AUDITDESK_DB_PASSWORD"):
        _sync(laptop, None)
    report = _sync(laptop, lambda _address: "s3cret")
    assert report.reference.account == 1
