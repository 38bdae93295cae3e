"""The main window: navigation, menus, status bar. It composes panels; their logic is theirs."""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.admin import maintenance
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.ui.about import AboutDialog
from auditdesk.ui.crash import show_error
from auditdesk.ui.help import PAGES as HELP_PAGES
from auditdesk.ui.help import open_help, page_title
from auditdesk.ui.labels import role_name
from auditdesk.ui.overview import start_row
from auditdesk.ui.panels import (
    PanelDeps,
    PanelSpec,
    collect_panels,
    import_panel_module,
    preload_panels,
)
from auditdesk.ui.settings_dialog import SettingsDialog
from auditdesk.ui.tasks import Progress, TaskRunner
from auditdesk.ui.window_state import (
    available_geometry,
    restore_geometry,
    restore_splitters,
    save_geometry,
    save_splitters,
)

if TYPE_CHECKING:
    from auditdesk.services.integrity import CheckReport

log = logging.getLogger(__name__)
_heap_frozen = False


def freeze_heap() -> None:
    """Once per process, when the panels' modules are loaded (issue 14): what is alive then
    (modules, classes, the window) lives as long as the process, so the garbage collector
    stops scanning it (`gc.freeze`); before, each full collection of it held the GUI thread
    ~0.1 s at random moments of the day (filtering the list, saving a protocol)."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


class MainWindow(QMainWindow):
    """Holds the current AppContext; panels read it through PanelDeps.context()."""

    database_change_requested = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        settings: Settings,
        runner: TaskRunner | None = None,
        panel_specs: list[PanelSpec] | None = None,
    ) -> None:
        super().__init__()
        self._ctx = ctx
        self.settings = settings
        self.runner = runner or TaskRunner()
        self.specs = panel_specs if panel_specs is not None else collect_panels()
        self.panels: dict[str, QWidget] = {}
        self._built = 0  # how many times the panels were (re)built: see _import_first
        self._starting = False  # in _build, choosing the first panel
        self._start_waits = False  # its module is being imported: see _start_background
        self.setObjectName("MainWindow")
        # asks who signs in next (sign-out, switch user); the dialog by default, tests replace it
        self.ask_sign_in: Callable[[QWidget | None, AppContext], Actor | None] = _ask_sign_in
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        # a tenth larger than the application's font, so it grows with a larger font (issue 19)
        nav_font = QFont(self.nav.font())
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.nav)
        # issue 19: with a large font (150 %, 200 %) a panel may need more than the screen; it
        # scrolls then instead of pushing the window past the screen's edge, where it is cut
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setObjectName("panelScroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.panel_scroll.setWidget(self.stack)
        splitter.addWidget(self.panel_scroll)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.db_label = QLabel()
        self.db_label.setObjectName("databaseLabel")
        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addWidget(self.db_label, 1)
        # a notice shown before the window is (start-up) would be drawn over the label
        self.statusBar().messageChanged.connect(lambda text: self.db_label.setVisible(not text))
        self.nav.currentRowChanged.connect(self._show_panel)
        self._build()
        restore_geometry(self, settings, ctx.actor.login, self.available_geometry())

    def available_geometry(self) -> QRect:
        """Where the window may lie: the screen's available area (tests give a fake one)."""
        return available_geometry(self)

    # -- composition -------------------------------------------------------------------------

    def context(self) -> AppContext:
        return self._ctx

    def deps(self) -> PanelDeps:
        return PanelDeps(context=self.context, runner=self.runner, settings=self.settings)

    def _build(self) -> None:
        """(Re)creates menus, navigation and panels in the current language."""
        current = self.nav.currentRow()
        self.menuBar().clear()
        self.nav.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            assert widget is not None
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.panels.clear()
        self._built += 1  # a panel whose module was still being imported is not built then
        self.setWindowTitle(self.tr("AuditDesk"))
        self._build_menus()
        for spec in self.specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.shortcut:
                item.setToolTip(spec.shortcut)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # filled on first show: start-up stays fast
        # wide enough for the longest title in the current language, never a scroll bar
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24)
        splitter = self.centralWidget()
        if isinstance(splitter, QSplitter):  # no empty strip between the menu and the panel
            splitter.setSizes([self.nav.width(), max(1, splitter.width() - self.nav.width())])
        self._update_status()
        self._starting = True  # the first panel's import, if it waits, starts the rest
        self._start_waits = False
        self.nav.setCurrentRow(current if current >= 0 else self._start_row())
        self._starting = False
        if not self._start_waits:
            self._start_background()

    def _start_background(self) -> None:
        """The start-up notices and the other panels' modules, off the GUI thread (issue 14);
        after the first panel's module is imported, so that no query configures the models
        while another thread is still declaring them."""
        self._collect_notices()
        self.runner.submit(
            lambda _p: preload_panels(),
            lambda _r: freeze_heap(),
            lambda exc, _tb: log.warning("preloading the panels failed: %s", exc),
        )

    def _start_row(self) -> int:
        """The overview for supervisors, HR and management (issue 17), else the first panel."""
        return start_row([spec.key for spec in self.specs], self._ctx.actor)

    def _collect_notices(self) -> None:
        """Asks each area for its start-up notice in the background; shows them together."""
        ctx = self._ctx
        askers = [spec.notice for spec in self.specs if spec.notice is not None]
        if not askers:
            return

        def work(_progress: Progress) -> list[str]:
            return [text for ask in askers if (text := ask(ctx))]

        def show(texts: list[str]) -> None:
            if texts and self._ctx is ctx:
                self.statusBar().showMessage(" · ".join(texts), 60_000)

        self.runner.submit(work, show, lambda exc, tb: log.warning("notice failed: %s", exc))

    def _show_panel(self, row: int) -> None:
        if row < 0 or row >= len(self.specs):
            return
        spec = self.specs[row]
        if spec.key not in self.panels and self._import_first(row):
            return
        self._make_panel(row)

    def _import_first(self, row: int) -> bool:
        """When the panel's module is not imported yet (the window opening on it before the
        preload got there), imports it on a worker with a busy bar in the panel's place and
        builds the panel when it is there, if it is still the one chosen (issue 14: the
        overview's import held the GUI thread 125-340 ms). False: build it now."""
        module = self.specs[row].module
        if not module or module in sys.modules or not self.runner.background:
            return False
        waiting = QWidget()
        bar = QProgressBar(waiting)
        bar.setObjectName("panelBusy")
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setMaximumHeight(6)
        bar.setAccessibleName(self.tr("Opening the panel"))
        layout = QVBoxLayout(waiting)
        layout.addWidget(bar)
        layout.addStretch(1)
        old = self.stack.widget(row)
        self.stack.insertWidget(row, waiting)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentIndex(row)
        built, starting = self._built, self._starting
        self._start_waits = self._start_waits or starting

        def imported(_: object) -> None:
            if built != self._built:
                return
            if self.nav.currentRow() == row:
                self._make_panel(row)
            if starting:
                self._start_background()

        def failed(exc: BaseException, tb: str) -> None:
            if built != self._built:
                return
            if self.nav.currentRow() == row:
                show_error(self, exc, tb)
            if starting:
                self._start_background()

        self.runner.submit(lambda _p: import_panel_module(module), imported, failed)
        return True

    def _make_panel(self, row: int) -> None:
        spec = self.specs[row]
        if spec.key not in self.panels:
            panel = spec.factory(self.deps())
            panel.setObjectName(f"panel_{spec.key}")
            restore_splitters(spec.key, panel, self.settings, self._ctx.actor.login)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, panel)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self.panels[spec.key] = panel
        self.stack.setCurrentIndex(row)

    def show_panel(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        self.nav.setCurrentRow(row)
        self._make_panel(row)  # asked for in code: the panel now, even if its import waited
        return self.panels[key]

    def _action(
        self, menu_text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(menu_text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # drop Qt's 'checked' argument
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Open database…"), self.open_database, "Ctrl+O"))
        file_menu.addAction(
            self._action(self.tr("&Back up database…"), self.backup_database, "Ctrl+Shift+B")
        )
        file_menu.addAction(self._action(self.tr("S&ynchronise…"), self.open_sync, "Ctrl+Shift+Y"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("S&witch user…"), self.switch_user))
        file_menu.addAction(self._action(self.tr("Sign &out"), self.sign_out, "Ctrl+Shift+Q"))
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))
        view_menu = bar.addMenu(self.tr("&View"))
        for row, spec in enumerate(self.specs):
            view_menu.addAction(
                self._action(
                    spec.title(), partial(self.nav.setCurrentRow, row), spec.shortcut or None
                )
            )
        tools = bar.addMenu(self.tr("&Tools"))
        tools.addAction(self._action(self.tr("&Check database"), self.check_database))
        tools.addAction(self._action(self.tr("&Settings…"), self.open_settings, "Ctrl+,"))
        help_menu = bar.addMenu(self.tr("&Help"))
        # issue 15: F1 opens the guide to the panel in use; every page is listed; About stays
        help_menu.addAction(self._action(self.tr("&Help for this panel"), self.show_help, "F1"))
        help_menu.addSeparator()
        for page in HELP_PAGES:
            help_menu.addAction(self._action(page_title(page), partial(self.show_help, page)))
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("&About AuditDesk"), self.show_about))

    def _update_status(self) -> None:
        self.db_label.setText(self.tr("Database: {0}").format(self._ctx.db.describe()))
        actor = self._ctx.actor
        name = actor.display_name or actor.login
        self.user_label.setText(
            self.tr("Signed in: {0} ({1})").format(name, role_name(actor.role.value))
        )

    # -- actions -----------------------------------------------------------------------------

    def set_context(self, ctx: AppContext) -> None:
        """Switches database or user: panels are rebuilt so none keeps data of the old one."""
        self._ctx = ctx
        self._build()

    def retranslate(self) -> None:
        self._build()

    def remember_layout(self) -> None:
        """Keeps the signed-in user's size, place and splitters in the settings file."""
        login = self._ctx.actor.login
        save_geometry(self, self.settings, login)
        for key, panel in self.panels.items():
            save_splitters(key, panel, self.settings, login)
        with contextlib.suppress(OSError):  # the window goes on; the layout is a convenience
            self.settings.save()

    def _signed_in_as(self, actor: Actor) -> None:
        self.set_context(AppContext(self._ctx.db, actor))
        restore_geometry(self, self.settings, actor.login, self.available_geometry())
        self.nav.setCurrentRow(self._start_row())

    def sign_out(self) -> None:
        """Hides the window (nothing of this user's stays on screen) and asks who signs in;
        quitting the sign-in quits AuditDesk."""
        self.remember_layout()
        self.hide()  # the panels are rebuilt for whoever signs in next
        actor = self.ask_sign_in(None, AppContext(self._ctx.db, Actor.system()))
        if actor is None:
            self.close()
            return
        self._signed_in_as(actor)
        self.show()

    def switch_user(self) -> None:
        """Another user signs in over the window; cancelling keeps the current user."""
        actor = self.ask_sign_in(self, AppContext(self._ctx.db, Actor.system()))
        if actor is None:
            return
        self.remember_layout()
        self._signed_in_as(actor)

    def open_database(self) -> None:
        """A database file or the office store's server address (ui.admin.open_database)."""
        from auditdesk.ui.admin.open_database import OpenDatabaseDialog

        dialog = OpenDatabaseDialog(self.settings, self)
        if dialog.exec() and dialog.target():
            self.database_change_requested.emit(dialog.target())

    def backup_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database"),
            "auditdesk-backup.sqlite",
            self.tr("SQLite database (*.sqlite)"),
        )
        if not path:
            return
        from pathlib import Path

        ctx = self._ctx

        def work(_progress: Progress) -> object:
            return maintenance.backup(ctx, Path(path))

        self.runner.submit(
            work,
            lambda target: self.statusBar().showMessage(
                self.tr("Backed up to {0}").format(target), 8000
            ),
            lambda exc, tb: show_error(self, exc, tb),
            title=self.tr("Backing up the database…"),
            parent=self,
        )

    def check_database(self) -> None:
        ctx = self._ctx

        def done(report: CheckReport) -> None:
            if report.ok:
                QMessageBox.information(
                    self, self.tr("Check database"), self.tr("No problems found.")
                )
            else:
                QMessageBox.warning(self, self.tr("Check database"), "\n".join(report.problems))

        self.runner.submit(
            lambda _p: _check(ctx),
            done,
            lambda exc, tb: show_error(self, exc, tb),
            title=self.tr("Checking the database…"),
            parent=self,
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        old_language = self.settings.language
        if dialog.exec():
            dialog.apply()
            try:
                self.settings.save()
            except OSError as exc:
                show_error(
                    self,
                    AuditDeskError(
                        self.tr("Cannot save the settings to {0}: {1}").format(
                            Settings.path(), exc.strerror
                        )
                    ),
                )
            if self.settings.language != old_language:
                self.language_changed.emit(self.settings.language)

    def open_sync(self) -> None:
        """The laptop's exchange with the office store (ui.sync); any role may open it."""
        from auditdesk.ui.sync.dialog import SyncDialog  # loaded when asked for

        SyncDialog(self._ctx, self.settings, self.runner, self).exec()

    def show_about(self) -> None:
        AboutDialog(self).exec()

    def show_help(self, page: str | None = None) -> None:
        """The guide's page (F1: the panel in use's) in the window's language."""
        if page is None:
            row = self.nav.currentRow()
            page = self.specs[row].key if 0 <= row < len(self.specs) else "index"
        open_help(self, page, self.settings.language)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():  # not after a sign-out that was cancelled: that layout is saved
            self.remember_layout()
        super().closeEvent(event)


def _check(ctx: AppContext) -> CheckReport:
    from auditdesk.services import integrity  # every area's check: imported when asked for

    return integrity.check(ctx)


def _ask_sign_in(parent: QWidget | None, ctx: AppContext) -> Actor | None:
    from auditdesk.ui.auth.signin import sign_in

    return sign_in(parent, lambda: ctx)
