"""The Monitoring panel: Ctrl+3 opens it in the main window, its three sources are tabs in a
fixed order, Alt+1…3 switch between them, and the tab titles are Polish in a Polish window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.monitoring.panel import MonitoringPanel
from auditdesk.ui.tasks import SyncTaskRunner


@pytest.fixture
def window(qtbot: QtBot, demo_ctx: AppContext) -> MainWindow:
    win = MainWindow(demo_ctx, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_3_opens_monitoring_and_alt_digits_switch_tabs(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["monitoring"]
    assert isinstance(panel, MonitoringPanel)
    assert window.stack.currentWidget() is panel
    titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
    assert len(titles) == 3
    assert "survey" in titles[0].lower() and "case" in titles[2].lower()
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert isinstance(panel.tabs.currentWidget(), CasesTab)
    qtbot.keyClick(panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert panel.tabs.currentIndex() == 0


def test_tab_titles_are_polish(qtbot: QtBot, demo_ctx: AppContext) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "pl")
    try:
        win = MainWindow(demo_ctx, Settings(language="pl"), SyncTaskRunner())
        qtbot.addWidget(win)
        win.show_panel("monitoring")
        panel = win.panels["monitoring"]
        assert isinstance(panel, MonitoringPanel)
        titles = [panel.tabs.tabText(i) for i in range(panel.tabs.count())]
        assert titles[2] == "Terminowość spraw"
        assert all(t and t[0].isupper() for t in titles)
    finally:
        install_language(app, "en")
