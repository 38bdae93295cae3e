"""The personal-data panel (issue 19): retention rules and run, a person's data. Listed in
ui.panels.PANEL_MODULES; the panel is built when first opened (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.privacy.panel import PrivacyPanel  # imported when first opened

    return PrivacyPanel(deps)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "privacy",
            60,  # after the overview, the last: a panel for HR and administrators only
            lambda: QCoreApplication.translate("PrivacyPanel", "Personal data"),
            _make,
            "Ctrl+7",
            module="auditdesk.ui.privacy.panel",
        )
    ]
