"""conversations: notes of the appraisal conversation (issue 15)

Revision ID: 0013_conversations
Revises: 0003_appraisals (the appraisal table its notes refer to)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_conversations"
down_revision = "0003_appraisals"
branch_labels = ("conversations",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "appraisal_conversation_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_login", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appraisal_id"],
            ["appraisal.id"],
            name=op.f("fk_appraisal_conversation_note_appraisal_id_appraisal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_conversation_note")),
    )
    op.create_index(
        op.f("ix_appraisal_conversation_note_appraisal_id"),
        "appraisal_conversation_note",
        ["appraisal_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_appraisal_conversation_note_appraisal_id"),
        table_name="appraisal_conversation_note",
    )
    op.drop_table("appraisal_conversation_note")
