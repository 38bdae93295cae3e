"""The register of improvement actions and the targets in the overview panel (issue 17), driven
like a person: HR adds an action, edits it and moves its due date, moves it to in progress and
closes it with a note and the indicator after; the filters (status, unit, method, overdue) narrow
the list; overdue actions say so in words; a supervisor reads their units' actions without the
buttons; HR sets a unit's target and the overview's light follows it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.services.overview import INDICATORS, targets
from auditdesk.services.overview.actions import actions, add_action, unit_choices
from auditdesk.settings import Settings
from auditdesk.ui.overview.actions import ActionDialog, CloseDialog, typed_number
from auditdesk.ui.overview.panel import OverviewPanel
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner
from protocol_helpers import as_user


class Window(QWidget):
    """Stands for the main window (the panel's parent), kept alive by the test."""

    def show_panel(self, key: str) -> None:
        return None


WINDOWS: list[QWidget] = []


def make(qtbot: QtBot, ctx: AppContext) -> OverviewPanel:
    window = Window()
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = OverviewPanel(deps, window)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]  # the last one made stays alive until the next test makes its own
    return panel


def test_hr_adds_edits_moves_and_closes_an_action(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    hr = as_user(demo_ctx, "kadry")
    panel = make(qtbot, hr)
    panel.tabs.setCurrentWidget(panel.actions_page)  # built when first shown
    view = panel.actions_view
    assert view is not None and view.add_button.isVisibleTo(view)
    before = view.model.rowCount()
    dialog = view.add()
    assert isinstance(dialog, ActionDialog)
    dialog.title.setText("Szkolenie z przedstawiania się")
    dialog.owner.setText("Anna Żak")
    dialog.method.setCurrentIndex(dialog.method.findData("mystery"))
    wks = next(uid for uid, code, _n in unit_choices(hr) if code == "WKS")
    dialog.unit.setCurrentIndex(dialog.unit.findData(wks))
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("mystery_passed"))
    dialog.before.setText("abc")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert "not a number" in dialog.error.text() and dialog.result() != QDialog.DialogCode.Accepted
    dialog.before.setText("60,5")
    dialog.due.setDate(QDate(today.year, today.month, today.day).addDays(30))
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.saved is not None and dialog.saved.value_before == 60.5
    assert view.model.rowCount() == before + 1
    assert view.selected_id() == dialog.saved.id  # the new action is selected
    # edit: move the due date into the past, so it is overdue today
    edit = view.edit_selected()
    assert isinstance(edit, ActionDialog) and edit.title.text() == "Szkolenie z przedstawiania się"
    yesterday = today - timedelta(days=1)
    edit.due.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    edit.save()
    row = view.selected()
    assert row is not None and row.due_on == yesterday and row.overdue
    status_text = view.model.index(view.table.currentIndex().row(), 5).data()
    assert status_text == "Open, overdue"
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    row = view.selected()
    assert row is not None and row.status == "in_progress"
    closing = view.close_selected()
    assert isinstance(closing, CloseDialog)
    closing.save()  # no note: refused in the dialog
    assert "closing note is empty" in closing.error.text()
    closing.note.setPlainText("Szkolenie odbyte")
    closing.after.setText("85")
    closing.save()
    row = view.selected()
    assert row is not None and row.status == "done" and row.closed_on == today
    assert row.closing_note == "Szkolenie odbyte" and row.effect == pytest.approx(24.5)
    effect = view.model.index(view.table.currentIndex().row(), 6).data()
    assert "→" in effect and "85" in effect
    assert not view.edit_button.isEnabled() and not view.close_button.isEnabled()


def test_the_filters_narrow_the_register(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    hr = as_user(demo_ctx, "kadry")
    units = {code: uid for uid, code, _n in unit_choices(hr)}
    late = add_action(
        hr,
        title="late",
        method="cases",
        owner="x",
        due_on=today - timedelta(days=3),
        unit_id=units["WKS"],
    )
    add_action(hr, title="later", method="surveys", owner="x", due_on=today + timedelta(days=9))
    panel = make(qtbot, hr)
    view = panel.actions_tab()
    everything = len(actions(hr))
    assert view.model.rowCount() == everything
    view.overdue.setChecked(True)
    assert all(r.overdue for r in view.model.rows) and late.id in [r.id for r in view.model.rows]
    view.overdue.setChecked(False)
    view.method.setCurrentIndex(view.method.findData("surveys"))
    assert {r.method for r in view.model.rows} == {"surveys"}
    view.method.setCurrentIndex(0)
    view.unit.setCurrentIndex(view.unit.findData(units["WKS"]))
    assert {r.unit_code for r in view.model.rows} == {"WKS"}
    view.status.setCurrentIndex(view.status.findData("done"))
    assert all(r.status == "done" for r in view.model.rows)
    assert "Actions:" in view.count.text()


def test_a_supervisor_reads_their_units_actions_only(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    hr = as_user(demo_ctx, "kadry")
    units = {code: uid for uid, code, _n in unit_choices(hr)}
    add_action(hr, title="bok", method="cases", owner="x", due_on=today, unit_id=units["BOK"])
    add_action(hr, title="wks", method="cases", owner="x", due_on=today, unit_id=units["WKS"])
    boss = as_user(demo_ctx, "kierownik.wks")
    panel = make(qtbot, boss)
    view = panel.actions_tab()
    codes = {r.unit_code for r in view.model.rows}
    assert "WKS" in codes and "BOK" not in codes
    for button in (view.add_button, view.edit_button, view.close_button, view.start_button):
        assert not button.isVisibleTo(view)
    assert view.add() is None
    assert not panel.targets_button.isVisibleTo(panel)


def test_overdue_actions_show_on_the_overview_and_drill_down_to_the_register(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    hr = as_user(demo_ctx, "kadry")
    units = {code: uid for uid, code, _n in unit_choices(hr)}
    add_action(
        hr,
        title="late",
        method="cases",
        owner="x",
        due_on=today - timedelta(days=1),
        unit_id=units["WKS"],
    )
    panel = make(qtbot, hr)
    model = panel.model
    # after the indicators and the two case counts (HR also sees the plan's column after it)
    last = len(INDICATORS) + 3
    assert model.headerData(last, Qt.Orientation.Horizontal) == "Improvement actions overdue"
    wks_row = next(r for r, row in enumerate(model.rows) if row.unit_code == "WKS")
    assert int(model.index(wks_row, last).data()) >= 1
    panel.table.setCurrentIndex(model.index(wks_row, last))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.tabs.currentWidget() is panel.actions_page
    view = panel.actions_tab()
    assert view.overdue.isChecked() and view.unit.currentData() == units["WKS"]
    assert view.model.rows and all(r.overdue and r.unit_code == "WKS" for r in view.model.rows)


def test_hr_sets_a_units_target_and_the_light_follows(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    hr = as_user(demo_ctx, "kadry")
    panel = make(qtbot, hr)
    # the twelve months to today hold WKS's settled cases on any day of the year
    panel.kind.setCurrentIndex(panel.kind.findData("dates"))
    panel.start.setDate(QDate(today - timedelta(days=364)))
    panel.end.setDate(QDate(today))
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.targets_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.targets_button, Qt.MouseButton.LeftButton)
    dialog = panel.targets_dialog
    assert dialog is not None
    units = {code: uid for uid, code, _n in unit_choices(hr)}
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("timeliness"))
    dialog.unit.setCurrentIndex(dialog.unit.findData(units["WKS"]))
    dialog.direction.setCurrentIndex(dialog.direction.findData(True))
    dialog.value.setValue(101)  # the spin box keeps it to 0–100
    assert dialog.value.value() == 100
    dialog.value.setValue(95)
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    found = [t for t in targets(hr) if t.indicator == "timeliness" and t.unit_id == units["WKS"]]
    assert len(found) == 1 and found[0].value == 95 and found[0].at_least
    shown = [
        [dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    assert ["Cases on time", "WKS", "≥ 95"] in shown
    dialog.reject()  # closing reloads the overview
    wks_row = next(r for r, row in enumerate(panel.model.rows) if row.unit_code == "WKS")
    cell = panel.model.rows[wks_row].cells["timeliness"]
    col = 1 + list(INDICATORS).index("timeliness")
    text = panel.model.index(wks_row, col).data()
    assert cell.value is not None and cell.target_met is (cell.value >= 95)
    assert "target ≥ 95" in text and ("met" if cell.target_met else "missed") in text, text
    # remove it again
    dialog = panel.edit_targets()
    row = next(
        r for r in range(dialog.model.rowCount()) if dialog.model.index(r, 1).data() == "WKS"
    )
    dialog.table.setCurrentIndex(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert not [t for t in targets(hr) if t.unit_id == units["WKS"]]
    dialog.reject()


def test_numbers_are_typed_with_either_decimal_sign() -> None:
    assert typed_number("85,5", "x") == 85.5
    assert typed_number(" 85.5 % ", "x") == 85.5
    assert typed_number("", "x") is None
    with pytest.raises(ValueError, match="x: '8,5,5' is not a number"):
        typed_number("8,5,5", "x")
