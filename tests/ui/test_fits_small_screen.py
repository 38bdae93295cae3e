"""Every panel and dialog fits a 1366×768 screen (issue 15) and nothing in it is clipped.

The window is given the area a 1366×768 laptop leaves (a 40 px task bar, the frame) and each
panel of each demo role is shown in Polish, the longest of the languages; then the editors
(audit, appraisal on each page) and every dialog the window opens. The walk fails on
- a label or button whose text is wider than the widget (by its own font's metrics: cut or
  elided on screen),
- a table column (not hidden) that lies past the right edge of its table's viewport: every
  column, unless the view names the ones that must stay in view in its "requiredColumns"
  property (logical indexes; the others may scroll),
- a window or dialog larger than the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import auditdesk.ui.main_window as main_window_module
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, User
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner

SCREEN = QRect(0, 0, 1366, 728)  # 1366×768 less a 40 px task bar
ROLES = ["admin", "kadry", "audytor1", "kierownik.bok"]
SLACK = 2  # px: rounding of the font metrics
# Tables not yet saying which columns must stay in view ("requiredColumns"), with the ones that
# must: the overview's matrix (a unit per row, a column per method and count, issue 17) is wider
# than any laptop; its unit and first method stay, the others scroll. To be moved into the panel.
SCROLLS_BY_DESIGN = {"overview_table": [0, 1]}


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _rich(label: QLabel) -> bool:
    if label.textFormat() == Qt.TextFormat.RichText:
        return True
    return label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())


def clipped_texts(root: QWidget) -> list[str]:
    """Labels and buttons under `root` whose one-line text does not fit their width."""
    found: list[str] = []
    for widget in root.findChildren(QWidget):
        if not _visible(widget) or not widget.window().isVisible():
            continue
        metrics = QFontMetrics(widget.font())
        if isinstance(widget, QLabel):
            text = _plain(widget.text()) if widget.buddy() is not None else widget.text()
            if not text or widget.wordWrap() or _rich(widget) or not widget.pixmap().isNull():
                continue
            lines = text.splitlines() or [text]
            need = max(metrics.horizontalAdvance(line) for line in lines)
            room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent()
            if need > room + SLACK:
                found.append(f"label {text!r}: needs {need} px, has {room}")
        elif isinstance(widget, QAbstractButton):
            text = _plain(widget.text())
            if not text:
                continue
            need = metrics.horizontalAdvance(text)
            if isinstance(widget, (QCheckBox, QRadioButton)):
                need += widget.iconSize().width() + 8  # the box and its gap
            elif isinstance(widget, QPushButton):
                need += 8  # the bevel and a little padding
            if not widget.icon().isNull():
                need += widget.iconSize().width() + 4
            if need > widget.width() + SLACK:
                found.append(f"button {text!r}: needs {need} px, has {widget.width()}")
    return found


def columns_outside(root: QWidget) -> list[str]:
    """Table columns (not hidden) that start or end past the right edge of the viewport."""
    found: list[str] = []
    for view in root.findChildren(QTableView) + root.findChildren(QTreeView):
        if not _visible(view) or view.model() is None:
            continue
        header: QHeaderView = (
            view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        )
        width = view.viewport().width()
        model = view.model()
        required = view.property("requiredColumns")
        if required is None and view.objectName() in SCROLLS_BY_DESIGN:
            required = SCROLLS_BY_DESIGN[view.objectName()]
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            if required is not None and column not in required:
                continue  # the view says this one may scroll (its data is shown elsewhere too)
            right = header.sectionPosition(column) + header.sectionSize(column)
            if right > width + SLACK:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                name = view.accessibleName() or view.objectName() or type(view).__name__
                found.append(f"table {name!r}: column {title!r} ends at {right} px of {width}")
    return found


def every_tab(root: QWidget) -> Iterator[tuple[str, QWidget]]:
    """Shows each tab of each tab widget under `root` in turn, and the tabs inside each."""
    from PySide6.QtWidgets import QTabWidget

    def outermost(tabs: QTabWidget) -> bool:
        parent = tabs.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QTabWidget):
                return False
            parent = parent.parentWidget()
        return True

    for tabs in [t for t in root.findChildren(QTabWidget) if outermost(t)]:
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            page = tabs.widget(index)
            if page is None:
                continue
            name = tabs.tabText(index).replace("&", "")
            yield name, page
            for inner, inner_page in every_tab(page):
                yield f"{name} / {inner}", inner_page
        tabs.setCurrentIndex(first)


def too_big(window: QWidget) -> list[str]:
    frame = window.frameGeometry()
    if frame.width() > SCREEN.width() or frame.height() > SCREEN.height():
        return [f"{type(window).__name__} is {frame.width()}×{frame.height()}, over the screen"]
    return []


def problems(root: QWidget) -> list[str]:
    QApplication.processEvents()
    return clipped_texts(root) + columns_outside(root)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo_template: object) -> Path:
    from demo_office import DemoTemplates

    assert isinstance(demo_template, DemoTemplates)
    return demo_template.copy_to(tmp_path_factory.mktemp("fits") / "demo.sqlite")


@pytest.fixture
def as_user(demo_file: Path, tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    db = open_database(str(path))

    def login(name: str) -> AppContext:
        with db.session() as s:
            user = s.scalar(select(User).where(User.login == name))
            assert user is not None
            return AppContext(db, Actor.of(user))

    yield login
    db.dispose()


@pytest.fixture(autouse=True)
def polish(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "pl")
    monkeypatch.setattr(main_window_module, "available_geometry", lambda _w: SCREEN)
    yield
    install_language(app, "en")


def small_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx, Settings(language="pl"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_walk_finds_a_cut_label_and_a_column_off_screen(qtbot: QtBot) -> None:
    """The checks can fail: a long label squeezed into 60 px, a fourth wide column, which
    stops counting once the table says only the first two are required."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    label = QLabel("termin w ciągu 60 dni, a to jeszcze dłuższy tekst")
    label.setMinimumWidth(10)
    label.setMaximumWidth(60)
    layout.addWidget(label)
    button = QPushButton("Eksport wszystkich protokołów")
    button.setFixedWidth(50)
    layout.addWidget(button)
    table = QTableView()
    model = QStandardItemModel(1, 4)
    table.setModel(model)
    for column in range(4):
        table.setColumnWidth(column, 150)
    layout.addWidget(table)
    box.resize(400, 300)
    box.show()
    qtbot.waitExposed(box)
    found = problems(box)
    assert any(line.startswith("label 'termin") for line in found), found
    assert any(line.startswith("button 'Eksport") for line in found), found
    assert any("column 4 ends" in line for line in found), found
    table.setProperty("requiredColumns", [0, 1])
    assert not columns_outside(box)


@pytest.mark.parametrize("login", ROLES)
def test_every_panel_fits_at_1366x768(
    qtbot: QtBot, as_user: Callable[[str], AppContext], login: str
) -> None:
    win = small_window(qtbot, as_user(login))
    found = too_big(win)
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        qtbot.wait(10)
        found += [f"{spec.key}: {line}" for line in problems(panel)]
        for name, page in every_tab(panel):  # the other tabs (complaints, research, trail …)
            found += [f"{spec.key} / {name}: {line}" for line in problems(page)]
    found += [f"window: {line}" for line in problems(win.nav)]
    found += too_big(win)
    assert not found, "\n".join(found)


def test_the_audit_editor_fits_at_1366x768(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from test_accessibility_names import _new_visit

    from auditdesk.ui.audits.editor import AuditEditor

    ctx = as_user("audytor1")
    win = small_window(qtbot, ctx)
    panel = win.show_panel("audits")
    editor = AuditEditor(lambda: ctx, _new_visit(ctx), choose_file=lambda: None, language="pl")
    qtbot.addWidget(editor)
    editor.setGeometry(panel.geometry())
    editor.resize(panel.size())
    editor.show()
    found: list[str] = []
    for section in range(editor.sections.count()):
        editor.show_section(section)
        found += [f"section {section + 1}: {line}" for line in problems(editor)]
    assert not found, "\n".join(sorted(set(found)))


def test_the_appraisal_editor_fits_at_1366x768(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from auditdesk.ui.appraisals.editor import AppraisalEditor

    ctx = as_user("kadry")
    win = small_window(qtbot, ctx)
    panel = win.show_panel("appraisals")
    with ctx.db.session() as s:
        appraisal_id = s.scalar(select(Appraisal.id).order_by(Appraisal.id.desc()).limit(1))
    assert appraisal_id is not None
    editor = AppraisalEditor(lambda: ctx, appraisal_id, "pl", lambda: date(2026, 7, 15))
    qtbot.addWidget(editor)
    editor.resize(panel.size())
    editor.show()
    found: list[str] = []
    for page in range(editor.pages.count()):
        editor.pages.setCurrentIndex(page)
        found += [f"page {page + 1}: {line}" for line in problems(editor)]
    assert not found, "\n".join(sorted(set(found)))


def dialog_names() -> list[str]:
    from test_accessibility_names import DIALOGS

    return DIALOGS


@pytest.mark.parametrize("name", dialog_names())
def test_every_dialog_fits_at_1366x768(
    qtbot: QtBot, as_user: Callable[[str], AppContext], name: str
) -> None:
    from test_accessibility_names import _dialogs

    dialog = _dialogs(as_user("kadry"))[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    found = too_big(dialog) + problems(dialog)
    dialog.close()
    assert not found, "\n".join(found)


def test_no_empty_strip_between_the_menu_and_the_panel(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    """Issue 15 saw about 60 px of nothing between the side menu and the content."""
    from PySide6.QtWidgets import QSplitter

    win = small_window(qtbot, as_user("kadry"))
    win.resize(1350, 688)
    QApplication.processEvents()
    splitter = win.centralWidget()
    assert isinstance(splitter, QSplitter)
    menu_pane, _panel_pane = splitter.sizes()
    assert menu_pane <= win.nav.width() + 2, (menu_pane, win.nav.width())


def test_a_notice_is_not_drawn_over_the_database_label(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    """A start-up notice arrives before the window is shown; the status bar then showed it and
    the database label on top of each other."""
    win = MainWindow(as_user("kadry"), Settings(language="pl"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.statusBar().showMessage("Oceny okresowe: po terminie 3", 60_000)  # before show()
    win.show()
    qtbot.waitExposed(win)
    assert not win.db_label.isVisible()
    win.statusBar().clearMessage()
    assert win.db_label.isVisible()


@pytest.fixture
def larger_font(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application's font made larger, as an office PC's text-size setting does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old = app.font()
    font = app.font()
    font.setPointSizeF(old.pointSizeF() * request.param)
    app.setFont(font)
    yield request.param
    app.setFont(old)


@pytest.mark.parametrize("larger_font", [1.5, 2.0], indirect=True)
def test_with_a_larger_font_the_window_stays_on_screen_and_nothing_is_cut(
    qtbot: QtBot, as_user: Callable[[str], AppContext], larger_font: float
) -> None:
    """A panel wider than the screen at 150 % or 200 % scrolls inside the window; the window
    is never pushed past the screen's edge (where its right part was cut off), and no label or
    button is narrower than its text."""
    win = small_window(qtbot, as_user("kadry"))
    found: list[str] = []
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        QApplication.processEvents()
        found += [f"{spec.key}: {line}" for line in too_big(win) + clipped_texts(panel)]
    assert not found, "\n".join(found)
