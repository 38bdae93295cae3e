"""0020_case_rules (issue 17): the rule sentences stored in case_record before it are carried
into case_due_rule (each distinct text once) and back on a downgrade, on SQLite and on
PostgreSQL; ix_case_record_batch_id is dropped and built again."""

from __future__ import annotations

from sqlalchemy import inspect

from auditdesk.services.context import AppContext
from auditdesk.store.migrate import schema_state
from migration_steps import downgrade, upgrade_to_heads

AFTER = (
    "SELECT c.sign, coalesce(r.text, '') FROM case_record c "
    "LEFT JOIN case_due_rule r ON r.id = c.due_rule_id"
)


def test_rule_sentences_are_carried_down_and_up(demo_ctx: AppContext) -> None:
    db = demo_ctx.db
    with db.engine.connect() as conn:
        expected = {a: b for a, b in conn.exec_driver_sql(AFTER)}
    assert len(expected) > 100 and all(expected.values()), "the demo office holds cases"
    downgrade(db, "0011_overview")
    with db.engine.connect() as conn:
        found = inspect(conn)
        assert "case_due_rule" not in found.get_table_names()
        assert "ix_case_record_batch_id" in {i["name"] for i in found.get_indexes("case_record")}
        down = {a: b for a, b in conn.exec_driver_sql("SELECT sign, due_rule FROM case_record")}
    assert down == expected
    upgrade_to_heads(db)
    assert schema_state(db).up_to_date
    with db.engine.connect() as conn:
        assert {a: b for a, b in conn.exec_driver_sql(AFTER)} == expected
        stored = conn.exec_driver_sql("SELECT count(*) FROM case_due_rule").scalar()
        assert stored == len(set(expected.values())) < len(expected)
        names = {i["name"] for i in inspect(conn).get_indexes("case_record")}
        assert "ix_case_record_batch_id" not in names
