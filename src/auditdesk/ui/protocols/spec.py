"""The Protocols panel's entry in the main window's navigation. The panel itself (and with it
signing, PDF and XLSX) is imported when the panel is first opened (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.protocols.panel import ProtocolsPanel

    return ProtocolsPanel(deps)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            key="protocols",
            order=35,
            title=lambda: QCoreApplication.translate("Panels", "Protocols"),
            factory=_make,
            shortcut="Ctrl+4",
            module="auditdesk.ui.protocols.panel",
        )
    ]
