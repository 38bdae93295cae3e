"""The Audits panel: mystery-client audits listed, filled in with the keyboard, completed,
disputed, followed by action plans, and compared per standard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.audits.panel import AuditsPanel

    return AuditsPanel(deps.context, deps.runner, deps.settings)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "audits",
            10,
            lambda: QCoreApplication.translate("AuditsPanel", "Audits"),
            _make,
            "Ctrl+1",
            module="auditdesk.ui.audits.panel",
        )
    ]
