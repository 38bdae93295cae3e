"""The Appraisals panel: periodic appraisals, ongoing feedback and development plans."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.services.context import AppContext
from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.appraisals.panel import AppraisalsPanel

    return AppraisalsPanel(deps.context, deps.runner, deps.settings.language)


def _notice(ctx: AppContext) -> str | None:
    """The start-up reminder of appraisals due, for those who run them (or None)."""
    from auditdesk.services.appraisals.access import has_access
    from auditdesk.services.appraisals.overview import reminder

    if not has_access(ctx.actor):
        return None
    rem = reminder(ctx)
    if rem.empty:
        return None
    return QCoreApplication.translate(
        "AppraisalsPanel", "Appraisals: {0} overdue, {1} due within 30 days, {2} within 60 days"
    ).format(len(rem.overdue), len(rem.due_30), len(rem.due_60))


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "appraisals",
            20,
            lambda: QCoreApplication.translate("AppraisalsPanel", "Appraisals"),
            _make,
            "Ctrl+2",
            notice=_notice,
            module="auditdesk.ui.appraisals.panel",
        )
    ]
