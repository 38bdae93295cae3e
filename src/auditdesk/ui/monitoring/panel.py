"""The Monitoring panel: one tab per source of the office-wide picture (satisfaction surveys,
complaints and other indicators with research notes, cases settled on time). Each source's tab
lives in its own module, listed in TAB_MODULES; a module's `tab(deps)` returns a TabSpec."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec

# one line per source; each module defines `tab(deps: PanelDeps) -> TabSpec`
TAB_MODULES: list[str] = [
    "auditdesk.ui.monitoring.surveys",
    "auditdesk.ui.monitoring.indicators",
    "auditdesk.ui.monitoring.cases",
]


@dataclass(frozen=True)
class TabSpec:
    order: int  # position among the tabs
    title: Callable[[], str]  # translated when the panel is built
    widget: QWidget


class MonitoringPanel(QWidget):
    """Tabs of the monitoring sources; Ctrl+Tab / Ctrl+Shift+Tab and Alt+1…9 switch them."""

    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitoringPanel")
        self.deps = deps
        self.tabs = QTabWidget()
        self.tabs.setObjectName("monitoringTabs")
        self.tabs.setDocumentMode(True)
        specs = sorted(
            (importlib.import_module(name).tab(deps) for name in TAB_MODULES),
            key=lambda spec: spec.order,
        )
        for n, spec in enumerate(specs, start=1):
            self.tabs.addTab(spec.widget, spec.title())
            if n <= 9:
                shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
                shortcut.activated.connect(lambda i=n - 1: self.tabs.setCurrentIndex(i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)


def panels() -> list[PanelSpec]:
    if not TAB_MODULES:
        return []  # nothing to show yet: the placeholder stays
    return [
        PanelSpec(
            key="monitoring",
            order=30,
            title=lambda: QCoreApplication.translate("Panels", "Monitoring"),
            factory=lambda deps: MonitoringPanel(deps),
            shortcut="Ctrl+3",
        )
    ]
