"""The Audits panel driven like a person: a whole audit with the keyboard, evidence, completion,
refusals, the critical banner, the list's filters and the results view."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, AuditAnswer, Evidence, User
from auditdesk.ui.audits.dialogs import NewAuditDialog
from auditdesk.ui.audits.editor import AuditEditor
from auditdesk.ui.audits.list_model import AuditListModel
from auditdesk.ui.audits.panel import AuditsPanel
from auditdesk.ui.tasks import SyncTaskRunner


@pytest.fixture
def demo_copy(copy_demo: Callable[[Path], Path], tmp_path: Path) -> Path:
    """The demo office (built once per session, tests/conftest.py), a copy for this test."""
    return copy_demo(tmp_path / "demo.sqlite")


def context_as(path: Path, login: str) -> Iterator[AppContext]:
    db = open_database(str(path))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        actor = Actor.of(user)
    yield AppContext(db, actor)
    db.dispose()


# how a person answers the visit form with the keyboard, item by item
KEYS: list[tuple[str, list[str]]] = [
    ("powitanie", ["1"]),
    ("identyfikator", ["1"]),
    ("kontakt_wzrokowy", ["2"]),
    ("uprzejmosc", ["1"]),
    ("bez_rozpraszaczy", ["2"]),
    ("cierpliwosc", ["N"]),
    ("pozegnanie", ["1"]),
    ("czas_oczekiwania", ["type:7", "Enter"]),
    ("oznakowanie", ["1"]),
    ("porzadek", ["1"]),
    ("jezyk", ["1"]),
    ("zrozumienie", ["1"]),
    ("dyskrecja", ["1"]),
    ("dostepnosc", ["N"]),
    ("identyfikacja_potrzeby", ["1"]),
    # answered, then K: the comment of the item just answered; Enter goes on (issue 15)
    ("dokumenty", ["2", "K", "type:Nie wspomniano o zdjeciu", "Enter"]),
    ("oplaty", ["1"]),
    ("termin", ["1"]),
    ("odwolanie", ["N"]),
    ("pomoc_formularz", ["1"]),
    ("przekierowanie", ["Tab"]),
    ("materialy", ["2"]),
    ("poprawnosc", ["1"]),
    ("nastepny_krok", ["1"]),
    ("zalatwiona_od_reki", ["1"]),
    ("wrazenie", ["4"]),
    ("polecenie", ["2"]),
    ("uwagi", ["type:Mila obsluga", "Tab"]),
    ("scenariusz_zrealizowany", ["1"]),
    ("rozpoznany", ["1"]),
    ("godzina_wejscia", ["Tab"]),
]


@pytest.fixture
def auditor(demo_copy: Path) -> Iterator[AppContext]:
    yield from context_as(demo_copy, "audytor1")


@pytest.fixture
def evidence_file(tmp_path: Path) -> Path:
    f = tmp_path / "zdjecie-stanowiska.png"
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    image.save(str(f))
    return f


@pytest.fixture
def panel(qtbot: QtBot, auditor: AppContext, evidence_file: Path) -> AuditsPanel:
    p = AuditsPanel(lambda: auditor, SyncTaskRunner(), choose_file=lambda: evidence_file)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    return p


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, step: str) -> None:
    if step.startswith("type:"):
        qtbot.keyClicks(focus(), step[5:])
        return
    key = {
        "Enter": Qt.Key.Key_Return,
        "Tab": Qt.Key.Key_Tab,
        "N": Qt.Key.Key_N,
        "K": Qt.Key.Key_K,
    }.get(step)
    qtbot.keyClick(focus(), key if key is not None else getattr(Qt.Key, f"Key_{step}"))


def start_visit(qtbot: QtBot, panel: AuditsPanel) -> AuditEditor:
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = panel.dialog
    assert isinstance(dialog, NewAuditDialog)
    qtbot.waitExposed(dialog)
    form = dialog.findChild(QComboBox, "form")
    assert form is not None
    form.setCurrentIndex(next(i for i, f in enumerate(dialog.forms) if f.form_id == "tk-wizyta"))
    unit = dialog.findChild(QComboBox, "unit")
    assert unit is not None
    unit.setCurrentIndex(unit.findText("BOK", Qt.MatchFlag.MatchStartsWith))
    note = dialog.findChild(QLineEdit, "note")
    case = dialog.findChild(QLineEdit, "scenario_sprawa")
    assert note is not None and case is not None
    qtbot.keyClicks(note, "okienko 4")
    qtbot.keyClicks(case, "Wymiana dowodu osobistego")
    qtbot.keyClick(case, Qt.Key.Key_Return)
    assert dialog.result_id is not None
    editor = panel.editor
    assert editor is not None and editor.audit_id == dialog.result_id
    return editor


def test_whole_audit_with_the_keyboard(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext, evidence_file: Path
) -> None:
    editor = start_visit(qtbot, panel)
    qtbot.waitUntil(lambda: editor.rows["powitanie"].hasFocus())
    for item_id, steps in KEYS:
        qtbot.waitUntil(lambda i=item_id: editor.current_item == i, timeout=2000)
        if item_id == "uprzejmosc":
            qtbot.keyClick(focus(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: editor.current_item == "uprzejmosc")
        for step in steps:
            press(qtbot, step)
    assert "Saved" in editor.message.text()
    assert editor.evidence.count() == 1
    qtbot.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.confirm_box is not None  # completing locks: asked first
    editor.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert "locked" in editor.message.text(), editor.message.text()
    with auditor.db.session() as s:
        audit = s.get(Audit, editor.audit_id)
        assert audit is not None and audit.status == "completed"
        answers = {
            a.item_id: a
            for a in s.scalars(select(AuditAnswer).where(AuditAnswer.audit_id == audit.id))
        }
        evidence = s.scalars(select(Evidence).where(Evidence.audit_id == audit.id)).all()
        assert answers["kontakt_wzrokowy"].value == "partly"
        assert answers["cierpliwosc"].na and answers["cierpliwosc"].value is None
        assert answers["czas_oczekiwania"].value == "7"
        assert answers["dokumenty"].value == "partly"
        assert answers["dokumenty"].comment == "Nie wspomniano o zdjeciu"
        assert answers["uwagi"].value == "Mila obsluga"
        assert answers["polecenie"].value == "raczej_tak"
        assert "przekierowanie" not in answers and "godzina_wejscia" not in answers
        # earned / possible, counted by hand from the form: lost 1 (kontakt), 1 (rozpraszacze),
        # 1 (czas 7 min), 1.5 (dokumenty), 1 (materialy), 1 (wrazenie 4 of 5), 1 (polecenie)
        # possible: 9 + 9 + 11 + 13 (three items N/A, two optional ones skipped)
        assert audit.possible == 42.0
        assert audit.earned == 42.0 - 7.5
        assert audit.score == pytest.approx(100 * 34.5 / 42)
        assert audit.verdict == "good"
        assert audit.record_no.startswith("TK/")
        assert [(e.file_name, e.item_id) for e in evidence] == [(evidence_file.name, "uprzejmosc")]
    assert not editor.rows["powitanie"].buttons[0].isEnabled()


def test_completion_refused_names_missing_items(qtbot: QtBot, panel: AuditsPanel) -> None:
    editor = start_visit(qtbot, panel)
    qtbot.waitUntil(lambda: editor.current_item == "powitanie")
    for _ in range(3):
        qtbot.keyClick(focus(), Qt.Key.Key_1)
    qtbot.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    text = editor.message.text()
    # listed by the numbers the auditor sees: 1.4 (uprzejmosc) onwards, not by internal ids
    assert "1.4, 1.5" in text and "bez_rozpraszaczy" not in text
    assert editor.current_item == "uprzejmosc"  # the first unanswered required item
    assert svc.load_audit(editor.context(), editor.audit_id).status == "draft"


def test_critical_failure_shown_at_once(qtbot: QtBot, panel: AuditsPanel) -> None:
    editor = start_visit(qtbot, panel)
    assert editor.critical.isHidden()
    editor.focus_item("uprzejmosc")
    qtbot.keyClick(focus(), Qt.Key.Key_3)
    assert editor.critical.isVisible()
    assert "uprzejmy" in editor.critical.text()
    assert "Niezadowalający" in editor.total.text()


def test_list_filters_search_and_model(
    qtbot: QtBot, panel: AuditsPanel, qtmodeltester: object
) -> None:
    total = panel.model.total
    assert total > 0 and panel.model.rowCount() == min(total, 500)
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    panel.channel.setCurrentIndex(panel.channel.findData("phone"))
    assert {r.channel for r in panel.model.rows} == {"phone"}
    panel.channel.setCurrentIndex(0)
    first = panel.model.rows[0]
    qtbot.keyClick(panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.search, first.record_no)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.model.rows[0].id == first.id
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert panel.editor is not None and panel.editor.audit_id == first.id


def test_list_model_fetches_pages() -> None:
    rows = [
        svc.AuditSummary(
            i,
            f"TK/2026/{i:04d}",
            datetime(2026, 1, 1),
            "f",
            "visit",
            1,
            "BOK",
            "BOK",
            None,
            "",
            "",
            "a",
            "draft",
            "original",
            None,
            "",
            "",
            False,
            False,
            "",
        )
        for i in range(1200)
    ]
    calls: list[int] = []

    def fetch(offset: int, limit: int) -> svc.AuditPage:
        calls.append(offset)
        return svc.AuditPage(rows[offset : offset + limit], len(rows))

    model = AuditListModel(fetch)
    model.set_rows(rows[:500], 1200)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 1200 and calls == [500, 1000] and not model.canFetchMore()


def test_results_view_marks_only_significant_differences(qtbot: QtBot, panel: AuditsPanel) -> None:
    qtbot.keyClick(panel.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    view = panel.results
    assert view is not None and view.report is not None
    assert view.table.rowCount() == len(view.report.rows) > 5
    assert view.table.item(0, 2).text() == str(view.report.rows[0].total.n)  # type: ignore[union-attr]
    for r in range(view.table.rowCount()):
        cell = view.table.item(r, 6)
        if cell is None or cell.text() == "—":
            continue
        row = view.report.rows[r]
        cmp = view.report.compare_units(row, view.unit_a.currentData(), view.unit_b.currentData())
        assert cmp is not None
        assert ("▲" in cell.text() or "▼" in cell.text()) == cmp.significant


def test_change_from_another_instance_is_not_overwritten(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    editor = start_visit(qtbot, panel)
    editor.focus_item("powitanie")
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    # another instance (same auditor, second laptop window) answers the same item "Nie"
    svc.save_answer(auditor, editor.audit_id, "powitanie", "no")
    editor.focus_item("identyfikator")
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    assert "changed" in editor.message.text()
    assert editor.rows["powitanie"].value == "no"  # the window shows what is stored
    stored = svc.load_audit(auditor, editor.audit_id).answers
    assert stored["powitanie"].value == "no" and "identyfikator" not in stored
    qtbot.keyClick(focus(), Qt.Key.Key_1)  # now it saves against the fresh version
    assert svc.load_audit(auditor, editor.audit_id).answers["identyfikator"].value == "yes"


def test_dispute_amendment_and_action_plan_dialogs(
    qtbot: QtBot, demo_copy: Path, evidence_file: Path
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from auditdesk.ui.audits.dialogs import ActionPlanDialog, DisputeDialog, EvidencePreview

    ctxs = context_as(demo_copy, "jakosc")
    hr = next(ctxs)
    p = AuditsPanel(lambda: hr, SyncTaskRunner(), choose_file=lambda: evidence_file)
    qtbot.addWidget(p)
    p.show()
    with hr.db.session() as s:
        completed = s.scalars(
            select(Audit)
            .where(
                Audit.status == "completed",
                Audit.superseded.is_(False),
                Audit.channel == "visit",  # its form serves the visit started below
            )
            .order_by(Audit.id)
        ).first()
        assert completed is not None
        audit_id, record_no = completed.id, completed.record_no
    dialog = DisputeDialog(lambda: hr, audit_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "raised_by"), "Kierownik BOK")
    qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "reason"), "Nagranie z monitoringu")
    qtbot.mouseClick(dialog.raise_button, Qt.MouseButton.LeftButton)
    assert dialog.open_dispute is not None
    qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "decision_note"), "Zasadne")
    dialog.amend_radio.setChecked(True)
    qtbot.mouseClick(dialog.decide_button, Qt.MouseButton.LeftButton)
    assert dialog.follow_up_id is not None
    amended = svc.load_audit(hr, dialog.follow_up_id)
    assert amended.kind == "amendment" and amended.original_id == audit_id
    assert "→ " + amended.record_no in dialog.history.text()
    assert record_no != amended.record_no
    # an action plan: hand over, the manager returns it, then accepts
    editor = p.open_audit(amended.id)
    for item in editor.order:
        row = editor.rows[item]
        if row.buttons and row.item.required:
            row.choose(str(row.buttons[-1].property("answer")))  # the worst answers
    editor.complete()
    assert editor.confirm_box is not None
    editor.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert "locked" in editor.message.text()
    plan_dialog = ActionPlanDialog(lambda: hr, amended.id)
    qtbot.addWidget(plan_dialog)
    plan_dialog.add_row("Szkolenie z obsługi klienta", "Kierownik BOK", "2026-12-31")
    qtbot.mouseClick(plan_dialog.submit_button, Qt.MouseButton.LeftButton)
    assert plan_dialog.plan is not None and plan_dialog.plan.status == "submitted"
    qtbot.mouseClick(plan_dialog.return_button, Qt.MouseButton.LeftButton)
    assert "why" in plan_dialog.error.text()
    qtbot.keyClicks(plan_dialog.note, "Dodac termin kontroli")
    qtbot.mouseClick(plan_dialog.return_button, Qt.MouseButton.LeftButton)
    assert plan_dialog.plan.status == "returned"
    qtbot.mouseClick(plan_dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(plan_dialog.accept_button, Qt.MouseButton.LeftButton)
    assert plan_dialog.plan.status == "accepted"
    assert plan_dialog.plan.actions[0].what == "Szkolenie z obsługi klienta"
    # evidence preview of an image shows it, checked against its SHA-256
    info = svc.add_evidence(
        hr,
        svc.start_audit(
            hr,
            svc.NewAudit(
                amended.form_version_id,
                "visit",
                amended.unit_id,
                datetime(2026, 1, 2, 10),
                scenario={"sprawa": "x"},
            ),
        ),
        evidence_file,
    )
    preview = EvidencePreview(lambda: hr, info.id)
    qtbot.addWidget(preview)
    assert preview.kind == "image" and info.sha256 in preview.findChildren(QLabel)[0].text()
    for _ in ctxs:  # closes the database
        pass


def test_header_edited_with_the_keyboard(
    qtbot: QtBot, panel: AuditsPanel, auditor: AppContext
) -> None:
    from PySide6.QtWidgets import QDateTimeEdit

    from auditdesk.ui.audits.header_dialog import HeaderDialog

    editor = start_visit(qtbot, panel)
    qtbot.waitUntil(lambda: editor.current_item == "powitanie")
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    qtbot.keyClick(focus(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.dialog
    assert isinstance(dialog, HeaderDialog)
    qtbot.waitExposed(dialog)
    unit = dialog.findChild(QComboBox, "unit")
    employee = dialog.findChild(QComboBox, "employee")
    note = dialog.findChild(QLineEdit, "note")
    when = dialog.findChild(QDateTimeEdit, "when")
    case = dialog.findChild(QLineEdit, "scenario_sprawa")
    assert unit and employee and note and when and case
    assert note.text() == "okienko 4" and case.text() == "Wymiana dowodu osobistego"
    old_unit = unit.currentData()
    qtbot.waitUntil(lambda: unit.hasFocus())
    qtbot.keyClick(unit, Qt.Key.Key_Down)  # the next unit of the list
    new_unit = unit.currentData()
    assert new_unit != old_unit
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert employee.hasFocus()
    qtbot.keyClick(employee, Qt.Key.Key_Down)  # the first employee of the new unit
    new_employee = employee.currentData()
    assert new_employee is not None
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert note.hasFocus()
    qtbot.keyClick(note, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, "stanowisko 7")
    qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert when.hasFocus()
    # as Tab leaves it for a person: the year section selected; each full section moves on to
    # the next. (Select-all and typing never changed the year: the test passed only while the
    # demo's visit days, which follow the clock, fell in 2026.)
    when.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(when, "202603050930")
    qtbot.keyClick(case, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(case, "Zameldowanie na pobyt staly")
    qtbot.keyClick(case, Qt.Key.Key_Return)
    assert dialog.saved_version is not None, dialog.error.text()
    assert "Header saved" in editor.message.text()
    with auditor.db.session() as s:
        audit = s.get(Audit, editor.audit_id)
        assert audit is not None and audit.status == "draft"
        assert audit.unit_id == new_unit
        assert audit.employee_id == new_employee
        assert audit.observed_note == "stanowisko 7"
        assert audit.visited_at == datetime(2026, 3, 5, 9, 30)
        assert audit.period == "2026-03"
        assert json.loads(audit.scenario_json)["sprawa"] == "Zameldowanie na pobyt staly"
        assert audit.scenario_summary == "Zameldowanie na pobyt staly"
        assert "stanowisko 7" in audit.search_text
        answers = s.scalars(select(AuditAnswer).where(AuditAnswer.audit_id == audit.id)).all()
        assert [(a.item_id, a.value) for a in answers] == [("powitanie", "yes")]
    assert editor.version == dialog.saved_version
    assert "2026-03-05 09:30" in editor.header.text()
    # back in the editor, on the item it was at; answering goes on against the new version
    panel.activateWindow()  # what the window manager does when a dialog closes
    qtbot.waitUntil(lambda: editor.rows["identyfikator"].hasFocus())
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    assert "Saved" in editor.message.text()


def test_header_of_a_completed_audit_is_refused(qtbot: QtBot, panel: AuditsPanel) -> None:
    done = next(r for r in panel.model.rows if r.status == "completed")
    editor = panel.open_audit(done.id)
    before = svc.load_audit(editor.context(), done.id)
    qtbot.keyClick(focus(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert editor.dialog is None
    assert "locked" in editor.message.text() and done.record_no in editor.message.text()
    after = svc.load_audit(editor.context(), done.id)
    assert (after.version, after.unit_id, after.visited_at) == (
        before.version,
        before.unit_id,
        before.visited_at,
    )


def test_completion_refused_in_polish(qtbot: QtBot, panel: AuditsPanel) -> None:
    """The window speaks Polish: the service's refusal is shown translated, items filled in."""
    from auditdesk.ui.i18n import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "pl")
    try:
        editor = start_visit(qtbot, panel)
        qtbot.waitUntil(lambda: editor.current_item == "powitanie")
        qtbot.keyClick(focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        text = editor.message.text()
        assert text.startswith("Nie można zakończyć")
        assert "1.1, 1.2" in text and "cannot" not in text
    finally:
        install_language(app, "en")
