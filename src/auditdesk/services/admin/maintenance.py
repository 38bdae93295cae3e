"""Backups as a use case with its permission check (the integrity check: services.integrity)."""

from __future__ import annotations

from pathlib import Path

from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.store.backup import backup_database


def backup(ctx: AppContext, target: Path) -> Path:
    require(ctx.actor, Permission.BACKUP)
    return backup_database(ctx.db, target)
