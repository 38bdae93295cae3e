"""The administration panel's entry in the main window's navigation (replaces the placeholder)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.admin.panel import AdminPanel  # imported when first opened (issue 14)

    return AdminPanel(deps)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "admin",
            40,
            lambda: QCoreApplication.translate("AdminPanel", "Administration"),
            _make,
            "Ctrl+5",
            module="auditdesk.ui.admin.panel",
        )
    ]
