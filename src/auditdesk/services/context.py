"""Who is acting, on which database: handed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditdesk.services.clock import SYSTEM_CLOCK, Clock
from auditdesk.store.db import Database as Database  # the handle ui/ holds (never a session)
from auditdesk.store.models import Role, User


@dataclass(frozen=True)
class Actor:
    """The signed-in user as the services see it (a plain value, safe to pass between threads)."""

    user_id: int | None
    login: str
    role: Role
    employee_id: int | None = None
    display_name: str = ""

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.login, user.role, user.employee_id, user.display_name)

    @classmethod
    def system(cls) -> Actor:
        """The application itself (migrations, demo data, form registration at start-up)."""
        return cls(None, "system", Role.ADMIN, None, "AuditDesk")


@dataclass(frozen=True)
class AppContext:
    """What a service needs: the database, the acting user and the clock (what day it is)."""

    db: Database
    actor: Actor
    clock: Clock = field(default=SYSTEM_CLOCK, compare=False)
