"""Dialogs take "today" from the context's clock, never from Qt's own (QDate.currentDate() reads
the machine's clock, which neither a fixed clock nor time-machine moves)."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import time_machine
from pytestqt.qtbot import QtBot

import auditdesk.ui
from auditdesk.services.audits.queries import list_audits
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.audits.dialogs import DisputeDialog
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.export_dialog import BulkExportDialog
from auditdesk.ui.tasks import SyncTaskRunner

DAY = date(2027, 3, 31)


def _an_audit(ctx: AppContext) -> int:
    return list_audits(ctx, limit=1).rows[0].id


def test_dispute_and_bulk_export_dates_follow_the_context_clock(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    fixed = replace(demo_ctx, clock=FixedClock(DAY))
    audit_id = _an_audit(demo_ctx)
    with time_machine.travel(datetime(2031, 7, 9, 10), tick=True):
        dispute = DisputeDialog(lambda: fixed, audit_id)
        qtbot.addWidget(dispute)
        deps = PanelDeps(context=lambda: fixed, runner=SyncTaskRunner(), settings=Settings())
        bulk = BulkExportDialog(deps)
        qtbot.addWidget(bulk)
    assert dispute.raised_on.date().toPython() == DAY
    assert bulk.date_to.date().toPython() == DAY
    assert bulk.date_from.date().toPython() == date(2026, 3, 31)


def test_the_machine_clock_moved_by_time_machine_reaches_the_dialogs(
    qtbot: QtBot, demo_ctx: AppContext
) -> None:
    audit_id = _an_audit(demo_ctx)
    with time_machine.travel(datetime(2029, 2, 14, 10), tick=True):
        dispute = DisputeDialog(lambda: demo_ctx, audit_id)
        qtbot.addWidget(dispute)
        assert dispute.raised_on.date().toPython() == date(2029, 2, 14)


# Qt's and Python's own "today": the window asks the injected clock (ctx.clock) instead
FORBIDDEN = {
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("QDateTime", "currentDateTimeUtc"),
}


def test_no_module_of_the_window_reads_the_machine_clock() -> None:
    root = Path(auditdesk.ui.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in FORBIDDEN
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno} {node.value.id}.{node.attr}")
    assert found == []
