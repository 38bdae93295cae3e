"""At start-up: offer to restore the latest backup of a damaged database, and take the daily
automatic backup after sign-in (a failure there is a warning, never a reason not to start)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.admin import backups, recovery
from auditdesk.services.clock import Clock
from auditdesk.services.context import Database
from auditdesk.ui.errors import error_text

log = logging.getLogger(__name__)


Ask = Callable[[QWidget | None, str, str], bool]


def _ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def offer_recovery(
    parent: QWidget | None,
    target: str | None,
    ask: Ask = _ask,
    tell: Callable[[QWidget | None, str, str], None] = _tell,
    *,
    known: BaseException | None = None,
) -> bool:
    """When the database cannot be opened because it is damaged and an intact backup exists,
    asks whether to restore it. True when it was restored (open the database again).
    `known`: the error opening gave (a damaged file needs no second look)."""
    offer = recovery.recovery_offer(target, known)
    if offer is None or offer.backup is None:
        return False
    title = QCoreApplication.translate("Recovery", "Damaged database")
    text = QCoreApplication.translate(
        "Recovery",
        "The database {0} {1}.\n\nThe latest intact backup is from {2} ({3}). Restore it? "
        "Changes made after that backup will be missing. The damaged file is kept beside it, "
        "renamed, so nothing is deleted.",
    ).format(
        offer.path,
        offer.problem,
        offer.backup.created.strftime("%Y-%m-%d %H:%M"),
        offer.backup.path.name,
    )
    if not ask(parent, title, text):
        return False
    try:
        kept = recovery.restore_damaged(offer)
    except AuditDeskError as exc:
        tell(parent, title, error_text(exc))
        return False
    tell(
        parent,
        title,
        QCoreApplication.translate(
            "Recovery", "The backup was restored. The damaged file was kept as {0}."
        ).format(kept),
    )
    return True


def daily_backup(db: Database, keep: int, clock: Clock) -> str | None:
    """Takes the automatic backup of the day (the clock's) if due; returns a warning to show, or
    None."""
    try:
        backups.auto_backup_if_due(db, keep, clock)
    except AuditDeskError as exc:
        log.warning("automatic backup failed: %s", exc)
        return QCoreApplication.translate(
            "Recovery", "The automatic backup could not be made: {0}"
        ).format(exc)
    return None
