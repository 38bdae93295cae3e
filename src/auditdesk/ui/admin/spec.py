"""The administration panel's entry in the main window's navigation (replaces the placeholder)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from auditdesk.ui.admin.panel import AdminPanel
from auditdesk.ui.panels import PanelSpec


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "admin",
            40,
            lambda: QCoreApplication.translate("AdminPanel", "Administration"),
            AdminPanel,
            "Ctrl+5",
        )
    ]
