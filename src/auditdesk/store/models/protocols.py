"""Protocols: the signed PDF of an audit or appraisal, and the signatures drawn for it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from auditdesk.store.base import Base, utcnow


class Protocol(Base):
    """One per record (kind + id). Once `signed`, the record is locked and `pdf` holds the
    signed bytes that every later export returns unchanged; `sha256` is taken over them."""

    __tablename__ = "protocol"
    __table_args__ = (UniqueConstraint("record_kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20))  # "audit" or "appraisal"
    record_id: Mapped[int]  # the audit's or appraisal's id (no FK: two possible tables)
    record_number: Mapped[str] = mapped_column(String(60), default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    signed: Mapped[bool] = mapped_column(default=False)
    signer: Mapped[str | None] = mapped_column(String(300))  # the certificate's name
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(80))  # the login that signed
    level: Mapped[str | None] = mapped_column(String(10))  # "B-B" or "B-T"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    drawings: Mapped[list[DrawnSignature]] = relationship(
        back_populates="protocol", cascade="all, delete-orphan"
    )


class DrawnSignature(Base):
    """A handwritten signature drawn on the signature pad (PNG), placed in the PDF's block."""

    __tablename__ = "drawn_signature"
    __table_args__ = (UniqueConstraint("protocol_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    protocol_id: Mapped[int] = mapped_column(ForeignKey("protocol.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # "auditor", "appraiser", "employee"
    png: Mapped[bytes] = mapped_column(LargeBinary)
    drawn_by: Mapped[str] = mapped_column(String(80))
    drawn_at: Mapped[datetime] = mapped_column(default=utcnow)

    protocol: Mapped[Protocol] = relationship(back_populates="drawings")
