"""Synchronisation between an auditor's laptop and the office store (services/sync).

Both databases get these tables (one schema); the laptop fills the state, the office only its
`sync_node` identity. Records are exchanged by their stable uid and compared by their versions
(never by wall time): `sync_record` remembers, per office and record, the version each side
had when they last agreed, so that a change on one side since then is applied to the other and
a change on both sides is a conflict (`sync_conflict`) kept with both states until a person
resolves it. A record known to `sync_record` but gone from one side was deleted there: the
deletion travels as a tombstone (`sync_tombstone`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class SyncNode(Base):
    """This database's identity in synchronisation (one row, made at the first exchange)."""

    __tablename__ = "sync_node"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120))  # the laptop's host name, "office", …
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncPeer(Base):
    """An office this laptop exchanges with, and how far the last complete exchange got."""

    __tablename__ = "sync_peer"

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)  # the office's SyncNode.uid
    name: Mapped[str] = mapped_column(String(300))  # where it was reached (URL without password)
    # the office's last trail entry seen by the last complete exchange (0: never completed)
    watermark: Mapped[int] = mapped_column(Integer, default=0)
    runs: Mapped[int] = mapped_column(Integer, default=0)  # complete exchanges
    last_sync_at: Mapped[datetime | None]


class SyncRecord(Base):
    """One record both sides agreed on at the last exchange: its id and version here, and its
    version at the office."""

    __tablename__ = "sync_record"
    __table_args__ = (Index("ix_sync_record_local", "kind", "local_id"),)

    peer_uid: Mapped[str] = mapped_column(ForeignKey("sync_peer.uid"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # "audit", "dispute"
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    local_id: Mapped[int] = mapped_column(Integer)
    local_version: Mapped[int] = mapped_column(Integer)
    office_version: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))  # of the state both sides held
    synced_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncTombstone(Base):
    """A deletion that travelled: which record, deleted on which side, applied or refused."""

    __tablename__ = "sync_tombstone"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_uid: Mapped[str] = mapped_column(ForeignKey("sync_peer.uid"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    uid: Mapped[str] = mapped_column(String(36), index=True)
    record_no: Mapped[str] = mapped_column(String(30), default="")
    deleted_on: Mapped[str] = mapped_column(String(10))  # "laptop" | "office"
    version: Mapped[int] = mapped_column(Integer)  # the deleted record's last agreed version
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    """A record changed on both sides since they last agreed: both states, until resolved.
    `resolution` "office" or "laptop" is applied by the next exchange (then `applied_at`)."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    peer_uid: Mapped[str] = mapped_column(ForeignKey("sync_peer.uid"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    uid: Mapped[str] = mapped_column(String(36), index=True)
    record_no: Mapped[str] = mapped_column(String(30), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    laptop_version: Mapped[int | None] = mapped_column(Integer)
    office_version: Mapped[int | None] = mapped_column(Integer)
    laptop_json: Mapped[str | None] = mapped_column(Text)  # None: deleted on the laptop
    office_json: Mapped[str | None] = mapped_column(Text)  # None: deleted at the office
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolution: Mapped[str | None] = mapped_column(String(10))
    resolved_by: Mapped[str] = mapped_column(String(80), default="")
    resolved_at: Mapped[datetime | None]
    applied_at: Mapped[datetime | None]
