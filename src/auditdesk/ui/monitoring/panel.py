"""The Monitoring panel: one tab per source of the office-wide picture (satisfaction surveys,
complaints and other indicators with research notes, cases settled on time). Each source's tab
lives in its own module, listed in TAB_MODULES; a module's `tab(deps)` returns a TabSpec."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDateEdit, QTabWidget, QVBoxLayout, QWidget

from auditdesk.ui.panels import PanelDeps, PanelSpec
from auditdesk.ui.qdates import to_qdate

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
    build: Callable[[], QWidget]  # called when the tab is first shown (issue 14)


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
        # each tab is built when first shown (issue 14): building them all at once held the
        # GUI thread; until then an empty page stands in its place
        self._unbuilt: dict[int, TabSpec] = {}
        for n, spec in enumerate(specs, start=1):
            self.tabs.addTab(QWidget(), spec.title())
            self._unbuilt[n - 1] = spec
            if n <= 9:
                shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
                shortcut.activated.connect(lambda i=n - 1: self.tabs.setCurrentIndex(i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._build_tab)
        self._build_tab(self.tabs.currentIndex())

    def _build_tab(self, index: int) -> None:
        spec = self._unbuilt.pop(index, None)
        if spec is None:
            return
        widget = spec.build()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, spec.title())
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def tab_named(self, name: str) -> QWidget | None:
        """The tab of that object name, built if it was not yet."""
        for i in range(self.tabs.count()):
            if i in self._unbuilt:
                current = self.tabs.currentIndex()
                self._build_tab(i)
                self.tabs.blockSignals(True)
                self.tabs.setCurrentIndex(current)
                self.tabs.blockSignals(False)
            widget = self.tabs.widget(i)
            if widget is not None and widget.objectName() == name:
                return widget
        return None

    def show_records(
        self,
        *,
        method: str,
        unit_id: int | None,
        unit_code: str,
        start: date,
        end: date,
        **_other: object,
    ) -> QWidget | None:
        """The overview's drill-down (issue 17): the tab that holds the method's records, its
        unit and dates set to the figure's and read once. Cases: settled in the period;
        complaints: the register received in the period; research: the research page;
        surveys: the responses of the period in the results view."""
        name = {
            "cases": "casesTab",
            "complaints": "indicatorsTab",
            "research": "indicatorsTab",
            "surveys": "surveysTab",
        }.get(method)
        tab = self.tab_named(name) if name else None
        if tab is None:
            return None
        self.tabs.setCurrentWidget(tab)
        if method == "cases":
            _set(tab, unit=unit_code or "", date_from=start, date_to=end)
            tab.refresh()  # type: ignore[attr-defined]
        elif method == "complaints":
            pages: QTabWidget = tab.pages  # type: ignore[attr-defined]
            pages.setCurrentIndex(0)  # the register
            _set(tab, kind=None, unit=unit_id, state="all", date_from=start, date_to=end)
            tab.use_period.blockSignals(True)  # type: ignore[attr-defined]
            tab.use_period.setChecked(True)  # type: ignore[attr-defined]
            tab.use_period.blockSignals(False)  # type: ignore[attr-defined]
            tab.reload_register()  # type: ignore[attr-defined]
        elif method == "research":
            pages = tab.pages  # type: ignore[attr-defined]
            pages.setCurrentWidget(tab.research)  # type: ignore[attr-defined]
        elif method == "surveys":
            results: Any = tab.results  # type: ignore[attr-defined]
            _set(results, unit=unit_id, start=start, end=end)
            results.refresh()
        return tab


def _set(owner: QWidget, **values: Any) -> None:
    """Sets filter widgets (combo boxes by their data, date edits) without each one reloading."""
    for name, value in values.items():
        widget = getattr(owner, name)
        widget.blockSignals(True)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QDateEdit):
            widget.setDate(to_qdate(value))
        widget.blockSignals(False)


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
