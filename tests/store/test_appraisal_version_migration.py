"""0017_appraisal_version (issue 16): appraisals stored before it get version 1, on SQLite and
on PostgreSQL, and the mapper bumps it from there."""

from __future__ import annotations

from sqlalchemy import inspect, select

from auditdesk.services.context import AppContext
from auditdesk.store.migrate import schema_state
from auditdesk.store.models import Appraisal
from migration_steps import downgrade, upgrade_to_heads


def test_existing_appraisals_get_version_1(demo_ctx: AppContext) -> None:
    db = demo_ctx.db
    downgrade(db, "0009_integrity")
    with db.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("appraisal")}
        before = conn.exec_driver_sql("SELECT count(*) FROM appraisal").scalar()
        heads = {r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
    assert "version" not in columns
    assert before and before > 0, "the demo office holds appraisals"
    assert "0009_integrity" in heads and "0017_appraisal_version" not in heads
    assert "0015_actions" in heads  # the other branches stay where they were
    upgrade_to_heads(db)
    assert schema_state(db).up_to_date
    with db.engine.connect() as conn:
        versions = conn.execute(select(Appraisal.id, Appraisal.version)).all()
    assert len(versions) == before
    assert {v for _, v in versions} == {1}
