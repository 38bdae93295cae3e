"""One home for the names of stored values in the window (ui.labels, issue 12): a Polish window
never shows a raw `planned`, `in_progress`, `sign_in` or `(hr)`."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.cli import appraisals as cli_appraisals
from auditdesk.domain.appraisal import DueStatus
from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.indicators import Channel as IndicatorChannel
from auditdesk.domain.indicators import IndicatorKind, Outcome
from auditdesk.domain.values import (
    ACTION_STATUSES,
    AUDIT_STATUSES,
    DISPUTE_STATUSES,
    PLAN_STATUSES,
    AppraisalKind,
    AppraisalStatus,
    FeedbackKind,
    ObjectionDecision,
    Role,
)
from auditdesk.services.admin.trail_view import TrailRow
from auditdesk.services.appraisals import EvidenceItem
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions, load_version
from auditdesk.store.models import ActionItem, ActionPlan
from auditdesk.ui.admin.models import trail_model
from auditdesk.ui.appraisals.evidence import evidence_detail
from auditdesk.ui.appraisals.panel import AppraisalsPanel
from auditdesk.ui.audits.dialogs import ActionPlanDialog
from auditdesk.ui.errors import error_text
from auditdesk.ui.i18n import install_language
from auditdesk.ui.labels import (
    action_status_name,
    appraisal_kind_name,
    appraisal_status_name,
    audit_status_name,
    channel_name,
    dispute_status_name,
    due_status_name,
    feedback_kind_name,
    indicator_channel_name,
    indicator_kind_name,
    indicator_outcome_name,
    objection_decision_name,
    plan_status_name,
    role_name,
    status_name,
    trail_action_name,
    verdict_name,
)
from auditdesk.ui.tasks import SyncTaskRunner

SERVICES = Path(__file__).resolve().parents[2] / "src" / "auditdesk" / "services"
# actions chosen at run time (`action = "deactivate" if ... else ...`), not literal arguments
COMPUTED_ACTIONS = {"reactivate", "deactivate", "correct", "reopen"}


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "pl")
    yield
    install_language(app, "en")


def recorded_actions() -> set[str]:
    """Every literal action the services write to the audit trail."""
    found = set(COMPUTED_ACTIONS)
    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("record", "record_many")
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant)
                and isinstance(node.args[2].value, str)
            ):
                found.add(node.args[2].value)
    return found


@pytest.mark.usefixtures("polish")
def test_the_named_values_read_in_polish() -> None:
    assert trail_action_name("sign_in") == "logowanie"
    assert [action_status_name(v) for v in ACTION_STATUSES] == [
        "zaplanowane",
        "w toku",
        "wykonane",
    ]
    assert role_name(Role.HR) == "kadry"
    assert channel_name("visit") == "Wizyta"
    assert audit_status_name("draft") == "Wersja robocza"


@pytest.mark.usefixtures("polish")
def test_every_recorded_trail_action_and_every_value_has_a_polish_name() -> None:
    actions = recorded_actions()
    assert {"sign_in", "create", "sign", "import"} <= actions
    raw = sorted(a for a in actions if trail_action_name(a) == a and a not in ("import",))
    assert raw == []
    assert all(action_status_name(v) != v for v in ACTION_STATUSES)
    assert all(audit_status_name(v) != v for v in AUDIT_STATUSES)
    assert all(role_name(r) != r.value for r in Role)


@pytest.mark.usefixtures("polish")
def test_the_trail_viewer_shows_translated_actions(qtbot: QtBot) -> None:
    model = trail_model()
    model.set_rows(
        [TrailRow(1, datetime(2026, 3, 2, 8), "audytor1", "sign_in", "user", "4", "", "")]
    )
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) in ("Czynność", "Action")
    )
    assert model.data(model.index(0, column)) == "logowanie"


@pytest.mark.usefixtures("polish")
def test_the_action_plan_shows_statuses_translated_and_keeps_their_values(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    with demo_ctx.db.session() as s:
        audit_id = s.scalar(
            select(ActionPlan.audit_id)
            .join(ActionItem, ActionItem.plan_id == ActionPlan.id)
            .where(ActionItem.status == "in_progress")
            .limit(1)
        )
    assert audit_id is not None
    dialog = ActionPlanDialog(lambda: demo_ctx, audit_id)
    qtbot.addWidget(dialog)
    shown = []
    for row in range(dialog.table.rowCount()):
        choice = dialog.table.cellWidget(row, 3)
        assert isinstance(choice, QComboBox)
        shown.append(choice.currentText())
    assert "w toku" in shown and "in_progress" not in shown
    assert "in_progress" in [a.status for a in dialog.plan_actions()]


# --- appraisals, disputes, plans, complaints, verdicts (issue 12, the rest) ---------------------

NAMED_SETS: list[tuple[Callable[[str], str], tuple[str, ...]]] = [
    (appraisal_status_name, tuple(AppraisalStatus)),
    (appraisal_kind_name, tuple(AppraisalKind)),
    (objection_decision_name, tuple(ObjectionDecision)),
    (feedback_kind_name, tuple(FeedbackKind)),
    (due_status_name, tuple(DueStatus)),
    (dispute_status_name, DISPUTE_STATUSES),
    (plan_status_name, PLAN_STATUSES),
    (indicator_kind_name, tuple(IndicatorKind)),
    (indicator_channel_name, tuple(IndicatorChannel)),
    (indicator_outcome_name, tuple(Outcome)),
    (verdict_name, ("excellent", "good", "subpar", "fail")),
]


@pytest.mark.usefixtures("polish")
def test_every_appraisal_dispute_plan_and_register_value_has_a_polish_name() -> None:
    raw = [(f.__name__, v) for f, values in NAMED_SETS for v in values if f(v) == v]
    assert raw == []
    assert appraisal_status_name("draft") == "w przygotowaniu"
    assert appraisal_kind_name("follow_up") == "kolejna po ocenie negatywnej"
    assert objection_decision_name("rejected") == "odwołanie nieuwzględnione"
    assert verdict_name("excellent", "Bardzo dobry") == "Bardzo dobry"
    # the error messages' status names come from the same sets
    assert status_name("submitted") == plan_status_name("submitted") == "przekazany kierownikowi"
    assert status_name("rejected") == dispute_status_name("rejected") == "nieuwzględnione"
    assert status_name("draft") == "wersja robocza"


def test_every_value_has_an_english_name_never_its_code() -> None:
    for f, values in NAMED_SETS:
        names = [f(v) for v in values]
        assert all(n and "_" not in n for n in names), (f.__name__, names)
        assert len(set(names)) == len(names), (f.__name__, names)
    assert appraisal_status_name("draft") == "in preparation"
    assert verdict_name("excellent", "Bardzo dobry") == "Excellent"
    assert verdict_name("custom", "Wzorowy") == "Wzorowy"  # a band the shipped forms do not name


def test_the_command_line_names_equal_the_window_s_english_names() -> None:
    assert {v: due_status_name(v) for v in DueStatus} == cli_appraisals.STATUS_EN
    assert {v: appraisal_kind_name(v) for v in AppraisalKind} == cli_appraisals.REASON_EN


@pytest.mark.parametrize("language", ["pl", "en"])
def test_an_appraisal_status_error_names_the_status_in_the_window_s_language(
    qapp: QApplication, language: str
) -> None:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    try:
        exc = ValidationFailed(
            "appraisal {record} is {appraisal_status}; cannot change ratings now",
            record="OC/2026/0001",
            appraisal_status="discussed",
        )
        shown = error_text(exc)
    finally:
        install_language(app, "en")
    assert "discussed" not in shown
    assert (
        shown
        == {
            "pl": "Ocena OC/2026/0001 ma status „po rozmowie oceniającej”; "
            "nie można teraz zmieniać ocen kryteriów.",
            "en": "appraisal OC/2026/0001 is after the conversation; cannot change ratings now",
        }[language]
    )
    assert str(exc) == "appraisal OC/2026/0001 is discussed; cannot change ratings now"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_appraisal_evidence_names_channel_verdict_and_note_kind(
    qapp: QApplication, language: str
) -> None:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    try:
        audit = EvidenceItem(
            "audit",
            None,
            "TK/2026/0001",
            "sprawa meldunkowa",
            1,
            channel="visit",
            score=92.4,
            verdict="excellent",
            verdict_label="Bardzo dobry",
        )
        note = EvidenceItem(
            "feedback", None, "Powitanie", "Brak powitania.", 2, 1, "TK/2026/0001", "corrective"
        )
        shown = (evidence_detail(audit), evidence_detail(note))
    finally:
        install_language(app, "en")
    assert (
        shown
        == {
            "pl": (
                "Wizyta, sprawa meldunkowa, 92 %, Bardzo dobry",
                "korygująca: Brak powitania. [audyt TK/2026/0001]",
            ),
            "en": (
                "Visit, sprawa meldunkowa, 92%, Excellent",
                "corrective: Brak powitania. [audit TK/2026/0001]",
            ),
        }[language]
    )


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_team_view_shows_verdicts_reasons_and_statuses_in_the_window_s_language(
    qtbot: QtBot, demo_ctx: AppContext, language: str
) -> None:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    try:
        panel = AppraisalsPanel(lambda: demo_ctx, SyncTaskRunner(), language, demo_ctx.clock.today)
        qtbot.addWidget(panel)
        model = panel.model
        columns = {
            model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())
        }
        result, reason, status = (
            columns[{"pl": "Wynik", "en": "Result"}[language]],
            columns[{"pl": "Podstawa", "en": "Reason"}[language]],
            columns[{"pl": "Stan", "en": "Status"}[language]],
        )
        shown = {
            c: {model.data(model.index(r, c)) for r in range(model.rowCount())}
            for c in (result, reason, status)
        }
        kinds = {appraisal_kind_name(k) for k in AppraisalKind} | {""}
        statuses = {due_status_name(s) for s in DueStatus}
    finally:
        install_language(app, "en")
    with demo_ctx.db.session() as s:
        sheets = [load_version(s, v.id).definition for v in latest_versions(s, "appraisal")]
    levels = {
        lang: {lv.label.get(lang) for sheet in sheets for lv in sheet.overall.levels}
        for lang in ("pl", "en")
    }
    assert levels["pl"].isdisjoint(levels["en"])
    verdicts = shown[result] - {"—"}
    assert verdicts and verdicts <= levels[language]
    assert shown[reason] <= kinds and shown[status] <= statuses
    assert not (shown[reason] | shown[status]) & {"follow_up", "due_30", "due_60", "in_progress"}
