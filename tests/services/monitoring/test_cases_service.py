"""Importing the EZD case register: encodings, delimiters, XLSX, all-or-nothing with every bad
row named, idempotent re-import and updates by sign, the remembered mapping, roles, reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import reports as cases_reports
from auditdesk.store.models import AuditLogEntry, CaseImportBatch, CaseRecord, User
from dates import TEST_DATES

HEADER = "Znak sprawy;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;Prowadzący"
ROWS = [
    "WKS.5430.1.2025;Rejestracja pojazdu – źrebię;03.03.2025;04.03.2025;bez zwłoki;;Łucja Żółćńska",
    "WKS.5430.2.2025;Wyrejestrowanie pojazdu;2025-03-03;2025-04-08;1 miesiąc;;Paweł Kozłowski",
    "WPN.3120.3.2025;Ulga w podatku;03.03.2025;;2 miesiące;;Grzegorz Szymański",
    "WAB.6740.4.2025;Pozwolenie na budowę;01.04.2025;;szczególny;06.06.2025;Ewa Dąbrowska",
]


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def count(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(CaseRecord)) or 0)


def case(ctx: AppContext, sign: str) -> CaseRecord:
    with ctx.db.session() as s:
        row = s.scalars(select(CaseRecord).where(CaseRecord.sign == sign)).one()
        s.expunge(row)
        return row


def actor(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalars(select(User).where(User.login == login)).one()
        return AppContext(ctx.db, Actor.of(user))


def test_windows_1250_file_with_polish_letters(ctx: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *ROWS], "cp1250")
    result = cases_import.import_cases(ctx, path, as_of=date(2025, 5, 1))
    assert result.encoding == "windows-1250"
    assert (result.rows, result.created) == (4, 4)
    first = case(ctx, "WKS.5430.1.2025")
    assert first.title == "Rejestracja pojazdu – źrebię"
    assert first.handler == "Łucja Żółćńska"
    assert (first.unit_code, first.jrwa, first.days_late) == ("WKS", "5430", 0)
    second = case(ctx, "WKS.5430.2.2025")
    assert (second.due_on, second.days_late, second.days_to_settle) == (date(2025, 4, 3), 5, 36)
    special = case(ctx, "WAB.6740.4.2025")
    assert special.due_on == date(2025, 6, 6) and special.settled_on is None
    with ctx.db.session() as s:
        batch = s.scalars(select(CaseImportBatch)).one()
        assert (batch.file_name, batch.encoding, batch.delimiter) == (
            "spis.csv",
            "windows-1250",
            ";",
        )
        assert batch.created == 4 and len(batch.sha256) == 64
        assert s.scalar(select(AuditLogEntry.id).where(AuditLogEntry.entity == "case_import_batch"))


def test_utf8_with_bom_and_commas(ctx: AppContext, tmp_path: Path) -> None:
    lines = [line.replace(";", ",") for line in [HEADER, *ROWS]]
    path = write(tmp_path / "spis.csv", lines, "utf-8-sig")
    result = cases_import.import_cases(ctx, path)
    assert result.created == 4
    assert case(ctx, "WKS.5430.1.2025").title == "Rejestracja pojazdu – źrebię"


def test_wrong_encoding_given_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *ROWS], "cp1250")
    with pytest.raises(ValidationFailed, match="not in the utf-8 encoding"):
        cases_import.import_cases(ctx, path, encoding="utf-8")
    assert count(ctx) == 0


def test_broken_date_on_line_17_imports_nothing_and_names_it(
    ctx: AppContext, tmp_path: Path
) -> None:
    rows = [f"WKS.5430.{n}.2025;Sprawa {n};03.03.2025;10.03.2025;1 miesiąc;;" for n in range(1, 20)]
    rows[15] = "WKS.5430.16.2025;Sprawa 16;31.02.2025;10.03.2025;1 miesiąc;;"  # line 17
    path = write(tmp_path / "spis.csv", [HEADER, *rows])
    with pytest.raises(cases_import.ImportRejected) as caught:
        cases_import.import_cases(ctx, path)
    problems = caught.value.problems
    assert [(p.line, p.column, p.value) for p in problems] == [(17, "Data wszczęcia", "31.02.2025")]
    assert "line 17, Data wszczęcia: '31.02.2025': not a date" in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert count(ctx) == 0
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseImportBatch)) == 0


def test_the_same_sign_twice_in_a_file_is_a_problem(ctx: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, ROWS[0], ROWS[1], ROWS[0]])
    with pytest.raises(cases_import.ImportRejected, match="line 4, Znak sprawy"):
        cases_import.import_cases(ctx, path)
    assert count(ctx) == 0


def test_reimport_adds_nothing_and_a_newer_export_updates_by_sign(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *ROWS])
    cases_import.import_cases(ctx, path)
    again = cases_import.import_cases(ctx, path)
    assert again.already_imported and again.created == 0
    assert count(ctx) == 4
    newer = [*ROWS]
    newer[2] = "WPN.3120.3.2025;Ulga w podatku;03.03.2025;30.04.2025;2 miesiące;;Grzegorz Szymański"
    newer.append("USC.5360.5.2025;Odpis aktu;05.05.2025;06.05.2025;bez zwłoki;;Zofia Nowak")
    result = cases_import.import_cases(ctx, write(tmp_path / "spis2.csv", [HEADER, *newer]))
    assert (result.created, result.updated, result.unchanged) == (1, 1, 3)
    assert count(ctx) == 5
    settled = case(ctx, "WPN.3120.3.2025")
    assert settled.settled_on == date(2025, 4, 30) and settled.days_late == 0


def test_mapping_is_remembered_by_the_header_row(ctx: AppContext, tmp_path: Path) -> None:
    header = "Nr;Od;Do;Co"
    lines = [header, "WKS.5430.1.2025;03.03.2025;04.03.2025;Rejestracja"]
    path = write(tmp_path / "a.csv", lines)
    preview = cases_import.preview(ctx, path)
    assert preview.mapping_name is None and "sign" not in preview.mapping
    with pytest.raises(ValidationFailed, match="no column is mapped to sign"):
        cases_import.import_cases(ctx, path)
    columns = {"sign": 0, "started_on": 1, "settled_on": 2, "title": 3}
    cases_import.import_cases(ctx, path, columns, remember_as="EZD RP")
    assert cases_import.mapping_names(ctx) == ["EZD RP"]
    later = write(tmp_path / "b.csv", [header, "WKS.5430.2.2025;03.03.2025;;Wymeldowanie"])
    preview = cases_import.preview(ctx, later)
    assert (preview.mapping_name, preview.mapping) == ("EZD RP", columns)
    result = cases_import.import_cases(ctx, later)  # auto: the remembered mapping
    assert result.created == 1
    assert case(ctx, "WKS.5430.2.2025").title == "Wymeldowanie"
    third = write(tmp_path / "c.csv", [header, "WKS.5430.3.2025;04.03.2025;;Inna"])
    assert cases_import.import_cases(ctx, third, "EZD RP").created == 1
    with pytest.raises(NotFound):
        cases_import.import_cases(ctx, third, "nie ma takiego")


def test_xlsx_export(ctx: AppContext, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    sheet.append(
        ["WKS.5430.1.2025", "Rejestracja", date(2025, 3, 3), date(2025, 3, 4), "bez zwłoki"]
    )
    sheet.append(["WKS.5430.2.2025", "Wymeldowanie", "03.03.2025", None, "1 miesiąc"])
    sheet.append(["WKS.5430.3.2025", "Zła data", "3 marca", None, "1 miesiąc"])
    path = tmp_path / "spis.xlsx"
    book.save(path)
    with pytest.raises(cases_import.ImportRejected) as caught:
        cases_import.import_cases(ctx, path)
    assert [p.line for p in caught.value.problems] == [4]
    sheet.delete_rows(4)
    book.save(path)
    assert cases_import.import_cases(ctx, path).created == 2
    assert case(ctx, "WKS.5430.1.2025").settled_on == date(2025, 3, 4)


def test_roles(demo_ctx: AppContext, tmp_path: Path) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *ROWS])
    with pytest.raises(PermissionDenied):
        cases_import.import_cases(actor(demo_ctx, "kierownik.wks"), path)
    with pytest.raises(PermissionDenied):
        cases_reports.timeliness(actor(demo_ctx, "audytor1"))
    assert cases_import.import_cases(actor(demo_ctx, "jakosc"), path).created == 4
    seen = {
        r.unit_code for r in cases_reports.timeliness(actor(demo_ctx, "kierownik.wks"), by="unit")
    }
    assert seen == {"WKS", "WKS-DO"}
    everyone = {r.unit_code for r in cases_reports.timeliness(demo_ctx, by="unit")}
    assert {"WAB", "USC", "BOK", "WPN"} <= everyone


def test_reports(ctx: AppContext, tmp_path: Path) -> None:
    cases_import.import_cases(ctx, write(tmp_path / "spis.csv", [HEADER, *ROWS]))
    rows = cases_reports.timeliness(ctx)
    assert [(r.unit_code, r.period, r.settled, r.on_time, r.late) for r in rows] == [
        ("WKS", "2025-03", 1, 1, 0),
        ("WKS", "2025-04", 1, 0, 1),
    ]
    assert rows[1].avg_days_late == 5.0 and rows[1].avg_days_to_settle == 36.0
    assert rows[0].interval is not None and rows[0].interval[1] == 100.0
    assert cases_reports.timeliness(ctx, date_from=date(2025, 4, 1))[0].period == "2025-04"
    by_class = cases_reports.timeliness(ctx, by="jrwa")
    assert [(r.jrwa, r.settled, r.on_time) for r in by_class] == [("5430", 2, 1)]
    overdue = cases_reports.overdue(ctx, as_of=date(2025, 6, 10))
    # WPN (due 05.05.2025: 3 May is a Saturday and a holiday) and WAB (due 06.06.2025)
    assert [(r.sign, r.due_on, r.days_overdue) for r in overdue] == [
        ("WPN.3120.3.2025", date(2025, 5, 5), 36),
        ("WAB.6740.4.2025", date(2025, 6, 6), 4),
    ]
    summary = cases_reports.summary(ctx, as_of=date(2025, 6, 10))
    assert (summary.total, summary.settled, summary.on_time, summary.open, summary.overdue) == (
        4,
        2,
        1,
        2,
        2,
    )


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_demo_cases_are_seeded_once(demo_ctx: AppContext, today: date) -> None:
    from auditdesk.services.demo import create_demo

    first = count(demo_ctx)
    assert first >= 300
    assert create_demo(demo_ctx).counts.get("cases") == 0
    assert count(demo_ctx) == first
    summary = cases_reports.summary(demo_ctx)
    assert summary.overdue > 0 and summary.settled > summary.on_time
    with demo_ctx.db.session() as s:
        assert (s.scalar(select(func.count()).where(CaseRecord.suspended.is_(True))) or 0) >= 2


def test_a_cancelled_import_leaves_nothing(ctx: AppContext, tmp_path: Path) -> None:
    rows = [f"WKS.5430.{n}.2025;Sprawa;03.03.2025;;1 miesiąc;;" for n in range(1, 1201)]
    path = write(tmp_path / "spis.csv", [HEADER, *rows])
    seen: list[tuple[int, int]] = []

    class Stop(Exception):
        pass

    def check() -> None:
        if len(seen) >= 2:  # part of the cases already written in the transaction
            raise Stop()

    with pytest.raises(Stop):
        cases_import.import_cases(
            ctx, path, on_progress=lambda d, t: seen.append((d, t)), check=check
        )
    assert count(ctx) == 0
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseImportBatch)) == 0
    assert cases_import.import_cases(ctx, path).created == 1200


def test_an_over_long_title_or_handler_is_a_problem_of_its_row_never_cut(
    ctx: AppContext, tmp_path: Path
) -> None:
    """Issue 11: a 100,000-character title was cut to 500 and the handler to 200 with '4 new'."""
    title, handler = "T" * 100_000, "H" * 201
    rows = [*ROWS]
    rows[1] = f"WKS.5430.2.2025;{title};2025-03-03;2025-04-08;1 miesiąc;;{handler}"
    path = write(tmp_path / "spis.csv", [HEADER, *rows])
    with pytest.raises(cases_import.ImportRejected) as caught:
        cases_import.import_cases(ctx, path, remember_as="EZD")
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == [(3, "Tytuł"), (3, "Prowadzący")]
    assert "100000 characters, more than the 500 this field holds" in str(problems[0])
    assert "201 characters, more than the 200" in str(problems[1])
    assert len(problems[0].value) < 100  # shown shortened; the message gives the length
    assert count(ctx) == 0
    assert cases_import.mapping_names(ctx) == []  # a refused import remembers nothing
    rows[1] = f"WKS.5430.2.2025;{title[:500]};2025-03-03;2025-04-08;1 miesiąc;;{handler[:200]}"
    assert cases_import.import_cases(ctx, write(path, [HEADER, *rows])).created == 4
    assert (len(case(ctx, "WKS.5430.2.2025").title), len(case(ctx, "WKS.5430.2.2025").handler)) == (
        500,
        200,
    )
