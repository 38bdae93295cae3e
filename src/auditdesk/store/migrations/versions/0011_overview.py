"""overview: office settings (what "without delay" counts as, the office's case categories),
monitoring targets per indicator and unit; a case may have no known deadline; a grievance's
service date and a complaint's new date notified under art. 36 (issue 17)

Revision ID: 0011_overview
Revises: 0007_indicators, 0008_cases (whose tables it changes; it joins the two branches, so
that a current database holds exactly the script's heads)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_overview"
down_revision = ("0007_indicators", "0008_cases")
branch_labels = ("overview",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_office_setting")),
    )
    op.create_table(
        "monitoring_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("at_least", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("set_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_monitoring_target_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_target")),
        sa.UniqueConstraint("indicator", "unit_id", name=op.f("uq_monitoring_target_indicator")),
    )
    op.create_index(
        op.f("ix_monitoring_target_unit_id"), "monitoring_target", ["unit_id"], unique=False
    )
    with op.batch_alter_table("case_record") as batch:
        batch.alter_column("computed_due_on", existing_type=sa.Date(), nullable=True)
        batch.alter_column("due_on", existing_type=sa.Date(), nullable=True)
    op.create_index(
        "ix_case_record_settled_cover",
        "case_record",
        ["settled_on", "unit_id", "days_late", "due_on"],
        unique=False,
    )
    op.create_index(
        "ix_case_record_open_cover",
        "case_record",
        ["settled_on", "started_on", "unit_id", "due_on"],
        unique=False,
    )
    with op.batch_alter_table("indicator_entry") as batch:
        batch.add_column(sa.Column("served_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("new_due_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("new_due_notified_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("indicator_entry") as batch:
        batch.drop_column("new_due_notified_on")
        batch.drop_column("new_due_on")
        batch.drop_column("served_on")
    op.drop_index("ix_case_record_open_cover", table_name="case_record")
    op.drop_index("ix_case_record_settled_cover", table_name="case_record")
    with op.batch_alter_table("case_record") as batch:
        batch.alter_column("due_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("computed_due_on", existing_type=sa.Date(), nullable=False)
    op.drop_index(op.f("ix_monitoring_target_unit_id"), table_name="monitoring_target")
    op.drop_table("monitoring_target")
    op.drop_table("office_setting")
