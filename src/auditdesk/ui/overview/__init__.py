"""The overview panel (issue 17): the office-wide picture, the start page for supervisors, HR
and management. Listed in ui.panels.PANEL_MODULES; the panel is built when first opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.services.access import Permission, allowed
from auditdesk.services.context import Actor
from auditdesk.ui.panels import PanelDeps, PanelSpec


def start_row(keys: list[str], actor: Actor) -> int:
    """The row the window opens on: the overview for whoever may read it, else the first."""
    if "overview" in keys and allowed(actor, Permission.VIEW_CASES):
        return keys.index("overview")
    return 0


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.overview.panel import OverviewPanel  # imported when first opened (issue 14)

    return OverviewPanel(deps)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            key="overview",
            order=50,
            title=lambda: QCoreApplication.translate("Panels", "Overview"),
            factory=_make,
            shortcut="Ctrl+6",
            module="auditdesk.ui.overview.panel",
        )
    ]
