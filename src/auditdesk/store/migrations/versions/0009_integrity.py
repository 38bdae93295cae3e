"""integrity: the audit trail's head record and content seals of locked audits and appraisals

Revision ID: 0009_integrity
Revises: 0002_audits, 0003_appraisals (it adds a column to the tables of both, so it joins the
two branches; `depends_on` would drop 0003_appraisals from the version table while the script
still names it a head, and the database would never count as current)

An older database gets its head from its newest trail entry, and its completed audits and made
appraisals are sealed from their content as it stands now: the seal cannot vouch for what
happened to a record before this migration, only from here on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_integrity"
down_revision = ("0002_audits", "0003_appraisals")
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table(
        "trail_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trail_head")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_sha256", sa.String(length=64), nullable=True))
    with op.batch_alter_table("appraisal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_sha256", sa.String(length=64), nullable=True))
    _fill()


def _fill() -> None:
    from auditdesk.domain.sealing import (
        APPRAISAL_UNSEALED_STATUSES,
        AUDIT_SEALED_STATUSES,
        appraisal_digest,
        audit_digest,
    )
    from auditdesk.store.base import utcnow
    from auditdesk.store.seals import appraisal_contents, audit_contents

    conn = op.get_bind()
    last = conn.execute(
        sa.text("SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")
    ).first()
    conn.execute(
        sa.text(
            "INSERT INTO trail_head (id, last_id, last_hash, updated_at) "
            "VALUES (1, :last_id, :last_hash, :at)"
        ),
        {
            "last_id": last[0] if last else 0,
            "last_hash": last[1] if last else GENESIS,
            "at": utcnow(),
        },
    )
    audit = sa.table("audit", sa.column("id"), sa.column("status"), sa.column("content_sha256"))
    ids = list(
        conn.scalars(
            sa.select(audit.c.id)
            .where(audit.c.status.in_(AUDIT_SEALED_STATUSES))
            .order_by(audit.c.id)
        )
    )
    sealed = [{"i": h.id, "h": audit_digest(h, a)} for h, a in audit_contents(conn, ids)]
    if sealed:
        conn.execute(sa.text("UPDATE audit SET content_sha256 = :h WHERE id = :i"), sealed)
    appraisal = sa.table("appraisal", sa.column("id"), sa.column("status"))
    ids = list(
        conn.scalars(
            sa.select(appraisal.c.id)
            .where(appraisal.c.status.not_in(APPRAISAL_UNSEALED_STATUSES))
            .order_by(appraisal.c.id)
        )
    )
    sealed = [{"i": h.id, "h": appraisal_digest(h, r)} for h, r in appraisal_contents(conn, ids)]
    if sealed:
        conn.execute(sa.text("UPDATE appraisal SET content_sha256 = :h WHERE id = :i"), sealed)


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+): batch mode would copy and drop the tables, which
    # the answers, ratings and protocols refer to
    op.drop_column("appraisal", "content_sha256")
    op.drop_column("audit", "content_sha256")
    op.drop_table("trail_head")
