"""The main window's panels. Each feature area provides its panels from its own module, listed
in PANEL_MODULES; a module's `panels()` returns PanelSpecs. A later spec with the same key
replaces an earlier one.

A spec holds a factory, not a panel: a listed module must stay light (no panel imported at
its top), and the main window calls the factory when the panel is first opened (issue 14)."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.tasks import TaskRunner

PANEL_MODULES = [
    "auditdesk.ui.admin.spec",
    "auditdesk.ui.appraisals",
    "auditdesk.ui.audits",
    "auditdesk.ui.protocols.spec",
    "auditdesk.ui.monitoring.panel",
    "auditdesk.ui.overview",
    "auditdesk.ui.privacy",
    "auditdesk.ui.plan",
]

# what the panels are built from, imported on a worker once the main window is up (issue 14), so
# that opening a panel for the first time does not import it on the GUI thread. Nothing in them
# may create a widget at import, nor import signing (pyHanko), XLSX (openpyxl) or PDF rendering
# (pypdfium2): those are imported when used.
PANEL_BODY_MODULES = [
    "auditdesk.ui.audits.panel",
    "auditdesk.ui.appraisals.panel",
    "auditdesk.ui.monitoring.surveys",
    "auditdesk.ui.monitoring.indicators",
    "auditdesk.ui.monitoring.cases",
    "auditdesk.ui.protocols.panel",
    "auditdesk.ui.protocols.dialogs",
    "auditdesk.ui.overview.panel",
    "auditdesk.ui.admin.panel",
    "auditdesk.ui.privacy.panel",
    "auditdesk.ui.plan.panel",
]


# one worker imports at a time: two threads importing modules that import each other in a
# different order can meet in Python's per-module import locks (a _DeadlockError)
_importing = threading.Lock()


def import_panel_module(name: str) -> None:
    """Imports one of the panels' modules (on a worker thread), one import at a time."""
    with _importing:
        importlib.import_module(name)


def preload_panels() -> None:
    """Imports the panels' modules (on a worker thread: see PANEL_BODY_MODULES)."""
    for name in PANEL_BODY_MODULES:
        import_panel_module(name)


@dataclass(frozen=True)
class PanelDeps:
    """What a panel may use, injected: never the main window, never a global."""

    context: Callable[[], AppContext]  # the current database and signed-in user
    runner: TaskRunner
    settings: Settings


@dataclass(frozen=True)
class PanelSpec:
    key: str  # "audits", "appraisals", "monitoring", "admin" or a new one
    order: int  # position in the navigation
    title: Callable[[], str]  # called after the translator is installed
    factory: Callable[[PanelDeps], QWidget]
    shortcut: str = ""  # e.g. "Ctrl+1"
    # what the area has to tell at start-up (e.g. appraisals due), shown in the status bar;
    # called on a worker thread, so it must only call services and return text (or None)
    notice: Callable[[AppContext], str | None] | None = None
    # the module the factory imports: while it is not imported yet, the window imports it on a
    # worker and builds the panel when it is there (issue 14: the overview's import held the
    # GUI thread 125-340 ms when the window opened on it)
    module: str = ""


def collect_panels() -> list[PanelSpec]:
    by_key: dict[str, PanelSpec] = {}
    for name in PANEL_MODULES:
        for spec in importlib.import_module(name).panels():
            by_key[spec.key] = spec
    return sorted(by_key.values(), key=lambda s: s.order)
