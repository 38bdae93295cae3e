"""The "Case timeliness" tab driven like a person: importing a register through the mapping
dialog (mapping remembered for the next file), a refused file with its rows named, the tables
and the unit filter, and what each role sees."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import CaseRecord, User
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.states import NoAccessPage
from auditdesk.ui.tasks import SyncTaskRunner


def make_tab(qtbot: QtBot, ctx: AppContext) -> CasesTab:
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    tab = CasesTab(deps)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def as_user(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalars(select(User).where(User.login == login)).one()
        return AppContext(ctx.db, Actor.of(user))


def cases(ctx: AppContext) -> dict[str, CaseRecord]:
    with ctx.db.session() as s:
        rows = list(s.scalars(select(CaseRecord)))
        for r in rows:
            s.expunge(r)
        return {r.sign: r for r in rows}


def choose(qtbot: QtBot, tab: CasesTab, column: str, text: str) -> None:
    """Types the first letters of a field's name in the combo of a column, as a person would."""
    dialog = tab.mapping_dialog
    assert dialog is not None
    combo = dialog.combos[dialog.header.index(column)]
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def test_import_through_the_mapping_dialog_and_remembered_mapping(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, ctx)
    first = tmp_path / "eksport.csv"
    # a category for every case: a case with none and no EZD due date has no deadline known
    # (issue 17, docs/monitoring.md) and is not counted among the settled ones judged on time
    first.write_bytes(
        "Numer;Wszczęto;Zakończono;Opis;Kategoria\n"
        "WKS.5430.1.2025;03.03.2025;04.03.2025;Rejestracja pojazdu – Łódź;1 miesiąc\n"
        "WKS.5430.2.2025;03.03.2025;08.04.2025;Wymeldowanie;1 miesiąc\n".encode("cp1250")
    )
    tab.open_import(first)
    dialog = tab.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.preview.item(0, 3).text() == "Rejestracja pojazdu – Łódź"
    assert "windows-1250" in dialog.findChild(QLabel, "info").text()  # how the file was read
    assert not dialog.ok_button.isEnabled()  # no column named like a case sign or a start date
    assert "Case sign" in dialog.hint.text() and "Start date" in dialog.hint.text()
    choose(qtbot, tab, "Numer", "Case")
    choose(qtbot, tab, "Wszczęto", "Start")
    choose(qtbot, tab, "Zakończono", "Settl")
    choose(qtbot, tab, "Opis", "Title")
    assert dialog.columns() == {
        "sign": 0,
        "started_on": 1,
        "settled_on": 2,
        "title": 3,
        "category": 4,
    }
    assert dialog.remember_as() == "EZD"  # a new mapping's name until renamed
    dialog.remember.selectAll()
    qtbot.keyClick(dialog.remember, Qt.Key.Key_Delete)
    assert not dialog.ok_button.isEnabled()  # a mapping of the register is remembered by name
    assert "name" in dialog.hint.text()
    qtbot.keyClicks(dialog.remember, "EZD PUW")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = cases(ctx)
    assert set(stored) == {"WKS.5430.1.2025", "WKS.5430.2.2025"}
    assert stored["WKS.5430.1.2025"].title == "Rejestracja pojazdu – Łódź"
    assert "2 new, 0 updated" in tab.status.text()
    # settled in March and April 2025: outside the default period (the last months) until widened
    tab.date_from.setDate(tab.date_from.date().addYears(-5))
    assert [(r.unit_code, r.settled) for r in tab.timeliness_model.rows] == [("WKS", 1), ("WKS", 1)]

    second = tmp_path / "eksport-nowszy.csv"
    second.write_bytes(
        "Numer;Wszczęto;Zakończono;Opis;Kategoria\n"
        "WKS.5430.2.2025;03.03.2025;08.04.2025;Wymeldowanie;1 miesiąc\n"
        "WKS.5430.3.2025;05.03.2025;;Zameldowanie;1 miesiąc\n".encode("cp1250")
    )
    tab.open_import(second)
    dialog = tab.mapping_dialog
    assert dialog is not None
    assert dialog.columns() == {
        "sign": 0,
        "started_on": 1,
        "settled_on": 2,
        "title": 3,
        "category": 4,
    }
    assert dialog.remember_as() == "EZD PUW"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert set(cases(ctx)) == {"WKS.5430.1.2025", "WKS.5430.2.2025", "WKS.5430.3.2025"}


def test_a_broken_date_refuses_the_file_and_names_the_line(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, ctx)
    lines = ["Znak sprawy;Data wszczęcia;Data zakończenia"]
    lines += [f"WKS.5430.{n}.2025;03.03.2025;10.03.2025" for n in range(1, 20)]
    lines[16] = "WKS.5430.16.2025;03.03.2025;2025-02-30"  # line 17 of the file
    path = tmp_path / "spis.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tab.open_import(path)
    dialog = tab.mapping_dialog
    assert dialog is not None and dialog.ok_button.isEnabled()  # Polish names recognised
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    problems = tab.problems_dialog
    assert problems is not None and problems.isVisible()
    table = problems.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["17", "Data zakończenia", "2025-02-30"]
    assert cases(ctx) == {}
    close = problems.findChildren(QPushButton)[-1]
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not problems.isVisible()


def test_cancelling_the_mapping_imports_nothing(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    tab = make_tab(qtbot, ctx)
    path = tmp_path / "spis.csv"
    path.write_text("Znak sprawy;Data wszczęcia\nWKS.5430.1.2025;03.03.2025\n", encoding="utf-8")
    tab.open_import(path)
    dialog = tab.mapping_dialog
    assert dialog is not None
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert cases(ctx) == {}


def test_tables_and_unit_filter_on_demo_data(qtbot: QtBot, demo_ctx: AppContext) -> None:
    tab = make_tab(qtbot, demo_ctx)
    assert tab.import_button.isVisible()
    units = {tab.timeliness_model.rows[i].unit_code for i in range(tab.timeliness_model.rowCount())}
    assert {"WKS", "WAB", "BOK"} <= units
    assert tab.overdue_model.rowCount() > 0
    first = tab.overdue_model.index(0, 0)
    rule = tab.overdue_model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert rule and rule == tab.overdue_model.rows[0].due_rule  # how the due date was reached
    tab.unit.setFocus()
    tab.unit.setCurrentIndex(tab.unit.findData("WAB"))
    assert {r.unit_code for r in tab.timeliness_model.rows} == {"WAB"}
    assert all(r.unit_code == "WAB" for r in tab.overdue_model.rows)
    tab.group.setCurrentIndex(tab.group.findData("jrwa"))
    assert {r.jrwa for r in tab.timeliness_model.rows} == {"6730", "6740"}  # WAB's classes
    assert tab.timeliness_view.isColumnHidden(0) and not tab.timeliness_view.isColumnHidden(2)
    with demo_ctx.db.session() as s:
        total = s.scalar(select(func.count()).select_from(CaseRecord))
    assert str(total) in tab.summary.text()


def test_roles_see_what_they_may(qtbot: QtBot, demo_ctx: AppContext) -> None:
    supervisor = make_tab(qtbot, as_user(demo_ctx, "kierownik.wks"))
    assert not supervisor.import_button.isVisible()
    assert {r.unit_code for r in supervisor.timeliness_model.rows} <= {"WKS", "WKS-DO"}
    auditor = make_tab(qtbot, as_user(demo_ctx, "audytor1"))
    assert not auditor.import_button.isVisible()
    assert auditor.timeliness_model.rowCount() == 0
    page = auditor.findChild(NoAccessPage)  # the one no-access page (ui.states, issue 15)
    assert page is not None and "no access to the timeliness of cases" in page.text.text()


def test_the_tab_is_in_the_monitoring_panel(qtbot: QtBot, demo_ctx: AppContext) -> None:
    from auditdesk.ui.monitoring.panel import TAB_MODULES, MonitoringPanel

    assert "auditdesk.ui.monitoring.cases" in TAB_MODULES
    deps = PanelDeps(context=lambda: demo_ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = MonitoringPanel(deps)
    qtbot.addWidget(panel)
    assert not panel.findChildren(CasesTab)  # built when first shown (issue 14)
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
    widgets = [panel.tabs.widget(i) for i in range(panel.tabs.count())]
    assert any(isinstance(w, CasesTab) for w in widgets)


def test_an_unreadable_file_is_explained(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    tab = make_tab(qtbot, ctx)
    tab.open_import(tmp_path / "brak.csv")
    assert tab.mapping_dialog is None
    assert "brak.csv" in tab.status.text()
