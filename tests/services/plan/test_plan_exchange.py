"""The plan as a spreadsheet and the auditor's PDF schedule (issue 18): an exported plan read
back changes what the sheet changed and adds new rows; a sheet breaking a rule is refused
naming its rows and stores nothing; a supervisor may not export; an auditor prints only their
own schedule."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services.context import AppContext
from auditdesk.services.plan import (
    COLUMNS,
    auditor_schedule,
    create_programme,
    export_plan,
    import_plan,
    plan_programme,
    visits,
)
from plan_helpers import as_, make_office, spec


@pytest.fixture
def planned(ctx: AppContext) -> tuple[dict[str, int], int]:
    office = make_office(ctx)
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    return office, pid


def test_export_and_import_round_trip(
    ctx: AppContext, planned: tuple[dict[str, int], int], tmp_path: Path
) -> None:
    office, pid = planned
    hr = as_(ctx, office, "hr")
    path = tmp_path / "plan.xlsx"
    before = visits(hr, pid)
    assert export_plan(hr, pid, path) == len(before)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    assert tuple(c.value for c in ws[1]) == COLUMNS
    first = before[0]
    row2 = [c.value for c in ws[2]]
    assert row2[0] == first.id and row2[5] == f"{first.planned_at:%H:%M}"
    # move the first visit half an hour (still inside the hours) and add a phone call
    ws.cell(2, 6).value = f"{first.planned_at.hour:02d}:{first.planned_at.minute + 1:02d}"
    ws.append(["", "WKS", "phone", "TEL", "30.12.2026", "11:00", "", "planned", ""])
    wb.save(path)
    taken = {
        r.planned_at.isocalendar()[:2]
        for r in before
        if r.unit_id == office["WKS"] and r.channel == "phone"
    }
    if (2026, 53) in taken:  # that desk already has a call that week: the rule must refuse it
        with pytest.raises(ValidationFailed, match="two visits to one desk"):
            import_plan(hr, pid, path)
        return
    result = import_plan(hr, pid, path)
    assert (result.created, result.updated) == (1, len(before))
    after = {r.id: r for r in visits(hr, pid)}
    assert after[first.id].planned_at.minute == first.planned_at.minute + 1
    assert len(after) == len(before) + 1


def test_a_bad_sheet_is_refused_naming_its_rows(
    ctx: AppContext, planned: tuple[dict[str, int], int], tmp_path: Path
) -> None:
    office, pid = planned
    hr = as_(ctx, office, "hr")
    path = tmp_path / "plan.xlsx"
    export_plan(hr, pid, path)
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.append(["", "BOK", "visit", "DO", "11.11.2026", "10:00", "", "planned", ""])  # holiday
    ws.append(["", "USC", "visit", "DO", "02.11.2026", "16:00", "", "planned", ""])  # closed
    ws.append(["", "BOK", "visit", "DO", "03.11.2026", "10:00", "aud2", "planned", ""])  # own
    ws.append(["", "XYZ", "visit", "", "03.11.2026", "10:00", "", "planned", ""])
    ws.append(["", "BOK", "visit", "", "03.11.2026", "10:00", "", "missed", ""])
    wb.save(path)
    before = visits(hr, pid)
    with pytest.raises(ValidationFailed) as err:
        import_plan(hr, pid, path)
    text = str(err.value)
    n = len(before) + 1
    assert f"row {n + 1}, date: 11.11.2026 is a day off" in text
    assert f"row {n + 2}, time: 16:00 is outside" in text
    assert f"row {n + 3}, auditor: aud2 works or worked in BOK" in text
    assert f"row {n + 4}, unit: 'XYZ'" in text
    assert f"row {n + 5}, reason" in text
    assert "nothing imported" in text
    assert visits(hr, pid) == before


def test_exports_are_the_planners(
    ctx: AppContext, planned: tuple[dict[str, int], int], tmp_path: Path
) -> None:
    office, pid = planned
    for who in ("sup", "a1"):
        with pytest.raises(PermissionDenied):
            export_plan(as_(ctx, office, who), pid, tmp_path / "x.xlsx")
        with pytest.raises(PermissionDenied):
            import_plan(as_(ctx, office, who), pid, tmp_path / "x.xlsx")
    with pytest.raises(PermissionDenied):
        auditor_schedule(as_(ctx, office, "sup"), pid, office["a1"], tmp_path / "s.pdf")
    with pytest.raises(PermissionDenied):
        auditor_schedule(as_(ctx, office, "a1"), pid, office["a2"], tmp_path / "s.pdf")
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "s.pdf").exists()


def test_the_auditor_prints_their_schedule(
    ctx: AppContext, planned: tuple[dict[str, int], int], tmp_path: Path
) -> None:
    office, pid = planned
    a1 = as_(ctx, office, "a1")
    path = tmp_path / "harmonogram.pdf"
    count = auditor_schedule(a1, pid, office["a1"], path)
    assert count == len(visits(a1, pid))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Harmonogram wizyt: Audytor Jeden" in text
    assert "Poufne" in text
    first = visits(a1, pid)[0]
    assert f"{first.planned_at:%d.%m.%Y}" in text
