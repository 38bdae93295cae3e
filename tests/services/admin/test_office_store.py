"""A server store's connection password (issue 16): from AUDITDESK_DB_PASSWORD, the keyring or a
prompt, in memory only; addresses are shown and remembered without it."""

from __future__ import annotations

import sys
import types

import pytest
from sqlalchemy.engine import make_url

from auditdesk.store import server
from auditdesk.store.db import DatabaseError

ADDRESS = "postgresql+psycopg://ala@office.example:5432/auditdesk"


class FakeServer:
    """Stands in for open_database: wants the password 's3cret', records what it was given."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, target: str, *, migrate: bool = True) -> object:
        self.urls.append(target)
        password = make_url(target).password
        if password == "s3cret":
            return "opened"
        problem = (
            "fe_sendauth: no password supplied"
            if password is None
            else ('password authentication failed for user "ala"')
        )
        try:
            raise RuntimeError(problem)
        except RuntimeError as cause:
            raise DatabaseError(
                "{database}: cannot use the database ({detail}).", database="x", detail=problem
            ) from cause


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    found = FakeServer()
    monkeypatch.setattr(server, "open_database", found)
    monkeypatch.delenv(server.PASSWORD_ENV, raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)  # no keyring installed
    return found


def test_redact_and_remembered_address() -> None:
    assert server.redact("postgresql+psycopg://ala:tajne@host/db failed") == (
        "postgresql+psycopg://ala:***@host/db failed"
    )
    assert server.redact("/home/ala/office.sqlite") == "/home/ala/office.sqlite"
    assert server.without_password("postgres://ala:tajne@host/db") == (
        "postgresql+psycopg://ala@host/db"
    )
    assert server.is_server_address("postgresql://ala@host/db")
    assert not server.is_server_address("sqlite:////tmp/x.sqlite")
    assert not server.is_server_address("/tmp/x.sqlite")


def test_password_from_the_environment(fake: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(server.PASSWORD_ENV, "s3cret")
    asked: list[str] = []
    assert server.open_server(ADDRESS, lambda a: asked.append(a) or None) == "opened"
    assert asked == [] and make_url(fake.urls[-1]).password == "s3cret"


def test_password_from_the_keyring(fake: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    keys: list[tuple[str, str]] = []

    def get_password(service: str, user: str) -> str:
        keys.append((service, user))
        return "s3cret"

    monkeypatch.setitem(sys.modules, "keyring", types.SimpleNamespace(get_password=get_password))
    assert server.open_server(ADDRESS) == "opened"
    assert keys == [("auditdesk", ADDRESS)]


def test_asked_when_the_server_wants_one(fake: FakeServer) -> None:
    asked: list[str] = []

    def ask(address: str) -> str:
        asked.append(address)
        return "s3cret"

    assert server.open_server(ADDRESS, ask) == "opened"
    assert asked == [ADDRESS]  # the address shown in the prompt carries no password
    assert make_url(fake.urls[0]).password is None


def test_refusals_name_what_to_do(fake: FakeServer) -> None:
    with pytest.raises(server.ServerPasswordRefused, match="set AUDITDESK_DB_PASSWORD"):
        server.open_server(ADDRESS)
    with pytest.raises(server.ServerPasswordRefused, match="no password given"):
        server.open_server(ADDRESS, lambda _a: None)
    with pytest.raises(server.ServerPasswordRefused, match="refused the password") as info:
        server.open_server(ADDRESS, lambda _a: "wrong")
    assert "wrong" not in str(info.value)


def test_a_wrong_known_password_names_where_it_came_from(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # followed by hand (docs/office-server.md): a wrong AUDITDESK_DB_PASSWORD was reported as
    # "set AUDITDESK_DB_PASSWORD", which it was
    monkeypatch.setenv(server.PASSWORD_ENV, "wrong")
    with pytest.raises(server.ServerPasswordRefused) as info:
        server.open_server(ADDRESS)
    message = str(info.value)
    assert "refused the password from AUDITDESK_DB_PASSWORD" in message
    assert "wrong" not in message


def test_a_password_in_the_address_is_used_but_never_shown(fake: FakeServer) -> None:
    assert server.open_server("postgresql://ala:s3cret@office.example/auditdesk") == "opened"
    with pytest.raises(server.ServerPasswordRefused) as info:
        server.open_server("postgresql://ala:wrong@office.example/auditdesk", lambda _a: None)
    assert "wrong" not in str(info.value)


def test_pg_dump_gets_the_password_in_its_environment_not_on_its_command_line() -> None:
    from typing import cast

    from auditdesk.store import pg_backup
    from auditdesk.store.db import Database

    db = cast(Database, types.SimpleNamespace(url="postgresql+psycopg://ala:s3cret@host/office"))
    uri, env = pg_backup._libpq(db)
    assert "s3cret" not in uri and uri == "postgresql://ala@host/office"
    assert env["PGPASSWORD"] == "s3cret"
