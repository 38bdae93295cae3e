"""Each case's rule sentence (how its due date was reached, in Polish) is kept once per distinct
text in case_due_rule and a case holds its id (issue 17, migration 0020_case_rules): a million
cases repeat a few tens of thousands of ~215-character sentences. Writers turn sentences into
ids here; readers join case_due_rule (`rule_text`)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, func, insert, select
from sqlalchemy.orm import Session

from auditdesk.store.models import CaseDueRule

__all__ = ["rule_ids", "rule_text"]


def rule_text() -> ColumnElement[str]:
    """The sentence of a case in a query that outer-joins case_due_rule: '' when it has none."""
    return func.coalesce(CaseDueRule.text, "").label("due_rule")


def rule_ids(
    session: Session, texts: Iterable[str], known: dict[str, int | None] | None = None
) -> dict[str, int | None]:
    """The id of each sentence (None for ''), those not stored yet inserted in the caller's
    transaction. `known`: what an earlier call returned in the same transaction, extended."""
    ids: dict[str, int | None] = {"": None} if known is None else known
    wanted = {t for t in texts if t not in ids}
    if not wanted:
        return ids
    listed = sorted(wanted)
    for start in range(0, len(listed), 500):  # the stored ones, a bounded IN list at a time
        part = listed[start : start + 500]
        query = select(CaseDueRule.text, CaseDueRule.id).where(CaseDueRule.text.in_(part))
        ids.update((text, id_) for text, id_ in session.execute(query))
    new = [{"text": t} for t in listed if t not in ids]
    if new:
        stored = session.execute(
            insert(CaseDueRule).returning(CaseDueRule.text, CaseDueRule.id), new
        )
        ids.update((text, id_) for text, id_ in stored)
    return ids
