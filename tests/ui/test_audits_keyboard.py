"""Filling an audit as a new user does (issue 15): K after an answer opens the comment of the
question just answered, the current question is marked, a critical "No" keeps the focus on its
comment, numbers get a range and a validator, completing asks first and says that it locks, the
auditor is not offered an action plan they cannot write, and "Notes and quotes" is a real box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.audits.dialogs import ActionPlanDialog, NewAuditDialog
from auditdesk.ui.audits.editor import AuditEditor
from auditdesk.ui.audits.item_row import NotesEdit
from auditdesk.ui.audits.panel import AuditsPanel
from auditdesk.ui.tasks import SyncTaskRunner


@pytest.fixture
def auditor(copy_demo: Callable[[Path], Path], tmp_path: Path) -> Iterator[AppContext]:
    db = open_database(str(copy_demo(tmp_path / "demo.sqlite")))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor1"))
        assert user is not None
        actor = Actor.of(user)
    yield AppContext(db, actor)
    db.dispose()


@pytest.fixture
def panel(qtbot: QtBot, auditor: AppContext) -> AuditsPanel:
    p = AuditsPanel(lambda: auditor, SyncTaskRunner(), choose_file=lambda: None)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    return p


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def start_visit(qtbot: QtBot, panel: AuditsPanel) -> AuditEditor:
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.dialog
    assert isinstance(dialog, NewAuditDialog)
    form = dialog.findChild(QComboBox, "form")
    unit = dialog.findChild(QComboBox, "unit")
    assert form is not None and unit is not None
    form.setCurrentIndex(next(i for i, f in enumerate(dialog.forms) if f.form_id == "tk-wizyta"))
    note = dialog.findChild(QLineEdit, "note")
    case = dialog.findChild(QLineEdit, "scenario_sprawa")
    assert note is not None and case is not None
    unit.setCurrentIndex(unit.findText("BOK", Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(note, "okienko 4")
    qtbot.keyClicks(case, "Wymiana dowodu osobistego")
    qtbot.keyClick(case, Qt.Key.Key_Return)
    editor = panel.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.current_item == "powitanie")
    return editor


def test_k_after_an_answer_opens_the_comment_of_that_question(
    qtbot: QtBot, panel: AuditsPanel
) -> None:
    editor = start_visit(qtbot, panel)
    editor.focus_item("kontakt_wzrokowy")
    qtbot.keyClick(focus(), Qt.Key.Key_2)  # "partly": the focus moves on to 1.4
    assert editor.current_item == "uprzejmosc"
    qtbot.keyClick(focus(), Qt.Key.Key_K)
    assert focus() is editor.rows["kontakt_wzrokowy"].comment
    qtbot.keyClicks(focus(), "patrzyl w monitor")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)  # answered: Enter goes on to 1.4
    assert editor.current_item == "uprzejmosc" and editor.rows["uprzejmosc"].hasFocus()
    stored = svc.load_audit(editor.context(), editor.audit_id).answers
    assert stored["kontakt_wzrokowy"].comment == "patrzyl w monitor"
    # K on an item not just answered: its own comment, and Enter comes back to answer it
    qtbot.keyClick(focus(), Qt.Key.Key_K)
    assert focus() is editor.rows["uprzejmosc"].comment
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert editor.rows["uprzejmosc"].hasFocus()


def test_the_current_question_is_marked(qtbot: QtBot, panel: AuditsPanel) -> None:
    editor = start_visit(qtbot, panel)
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    assert editor.current_item == "identyfikator"
    marked = [i for i, row in editor.rows.items() if row.marker.isVisible()]
    assert marked == ["identyfikator"]
    assert editor.rows["identyfikator"].property("current") is True
    qtbot.keyClick(focus(), Qt.Key.Key_K)  # the comment of 1.1, just answered: 1.1 is marked
    marked = [i for i, row in editor.rows.items() if row.marker.isVisible()]
    assert marked == ["powitanie"]


def test_a_critical_no_keeps_the_focus_on_its_comment(qtbot: QtBot, panel: AuditsPanel) -> None:
    editor = start_visit(qtbot, panel)
    editor.focus_item("uprzejmosc")  # critical
    qtbot.keyClick(focus(), Qt.Key.Key_3)  # "No"
    assert focus() is editor.rows["uprzejmosc"].comment
    assert editor.current_item == "uprzejmosc"
    qtbot.keyClicks(focus(), "podniesiony glos")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert editor.current_item == "bez_rozpraszaczy"
    stored = svc.load_audit(editor.context(), editor.audit_id).answers["uprzejmosc"]
    assert (stored.value, stored.comment) == ("no", "podniesiony glos")


def test_a_number_gets_a_range_and_a_validator(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    editor = start_visit(qtbot, panel)
    editor.focus_item("czas_oczekiwania")
    edit = editor.rows["czas_oczekiwania"].value_edit
    assert isinstance(edit, QLineEdit) and edit.validator() is not None
    qtbot.keyClicks(edit, "11111111111111111111")
    assert len(edit.text()) <= 7
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert "czas_oczekiwania" not in svc.load_audit(auditor, editor.audit_id).answers
    assert "1000" in editor.message.text()
    edit.clear()
    qtbot.keyClicks(edit, "abc7,5")
    assert edit.text() == "7,5"
    with pytest.raises(ValidationFailed, match="outside 0–1000"):
        svc.save_answer(auditor, editor.audit_id, "czas_oczekiwania", "5000")


def answer_everything(qtbot: QtBot, editor: AuditEditor, digit: Qt.Key) -> None:
    for item_id, row in editor.rows.items():
        if row.item.required and row.buttons:
            editor.focus_item(item_id)
            qtbot.keyClick(focus(), digit)
            if focus() is row.comment:  # a critical failure asks for its comment
                qtbot.keyClick(focus(), Qt.Key.Key_Return)
        elif row.item.required and row.value_edit is not None:
            editor.focus_item(item_id)
            qtbot.keyClicks(focus(), "3" if row.item.type == "number" else "2026-07-15 10:00")
            qtbot.keyClick(focus(), Qt.Key.Key_Tab)


def test_completing_asks_first_and_says_it_locks(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    editor = start_visit(qtbot, panel)
    answer_everything(qtbot, editor, Qt.Key.Key_1)
    qtbot.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = editor.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "locks" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert svc.load_audit(auditor, editor.audit_id).status == "draft"
    qtbot.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = editor.confirm_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert svc.load_audit(auditor, editor.audit_id).status == "completed"
    assert "locked" in editor.message.text()


def test_an_auditor_is_told_who_prepares_the_plan(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    editor = start_visit(qtbot, panel)
    answer_everything(qtbot, editor, Qt.Key.Key_2)  # "No" everywhere: unsatisfactory
    editor.complete()
    assert editor.confirm_box is not None
    editor.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert svc.load_audit(auditor, editor.audit_id).status == "completed"
    assert not isinstance(panel.dialog, ActionPlanDialog)
    assert "HR" in editor.message.text() and "manager" in editor.message.text()
    dialog = ActionPlanDialog(lambda: auditor, editor.audit_id)  # Ctrl+Shift+A: to read only
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and not dialog.plan.may_edit
    assert not dialog.add_button.isEnabled() and not dialog.save_button.isEnabled()


def test_notes_and_quotes_is_a_multi_line_box(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    editor = start_visit(qtbot, panel)
    editor.focus_item("uwagi")
    edit = editor.rows["uwagi"].value_edit
    assert isinstance(edit, NotesEdit)
    assert edit.width() >= 500 and edit.height() >= 3 * edit.fontMetrics().lineSpacing()
    qtbot.keyClicks(edit, "Pani powiedziala:")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "prosze przyjsc jutro")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert editor.current_item != "uwagi"
    stored = svc.load_audit(auditor, editor.audit_id).answers["uwagi"]
    assert stored.value == "Pani powiedziala:\nprosze przyjsc jutro"
