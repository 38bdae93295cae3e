"""Periodic appraisals: the five steps, objections, development actions, feedback notes and
absences. Team views, due lists, reminders and exports are in `appraisal_overview`.

The steps: (1) agree criteria and expectations → (2) rate each criterion with a justification →
(3) development areas for the IPRZ → (4) the appraisal conversation (the sheet is made; status
"discussed") → (5) the employee reads it ("acknowledged") or objects within the objection period
("objected"), decided within the decision period: rejected → "final"; upheld → the appraisal is
"superseded" (kept as it was) and a new one, changed or redone, replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.appraisal import (
    MADE_STATUSES,
    AppraisalKind,
    AppraisalStatus,
    PastAppraisal,
    check_decision_date,
    check_objection_date,
    decision_deadline,
    follow_up_earliest,
    next_due,
    objection_deadline,
    optional_criteria,
    overall_result,
    required_criteria,
    select_criteria,
)
from auditdesk.domain.appraisal_protocol import (
    AppraisalProtocolData,
    ProtocolAcknowledgement,
    ProtocolAction,
    ProtocolCriterion,
    ProtocolDevelopmentArea,
    ProtocolObjection,
)
from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.periods import ComputedDate, Span, fmt
from auditdesk.services import trail
from auditdesk.services.appraisal_access import (
    require_absences,
    require_decide,
    require_manage,
    require_read,
    require_record,
)
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions, load_version, register_forms
from auditdesk.store.models import (
    Absence,
    Appraisal,
    AppraisalRating,
    DevelopmentAction,
    DevelopmentArea,
    Employee,
    FeedbackNote,
    FormVersion,
    Objection,
)

KIND_LABELS = {"periodic": "okresowa", "follow_up": "kolejna po ocenie negatywnej"}
STATUS_LABELS = {
    "draft": "w przygotowaniu",
    "discussed": "po rozmowie",
    "acknowledged": "przyjęta do wiadomości",
    "objected": "odwołanie",
    "final": "ostateczna",
    "superseded": "zastąpiona po odwołaniu",
}
DECISION_LABELS = {"upheld": "odwołanie uwzględnione", "rejected": "odwołanie nieuwzględnione"}
IN_PROGRESS = frozenset({"draft", "discussed", "objected"})


def _today(today: date | None) -> date:
    return today or date.today()


def sheet_of(
    session: Session, version_id: int, cache: dict[int, AppraisalSheet] | None = None
) -> AppraisalSheet:
    """The sheet exactly as stored with the appraisal (never the current file)."""
    if cache is not None and version_id in cache:
        return cache[version_id]
    definition = load_version(session, version_id).definition
    if not isinstance(definition, AppraisalSheet):
        raise ValidationFailed(f"form version #{version_id} is not an appraisal sheet")
    if cache is not None:
        cache[version_id] = definition
    return definition


def _load(session: Session, appraisal_id: int) -> Appraisal:
    a = session.get(Appraisal, appraisal_id)
    if a is None:
        raise NotFound(f"appraisal #{appraisal_id} does not exist")
    return a


def _employee(session: Session, employee_id: int) -> Employee:
    emp = session.get(Employee, employee_id)
    if emp is None:
        raise NotFound(f"employee #{employee_id} does not exist")
    return emp


def _unlocked(session: Session, a: Appraisal) -> None:
    """A signed protocol locks steps 1–5's content: the conversation's result and the reading
    stay as signed. Objections, decisions and tracking IPRZ actions remain possible: they are
    recorded beside the signed appraisal, never inside it."""
    from auditdesk.services.protocols import require_unlocked

    require_unlocked(session, "appraisal", a.id)


def _need(a: Appraisal, statuses: Sequence[str], doing: str) -> None:
    if a.status not in statuses:
        raise ValidationFailed(
            f"appraisal {a.record_number} is {STATUS_LABELS.get(a.status, a.status)} "
            f"({a.status}); cannot {doing} now"
        )


def _state(a: Appraisal) -> dict[str, Any]:
    return {
        "record": a.record_number,
        "status": a.status,
        "score": a.overall_score,
        "level": a.overall_level,
        "positive": a.positive,
        "conversation_on": a.conversation_on,
        "read_on": a.read_on,
    }


# --- sheets ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetChoice:
    version_id: int
    form_id: str
    title: str
    sector: str
    applies_to: str
    content_hash: str


def sheet_choices(ctx: AppContext) -> list[SheetChoice]:
    """The newest version of every appraisal sheet (registering the shipped ones if none is)."""
    with ctx.db.session() as s:
        versions = latest_versions(s, "appraisal")
    if not versions:
        register_forms(ctx)
    with ctx.db.session() as s:
        out = []
        for v in latest_versions(s, "appraisal"):
            sheet = sheet_of(s, v.id)
            out.append(
                SheetChoice(
                    v.id, v.form_id, v.title, sheet.sector, sheet.applies_to, v.content_hash
                )
            )
        return out


def suggest_sheet(
    choices: Sequence[SheetChoice], sector: str, employee: Employee
) -> SheetChoice | None:
    """The sheet of the office's sector for the post: head of office, manager or other staff."""
    post = (
        "head_of_office"
        if employee.is_head_of_office
        else "manager"
        if employee.is_manager
        else "staff"
    )
    same = [c for c in choices if c.sector == sector] or list(choices)
    for wanted in (post, "any", "staff"):
        for c in same:
            if c.applies_to == wanted:
                return c
    return same[0] if same else None


# --- history and due dates ---------------------------------------------------------------------


def made_history(appraisals: Sequence[Appraisal]) -> list[PastAppraisal]:
    """Appraisals that count for due dates and streaks: made, rated, not superseded."""
    out = []
    for a in appraisals:
        if a.status in MADE_STATUSES and a.made_on and a.positive is not None and a.overall_level:
            out.append(
                PastAppraisal(
                    a.made_on, a.positive, a.overall_level, a.read_on, AppraisalKind(a.kind)
                )
            )
    return out


def spans(absences: Sequence[Absence]) -> list[Span]:
    return [Span(x.start, x.end) for x in absences]


# --- step 0: start -----------------------------------------------------------------------------


def _next_record_number(session: Session, year: int) -> str:
    prefix = f"OC/{year}/"
    last = session.scalar(
        select(func.max(Appraisal.record_number)).where(Appraisal.record_number.like(f"{prefix}%"))
    )
    n = int(last.rsplit("/", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def start_appraisal(
    ctx: AppContext,
    employee_id: int,
    form_version_id: int,
    kind: str = "periodic",
    period_start: date | None = None,
    period_end: date | None = None,
    *,
    appraiser_id: int | None = None,
    today: date | None = None,
) -> int:
    """Creates a draft. The period defaults to: from the previous appraisal (or the start of
    duty) to the due date, or to today when made early."""
    day = _today(today)
    if kind not in KIND_LABELS:
        raise ValidationFailed(f"appraisal kind {kind!r}: use one of {', '.join(KIND_LABELS)}")
    with ctx.db.session() as s:
        emp = _employee(s, employee_id)
        require_manage(s, ctx.actor, employee_id)
        version = s.get(FormVersion, form_version_id)
        if version is None or version.kind != "appraisal":
            raise NotFound(f"appraisal sheet version #{form_version_id} does not exist")
        sheet = sheet_of(s, form_version_id)
        mine = list(s.scalars(select(Appraisal).where(Appraisal.employee_id == employee_id)))
        open_one = [a for a in mine if a.status in ("draft", "discussed", "objected")]
        if open_one:
            raise ValidationFailed(
                f"{emp.full_name} already has appraisal {open_one[0].record_number} in progress; "
                "finish it first"
            )
        history = made_history(mine)
        if period_start is None:
            period_start = max((h.made_on for h in history), default=emp.employed_since or day)
        if period_end is None:
            due = next_due(sheet, history, emp.employed_since, spans(_absences(s, employee_id)))
            # the period runs to the due date, or to today when the appraisal is made early
            period_end = min(due.date.value, day) if due else day
        if period_end < period_start:
            raise ValidationFailed(
                f"the period ends ({fmt(period_end)}) before it starts ({fmt(period_start)})"
            )
        appraiser = appraiser_id or ctx.actor.employee_id or emp.supervisor_id
        if appraiser is None:
            raise ValidationFailed(
                f"{emp.full_name} has no direct superior recorded; set the supervisor first"
            )
        a = Appraisal(
            record_number=_next_record_number(s, day.year),
            employee_id=employee_id,
            appraiser_id=appraiser,
            form_version_id=form_version_id,
            kind=kind,
            status=AppraisalStatus.DRAFT.value,
            period_start=period_start,
            period_end=period_end,
            created_by=ctx.actor.login,
        )
        s.add(a)
        s.flush()
        required = required_criteria(sheet, emp.customer_facing)
        for pos, code in enumerate(required):
            s.add(AppraisalRating(appraisal_id=a.id, criterion_code=code, position=pos))
        trail.record(
            s,
            ctx.actor,
            "create",
            "appraisal",
            a.id,
            after=_state(a)
            | {
                "employee_id": employee_id,
                "sheet": version.form_id,
                "kind": kind,
                "period": [period_start, period_end],
            },
        )
        return a.id


def _absences(s: Session, employee_id: int) -> list[Absence]:
    return list(s.scalars(select(Absence).where(Absence.employee_id == employee_id)))


# --- step 1: criteria and expectations ---------------------------------------------------------


def set_criteria(
    ctx: AppContext,
    appraisal_id: int,
    additional: Sequence[str],
    expectations: dict[str, str] | None = None,
) -> list[str]:
    """Mandatory criteria plus the chosen additional ones, with the agreed expectations."""
    expectations = expectations or {}
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _need(a, ["draft"], "change the criteria")
        _unlocked(s, a)
        sheet = sheet_of(s, a.form_version_id)
        emp = _employee(s, a.employee_id)
        chosen = select_criteria(sheet, emp.customer_facing, additional)
        required = set(required_criteria(sheet, emp.customer_facing))
        existing = {r.criterion_code: r for r in a.ratings}
        before = sorted(existing)
        for code, old in existing.items():
            if code not in chosen:
                a.ratings.remove(old)
        s.flush()
        for pos, code in enumerate(chosen):
            row = existing.get(code) or AppraisalRating(appraisal_id=a.id, criterion_code=code)
            if row.id is None:
                s.add(row)
                a.ratings.append(row)
            row.position = pos
            row.mandatory = code in required
            if code in expectations:
                row.expectations = expectations[code].strip()
        trail.record(
            s,
            ctx.actor,
            "update",
            "appraisal",
            a.id,
            before={"criteria": before},
            after={"criteria": chosen},
        )
        return chosen


# --- step 2: ratings ---------------------------------------------------------------------------


def rate(
    ctx: AppContext,
    appraisal_id: int,
    criterion_code: str,
    level_code: str | None,
    justification: str,
) -> None:
    """Saves one rating (autosave may store a level before its justification; the conversation
    step refuses any criterion without both)."""
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _need(a, ["draft"], "change ratings")
        _unlocked(s, a)
        sheet = sheet_of(s, a.form_version_id)
        row = next((r for r in a.ratings if r.criterion_code == criterion_code), None)
        if row is None:
            raise ValidationFailed(
                f"criterion {criterion_code!r} is not chosen for {a.record_number}; "
                "choose it in step 1"
            )
        points = None
        if level_code:
            try:
                points = sheet.scale_level(level_code).points
            except KeyError:
                raise ValidationFailed(
                    f"{level_code!r} is not a level of the scale of {sheet.id}"
                ) from None
        before = {"level": row.level_code, "justification": row.justification}
        row.level_code = level_code or None
        row.points = points
        row.justification = justification.strip()
        trail.record(
            s,
            ctx.actor,
            "update",
            "appraisal_rating",
            row.id,
            before=before,
            after={
                "criterion": criterion_code,
                "level": row.level_code,
                "justification": row.justification,
            },
        )


# --- step 3: development areas (IPRZ) ----------------------------------------------------------


@dataclass(frozen=True)
class ActionInput:
    kind: str
    description: str
    deadline: date | None = None


def add_development_area(
    ctx: AppContext,
    appraisal_id: int,
    area: str,
    expected_change: str,
    support: str,
    deadline: date | None,
    actions: Sequence[ActionInput] = (),
) -> int:
    if not area.strip():
        raise ValidationFailed("development area: name the area (e.g. 'plain language')")
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _need(a, ["draft", "discussed"], "add development areas")
        _unlocked(s, a)
        row = DevelopmentArea(
            appraisal_id=a.id,
            position=len(a.areas),
            area=area.strip(),
            expected_change=expected_change.strip(),
            support=support.strip(),
            deadline=deadline,
        )
        s.add(row)
        s.flush()
        for act in actions:
            if not act.kind.strip():
                raise ValidationFailed(f"development area {area!r}: an action has no kind")
            s.add(
                DevelopmentAction(
                    area_id=row.id,
                    kind=act.kind.strip(),
                    description=act.description.strip(),
                    deadline=act.deadline,
                )
            )
        trail.record(
            s,
            ctx.actor,
            "create",
            "development_area",
            row.id,
            after={
                "appraisal": a.record_number,
                "area": row.area,
                "actions": [x.kind for x in actions],
            },
        )
        return row.id


def remove_development_area(ctx: AppContext, area_id: int) -> None:
    with ctx.db.session() as s:
        row = s.get(DevelopmentArea, area_id)
        if row is None:
            raise NotFound(f"development area #{area_id} does not exist")
        a = _load(s, row.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _need(a, ["draft", "discussed"], "remove development areas")
        _unlocked(s, a)
        trail.record(s, ctx.actor, "delete", "development_area", row.id, before={"area": row.area})
        s.delete(row)


def mark_action_done(ctx: AppContext, action_id: int, done_on: date | None, note: str = "") -> None:
    """Tracks an IPRZ action to done (or reopens it with done_on=None)."""
    with ctx.db.session() as s:
        act = s.get(DevelopmentAction, action_id)
        if act is None:
            raise NotFound(f"development action #{action_id} does not exist")
        a = _load(s, act.area.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        before = {"done_on": act.done_on}
        act.done_on = done_on
        act.done_note = note.strip()
        trail.record(
            s,
            ctx.actor,
            "complete" if done_on else "reopen",
            "development_action",
            act.id,
            before=before,
            after={"done_on": done_on, "note": act.done_note},
        )


# --- step 4: conversation ----------------------------------------------------------------------


def record_conversation(ctx: AppContext, appraisal_id: int, conversation_on: date) -> None:
    """The appraisal conversation took place: every chosen criterion must be rated and
    justified; the overall result is computed from the stored sheet version; feedback notes of
    the period are pulled into this appraisal."""
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _need(a, ["draft"], "record the conversation")
        _unlocked(s, a)
        sheet = sheet_of(s, a.form_version_id)
        if not a.ratings:
            raise ValidationFailed(f"{a.record_number}: choose the criteria first (step 1)")
        missing = [r.criterion_code for r in a.ratings if not r.level_code]
        if missing:
            raise ValidationFailed(f"{a.record_number}: rate {', '.join(missing)} first (step 2)")
        unjustified = [r.criterion_code for r in a.ratings if not r.justification.strip()]
        if unjustified:
            raise ValidationFailed(
                f"{a.record_number}: write a justification for {', '.join(unjustified)} (step 2)"
            )
        if conversation_on < a.period_start:
            raise ValidationFailed(
                f"the conversation date {fmt(conversation_on)} is before the period starts "
                f"({fmt(a.period_start)})"
            )
        if a.kind == "follow_up":
            _check_follow_up_not_too_soon(s, a, sheet, conversation_on)
        emp = _employee(s, a.employee_id)
        select_criteria(  # the sheet's counts still hold
            sheet, emp.customer_facing, [r.criterion_code for r in a.ratings if not r.mandatory]
        )
        result = overall_result(sheet, {r.criterion_code: r.level_code or "" for r in a.ratings})
        before = _state(a)
        a.overall_score = result.score
        a.overall_level = result.level.code
        a.positive = result.positive
        a.conversation_on = conversation_on
        a.made_on = conversation_on
        a.status = AppraisalStatus.DISCUSSED.value
        for note in s.scalars(
            select(FeedbackNote).where(
                FeedbackNote.employee_id == a.employee_id,
                FeedbackNote.appraisal_id.is_(None),
                FeedbackNote.noted_on <= conversation_on,
            )
        ):
            note.appraisal_id = a.id
        trail.record(s, ctx.actor, "complete", "appraisal", a.id, before=before, after=_state(a))


def _check_follow_up_not_too_soon(
    s: Session, a: Appraisal, sheet: AppraisalSheet, on: date
) -> None:
    previous = s.scalar(
        select(Appraisal)
        .where(
            Appraisal.employee_id == a.employee_id,
            Appraisal.id != a.id,
            Appraisal.positive.is_(False),
            Appraisal.read_on.is_not(None),
            Appraisal.status.in_([x.value for x in MADE_STATUSES]),
        )
        .order_by(Appraisal.made_on.desc())
        .limit(1)
    )
    if previous is None or previous.read_on is None:
        return
    earliest = follow_up_earliest(sheet, previous.read_on)
    if earliest is not None and on < earliest.value:
        raise ValidationFailed(f"too early for the follow-up appraisal: {earliest.rule('en')}")


# --- step 5: acknowledgement, objection, decision ----------------------------------------------


def acknowledge(ctx: AppContext, appraisal_id: int, read_on: date, comment: str = "") -> None:
    """The employee read the appraisal (date recorded, optional comment)."""
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        _need(a, ["discussed"], "record that the employee read it")
        _unlocked(s, a)
        if a.made_on and read_on < a.made_on:
            raise ValidationFailed(
                f"read on {fmt(read_on)} is before the appraisal was made ({fmt(a.made_on)})"
            )
        before = _state(a)
        a.read_on = read_on
        a.read_comment = comment.strip()
        # an appraisal made after an upheld objection cannot be objected to again
        a.status = (
            AppraisalStatus.FINAL if a.supersedes_id else AppraisalStatus.ACKNOWLEDGED
        ).value
        trail.record(s, ctx.actor, "acknowledge", "appraisal", a.id, before=before, after=_state(a))


def file_objection(ctx: AppContext, appraisal_id: int, filed_on: date, reason: str) -> None:
    if not reason.strip():
        raise ValidationFailed("objection: write the employee's reason")
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        if a.supersedes_id is not None:
            raise ValidationFailed(
                f"{a.record_number} was made after an upheld objection; a further appeal goes to "
                "the labour court, not to the office"
            )
        _need(a, ["acknowledged"], "file an objection (record the date it was read first)")
        assert a.read_on is not None
        check_objection_date(sheet_of(s, a.form_version_id), a.read_on, filed_on)
        before = _state(a)
        s.add(Objection(appraisal_id=a.id, filed_on=filed_on, reason=reason.strip()))
        a.status = AppraisalStatus.OBJECTED.value
        trail.record(
            s,
            ctx.actor,
            "object",
            "appraisal",
            a.id,
            before=before,
            after=_state(a) | {"filed_on": filed_on, "reason": reason.strip()},
        )


def decide_objection(
    ctx: AppContext,
    appraisal_id: int,
    decision: str,
    decided_on: date,
    reason: str = "",
    resolution: str | None = None,
) -> int | None:
    """Rejected → the appraisal is final. Upheld → it is kept as "superseded" and a new draft
    replaces it: "changed" copies the ratings and IPRZ to be corrected, "redone" starts the
    ratings afresh on the same criteria. Returns the new appraisal's id when upheld."""
    if decision not in DECISION_LABELS:
        raise ValidationFailed("decision: 'upheld' or 'rejected'")
    if decision == "upheld" and resolution not in ("changed", "redone"):
        raise ValidationFailed(
            "an upheld objection: say whether the appraisal is changed or redone"
        )
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_decide(s, ctx.actor, a)
        _need(a, ["objected"], "decide an objection")
        objection = a.objection
        assert objection is not None
        check_decision_date(sheet_of(s, a.form_version_id), objection.filed_on, decided_on)
        before = _state(a)
        objection.decision = decision
        objection.decided_on = decided_on
        objection.decision_reason = reason.strip()
        objection.decided_by = ctx.actor.login
        new_id: int | None = None
        if decision == "rejected":
            a.status = AppraisalStatus.FINAL.value
        else:
            objection.resolution = resolution
            a.status = AppraisalStatus.SUPERSEDED.value
            new = _replacement(s, ctx, a, resolution or "redone", decided_on)
            objection.replacement_id = new.id
            new_id = new.id
        trail.record(
            s,
            ctx.actor,
            "decide",
            "appraisal",
            a.id,
            before=before,
            after=_state(a)
            | {"decision": decision, "resolution": resolution, "replacement": new_id},
        )
        return new_id


def _replacement(s: Session, ctx: AppContext, a: Appraisal, mode: str, on: date) -> Appraisal:
    new = Appraisal(
        record_number=_next_record_number(s, on.year),
        employee_id=a.employee_id,
        appraiser_id=a.appraiser_id,
        form_version_id=a.form_version_id,
        kind=a.kind,
        status=AppraisalStatus.DRAFT.value,
        period_start=a.period_start,
        period_end=a.period_end,
        supersedes_id=a.id,
        redo_mode=mode,
        created_by=ctx.actor.login,
    )
    s.add(new)
    s.flush()
    for r in a.ratings:
        keep = mode == "changed"
        s.add(
            AppraisalRating(
                appraisal_id=new.id,
                criterion_code=r.criterion_code,
                position=r.position,
                mandatory=r.mandatory,
                expectations=r.expectations,
                level_code=r.level_code if keep else None,
                points=r.points if keep else None,
                justification=r.justification if keep else "",
            )
        )
    if mode == "changed":
        for area in a.areas:
            copy = DevelopmentArea(
                appraisal_id=new.id,
                position=area.position,
                area=area.area,
                expected_change=area.expected_change,
                support=area.support,
                deadline=area.deadline,
            )
            s.add(copy)
            s.flush()
            for act in area.actions:
                s.add(
                    DevelopmentAction(
                        area_id=copy.id,
                        kind=act.kind,
                        description=act.description,
                        deadline=act.deadline,
                        done_on=act.done_on,
                        done_note=act.done_note,
                    )
                )
    trail.record(
        s,
        ctx.actor,
        "create",
        "appraisal",
        new.id,
        after=_state(new) | {"supersedes": a.record_number, "mode": mode},
    )
    return new


def close_appraisal(ctx: AppContext, appraisal_id: int, today: date | None = None) -> None:
    """Marks a read appraisal final once the objection period passed without an objection."""
    day = _today(today)
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        _need(a, ["acknowledged"], "close it")
        assert a.read_on is not None
        deadline = objection_deadline(sheet_of(s, a.form_version_id), a.read_on)
        if day <= deadline.value:
            raise ValidationFailed(
                f"{a.record_number}: the employee may still object: {deadline.rule('en')}"
            )
        a.status = AppraisalStatus.FINAL.value
        trail.record(s, ctx.actor, "complete", "appraisal", a.id, after=_state(a))


# --- ongoing feedback and absences -------------------------------------------------------------


FEEDBACK_KINDS = {"positive": "pozytywna", "corrective": "korygująca"}


def add_feedback(
    ctx: AppContext,
    employee_id: int,
    noted_on: date,
    topic: str,
    kind: str,
    text: str = "",
    audit_id: int | None = None,
) -> int:
    if kind not in FEEDBACK_KINDS:
        raise ValidationFailed("feedback kind: 'positive' or 'corrective'")
    if not topic.strip():
        raise ValidationFailed("feedback note: write its topic")
    with ctx.db.session() as s:
        _employee(s, employee_id)
        require_manage(s, ctx.actor, employee_id)
        note = FeedbackNote(
            employee_id=employee_id,
            author_id=ctx.actor.employee_id,
            author_login=ctx.actor.login,
            noted_on=noted_on,
            topic=topic.strip(),
            kind=kind,
            text=text.strip(),
            audit_id=audit_id,
        )
        s.add(note)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "create",
            "feedback_note",
            note.id,
            after={
                "employee_id": employee_id,
                "topic": note.topic,
                "kind": kind,
                "audit_id": audit_id,
            },
        )
        return note.id


@dataclass(frozen=True)
class FeedbackView:
    id: int
    noted_on: date
    topic: str
    kind: str
    text: str
    author: str
    audit_id: int | None
    appraisal_record: str | None


def feedback_of(ctx: AppContext, employee_id: int) -> list[FeedbackView]:
    with ctx.db.session() as s:
        require_read(s, ctx.actor, employee_id)
        return _feedback_rows(s, employee_id, None)


def _feedback_rows(s: Session, employee_id: int, appraisal: Appraisal | None) -> list[FeedbackView]:
    q = select(FeedbackNote).where(FeedbackNote.employee_id == employee_id)
    if appraisal is not None:
        # the notes pulled into it, or (while a draft) those waiting for the next appraisal
        pulled = FeedbackNote.appraisal_id == appraisal.id
        if appraisal.status == "draft":
            q = q.where(or_(pulled, FeedbackNote.appraisal_id.is_(None)))
        else:
            q = q.where(pulled)
    records = dict(s.execute(select(Appraisal.id, Appraisal.record_number)).all())
    return [
        FeedbackView(
            n.id,
            n.noted_on,
            n.topic,
            n.kind,
            n.text,
            n.author_login,
            n.audit_id,
            records.get(n.appraisal_id) if n.appraisal_id else None,
        )
        for n in s.scalars(q.order_by(FeedbackNote.noted_on.desc()))
    ]


def add_absence(ctx: AppContext, employee_id: int, start: date, end: date, reason: str = "") -> int:
    if end < start:
        raise ValidationFailed(f"absence: the end {fmt(end)} is before the start {fmt(start)}")
    with ctx.db.session() as s:
        _employee(s, employee_id)
        require_absences(s, ctx.actor, employee_id)
        row = Absence(
            employee_id=employee_id,
            start=start,
            end=end,
            reason=reason.strip(),
            created_by=ctx.actor.login,
        )
        s.add(row)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "create",
            "absence",
            row.id,
            after={"employee_id": employee_id, "start": start, "end": end},
        )
        return row.id


def absences_of(ctx: AppContext, employee_id: int) -> list[tuple[int, date, date, str]]:
    with ctx.db.session() as s:
        require_read(s, ctx.actor, employee_id)
        return [
            (x.id, x.start, x.end, x.reason)
            for x in sorted(_absences(s, employee_id), key=lambda x: x.start)
        ]


# --- the appraisal as the window shows it ------------------------------------------------------


@dataclass(frozen=True)
class CriterionView:
    code: str
    name: str
    description: str
    required: bool
    selected: bool
    expectations: str
    level_code: str | None
    points: float | None
    justification: str
    weight: float
    indicators: tuple[tuple[str, str], ...]  # (level label, what it looks like)


@dataclass(frozen=True)
class ActionView:
    id: int
    kind: str
    description: str
    deadline: date | None
    done_on: date | None
    area: str
    record_number: str


@dataclass(frozen=True)
class AreaView:
    id: int
    area: str
    expected_change: str
    support: str
    deadline: date | None
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class EvidenceItem:
    kind: str  # "audit" or "feedback"
    on: date | None
    title: str
    detail: str
    ref_id: int | None
    cites: int | None = None  # a feedback note's cited audit


@dataclass(frozen=True)
class DeadlineView:
    what: str  # objection, decision, follow_up, follow_up_earliest
    value: date
    rule_pl: str
    rule_en: str

    @classmethod
    def of(cls, what: str, computed: ComputedDate) -> DeadlineView:
        return cls(what, computed.value, computed.rule("pl"), computed.rule("en"))


@dataclass(frozen=True)
class ObjectionView:
    filed_on: date
    reason: str
    decision: str | None
    decided_on: date | None
    decision_reason: str
    resolution: str | None
    replacement_id: int | None


@dataclass(frozen=True)
class AppraisalView:
    id: int
    record_number: str
    employee_id: int
    employee: str
    position: str
    unit: str
    appraiser: str
    sheet_title: str
    sheet_hash: str
    kind: str
    status: str
    period_start: date
    period_end: date
    scale: tuple[tuple[str, str, float], ...]  # code, label, points
    criteria: tuple[CriterionView, ...]
    additional_min: int
    additional_max: int
    overall_score: float | None
    overall_level: str | None
    positive: bool | None
    areas: tuple[AreaView, ...]
    open_actions: tuple[ActionView, ...]  # from earlier appraisals, not done yet
    evidence: tuple[EvidenceItem, ...]
    conversation_on: date | None
    read_on: date | None
    read_comment: str
    objection: ObjectionView | None
    deadlines: tuple[DeadlineView, ...]
    supersedes_record: str | None
    action_kinds: tuple[str, ...]


def appraisal_detail(ctx: AppContext, appraisal_id: int, language: str = "pl") -> AppraisalView:
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_read(s, ctx.actor, a.employee_id, a.appraiser_id)
        view = _detail(s, a, language)
    audits = employee_audit_evidence(ctx, view.employee_id, view.period_start, view.period_end)
    return _with_evidence(view, audits)


def _with_evidence(view: AppraisalView, audits: list[EvidenceItem]) -> AppraisalView:
    """Audits first, then feedback notes; a note citing an audit names it (the audit id is
    resolved through the audit service's list, so appraisals need no audit tables)."""
    from dataclasses import replace

    names = {x.ref_id: x.title for x in audits if x.ref_id is not None}
    notes = tuple(
        replace(e, detail=f"{e.detail} [audyt {names.get(e.cites, f'#{e.cites}')}]")
        if e.cites is not None
        else e
        for e in view.evidence
    )
    return replace(view, evidence=tuple(audits) + notes)


def _detail(s: Session, a: Appraisal, language: str) -> AppraisalView:
    sheet = sheet_of(s, a.form_version_id)
    version = s.get(FormVersion, a.form_version_id)
    emp = _employee(s, a.employee_id)
    appraiser = _employee(s, a.appraiser_id)
    rows = {r.criterion_code: r for r in a.ratings}
    required = set(required_criteria(sheet, emp.customer_facing))
    scale = tuple((lv.code, lv.label.get(language), lv.points) for lv in sheet.scale)
    labels = {code: label for code, label, _ in scale}
    criteria = []
    for c in sheet.criteria:
        r = rows.get(c.code)
        criteria.append(
            CriterionView(
                c.code,
                c.name.get(language),
                c.description.get(language) if c.description else "",
                c.code in required,
                r is not None,
                r.expectations if r else "",
                r.level_code if r else None,
                r.points if r else None,
                r.justification if r else "",
                c.weight,
                tuple((labels.get(k, k), v.get(language)) for k, v in c.indicators.items()),
            )
        )
    areas = tuple(_area_view(x, a.record_number) for x in a.areas)
    open_actions = _open_actions(s, a)
    evidence = tuple(
        EvidenceItem(
            "feedback",
            f.noted_on,
            f.topic,
            f"{FEEDBACK_KINDS.get(f.kind, f.kind)}: {f.text}",
            f.id,
            f.audit_id,
        )
        for f in _feedback_rows(s, a.employee_id, a)
    )
    deadlines: list[DeadlineView] = []
    if a.read_on:
        deadlines.append(DeadlineView.of("objection", objection_deadline(sheet, a.read_on)))
        if a.positive is False:
            from auditdesk.domain.appraisal import follow_up_due

            deadlines.append(DeadlineView.of("follow_up", follow_up_due(sheet, a.read_on)))
            earliest = follow_up_earliest(sheet, a.read_on)
            if earliest:
                deadlines.append(DeadlineView.of("follow_up_earliest", earliest))
    objection = None
    if a.objection is not None:
        o = a.objection
        deadlines.append(DeadlineView.of("decision", decision_deadline(sheet, o.filed_on)))
        objection = ObjectionView(
            o.filed_on,
            o.reason,
            o.decision,
            o.decided_on,
            o.decision_reason,
            o.resolution,
            o.replacement_id,
        )
    supersedes = s.get(Appraisal, a.supersedes_id) if a.supersedes_id else None
    level_label = (
        sheet.overall_level(a.overall_level).label.get(language) if a.overall_level else None
    )
    return AppraisalView(
        a.id,
        a.record_number,
        emp.id,
        emp.full_name,
        emp.position,
        emp.unit.name,
        appraiser.full_name,
        sheet.title.get(language),
        version.content_hash if version else "",
        a.kind,
        a.status,
        a.period_start,
        a.period_end,
        scale,
        tuple(criteria),
        sheet.additional.min,
        min(sheet.additional.max, len(optional_criteria(sheet, emp.customer_facing))),
        a.overall_score,
        level_label,
        a.positive,
        areas,
        open_actions,
        evidence,
        a.conversation_on,
        a.read_on,
        a.read_comment,
        objection,
        tuple(deadlines),
        supersedes.record_number if supersedes else None,
        tuple(k.get(language) for k in sheet.development_action_kinds),
    )


def _area_view(x: DevelopmentArea, record: str) -> AreaView:
    return AreaView(
        x.id,
        x.area,
        x.expected_change,
        x.support,
        x.deadline,
        tuple(
            ActionView(act.id, act.kind, act.description, act.deadline, act.done_on, x.area, record)
            for act in x.actions
        ),
    )


def _open_actions(s: Session, a: Appraisal) -> tuple[ActionView, ...]:
    rows = s.execute(
        select(DevelopmentAction, DevelopmentArea, Appraisal)
        .join(DevelopmentArea, DevelopmentAction.area_id == DevelopmentArea.id)
        .join(Appraisal, DevelopmentArea.appraisal_id == Appraisal.id)
        .where(
            Appraisal.employee_id == a.employee_id,
            Appraisal.id != a.id,
            Appraisal.status != AppraisalStatus.SUPERSEDED.value,
            DevelopmentAction.done_on.is_(None),
        )
        .order_by(DevelopmentAction.deadline)
    )
    return tuple(
        ActionView(
            act.id, act.kind, act.description, act.deadline, None, area.area, prev.record_number
        )
        for act, area, prev in rows
    )


def employee_audit_evidence(
    ctx: AppContext, employee_id: int, start: date, end: date
) -> list[EvidenceItem]:
    """The employee's mystery-client audits of the period, from the audit service when that
    feature is installed; an actor who may not see audits simply gets none."""
    try:
        from auditdesk.services import audits as audit_service
    except ImportError:
        return []
    fetch = getattr(audit_service, "audits_of_employee", None)
    if fetch is None:
        return []
    from auditdesk.domain.errors import PermissionDenied

    try:
        found = fetch(ctx, employee_id, start, end)
    except PermissionDenied:
        return []
    return [_audit_item(x) for x in found if not getattr(x, "superseded", False)]


def _audit_item(x: Any) -> EvidenceItem:
    def first(*names: str) -> Any:
        for n in names:
            value = getattr(x, n, None)
            if value is not None:
                return value
        return None

    when = first("visited_at", "performed_at", "completed_at", "date", "started_at")
    if hasattr(when, "date") and callable(when.date):
        when = when.date()
    score = first("score_pct", "score_percent", "percent", "score")
    verdict = first("verdict_label", "verdict", "band", "outcome")
    parts = [str(p) for p in (first("channel"), first("scenario_summary", "scenario")) if p]
    if score is not None:
        parts.append(f"{float(score):.0f}%" if isinstance(score, int | float) else str(score))
    if verdict:
        parts.append(str(verdict))
    title = str(first("record_no", "title", "reference", "record_number") or "audyt")
    ref = first("id", "audit_id")
    return EvidenceItem(
        "audit",
        when if isinstance(when, date) else None,
        title,
        ", ".join(parts),
        int(ref) if isinstance(ref, int) else None,
    )


# --- protocol data -----------------------------------------------------------------------------


def appraisal_protocol_data(ctx: AppContext, appraisal_id: int) -> AppraisalProtocolData:
    """Everything the signed PDF protocol prints, in Polish, from the stored sheet version."""
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_read(s, ctx.actor, a.employee_id, a.appraiser_id)
        sheet = sheet_of(s, a.form_version_id)
        version = s.get(FormVersion, a.form_version_id)
        emp = _employee(s, a.employee_id)
        appraiser = _employee(s, a.appraiser_id)
        criteria = []
        for r in a.ratings:
            c = sheet.criterion(r.criterion_code)
            label = sheet.scale_level(r.level_code).label.pl if r.level_code else ""
            criteria.append(
                ProtocolCriterion(
                    c.code,
                    c.name.pl,
                    r.mandatory,
                    r.expectations,
                    label,
                    r.points or 0.0,
                    c.weight,
                    r.justification,
                )
            )
        areas = tuple(
            ProtocolDevelopmentArea(
                x.area,
                x.expected_change,
                x.support,
                x.deadline,
                tuple(
                    ProtocolAction(act.kind, act.description, act.deadline, act.done_on)
                    for act in x.actions
                ),
            )
            for x in a.areas
        )
        ack = ProtocolAcknowledgement(a.read_on, a.read_comment) if a.read_on else None
        objection = None
        if a.objection is not None:
            o = a.objection
            decision = DECISION_LABELS.get(o.decision) if o.decision else None
            if decision and o.resolution:
                decision += ", ocena " + (
                    "zmieniona" if o.resolution == "changed" else "sporządzona ponownie"
                )
            objection = ProtocolObjection(
                o.filed_on, o.reason, decision, o.decided_on, o.decision_reason
            )
        history = made_history(
            list(s.scalars(select(Appraisal).where(Appraisal.employee_id == a.employee_id)))
        )
        due = next_due(sheet, history, emp.employed_since, spans(_absences(s, a.employee_id)))
        supersedes = s.get(Appraisal, a.supersedes_id) if a.supersedes_id else None
        office = emp.unit.office
        return AppraisalProtocolData(
            appraisal_id=a.id,
            record_number=a.record_number,
            office=office.name,
            unit=emp.unit.name,
            employee=emp.full_name,
            position=emp.position,
            appraiser=appraiser.full_name,
            appraiser_position=appraiser.position,
            sheet_name=sheet.title.pl,
            sheet_version_hash=version.content_hash if version else "",
            kind=KIND_LABELS.get(a.kind, a.kind),
            period_start=a.period_start,
            period_end=a.period_end,
            criteria=tuple(criteria),
            overall_score=a.overall_score,
            overall_level=sheet.overall_level(a.overall_level).label.pl
            if a.overall_level
            else None,
            positive=a.positive,
            development_areas=areas,
            conversation_on=a.conversation_on,
            acknowledgement=ack,
            objection=objection,
            status=a.status,
            made_on=a.made_on,
            next_due=due.date.value if due and a.status in MADE_STATUSES else None,
            next_due_rule=due.date.rule("pl") if due and a.status in MADE_STATUSES else "",
            supersedes_record=supersedes.record_number if supersedes else None,
        )
