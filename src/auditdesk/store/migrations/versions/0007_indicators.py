"""indicators: complaints, grievances, opinions and praise; research notes and their actions

Revision ID: 0007_indicators
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_indicators"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("from_representative", sa.Boolean(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("due_rule", sa.Text(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_indicator_entry_employee_id_employee")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_indicator_entry_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_entry")),
        sa.UniqueConstraint("reference", name=op.f("uq_indicator_entry_reference")),
    )
    with op.batch_alter_table("indicator_entry", schema=None) as batch_op:
        for column in ("kind", "received_on", "unit_id", "employee_id", "due_on", "settled_on"):
            batch_op.create_index(
                batch_op.f(f"ix_indicator_entry_{column}"), [column], unique=False
            )

    op.create_table(
        "indicator_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=False),
        sa.Column("after_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["indicator_entry.id"],
            name=op.f("fk_indicator_correction_entry_id_indicator_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_correction")),
    )
    with op.batch_alter_table("indicator_correction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicator_correction_entry_id"), ["entry_id"], unique=False
        )

    op.create_table(
        "indicator_import_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("header_key", sa.String(length=64), nullable=False),
        sa.Column("header_text", sa.Text(), nullable=False),
        sa.Column("mapping_json", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_import_mapping")),
        sa.UniqueConstraint("header_key", name=op.f("uq_indicator_import_mapping_header_key")),
    )

    op.create_table(
        "research_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_note")),
    )
    with op.batch_alter_table("research_note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_research_note_held_on"), ["held_on"], unique=False)

    op.create_table(
        "research_note_unit",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["research_note.id"],
            name=op.f("fk_research_note_unit_note_id_research_note"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_research_note_unit_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("note_id", "unit_id", name=op.f("pk_research_note_unit")),
    )

    op.create_table(
        "research_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["note_id"], ["research_note.id"], name=op.f("fk_research_action_note_id_research_note")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_action")),
    )
    with op.batch_alter_table("research_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_research_action_note_id"), ["note_id"], unique=False)


def downgrade() -> None:
    for table in (
        "research_action",
        "research_note_unit",
        "research_note",
        "indicator_import_mapping",
        "indicator_correction",
        "indicator_entry",
    ):
        op.drop_table(table)
