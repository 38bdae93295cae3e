"""plan: the mystery-client programme plan (issue 18)

Revision ID: 0012_plan
Revises: 0002_audits (a planned visit names the audit started from it; units and users are the
foundation's)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_plan"
down_revision = "0002_audits"
branch_labels = ("plan",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.Column("margin", sa.Float(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("budget", sa.Integer(), nullable=True),
        sa.Column("allocation", sa.String(length=12), nullable=False),
        sa.Column("channels_json", sa.Text(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_programme")),
    )
    op.create_table(
        "plan_scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("brief", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["plan_programme.id"],
            name=op.f("fk_plan_scenario_programme_id_plan_programme"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_scenario")),
        sa.UniqueConstraint("programme_id", "code", name=op.f("uq_plan_scenario_programme_id")),
    )
    op.create_index(
        op.f("ix_plan_scenario_programme_id"), "plan_scenario", ["programme_id"], unique=False
    )
    op.create_table(
        "plan_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("hours", sa.String(length=300), nullable=False),
        sa.Column("traffic", sa.Integer(), nullable=True),
        sa.Column("last_result", sa.Float(), nullable=True),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("planning_p", sa.Float(), nullable=True),
        sa.Column("margin", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["plan_programme.id"],
            name=op.f("fk_plan_unit_programme_id_plan_programme"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_plan_unit_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_unit")),
        sa.UniqueConstraint("programme_id", "unit_id", name=op.f("uq_plan_unit_programme_id")),
    )
    op.create_index(op.f("ix_plan_unit_programme_id"), "plan_unit", ["programme_id"], unique=False)
    op.create_table(
        "auditor_exclusion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_auditor_exclusion_unit_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_auditor_exclusion_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditor_exclusion")),
        sa.UniqueConstraint("user_id", "unit_id", name=op.f("uq_auditor_exclusion_user_id")),
    )
    op.create_index(
        op.f("ix_auditor_exclusion_user_id"), "auditor_exclusion", ["user_id"], unique=False
    )
    op.create_table(
        "plan_auditor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("weekly_capacity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["plan_programme.id"],
            name=op.f("fk_plan_auditor_programme_id_plan_programme"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_plan_auditor_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_auditor")),
        sa.UniqueConstraint("programme_id", "user_id", name=op.f("uq_plan_auditor_programme_id")),
    )
    op.create_index(
        op.f("ix_plan_auditor_programme_id"), "plan_auditor", ["programme_id"], unique=False
    )
    op.create_table(
        "planned_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("scenario_code", sa.String(length=40), nullable=True),
        sa.Column("planned_at", sa.DateTime(), nullable=False),
        sa.Column("auditor_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("assign_reason", sa.Text(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit.id"],
            name=op.f("fk_planned_visit_audit_id_audit"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["auditor_id"], ["app_user.id"], name=op.f("fk_planned_visit_auditor_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["plan_programme.id"],
            name=op.f("fk_planned_visit_programme_id_plan_programme"),
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["planned_visit.id"],
            name=op.f("fk_planned_visit_replaces_id_planned_visit"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_planned_visit_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_visit")),
    )
    op.create_index(op.f("ix_planned_visit_audit_id"), "planned_visit", ["audit_id"], unique=False)
    op.create_index(
        "ix_planned_visit_auditor", "planned_visit", ["auditor_id", "planned_at"], unique=False
    )
    op.create_index(
        "ix_planned_visit_programme_at",
        "planned_visit",
        ["programme_id", "planned_at"],
        unique=False,
    )
    op.create_index(op.f("ix_planned_visit_unit_id"), "planned_visit", ["unit_id"], unique=False)
    op.create_index(
        op.f("ix_planned_visit_replaces_id"), "planned_visit", ["replaces_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_planned_visit_replaces_id"), table_name="planned_visit")
    op.drop_index(op.f("ix_planned_visit_unit_id"), table_name="planned_visit")
    op.drop_index("ix_planned_visit_programme_at", table_name="planned_visit")
    op.drop_index("ix_planned_visit_auditor", table_name="planned_visit")
    op.drop_index(op.f("ix_planned_visit_audit_id"), table_name="planned_visit")
    op.drop_table("planned_visit")
    op.drop_index(op.f("ix_plan_auditor_programme_id"), table_name="plan_auditor")
    op.drop_table("plan_auditor")
    op.drop_index(op.f("ix_auditor_exclusion_user_id"), table_name="auditor_exclusion")
    op.drop_table("auditor_exclusion")
    op.drop_index(op.f("ix_plan_unit_programme_id"), table_name="plan_unit")
    op.drop_table("plan_unit")
    op.drop_index(op.f("ix_plan_scenario_programme_id"), table_name="plan_scenario")
    op.drop_table("plan_scenario")
    op.drop_table("plan_programme")
