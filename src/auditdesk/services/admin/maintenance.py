"""Backups and integrity checks, as use cases with their permission checks."""

from __future__ import annotations

from pathlib import Path

from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.trail import verify_chain
from auditdesk.store.backup import backup_database
from auditdesk.store.db import Database
from auditdesk.store.integrity import EXTRA_CHECKS, CheckReport, check_database


def backup(ctx: AppContext, target: Path) -> Path:
    require(ctx.actor, Permission.BACKUP)
    return backup_database(ctx.db, target)


def _check_trail(db: Database, report: CheckReport) -> None:
    with db.session() as s:
        problem = verify_chain(s)
    if problem:
        report.problems.append(problem)


EXTRA_CHECKS.append(_check_trail)


def check(ctx: AppContext) -> CheckReport:
    require(ctx.actor, Permission.CHECK)
    return check_database(ctx.db)


__all__ = ["CheckReport", "backup", "check"]  # CheckReport: what the window shows of a check
