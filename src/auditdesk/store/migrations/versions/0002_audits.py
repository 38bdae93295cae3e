"""audits: mystery-client audits, answers, evidence (files kept in evidence_blob by SHA-256),
disputes and action plans

Revision ID: 0002_audits
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_audits"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_blob")),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record_no", sa.String(length=30), nullable=False),
        sa.Column("origin_record_no", sa.String(length=30), nullable=True),
        sa.Column("form_version_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("observed_note", sa.String(length=120), nullable=False),
        sa.Column("auditor_id", sa.Integer(), nullable=True),
        sa.Column("auditor_name", sa.String(length=200), nullable=False),
        sa.Column("scenario_json", sa.Text(), nullable=False),
        sa.Column("scenario_summary", sa.String(length=300), nullable=False),
        sa.Column("search_text", sa.String(length=1000), nullable=False),
        sa.Column("visited_at", sa.DateTime(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=True),
        sa.Column("superseded", sa.Boolean(), nullable=False),
        sa.Column("earned", sa.Float(), nullable=False),
        sa.Column("possible", sa.Float(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("verdict", sa.String(length=40), nullable=False),
        sa.Column("verdict_label", sa.String(length=120), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("critical_failure", sa.Boolean(), nullable=False),
        sa.Column("section_scores_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("signed_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["auditor_id"], ["app_user.id"], name=op.f("fk_audit_auditor_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_audit_employee_id_employee")
        ),
        sa.ForeignKeyConstraint(
            ["form_version_id"],
            ["form_version.id"],
            name=op.f("fk_audit_form_version_id_form_version"),
        ),
        sa.ForeignKeyConstraint(
            ["original_id"], ["audit.id"], name=op.f("fk_audit_original_id_audit")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_audit_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
        sa.UniqueConstraint("record_no", name=op.f("uq_audit_record_no")),
        sa.UniqueConstraint("uid", name=op.f("uq_audit_uid")),
        sa.UniqueConstraint("year", "seq", name=op.f("uq_audit_year")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_auditor_id"), ["auditor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_channel"), ["channel"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index("ix_audit_form_period", ["form_id", "period"], unique=False)
        batch_op.create_index(
            "ix_audit_list",
            ["visited_at", "unit_id", "channel", "status", "verdict", "auditor_id"],
            unique=False,
        )
        batch_op.create_index("ix_audit_search", ["search_text", "visited_at"], unique=False)
        batch_op.create_index("ix_audit_verdict", ["verdict", "status", "score"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_form_version_id"), ["form_version_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_audit_original_id"), ["original_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_status"), ["status"], unique=False)
        batch_op.create_index("ix_audit_unit_period", ["unit_id", "period"], unique=False)
        batch_op.create_index("ix_audit_visited_at", ["visited_at"], unique=False)

    op.create_table(
        "action_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("manager_note", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_action_plan_audit_id_audit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_plan")),
        sa.UniqueConstraint("audit_id", name=op.f("uq_action_plan_audit_id")),
    )
    op.create_table(
        "audit_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=True),
        sa.Column("na", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("points", sa.Float(), nullable=True),
        sa.Column("max_points", sa.Float(), nullable=True),
        sa.Column("met", sa.Boolean(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit.id"],
            name=op.f("fk_audit_answer_audit_id_audit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_answer")),
        sa.UniqueConstraint("audit_id", "item_id", name=op.f("uq_audit_answer_audit_id")),
    )
    with op.batch_alter_table("audit_answer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_answer_report", ["audit_id", "item_id", "met"], unique=False
        )

    op.create_table(
        "audit_dispute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("raised_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("follow_up_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_audit_dispute_audit_id_audit")
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_id"], ["audit.id"], name=op.f("fk_audit_dispute_follow_up_id_audit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_dispute")),
    )
    with op.batch_alter_table("audit_dispute", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_dispute_audit_id"), ["audit_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audit.id"], name=op.f("fk_evidence_audit_id_audit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence_blob.sha256"], name=op.f("fk_evidence_sha256_evidence_blob")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_audit_id"), ["audit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_sha256"), ["sha256"], unique=False)

    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["action_plan.id"],
            name=op.f("fk_action_item_plan_id_action_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_item_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "audit_standard_count",
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("met", sa.Integer(), nullable=False),
        sa.Column("score_sum", sa.Float(), nullable=False),
        sa.Column("scored", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_audit_standard_count_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint(
            "form_id", "period", "unit_id", "item_id", name=op.f("pk_audit_standard_count")
        ),
    )


def downgrade() -> None:
    op.drop_table("audit_standard_count")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_item_plan_id"))

    op.drop_table("action_item")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_sha256"))
        batch_op.drop_index(batch_op.f("ix_evidence_audit_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("audit_dispute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_dispute_audit_id"))

    op.drop_table("audit_dispute")
    with op.batch_alter_table("audit_answer", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_answer_report")

    op.drop_table("audit_answer")
    op.drop_table("action_plan")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_visited_at")
        batch_op.drop_index("ix_audit_unit_period")
        batch_op.drop_index(batch_op.f("ix_audit_status"))
        batch_op.drop_index(batch_op.f("ix_audit_original_id"))
        batch_op.drop_index(batch_op.f("ix_audit_form_version_id"))
        batch_op.drop_index("ix_audit_form_period")
        batch_op.drop_index("ix_audit_list")
        batch_op.drop_index("ix_audit_search")
        batch_op.drop_index("ix_audit_verdict")
        batch_op.drop_index(batch_op.f("ix_audit_employee_id"))
        batch_op.drop_index(batch_op.f("ix_audit_channel"))
        batch_op.drop_index(batch_op.f("ix_audit_auditor_id"))

    op.drop_table("audit")
    op.drop_table("evidence_blob")
