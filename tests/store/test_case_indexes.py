"""case_record's partial indexes (issue 17, migration 0021_case_partial_indexes): the open
cases' two indexes hold the open cases only, the settled cover the settled ones only, and the
statements that read them are planned through them on SQLite without ANALYZE statistics (as an
import leaves the file), caught as the services run them. The migration goes down to the full
indexes and up again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection

from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases import reports, summary
from auditdesk.services.overview import Period
from auditdesk.services.overview.sources import cases as overview_cases
from auditdesk.store.migrate import schema_state
from migration_steps import downgrade, upgrade_to_heads

PARTIAL = {
    "ix_case_record_open_due": (["due_on"], "settled_on IS NULL"),
    "ix_case_record_settled_cover": (
        ["settled_on", "unit_id", "days_late", "due_on"],
        "settled_on IS NOT NULL",
    ),
    "ix_case_record_open_cover": (
        ["unit_id", "started_on", "due_on", "settled_on"],
        "settled_on IS NULL",
    ),
}
FULL = {
    "ix_case_record_open_due": ["settled_on", "due_on"],
    "ix_case_record_settled_cover": ["settled_on", "unit_id", "days_late", "due_on"],
    "ix_case_record_open_cover": ["settled_on", "started_on", "unit_id", "due_on"],
}


def _indexes(conn: Connection) -> dict[str, tuple[list[str], str | None]]:
    """case_record's indexes named in PARTIAL: columns and condition (None: the whole table)."""
    out: dict[str, tuple[list[str], str | None]] = {}
    for index in inspect(conn).get_indexes("case_record"):
        name = str(index["name"])
        if name not in PARTIAL:
            continue
        if conn.dialect.name == "sqlite":
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).scalar()
            where = str(sql).partition(" WHERE ")[2] or None
        else:
            found = conn.exec_driver_sql(
                "SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = %(name)s",
                {"name": name},
            ).scalar()
            where = None if found is None else str(found).strip("()")
        out[name] = ([str(c) for c in index["column_names"]], where)
    return out


def test_the_indexes_are_partial_and_the_migration_goes_down_and_up(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    with db.engine.connect() as conn:
        assert _indexes(conn) == PARTIAL
    downgrade(db, "0020_case_rules")
    with db.engine.connect() as conn:
        assert _indexes(conn) == {name: (columns, None) for name, columns in FULL.items()}
    upgrade_to_heads(db)
    assert schema_state(db).up_to_date
    with db.engine.connect() as conn:
        assert _indexes(conn) == PARTIAL


@contextmanager
def _caught(ctx: AppContext) -> Iterator[list[tuple[str, Any]]]:
    """The SELECT statements on case_record the services run meanwhile, with parameters."""
    found: list[tuple[str, Any]] = []

    def catch(
        _conn: Connection, _cursor: Any, sql: str, params: Any, _context: Any, _many: bool
    ) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "case_record" in sql:
            found.append((sql, params))

    event.listen(ctx.db.engine, "before_cursor_execute", catch)
    try:
        yield found
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", catch)


def _plans(ctx: AppContext, run: Callable[[], object]) -> list[str]:
    with _caught(ctx) as found:
        run()
    assert found, "the service read case_record"
    plans = []
    with ctx.db.engine.connect() as conn:
        for sql, params in found:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
            plans.append(" | ".join(str(r[3]) for r in rows))
    return plans


@pytest.mark.sqlite_only  # SQLite's planner, without statistics, as an import leaves the file
def test_the_open_and_settled_statements_are_planned_through_the_partial_indexes(
    demo_ctx: AppContext,
) -> None:
    with demo_ctx.db.engine.connect() as conn:
        assert not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
        ).first(), "no ANALYZE statistics: the plans below are the schema's alone"
    as_of = date(2025, 12, 31)
    [overdue] = _plans(demo_ctx, lambda: reports.overdue(demo_ctx, as_of=as_of, limit=50))
    assert "USING INDEX ix_case_record_open_due (due_on<?)" in overdue

    def open_cases() -> object:
        with demo_ctx.db.session() as s:
            return overview_cases.case_counts(s, Period(date(2025, 1, 1), as_of), None)

    [open_at_end] = _plans(demo_ctx, open_cases)
    assert "USING COVERING INDEX ix_case_record_open_cover" in open_at_end

    def recount() -> object:
        with demo_ctx.db.session() as s:
            return s.execute(summary.case_summary_query()).all()

    [recounted] = _plans(demo_ctx, recount)
    assert "USING COVERING INDEX ix_case_record_settled_cover" in recounted
