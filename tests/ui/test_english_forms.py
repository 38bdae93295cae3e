"""An English window names what the Polish forms say in English (issue 15): the forms stay
Polish (a filled record keeps its exact form version), but they carry English labels, and the
window shows them: survey block titles in the results, the verdict when an audit is completed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_accessibility_names import _new_visit
from test_fits_small_screen import as_user, demo_file  # noqa: F401  (shared fixtures)

from auditdesk.domain.forms.loader import load_form
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import compute_results
from auditdesk.resources import data_dir
from auditdesk.services import audits as audit_svc
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.audits.editor import AuditEditor
from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner

POLISH_BLOCKS = ("Wizerunek urzędu", "Kompetencje i postawa pracownika", "Terminowość")
ENGLISH_BLOCKS = ("Image of the office", "Competence and attitude of the official", "Timeliness")


@pytest.fixture(params=["en", "pl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")


def test_block_titles_follow_the_language() -> None:
    form = load_form(data_dir("forms") / "survey" / "satysfakcja-klienta.yaml").definition
    assert isinstance(form, SurveyForm)
    result = compute_results(form, {}, {}, 0)
    titles = {b.block_id: b for b in result.blocks}
    assert titles["wizerunek"].title == "Wizerunek urzędu"  # the record's language stays
    assert titles["wizerunek"].title_in("en") == "Image of the office"
    assert titles["wizerunek"].title_in("pl") == "Wizerunek urzędu"


def test_survey_results_show_the_block_titles_in_the_window_s_language(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    language: str,
) -> None:
    ctx = as_user("kadry")
    tab = SurveysTab(PanelDeps(lambda: ctx, SyncTaskRunner(), Settings(language=language)))
    qtbot.addWidget(tab)
    row = next(i for i, r in enumerate(tab.campaigns.rows) if "urzędu" in r.title)
    tab.list.selectRow(row)
    view = tab.results
    blocks = {line.block for line in view.model.rows}
    expected, other = (
        (ENGLISH_BLOCKS, POLISH_BLOCKS) if language == "en" else (POLISH_BLOCKS, ENGLISH_BLOCKS)
    )
    assert set(expected) <= blocks and not set(other) & blocks
    assert all(title in view.summary.text() for title in expected)


def test_completing_an_audit_names_the_verdict_in_the_window_s_language(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    language: str,
    tmp_path: Path,
) -> None:
    ctx = as_user("audytor1")
    audit_id = _new_visit(ctx)
    with ctx.db.session() as s:
        checklist = audit_svc.checklist_of(s, audit_svc.load_audit(ctx, audit_id).form_version_id)
    for item in checklist.items():
        options = item.answer_options()
        if options:
            best = max(options, key=lambda o: o.points).value
            audit_svc.save_answer(ctx, audit_id, item.id, best)
        elif item.type == "number":
            audit_svc.save_answer(ctx, audit_id, item.id, "3")
    editor = AuditEditor(lambda: ctx, audit_id, choose_file=lambda: None, language=language)
    qtbot.addWidget(editor)
    editor.complete()
    assert editor.confirm_box is not None
    editor.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    text = editor.message.text()
    shown, hidden = (
        ("Excellent", "Bardzo dobry") if language == "en" else ("Bardzo dobry", "Excellent")
    )
    assert shown in text and hidden not in text, text
