"""personal data (issue 19): the retention register as the administrator changed it, the
employee's status for the retention run (end of employment, restriction of processing), the
requests and notes about a person (access, rectification, restriction) and the log of who read
an appraisal

Revision ID: 0014_personal_data
Revises: 0005_security
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_personal_data"
down_revision = "0005_security"
branch_labels = ("personal_data",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retention_rule",
        sa.Column("record_type", sa.String(length=40), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", name=op.f("pk_retention_rule")),
    )
    op.create_table(
        "person_status",
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("employment_ended_on", sa.Date(), nullable=True),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_person_status_employee_id_employee")
        ),
        sa.PrimaryKeyConstraint("employee_id", name=op.f("pk_person_status")),
    )
    op.create_table(
        "person_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("noted_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employee.id"], name=op.f("fk_person_request_employee_id_employee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_request")),
    )
    op.create_index(
        op.f("ix_person_request_employee_id"), "person_request", ["employee_id"], unique=False
    )
    op.create_table(
        "record_read",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reader", sa.String(length=80), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_read")),
    )
    op.create_index(
        op.f("ix_record_read_employee_id"), "record_read", ["employee_id"], unique=False
    )
    op.create_index(op.f("ix_record_read_at"), "record_read", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_record_read_at"), table_name="record_read")
    op.drop_index(op.f("ix_record_read_employee_id"), table_name="record_read")
    op.drop_table("record_read")
    op.drop_index(op.f("ix_person_request_employee_id"), table_name="person_request")
    op.drop_table("person_request")
    op.drop_table("person_status")
    op.drop_table("retention_rule")
