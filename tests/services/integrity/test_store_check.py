"""`check` on every store (issue 16): the schema revision, the trail and the content hashes on
SQLite and PostgreSQL alike; SQLite's PRAGMA checks run on a file, elsewhere a line says so."""

from __future__ import annotations

from sqlalchemy import text

from auditdesk.services import integrity
from auditdesk.services.context import AppContext


def test_a_clean_office_passes_and_says_what_it_skipped(demo_ctx: AppContext, backend: str) -> None:
    report = integrity.check(demo_ctx)
    assert report.ok, report.problems
    assert report.checked["schema revisions"] >= 1
    assert report.checked["audit trail head"] > 0
    if backend == "sqlite":
        assert report.checked["sqlite pages"] > 0 and report.skipped == []
    else:
        assert "sqlite pages" not in report.checked
        assert report.skipped == [
            "SQLite's page and foreign-key checks (PRAGMA): the store is postgresql, which keeps "
            "its pages and foreign keys itself"
        ]


def test_an_altered_trail_entry_and_an_old_schema_are_named(demo_ctx: AppContext) -> None:
    with demo_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE id = 3"))
        # one of the heads the database records, whichever branch it is (they grow per issue)
        head = sorted(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())[0]
        conn.execute(
            text("UPDATE alembic_version SET version_num = '0005_old' WHERE version_num = :head"),
            {"head": head},
        )
    problems = integrity.check(demo_ctx).problems
    assert any(p.startswith("schema revision:") and "0005_old" in p for p in problems), problems
    assert any("#3" in p or "entry 3" in p for p in problems), problems
