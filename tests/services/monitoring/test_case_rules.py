"""Issue 17, migration 0020_case_rules: each case's rule sentence (how its due date was reached)
is stored once per distinct text in case_due_rule and read back identical, on the bulk path, the
ordinary path, an update by sign and the demo; the case queries still plan with an index after
ix_case_record_batch_id was dropped."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from test_cases_bulk import HEADER, mixed_rows, rows, write

from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import reports, sentences
from auditdesk.services.overview import Period, overview
from auditdesk.store.models import CaseDueRule, CaseRecord


def sentences_by_sign(ctx: AppContext) -> dict[str, str]:
    with ctx.db.session() as s:
        query = (
            select(CaseRecord.sign, sentences.rule_text())
            .select_from(CaseRecord)
            .outerjoin(CaseDueRule, CaseDueRule.id == CaseRecord.due_rule_id)
        )
        return {sign: text for sign, text in s.execute(query)}


def rule_rows(ctx: AppContext) -> tuple[int, int]:
    """How many sentences are stored, how many distinct ones the cases point at."""
    with ctx.db.session() as s:
        stored = s.scalar(select(func.count()).select_from(CaseDueRule)) or 0
        used = s.scalar(select(func.count(func.distinct(CaseRecord.due_rule_id)))) or 0
    return int(stored), int(used)


@pytest.mark.parametrize("bulk", [True, False])
def test_each_sentence_is_stored_once_and_read_back_identical(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100 if bulk else 10**9)
    lines = mixed_rows()
    cases_import.import_cases(ctx, write(tmp_path / "a.csv", lines), as_of=date(2025, 5, 1))
    found = sentences_by_sign(ctx)
    assert len(found) == 400 and all(found.values())  # every case has its sentence
    assert any("k.p.a." in text for text in found.values())
    stored, used = rule_rows(ctx)
    assert stored == used == len(set(found.values())) < 400  # each distinct text once
    # every row through read_case, the sentence kept as text by the rule: the same texts
    monkeypatch.setattr(cases_import.CaseSource, "fast_reader", lambda self, mapping: None)
    with ctx.db.session() as s:
        s.execute(CaseRecord.__table__.delete())
    cases_import.import_cases(ctx, write(tmp_path / "b.csv", [*lines, ""]), as_of=date(2025, 5, 1))
    assert sentences_by_sign(ctx) == found
    assert rule_rows(ctx)[0] == stored  # the stored sentences used again, none added


def test_a_newer_export_points_at_the_new_sentence(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    first = rows(300)
    cases_import.import_cases(ctx, write(tmp_path / "a.csv", [HEADER, *first]))
    before = sentences_by_sign(ctx)
    # the category changed on the cases with none: their deadline and its sentence change
    newer = [r.replace(";03.03.2025;;;", ";03.03.2025;;2 miesiące;") for r in first]
    changed = sum(a != b for a, b in zip(first, newer, strict=True))
    result = cases_import.import_cases(ctx, write(tmp_path / "b.csv", [HEADER, *newer]))
    assert result.updated == changed > 0
    after = sentences_by_sign(ctx)
    moved = {sign for sign in after if after[sign] != before[sign]}
    assert len(moved) == changed
    assert all("2 mies." in after[sign] for sign in moved)
    stored, used = rule_rows(ctx)
    assert used == len(set(after.values())) and stored >= used


def test_the_reports_show_the_stored_sentence(demo_ctx: AppContext) -> None:
    late = reports.overdue(demo_ctx, as_of=demo_ctx.clock.today())
    assert late and all(row.due_rule for row in late)
    found = sentences_by_sign(demo_ctx)
    assert all(row.due_rule == found[row.sign] for row in late)


@pytest.mark.sqlite_only  # SQLite's EXPLAIN QUERY PLAN
def test_case_queries_plan_with_an_index(demo_ctx: AppContext) -> None:
    """Every statement the case reports and the overview run on case_record, planned by SQLite:
    none reads the whole table (ix_case_record_batch_id, dropped, served none of them).
    `reports.to_complete` is left out: its OR of "suspended, dates missing" and "no deadline"
    read the whole table before 0020 as after (no index holds `suspended`)."""
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Connection, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if "case_record" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(demo_ctx.db.engine, "before_cursor_execute", keep)
    try:
        today = demo_ctx.clock.today()
        reports.overdue(demo_ctx, as_of=today, limit=50)
        reports.overdue(demo_ctx, as_of=today, unit="WKS")
        overview(demo_ctx, Period(date(today.year, 1, 1), today))
    finally:
        event.remove(demo_ctx.db.engine, "before_cursor_execute", keep)
    assert len(seen) >= 3
    with demo_ctx.db.engine.connect() as conn:
        names = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE tbl_name = 'case_record'"
            )
        }
        assert "ix_case_record_batch_id" not in names
        for statement, parameters in seen:
            plan = [
                r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            ]
            whole = [p for p in plan if p.startswith("SCAN case_record") and "INDEX" not in p]
            assert not whole, (statement[-300:], plan)
