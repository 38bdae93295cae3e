"""The visit plan panel driven like a person (issue 18): HR creates a programme from the form,
plans it (each unit's visits and precision, the schedule with its reasons, the auditors),
exports the sheet and an auditor's schedule, marks a visit missed and sees the replacement;
the auditor sees only their visits, reads the scenario and the answer key and starts the audit;
a supervisor is told the plan is not theirs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import AppContext
from auditdesk.services.plan import PlanChoices, ProgrammeSpec, visits
from auditdesk.settings import Settings
from auditdesk.store.models import Audit
from auditdesk.ui.i18n import install_language
from auditdesk.ui.panels import PanelDeps, collect_panels
from auditdesk.ui.plan.dialogs import ProgrammeDialog, next_quarter
from auditdesk.ui.plan.panel import MyVisitsTab, PlanPanel, ProgrammesTab
from auditdesk.ui.tasks import SyncTaskRunner
from plan_helpers import DAY, as_, make_office, spec


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


@pytest.fixture
def office(ctx: AppContext) -> dict[str, int]:
    return make_office(ctx)


def _deps(ctx: AppContext) -> PanelDeps:
    return PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())


def _show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()


def test_the_panel_is_listed_and_tabs_follow_the_role(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int]
) -> None:
    assert "plan" in [s.key for s in collect_panels()]
    hr = PlanPanel(_deps(as_(ctx, office, "hr")))
    _show(qtbot, hr)
    assert hr.programmes_tab is not None and hr.my_tab is None
    auditor = PlanPanel(_deps(as_(ctx, office, "a1")))
    _show(qtbot, auditor)
    assert auditor.my_tab is not None and auditor.programmes_tab is None
    boss = PlanPanel(_deps(as_(ctx, office, "sup")))
    _show(qtbot, boss)
    assert boss.programmes_tab is None and boss.my_tab is None
    note = boss.findChild(QLabel, "noAccess")
    assert note is not None and "confidential" in note.text()


def test_the_programme_form_says_what_it_holds(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int]
) -> None:
    from auditdesk.services.plan import plan_choices

    choices = plan_choices(as_(ctx, office, "hr"))
    dialog = ProgrammeDialog(choices, DAY)
    qtbot.addWidget(dialog)
    dialog.add_scenario("DO", "visit", "Wymiana dowodu", "Po ślubie", 2)
    dialog.mode.setCurrentIndex(1)  # a budget
    dialog.budget.setValue(30)
    dialog.allocation.setCurrentIndex(1)
    dialog.channel_boxes["phone"].setChecked(False)
    got = dialog.spec()
    assert (
        (got.period_from, got.period_to)
        == next_quarter(DAY)
        == (
            date(2026, 10, 1),
            date(2026, 12, 31),
        )
    )
    assert got.budget == 30 and got.margin is None and got.allocation == "neyman"
    assert got.channels == {"visit": 2.0}
    assert {u.unit_id for u in got.units} == {office["BOK"], office["WKS"], office["USC"]}
    assert [a.user_id for a in got.auditors] == sorted([office["a1"], office["a2"], office["a3"]])
    assert got.scenarios[0].code == "DO" and got.scenarios[0].weight == 2


def test_each_unit_keeps_its_own_opening_hours(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int]
) -> None:
    """The hours typed apply to the units selected (all at first); one unit selected gets its
    own, the field shows the selected units' hours, and blank when they differ."""
    from auditdesk.services.plan import plan_choices

    dialog = ProgrammeDialog(plan_choices(as_(ctx, office, "hr")), DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours.setFocus()
    qtbot.keyClick(dialog.hours, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.hours, "mon-fri 08:00-16:00")  # every unit: all are selected
    bok = next(
        i
        for i in range(dialog.units.count())
        if dialog.units.item(i).data(Qt.ItemDataRole.UserRole) == office["BOK"]
    )
    dialog.units.setCurrentRow(bok)  # BOK alone selected
    assert dialog.hours.text() == "mon-fri 08:00-16:00"
    qtbot.keyClick(dialog.hours, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.hours, "mon 08:00-18:00; tue-fri 08:00-16:00")
    hours = {u.unit_id: u.hours for u in dialog.spec().units}
    assert hours[office["BOK"]] == "mon 08:00-18:00; tue-fri 08:00-16:00"
    assert hours[office["WKS"]] == hours[office["USC"]] == "mon-fri 08:00-16:00"
    assert "mon 08:00-18:00" in dialog.units.item(bok).toolTip()
    dialog.units.selectAll()
    assert dialog.hours.text() == ""  # they differ: typing now would set them all


def test_hr_plans_exports_and_replaces_a_missed_visit(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int], tmp_path: Path
) -> None:
    hr = as_(ctx, office, "hr")
    asked: list[PlanChoices] = []

    def new_programme(_parent: QWidget, choices: PlanChoices, today: date) -> ProgrammeSpec:
        asked.append(choices)
        assert today == DAY
        return spec(office)

    saved = iter([tmp_path / "plan.xlsx", tmp_path / "harmonogram"])
    tab = ProgrammesTab(
        _deps(hr),
        new_programme=new_programme,
        save_path=lambda *_a: next(saved),
        open_path=lambda *_a: tmp_path / "plan.xlsx",
        missed=lambda _p: ("missed", "urząd zamknięty", True),
    )
    _show(qtbot, tab)
    assert not tab.plan_button.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert asked and tab.programme.count() == 1
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    assert "Planned:" in tab.message.text()
    assert tab.units.rowCount() == 3
    precision = tab.units.index(0, 4).data()
    assert precision.startswith("± ") and "points" in precision
    pid = tab.programme_id()
    assert pid is not None
    planned = visits(hr, pid)
    assert tab.visits.rowCount() == len(planned) > 0
    assert "least-visited" in tab.visits.index(0, 7).data()
    assert "each unit's result within ± 25" in tab.summary.text()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "plan.xlsx").exists() and "planned visits written" in tab.message.text()
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert "0 visits added" in tab.message.text()
    qtbot.mouseClick(tab.schedule_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "harmonogram.pdf").exists()
    tab.visits_view.selectRow(0)
    first = tab.selected_visit()
    assert first is not None
    qtbot.mouseClick(tab.missed_button, Qt.MouseButton.LeftButton)
    assert "Replaced by a visit on" in tab.message.text()
    after = {v.id: v for v in visits(hr, pid)}
    assert after[first.id].status == "missed"
    assert any(v.replaces_id == first.id for v in after.values())
    missed_column = tab.units.index(
        next(r for r in range(3) if tab.units.rows[r].plan.unit_id == first.unit_id), 7
    )
    assert missed_column.data() == "1"


def test_the_auditor_reads_the_brief_and_starts_the_audit(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int]
) -> None:
    from auditdesk.services.plan import create_programme, plan_programme

    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    a1 = as_(ctx, office, "a1")
    tab = MyVisitsTab(_deps(a1))
    _show(qtbot, tab)
    mine = visits(a1, pid)
    assert tab.model.rowCount() == len(mine) and all(v.auditor_id == office["a1"] for v in mine)
    row = next(i for i, v in enumerate(tab.model.rows) if v.channel == "visit")
    tab.view.selectRow(row)
    visit = tab.selected()
    assert visit is not None
    text = tab.briefing.toPlainText()
    assert visit.scenario_title in text
    assert "Answer key" in text and "Required documents" in text
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert tab.started is not None
    with ctx.db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.id == tab.started))
        assert audit is not None and audit.unit_id == visit.unit_id
    assert visit.id not in [v.id for v in tab.model.rows]
    assert "started" in tab.message.text()


def test_hr_records_the_units_an_auditor_worked_in(
    qtbot: QtBot, ctx: AppContext, office: dict[str, int]
) -> None:
    from auditdesk.services.plan import exclusions, plan_choices
    from auditdesk.ui.plan.dialogs import ExclusionsDialog

    hr = as_(ctx, office, "hr")
    dialog = ExclusionsDialog(plan_choices(hr), lambda user: exclusions(hr, user))
    qtbot.addWidget(dialog)
    dialog.auditor.setCurrentIndex(dialog.auditor.findData(office["a3"]))
    for i in range(dialog.units.count()):
        item = dialog.units.item(i)
        if item.text().startswith("USC"):
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.unit_ids() == [office["USC"]]
    tab = ProgrammesTab(
        _deps(hr),
        exclusions=lambda _p, _c, _ch: (office["a3"], dialog.unit_ids(), "USC do 2024"),
    )
    _show(qtbot, tab)
    qtbot.mouseClick(tab.exclusions_button, Qt.MouseButton.LeftButton)
    assert "1 unit(s) barred" in tab.message.text()
    assert exclusions(hr, office["a3"]) == [office["USC"]]
    again = ExclusionsDialog(plan_choices(hr), lambda user: exclusions(hr, user))
    qtbot.addWidget(again)
    again.auditor.setCurrentIndex(again.auditor.findData(office["a3"]))
    assert again.unit_ids() == [office["USC"]]  # the saved list is shown
