"""The main loops with the keyboard alone (issue 19): no mouse event anywhere, only key events
sent to the widget that has the focus, as a person without a mouse works.

- an audit from the list to a signed protocol: Ctrl+N, the new-audit dialog, every answer by its
  digit, Ctrl+Return and the confirmation, Esc to the list, Ctrl+P, Ctrl+Shift+S, the signing
  dialog, Esc;
- an appraisal from the list to the employee's acknowledgement;
- a survey import: the campaign by arrows, Ctrl+I, the column mapping dialog, the result;
- every dialog the window opens: Tab goes round it in reading order and never gets stuck (a
  table or a text box that keeps Tab for itself traps a keyboard user).

After every key the focused widget must be visible (shown, inside its window and inside the
viewport of any scroll area around it), and Tab in each dialog must visit its fields in reading
order (top to bottom, then left to right). Only the operating system's file chooser is replaced
(it is not ours to test); everything else is the real window on the demo office.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
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
    """Pairs where Tab goes back up the page (or left along a line): not the reading order.
    Tab goes round, so the walk is read from the widget first on the page."""
    if widgets:

        def place(w: QWidget) -> tuple[int, int]:
            at = w.mapToGlobal(QPoint(0, 0))
            return (at.y(), at.x())

        top = widgets.index(min(widgets, key=place))
        widgets = widgets[top:] + widgets[:top]
    breaks = []
    for before, after in itertools.pairwise(widgets):
        a = before.mapToGlobal(QPoint(0, 0))
        b = after.mapToGlobal(QPoint(0, 0))
        same_line = abs(a.y() - b.y()) < min(before.height(), after.height()) // 2 + 1
        if (same_line and b.x() < a.x()) or (not same_line and b.y() < a.y()):
            breaks.append(f"{where(before)} → {where(after)}")
    return breaks


FAILURES: list[str] = []


@pytest.fixture(autouse=True)
def _no_failure_in_a_dialog() -> Iterator[None]:
    FAILURES.clear()
    yield
    assert not FAILURES, "\n".join(FAILURES)


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> QTimer:
    """Answers the next modal `kind` (a nested exec()) with keys, once it is shown."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            widget.activateWindow()
            try:
                act(widget)
            except BaseException as exc:
                # said by the test when the dialog is gone, not lost in Qt's event loop
                FAILURES.append(f"{kind.__name__}: {exc}")
                if isinstance(widget, QDialog):
                    widget.reject()

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


# --- an appraisal, from the team list to the employee's acknowledgement --------------------------


@pytest.fixture
def team(ctx: AppContext) -> tuple[AppContext, int]:
    """A unit with its head and one official due for her first appraisal; the head signs in."""
    from auditdesk.domain.values import Role
    from auditdesk.store.models import Employee, Office, OrgUnit

    with ctx.db.session() as s:
        office = Office(name="Urząd Wojewódzki w Testowie", short_name="UW", sector="civil_service")
        unit = OrgUnit(office=office, code="WSO", name="Wydział Spraw Obywatelskich")
        head = Employee(
            unit=unit,
            first_name="Anna",
            last_name="Główna",
            position="dyrektor generalny",
            is_head_of_office=True,
            is_manager=True,
        )
        boss = Employee(
            unit=unit,
            supervisor=head,
            first_name="Piotr",
            last_name="Kierowniczy",
            position="dyrektor wydziału",
            is_manager=True,
        )
        clerk = Employee(
            unit=unit,
            supervisor=boss,
            first_name="Ewa",
            last_name="Urzednicza",
            position="inspektor",
            employed_since=date(2024, 3, 1),
        )
        s.add_all([office, unit, head, boss, clerk])
        s.flush()
        boss_id, clerk_id = boss.id, clerk.id
    actor = Actor(10, "p.kierowniczy", Role.SUPERVISOR, boss_id, "Piotr Kierowniczy")
    return AppContext(ctx.db, actor), clerk_id


def test_an_appraisal_from_the_list_to_the_acknowledgement(
    qtbot: QtBot, team: tuple[AppContext, int]
) -> None:
    from auditdesk.services import appraisals as appraisal_svc
    from auditdesk.ui.appraisals.panel import AppraisalsPanel

    ctx, clerk_id = team
    today = date(2026, 3, 2)
    panel = AppraisalsPanel(lambda: ctx, SyncTaskRunner(), "en", lambda: today)
    qtbot.addWidget(panel)
    panel.resize(1350, 680)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)

    # find her (Ctrl+F, typing), Tab to the list, Ctrl+N, Enter takes the proposed period
    panel.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.table)
    key(qtbot, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.search)
    type_text(qtbot, "Urzednicza")
    assert panel.proxy.rowCount() == 1
    tab_until(qtbot, lambda w: w is panel.table)
    key(qtbot, Qt.Key.Key_Home)
    assert panel.selected_row() is not None
    key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = panel.dialog
    assert isinstance(dialog, QWidget) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focus()))
    order = tab_order(qtbot, dialog)
    assert not reading_order_breaks(order), reading_order_breaks(order)
    key(qtbot, Qt.Key.Key_Return)
    editor = panel.editor
    assert editor is not None, panel.message.text()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.isAncestorOf(focus()))
    assert editor.pages.currentIndex() == 0

    # step 1: the mandatory criteria are ticked; one more with Space, its expectations typed
    table = editor.criteria_table
    tab_until(qtbot, lambda w: w is table)
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(table.rowCount()):
        item = table.item(table.currentRow(), 0)
        checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        if checkable and item.checkState() == Qt.CheckState.Unchecked:
            break
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Space)
    assert table.item(table.currentRow(), 0).checkState() == Qt.CheckState.Checked
    key(qtbot, Qt.Key.Key_Right)
    type_text(qtbot, "S")  # the first key opens the cell's editor, which takes the rest
    type_text(qtbot, "krocic czas obslugi")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert editor.pages.currentIndex() == 1, editor.message.text()

    # step 2: each criterion: the level with arrows, Tab, the justification, Ctrl+S
    for _ in range(editor.rating_list.count()):
        tab_until(qtbot, lambda w: w is editor.level)
        key(qtbot, Qt.Key.Key_Home)
        key(qtbot, Qt.Key.Key_Down)  # the first level: above expectations
        key(qtbot, Qt.Key.Key_Tab)
        assert focus() is editor.justification, where(focus())
        type_text(qtbot, "Sprawna obsluga bez uwag")
        key(qtbot, Qt.Key.Key_S, CTRL)
    assert editor.pages.currentIndex() == 2, editor.message.text()

    # step 3 needs nothing for a positive result; step 4: the conversation's date, Ctrl+S
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert editor.pages.currentIndex() == 3
    tab_until(qtbot, lambda w: w is editor.conversation_on)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "02.03.2026")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert editor.pages.currentIndex() == 4, editor.message.text()

    # step 5: the employee read it (her acknowledgement), Ctrl+R
    tab_until(qtbot, lambda w: w is editor.read_on)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "03.03.2026")
    key(qtbot, Qt.Key.Key_R, CTRL)
    view = appraisal_svc.appraisal_detail(ctx, editor.appraisal_id, "en")
    assert view.employee_id == clerk_id
    assert view.read_on == date(2026, 3, 3), editor.message.text()
    editor.close()


# --- an import of survey responses ---------------------------------------------------------------


def test_a_survey_import_with_the_keyboard(
    qtbot: QtBot,
    office: Callable[[str], AppContext],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from auditdesk.services.monitoring import surveys as survey_svc
    from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
    from auditdesk.ui.monitoring.surveys import SurveysTab
    from auditdesk.ui.panels import PanelDeps

    ctx = office("kadry")
    tab = SurveysTab(PanelDeps(lambda: ctx, SyncTaskRunner(), Settings(language="en")))
    qtbot.addWidget(tab)
    tab.resize(1350, 680)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.list)

    # the kiosk campaign, chosen with the arrow keys
    key(qtbot, Qt.Key.Key_Home)
    for _ in range(tab.campaigns.rowCount()):
        current = tab.current()
        if current is not None and "kiosku" in current.title:
            break
        key(qtbot, Qt.Key.Key_Down)
    campaign = tab.current()
    assert campaign is not None and "kiosku" in campaign.title
    day = campaign.period_to.strftime("%d.%m.%Y")
    path = tmp_path / "kiosk.csv"
    path.write_text(
        f"Nr;Data;Wiedza pracownika;informacja;uprzejmosc;ogolna_ocena\n"
        f"K1;{day};5;4;5;5\nK2;{day};3;3;4;3\n",
        encoding="utf-8",
    )
    # the system's file chooser is not ours: it answers with the file
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    seen: dict[str, object] = {}

    def mapping(widget: QWidget) -> None:
        assert isinstance(widget, ImportMappingDialog)
        qtbot.waitUntil(lambda: widget.isAncestorOf(focus()))
        order = tab_order(qtbot, widget)
        seen["order"] = reading_order_breaks(order)
        # the column it did not recognise: Tab to its field, arrows to "wiedza"
        combo = widget.combos[widget.header.index("Wiedza pracownika")]
        tab_until(qtbot, lambda w: w is combo)
        choose_in_combo(qtbot, combo, lambda i: combo.itemData(i) == "wiedza")
        tab_until(qtbot, lambda w: w is widget.ok_button)
        key(qtbot, Qt.Key.Key_Space)
        seen["accepted"] = widget.result() == 1

    timer = when_modal(ImportMappingDialog, mapping)
    key(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: "accepted" in seen, timeout=15_000)
    timer.stop()
    assert seen["order"] == [], seen["order"]
    assert seen["accepted"] is True
    qtbot.waitUntil(lambda: "2" in tab.message.text())
    counts = {r.id: r.responses for r in survey_svc.list_campaigns(ctx)}
    assert counts[campaign.id] == campaign.responses + 2


# --- every dialog: Tab goes round in reading order and never gets stuck --------------------------


def dialog_names() -> list[str]:
    from test_accessibility_names import DIALOGS

    return DIALOGS


@pytest.mark.parametrize("name", dialog_names())
def test_tab_goes_round_every_dialog_in_reading_order(
    qtbot: QtBot, office: Callable[[str], AppContext], name: str
) -> None:
    from test_accessibility_names import _dialogs

    dialog = _dialogs(office("kadry"))[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    if (
        not dialog.isAncestorOf(QApplication.focusWidget())
        and QApplication.focusWidget() is not dialog
    ):
        dialog.focusNextChild()
    first = focus()
    order = tab_order(qtbot, dialog)
    assert focus() is first or focus() in order[:1], (
        f"Tab is stuck at {where(focus())} after {[where(w) for w in order]}"
    )
    assert not reading_order_breaks(order), reading_order_breaks(order)
    dialog.close()
