"""The visit plan panel (issue 18): HR's programmes (the form, the computed table with each
unit's precision, the schedule and the assignment) and an auditor's "My planned visits" with
Start audit. Listed in ui.panels.PANEL_MODULES; the panel is built when first opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.plan.panel import PlanPanel  # imported when first opened

    return PlanPanel(deps)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "plan",
            70,  # the last: shortcuts follow the navigation order (Ctrl+1…)
            lambda: QCoreApplication.translate("PlanPanel", "Visit plan"),
            _make,
            "Ctrl+8",
            module="auditdesk.ui.plan.panel",
        )
    ]
