"""Failed sign-in attempts per login, kept so that the growing delay survives a restart."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from auditdesk.store.base import Base


class LoginAttempt(Base):
    """One row per login name that has failed to sign in (known or not, so that a guesser
    learns nothing from the delay); cleared by a successful sign-in."""

    __tablename__ = "login_attempt"

    login: Mapped[str] = mapped_column(String(80), primary_key=True)
    failed_count: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
