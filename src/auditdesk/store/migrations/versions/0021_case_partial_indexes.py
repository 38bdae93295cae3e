"""case_partial_indexes: case_record's open-case indexes hold the open cases only, its settled
cover the settled ones only (issue 17)

Revision ID: 0021_case_partial_indexes
Revises: 0020_case_rules (the last to change case_record)

An import of a million cases built ix_case_record_open_due (settled_on, due_on) and
ix_case_record_open_cover (settled_on, started_on, unit_id, due_on) over every case, though
only the open ones (about a tenth) are ever read through them. Partial, they build in a
fraction of the time (benchmarks/README.md, "The office-wide picture", session 6). The open
cover now leads with the unit, so that the overview's count per unit reads it in group order;
the settled cover is partial too (settled_on IS NOT NULL), so that without ANALYZE statistics
SQLite never plans an open-case statement through it. Same names, same columns read.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_case_partial_indexes"
down_revision = "0020_case_rules"
branch_labels = None
depends_on = None

OPEN = "settled_on IS NULL"
SETTLED = "settled_on IS NOT NULL"

# name, columns, condition: after this revision, then before it
AFTER = (
    ("ix_case_record_open_due", ["due_on"], OPEN),
    ("ix_case_record_settled_cover", ["settled_on", "unit_id", "days_late", "due_on"], SETTLED),
    ("ix_case_record_open_cover", ["unit_id", "started_on", "due_on", "settled_on"], OPEN),
)
BEFORE = (
    ("ix_case_record_open_due", ["settled_on", "due_on"], None),
    ("ix_case_record_settled_cover", ["settled_on", "unit_id", "days_late", "due_on"], None),
    ("ix_case_record_open_cover", ["settled_on", "started_on", "unit_id", "due_on"], None),
)


def _replace(indexes: tuple[tuple[str, list[str], str | None], ...]) -> None:
    for name, columns, condition in indexes:
        op.drop_index(name, table_name="case_record")
        where = None if condition is None else sa.text(condition)
        op.create_index(
            name, "case_record", columns, unique=False, sqlite_where=where, postgresql_where=where
        )


def upgrade() -> None:
    _replace(AFTER)


def downgrade() -> None:
    _replace(BEFORE)
