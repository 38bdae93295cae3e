"""The built-in guide (issue 15): F1 opens the page of the panel in use in the window's language,
every panel (and the synchronisation dialog) has a page in Polish and in English, the Help menu
lists the pages, and About has moved off F1 but stays in the menu."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from auditdesk.resources import resource_path
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.help import LANGUAGES, PAGES, HelpWindow, help_file
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.panels import collect_panels
from auditdesk.ui.tasks import SyncTaskRunner

# the offscreen platform of the tests can neither raise a window nor pass size hints
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)

HEADINGS = {  # the first line of each page, as a reader sees it in the two languages
    ("audits", "en"): "Audits",
    ("audits", "pl"): "Audyty",
    ("appraisals", "en"): "Appraisals",
    ("appraisals", "pl"): "Oceny okresowe",
    ("monitoring", "en"): "Monitoring",
    ("monitoring", "pl"): "Monitorowanie",
    ("overview", "en"): "Overview",
    ("overview", "pl"): "Przegląd",
    ("protocols", "en"): "Protocols",
    ("protocols", "pl"): "Protokoły",
    ("admin", "en"): "Administration",
    ("admin", "pl"): "Administracja",
    ("plan", "en"): "Visit plan",
    ("plan", "pl"): "Plan wizyt",
    ("privacy", "en"): "Personal data",
    ("privacy", "pl"): "Dane osobowe",
    ("sync", "en"): "Synchronisation",
    ("sync", "pl"): "Synchronizacja",
}


def _heading(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# "), f"{path}: a page starts with its title ('# …')"
    return first[2:].strip()


def test_every_panel_and_the_sync_dialog_have_a_page_in_both_languages(qtbot: QtBot) -> None:
    keys = [spec.key for spec in collect_panels()] + ["sync"]
    assert set(keys) >= {
        "audits",
        "appraisals",
        "monitoring",
        "overview",
        "protocols",
        "admin",
        "sync",
    }
    for key in keys:
        assert key in PAGES, f"panel {key!r} has no help page: add it to ui.help.PAGES"
    for page in PAGES:
        texts = {}
        for language in LANGUAGES:
            path = resource_path("help", language, f"{page}.md")
            assert path.is_file(), f"missing {path}: every page is written in pl and en"
            texts[language] = path.read_text(encoding="utf-8")
            # a real guide: what it is for and the main steps, not a stub
            assert len(texts[language].split()) > 120, f"{path} is too short to guide anyone"
            if (page, language) in HEADINGS:
                assert _heading(path) == HEADINGS[page, language]
        assert texts["pl"] != texts["en"]
        assert re.search(r"[ąćęłńóśźż]", texts["pl"]), f"{page}: the Polish page is in Polish"


def test_links_between_pages_lead_to_pages_that_exist() -> None:
    for language in LANGUAGES:
        for page in PAGES:
            text = help_file(page, language).read_text(encoding="utf-8")
            for target in re.findall(r"\]\(([^)]+)\)", text):
                if "://" in target:
                    continue
                assert (help_file(page, language).parent / target).is_file(), (
                    f"{language}/{page}.md links to {target}, which does not exist"
                )


@pytest.mark.parametrize("language", ["en", "pl"])
def test_f1_opens_the_page_of_the_panel_in_use_in_the_windows_language(
    qtbot: QtBot, ctx: AppContext, language: str
) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, language)
    try:
        window = MainWindow(ctx, Settings(language=language), SyncTaskRunner())
        qtbot.addWidget(window)
        window.show()
        for row, spec in enumerate(window.specs):
            window.nav.setCurrentRow(row)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            panel = window.panels[spec.key]
            panel.setFocus()
            qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
            help_window = window.findChild(HelpWindow, "helpWindow")
            assert help_window is not None and help_window.isVisible()
            source = Path(help_window.browser.source().toLocalFile())
            assert source.parts[-2:] == (language, f"{spec.key}.md"), source
            assert help_window.page == spec.key
            shown = help_window.browser.toPlainText()
            assert shown.startswith(HEADINGS[spec.key, language]), shown[:80]
            assert "#" not in shown.splitlines()[0]  # Markdown shown as text, not its marks
            current = help_window.contents.currentItem()
            assert current is not None
            assert current.data(Qt.ItemDataRole.UserRole) == spec.key
        # one help window, reused
        assert len(window.findChildren(HelpWindow)) == 1
    finally:
        install_language(app, "en")


def test_help_menu_lists_the_pages_and_about_is_off_f1(qtbot: QtBot, ctx: AppContext) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")
    window = MainWindow(ctx, Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu is not None
    actions = {a.text(): a for a in help_menu.actions() if not a.isSeparator()}
    assert actions["&Help for this panel"].shortcut().toString() == "F1"
    assert actions["&About AuditDesk"].shortcut().isEmpty()  # About stays, off F1
    for title in (
        "Getting started",
        "Audits",
        "Visit plan",
        "Appraisals",
        "Monitoring",
        "Overview",
        "Protocols",
        "Administration",
        "Personal data",
        "Synchronisation",
    ):
        assert title in actions, sorted(actions)
    actions["Synchronisation"].trigger()
    help_window = window.findChild(HelpWindow, "helpWindow")
    assert help_window is not None and help_window.page == "sync"
    # the contents list on the left moves between pages; a link on the start page too
    help_window.contents.setCurrentRow(PAGES.index("index"))
    assert help_window.page == "index"
    help_window.browser.setSource(help_window.browser.source().resolved("protocols.md"))
    assert help_window.page == "protocols"
    assert help_window.contents.currentRow() == PAGES.index("protocols")
    assert help_window.windowTitle() == "AuditDesk help – Protocols"


def test_f1_in_the_sync_dialog_opens_its_page(qtbot: QtBot, ctx: AppContext) -> None:
    from auditdesk.ui.sync.dialog import SyncDialog

    dialog = SyncDialog(ctx, Settings(language="pl"), SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.address, Qt.Key.Key_F1)
    help_window = dialog.findChild(HelpWindow, "helpWindow")
    assert help_window is not None and help_window.isVisible()
    assert Path(help_window.browser.source().toLocalFile()).parts[-2:] == ("pl", "sync.md")
    assert help_window.browser.toPlainText().startswith("Synchronizacja")


def test_a_panel_without_a_page_gets_the_start_page() -> None:
    assert help_file("someday", "en") == resource_path("help", "en", "index.md")
    assert help_file("audits", "de") == resource_path("help", "pl", "audits.md")


def test_f1_in_the_appraisal_editor_and_the_protocol_dialog(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    """The two windows that open over the main window have their own F1."""
    from auditdesk.services.appraisals.overview import team_view
    from auditdesk.ui.appraisals.editor import AppraisalEditor
    from auditdesk.ui.panels import PanelDeps
    from auditdesk.ui.protocols.dialogs import ProtocolDialog
    from protocol_helpers import as_user, completed_audit

    boss = as_user(demo_ctx, "kierownik.bok")
    appraisal = next(r.last_id for r in team_view(boss) if r.last_id is not None)
    editor = AppraisalEditor(lambda: boss, appraisal, "en")
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_F1)
    shown = editor.findChild(HelpWindow, "helpWindow")
    assert shown is not None and shown.page == "appraisals"
    assert Path(shown.browser.source().toLocalFile()).parts[-2:] == ("en", "appraisals.md")

    audit = completed_audit(demo_ctx, day=9, year=2033)
    auditor = as_user(demo_ctx, "audytor1")
    deps = PanelDeps(lambda: auditor, SyncTaskRunner(), Settings(language="pl"))
    dialog = ProtocolDialog(deps, "audit", audit)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    shown = dialog.findChild(HelpWindow, "helpWindow")
    assert shown is not None and shown.page == "protocols"
    assert shown.browser.toPlainText().startswith("Protokoły")
