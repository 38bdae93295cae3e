"""protocols: signed PDF protocols and drawn signatures

Revision ID: 0004_protocols
Revises: 0001_foundation

Records are referred to by kind and id (an audit or an appraisal), without a foreign key, so
this branch depends on neither the audits nor the appraisals branch.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_protocols"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "protocol",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("record_number", sa.String(length=60), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("signer", sa.String(length=300), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_by", sa.String(length=80), nullable=True),
        sa.Column("level", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocol")),
        sa.UniqueConstraint("record_kind", "record_id", name=op.f("uq_protocol_record_kind")),
    )
    with op.batch_alter_table("protocol", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_protocol_sha256"), ["sha256"], unique=False)

    op.create_table(
        "drawn_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("protocol_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("png", sa.LargeBinary(), nullable=False),
        sa.Column("drawn_by", sa.String(length=80), nullable=False),
        sa.Column("drawn_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["protocol_id"],
            ["protocol.id"],
            name=op.f("fk_drawn_signature_protocol_id_protocol"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drawn_signature")),
        sa.UniqueConstraint("protocol_id", "role", name=op.f("uq_drawn_signature_protocol_id")),
    )
    with op.batch_alter_table("drawn_signature", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_drawn_signature_protocol_id"), ["protocol_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("drawn_signature", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drawn_signature_protocol_id"))
    op.drop_table("drawn_signature")
    with op.batch_alter_table("protocol", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_protocol_sha256"))
    op.drop_table("protocol")
