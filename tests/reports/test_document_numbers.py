"""Protocols and reports print numbers the Polish way (issue 15): a decimal comma and a space
before the per cent sign, through the one formatter (domain.numbers) the window uses too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from auditdesk.domain.numbers import format_percent
from auditdesk.reports.formatting import number, percent
from auditdesk.reports.monitoring_report import (
    ActionLine,
    ReportCell,
    action_effect_text,
    cell_text,
)
from auditdesk.services import protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates
from protocol_helpers import completed_audit, pdftotext


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    path = demo_template.copy_to(tmp_path_factory.mktemp("db") / "numbers.sqlite")
    db = open_database(str(path))
    yield AppContext(db, Actor.system())
    db.dispose()


def test_the_audit_protocol_prints_polish_decimals(office: AppContext, tmp_path: Path) -> None:
    audit_id = completed_audit(office, fail_item=True, unit="BOK", day=11)
    exported = protocols.export_protocol(office, "audit", audit_id)
    path = tmp_path / "protocol.pdf"
    path.write_bytes(exported.pdf)
    text = pdftotext(path)
    assert re.search(r"Wynik\s+\d+,\d\s%", text), text[:2000]
    assert not re.search(r"\d\.\d\s?%", text)


def test_report_figures_use_the_one_formatter() -> None:
    assert percent(81.25) == format_percent(81.25, 1, "pl") == "81,2 %"
    assert number(1.5) == "1,5" and number(2.0) == "2"
    cell = ReportCell(87.44, 48, (75.31, 94.26))
    assert cell_text(cell, anonymised=False).startswith("87,4 % (n=48; 75,3–94,3)")
    assert cell_text(ReportCell(4.25, 30, None, percent=False), anonymised=False).startswith(
        "4,2 (n=30)"
    )
    line = ActionLine("BOK", "surveys", "t", "r", "", "", date(2026, 7, 15), "done")
    assert action_effect_text(replace(line, value_before=72.25, value_after=80.0)) == "72,2 → 80,0"
