# ruff: noqa: F811  (the `world` fixture is imported from the appraisal window tests)
"""The appraisal window as a new user met it (issue 15): the proposed period of an overdue,
never-appraised employee, an error left under the list, a criterion left with text but no
rating, the overall result inside the appraisal, development areas changed before signing,
the conversation's notes and a Close button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_appraisals_window import Session, _sheet, activate, world  # noqa: F401

from auditdesk.services import appraisals as svc
from auditdesk.services.appraisals import proposed_period
from auditdesk.services.appraisals.overview import team_view
from auditdesk.store.models import Employee
from auditdesk.ui.appraisals.dialogs import NewAppraisalDialog
from auditdesk.ui.appraisals.editor import AppraisalEditor


def test_proposed_period_never_ends_before_it_starts() -> None:
    today = date(2026, 12, 1)
    # never appraised, overdue since 02.04.2024: from the start of duty to the due date
    assert proposed_period(None, date(2022, 4, 2), date(2024, 4, 2), today) == (
        date(2022, 4, 2),
        date(2024, 4, 2),
    )
    assert proposed_period(None, None, date(2024, 4, 2), today) == (
        date(2022, 4, 2),
        date(2024, 4, 2),
    )
    assert proposed_period(date(2025, 1, 10), None, date(2027, 1, 10), today) == (
        date(2025, 1, 10),
        today,
    )
    start, end = proposed_period(date(2026, 12, 5), None, None, today)
    assert start <= end


def test_new_appraisal_of_an_overdue_never_appraised_employee(qtbot: QtBot, world: Session) -> None:
    with world.ctx.db.session() as s:
        clerk = s.get(Employee, world.ids["clerk"])
        assert clerk is not None
        clerk.employed_since = date(2022, 4, 2)
    today = date(2026, 12, 1)
    row = next(r for r in team_view(world.context(), today) if r.employee_id == world.ids["clerk"])
    assert row.last_made_on is None and row.due is not None and row.due < today
    dialog = NewAppraisalDialog(row, svc.sheet_choices(world.context()), today)
    qtbot.addWidget(dialog)
    start, end = dialog.start.date(), dialog.end.date()
    assert start is not None and end is not None and start <= end
    assert start == date(2022, 4, 2)
    # the service proposes the same when no period is given
    a = svc.start_appraisal(
        world.context(), world.ids["clerk"], _sheet(world.context()), today=today
    )
    view = svc.appraisal_detail(world.context(), a)
    assert (view.period_start, view.period_end) == (start, end)


def _editor(qtbot: QtBot, world: Session, criteria: list[str]) -> AppraisalEditor:
    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, criteria)
    ed = AppraisalEditor(world.context, a, "en", lambda: world.today)
    qtbot.addWidget(ed)
    activate(qtbot, ed)
    return ed


def test_another_criterion_while_one_has_text_but_no_rating(qtbot: QtBot, world: Session) -> None:
    ed = _editor(qtbot, world, ["cele", "rozwoj"])
    ed.step(1)
    qtbot.keyClicks(ed.justification, "Zawsze przed terminem")
    ed.rating_list.setCurrentRow(1)
    assert "choose a rating" in ed.message.text().lower(), ed.message.text()
    assert ed.rating_list.currentRow() == 0  # stays on the criterion that needs its rating
    assert ed.justification.toPlainText() == "Zawsze przed terminem"


def test_close_button(qtbot: QtBot, world: Session) -> None:
    ed = _editor(qtbot, world, ["cele"])
    assert ed.close_button.isVisible()
    qtbot.mouseClick(ed.close_button, Qt.MouseButton.LeftButton)
    assert not ed.isVisible()


def test_an_error_under_the_list_goes_once_the_list_is_fresh(qtbot: QtBot, world: Session) -> None:
    from auditdesk.ui.appraisals.panel import AppraisalsPanel
    from auditdesk.ui.tasks import SyncTaskRunner

    panel = AppraisalsPanel(world.context, SyncTaskRunner(), "en", lambda: world.today)
    qtbot.addWidget(panel)
    panel.message.error("the period ends (02.04.2024) before it starts (01.12.2024)")
    ed = _editor(qtbot, world, ["cele"])
    ed.changed.connect(panel.refresh)
    ed.changed.emit()  # an appraisal step done (finished): the list reloads
    assert panel.message.text() == ""
    panel.message.info("Feedback note saved.")
    panel.refresh()
    assert panel.message.text() == "Feedback note saved."  # a confirmation stays


def test_the_overall_result_is_shown_in_the_appraisal_header(qtbot: QtBot, world: Session) -> None:
    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, ["cele"])
    for criterion in svc.appraisal_detail(c, a).criteria:
        if criterion.selected:
            svc.rate(c, a, criterion.code, "powyzej", "Terminowo i rzetelnie")
    svc.record_conversation(c, a, world.today)
    ed = AppraisalEditor(world.context, a, "en", lambda: world.today)
    qtbot.addWidget(ed)
    assert "Overall result" in ed.header.text()
