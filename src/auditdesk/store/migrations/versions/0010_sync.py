"""sync: laptops exchanging with the office store — node identity, peers, per-record state,
tombstones and conflicts

Revision ID: 0010_sync
Revises: 0001_foundation (new tables only; they refer to nothing outside themselves)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_sync"
down_revision = "0001_foundation"
branch_labels = ("sync",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_node",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_node")),
        sa.UniqueConstraint("uid", name=op.f("uq_sync_node_uid")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("watermark", sa.Integer(), nullable=False),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_record",
        sa.Column("peer_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("local_id", sa.Integer(), nullable=False),
        sa.Column("local_version", sa.Integer(), nullable=False),
        sa.Column("office_version", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["peer_uid"], ["sync_peer.uid"], name=op.f("fk_sync_record_peer_uid_sync_peer")
        ),
        sa.PrimaryKeyConstraint("peer_uid", "kind", "uid", name=op.f("pk_sync_record")),
    )
    op.create_index("ix_sync_record_local", "sync_record", ["kind", "local_id"], unique=False)
    op.create_table(
        "sync_tombstone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("record_no", sa.String(length=30), nullable=False),
        sa.Column("deleted_on", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["peer_uid"], ["sync_peer.uid"], name=op.f("fk_sync_tombstone_peer_uid_sync_peer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_tombstone")),
    )
    op.create_index(op.f("ix_sync_tombstone_peer_uid"), "sync_tombstone", ["peer_uid"])
    op.create_index(op.f("ix_sync_tombstone_uid"), "sync_tombstone", ["uid"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("record_no", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("laptop_version", sa.Integer(), nullable=True),
        sa.Column("office_version", sa.Integer(), nullable=True),
        sa.Column("laptop_json", sa.Text(), nullable=True),
        sa.Column("office_json", sa.Text(), nullable=True),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolution", sa.String(length=10), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["peer_uid"], ["sync_peer.uid"], name=op.f("fk_sync_conflict_peer_uid_sync_peer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_peer_uid"), "sync_conflict", ["peer_uid"])
    op.create_index(op.f("ix_sync_conflict_uid"), "sync_conflict", ["uid"])


def downgrade() -> None:
    for table in ("sync_conflict", "sync_tombstone", "sync_record", "sync_peer", "sync_node"):
        op.drop_table(table)
