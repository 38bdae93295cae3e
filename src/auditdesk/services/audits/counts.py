"""Running totals behind the per-standard report (AuditStandardCount), so that a year of
100,000 audits is summed from a few thousand rows instead of millions of answers.

An audit is counted while it is completed or signed and not replaced by an amendment or a
re-audit. Whoever changes that (completing, importing, replacing) calls `add`/`remove` in the
same transaction; `recount` rebuilds the table from the answers and `check_counts` (run by
`auditdesk check`) reports any difference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import Audit, AuditAnswer, AuditStandardCount, Role

AUDIT_ROW = "__audit__"
COUNTED_STATUSES = ("completed", "signed")


def is_counted(audit: Audit) -> bool:
    return audit.status in COUNTED_STATUSES and not audit.superseded


def _bump(s: Session, audit: Audit, item_id: str, n: int, met: int, score: float | None) -> None:
    """Adds to one running total in the database itself (issue 16): reading the row and writing
    it back lost one of two completions counted at once on the office store, and two writers
    creating the same row collided (found by benchmarks/bench_office.py)."""
    key = (audit.form_id, audit.period, audit.unit_id, item_id)
    dialect = s.get_bind().dialect.name
    if dialect in ("postgresql", "sqlite"):
        # the dialect's own INSERT … ON CONFLICT, imported for the store in use only (issue 14:
        # importing PostgreSQL's dialect cost every SQLite process ~20 ms at start)
        insert: Callable[..., Any]
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            insert = pg_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            insert = sqlite_insert
        stmt = insert(AuditStandardCount).values(
            form_id=key[0],
            period=key[1],
            unit_id=key[2],
            item_id=key[3],
            n=n,
            met=met,
            score_sum=score * n if score is not None else 0.0,
            scored=n if score is not None else 0,
        )
        table = AuditStandardCount.__table__.c
        s.execute(
            stmt.on_conflict_do_update(
                index_elements=["form_id", "period", "unit_id", "item_id"],
                set_={
                    "n": table.n + stmt.excluded.n,
                    "met": table.met + stmt.excluded.met,
                    "score_sum": table.score_sum + stmt.excluded.score_sum,
                    "scored": table.scored + stmt.excluded.scored,
                },
            )
        )
        return
    row = s.get(AuditStandardCount, key)
    if row is None:
        row = AuditStandardCount(
            form_id=key[0],
            period=key[1],
            unit_id=key[2],
            item_id=key[3],
            n=0,
            met=0,
            score_sum=0.0,
            scored=0,
        )
        s.add(row)
    row.n += n
    row.met += met
    if score is not None:
        row.score_sum += score * n
        row.scored += n


def _apply(s: Session, audit: Audit, sign: int) -> None:
    s.flush()
    answers = s.execute(
        select(AuditAnswer.item_id, AuditAnswer.met).where(
            AuditAnswer.audit_id == audit.id, AuditAnswer.met.is_not(None)
        )
    ).all()
    for item_id, met in sorted(answers):  # one order for every writer: no deadlock between them
        _bump(s, audit, item_id, sign, sign if met else 0, None)
    _bump(s, audit, AUDIT_ROW, sign, sign if audit.passed else 0, audit.score)


def add(s: Session, audit: Audit) -> None:
    """The audit has just become counted (completed, imported)."""
    _apply(s, audit, +1)


def remove(s: Session, audit: Audit) -> None:
    """The audit stops being counted (replaced); call before setting `superseded`."""
    _apply(s, audit, -1)


def supersede(s: Session, original: Audit) -> None:
    """Marks an audit as replaced by its amendment or re-audit, taking it out of the totals."""
    if original.superseded:
        return
    if is_counted(original):
        remove(s, original)
    original.superseded = True


def _expected(s: Session) -> dict[tuple[str, str, int, str], tuple[int, int, float, int]]:
    counted = (Audit.status.in_(COUNTED_STATUSES), Audit.superseded.is_(False))
    out: dict[tuple[str, str, int, str], tuple[int, int, float, int]] = {}
    met = func.sum(case((AuditAnswer.met.is_(True), 1), else_=0))
    for form_id, period, unit_id, item_id, n, k in s.execute(
        select(
            Audit.form_id,
            Audit.period,
            Audit.unit_id,
            AuditAnswer.item_id,
            func.count(AuditAnswer.met),
            met,
        )
        .join(AuditAnswer, AuditAnswer.audit_id == Audit.id)
        .where(*counted, AuditAnswer.met.is_not(None))
        .group_by(Audit.form_id, Audit.period, Audit.unit_id, AuditAnswer.item_id)
    ):
        out[(form_id, period, unit_id, item_id)] = (int(n), int(k or 0), 0.0, 0)
    passed = func.sum(case((Audit.passed.is_(True), 1), else_=0))
    for form_id, period, unit_id, n, k, total, scored in s.execute(
        select(
            Audit.form_id,
            Audit.period,
            Audit.unit_id,
            func.count(),
            passed,
            func.coalesce(func.sum(Audit.score), 0.0),
            func.count(Audit.score),
        )
        .where(*counted)
        .group_by(Audit.form_id, Audit.period, Audit.unit_id)
    ):
        out[(form_id, period, unit_id, AUDIT_ROW)] = (
            int(n),
            int(k or 0),
            float(total),
            int(scored),
        )
    return out


def recount(s: Session) -> int:
    """Rebuilds the totals from the answers; returns the number of rows."""
    expected = _expected(s)
    s.execute(delete(AuditStandardCount))
    s.add_all(
        AuditStandardCount(
            form_id=k[0],
            period=k[1],
            unit_id=k[2],
            item_id=k[3],
            n=v[0],
            met=v[1],
            score_sum=v[2],
            scored=v[3],
        )
        for k, v in expected.items()
    )
    s.flush()
    return len(expected)


def recount_all(ctx: AppContext) -> int:
    """`auditdesk audits recount`: HR or an administrator rebuilds the totals."""
    if ctx.actor.role not in (Role.HR, Role.ADMIN):
        raise PermissionDenied("{login} may not rebuild the audit totals", login=ctx.actor.login)
    with ctx.db.session() as s:
        rows = recount(s)
        trail.record(s, ctx.actor, "recount", "audit_standard_count", "*", after={"rows": rows})
        return rows


def check_counts(db: Database, report: CheckReport) -> None:
    """Integrity check: the running totals equal a fresh count of the answers."""
    with db.session() as s:
        expected = _expected(s)
        stored = {
            (r.form_id, r.period, r.unit_id, r.item_id): (r.n, r.met, r.score_sum, r.scored)
            for r in s.scalars(select(AuditStandardCount))
            if r.n or r.met or r.scored
        }
    wrong = [
        k
        for k in expected.keys() | stored.keys()
        if (a := expected.get(k)) is None
        or (b := stored.get(k)) is None
        or a[:2] != b[:2]
        or a[3] != b[3]
        or abs(a[2] - b[2]) > 1e-6 * max(1.0, abs(a[2]))
    ]
    report.checked["audit result totals"] = len(stored)
    if wrong:
        sample = ", ".join(f"{k[0]} {k[1]} unit #{k[2]} {k[3]}" for k in sorted(wrong)[:3])
        report.problems.append(
            f"audit result totals: {len(wrong)} differ from the answers (e.g. {sample}); "
            "run 'auditdesk audits recount' to rebuild them"
        )
