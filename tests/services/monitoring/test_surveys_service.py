"""Survey service: campaigns, typed questionnaires (validated, trail), results in SQL per unit
and period, comparison, roles, and the CSV/XLSX import (encodings, all or nothing, idempotent,
remembered mapping)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.surveys import imports as imp
from auditdesk.store.models import (
    AuditLogEntry,
    Employee,
    Office,
    OrgUnit,
    Role,
    SurveyAnswer,
    SurveyResponse,
)

GOOD = {"wiedza": "5", "informacja": "4", "uprzejmosc": "5", "ogolna_ocena": "4"}


@pytest.fixture
def setup(ctx: AppContext) -> tuple[AppContext, int, dict[str, int]]:
    register_forms(ctx)
    with ctx.db.session() as s:
        office = Office(name="Urząd", short_name="U")
        s.add(office)
        s.flush()
        units = {}
        for code in ("BOK", "USC"):
            unit = OrgUnit(office_id=office.id, code=code, name=f"Wydział {code}")
            s.add(unit)
            s.flush()
            units[code] = unit.id
        boss = Employee(unit_id=units["BOK"], first_name="Anna", last_name="Nowak", position="k")
        s.add(boss)
        s.flush()
        units["boss"] = boss.id
    form = next(f for f in svc.survey_forms(ctx) if f.form_id == "satysfakcja-klienta")
    cid = svc.create_campaign(
        ctx,
        svc.NewCampaign(form.version_id, "Badanie 2026", date(2026, 1, 1), date(2026, 6, 30)),
    )
    return ctx, cid, units


def as_role(ctx: AppContext, role: Role, employee_id: int | None = None) -> AppContext:
    return AppContext(ctx.db, Actor(None, role.value, role, employee_id))


def test_typed_questionnaire_is_checked_stored_and_on_the_trail(setup) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, units = setup
    rid = svc.add_response(
        ctx,
        cid,
        {**GOOD, "oznakowanie": "raczej tak", "uwagi": "Za długa kolejka", "warunki": ""},
        answered_on=date(2026, 2, 3),
        response_no="0001",
        unit_id=units["BOK"],
    )
    row = svc.get_response(ctx, rid)
    assert row.answers["oznakowanie"] == "raczej_tak" and "warunki" not in row.answers
    assert (row.response_no, row.unit_id, row.source) == ("0001", units["BOK"], "paper")
    with pytest.raises(ValidationFailed, match="already entered"):
        svc.add_response(ctx, cid, GOOD, answered_on=date(2026, 2, 3), response_no="0001")
    with pytest.raises(ValidationFailed, match=r"required question.*ogolna_ocena"):
        svc.add_response(ctx, cid, {"wiedza": "5", "informacja": "4", "uprzejmosc": "5"})
    with pytest.raises(ValidationFailed, match=r"question wiedza: the answer .7. is not allowed"):
        svc.add_response(ctx, cid, {**GOOD, "wiedza": "7"})
    with pytest.raises(ValidationFailed, match="outside the campaign period"):
        svc.add_response(ctx, cid, GOOD, answered_on=date(2026, 7, 1))
    svc.update_response(ctx, rid, {**GOOD, "wiedza": "2"})
    assert svc.get_response(ctx, rid).answers["wiedza"] == "2"
    svc.delete_response(ctx, rid)
    with pytest.raises(NotFound):
        svc.get_response(ctx, rid)
    with ctx.db.session() as s:
        actions = [
            (e.action, e.entity)
            for e in s.scalars(
                select(AuditLogEntry).where(AuditLogEntry.entity == "survey_response")
            )
        ]
        assert actions == [
            ("create", "survey_response"),
            ("update", "survey_response"),
            ("delete", "survey_response"),
        ]
        deleted = s.scalar(select(AuditLogEntry).where(AuditLogEntry.action == "delete"))
        assert (
            deleted is not None
            and json.loads(deleted.before_json or "")["answers"]["wiedza"] == "2"
        )
        assert s.scalar(select(func.count(SurveyAnswer.id))) == 0


def test_results_per_unit_and_period_and_comparison(setup) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, units = setup
    for n in range(30):
        good = n < 24
        svc.add_response(
            ctx,
            cid,
            {**GOOD, "ogolna_ocena": "5" if good else "2"},
            answered_on=date(2026, 5, 1 + n % 28),
            unit_id=units["BOK"],
        )
    for n in range(30):
        good = n < 9
        svc.add_response(
            ctx,
            cid,
            {**GOOD, "ogolna_ocena": "4" if good else "1", "oczekiwanie": "3"},
            answered_on=date(2026, 1, 1 + n % 28),
            unit_id=units["USC"],
        )
    everything = svc.results(ctx, svc.ResultsQuery(campaign_id=cid))
    assert everything.responses == 60
    overall = everything.question("ogolna_ocena")
    assert overall.positive is not None and overall.positive.successes == 33
    assert everything.question("oczekiwanie").n == 30  # only the USC ones answered it
    bok = svc.results(ctx, svc.ResultsQuery(campaign_id=cid, unit_id=units["BOK"]))
    assert bok.responses == 30 and bok.question("ogolna_ocena").mean == pytest.approx(4.4)
    january = svc.results(
        ctx,
        svc.ResultsQuery(campaign_id=cid, date_from=date(2026, 1, 1), date_to=date(2026, 1, 31)),
    )
    assert january.responses == 30
    # the same form version across campaigns
    by_form = svc.results(
        ctx, svc.ResultsQuery(form_version_id=svc.list_campaigns(ctx)[0].form_version_id)
    )
    assert by_form.responses == 60
    _a, _b, comparison = svc.compare_periods(
        ctx,
        svc.ResultsQuery(campaign_id=cid),
        (date(2026, 5, 1), date(2026, 5, 31)),
        (date(2026, 1, 1), date(2026, 1, 31)),
    )
    marked = {c.question_id for c in comparison if c.significant}
    assert marked == {"ogolna_ocena"}  # 80 % against 30 %; the rest is equal


def test_roles(setup) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, units = setup
    svc.add_response(ctx, cid, GOOD, answered_on=date(2026, 2, 1), unit_id=units["BOK"])
    svc.add_response(ctx, cid, GOOD, answered_on=date(2026, 2, 1), unit_id=units["USC"])
    auditor = as_role(ctx, Role.AUDITOR)
    with pytest.raises(PermissionDenied):
        svc.list_campaigns(auditor)
    with pytest.raises(PermissionDenied):
        svc.results(auditor, svc.ResultsQuery(campaign_id=cid))
    supervisor = as_role(ctx, Role.SUPERVISOR, units["boss"])
    assert [c.id for c in svc.list_campaigns(supervisor)] == [cid]
    # a supervisor sees only their units' figures, and may not change anything
    assert svc.results(supervisor, svc.ResultsQuery(campaign_id=cid)).responses == 1
    with pytest.raises(PermissionDenied):
        svc.add_response(supervisor, cid, GOOD)
    hr = as_role(ctx, Role.HR)
    assert svc.results(hr, svc.ResultsQuery(campaign_id=cid)).responses == 2
    svc.add_response(hr, cid, GOOD, answered_on=date(2026, 2, 1))
    usc_campaign = svc.create_campaign(
        hr,
        svc.NewCampaign(
            svc.list_campaigns(hr)[0].form_version_id,
            "USC",
            date(2026, 1, 1),
            date(2026, 1, 31),
            unit_id=units["USC"],
        ),
    )
    assert usc_campaign not in [c.id for c in svc.list_campaigns(supervisor)]
    with pytest.raises(PermissionDenied):
        svc.results(supervisor, svc.ResultsQuery(campaign_id=usc_campaign))


HEADER = (
    "Nr ankiety;Data;Komórka;wiedza;informacja;uprzejmosc;ogolna_ocena;oznakowanie;Co poprawić\n"
)
ROWS = [
    "101;03.02.2026;BOK;5;4;5;5;raczej tak;Kolejka\n",
    "102;2026-02-04;USC;3;3;4;3;nie;\n",
    "103;05.02.2026;bok;4;4;4;4;Tak;Więcej miejsc siedzących\n",
]


def write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def mapping() -> dict[str, str]:
    return {
        "Nr ankiety": "@no",
        "Data": "@date",
        "Komórka": "@unit",
        "wiedza": "wiedza",
        "informacja": "informacja",
        "uprzejmosc": "uprzejmosc",
        "ogolna_ocena": "ogolna_ocena",
        "oznakowanie": "oznakowanie",
        "Co poprawić": "uwagi",
    }


def count(ctx: AppContext, cid: int) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).where(SurveyResponse.campaign_id == cid)) or 0)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1250"])
def test_import_csv_in_any_office_encoding_is_idempotent(
    setup, tmp_path: Path, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, units = setup
    path = write_csv(tmp_path / "ankiety.csv", HEADER + "".join(ROWS), encoding)
    report = imp.import_responses(ctx, cid, path, mapping())
    assert (report.rows, report.added, report.already) == (3, 3, 0)
    again = imp.import_responses(ctx, cid, path)  # the mapping is remembered by the header
    assert (again.added, again.already) == (0, 3)
    assert count(ctx, cid) == 3
    rows = {r.response_no: r for r in svc.list_responses(ctx, cid)}
    assert rows["101"].answers["uwagi"] == "Kolejka"
    assert rows["103"].answers["uwagi"] == "Więcej miejsc siedzących"
    assert rows["102"].answered_on == date(2026, 2, 4) and rows["102"].unit_id == units["USC"]
    assert rows["103"].unit_id == units["BOK"] and rows["101"].source == "import"


def test_import_without_numbers_is_idempotent_by_content(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, _units = setup
    text = "wiedza,informacja,uprzejmosc,ogolna_ocena\n5,5,5,5\n5,5,5,5\n3,4,3,4\n"
    path = write_csv(tmp_path / "kiosk.csv", text, "utf-8")
    assert imp.import_responses(ctx, cid, path).added == 3  # two equal rows: two respondents
    assert imp.import_responses(ctx, cid, path).added == 0
    longer = write_csv(tmp_path / "kiosk2.csv", text + "5,5,5,5\n", "utf-8")
    assert imp.import_responses(ctx, cid, longer).added == 1  # the export grew by one


def test_broken_rows_import_nothing_and_are_named(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, _units = setup
    rows = [
        *ROWS,
        "104;31.02.2026;BOK;5;4;5;5;tak;\n",  # no such date
        "105;06.02.2026;XYZ;6;4;5;5;tak;\n",  # unknown unit, scale out of range
        "106;07.02.2026;BOK;5;4;5;;może;\n",  # required missing, unknown answer
    ]
    path = write_csv(tmp_path / "zle.csv", HEADER + "".join(rows), "utf-8")
    with pytest.raises(imp.ImportRejected, match="nothing was imported") as caught:
        imp.import_responses(ctx, cid, path, mapping())
    problems = [(p.line, p.column, p.value) for p in caught.value.problems]
    assert problems == [
        (5, "Data", "31.02.2026"),
        (6, "Komórka", "XYZ"),
        (6, "wiedza", "6"),
        (7, "oznakowanie", "może"),
    ]
    assert "not a date" in str(caught.value.problems[0].message)
    assert count(ctx, cid) == 0
    fixed = write_csv(
        tmp_path / "zle.csv", HEADER + "".join([*ROWS, "106;07.02.2026;BOK;5;4;5;;nie;\n"]), "utf-8"
    )
    with pytest.raises(imp.ImportRejected) as caught:
        imp.import_responses(ctx, cid, fixed, mapping())
    assert [(p.line, p.column) for p in caught.value.problems] == [(5, "ogolna_ocena")]


def test_unreadable_file_and_bad_mapping_are_refused(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, _units = setup
    binary = tmp_path / "zdjecie.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ValidationFailed, match="line 1 contains a NUL byte"):
        imp.import_responses(ctx, cid, binary)
    path = write_csv(tmp_path / "a.csv", HEADER + ROWS[0], "utf-8")
    with pytest.raises(ValidationFailed, match="is not a field of this import"):
        imp.import_responses(ctx, cid, path, {"wiedza": "wiedzaa"})
    with pytest.raises(ValidationFailed, match="more than one column"):
        imp.import_responses(ctx, cid, path, {"wiedza": "wiedza", "informacja": "wiedza"})
    with pytest.raises(ValidationFailed, match="does not have"):
        imp.import_responses(ctx, cid, path, {"Brak": "wiedza"})
    assert count(ctx, cid) == 0


def test_import_xlsx_and_cancel(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, _units = setup
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nr", "Data", "wiedza", "informacja", "uprzejmosc", "ogolna_ocena"])
    for n in range(450):
        sheet.append([n + 1, date(2026, 3, 1 + n % 28), 5, 4, 4, 1 + n % 5])
    path = tmp_path / "ankiety.xlsx"
    book.save(path)

    class Stop(Exception):
        pass

    calls: list[tuple[int, int]] = []

    def stop() -> None:
        if len(calls) >= 2:
            raise Stop

    with pytest.raises(Stop):
        imp.import_responses(ctx, cid, path, progress=lambda d, t: calls.append((d, t)), check=stop)
    assert count(ctx, cid) == 0 and calls[0] == (200, 900)  # reading, then writing
    report = imp.import_responses(ctx, cid, path)  # Nr and Data are recognised by name
    assert report.added == 450
    res = svc.results(ctx, svc.ResultsQuery(campaign_id=cid))
    assert res.question("ogolna_ocena").distribution == {str(v): 90 for v in range(1, 6)}
    assert imp.import_responses(ctx, cid, path).already == 450


def test_import_refused_to_other_roles(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, cid, units = setup
    path = write_csv(tmp_path / "a.csv", HEADER + ROWS[0], "utf-8")
    for role in (Role.AUDITOR, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied):
            imp.import_responses(as_role(ctx, role, units["boss"]), cid, path, mapping())
