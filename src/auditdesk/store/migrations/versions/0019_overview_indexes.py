"""overview_indexes: covering indexes for the overview's mystery-client and complaint columns
(issue 17)

Revision ID: 0019_overview_indexes
Revises: 0007_indicators (the complaints' table); depends on 0002_audits (the audit table),
not a parent, so that the branch steps down one revision alone

A year of 100,000 audits was read through ix_audit_status (every completed audit, then its wide
row for the date, unit and score) and the complaints received or settled in a period through
ix_indicator_entry_kind (every complaint, then its row). Each index holds what its query reads,
unit before date, so the overview seeks one range per unit and reads no row
(services/overview/sources/audits.py and complaints.py; benchmarks/README.md for the times).
"""

from __future__ import annotations

from alembic import op

revision = "0019_overview_indexes"
down_revision = "0007_indicators"
branch_labels = ("overview_indexes",)
depends_on = "0002_audits"

# name, table, columns (as in the models: store/models/audits.py, indicators.py)
INDEXES = (
    (
        "ix_audit_overview",
        "audit",
        ["status", "superseded", "unit_id", "visited_at", "passed", "score", "critical_failure"],
    ),
    ("ix_indicator_entry_received_cover", "indicator_entry", ["kind", "unit_id", "received_on"]),
    (
        "ix_indicator_entry_settled_cover",
        "indicator_entry",
        ["kind", "unit_id", "settled_on", "due_on", "outcome"],
    ),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
