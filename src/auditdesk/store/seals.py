"""Reading what locked records say, in bulk, and their content seals (domain.sealing).

The same reader serves sealing (one record, inside the transaction that locks it), the
integrity check (every locked record, a few hundred per query) and the migration that seals
the records of an older database, so that all three read exactly the same values.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, select

from auditdesk.domain.sealing import (
    APPRAISAL_FIELDS,
    APPRAISAL_RATING_FIELDS,
    AUDIT_ANSWER_FIELDS,
    AUDIT_FIELDS,
    appraisal_digest,
    audit_digest,
)
from auditdesk.store.models import Appraisal, AppraisalRating, Audit, AuditAnswer

CHUNK = 2000

# a record's row: the sealed fields in their order, then id, status and the stored seal; a
# part's row: the sealed fields in their order, then the record's id
Content = tuple[Row[Any], list[Row[Any]]]


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _contents(
    conn: Connection,
    ids: Sequence[int],
    table: Table,
    fields: Sequence[str],
    part_table: Table,
    part_fields: Sequence[str],
    owner: str,
) -> Iterator[Content]:
    head_cols = [table.c[f] for f in fields] + [table.c.id, table.c.status, table.c.content_sha256]
    part_cols = [part_table.c[f] for f in part_fields] + [part_table.c[owner]]
    for chunk in _chunks(ids):
        heads = {r.id: r for r in conn.execute(select(*head_cols).where(table.c.id.in_(chunk)))}
        parts: dict[int, list[Row[Any]]] = {}
        rows = conn.execute(select(*part_cols).where(part_table.c[owner].in_(chunk))).all()
        for r in rows:
            parts.setdefault(r[-1], []).append(r)
        for i in chunk:
            if i in heads:
                yield heads[i], parts.get(i, [])


def audit_contents(conn: Connection, ids: Sequence[int]) -> Iterator[Content]:
    """(audit row, its answer rows) for each id, in the order of `ids`."""
    return _contents(
        conn,
        ids,
        cast(Table, Audit.__table__),
        AUDIT_FIELDS,
        cast(Table, AuditAnswer.__table__),
        AUDIT_ANSWER_FIELDS,
        "audit_id",
    )


def appraisal_contents(conn: Connection, ids: Sequence[int]) -> Iterator[Content]:
    """(appraisal row, its rating rows) for each id, like `audit_contents`."""
    return _contents(
        conn,
        ids,
        cast(Table, Appraisal.__table__),
        APPRAISAL_FIELDS,
        cast(Table, AppraisalRating.__table__),
        APPRAISAL_RATING_FIELDS,
        "appraisal_id",
    )


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
