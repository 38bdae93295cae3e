"""The main window on a temporary database: panels, status bar, menus, language, about."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.about import AboutDialog
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.panels import collect_panels
from auditdesk.ui.settings_dialog import SettingsDialog
from auditdesk.ui.tasks import SyncTaskRunner


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")
    win = MainWindow(ctx, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    return win


NAVIGATION = [  # key, English, Polish: the same names as the help pages' headings
    ("audits", "Audits", "Audyty"),
    ("appraisals", "Appraisals", "Oceny okresowe"),
    ("monitoring", "Monitoring", "Monitorowanie"),
    ("protocols", "Protocols", "Protokoły"),
    ("admin", "Administration", "Administracja"),
    ("overview", "Overview", "Przegląd"),
    ("privacy", "Personal data", "Dane osobowe"),
    ("plan", "Visit plan", "Plan wizyt"),
]


def test_navigation_names_every_area_in_order_in_both_languages(window: MainWindow) -> None:
    def shown() -> list[tuple[str, str]]:
        nav = window.nav
        return [
            (nav.item(i).data(Qt.ItemDataRole.UserRole), nav.item(i).text())
            for i in range(nav.count())
        ]

    assert shown() == [(key, en) for key, en, _pl in NAVIGATION]
    app = QCoreApplication.instance()
    assert app is not None
    # two areas' translations once held "Monitoring" in one context ("Monitoring" and
    # "Monitorowanie"); which one the window showed hung on the order the files were loaded
    install_language(app, "pl")
    window.retranslate()
    assert shown() == [(key, pl) for key, _en, pl in NAVIGATION]
    install_language(app, "en")


def test_switching_panels_with_mouse_and_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    for row in range(window.nav.count()):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.stack.currentIndex() == row
        key = window.specs[row].key
        assert window.stack.currentWidget() is window.panels[key]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 0
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.specs[window.stack.currentIndex()].key == "monitoring"


def test_panel_shortcuts_follow_their_order_in_the_navigation(window: MainWindow) -> None:
    shortcuts = [spec.shortcut for spec in window.specs]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, len(shortcuts) + 1)]


def test_status_bar_names_the_database(window: MainWindow, ctx: AppContext) -> None:
    assert ctx.db.path is not None
    assert str(ctx.db.path) in window.db_label.text()
    assert window.db_label.text().startswith("Database:")


def test_menus_and_standard_shortcuts(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&View", "&Tools", "&Help"]
    shortcuts = {
        a.text(): a.shortcut().toString()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
    }
    assert shortcuts["&Quit"] == "Ctrl+Q"
    assert shortcuts["&Open database…"] == "Ctrl+O"
    assert shortcuts["&Help for this panel"] == "F1"  # the guide (issue 15)
    assert shortcuts["&About AuditDesk"] == ""  # still in the Help menu


def test_language_setting_switches_to_polish_and_back(qtbot: QtBot, window: MainWindow) -> None:
    def choose_polish() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setFocus()
        dialog.language.setCurrentIndex(dialog.language.findData("pl"))
        dialog.accept()

    changes: list[str] = []
    window.language_changed.connect(changes.append)
    window.language_changed.connect(
        lambda lang: (install_language(QCoreApplication.instance(), lang), window.retranslate())
    )
    QTimer.singleShot(0, choose_polish)
    window.open_settings()
    assert changes == ["pl"]
    assert Settings.load().language == "pl"  # saved in the (isolated) config folder
    assert window.nav.item(0).text() == "Audyty"
    assert next(a.text() for a in window.menuBar().actions()) == "&Plik"
    assert window.db_label.text().startswith("Baza danych:")
    install_language(QCoreApplication.instance(), "en")
    window.retranslate()
    assert window.nav.item(0).text() == "Audits"


def test_about_dialog_shows_version_and_font_licence(qtbot: QtBot) -> None:
    from auditdesk import __version__

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    heading = dialog.findChild(QLabel, "aboutHeading")
    assert heading is not None and __version__ in heading.text()
    licences = dialog.findChild(QPlainTextEdit, "fontLicences")
    assert licences is not None
    assert "LICENSE-DejaVu.txt" in licences.toPlainText()
    assert "Bitstream Vera" in licences.toPlainText()


def test_closing_saves_window_geometry(qtbot: QtBot, window: MainWindow) -> None:
    window.close()
    assert Settings.load().windows[window.context().actor.login]["geometry"]  # per user


def test_every_registered_panel_builds(qtbot: QtBot, ctx: AppContext) -> None:
    from auditdesk.ui.panels import PanelDeps

    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    for spec in collect_panels():
        panel = spec.factory(deps)
        assert isinstance(panel, QWidget)
        qtbot.addWidget(panel)


def test_backup_from_the_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "kopia.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_database()
    assert target.exists() and target.stat().st_size > 0
    assert "kopia.sqlite" in window.statusBar().currentMessage()


def test_dialog_helper_is_a_dialog() -> None:
    assert issubclass(SettingsDialog, QDialog)


def test_start_up_notice_of_appraisals_due(qtbot: QtBot, demo_ctx: AppContext) -> None:
    from auditdesk.services.context import Actor
    from auditdesk.store.models import Role

    hr = AppContext(demo_ctx.db, Actor(None, "kadry", Role.HR, None, "Kadry"))
    win = MainWindow(hr, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    message = win.statusBar().currentMessage()
    assert message.startswith("Appraisals: ")
    assert "overdue" in message and "due within 30 days" in message
    auditor = AppContext(demo_ctx.db, Actor(None, "audytor1", Role.AUDITOR, None, "A"))
    win2 = MainWindow(auditor, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win2)
    assert win2.statusBar().currentMessage() == ""  # auditors have no appraisals
