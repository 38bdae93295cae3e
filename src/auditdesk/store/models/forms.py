"""Immutable, content-hashed copies of form definitions as they were used."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base, utcnow


class FormVersion(Base):
    """One version of a form. Rows are only ever added: a record refers to the version it was
    filled in, so that editing the form file never rescores or reshapes an old record."""

    __tablename__ = "form_version"
    __table_args__ = (UniqueConstraint("content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    edition: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    # canonical JSON of the parsed definition: the hash is taken over exactly these bytes
    definition_json: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(300))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
