"""Appraisal services end to end on a real database: the five steps, objections, follow-ups,
feedback, development actions, role rules, team view, exports and protocol data."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services import appraisals as svc
from auditdesk.services.appraisals.overview import (
    due_list,
    export_appraisals,
    reminder,
    team_view,
)
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import (
    Appraisal,
    AuditLogEntry,
    Employee,
    FeedbackNote,
    Office,
    OrgUnit,
    Role,
)
from dates import TEST_DATES


@dataclass
class Org:
    head: int
    manager: int
    other_manager: int
    clerk: int
    clerk2: int
    outsider: int
    sheet: int  # civil-service staff sheet version

    def as_(self, ctx: AppContext, role: Role, employee: int | None, login: str) -> AppContext:
        return AppContext(ctx.db, Actor(100 + (employee or 0), login, role, employee, login))


def build_org(ctx: AppContext) -> Org:
    with ctx.db.session() as s:
        office = Office(name="Urząd Wojewódzki", short_name="UW", sector="civil_service")
        s.add(office)
        s.flush()
        unit = OrgUnit(
            office=office, code="WSO", name="Wydział Spraw Obywatelskich", customer_facing=True
        )
        other = OrgUnit(office=office, code="WI", name="Wydział Infrastruktury")
        s.add_all([unit, other])
        s.flush()

        def emp(first: str, last: str, u: OrgUnit, boss: Employee | None, **kw: object) -> Employee:
            e = Employee(
                unit=u,
                supervisor=boss,
                first_name=first,
                last_name=last,
                position=str(kw.pop("position", "inspektor")),
                employed_since=date(2020, 3, 2),
                **kw,
            )
            s.add(e)
            s.flush()
            return e

        head = emp(
            "Anna",
            "Główna",
            unit,
            None,
            position="dyrektor generalny",
            is_head_of_office=True,
            is_manager=True,
        )
        manager = emp(
            "Piotr", "Kierowniczy", unit, head, position="dyrektor wydziału", is_manager=True
        )
        other_manager = emp(
            "Olga", "Obca", other, head, position="dyrektor wydziału", is_manager=True
        )
        clerk = emp("Ewa", "Urzędnicza", unit, manager, customer_facing=True)
        clerk2 = emp("Jan", "Okienkowy", unit, manager, customer_facing=True)
        outsider = emp("Marek", "Inny", other, other_manager)
        ids = (head.id, manager.id, other_manager.id, clerk.id, clerk2.id, outsider.id)
    choices = svc.sheet_choices(ctx)
    sheet = next(c.version_id for c in choices if c.form_id == "sc-pozostali")
    return Org(*ids, sheet)


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


def boss(ctx: AppContext, org: Org) -> AppContext:
    return org.as_(ctx, Role.SUPERVISOR, org.manager, "p.kierowniczy")


def hr(ctx: AppContext, org: Org) -> AppContext:
    return org.as_(ctx, Role.HR, None, "kadry")


def make_rated(
    ctx: AppContext, org: Org, employee: int, level: str, on: date, start: date = date(2024, 3, 1)
) -> int:
    c = boss(ctx, org)
    a = svc.start_appraisal(c, employee, org.sheet, "periodic", start, on, today=on)
    svc.set_criteria(c, a, ["cele"], {"klient": "Pełna informacja przy pierwszej wizycie."})
    for crit in svc.appraisal_detail(c, a).criteria:
        if crit.selected:
            svc.rate(c, a, crit.code, level, f"Uzasadnienie {crit.code}")
    svc.record_conversation(c, a, on)
    return a


def test_whole_flow_with_upheld_objection_keeps_the_original(ctx: AppContext, org: Org) -> None:
    c = boss(ctx, org)
    a = svc.start_appraisal(
        c,
        org.clerk,
        org.sheet,
        "periodic",
        date(2024, 3, 1),
        date(2026, 3, 2),
        today=date(2026, 3, 2),
    )
    view = svc.appraisal_detail(c, a)
    assert view.record_number == "OC/2026/0001"
    required = [x.code for x in view.criteria if x.required]
    assert "klient" in required  # customer-facing post
    with pytest.raises(ValidationFailed, match="additional"):
        svc.set_criteria(c, a, [])
    chosen = svc.set_criteria(c, a, ["cele", "rozwoj"], {"cele": "Skrócić czas obsługi."})
    assert chosen == [
        "rzetelnosc",
        "wiedza",
        "komunikacja",
        "wspolpraca",
        "klient",
        "cele",
        "rozwoj",
    ]
    for code in chosen:
        svc.rate(c, a, code, "powyzej", "")
    with pytest.raises(ValidationFailed, match="justification"):
        svc.record_conversation(c, a, date(2026, 3, 2))
    for code in chosen:
        svc.rate(
            c,
            a,
            code,
            "powyzej" if code != "klient" else "znacznie-powyzej",
            f"Przykłady z okresu: {code}",
        )
    area = svc.add_development_area(
        c,
        a,
        "Prosty język",
        "Klient rozumie pismo bez dopytywania",
        "Szkolenie",
        date(2026, 9, 30),
        [svc.ActionInput("szkolenie", "Prosty język w urzędzie", date(2026, 6, 30))],
    )
    assert area > 0
    svc.record_conversation(c, a, date(2026, 3, 3))
    view = svc.appraisal_detail(c, a)
    assert view.status == "discussed" and view.overall_score == 4.14  # (6×4 + 5) / 7
    assert view.overall_level == "powyżej oczekiwań" and view.positive
    svc.acknowledge(hr(ctx, org), a, date(2026, 3, 4), "Zapoznałam się.")
    with pytest.raises(ValidationFailed, match="too late"):
        svc.file_objection(c, a, date(2026, 3, 12), "Za nisko.")
    svc.file_objection(c, a, date(2026, 3, 11), "Nie uwzględniono zastępstw.")
    view = svc.appraisal_detail(c, a)
    decision = next(d for d in view.deadlines if d.what == "decision")
    assert decision.value == date(2026, 3, 25) and "14 dni" in decision.rule_pl
    # the appraiser does not decide the objection to their own appraisal
    with pytest.raises(PermissionDenied, match="superior of the appraiser or HR"):
        svc.decide_objection(c, a, "upheld", date(2026, 3, 20), "", "changed")
    director = org.as_(ctx, Role.SUPERVISOR, org.head, "a.glowna")
    with pytest.raises(ValidationFailed, match="too late"):
        svc.decide_objection(director, a, "upheld", date(2026, 3, 26), "", "changed")
    new = svc.decide_objection(director, a, "upheld", date(2026, 3, 20), "Zasadne.", "changed")
    assert new is not None
    original = svc.appraisal_detail(c, a)
    assert original.status == "superseded" and original.overall_score == 4.14
    assert original.objection is not None and original.objection.replacement_id == new
    changed = svc.appraisal_detail(c, new)
    assert changed.status == "draft" and changed.supersedes_record == "OC/2026/0001"
    assert next(x.level_code for x in changed.criteria if x.selected) == "powyzej"
    assert len(changed.areas) == 1 and changed.areas[0].actions[0].kind == "szkolenie"
    svc.rate(c, new, "rzetelnosc", "znacznie-powyzej", "Poprawione po odwołaniu.")
    svc.record_conversation(c, new, date(2026, 3, 23))
    svc.acknowledge(c, new, date(2026, 3, 24))
    assert svc.appraisal_detail(c, new).status == "final"
    with pytest.raises(ValidationFailed, match="labour court"):
        svc.file_objection(c, new, date(2026, 3, 25), "Jeszcze raz.")
    with ctx.db.session() as s:
        actions = s.scalars(
            select(AuditLogEntry.action).where(AuditLogEntry.entity == "appraisal")
        ).all()
    assert {"create", "complete", "acknowledge", "object", "decide"} <= set(actions)


def test_rejected_objection_makes_it_final(ctx: AppContext, org: Org) -> None:
    a = make_rated(ctx, org, org.clerk, "na-poziomie", date(2026, 5, 4))
    svc.acknowledge(hr(ctx, org), a, date(2026, 5, 5))
    svc.file_objection(hr(ctx, org), a, date(2026, 5, 6), "Powód")
    assert svc.decide_objection(hr(ctx, org), a, "rejected", date(2026, 5, 15), "Bez zmian") is None
    view = svc.appraisal_detail(hr(ctx, org), a)
    assert view.status == "final" and view.objection and view.objection.decision == "rejected"


def test_negative_appraisal_sets_the_follow_up_due_6_months_after_reading(
    ctx: AppContext, org: Org
) -> None:
    a = make_rated(ctx, org, org.clerk, "ponizej", date(2025, 8, 29))
    c = boss(ctx, org)
    assert svc.appraisal_detail(c, a).positive is False
    svc.acknowledge(c, a, date(2025, 8, 31))
    with pytest.raises(ValidationFailed, match="still object"):
        svc.close_appraisal(c, a, today=date(2025, 9, 8))
    svc.close_appraisal(c, a, today=date(2025, 9, 9))
    rows = {r.employee_id: r for r in team_view(c, date(2026, 1, 15))}
    row = rows[org.clerk]
    assert row.due == date(2026, 3, 2) and row.due_reason == "follow_up"  # 28.02 is a Saturday
    assert row.status == "due_60" and "sobota" in row.due_rule_pl
    assert rows[org.clerk2].due == date(2022, 3, 2)  # never appraised: from the start of duty
    due = due_list(c, 60, date(2026, 1, 15))
    assert [r.employee_id for r in due] == [org.clerk2, org.clerk]
    follow = svc.start_appraisal(
        c,
        org.clerk,
        org.sheet,
        "follow_up",
        date(2025, 8, 31),
        date(2026, 3, 2),
        today=date(2026, 2, 20),
    )
    assert svc.appraisal_detail(c, follow).kind == "follow_up"
    assert team_view(c, date(2026, 2, 20))[0].status in ("in_progress", "overdue")
    rem = reminder(c, date(2026, 2, 20))
    assert [r.employee_id for r in rem.in_progress] == [org.clerk]
    assert [r.employee_id for r in rem.overdue] == [org.clerk2]


def test_two_negatives_warn_hr_and_two_top_results_flag_promotion(
    ctx: AppContext, org: Org
) -> None:
    c = boss(ctx, org)
    for on in (date(2024, 3, 4), date(2026, 3, 3)):
        a = make_rated(ctx, org, org.clerk, "ponizej", on, date(2022, 3, 1))
        svc.acknowledge(c, a, on)
        b = make_rated(ctx, org, org.clerk2, "znacznie-powyzej", on, date(2022, 3, 1))
        svc.acknowledge(c, b, on)
    rows = {r.employee_id: r for r in team_view(hr(ctx, org), date(2026, 4, 1))}
    assert rows[org.clerk].hr_warning and not rows[org.clerk].promotion
    assert rows[org.clerk2].promotion and not rows[org.clerk2].hr_warning
    assert "stopień" in rows[org.clerk2].streak_pl
    assert [r.employee_id for r in reminder(hr(ctx, org), date(2026, 4, 1)).warnings] == [org.clerk]


def test_feedback_notes_and_open_actions_feed_the_next_appraisal(ctx: AppContext, org: Org) -> None:
    c = boss(ctx, org)
    n1 = svc.add_feedback(
        c, org.clerk, date(2024, 1, 10), "Powitanie klienta", "positive", "Wzorowo.", audit_id=7
    )
    a = make_rated(ctx, org, org.clerk, "na-poziomie", date(2024, 3, 4), date(2022, 3, 1))
    area = svc.add_development_area(
        c,
        a,
        "Obsługa trudnego klienta",
        "",
        "",
        None,
        [
            svc.ActionInput("mentoring", "Dyżur z mentorem"),
            svc.ActionInput("szkolenie", "Deeskalacja"),
        ],
    )
    assert area
    svc.acknowledge(c, a, date(2024, 3, 5))
    svc.add_feedback(c, org.clerk, date(2025, 6, 1), "Brak identyfikatora", "corrective")
    with ctx.db.session() as s:
        assert s.get(FeedbackNote, n1).appraisal_id == a  # pulled into the appraisal
    first = svc.appraisal_detail(c, a).areas[0].actions
    svc.mark_action_done(c, first[0].id, date(2024, 9, 1), "Odbyty")
    nxt = svc.start_appraisal(c, org.clerk, org.sheet, today=date(2026, 3, 1))
    view = svc.appraisal_detail(c, nxt)
    assert view.period_start == date(2024, 3, 4)
    assert [x.description for x in view.open_actions] == ["Deeskalacja"]
    assert [e.title for e in view.evidence if e.kind == "feedback"] == ["Brak identyfikatora"]
    cited = svc.add_feedback(
        c,
        org.clerk,
        date(2025, 7, 1),
        "Tajemniczy klient",
        "corrective",
        "Brak powitania.",
        audit_id=42,
    )
    notes = [e for e in svc.appraisal_detail(c, nxt).evidence if e.ref_id == cited]
    assert notes[0].cites_record == "#42"  # no such audit in this office: the id
    assert [f.appraisal_record for f in svc.feedback_of(c, org.clerk)] == [
        None,
        None,
        "OC/2024/0001",
    ]
    with pytest.raises(ValidationFailed, match="in progress"):
        svc.start_appraisal(c, org.clerk, org.sheet, today=date(2026, 3, 1))


def test_absence_over_a_month_moves_the_due_date(ctx: AppContext, org: Org) -> None:
    c = boss(ctx, org)
    a = make_rated(ctx, org, org.clerk, "na-poziomie", date(2024, 1, 10), date(2022, 1, 1))
    svc.acknowledge(c, a, date(2024, 1, 11))
    svc.add_absence(hr(ctx, org), org.clerk, date(2024, 5, 6), date(2024, 7, 5), "L4")
    row = next(r for r in team_view(c, date(2026, 1, 1)) if r.employee_id == org.clerk)
    assert row.due == date(2026, 3, 12) and "61 dni" in row.due_rule_pl
    with pytest.raises(ValidationFailed, match="before the start"):
        svc.add_absence(c, org.clerk, date(2024, 5, 6), date(2024, 5, 1))


def test_role_rules(ctx: AppContext, org: Org) -> None:
    a = make_rated(ctx, org, org.clerk, "na-poziomie", date(2026, 3, 2))
    auditor = org.as_(ctx, Role.AUDITOR, None, "audytor")
    admin = org.as_(ctx, Role.ADMIN, None, "admin")
    stranger = org.as_(ctx, Role.SUPERVISOR, org.other_manager, "o.obca")
    director = org.as_(ctx, Role.SUPERVISOR, org.head, "a.glowna")
    for who in (auditor, admin, stranger):
        with pytest.raises(PermissionDenied, match="personal data"):
            svc.appraisal_detail(who, a)
        with pytest.raises(PermissionDenied):
            svc.start_appraisal(who, org.clerk2, org.sheet)
        assert team_view(who, date(2026, 3, 3)) == [] or who is stranger
    assert {r.employee_id for r in team_view(stranger, date(2026, 3, 3))} == {org.outsider}
    assert svc.appraisal_detail(director, a).employee == "Ewa Urzędnicza"  # line of supervisors
    assert svc.appraisal_detail(hr(ctx, org), a).record_number
    with pytest.raises(PermissionDenied):
        svc.start_appraisal(hr(ctx, org), org.clerk2, org.sheet)
    with pytest.raises(PermissionDenied):
        svc.add_feedback(stranger, org.clerk, date(2026, 3, 3), "x", "positive")
    assert {r.employee_id for r in team_view(boss(ctx, org), date(2026, 3, 3))} == {
        org.clerk,
        org.clerk2,
    }
    assert len(team_view(hr(ctx, org), date(2026, 3, 3))) == 5  # all but the head of office


def test_export_in_three_formats(ctx: AppContext, org: Org, tmp_path: Path) -> None:
    a = make_rated(ctx, org, org.clerk, "powyzej", date(2026, 3, 2))
    svc.add_development_area(
        boss(ctx, org), a, "Prosty język", "", "", None, [svc.ActionInput("szkolenie", "Kurs")]
    )
    c = boss(ctx, org)
    assert export_appraisals(c, "json", tmp_path / "a.json") == 1
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert data[0]["overall_level"] == "powyżej oczekiwań" and data[0]["positive"] is True
    assert data[0]["ratings"][0]["justification"].startswith("Uzasadnienie")
    assert data[0]["areas"][0]["actions"][0]["kind"] == "szkolenie"
    export_appraisals(c, "csv", tmp_path / "a.csv")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert rows[0]["Pracownik"] == "Ewa Urzędnicza" and rows[0]["Otwarte działania"] == "1"
    export_appraisals(c, "xlsx", tmp_path / "a.xlsx")
    wb = load_workbook(tmp_path / "a.xlsx")
    # issue 15: human headers, machine names in row 2, real dates, scores to one decimal
    assert wb["Oceny"]["B1"].value == "Pracownik" and wb["Oceny"]["B2"].value == "employee"
    assert wb["Oceny"]["B3"].value == "Ewa Urzędnicza"
    names = [c.value for c in wb["Oceny"][2]]
    start = wb["Oceny"].cell(3, names.index("period_start") + 1)
    assert start.is_date and start.number_format == "DD.MM.YYYY"
    score = wb["Oceny"].cell(3, names.index("overall_score") + 1)
    assert isinstance(score.value, int | float) and score.number_format == "0.0"
    assert wb["Kryteria"].max_row == 8  # two header rows + 6 criteria
    export_appraisals(c, "csv", tmp_path / "i.csv", dialect="intl", language="en")
    raw = (tmp_path / "i.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    intl = list(csv.DictReader(raw.decode().splitlines(), delimiter=","))
    assert intl[0]["Employee"] == "Ewa Urzędnicza" and intl[0]["Period from"].startswith("20")
    stranger = org.as_(ctx, Role.SUPERVISOR, org.other_manager, "o.obca")
    assert export_appraisals(stranger, "json", tmp_path / "b.json") == 0
    with ctx.db.session() as s:
        assert s.scalar(select(AuditLogEntry).where(AuditLogEntry.action == "export"))


def test_protocol_data(ctx: AppContext, org: Org) -> None:
    a = make_rated(ctx, org, org.clerk, "ponizej", date(2026, 3, 2))
    c = boss(ctx, org)
    svc.acknowledge(c, a, date(2026, 3, 3), "Nie zgadzam się.")
    svc.file_objection(c, a, date(2026, 3, 9), "Ocena nie uwzględnia zastępstw.")
    p = svc.appraisal_protocol_data(c, a)
    assert p.record_number == "OC/2026/0001" and p.office == "Urząd Wojewódzki"
    assert p.employee == "Ewa Urzędnicza" and p.appraiser == "Piotr Kierowniczy"
    assert len(p.sheet_version_hash) == 64 and p.sheet_name.startswith("Arkusz")
    assert p.criteria[0].rating_label == "poniżej oczekiwań" and p.criteria[0].rating_points == 2
    assert p.overall_level == "poniżej oczekiwań" and p.positive is False
    assert p.acknowledgement and p.acknowledgement.comment == "Nie zgadzam się."
    assert p.objection and p.objection.decision is None
    assert p.next_due == date(2026, 9, 3) and "6 mies." in p.next_due_rule


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_demo_has_two_cycles_an_objection_and_a_follow_up(
    demo_ctx: AppContext, today: date
) -> None:
    from auditdesk.services.demo import create_demo

    with demo_ctx.db.session() as s:
        appraisals = list(s.scalars(select(Appraisal)))
        per_employee: dict[int, int] = {}
        for a in appraisals:
            per_employee[a.employee_id] = per_employee.get(a.employee_id, 0) + 1
        assert max(per_employee.values()) >= 2
        assert sum(1 for a in appraisals if a.objection is not None) == 1
        assert any(a.positive is False for a in appraisals)
        assert s.scalar(select(FeedbackNote.id))
    rows = team_view(demo_ctx)
    assert any(r.due_reason == "follow_up" for r in rows)
    assert any(r.promotion for r in rows)
    assert {"overdue", "due_60", "in_progress"} <= {r.status for r in rows}
    before = len(appraisals)
    create_demo(demo_ctx)
    with demo_ctx.db.session() as s:
        assert len(s.scalars(select(Appraisal)).all()) == before


def test_signed_protocol_locks_the_appraisal(ctx: AppContext, org: Org) -> None:
    from auditdesk.services.protocols import RecordLocked
    from auditdesk.store.models import Protocol

    c = boss(ctx, org)
    a = svc.start_appraisal(c, org.clerk, org.sheet, today=date(2026, 3, 2))
    svc.set_criteria(c, a, ["cele"])
    with ctx.db.session() as s:
        s.add(
            Protocol(
                record_kind="appraisal",
                record_id=a,
                record_number="OC/2026/0001",
                signed=True,
                signed_by="p.kierowniczy",
            )
        )
    with pytest.raises(RecordLocked, match="cannot change"):
        svc.rate(c, a, "cele", "powyzej", "x")
    with pytest.raises(RecordLocked):
        svc.set_criteria(c, a, ["rozwoj"])


def test_editing_a_sheet_changes_only_appraisals_started_afterwards(
    ctx: AppContext, org: Org, tmp_path: Path
) -> None:
    from auditdesk.services.forms import register_forms, shipped_forms_dir

    old = make_rated(ctx, org, org.clerk, "na-poziomie", date(2026, 3, 2))
    assert svc.appraisal_detail(boss(ctx, org), old).overall_level == "na poziomie oczekiwań"
    text = (shipped_forms_dir() / "appraisal" / "sc-pozostali.yaml").read_text(encoding="utf-8")
    edited = tmp_path / "sc-pozostali.yaml"
    # the office raises the cut-off of "meets expectations" from 2.51 to 3.01
    edited.write_text(text.replace("min: 2.51", "min: 3.01"), encoding="utf-8")
    assert not register_forms(ctx, [edited]).errors
    new_version = next(c.version_id for c in svc.sheet_choices(ctx) if c.form_id == "sc-pozostali")
    assert new_version != org.sheet
    c = boss(ctx, org)
    new = svc.start_appraisal(
        c,
        org.clerk2,
        new_version,
        "periodic",
        date(2024, 3, 1),
        date(2026, 3, 2),
        today=date(2026, 3, 2),
    )
    svc.set_criteria(c, new, ["cele"])
    for crit in svc.appraisal_detail(c, new).criteria:
        if crit.selected:
            svc.rate(c, new, crit.code, "na-poziomie", "Uzasadnienie")
    svc.record_conversation(c, new, date(2026, 3, 2))
    assert svc.appraisal_detail(c, new).positive is False  # 3.00 is below the new cut-off
    old_view = svc.appraisal_detail(c, old)
    assert old_view.positive is True and old_view.overall_level == "na poziomie oczekiwań"


def test_audits_of_the_period_are_evidence_and_can_be_cited(demo_ctx: AppContext) -> None:
    from auditdesk.services.audits import audits_of_employee

    with demo_ctx.db.session() as s:
        drafts = list(s.scalars(select(Appraisal).where(Appraisal.status == "draft")))
    view = svc.appraisal_detail(demo_ctx, drafts[0].id)
    found = audits_of_employee(demo_ctx, view.employee_id, view.period_start, view.period_end)
    audits = [e for e in view.evidence if e.kind == "audit"]
    assert len(audits) == len([a for a in found if not a.superseded]) > 0
    first = found[0]
    assert audits[0].title == first.record_no and audits[0].ref_id == first.id
    # codes, named by the window in its language (ui.appraisals.evidence), never Polish text here
    assert (audits[0].channel, audits[0].verdict) == (first.channel, first.verdict)
    note = svc.add_feedback(
        demo_ctx,
        view.employee_id,
        view.period_end,
        "Wynik audytu",
        "positive",
        "Omówiono wynik.",
        audit_id=first.id,
    )
    cited = next(
        e
        for e in svc.appraisal_detail(demo_ctx, view.id).evidence
        if e.ref_id == note and e.kind == "feedback"
    )
    assert cited.cites_record == first.record_no and cited.note_kind == "positive"


def test_local_government_follow_up_no_sooner_than_3_months(ctx: AppContext, org: Org) -> None:
    jst = next(c.version_id for c in svc.sheet_choices(ctx) if c.form_id == "jst-pracownicy")
    c = boss(ctx, org)

    def run(kind: str, start: date, on: date, level: str) -> int:
        a = svc.start_appraisal(c, org.clerk, jst, kind, start, on, today=on)
        svc.set_criteria(c, a, ["inicjatywa"])
        for crit in svc.appraisal_detail(c, a).criteria:
            if crit.selected:
                svc.rate(c, a, crit.code, level, "Uzasadnienie")
        return a

    neg = run("periodic", date(2024, 3, 1), date(2026, 3, 2), "niedostatecznie")
    svc.record_conversation(c, neg, date(2026, 3, 2))
    svc.acknowledge(c, neg, date(2026, 3, 3))
    svc.close_appraisal(c, neg, today=date(2026, 3, 20))
    follow = run("follow_up", date(2026, 3, 3), date(2026, 6, 2), "dobrze")
    with pytest.raises(ValidationFailed, match=r"too early.*03\.06\.2026"):
        svc.record_conversation(c, follow, date(2026, 6, 2))
    svc.record_conversation(c, follow, date(2026, 6, 3))
    assert svc.appraisal_detail(c, follow).positive is True
