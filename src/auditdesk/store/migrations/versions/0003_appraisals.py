"""appraisals: appraisals, ratings, development areas and actions, feedback notes, absences,
objections

Revision ID: 0003_appraisals
Revises: 0001_foundation

Feedback notes keep the cited audit as a plain number (resolved through the audit service), so
this branch does not depend on 0002_audits.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_appraisals"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_absence_employee_id_employee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_absence")),
    )
    op.create_index(op.f("ix_absence_employee_id"), "absence", ["employee_id"], unique=False)
    op.create_table(
        "appraisal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_number", sa.String(length=30), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("appraiser_id", sa.Integer(), nullable=False),
        sa.Column("form_version_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("overall_score", sa.Double(), nullable=True),
        sa.Column("overall_level", sa.String(length=64), nullable=True),
        sa.Column("positive", sa.Boolean(), nullable=True),
        sa.Column("conversation_on", sa.Date(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=True),
        sa.Column("read_on", sa.Date(), nullable=True),
        sa.Column("read_comment", sa.Text(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("redo_mode", sa.String(length=20), nullable=True),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appraiser_id"], ["employee.id"], name=op.f("fk_appraisal_appraiser_id_employee")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_appraisal_employee_id_employee")
        ),
        sa.ForeignKeyConstraint(
            ["form_version_id"],
            ["form_version.id"],
            name=op.f("fk_appraisal_form_version_id_form_version"),
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["appraisal.id"], name=op.f("fk_appraisal_supersedes_id_appraisal")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal")),
        sa.UniqueConstraint("record_number", name=op.f("uq_appraisal_record_number")),
    )
    op.create_index(op.f("ix_appraisal_appraiser_id"), "appraisal", ["appraiser_id"], unique=False)
    op.create_index(op.f("ix_appraisal_employee_id"), "appraisal", ["employee_id"], unique=False)
    op.create_index(op.f("ix_appraisal_status"), "appraisal", ["status"], unique=False)
    op.create_table(
        "appraisal_objection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["appraisal_id"],
            ["appraisal.id"],
            name=op.f("fk_appraisal_objection_appraisal_id_appraisal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replacement_id"],
            ["appraisal.id"],
            name=op.f("fk_appraisal_objection_replacement_id_appraisal"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_objection")),
        sa.UniqueConstraint("appraisal_id", name=op.f("uq_appraisal_objection_appraisal_id")),
    )
    op.create_table(
        "appraisal_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("criterion_code", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("mandatory", sa.Boolean(), nullable=False),
        sa.Column("expectations", sa.Text(), nullable=False),
        sa.Column("level_code", sa.String(length=64), nullable=True),
        sa.Column("points", sa.Double(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appraisal_id"],
            ["appraisal.id"],
            name=op.f("fk_appraisal_rating_appraisal_id_appraisal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_rating")),
        sa.UniqueConstraint(
            "appraisal_id", "criterion_code", name=op.f("uq_appraisal_rating_appraisal_id")
        ),
    )
    op.create_table(
        "development_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=300), nullable=False),
        sa.Column("expected_change", sa.Text(), nullable=False),
        sa.Column("support", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["appraisal_id"],
            ["appraisal.id"],
            name=op.f("fk_development_area_appraisal_id_appraisal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_area")),
    )
    op.create_index(
        op.f("ix_development_area_appraisal_id"), "development_area", ["appraisal_id"], unique=False
    )
    op.create_table(
        "feedback_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("author_login", sa.String(length=80), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=True),
        sa.Column("appraisal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["appraisal_id"], ["appraisal.id"], name=op.f("fk_feedback_note_appraisal_id_appraisal")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["employee.id"], name=op.f("fk_feedback_note_author_id_employee")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_feedback_note_employee_id_employee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_note")),
    )
    op.create_index(
        op.f("ix_feedback_note_appraisal_id"), "feedback_note", ["appraisal_id"], unique=False
    )
    op.create_index(
        op.f("ix_feedback_note_employee_id"), "feedback_note", ["employee_id"], unique=False
    )
    op.create_table(
        "development_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["development_area.id"],
            name=op.f("fk_development_action_area_id_development_area"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_development_action")),
    )
    op.create_index(
        op.f("ix_development_action_area_id"), "development_action", ["area_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_development_action_area_id"), table_name="development_action")
    op.drop_table("development_action")
    op.drop_index(op.f("ix_feedback_note_employee_id"), table_name="feedback_note")
    op.drop_index(op.f("ix_feedback_note_appraisal_id"), table_name="feedback_note")
    op.drop_table("feedback_note")
    op.drop_index(op.f("ix_development_area_appraisal_id"), table_name="development_area")
    op.drop_table("development_area")
    op.drop_table("appraisal_rating")
    op.drop_table("appraisal_objection")
    op.drop_index(op.f("ix_appraisal_status"), table_name="appraisal")
    op.drop_index(op.f("ix_appraisal_employee_id"), table_name="appraisal")
    op.drop_index(op.f("ix_appraisal_appraiser_id"), table_name="appraisal")
    op.drop_table("appraisal")
    op.drop_index(op.f("ix_absence_employee_id"), table_name="absence")
    op.drop_table("absence")
