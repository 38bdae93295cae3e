"""SQLite's foreign-key checks turned off for one bulk transaction (issue 17: store.db's
foreign_keys_off): only before the transaction's first write, found out by
foreign_key_violations, and on again once the pool takes the connection back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from auditdesk.store.db import Dangling, foreign_key_violations, foreign_keys_off
from auditdesk.store.migrate import open_database


def test_off_for_one_transaction_checked_and_on_again(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "o.sqlite"))
    try:
        with pytest.raises(RuntimeError), db.session() as s:
            connection = s.connection()
            assert foreign_keys_off(connection)
            connection.execute(
                text(
                    "INSERT INTO case_settled_day (settled_on, unit_id, judged, on_time, "
                    "no_deadline) VALUES ('2025-01-02', 987654, 1, 1, 0)"
                )
            )
            assert foreign_key_violations(connection, ["case_settled_day", "org_unit"]) == [
                Dangling("case_settled_day", "unit_id", "org_unit", 987654)
            ]
            raise RuntimeError("rolled back")
        with db.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            s.connection().exec_driver_sql("DELETE FROM org_unit WHERE 0")  # a write began
            assert not foreign_keys_off(s.connection())  # SQLite would ignore the pragma now
            assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()


def test_a_composite_or_implicit_key_is_checked_by_sqlites_pragma() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE p (a INTEGER, b INTEGER, PRIMARY KEY (a, b))")
        c.exec_driver_sql("CREATE TABLE q (id INTEGER PRIMARY KEY)")
        c.exec_driver_sql(
            "CREATE TABLE child (a INTEGER, b INTEGER, q_id INTEGER REFERENCES q, "
            "FOREIGN KEY (a, b) REFERENCES p (a, b))"
        )
        c.exec_driver_sql("INSERT INTO p VALUES (1, 1)")
        c.exec_driver_sql("INSERT INTO child VALUES (1, 1, NULL), (1, 2, NULL), (1, 1, 5)")
        found = foreign_key_violations(c, ["child", "p"])
    assert sorted(found, key=str) == [
        Dangling("child", "rowid", "p", 2),
        Dangling("child", "rowid", "q", 3),
    ]
    engine.dispose()
