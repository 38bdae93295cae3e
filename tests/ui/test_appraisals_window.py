"""A whole appraisal through the window with the keyboard: criteria, ratings, IPRZ, the
conversation, reading, an objection upheld (the original kept, the changed one finished), the
follow-up after the negative result, and what the team view then shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import Appraisal, DevelopmentAction, Employee, Office, OrgUnit, Role
from auditdesk.ui.appraisals.dialogs import NewAppraisalDialog
from auditdesk.ui.appraisals.editor import AppraisalEditor
from auditdesk.ui.appraisals.panel import AppraisalsPanel
from auditdesk.ui.tasks import SyncTaskRunner

CTRL = Qt.KeyboardModifier.ControlModifier


@dataclass
class Session:
    ctx: AppContext
    actor: Actor
    today: date
    ids: dict[str, int] = field(default_factory=dict)

    def context(self) -> AppContext:
        return AppContext(self.ctx.db, self.actor)


@pytest.fixture
def world(ctx: AppContext) -> Session:
    with ctx.db.session() as s:
        office = Office(name="Urząd Wojewódzki w Testowie", short_name="UW", sector="civil_service")
        unit = OrgUnit(
            office=office, code="WSO", name="Wydział Spraw Obywatelskich", customer_facing=True
        )
        s.add_all([office, unit])
        s.flush()
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
            last_name="Urzędnicza",
            position="inspektor",
            customer_facing=True,
            employed_since=date(2024, 3, 1),
        )
        s.add_all([head, boss, clerk])
        s.flush()
        ids = {"boss": boss.id, "clerk": clerk.id}
    actor = Actor(10, "p.kierowniczy", Role.SUPERVISOR, ids["boss"], "Piotr Kierowniczy")
    return Session(ctx, actor, date(2026, 3, 2), ids)


def type_text(qtbot: QtBot, w: QWidget | None, text: str) -> None:
    """Types like a keyboard, Polish letters included (QTest.keyClicks takes ASCII only)."""
    assert w is not None
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(w, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )


def activate(qtbot: QtBot, w: QWidget) -> None:
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def type_date(qtbot: QtBot, field: QWidget, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def rate_all(qtbot: QtBot, ed: AppraisalEditor, downs: int, why: str) -> None:
    """On step 2: for each criterion pick the level with Down presses, Tab, type, Ctrl+S."""
    assert ed.pages.currentIndex() == 1
    for _ in range(ed.rating_list.count()):
        qtbot.keyClick(ed.level, Qt.Key.Key_Home)
        for _ in range(downs):
            qtbot.keyClick(ed.level, Qt.Key.Key_Down)
        qtbot.keyClick(ed.level, Qt.Key.Key_Tab)
        assert ed.focusWidget() is ed.justification
        qtbot.keyClick(ed.justification, Qt.Key.Key_A, CTRL)
        type_text(qtbot, ed.justification, why)
        qtbot.keyClick(ed.justification, Qt.Key.Key_S, CTRL)
    assert ed.pages.currentIndex() == 2, ed.message.text()


def test_whole_appraisal_with_upheld_objection_and_follow_up(qtbot: QtBot, world: Session) -> None:
    panel = AppraisalsPanel(world.context, SyncTaskRunner(), "en", lambda: world.today)
    qtbot.addWidget(panel)
    activate(qtbot, panel)
    # never appraised, employed 01.03.2024: due 24 months later, moved off Sunday 01.03.2026
    assert "due within 30 days: 1 (Ewa Urzędnicza)" in panel.banner.text()

    # find the employee and start an appraisal (Ctrl+N, Return accepts the defaults)
    qtbot.keyClick(panel, Qt.Key.Key_F, CTRL)
    type_text(qtbot, panel.search, "Urzędn")
    assert panel.proxy.rowCount() == 1
    rect = panel.table.visualRect(panel.proxy.index(0, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL)
    dialog = panel.dialog
    assert isinstance(dialog, QDialog)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    ed = panel.editor
    assert ed is not None
    qtbot.addWidget(ed)
    activate(qtbot, ed)
    assert ed.pages.currentIndex() == 0

    # step 1: tick one additional criterion ("Goal orientation") with Space, type expectations
    table = ed.criteria_table
    row = next(
        i
        for i in range(table.rowCount())
        if table.item(i, 0).data(Qt.ItemDataRole.UserRole) == "cele"
    )
    table.setFocus()
    table.setCurrentCell(row, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert table.item(row, 0).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(table, Qt.Key.Key_Right)
    type_text(qtbot, table, "S")  # the first key opens the cell editor, which takes the rest
    type_text(qtbot, QApplication.focusWidget(), "krócić czas obsługi")
    # Ctrl+S while the cell is still being typed in: the text is kept
    qtbot.keyClick(table.focusWidget() or table, Qt.Key.Key_S, CTRL)
    assert ed.pages.currentIndex() == 1, ed.message.text()
    assert ed.rating_list.count() == 6  # five mandatory (client orientation included) + one

    # step 2: every criterion "below expectations" (4 × Down: not rated, 5, 4, 3, 2)
    rate_all(qtbot, ed, 4, "Powtarzające się błędy w pismach")

    # step 3: a development area with one action, Ctrl+S adds it
    type_text(qtbot, ed.area_name, "Prosty język")
    qtbot.keyClick(ed.area_name, Qt.Key.Key_Tab)
    type_text(qtbot, ed.focusWidget(), "Pisma zrozumiałe bez dopytywania")
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, ed.focusWidget(), "Szkolenie wewnętrzne")
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(ed.focusWidget(), "30.09.2026")
    qtbot.keyClick(ed.focusWidget(), Qt.Key.Key_Tab)
    assert ed.focusWidget() is ed.area_actions
    type_text(qtbot, ed.area_actions, "szkolenie: Prosty język w urzędzie")
    qtbot.keyClick(ed.area_actions, Qt.Key.Key_S, CTRL)
    assert ed.area_list.count() == 1, ed.message.text()

    # step 4: the conversation; the overall result is computed
    qtbot.keyClick(ed, Qt.Key.Key_PageDown, CTRL)
    assert ed.pages.currentIndex() == 3
    type_date(qtbot, ed.conversation_on, "02.03.2026")
    qtbot.keyClick(ed.conversation_on, Qt.Key.Key_S, CTRL)
    assert ed.pages.currentIndex() == 4, ed.message.text()
    assert "negative" in ed.result_label.text() and "2.00" in ed.result_label.text()

    # step 5: read on 3 March; an objection on 11 March is too late (7 days end on 10 March)
    type_date(qtbot, ed.read_on, "03.03.2026")
    qtbot.keyClick(ed.read_on, Qt.Key.Key_R, CTRL)
    assert "Objection until 10.03.2026" in ed.deadlines.text()
    type_date(qtbot, ed.objection_on, "11.03.2026")
    qtbot.mouseClick(ed.objection_reason, Qt.MouseButton.LeftButton)
    type_text(qtbot, ed.objection_reason, "Nie uwzględniono zastępstw")
    qtbot.keyClick(ed.objection_reason, Qt.Key.Key_J, CTRL)
    assert "too late" in ed.message.text()
    type_date(qtbot, ed.objection_on, "10.03.2026")
    qtbot.keyClick(ed.objection_on, Qt.Key.Key_J, CTRL)
    assert "Decision until 24.03.2026" in ed.deadlines.text(), ed.message.text()

    # the appraiser may not decide; HR records the decision: upheld, the appraisal changed
    ed.decision.setFocus()
    qtbot.keyClick(ed.decision, Qt.Key.Key_Down)
    assert ed.decision.currentData() == "upheld"
    type_date(qtbot, ed.decided_on, "16.03.2026")
    qtbot.keyClick(ed.decided_on, Qt.Key.Key_D, CTRL)
    assert "superior of the appraiser or HR" in ed.message.text()
    world.actor = Actor(11, "kadry", Role.HR, None, "Kadry")
    qtbot.keyClick(ed.decided_on, Qt.Key.Key_D, CTRL)
    assert "kept unchanged" in ed.message.text(), ed.message.text()
    original_id = world.ids["original"] = next(
        a.id for a in _appraisals(world) if a.status == "superseded"
    )
    assert ed.appraisal_id != original_id and ed.pages.currentIndex() == 1

    # the changed appraisal: the appraiser lifts one rating, records the conversation; reading
    world.actor = Actor(10, "p.kierowniczy", Role.SUPERVISOR, world.ids["boss"], "P")
    ed.rating_list.setCurrentRow(0)
    ed.level.setFocus()
    qtbot.keyClick(ed.level, Qt.Key.Key_Up)  # "below" -> "meets expectations"
    qtbot.keyClick(ed.level, Qt.Key.Key_Tab)
    qtbot.keyClick(ed.justification, Qt.Key.Key_End, CTRL)
    type_text(qtbot, ed.justification, " – poprawione po odwołaniu")
    qtbot.keyClick(ed.justification, Qt.Key.Key_S, CTRL)
    qtbot.keyClick(ed, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    type_date(qtbot, ed.conversation_on, "17.03.2026")
    qtbot.keyClick(ed.conversation_on, Qt.Key.Key_S, CTRL)
    assert "negative" in ed.result_label.text(), ed.message.text()
    type_date(qtbot, ed.read_on, "18.03.2026")
    qtbot.keyClick(ed.read_on, Qt.Key.Key_R, CTRL)
    assert "Follow-up appraisal due 18.09.2026" in ed.deadlines.text(), ed.message.text()

    rows = {r.record_number: r for r in _appraisals(world)}
    original, changed = rows["OC/2026/0001"], rows["OC/2026/0002"]
    assert original.status == "superseded" and original.overall_score == 2.0
    assert original.objection is not None and original.objection.decision == "upheld"
    assert original.objection.replacement_id == changed.id
    assert changed.supersedes_id == original.id and changed.status == "final"
    assert changed.overall_score == round((3 + 5 * 2) / 6, 2) and changed.positive is False
    assert changed.ratings[0].justification.endswith("poprawione po odwołaniu")
    assert "Skrócić czas obsługi" in [r.expectations for r in changed.ratings]
    ed.close()

    # the team view: the follow-up is due 6 months after the negative one was read
    world.today = date(2026, 9, 1)
    panel.refresh()
    team = panel.model.rows[0]
    assert (team.due, team.due_reason, team.status) == (date(2026, 9, 18), "follow_up", "due_30")

    # the follow-up through the window: Ctrl+N offers the follow-up kind; all "above"
    activate(qtbot, panel)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CTRL)
    assert panel.dialog is not dialog
    dialog = panel.dialog
    assert isinstance(dialog, NewAppraisalDialog) and dialog.kind.currentData() == "follow_up"
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    ed2 = panel.editor
    assert ed2 is not None and ed2 is not ed
    qtbot.addWidget(ed2)
    activate(qtbot, ed2)
    ed2.criteria_table.setFocus()
    qtbot.keyClick(ed2.criteria_table, Qt.Key.Key_S, CTRL)
    assert "choose 1–" in ed2.message.text()  # one additional criterion is required
    row = next(
        i
        for i in range(ed2.criteria_table.rowCount())
        if ed2.criteria_table.item(i, 0).data(Qt.ItemDataRole.UserRole) == "rozwoj"
    )
    ed2.criteria_table.setCurrentCell(row, 0)
    qtbot.keyClick(ed2.criteria_table, Qt.Key.Key_Space)
    qtbot.keyClick(ed2.criteria_table, Qt.Key.Key_S, CTRL)
    rate_all(qtbot, ed2, 2, "Wyraźna poprawa, potwierdzona audytami")
    assert ed2.open_actions.count() == 1  # the IPRZ action still open from the earlier one
    ed2.open_actions.setCurrentRow(0)
    qtbot.mouseClick(ed2.done_button, Qt.MouseButton.LeftButton)
    assert ed2.open_actions.count() == 0
    qtbot.keyClick(ed2, Qt.Key.Key_PageDown, CTRL)
    type_date(qtbot, ed2.conversation_on, "18.09.2026")
    qtbot.keyClick(ed2.conversation_on, Qt.Key.Key_S, CTRL)
    assert "positive" in ed2.result_label.text(), ed2.message.text()
    type_date(qtbot, ed2.read_on, "21.09.2026")
    qtbot.keyClick(ed2.read_on, Qt.Key.Key_R, CTRL)

    follow = next(a for a in _appraisals(world) if a.kind == "follow_up")
    assert follow.positive and follow.overall_score == 4.0 and follow.status == "acknowledged"
    with world.ctx.db.session() as s:
        assert s.scalars(select(DevelopmentAction.done_on)).all() == [
            None,
            date(2026, 9, 1),
        ]  # the original's copy stays as it was
    world.today = date(2026, 9, 22)
    panel.refresh()
    team = panel.model.rows[0]
    assert (team.due, team.due_reason) == (date(2028, 9, 18), "periodic")


def _appraisals(world: Session) -> list[Appraisal]:
    with world.ctx.db.session() as s:
        rows = list(s.scalars(select(Appraisal).order_by(Appraisal.id)))
        for a in rows:
            _ = a.objection, a.ratings
        return rows


def test_feedback_note_and_absence_from_the_keyboard(
    qtbot: QtBot, world: Session, qtmodeltester: object
) -> None:
    panel = AppraisalsPanel(world.context, SyncTaskRunner(), "en", lambda: world.today)
    qtbot.addWidget(panel)
    activate(qtbot, panel)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    assert panel.selected_row() is not None  # the most urgent row is selected on load
    assert panel.model.rows[0].due == date(2026, 3, 2)

    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = panel.dialog
    assert dialog is not None
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # date (today) -> topic
    type_text(qtbot, dialog.focusWidget(), "Uprzejme powitanie klienta")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.message.text()
    assert panel.message.text() == "Feedback note saved.", panel.message.text()
    assert panel.notes.count() == 1 and "Uprzejme powitanie" in panel.notes.item(0).text()

    activate(qtbot, panel)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_B, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = panel.dialog
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.focusWidget(), "01.06.2024")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "31.07.2024")  # 61 days: moves the due date
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    row = panel.model.rows[0]
    # 01.03.2026 + 61 days = 01.05.2026, a holiday; 2 May is a Saturday, 3 May a holiday
    assert row.due == date(2026, 5, 4)
    assert "61 days" in row.due_rule_en and "01.05.2026 is a public holiday" in row.due_rule_en
    assert row.status == "not_due"  # 63 days ahead


def test_ratings_autosave_while_typing(qtbot: QtBot, world: Session) -> None:
    from auditdesk.services import appraisals as svc

    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, ["cele"])
    ed = AppraisalEditor(world.context, a, "en", lambda: world.today)
    qtbot.addWidget(ed)
    activate(qtbot, ed)
    assert ed.pages.currentIndex() == 0
    qtbot.keyClick(ed, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(ed.level, Qt.Key.Key_Down)
    qtbot.keyClick(ed.level, Qt.Key.Key_Tab)
    qtbot.keyClicks(ed.justification, "Zawsze przed terminem")
    qtbot.waitUntil(
        lambda: svc.appraisal_detail(c, a).criteria[0].justification == "Zawsze przed terminem",
        timeout=5000,
    )
    assert svc.appraisal_detail(c, a).criteria[0].level_code == "znacznie-powyzej"


def test_auditor_sees_no_appraisals(qtbot: QtBot, world: Session) -> None:
    world.actor = Actor(12, "audytor", Role.AUDITOR, None, "Audytor")
    panel = AppraisalsPanel(world.context, SyncTaskRunner(), "en", lambda: world.today)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and not panel.new_button.isEnabled()
    assert "personal data" in panel.banner.text()


def _sheet(c: AppContext) -> int:
    from auditdesk.services import appraisals as svc

    return next(x.version_id for x in svc.sheet_choices(c) if x.form_id == "sc-pozostali")
