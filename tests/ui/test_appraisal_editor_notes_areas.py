# ruff: noqa: F811  (the `world` fixture is imported from the appraisal window tests)
"""The appraisal editor's issue-15 steps driven like a person: the conversation's dated notes
(listed, added, removed after a confirmation, closed once the employee has read it), a
development area selected, changed and removed before signing, and the overall result in the
header following each rating as it is chosen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_appraisals_window import CTRL, Session, _sheet, activate, type_date, world  # noqa: F401

from auditdesk.services import appraisals as svc
from auditdesk.ui.appraisals.editor import AppraisalEditor

LEFT = Qt.MouseButton.LeftButton


def _answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    """Answers the editor's confirmations; returns the texts asked."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _rated(world: Session, level: str = "powyzej") -> int:
    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, ["cele"])
    for criterion in svc.appraisal_detail(c, a).criteria:
        if criterion.selected:
            svc.rate(c, a, criterion.code, level, "Terminowo i rzetelnie")
    return a


def _open(qtbot: QtBot, world: Session, appraisal: int) -> AppraisalEditor:
    ed = AppraisalEditor(world.context, appraisal, "en", lambda: world.today)
    qtbot.addWidget(ed)
    activate(qtbot, ed)
    return ed


def test_conversation_notes_are_listed_added_and_removed(
    qtbot: QtBot, world: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _rated(world)
    ed = _open(qtbot, world, a)
    ed.step(3)
    assert ed.notes.count() == 0 and ed.add_note_button.isEnabled()
    assert ed.note_on.date() == world.today  # the note is dated today unless told otherwise
    # typed and added with the button
    qtbot.mouseClick(ed.note_text, LEFT)
    qtbot.keyClicks(ed.note_text, "Omowiono terminowosc spraw.")
    qtbot.mouseClick(ed.add_note_button, LEFT)
    assert ed.notes.count() == 1, ed.message.text()
    assert ed.note_text.toPlainText() == ""
    # an earlier date, and Ctrl+S adds the note being typed (not the conversation)
    type_date(qtbot, ed.note_on, "27.02.2026")
    qtbot.mouseClick(ed.note_text, LEFT)
    qtbot.keyClicks(ed.note_text, "Pracownica prosi o szkolenie.")
    qtbot.keyClick(ed.note_text, Qt.Key.Key_S, CTRL)
    view = svc.appraisal_detail(world.context(), a)
    assert view.status == "draft"  # the conversation is not recorded by a note
    assert [(n.noted_on, n.text) for n in view.conversation_notes] == [
        (date(2026, 2, 27), "Pracownica prosi o szkolenie."),
        (world.today, "Omowiono terminowosc spraw."),
    ]
    assert [ed.notes.item(i).text() for i in range(ed.notes.count())] == [
        "27.02.2026 – Pracownica prosi o szkolenie. (p.kierowniczy)",
        "02.03.2026 – Omowiono terminowosc spraw. (p.kierowniczy)",
    ]
    # an empty note is refused with the service's reason, nothing added
    qtbot.mouseClick(ed.add_note_button, LEFT)
    assert ed.message.is_error and "write what was said" in ed.message.text()
    # removing asks first; No keeps it
    ed.notes.setCurrentRow(0)
    asked = _answer(monkeypatch, yes=False)
    qtbot.mouseClick(ed.remove_note_button, LEFT)
    assert asked and "Pracownica prosi o szkolenie." in asked[0]
    assert ed.notes.count() == 2
    _answer(monkeypatch, yes=True)
    ed.notes.setCurrentRow(0)
    qtbot.mouseClick(ed.remove_note_button, LEFT)
    assert [n.text for n in svc.appraisal_detail(world.context(), a).conversation_notes] == [
        "Omowiono terminowosc spraw."
    ]
    assert ed.notes.count() == 1
    # after the conversation notes may still be written; once read, they are closed
    qtbot.mouseClick(ed.conversation_button, LEFT)
    assert svc.appraisal_detail(world.context(), a).status == "discussed"
    ed.step(3)
    assert ed.add_note_button.isEnabled()
    svc.acknowledge(world.context(), a, world.today, "")
    ed.reload()
    assert not ed.add_note_button.isEnabled() and not ed.remove_note_button.isEnabled()
    assert not ed.note_text.isEnabled()
    assert ed.notes.count() == 1  # still listed, read-only


def _area(world: Session, a: int) -> int:
    return svc.add_development_area(
        world.context(),
        a,
        "Prosty jezyk",
        "Pisma zrozumiale",
        "Szkolenie wewnetrzne",
        date(2026, 12, 31),
        [
            svc.ActionInput("szkolenie", "prosty jezyk", date(2026, 6, 30)),
            svc.ActionInput("mentoring", "z kierownikiem"),
        ],
    )


def test_a_development_area_is_selected_changed_and_removed(
    qtbot: QtBot, world: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _rated(world)
    area = _area(world, a)
    ed = _open(qtbot, world, a)
    ed.step(2)
    assert not ed.save_area_button.isEnabled() and not ed.remove_area_button.isEnabled()
    # selecting it fills the form
    rect = ed.area_list.visualItemRect(ed.area_list.item(0))
    qtbot.mouseClick(ed.area_list.viewport(), LEFT, pos=rect.center())
    assert ed.area_name.text() == "Prosty jezyk"
    assert ed.area_change.text() == "Pisma zrozumiale"
    assert ed.area_support.text() == "Szkolenie wewnetrzne"
    assert ed.area_deadline.text() == "31.12.2026"
    assert ed.area_actions.toPlainText() == "szkolenie: prosty jezyk\nmentoring: z kierownikiem"
    assert ed.save_area_button.isEnabled() and ed.remove_area_button.isEnabled()
    # changed: a name, a deadline, one action dropped, one added; Ctrl+S saves the change
    qtbot.keyClick(ed.area_name, Qt.Key.Key_End)
    qtbot.keyClicks(ed.area_name, " w pismach")
    type_date(qtbot, ed.area_deadline, "31.03.2027")
    ed.area_actions.setPlainText("szkolenie: prosty jezyk\nlektura: poradnik")
    qtbot.keyClick(ed.area_name, Qt.Key.Key_S, CTRL)
    assert ed.message.text() == "Development area changed.", ed.message.text()
    (changed,) = svc.appraisal_detail(world.context(), a).areas
    assert (changed.id, changed.area, changed.deadline) == (
        area,
        "Prosty jezyk w pismach",
        date(2027, 3, 31),
    )
    assert [(x.kind, x.description, x.deadline) for x in changed.actions] == [
        ("szkolenie", "prosty jezyk", date(2026, 6, 30)),  # its own deadline kept
        ("lektura", "poradnik", None),
    ]
    assert ed.area_list.currentRow() == 0  # still selected, the list shows the change
    assert "Prosty jezyk w pismach" in ed.area_list.item(0).text()
    # a bad deadline is said, nothing saved
    type_date(qtbot, ed.area_deadline, "31.13.2027")
    qtbot.mouseClick(ed.save_area_button, LEFT)
    assert ed.message.is_error and "dd.mm.yyyy" in ed.message.text()
    assert svc.appraisal_detail(world.context(), a).areas[0].deadline == date(2027, 3, 31)
    # removing asks first
    asked = _answer(monkeypatch, yes=False)
    qtbot.mouseClick(ed.remove_area_button, LEFT)
    assert asked and "Prosty jezyk w pismach" in asked[0]
    assert len(svc.appraisal_detail(world.context(), a).areas) == 1
    _answer(monkeypatch, yes=True)
    qtbot.mouseClick(ed.remove_area_button, LEFT)
    assert svc.appraisal_detail(world.context(), a).areas == ()
    assert ed.area_list.count() == 0 and ed.area_name.text() == ""
    assert not ed.remove_area_button.isEnabled()


def test_areas_are_closed_once_the_employee_has_read_it(qtbot: QtBot, world: Session) -> None:
    a = _rated(world)
    _area(world, a)
    svc.record_conversation(world.context(), a, world.today)
    svc.acknowledge(world.context(), a, world.today, "")
    ed = _open(qtbot, world, a)
    ed.step(2)
    ed.area_list.setCurrentRow(0)
    assert ed.area_name.text() == "Prosty jezyk"  # shown, not changeable
    assert not ed.save_area_button.isEnabled() and not ed.remove_area_button.isEnabled()
    assert not ed.area_name.isEnabled() and not ed.add_area_button.isEnabled()


def test_the_overall_result_follows_each_rating(qtbot: QtBot, world: Session) -> None:
    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, ["cele"])
    chosen = [x for x in svc.appraisal_detail(c, a).criteria if x.selected]
    assert len(chosen) >= 2
    ed = _open(qtbot, world, a)
    ed.step(1)
    assert "shown as criteria are rated" in ed.header.text()
    # the first criterion: above expectations (4) -> 4.00 so far, 1 of n rated
    ed.level.setCurrentIndex(ed.level.findData("powyzej"))
    assert "so far: 4.00 – above expectations (positive), 1 of" in ed.header.text()
    assert ed.overall_label.text() in ed.header.text()
    # the next: well below (1) -> the mean 2.50 is below expectations, negative
    ed.rating_list.setCurrentRow(1)
    ed.level.setCurrentIndex(ed.level.findData("znacznie-ponizej"))
    assert f"so far: 2.50 – below expectations (negative), 2 of {len(chosen)}" in (ed.header.text())
    view = svc.appraisal_detail(world.context(), a)
    assert view.provisional is not None and view.provisional.score == 2.5
    # changed back: the header follows at once
    ed.level.setCurrentIndex(ed.level.findData("znacznie-powyzej"))
    assert "so far: 4.50 – above expectations (positive)" in ed.header.text()


def test_a_signed_protocol_closes_notes_and_areas(qtbot: QtBot, world: Session) -> None:
    from auditdesk.store.models import Protocol

    a = _rated(world)
    _area(world, a)
    svc.add_conversation_note(world.context(), a, world.today, "Rozmowa w pokoju 12.")
    svc.record_conversation(world.context(), a, world.today)
    with world.ctx.db.session() as s:
        s.add(
            Protocol(
                record_kind="appraisal",
                record_id=a,
                record_number="OC/2026/0001",
                signed=True,
                signed_by="p.kierowniczy",
            )
        )
    ed = _open(qtbot, world, a)
    assert svc.appraisal_detail(world.context(), a).signed
    ed.step(2)
    ed.area_list.setCurrentRow(0)
    assert not ed.save_area_button.isEnabled() and not ed.remove_area_button.isEnabled()
    assert not ed.add_area_button.isEnabled()
    ed.step(3)
    assert ed.notes.count() == 1  # listed as signed
    assert not ed.add_note_button.isEnabled() and not ed.remove_note_button.isEnabled()
