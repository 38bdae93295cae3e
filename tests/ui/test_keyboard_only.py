"""The main loops with the keyboard alone (issue 19): no mouse event anywhere, only key events
sent to the widget that has the focus, as a person without a mouse works.

- an audit from the list to a signed protocol: Ctrl+N, the new-audit dialog, every answer by its
  digit, Ctrl+Return and the confirmation, Esc to the list, Ctrl+P, Ctrl+Shift+S, the signing
  dialog, Esc;
- an appraisal from the list to the employee's acknowledgement;
- a complaints import: Ctrl+I, the column mapping dialog, the result.

After every key the focused widget must be visible (shown, inside its window and inside the
viewport of any scroll area around it), and Tab in each dialog must visit its fields in reading
order (top to bottom, then left to right). Only the operating system's file chooser is replaced
(it is not ours to test); everything else is the real window on the demo office.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services import audits as audit_svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.i18n import install_language
from auditdesk.ui.tasks import SyncTaskRunner

# QTest types ASCII only, so the password and the certificate's path are ASCII
PASSWORD = "tajne-haslo-1"
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# --- the keyboard and what it shows -------------------------------------------------------------


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def where(widget: QWidget) -> str:
    name = widget.objectName() or widget.accessibleName() or getattr(widget, "text", str)()
    return f"{type(widget).__name__} {name!r}"


def focus_visible(widget: QWidget) -> str | None:
    """None when the widget is on screen, else why not."""
    if not widget.isVisible():
        return f"{where(widget)} has the focus but is hidden"
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().intersects(rect):
        return f"{where(widget)} lies outside its window"
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            port = parent.viewport()
            inside = QRect(widget.mapTo(port, QPoint(0, 0)), widget.size())
            if port.isAncestorOf(widget) and not port.rect().intersects(inside):
                return f"{where(widget)} is scrolled out of view"
        parent = parent.parentWidget()
    return None


def window_manager() -> None:
    """What a desktop's window manager does when a dialog closes: the window under it becomes
    active again (the offscreen platform of the tests leaves no window active)."""
    if QApplication.activeWindow() is not None:
        return
    modal = QApplication.activeModalWidget()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    top = modal if modal is not None else (shown[-1] if shown else None)
    if top is not None:
        top.activateWindow()
        QApplication.processEvents()


def key(qtbot: QtBot, code: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """One key to the focused widget; then the focus must be on something one can see."""
    qtbot.keyClick(focus(), code, modifier)
    QApplication.processEvents()
    window_manager()
    now = QApplication.focusWidget()
    if now is not None:
        problem = focus_visible(now)
        assert problem is None, problem


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focus(), text)


def tab_until(qtbot: QtBot, found: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Tabs on until the focus is where `found` says (a keyboard user reads as they go)."""
    for _ in range(limit):
        if found(focus()):
            return focus()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the field; stuck at {where(focus())}")


def choose_in_combo(qtbot: QtBot, combo: QComboBox, wanted: Callable[[int], bool]) -> None:
    """Arrow keys through a focused combo box until `wanted(index)`."""
    assert focus() is combo, f"the focus is on {where(focus())}, not the combo box"
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if wanted(combo.currentIndex()):
            return
        key(qtbot, Qt.Key.Key_Down)
    raise AssertionError("no such choice in the combo box")


def tab_order(qtbot: QtBot, dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `dialog`, from the first, once round."""
    seen: list[QWidget] = []
    for _ in range(120):
        widget = focus()
        if seen and widget is seen[-1]:
            pass  # Tab moves on inside it first (the sections of a date and time)
        elif widget in seen:
            break
        else:
            seen.append(widget)
        key(qtbot, Qt.Key.Key_Tab)
    return seen


def reading_order_breaks(widgets: list[QWidget]) -> list[str]:
    """Pairs where Tab goes back up the page (or left along a line): not the reading order."""
    breaks = []
    for before, after in itertools.pairwise(widgets):
        a = before.mapToGlobal(QPoint(0, 0))
        b = after.mapToGlobal(QPoint(0, 0))
        same_line = abs(a.y() - b.y()) < min(before.height(), after.height()) // 2 + 1
        if (same_line and b.x() < a.x()) or (not same_line and b.y() < a.y()):
            breaks.append(f"{where(before)} → {where(after)}")
    return breaks


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> QTimer:
    """Answers the next modal `kind` (a nested exec()) with keys, once it is shown."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            widget.activateWindow()
            act(widget)

    timer.timeout.connect(look)
    timer.start()
    return timer


# --- the office -----------------------------------------------------------------------------------


@pytest.fixture
def office(
    copy_demo: Callable[[Path], Path], tmp_path: Path
) -> Iterator[Callable[[str], AppContext]]:
    db = open_database(str(copy_demo(tmp_path / "demo.sqlite")))

    def login(name: str) -> AppContext:
        with db.session() as s:
            user = s.scalar(select(User).where(User.login == name))
            assert user is not None
            return AppContext(db, Actor.of(user))

    yield login
    db.dispose()


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    install_language(qapp, "en")


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from auditdesk.reports.certs import create_certificate

    folder = tmp_path_factory.mktemp("keyboard-cert")
    return create_certificate("Anna Audytorka", folder / "signer.p12", PASSWORD.encode()).p12


# --- an audit, from the list to the signed protocol ----------------------------------------------


def test_an_audit_from_the_list_to_a_signed_protocol(
    qtbot: QtBot, office: Callable[[str], AppContext], p12: Path
) -> None:
    from auditdesk.ui.audits.dialogs import NewAuditDialog
    from auditdesk.ui.audits.panel import AuditsPanel
    from auditdesk.ui.protocols.dialogs import ProtocolDialog, SignDialog

    ctx = office("audytor1")
    panel = AuditsPanel(lambda: ctx, SyncTaskRunner(), Settings(language="en"))
    qtbot.addWidget(panel)
    panel.resize(1350, 680)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)

    # the new-audit dialog: fields in reading order, chosen with arrows and typed
    key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = panel.dialog
    assert isinstance(dialog, NewAuditDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(focus()))
    order = tab_order(qtbot, dialog)
    assert not reading_order_breaks(order), reading_order_breaks(order)
    tab_until(qtbot, lambda w: w is dialog.form)
    choose_in_combo(qtbot, dialog.form, lambda i: i >= 0 and dialog.forms[i].form_id == "tk-wizyta")
    tab_until(qtbot, lambda w: w is dialog.unit)
    choose_in_combo(qtbot, dialog.unit, lambda i: dialog.unit.itemText(i).startswith("BOK"))
    tab_until(qtbot, lambda w: w is dialog.note)
    type_text(qtbot, "okienko 4")
    case = dialog.scenario_edits["sprawa"]
    tab_until(qtbot, lambda w: w is case)
    type_text(qtbot, "Wymiana dowodu osobistego")
    key(qtbot, Qt.Key.Key_Return)
    editor = panel.editor
    assert editor is not None, dialog.error.text()
    qtbot.waitUntil(lambda: editor.current_item == editor.order[0])

    # every question by its key, in order, the critical failures' comments skipped with Enter
    for _ in range(4 * len(editor.order)):
        current = editor.current_item
        if focus() is editor.complete_button:
            break
        assert current is not None
        row = editor.rows[current]
        if row.buttons:
            key(qtbot, Qt.Key.Key_1)
        elif row.value_edit is not None:
            type_text(qtbot, "3" if row.item.type == "number" else "2026-07-15 10:00")
            key(qtbot, Qt.Key.Key_Tab)
        else:
            key(qtbot, Qt.Key.Key_Tab)
        if focus() is row.comment:
            key(qtbot, Qt.Key.Key_Return)
    assert focus() is editor.complete_button, f"the last answer left the focus on {where(focus())}"
    assert not editor.result.missing_required

    # complete: the confirmation is answered with Tab and Space
    key(qtbot, Qt.Key.Key_Return, CTRL)
    box = editor.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.waitUntil(lambda: box.isAncestorOf(focus()))
    yes = box.button(QMessageBox.StandardButton.Yes)
    tab_until(qtbot, lambda w: w is yes)
    key(qtbot, Qt.Key.Key_Space)
    assert audit_svc.load_audit(ctx, editor.audit_id).status == "completed"
    audit_id = editor.audit_id

    # back to the list: the audit just completed is the selected one
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.editor is None or not panel.editor.isVisible())
    assert panel.selected_id() == audit_id
    assert panel.isAncestorOf(focus()), f"after Esc the focus is on {where(focus())}"

    # the protocol: Ctrl+P, Ctrl+Shift+S, the signing dialog by Tab and typing, Esc
    seen: dict[str, object] = {}

    def sign(widget: QWidget) -> None:
        assert isinstance(widget, SignDialog)
        qtbot.waitUntil(lambda: widget.isAncestorOf(focus()))
        order = tab_order(qtbot, widget)
        seen["sign order"] = reading_order_breaks(order)
        tab_until(qtbot, lambda w: w is widget.p12)
        type_text(qtbot, str(p12))
        tab_until(qtbot, lambda w: w is widget.secret)
        type_text(qtbot, PASSWORD)
        key(qtbot, Qt.Key.Key_Return)

    def protocol(widget: QWidget) -> None:
        assert isinstance(widget, ProtocolDialog)
        qtbot.waitUntil(lambda: widget.isAncestorOf(focus()))
        seen["signer"] = when_modal(SignDialog, sign)
        key(qtbot, Qt.Key.Key_S, CTRL | SHIFT)  # a button's shortcut clicks it 100 ms later
        qtbot.waitUntil(lambda: not widget.sign_button.isEnabled(), timeout=15_000)
        window_manager()
        seen["state"] = widget.state.text()
        key(qtbot, Qt.Key.Key_Escape)
        seen["closed by Esc"] = not widget.isVisible()

    timer = when_modal(ProtocolDialog, protocol)
    key(qtbot, Qt.Key.Key_P, CTRL)
    timer.stop()
    assert seen.get("sign order") == [], seen.get("sign order")
    assert "Signed electronically by Anna Audytorka" in str(seen.get("state")), seen
    assert seen.get("closed by Esc") is True
    from auditdesk.services import protocols

    with ctx.db.session() as s:
        assert protocols.is_locked(s, "audit", audit_id)
