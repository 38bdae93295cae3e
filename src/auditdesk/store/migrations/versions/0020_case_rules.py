"""case_rules: each case's rule sentence (how its due date was reached) kept once per distinct
sentence in case_due_rule, the case pointing at it; ix_case_record_batch_id dropped (issue 17)

Revision ID: 0020_case_rules
Revises: 0011_overview (the last to change case_record)

A million-case register import wrote the ~215-character sentence into every row (22,502
distinct in the benchmark's million cases) and kept an index on batch_id that no query reads
and no delete needs (import batches are never deleted). Both made the import's writing and its
commit slower (benchmarks/README.md, "The office-wide picture"). The sentences already stored
are carried over, and back on a downgrade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_case_rules"
down_revision = "0011_overview"
branch_labels = ("case_rules",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_due_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_due_rule")),
        sa.UniqueConstraint("text", name=op.f("uq_case_due_rule_text")),
    )
    op.execute(
        "INSERT INTO case_due_rule (text) SELECT DISTINCT due_rule FROM case_record "
        "WHERE due_rule <> '' ORDER BY due_rule"
    )
    op.add_column("case_record", sa.Column("due_rule_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE case_record SET due_rule_id = (SELECT r.id FROM case_due_rule r "
        "WHERE r.text = case_record.due_rule) WHERE due_rule <> ''"
    )
    op.drop_index("ix_case_record_batch_id", table_name="case_record")
    with op.batch_alter_table("case_record") as batch:
        batch.create_foreign_key(
            op.f("fk_case_record_due_rule_id_case_due_rule"),
            "case_due_rule",
            ["due_rule_id"],
            ["id"],
        )
        batch.drop_column("due_rule")


def downgrade() -> None:
    op.add_column("case_record", sa.Column("due_rule", sa.Text(), nullable=True))
    op.execute(
        "UPDATE case_record SET due_rule = coalesce((SELECT r.text FROM case_due_rule r "
        "WHERE r.id = case_record.due_rule_id), '')"
    )
    with op.batch_alter_table("case_record") as batch:
        batch.alter_column("due_rule", existing_type=sa.Text(), nullable=False)
        batch.drop_constraint(op.f("fk_case_record_due_rule_id_case_due_rule"), type_="foreignkey")
        batch.drop_column("due_rule_id")
    op.create_index("ix_case_record_batch_id", "case_record", ["batch_id"], unique=False)
    op.drop_table("case_due_rule")
