"""The indicator register: writes with a trail, corrections of settled entries, roles, the
monthly summary, the deadline watch, research notes, and the import of a complaint register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.indicators import Timeliness
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators
from auditdesk.services.monitoring import research as indicator_research
from auditdesk.services.monitoring.indicators import EntryFilter, EntryInput
from auditdesk.services.monitoring.indicators import imports as indicator_import
from auditdesk.store.models import (
    AuditLogEntry,
    Employee,
    IndicatorCorrection,
    IndicatorEntry,
    IndicatorImportMapping,
    Office,
    OrgUnit,
    Role,
)
from dates import TEST_DATES

TODAY = date(2025, 12, 1)


@pytest.fixture
def org(ctx: AppContext) -> dict[str, int]:
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        bok = OrgUnit(office=office, code="BOK", name="Biuro Obsługi Klienta")
        s.add_all([office, wks, bok])
        s.flush()
        boss = Employee(unit=wks, first_name="Anna", last_name="Żak", position="naczelnik")
        clerk = Employee(
            unit=wks, first_name="Jan", last_name="Łęcki", position="referent", badge="WKS-07"
        )
        s.add_all([boss, clerk])
        s.flush()
        return {"wks": wks.id, "bok": bok.id, "boss": boss.id, "clerk": clerk.id}


def actor(role: Role, employee_id: int | None = None) -> Actor:
    return Actor(1, f"{role.value}-user", role, employee_id)


def as_(ctx: AppContext, role: Role, employee_id: int | None = None) -> AppContext:
    return AppContext(ctx.db, actor(role, employee_id))


def entry(unit: int, reference: str = "SKG.1510.1.2025", **kw: object) -> EntryInput:
    values: dict[str, object] = {
        "reference": reference,
        "kind": "complaint",
        "received_on": date(2025, 10, 11),
        "channel": "letter",
        "unit_id": unit,
        "summary": "Skarga na przewlekłość",
    }
    values.update(kw)
    return EntryInput(**values)  # type: ignore[arg-type]


def trail_actions(ctx: AppContext, entity: str) -> list[str]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditLogEntry.action)
                .where(AuditLogEntry.entity == entity)
                .order_by(AuditLogEntry.id)
            )
        )


def test_register_computes_the_deadline_and_records_the_trail(
    ctx: AppContext, org: dict[str, int]
) -> None:
    hr = as_(ctx, Role.HR)
    entry_id = indicators.register_entry(hr, entry(org["wks"]), today=TODAY)
    row = indicators.get_entry(hr, entry_id, today=TODAY)
    assert row.due_on == date(2025, 11, 12)  # 11.11 is a holiday
    assert "Święto Niepodległości" in row.due_rule
    assert row.timeliness == Timeliness.OPEN_OVERDUE
    assert row.days_late == 19
    assert trail_actions(ctx, "indicator_entry") == ["create"]


def test_representative_complaint_has_14_days(ctx: AppContext, org: dict[str, int]) -> None:
    entry_id = indicators.register_entry(
        ctx, entry(org["wks"], received_on=date(2025, 11, 10), from_representative=True), TODAY
    )
    assert indicators.get_entry(ctx, entry_id, TODAY).due_on == date(2025, 11, 24)


def test_a_request_from_a_representative_has_14_days(ctx: AppContext, org: dict[str, int]) -> None:
    """KPA art. 247 with art. 237 §2: the representative's flag is kept for a request too."""
    entry_id = indicators.register_entry(
        ctx,
        entry(
            org["wks"],
            "WNS.1510.1.2025",
            kind="request",
            received_on=date(2025, 11, 10),
            from_representative=True,
        ),
        TODAY,
    )
    row = indicators.get_entry(ctx, entry_id, TODAY)
    assert row.due_on == date(2025, 11, 24) and "art. 247" in row.due_rule


def test_a_complaint_passed_on_has_7_days(ctx: AppContext, org: dict[str, int]) -> None:
    entry_id = indicators.register_entry(
        ctx, entry(org["wks"], received_on=date(2025, 11, 3)), TODAY
    )
    assert indicators.get_entry(ctx, entry_id, TODAY).due_on == date(2025, 12, 3)
    indicators.settle_entry(ctx, entry_id, date(2025, 11, 12), "passed_on", today=TODAY)
    row = indicators.get_entry(ctx, entry_id, TODAY)
    assert row.due_on == date(2025, 11, 10) and "art. 231" in row.due_rule
    assert row.timeliness == Timeliness.LATE and row.days_late == 2


def test_reference_is_unique_and_input_is_checked(ctx: AppContext, org: dict[str, int]) -> None:
    indicators.register_entry(ctx, entry(org["wks"]), TODAY)
    with pytest.raises(ValidationFailed, match="already in the register"):
        indicators.register_entry(ctx, entry(org["bok"]), TODAY)
    with pytest.raises(ValidationFailed, match="needs an outcome"):
        indicators.register_entry(
            ctx, entry(org["wks"], "X/2", settled_on=date(2025, 10, 20)), TODAY
        )
    with pytest.raises(ValidationFailed, match="before it was received"):
        indicators.register_entry(
            ctx,
            entry(org["wks"], "X/3", settled_on=date(2025, 10, 1), outcome="justified"),
            TODAY,
        )
    with pytest.raises(ValidationFailed, match="lies in the future"):
        indicators.register_entry(
            ctx, entry(org["wks"], "X/4", received_on=date(2026, 1, 5)), TODAY
        )


def test_settling_and_correcting_a_settled_entry(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    entry_id = indicators.register_entry(hr, entry(org["wks"]), TODAY)
    indicators.settle_entry(hr, entry_id, date(2025, 11, 12), "unjustified", today=TODAY)
    row = indicators.get_entry(hr, entry_id, TODAY)
    assert row.timeliness == Timeliness.ON_TIME and row.outcome == "unjustified"
    # a settled entry cannot be reopened silently
    with pytest.raises(ValidationFailed, match="give its reason"):
        indicators.edit_entry(
            hr, entry_id, replace(row.as_input(), settled_on=None, outcome=None), today=TODAY
        )
    assert indicators.get_entry(hr, entry_id, TODAY).settled_on == date(2025, 11, 12)
    indicators.settle_entry(
        hr, entry_id, date(2025, 11, 14), "partly", reason="wrong date copied", today=TODAY
    )
    row = indicators.get_entry(hr, entry_id, TODAY)
    assert row.timeliness == Timeliness.LATE and row.outcome == "partly"
    with ctx.db.session() as s:
        correction = s.scalars(select(IndicatorCorrection)).one()
        assert correction.reason == "wrong date copied"
        assert '"settled_on": "2025-11-12"' in correction.before_json
        assert '"settled_on": "2025-11-14"' in correction.after_json
    assert trail_actions(ctx, "indicator_entry") == ["create", "update", "correct"]
    assert len(indicators.corrections(hr, entry_id)) == 1


def test_roles(ctx: AppContext, org: dict[str, int]) -> None:
    indicators.register_entry(ctx, entry(org["wks"], "A/1"), TODAY)
    indicators.register_entry(ctx, entry(org["bok"], "B/1"), TODAY)
    with pytest.raises(PermissionDenied):
        indicators.register_entry(as_(ctx, Role.SUPERVISOR, org["boss"]), entry(org["wks"]), TODAY)
    with pytest.raises(PermissionDenied):
        indicators.list_entries(as_(ctx, Role.AUDITOR))
    with pytest.raises(PermissionDenied):
        indicator_research.list_notes(as_(ctx, Role.AUDITOR))
    sup = as_(ctx, Role.SUPERVISOR, org["boss"])
    assert [r.reference for r in indicators.list_entries(sup, today=TODAY)] == ["A/1"]
    assert {r.unit_code for r in indicators.monthly_summary(sup, today=TODAY).rows} == {"WKS"}
    b_id = indicators.list_entries(ctx, EntryFilter(unit_id=org["bok"]))[0].id
    with pytest.raises(PermissionDenied):
        indicators.get_entry(sup, b_id)
    with pytest.raises(PermissionDenied):
        indicator_import.preview(sup, Path("x.csv"))


def test_filters_summary_and_deadline_watch(ctx: AppContext, org: dict[str, int]) -> None:
    w, b = org["wks"], org["bok"]
    add = lambda data: indicators.register_entry(ctx, data, TODAY)  # noqa: E731
    add(
        entry(
            w,
            "1",
            received_on=date(2025, 10, 1),
            settled_on=date(2025, 10, 20),
            outcome="justified",
        )
    )
    add(
        entry(
            w,
            "2",
            received_on=date(2025, 10, 2),
            settled_on=date(2025, 11, 20),
            outcome="unjustified",
        )
    )
    add(entry(w, "3", received_on=date(2025, 10, 6)))  # due 6.11: open, overdue
    add(entry(b, "4", received_on=date(2025, 11, 3)))  # due 3.12: nearing
    add(entry(b, "5", received_on=date(2025, 11, 28)))  # due 29.12: open, not near
    add(entry(b, "6", kind="praise", received_on=date(2025, 11, 5)))
    add(
        entry(
            b,
            "7",
            kind="grievance",
            received_on=date(2025, 11, 5),
            settled_on=date(2025, 11, 6),
            outcome="passed_on",
        )
    )
    assert indicators.count_entries(ctx, EntryFilter(state="overdue"), TODAY) == 1
    assert indicators.count_entries(ctx, EntryFilter(state="open"), TODAY) == 4
    assert indicators.count_entries(ctx, EntryFilter(kind="praise")) == 1
    assert indicators.count_entries(ctx, EntryFilter(date_from=date(2025, 11, 1))) == 4
    assert len(indicators.list_entries(ctx, limit=2, offset=6)) == 1
    watch = indicators.deadline_watch(ctx, TODAY)
    assert [r.reference for r in watch] == ["3", "4"]
    assert watch[0].timeliness == Timeliness.OPEN_OVERDUE and watch[1].timeliness == Timeliness.OPEN
    summary = indicators.monthly_summary(ctx, today=TODAY)
    by = {(r.month_label, r.unit_code, r.kind): r for r in summary.rows}
    october = by[("2025-10", "WKS", "complaint")]
    assert (october.received, october.settled, october.on_time, october.late) == (3, 2, 1, 1)
    assert october.open_overdue == 1 and october.justified == 1 and october.unjustified == 1
    assert by[("2025-11", "BOK", "praise")].with_deadline == 0
    assert summary.received == 7 and summary.open_overdue == 1
    assert (summary.shares.on_time.successes, summary.shares.on_time.n) == (2, 3)
    assert (summary.shares.justified.successes, summary.shares.justified.n) == (1, 2)
    only_bok = indicators.monthly_summary(ctx, date(2025, 11, 1), date(2025, 11, 30), b, TODAY)
    assert {r.unit_code for r in only_bok.rows} == {"BOK"} and only_bok.received == 4


def test_research_notes_with_actions(ctx: AppContext, org: dict[str, int]) -> None:
    hr = as_(ctx, Role.HR)
    data = indicator_research.NoteData(
        method="focus_group",
        held_on=date(2025, 10, 1),
        topic="Obsługa w WKS",
        participants=8,
        unit_ids=(org["wks"],),
        findings="Kolejki",
        recommendations="Rezerwacja wizyt",
        actions=(
            indicator_research.ActionData("Rezerwacja online", "Naczelnik", date(2025, 11, 1)),
            indicator_research.ActionData("Monitor w poczekalni", "Informatyk", date(2026, 1, 1)),
        ),
    )
    note_id = indicator_research.save_note(hr, data)
    rows = indicator_research.list_notes(hr, TODAY)
    assert rows[0].unit_codes == "WKS" and rows[0].actions_open == 2
    assert rows[0].actions_overdue == 1
    stored = indicator_research.get_note(hr, note_id)
    first = stored.actions[0]
    assert first.id is not None
    indicator_research.mark_action_done(hr, first.id, date(2025, 11, 5))
    assert indicator_research.list_notes(hr, TODAY)[0].actions_open == 1
    stored = indicator_research.get_note(hr, note_id)
    indicator_research.save_note(
        hr,
        replace(stored, actions=stored.actions[:1]),
        note_id,
    )
    assert len(indicator_research.get_note(hr, note_id).actions) == 1
    with pytest.raises(ValidationFailed, match="not one of"):
        indicator_research.save_note(hr, indicator_research.NoteData("survey", TODAY, "x"))
    indicator_research.delete_note(hr, note_id)
    with pytest.raises(NotFound):
        indicator_research.get_note(hr, note_id)
    assert trail_actions(ctx, "research_note") == ["create", "update", "delete"]


# --- import ---------------------------------------------------------------------------------------

HEADER = (
    "Znak;Rodzaj;Data wpływu;Sposób wpływu;Jednostka;Pracownik;Treść;"
    "Poseł/senator/radny;Data załatwienia;Sposób załatwienia"
)
ROWS = [
    "SK.1510.1.2025;skarga;14.10.2025;pismo;WKS;Jan Łęcki;Skarga na opieszałość – źle;nie;"
    "10.11.2025;bezzasadna",
    "SK.1510.2.2025;skarga;2025-11-10;ePUAP;BOK;;Radny pyta o kolejki;tak;;",
    "ZA.1510.1.2025;zażalenie;03.11.2025;e-mail;Wydział Komunikacji;WKS-07;"
    "Zażalenie na postanowienie;;20.11.2025;częściowo zasadna",
    "PO.1.2025;pochwała;05.11.2025;osobiście;BOK;;Podziękowanie za pomoc;;;",
]


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def count(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count(IndicatorEntry.id))) or 0)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1250"])
def test_import_happy_path_in_every_encoding(
    ctx: AppContext, org: dict[str, int], tmp_path: Path, encoding: str
) -> None:
    path = write_csv(tmp_path / "rejestr.csv", [HEADER, *ROWS], encoding)
    report = indicator_import.import_register(ctx, path, today=TODAY)
    assert (report.rows, report.added, report.already_present) == (4, 4, 0)
    rows = {r.reference: r for r in indicators.list_entries(ctx, today=TODAY)}
    first = rows["SK.1510.1.2025"]
    assert first.summary == "Skarga na opieszałość – źle"
    assert first.employee_id == org["clerk"] and first.outcome == "unjustified"
    assert first.due_on == date(2025, 11, 14) and first.timeliness == Timeliness.ON_TIME
    mp = rows["SK.1510.2.2025"]
    assert mp.from_representative and mp.channel == "epuap" and mp.due_on == date(2025, 11, 24)
    grievance = rows["ZA.1510.1.2025"]
    assert grievance.kind == "grievance" and grievance.unit_id == org["wks"]
    assert grievance.employee_id == org["clerk"] and grievance.outcome == "partly"
    assert rows["PO.1.2025"].kind == "praise" and rows["PO.1.2025"].channel == "in_person"
    assert trail_actions(ctx, "indicator_register") == ["import"]


def test_import_is_idempotent(ctx: AppContext, org: dict[str, int], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "rejestr.csv", [HEADER, *ROWS])
    indicator_import.import_register(ctx, path, today=TODAY)
    again = indicator_import.import_register(ctx, path, today=TODAY)
    assert (again.added, again.already_present) == (0, 4)
    assert count(ctx) == 4


def test_broken_rows_import_nothing_and_are_named(
    ctx: AppContext, org: dict[str, int], tmp_path: Path
) -> None:
    broken = [
        ROWS[0],
        "SK.1510.9.2025;skarga;31.02.2025;pismo;WKS;;x;nie;;",
        "SK.1510.10.2025;skarga;01.10.2025;gołąb pocztowy;XYZ;;x;nie;;",
        ROWS[0],
    ]
    path = write_csv(tmp_path / "rejestr.csv", [HEADER, *broken])
    with pytest.raises(indicator_import.ImportRejected) as caught:
        indicator_import.import_register(ctx, path, today=TODAY)
    problems = caught.value.problems
    where = [(p.line, p.column, p.value) for p in problems]
    assert (3, "Data wpływu", "31.02.2025") in where
    assert (4, "Sposób wpływu", "gołąb pocztowy") in where
    assert (4, "Jednostka", "XYZ") in where
    assert (5, "Znak", "SK.1510.1.2025") in where
    assert "4 value(s) in 3 row(s) could not be read; nothing was imported" in str(caught.value)
    assert "line 3, Data wpływu: '31.02.2025': not a date" in caught.value.report()
    assert count(ctx) == 0


def test_wrong_encoding_is_refused(ctx: AppContext, org: dict[str, int], tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    path.write_bytes(("\n".join([HEADER, *ROWS])).encode("utf-16"))
    with pytest.raises(ValidationFailed, match="not a text file in UTF-8 or Windows-1250"):
        indicator_import.import_register(ctx, path, today=TODAY)
    assert count(ctx) == 0


def test_mapping_is_remembered_by_header(
    ctx: AppContext, org: dict[str, int], tmp_path: Path
) -> None:
    lines = [
        "L.p.,Sygn.,Wpłynęło dnia,Komórka org.,Opis",
        "1,Z/1,01.10.2025,WKS,a",
        "2,Z/2,02.10.2025,BOK,b",
    ]
    path = write_csv(tmp_path / "export.csv", lines)
    with pytest.raises(ValidationFailed, match="no column is mapped to reference"):
        indicator_import.import_register(ctx, path, today=TODAY)
    mapping = indicator_import.parse_mapping(
        "Sygn.=reference,Wpłynęło dnia=received_on,Komórka org.=unit,Opis=summary"
    )
    report = indicator_import.import_register(ctx, path, mapping, today=TODAY)
    assert report.added == 2
    other = write_csv(tmp_path / "next.csv", [lines[0], "1,Z/3,03.10.2025,WKS,c"])
    preview = indicator_import.preview(ctx, other)
    assert preview.remembered and preview.mapping == mapping
    assert indicator_import.import_register(ctx, other, today=TODAY).added == 1
    with pytest.raises(ValidationFailed, match="does not have"):
        indicator_import.import_register(ctx, other, {"Nope": "reference"}, today=TODAY)


def test_import_xlsx(ctx: AppContext, org: dict[str, int], tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Znak", "Data wpływu", "Jednostka", "Data załatwienia", "Sposób załatwienia"])
    sheet.append(["X/1", date(2025, 10, 1), "WKS", date(2025, 10, 30), "zasadna"])
    sheet.append(["X/2", "02.10.2025", "BOK", None, None])
    path = tmp_path / "rejestr.xlsx"
    book.save(path)
    report = indicator_import.import_register(ctx, path, today=TODAY)
    assert (report.added, report.encoding) == (2, "xlsx")
    row = indicators.list_entries(ctx, EntryFilter(unit_id=org["wks"]), today=TODAY)[0]
    assert row.received_on == date(2025, 10, 1) and row.outcome == "justified"


def test_import_cancel_leaves_nothing(ctx: AppContext, org: dict[str, int], tmp_path: Path) -> None:
    lines = [HEADER] + [f"S/{n};skarga;01.10.2025;pismo;WKS;;x;nie;;" for n in range(1200)]
    path = write_csv(tmp_path / "duzy.csv", lines)
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:  # pressed once the first 500 rows are written
        return any(done > total // 2 for done, total in seen)

    with pytest.raises(indicator_import.ImportCancelled):
        indicator_import.import_register(
            ctx,
            path,
            on_progress=lambda d, t: seen.append((d, t)),
            cancelled=cancelled,
            today=TODAY,
        )
    assert seen[-1] == (1200 + 500, 2400)  # reading done, 500 rows written, then cancelled
    assert count(ctx) == 0


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_demo_seeder_is_idempotent(demo_ctx: AppContext, today: date) -> None:
    from auditdesk.services.demo import create_demo

    first = count(demo_ctx)
    assert first >= 40
    watch = indicators.deadline_watch(demo_ctx)
    assert any(r.timeliness == Timeliness.OPEN_OVERDUE for r in watch)
    summary = indicators.monthly_summary(demo_ctx)
    assert sum(r.late for r in summary.rows) >= 2
    assert len({r.unit_code for r in summary.rows}) >= 4
    assert len({r.month_label for r in summary.rows}) >= 6
    assert len(indicator_research.list_notes(demo_ctx)) == 2
    report = create_demo(demo_ctx)
    assert report.counts.get("indicator_entries") == 0
    assert count(demo_ctx) == first


def test_a_refused_import_does_not_remember_its_mapping(
    ctx: AppContext, org: dict[str, int], tmp_path: Path
) -> None:
    """Issue 11: a refused import ("nothing was imported") still saved its column mapping."""
    lines = ["Sygn.,Wpłynęło dnia,Komórka org.", "Z/1,wczoraj,WKS"]
    path = write_csv(tmp_path / "export.csv", lines)
    mapping = {"Sygn.": "reference", "Wpłynęło dnia": "received_on", "Komórka org.": "unit"}
    with pytest.raises(indicator_import.ImportRejected):
        indicator_import.import_register(ctx, path, mapping, today=TODAY)
    assert indicator_import.remembered_mapping(ctx, lines[0].split(",")) is None
    assert not indicator_import.preview(ctx, path).remembered
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorImportMapping)) == 0
