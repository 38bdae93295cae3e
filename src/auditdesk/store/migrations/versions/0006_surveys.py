"""surveys: satisfaction-survey campaigns, anonymous responses, their answers and the
remembered import mappings

Revision ID: 0006_surveys
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_surveys"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_version_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_version_id"],
            ["form_version.id"],
            name=op.f("fk_survey_campaign_form_version_id_form_version"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_survey_campaign_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_campaign")),
    )
    with op.batch_alter_table("survey_campaign") as batch:
        batch.create_index(batch.f("ix_survey_campaign_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "survey_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("response_no", sa.String(length=40), nullable=True),
        sa.Column("natural_key", sa.String(length=80), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["survey_campaign.id"],
            name=op.f("fk_survey_response_campaign_id_survey_campaign"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_survey_response_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_response")),
        sa.UniqueConstraint(
            "campaign_id", "natural_key", name=op.f("uq_survey_response_campaign_id")
        ),
    )
    with op.batch_alter_table("survey_response") as batch:
        batch.create_index(
            "ix_survey_response_campaign_answered", ["campaign_id", "answered_on"], unique=False
        )
        batch.create_index(batch.f("ix_survey_response_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "survey_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["survey_response.id"],
            name=op.f("fk_survey_answer_response_id_survey_response"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answer")),
        sa.UniqueConstraint(
            "response_id", "question_id", name=op.f("uq_survey_answer_response_id")
        ),
    )
    with op.batch_alter_table("survey_answer") as batch:
        batch.create_index(batch.f("ix_survey_answer_question_id"), ["question_id"], unique=False)
        batch.create_index(batch.f("ix_survey_answer_response_id"), ["response_id"], unique=False)
    op.create_table(
        "survey_import_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("header_hash", sa.String(length=64), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_import_mapping")),
        sa.UniqueConstraint(
            "form_id", "header_hash", name=op.f("uq_survey_import_mapping_form_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("survey_import_mapping")
    op.drop_table("survey_answer")
    op.drop_table("survey_response")
    op.drop_table("survey_campaign")
