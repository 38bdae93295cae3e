"""The monitoring report's annex of improvement actions (issue 17): the PDF and the workbook list
the period's actions with their status, overdue mark and effect; the anonymised edition leaves
out the owners and the source records."""

from __future__ import annotations

import datetime as dt
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from auditdesk.services.context import AppContext
from auditdesk.services.overview import period_of
from auditdesk.services.overview.actions import add_action, close_action
from auditdesk.services.overview.report import period_actions, write_report


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_annex_lists_the_period_s_actions(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    period = period_of("year", today)
    late = add_action(
        demo_ctx,
        title="Szkolenie z obsługi klienta",
        reason="Wyniki tajemniczego klienta",
        method="mystery",
        source="audyt nr 7",
        owner="Zofia Kowalczyk",
        due_on=today - timedelta(days=3),
        indicator="mystery_passed",
        value_before=62.5,
    )
    done = add_action(
        demo_ctx,
        title="Nowa tablica informacyjna",
        method="surveys",
        owner="Zofia Kowalczyk",
        due_on=today + timedelta(days=30),
        value_before=70.0,
    )
    close_action(demo_ctx, done.id, "Tablica zawieszona", value_after=81.0)
    old = add_action(
        demo_ctx,
        title="Działanie z dawnego okresu",
        method="cases",
        owner="x",
        due_on=period.start - timedelta(days=400),
        period=(period.start - timedelta(days=500), period.start - timedelta(days=450)),
    )
    found = {a.id for a in period_actions(demo_ctx, period)}
    assert {late.id, done.id} <= found and old.id in found  # still open: still concerns us
    close_action(demo_ctx, old.id, "zamknięte")
    assert old.id in {a.id for a in period_actions(demo_ctx, period)}  # closed today

    text = pdf_text(write_report(demo_ctx, period, tmp_path / "r.pdf"))
    assert "Załącznik: działania doskonalące" in text
    assert "Szkolenie z obsługi klienta" in text and "po terminie" in text
    assert "Zofia Kowalczyk" in text and "audyt nr 7" in text
    assert "70,0 → 81,0" in text  # the Polish report: decimal commas
    anon = pdf_text(write_report(demo_ctx, period, tmp_path / "a.pdf", anonymised=True))
    assert "Szkolenie z obsługi klienta" in anon
    assert "Zofia Kowalczyk" not in anon and "audyt nr 7" not in anon

    book = openpyxl.load_workbook(write_report(demo_ctx, period, tmp_path / "r.xlsx"))
    sheet = book["Działania"]
    head = [c.value for c in sheet[1]]
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in sheet.iter_rows(min_row=2)]
    first = next(r for r in rows if r["Działanie"] == "Szkolenie z obsługi klienta")
    assert first["Termin"] == dt.datetime.combine(today - timedelta(days=3), dt.time())
    assert first["Po terminie"] is True and first["Przed"] == 62.5
    assert first["Odpowiedzialny"] == "Zofia Kowalczyk"
    anon_book = openpyxl.load_workbook(
        write_report(demo_ctx, period, tmp_path / "a.xlsx", anonymised=True)
    )
    assert "Odpowiedzialny" not in [c.value for c in anon_book["Działania"][1]]
