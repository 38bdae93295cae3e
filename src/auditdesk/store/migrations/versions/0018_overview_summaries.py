"""overview_summaries: the settled EZD cases per unit and day, which the overview reads
instead of a million cases (issue 17); filled here from the cases already stored

Revision ID: 0018_overview_summaries
Revises: 0011_overview (the overview's area, after case_record and org_unit exist)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_overview_summaries"
down_revision = "0011_overview"
branch_labels = ("overview_summaries",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_settled_day",
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("judged", sa.Integer(), nullable=False),
        sa.Column("on_time", sa.Integer(), nullable=False),
        sa.Column("no_deadline", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_case_settled_day_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("settled_on", "unit_id", name=op.f("pk_case_settled_day")),
    )
    op.execute(
        "INSERT INTO case_settled_day (settled_on, unit_id, judged, on_time, no_deadline) "
        "SELECT settled_on, unit_id, count(days_late), "
        "coalesce(sum(CASE WHEN days_late = 0 THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN due_on IS NULL THEN 1 ELSE 0 END), 0) "
        "FROM case_record WHERE settled_on IS NOT NULL AND unit_id IS NOT NULL "
        "GROUP BY settled_on, unit_id"
    )


def downgrade() -> None:
    op.drop_table("case_settled_day")
