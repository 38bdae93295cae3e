"""Reading what locked records say, in bulk, and their content seals (domain.sealing).

The same reader serves sealing (one record, inside the transaction that locks it), the
integrity check (every locked record, a few hundred per query) and the migration that seals
the records of an older database, so that all three read exactly the same values.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from auditdesk.domain.sealing import (
    APPRAISAL_FIELDS,
    APPRAISAL_RATING_FIELDS,
    AUDIT_ANSWER_FIELDS,
    AUDIT_FIELDS,
    appraisal_digest,
    audit_digest,
)
from auditdesk.store.models import Appraisal, AppraisalRating, Audit, AuditAnswer

CHUNK = 500

Content = tuple[Mapping[Any, Any], list[Mapping[Any, Any]]]


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def audit_contents(conn: Connection, ids: Sequence[int]) -> Iterator[Content]:
    """(audit row, its answer rows) for each id, in the order of `ids`; the rows are mappings
    with the id, `status`, `form_version_id` and the sealed fields."""
    table, answers = Audit.__table__, AuditAnswer.__table__
    head_cols = [table.c.id, table.c.status, table.c.content_sha256] + [
        table.c[f] for f in AUDIT_FIELDS if f not in ("id", "status")
    ]
    answer_cols = [answers.c.audit_id] + [answers.c[f] for f in AUDIT_ANSWER_FIELDS]
    for chunk in _chunks(ids):
        heads = {
            r["id"]: r
            for r in conn.execute(select(*head_cols).where(table.c.id.in_(chunk))).mappings()
        }
        parts: dict[int, list[Mapping[Any, Any]]] = {}
        stmt = select(*answer_cols).where(answers.c.audit_id.in_(chunk))
        for r in conn.execute(stmt).mappings():
            parts.setdefault(r["audit_id"], []).append(r)
        for i in chunk:
            if i in heads:
                yield heads[i], parts.get(i, [])


def appraisal_contents(conn: Connection, ids: Sequence[int]) -> Iterator[Content]:
    """(appraisal row, its rating rows) for each id, like `audit_contents`."""
    table, ratings = Appraisal.__table__, AppraisalRating.__table__
    head_cols = [table.c.id, table.c.status, table.c.content_sha256] + [
        table.c[f] for f in APPRAISAL_FIELDS if f not in ("id", "status")
    ]
    rating_cols = [ratings.c.appraisal_id] + [ratings.c[f] for f in APPRAISAL_RATING_FIELDS]
    for chunk in _chunks(ids):
        heads = {
            r["id"]: r
            for r in conn.execute(select(*head_cols).where(table.c.id.in_(chunk))).mappings()
        }
        parts: dict[int, list[Mapping[Any, Any]]] = {}
        stmt = select(*rating_cols).where(ratings.c.appraisal_id.in_(chunk))
        for r in conn.execute(stmt).mappings():
            parts.setdefault(r["appraisal_id"], []).append(r)
        for i in chunk:
            if i in heads:
                yield heads[i], parts.get(i, [])


def audit_seal(conn: Connection, audit_id: int) -> str:
    """The seal of one audit as it stands in the database (flush first)."""
    for head, answers in audit_contents(conn, [audit_id]):
        return audit_digest(head, answers)
    raise LookupError(f"audit #{audit_id} does not exist")


def appraisal_seal(conn: Connection, appraisal_id: int) -> str:
    """The seal of one appraisal as it stands in the database (flush first)."""
    for head, ratings in appraisal_contents(conn, [appraisal_id]):
        return appraisal_digest(head, ratings)
    raise LookupError(f"appraisal #{appraisal_id} does not exist")
