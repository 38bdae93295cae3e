"""Demo appraisals: two cycles across the customer-facing units, development areas with actions
(some done), feedback notes (some citing nothing, some pulled into appraisals), an absence that
moves a due date, one objection, one negative result with its follow-up due, one appraisal in
progress and a promotion streak. Dates are relative to the reference day (the context's clock)
so that the statuses stay telling, and the same for the same day.
Idempotent: nothing is added when the office's staff already have appraisals."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.appraisal import overall_result, required_criteria
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.periods import add_months
from auditdesk.services import trail
from auditdesk.services.appraisals.common import SheetChoice, sheet_of, suggest_sheet
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions
from auditdesk.store.models import (
    Absence,
    Appraisal,
    AppraisalRating,
    DevelopmentAction,
    DevelopmentArea,
    Employee,
    FeedbackNote,
    Objection,
    Office,
    OrgUnit,
)

JUSTIFY = {
    "high": "Wyniki tajemniczego klienta i opinie klientów wyraźnie powyżej standardu urzędu.",
    "mid": "Zadania wykonywane zgodnie z oczekiwaniami; pojedyncze uwagi omówione na bieżąco.",
    "low": "Powtarzające się uchybienia, omówione w informacjach zwrotnych, bez poprawy.",
}


def _choices(s: Session) -> list[SheetChoice]:
    out = []
    for v in latest_versions(s, "appraisal"):
        sheet = sheet_of(s, v.id)
        out.append(
            SheetChoice(v.id, v.form_id, v.title, sheet.sector, sheet.applies_to, v.content_hash)
        )
    return out


def seed_demo(session: Session, ctx: AppContext, office: Office) -> dict[str, int]:
    s = session
    staff = list(
        s.scalars(
            select(Employee)
            .join(OrgUnit, Employee.unit_id == OrgUnit.id)
            .where(
                OrgUnit.office_id == office.id,
                Employee.is_manager.is_(False),
                Employee.supervisor_id.is_not(None),
                OrgUnit.customer_facing.is_(True),
            )
            .order_by(Employee.id)
        )
    )
    if not staff:
        return {}
    ids = [e.id for e in staff]
    if s.scalar(select(Appraisal.id).where(Appraisal.employee_id.in_(ids)).limit(1)):
        return {}
    choices = _choices(s)
    if not choices:
        return {}
    today = ctx.clock.today()
    counter = {"appraisals": 0, "development areas": 0, "feedback notes": 0, "absences": 0}
    numbers: dict[int, int] = {}

    def record(on: date) -> str:
        numbers[on.year] = numbers.get(on.year, 0) + 1
        return f"OC/{on.year}/{numbers[on.year]:04d}"

    def make(
        e: Employee,
        months_ago: int,
        grade: str,
        *,
        read_days: int | None = 3,
        status: str = "final",
        kind: str = "periodic",
        areas: int = 1,
        done: bool = False,
        days_later: int = 0,
    ) -> Appraisal:
        choice = suggest_sheet(choices, office.sector, e)
        assert choice is not None
        sheet = sheet_of(s, choice.version_id)
        made = add_months(today, -months_ago) + timedelta(days=days_later)
        codes = required_criteria(sheet, e.customer_facing)
        optional = [c.code for c in sheet.criteria if c.code not in codes]
        codes += optional[: max(sheet.additional.min, 1)]
        levels = _levels(sheet, grade, len(codes))
        ratings = dict(zip(codes, levels, strict=True))
        result = overall_result(sheet, ratings) if status != "draft" else None
        a = Appraisal(
            record_number=record(made),
            employee_id=e.id,
            appraiser_id=e.supervisor_id,
            form_version_id=choice.version_id,
            kind=kind,
            status=status,
            period_start=add_months(made, -24) if kind == "periodic" else add_months(made, -6),
            period_end=made,
            created_by="demo",
            overall_score=result.score if result else None,
            overall_level=result.level.code if result else None,
            positive=result.positive if result else None,
            conversation_on=made if result else None,
            made_on=made if result else None,
            read_on=made + timedelta(days=read_days) if result and read_days is not None else None,
            read_comment="Zapoznałem/am się z oceną." if result and read_days else "",
        )
        s.add(a)
        s.flush()
        for pos, (code, level) in enumerate(ratings.items()):
            filled = status != "draft" or pos < 2
            s.add(
                AppraisalRating(
                    appraisal_id=a.id,
                    criterion_code=code,
                    position=pos,
                    mandatory=code in required_criteria(sheet, e.customer_facing),
                    expectations="Zgodnie z opisem stanowiska i standardami obsługi klienta.",
                    level_code=level if filled else None,
                    points=sheet.scale_level(level).points if filled else None,
                    justification=JUSTIFY[grade] if filled else "",
                )
            )
        for n in range(areas if status != "draft" else 0):
            area = DevelopmentArea(
                appraisal_id=a.id,
                position=n,
                area=[
                    "Prosty język w pismach i rozmowie",
                    "Obsługa klienta trudnego",
                    "Znajomość k.p.a.",
                ][n % 3],
                expected_change="Klient rozumie informację za pierwszym razem.",
                support="Szkolenie wewnętrzne, materiały, czas na samokształcenie.",
                deadline=add_months(made, 6),
            )
            s.add(area)
            s.flush()
            s.add(
                DevelopmentAction(
                    area_id=area.id,
                    kind="szkolenie",
                    description="Szkolenie „Prosty język w urzędzie”",
                    deadline=add_months(made, 3),
                    done_on=add_months(made, 2) if done else None,
                )
            )
            s.add(
                DevelopmentAction(
                    area_id=area.id,
                    kind="mentoring",
                    description="Dyżury z doświadczonym pracownikiem BOK",
                    deadline=add_months(made, 6),
                )
            )
            counter["development areas"] += 1
        counter["appraisals"] += 1
        return a

    def note(
        e: Employee, days_ago: int, topic: str, kind: str, text: str, into: Appraisal | None = None
    ) -> None:
        s.add(
            FeedbackNote(
                employee_id=e.id,
                author_id=e.supervisor_id,
                author_login="demo",
                noted_on=today - timedelta(days=days_ago),
                topic=topic,
                kind=kind,
                text=text,
                appraisal_id=into.id if into else None,
            )
        )
        counter["feedback notes"] += 1

    people = staff + staff  # fewer staff than roles in a tiny office: reuse
    # two cycles, both at a top level: promotion flag; next due in about 22 months
    a1 = make(people[0], 26, "high", done=True)
    make(people[0], 2, "high")
    note(
        people[0],
        70,
        "Pochwała klienta",
        "positive",
        "Klient podziękował na piśmie za wyczerpującą informację.",
        a1,
    )
    # one cycle 23 months less two weeks ago: due in 42–45 days (within 60, not 30) on any day
    make(people[1], 23, "mid", days_later=14)
    # 25 months ago: overdue; an absence of two months moved it (still overdue or due soon)
    make(people[2], 27, "mid")
    s.add(
        Absence(
            employee_id=people[2].id,
            start=add_months(today, -20),
            end=add_months(today, -18),
            reason="zwolnienie lekarskie",
            created_by="demo",
        )
    )
    counter["absences"] += 1
    make(people[3], 25, "mid", areas=2)
    # negative result read four months ago: follow-up due in two months
    make(people[4], 28, "mid", done=True)
    neg = make(people[4], 4, "low", areas=2)
    note(
        people[4],
        150,
        "Niepełna informacja o opłatach",
        "corrective",
        "Klient nie otrzymał informacji o opłacie skarbowej; omówiono listę kontrolną.",
        neg,
    )
    note(
        people[4],
        20,
        "Poprawa w obsłudze",
        "positive",
        "Pełna informacja o dokumentach i terminach w rozmowie z klientem.",
    )
    # an objection, rejected within 14 days
    obj = make(people[5], 1, "mid")
    assert obj.read_on is not None
    s.add(
        Objection(
            appraisal_id=obj.id,
            filed_on=obj.read_on + timedelta(days=5),
            reason="Nie uwzględniono zastępstw w okresie urlopowym.",
            decision="rejected",
            decided_on=obj.read_on + timedelta(days=12),
            decision_reason="Zastępstwa uwzględniono w kryterium współpracy.",
            decided_by="demo",
        )
    )
    # first cycle, then an appraisal in progress (draft with two ratings)
    make(people[6], 24, "mid")
    make(people[6], 0, "mid", status="draft", read_days=None)
    note(
        people[6],
        10,
        "Uprzejmość przy okienku",
        "positive",
        "Wzorowe powitanie i pożegnanie klienta (obserwacja).",
    )
    note(
        people[7 % len(people)],
        5,
        "Identyfikator",
        "corrective",
        "Brak identyfikatora podczas obsługi klienta; przypomniano zasady.",
    )
    # everyone else in the office: one appraisal within the last cycle, so that the team view
    # shows a normal spread of due dates rather than a wall of "never appraised"
    featured = {e.id for e in people[:8]}
    others = s.scalars(
        select(Employee)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(
            OrgUnit.office_id == office.id,
            Employee.supervisor_id.is_not(None),
            Employee.active.is_(True),
        )
        .order_by(Employee.id)
    )
    for i, e in enumerate(x for x in others if x.id not in featured):
        make(e, 3 + (i * 7) % 21, "high" if i % 4 == 0 else "mid", areas=i % 2)
    s.flush()
    trail.record(s, ctx.actor, "create", "appraisal", "demo", after=counter)
    return counter


def _levels(sheet: AppraisalSheet, grade: str, n: int) -> list[str]:
    """Ratings that give a top, middle or negative overall level on any sheet."""
    codes = [lv.code for lv in sorted(sheet.scale, key=lambda lv: -lv.points)]
    top, second, low = codes[0], codes[1], codes[-1]
    mid = codes[len(codes) // 2]
    if grade == "high":
        return [top if i % 3 else second for i in range(n)]
    if grade == "low":
        return [low if i % 4 else mid for i in range(n)]
    return [mid if i % 2 else second for i in range(n)]
