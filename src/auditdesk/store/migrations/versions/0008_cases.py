"""cases: the EZD case register (timeliness of case handling), import batches, column mappings

Revision ID: 0008_cases
Revises: 0001_foundation
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_cases"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=False),
        sa.Column("delimiter", sa.String(length=4), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=80), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_import_batch")),
    )
    op.create_index(
        op.f("ix_case_import_batch_sha256"), "case_import_batch", ["sha256"], unique=False
    )
    op.create_table(
        "case_column_mapping",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("header_key", sa.Text(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_column_mapping")),
        sa.UniqueConstraint("name", name=op.f("uq_case_column_mapping_name")),
    )
    op.create_index(
        op.f("ix_case_column_mapping_header_key"),
        "case_column_mapping",
        ["header_key"],
        unique=False,
    )
    op.create_table(
        "case_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sign", sa.String(length=80), nullable=False),
        sa.Column("unit_code", sa.String(length=40), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("jrwa", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("ezd_due_on", sa.Date(), nullable=True),
        sa.Column("computed_due_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_rule", sa.Text(), nullable=False),
        sa.Column("suspension_days", sa.Integer(), nullable=False),
        sa.Column("suspended", sa.Boolean(), nullable=False),
        sa.Column("suspended_from", sa.Date(), nullable=True),
        sa.Column("suspended_to", sa.Date(), nullable=True),
        sa.Column("handler", sa.String(length=200), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("days_to_settle", sa.Integer(), nullable=True),
        sa.Column("days_late", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["case_import_batch.id"],
            name=op.f("fk_case_record_batch_id_case_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["org_unit.id"], name=op.f("fk_case_record_unit_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_record")),
        sa.UniqueConstraint("sign", name=op.f("uq_case_record_sign")),
    )
    op.create_index(op.f("ix_case_record_batch_id"), "case_record", ["batch_id"], unique=False)
    op.create_index(op.f("ix_case_record_unit_id"), "case_record", ["unit_id"], unique=False)
    op.create_index(
        "ix_case_record_unit_settled", "case_record", ["unit_code", "settled_on"], unique=False
    )
    op.create_index(
        "ix_case_record_open_due", "case_record", ["settled_on", "due_on"], unique=False
    )


def downgrade() -> None:
    op.drop_table("case_record")
    op.drop_table("case_column_mapping")
    op.drop_table("case_import_batch")
