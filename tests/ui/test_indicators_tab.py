"""The Indicators tab driven like a person: adding an entry from the keyboard with the
defaults, settling it and correcting it, filters and the overdue list, importing a register
(mapping, progress, the report of broken rows), research notes with actions, and what a supervisor
sees. (QTest types ASCII only, so the typed texts have no diacritics.)"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators as svc
from auditdesk.services.monitoring.indicators import EntryInput
from auditdesk.settings import Settings
from auditdesk.store.models import (
    Employee,
    IndicatorCorrection,
    IndicatorEntry,
    Office,
    OrgUnit,
    ResearchAction,
    ResearchNote,
    Role,
)
from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.indicators import IndicatorsTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner

TODAY = date(2025, 12, 1)


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


@pytest.fixture
def org(ctx: AppContext) -> dict[str, int]:
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        bok = OrgUnit(office=office, code="BOK", name="Biuro Obsługi Klienta")
        s.add_all([office, wks, bok])
        s.flush()
        hr = Employee(unit=bok, first_name="Ewa", last_name="Kadrowa", position="specjalista")
        boss = Employee(unit=wks, first_name="Anna", last_name="Żak", position="naczelnik")
        clerk = Employee(unit=wks, first_name="Jan", last_name="Łęcki", position="referent")
        s.add_all([hr, boss, clerk])
        s.flush()
        return {"wks": wks.id, "bok": bok.id, "hr": hr.id, "boss": boss.id, "clerk": clerk.id}


def make_tab(qtbot: QtBot, ctx: AppContext, role: Role, employee: int | None) -> IndicatorsTab:
    acting = AppContext(ctx.db, Actor(1, role.value, role, employee))
    deps = PanelDeps(
        context=lambda: acting, runner=SyncTaskRunner(), settings=Settings(language="en")
    )
    tab = IndicatorsTab(deps, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def entries(ctx: AppContext) -> list[IndicatorEntry]:
    with ctx.db.session() as s:
        rows = list(s.scalars(select(IndicatorEntry).order_by(IndicatorEntry.id)))
        s.expunge_all()
        return rows


def click_save(qtbot: QtBot, buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_an_entry_from_the_keyboard(qtbot: QtBot, ctx: AppContext, org: dict[str, int]) -> None:
    tab = make_tab(qtbot, ctx, Role.HR, org["hr"])
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    # defaults: today, the user's unit, a suggested reference number, a complaint's deadline
    assert dialog.unit.currentData() == org["bok"]
    assert dialog.received.date().toPython() == TODAY
    assert dialog.reference.text() == "SKG.1510.1.2025"
    assert dialog.due.text() == "02.01.2026"  # 1 January is a holiday
    # a councillor's complaint about a WKS clerk, received on 10 November
    dialog.received.setDate(QDate(2025, 11, 10))  # (typing into a QDateEdit is section-wise)
    assert dialog.received.date().toPython() == date(2025, 11, 10)
    dialog.unit.setFocus()
    qtbot.keyClicks(dialog.unit, "WKS")
    assert dialog.unit.currentData() == org["wks"]
    dialog.employee.setFocus()
    qtbot.keyClicks(dialog.employee, "Jan")
    assert dialog.employee.currentData() == org["clerk"]
    qtbot.mouseClick(dialog.representative, Qt.MouseButton.LeftButton)
    assert dialog.due.text() == "24.11.2025" and "237 §2" in dialog.due.toolTip()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.summary, "Radny skarzy sie na kolejki")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), (dialog.error.text(), QApplication.activeWindow())
    [stored] = entries(ctx)
    assert (stored.reference, stored.unit_id, stored.employee_id) == (
        "SKG.1510.1.2025",
        org["wks"],
        org["clerk"],
    )
    assert stored.from_representative and stored.due_on == date(2025, 11, 24)
    assert stored.summary == "Radny skarzy sie na kolejki"
    assert tab.model.rowCount() == 1
    assert "overdue by 7 day(s)" in tab.model.index(0, 9).data()
    assert tab.model.index(0, 9).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_settle_then_correct_with_a_reason(
    qtbot: QtBot, ctx: AppContext, org: dict[str, int]
) -> None:
    svc.register_entry(
        ctx,
        EntryInput("SKG/1", "complaint", date(2025, 11, 3), "email", org["wks"]),
        TODAY,
    )
    tab = make_tab(qtbot, ctx, Role.HR, org["hr"])
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the entry
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.reason.isVisible()
    qtbot.mouseClick(dialog.settled, Qt.MouseButton.LeftButton)
    dialog.settled_on.setDate(QDate(2025, 11, 28))
    dialog.outcome.setFocus()
    qtbot.keyClicks(dialog.outcome, "Unj")
    click_save(qtbot, dialog.buttons)
    [stored] = entries(ctx)
    assert stored.settled_on == date(2025, 11, 28) and stored.outcome == "unjustified"
    assert tab.model.index(0, 9).data() == "On time"

    # a settled entry changes only with a reason
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.reason.isVisible()
    dialog.outcome.setFocus()
    qtbot.keyClicks(dialog.outcome, "Partly")
    click_save(qtbot, dialog.buttons)
    assert dialog.isVisible() and "give its reason" in dialog.error.text()
    assert entries(ctx)[0].outcome == "unjustified"
    qtbot.keyClicks(dialog.reason, "Pomylka przy wpisie")
    click_save(qtbot, dialog.buttons)
    assert not dialog.isVisible()
    assert entries(ctx)[0].outcome == "partly"
    with ctx.db.session() as s:
        assert s.scalar(select(IndicatorCorrection.reason)) == "Pomylka przy wpisie"
    # the correction is shown the next time the entry is opened
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is not None and "Pomylka przy wpisie" in tab.dialog.history.text()


def test_filters_summary_and_overdue_list(
    qtbot: QtBot, ctx: AppContext, org: dict[str, int], qtmodeltester: object
) -> None:
    for ref, kind, received, unit in (
        ("A", "complaint", date(2025, 10, 6), "wks"),  # open, overdue
        ("B", "complaint", date(2025, 11, 3), "bok"),  # due 3.12: nearing
        ("C", "praise", date(2025, 11, 5), "bok"),
        ("D", "grievance", date(2025, 11, 20), "wks"),
    ):
        svc.register_entry(ctx, EntryInput(ref, kind, received, "letter", org[unit]), TODAY)
    tab = make_tab(qtbot, ctx, Role.HR, org["hr"])
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    qtmodeltester.check(tab.summary_model)  # type: ignore[attr-defined]
    assert tab.model.rowCount() == 4 and tab.count_label.text() == "4 of 4"
    tab.state.setFocus()
    qtbot.keyClicks(tab.state, "Overdue")
    assert [r.reference for r in tab.model.rows] == ["A"]
    qtbot.keyClick(tab.state, Qt.Key.Key_Home)  # back to "All"
    tab.kind.setFocus()
    qtbot.keyClicks(tab.kind, "Praise")
    assert [r.reference for r in tab.model.rows] == ["C"]
    qtbot.keyClick(tab.kind, Qt.Key.Key_Home)  # back to "All"
    tab.unit.setFocus()
    qtbot.keyClicks(tab.unit, "WKS")
    assert {r.reference for r in tab.model.rows} == {"A", "D"}
    qtbot.keyClick(tab.unit, Qt.Key.Key_Home)  # back to "All"
    tab.date_from.setDate(QDate(2025, 11, 1))
    assert tab.use_period.isChecked()
    assert {r.reference for r in tab.model.rows} == {"B", "C", "D"}

    watch = tab.watch_model
    assert [r.reference for r in watch.rows] == ["A", "B"]
    assert "(1)" in tab.pages.tabText(2)
    red = watch.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()
    amber = watch.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert red == "#b00020" and amber == "#8a5a00"

    assert tab.summary_model.rowCount() == 4
    assert "Received: 4" in tab.shares.text()
    tab.sum_unit.setFocus()
    qtbot.keyClicks(tab.sum_unit, "BOK")
    assert {r.unit_code for r in tab.summary_model.rows} == {"BOK"}


def test_import_with_mapping_progress_and_report(
    qtbot: QtBot, ctx: AppContext, org: dict[str, int], tmp_path: Path
) -> None:
    tab = make_tab(qtbot, ctx, Role.HR, org["hr"])
    path = tmp_path / "rejestr.csv"
    path.write_bytes(
        "Sygn.;Wpłynęło;Komórka;Opis\nK/1;03.11.2025;WKS;Skarga\nK/2;2025-11-04;BOK;Skarga\n".encode(
            "cp1250"
        )
    )
    tab.import_file(path)
    mapping = tab.mapping_dialog
    assert mapping is not None and mapping.isVisible()
    for column, text in (("Sygn.", "Reference"), ("Wpłynęło", "Received"), ("Komórka", "Unit")):
        combo = mapping.combos[mapping.header.index(column)]
        combo.setFocus()
        qtbot.keyClicks(combo, text)
    assert mapping.mapping() == {
        "Sygn.": "reference",
        "Wpłynęło": "received_on",
        "Komórka": "unit",
        "Opis": "summary",  # guessed from the header
    }
    qtbot.keyClick(mapping, Qt.Key.Key_Return)
    assert "2 added, 0 already" in tab.message.text()
    assert tab.model.rowCount() == 2

    # the same header again: the remembered mapping is used, nothing is added
    tab.import_file(path)
    assert "0 added, 2 already" in tab.message.text()

    broken = tmp_path / "zly.csv"
    broken.write_text(
        "Sygn.;Wpłynęło;Komórka;Opis\nK/3;jutro;WKS;x\nK/4;01.11.2025;XYZ;y\n", encoding="utf-8"
    )
    tab.import_file(broken)
    problems = tab.problems
    assert problems is not None and problems.isVisible()
    cells = [
        [problems.table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
        for r in range(problems.table.rowCount())
    ]
    assert cells == [["2", "Wpłynęło", "jutro"], ["3", "Komórka", "XYZ"]]
    assert "nothing was imported" in tab.message.text()
    with ctx.db.session() as s:
        assert s.scalar(select(func.count(IndicatorEntry.id))) == 2


def _type_cell(qtbot: QtBot, tab: IndicatorsTab, row: int, column: int, text: str) -> None:
    table = tab.research.action_table
    item = table.item(row, column)
    assert item is not None
    if table.state() != QAbstractItemView.State.EditingState:  # "Add action" opens the first
        table.setCurrentCell(row, column)
        table.editItem(item)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.isAncestorOf(editor)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.text() == text)  # the delegate commits on the next event loop


def test_research_note_with_actions(qtbot: QtBot, ctx: AppContext, org: dict[str, int]) -> None:
    tab = make_tab(qtbot, ctx, Role.HR, org["hr"])
    page = tab.research
    tab.pages.setCurrentWidget(page)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    page.method.setFocus()
    qtbot.keyClicks(page.method, "Focus")
    qtbot.keyClicks(page.topic, "Obsluga w WKS")
    page.participants.setFocus()
    page.participants.selectAll()
    qtbot.keyClicks(page.participants, "8")
    wks_item = page.units.findItems("WKS", Qt.MatchFlag.MatchStartsWith)[0]
    wks_item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(page.findings, "Dlugie kolejki")
    qtbot.mouseClick(page.add_action, Qt.MouseButton.LeftButton)
    _type_cell(qtbot, tab, 0, 0, "Rezerwacja wizyt online")
    _type_cell(qtbot, tab, 0, 1, "Naczelnik WKS")
    _type_cell(qtbot, tab, 0, 2, "31.12.2025")
    qtbot.keyClick(page.topic, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.message.text() == "Saved."
    with ctx.db.session() as s:
        note = s.scalars(select(ResearchNote)).one()
        assert (note.method, note.topic, note.participants) == ("focus_group", "Obsluga w WKS", 8)
        assert [u.code for u in note.units] == ["WKS"]
        action = s.scalars(select(ResearchAction)).one()
        assert (action.owner, action.due_on, action.done_on) == (
            "Naczelnik WKS",
            date(2025, 12, 31),
            None,
        )
    assert page.model.rowCount() == 1 and page.model.index(0, 5).data() == "1"
    page.action_table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.done_action, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as s:
        assert s.scalars(select(ResearchAction.done_on)).one() == TODAY
    assert page.model.index(0, 5).data() == "0"
    # a date that cannot be read is named, nothing saved
    _type_cell(qtbot, tab, 0, 2, "koniec roku")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "not a date" in page.message.text()
    _type_cell(qtbot, tab, 0, 2, "31.01.2026")
    # switching to a new note saves what was typed: nothing is lost
    qtbot.keyClick(page.findings, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.findings, "; brak miejsc siedzacych")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.note_id is None and page.topic.text() == ""
    with ctx.db.session() as s:
        assert s.scalars(select(ResearchNote.findings)).one().endswith("siedzacych")
        assert s.scalars(select(ResearchAction.due_on)).one() == date(2026, 1, 31)
    page.list.selectRow(0)
    page.open_selected()
    assert page.topic.text() == "Obsluga w WKS" and not page.dirty()
    page.confirm_delete = lambda: True  # type: ignore[method-assign]
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0


def test_supervisor_reads_own_units_only(
    qtbot: QtBot, ctx: AppContext, org: dict[str, int]
) -> None:
    svc.register_entry(
        ctx, EntryInput("W/1", "complaint", date(2025, 11, 3), "letter", org["wks"]), TODAY
    )
    svc.register_entry(
        ctx, EntryInput("B/1", "complaint", date(2025, 11, 3), "letter", org["bok"]), TODAY
    )
    tab = make_tab(qtbot, ctx, Role.SUPERVISOR, org["boss"])
    assert [r.reference for r in tab.model.rows] == ["W/1"]
    assert not tab.new_button.isEnabled() and not tab.import_button.isEnabled()
    assert not tab.research.save_button.isEnabled()
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.dialog is None


def test_auditor_sees_nothing(qtbot: QtBot, ctx: AppContext, org: dict[str, int]) -> None:
    tab = make_tab(qtbot, ctx, Role.AUDITOR, None)
    assert not tab.pages.isEnabled() and tab.model.rowCount() == 0
