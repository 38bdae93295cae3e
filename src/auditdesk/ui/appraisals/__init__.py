"""The Appraisals panel: periodic appraisals, ongoing feedback and development plans."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec


def _make(deps: PanelDeps) -> QWidget:
    from auditdesk.ui.appraisals.panel import AppraisalsPanel

    return AppraisalsPanel(deps.context, deps.runner, deps.settings.language)


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "appraisals",
            20,
            lambda: QCoreApplication.translate("AppraisalsPanel", "Appraisals"),
            _make,
            "Ctrl+2",
        )
    ]
