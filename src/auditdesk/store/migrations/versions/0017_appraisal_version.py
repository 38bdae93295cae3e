"""appraisal_version: an optimistic version counter on appraisals (issue 16)

Revision ID: 0017_appraisal_version
Revises: 0009_integrity (the last revision that changed the appraisal table)

Two people editing one appraisal (two windows, supervisor and HR at the office store, two
computers) no longer silently overwrite each other: `appraisal.version` is SQLAlchemy's
version_id_col, as `audit.version` is, and every service that changes an appraisal checks the
version its editor read. An existing appraisal starts at version 1. `changed_by` (the login
of whoever changed it last; NULL until then) names that person in the refusal: the trail files
most changes under the rating, area or action they touched, not under the appraisal.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_appraisal_version"
down_revision = "0009_integrity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appraisal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("changed_by", sa.String(length=80), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+), as 0009_integrity's downgrade: batch mode would copy
    # and drop the table, which the ratings, areas and protocols refer to
    op.drop_column("appraisal", "changed_by")
    op.drop_column("appraisal", "version")
