"""Backups and integrity checks, as use cases with their permission checks."""

from __future__ import annotations

from pathlib import Path

from auditdesk.services.access import Permission, require
from auditdesk.services.admin import integrity as _integrity  # noqa: F401  (registers the checks)
from auditdesk.services.context import AppContext
from auditdesk.store.backup import backup_database
from auditdesk.store.integrity import CheckReport, check_database


def backup(ctx: AppContext, target: Path) -> Path:
    require(ctx.actor, Permission.BACKUP)
    return backup_database(ctx.db, target)


def check(ctx: AppContext) -> CheckReport:
    require(ctx.actor, Permission.CHECK)
    return check_database(ctx.db)


__all__ = ["CheckReport", "backup", "check"]  # CheckReport: what the window shows of a check
