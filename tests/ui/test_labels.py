"""One home for the names of stored values in the window (ui.labels, issue 12): a Polish window
never shows a raw `planned`, `in_progress`, `sign_in` or `(hr)`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.domain.values import ACTION_STATUSES, AUDIT_STATUSES, Role
from auditdesk.services.admin.trail_view import TrailRow
from auditdesk.services.context import AppContext
from auditdesk.store.models import ActionItem, ActionPlan
from auditdesk.ui.admin.models import trail_model
from auditdesk.ui.audits.dialogs import ActionPlanDialog
from auditdesk.ui.i18n import install_language
from auditdesk.ui.labels import (
    action_status_name,
    audit_status_name,
    channel_name,
    role_name,
    trail_action_name,
)

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
