"""actions: the one register of improvement actions of the six methods (issue 17)

Revision ID: 0015_actions
Revises: 0011_overview (the overview's area; the register refers to org_unit only)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_actions"
down_revision = "0011_overview"
branch_labels = ("actions",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "improvement_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("period_to", sa.Date(), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("indicator", sa.String(length=40), nullable=True),
        sa.Column("value_before", sa.Double(), nullable=True),
        sa.Column("value_after", sa.Double(), nullable=True),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_improvement_action_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_improvement_action")),
    )
    op.create_index(
        op.f("ix_improvement_action_unit_id"), "improvement_action", ["unit_id"], unique=False
    )
    op.create_index(
        op.f("ix_improvement_action_due_on"), "improvement_action", ["due_on"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_improvement_action_due_on"), table_name="improvement_action")
    op.drop_index(op.f("ix_improvement_action_unit_id"), table_name="improvement_action")
    op.drop_table("improvement_action")
