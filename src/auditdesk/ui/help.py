"""The built-in guide (issue 15): a short page per panel, in Polish and English, shipped as
resources (resources/help/<language>/<page>.md, in the wheel with the rest of resources/).

F1 in the main window opens the page of the panel in use, F1 in a dialog that has a page (the
synchronisation) opens that one; the Help menu lists every page. The pages are Markdown shown
in a QTextBrowser, so their links to each other work and Alt+Left goes back. One help window
per parent is reused: F1 again brings it to the front on the page asked for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from auditdesk.resources import resource_path

# the pages in the order the Help menu lists them; "index" is the start page, shown for a
# panel that has no page of its own
PAGES: tuple[str, ...] = (
    "index",
    "audits",
    "plan",
    "appraisals",
    "monitoring",
    "overview",
    "protocols",
    "admin",
    "privacy",
    "sync",
)
LANGUAGES: tuple[str, ...] = ("pl", "en")


def page_title(page: str) -> str:
    """The page's name in the Help menu and the window's contents list."""
    names = {
        "index": QCoreApplication.translate("Help", "Getting started"),
        "audits": QCoreApplication.translate("Help", "Audits"),
        "plan": QCoreApplication.translate("Help", "Visit plan"),
        "appraisals": QCoreApplication.translate("Help", "Appraisals"),
        "monitoring": QCoreApplication.translate("Help", "Monitoring"),
        "overview": QCoreApplication.translate("Help", "Overview"),
        "protocols": QCoreApplication.translate("Help", "Protocols"),
        "admin": QCoreApplication.translate("Help", "Administration"),
        "privacy": QCoreApplication.translate("Help", "Personal data"),
        "sync": QCoreApplication.translate("Help", "Synchronisation"),
    }
    return names.get(page, page)


def help_file(page: str, language: str) -> Path:
    """The page's file in the language (Polish when the language has none); the start page for
    a page that does not exist (a panel added later without a guide)."""
    lang = language if language in LANGUAGES else "pl"
    name = page if page in PAGES else "index"
    return resource_path("help", lang, f"{name}.md")


class HelpWindow(QDialog):
    """The guide: the pages on the left, the page on the right. Not modal: it stays open beside
    the work it explains."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("AuditDesk help"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.language = language
        self.page = ""
        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(self.tr("Help pages"))
        for page in PAGES:
            item = QListWidgetItem(page_title(page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.setMaximumWidth(self.contents.sizeHintForColumn(0) + 32)
        self.contents.currentRowChanged.connect(self._chosen)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._followed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.contents)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(860, 600)

    def show_page(self, page: str) -> None:
        path = help_file(page, self.language)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.browser.setFocus()

    def _chosen(self, row: int) -> None:
        item = self.contents.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.page:
            self.show_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def _followed(self, url: QUrl) -> None:
        """A page shown (chosen, a link followed, Back): the contents follow."""
        self.page = Path(url.toLocalFile()).stem
        row = PAGES.index(self.page) if self.page in PAGES else -1
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)
        self.setWindowTitle(self.tr("AuditDesk help – %1").replace("%1", page_title(self.page)))


def open_help(parent: QWidget, page: str, language: str) -> HelpWindow:
    """Shows the page in the parent's help window (made the first time), in front."""
    window = parent.findChild(HelpWindow, "helpWindow", Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None or window.language != language:
        if window is not None:  # the language changed: a fresh window in the new one
            window.setObjectName("")
            window.deleteLater()
        window = HelpWindow(language, parent)
    window.show_page(page)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
