"""The appraisal's own steps: start a draft (0), criteria and expectations (1), ratings (2),
the conversation (4) and the employee's reading (5). Development areas (3) are in
`appraisal_feedback`; objections and closing in `appraisal_objections`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.appraisal import (
    MADE_STATUSES,
    AppraisalKind,
    AppraisalStatus,
    follow_up_earliest,
    next_due,
    overall_result,
    required_criteria,
    select_criteria,
)
from auditdesk.domain.errors import Localized, NotFound, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.periods import fmt
from auditdesk.services import trail
from auditdesk.services.appraisals.access import (
    require_manage,
    require_record,
)
from auditdesk.services.appraisals.common import (
    _absences,
    _change,
    _employee,
    _load,
    _next_record_number,
    _state,
    _status_fields,
    _today,
    _unlocked,
    changing,
    made_history,
    sheet_of,
    spans,
)
from auditdesk.services.appraisals.periods import proposed_period
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Appraisal,
    AppraisalRating,
    FeedbackNote,
    FormVersion,
)

# --- step 0: start -----------------------------------------------------------------------------


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
    day = _today(ctx, today)
    if kind not in tuple(AppraisalKind):
        raise ValidationFailed(
            "appraisal kind {kind!r}: use one of {kinds}",
            kind=kind,
            kinds=", ".join(AppraisalKind),
        )
    with ctx.db.session() as s:
        emp = _employee(s, employee_id)
        require_manage(s, ctx.actor, employee_id)
        version = s.get(FormVersion, form_version_id)
        if version is None or version.kind != "appraisal":
            raise NotFound(
                "appraisal sheet version #{version} does not exist", version=form_version_id
            )
        sheet = sheet_of(s, form_version_id)
        mine = list(s.scalars(select(Appraisal).where(Appraisal.employee_id == employee_id)))
        open_one = [a for a in mine if a.status in ("draft", "discussed", "objected")]
        if open_one:
            raise ValidationFailed(
                "{employee} already has appraisal {record} in progress; finish it first",
                employee=emp.full_name,
                record=open_one[0].record_number,
            )
        history = made_history(mine)
        due = next_due(sheet, history, emp.employed_since, spans(_absences(s, employee_id)))
        start, end = proposed_period(
            max((h.made_on for h in history), default=None),
            emp.employed_since,
            due.date.value if due else None,
            day,
        )
        period_start = start if period_start is None else period_start
        period_end = end if period_end is None else period_end
        if period_end < period_start:
            raise ValidationFailed(
                "the period ends ({end}) before it starts ({start})",
                end=fmt(period_end),
                start=fmt(period_start),
            )
        appraiser = appraiser_id or ctx.actor.employee_id or emp.supervisor_id
        if appraiser is None:
            raise ValidationFailed(
                "{employee} has no direct superior recorded; set the supervisor first",
                employee=emp.full_name,
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


# --- step 1: criteria and expectations ---------------------------------------------------------


def set_criteria(
    ctx: AppContext,
    appraisal_id: int,
    additional: Sequence[str],
    expectations: dict[str, str] | None = None,
    *,
    expected_version: int | None = None,
) -> list[str]:
    """Mandatory criteria plus the chosen additional ones, with the agreed expectations.
    `expected_version`: the version the editor read (StaleRecord if it changed since)."""
    expectations = expectations or {}
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "draft":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot change the criteria now",
                **_status_fields(a),
            )
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
    *,
    expected_version: int | None = None,
) -> int:
    """Saves one rating (autosave may store a level before its justification; the conversation
    step refuses any criterion without both); returns the appraisal's new version.
    `expected_version`: the version the editor read (StaleRecord if it changed since)."""
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "draft":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot change ratings now",
                **_status_fields(a),
            )
        _unlocked(s, a)
        sheet = sheet_of(s, a.form_version_id)
        row = next((r for r in a.ratings if r.criterion_code == criterion_code), None)
        if row is None:
            raise ValidationFailed(
                "criterion {criterion!r} is not chosen for {record}; choose it in step 1",
                criterion=criterion_code,
                record=a.record_number,
            )
        points = None
        if level_code:
            try:
                points = sheet.scale_level(level_code).points
            except KeyError:
                raise ValidationFailed(
                    "{level!r} is not a level of the scale of {sheet}",
                    level=level_code,
                    sheet=sheet.id,
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
        s.flush()
        return a.version


# --- step 4: conversation ----------------------------------------------------------------------


def record_conversation(
    ctx: AppContext,
    appraisal_id: int,
    conversation_on: date,
    *,
    expected_version: int | None = None,
) -> int:
    """The appraisal conversation took place: every chosen criterion must be rated and
    justified; the overall result is computed from the stored sheet version; feedback notes of
    the period are pulled into this appraisal. Returns the appraisal's new version."""
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "draft":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot record the conversation now",
                **_status_fields(a),
            )
        _unlocked(s, a)
        sheet = sheet_of(s, a.form_version_id)
        if not a.ratings:
            raise ValidationFailed(
                "{record}: choose the criteria first (step 1)", record=a.record_number
            )
        missing = [r.criterion_code for r in a.ratings if not r.level_code]
        if missing:
            raise ValidationFailed(
                "{record}: rate {criteria} first (step 2)",
                record=a.record_number,
                criteria=", ".join(missing),
            )
        unjustified = [r.criterion_code for r in a.ratings if not r.justification.strip()]
        if unjustified:
            raise ValidationFailed(
                "{record}: write a justification for {criteria} (step 2)",
                record=a.record_number,
                criteria=", ".join(unjustified),
            )
        if conversation_on < a.period_start:
            raise ValidationFailed(
                "the conversation date {conversation} is before the period starts ({start})",
                conversation=fmt(conversation_on),
                start=fmt(a.period_start),
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
    return a.version  # after the commit, which seals it (services.sealing) and so bumps it


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
        raise ValidationFailed(
            "too early for the follow-up appraisal: {rule}",
            rule=Localized(earliest.rule("en"), earliest.rule("pl")),
        )


# --- step 5: the employee read it --------------------------------------------------------------


def acknowledge(
    ctx: AppContext,
    appraisal_id: int,
    read_on: date,
    comment: str = "",
    *,
    expected_version: int | None = None,
) -> int:
    """The employee read the appraisal (date recorded, optional comment); returns the
    appraisal's new version."""
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_record(s, ctx.actor, a)
        _change(s, ctx.actor, a, expected_version)
        if a.status != "discussed":
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot record that the employee "
                "read it now",
                **_status_fields(a),
            )
        _unlocked(s, a)
        if a.made_on and read_on < a.made_on:
            raise ValidationFailed(
                "read on {read} is before the appraisal was made ({made})",
                read=fmt(read_on),
                made=fmt(a.made_on),
            )
        before = _state(a)
        a.read_on = read_on
        a.read_comment = comment.strip()
        # an appraisal made after an upheld objection cannot be objected to again
        a.status = (
            AppraisalStatus.FINAL if a.supersedes_id else AppraisalStatus.ACKNOWLEDGED
        ).value
        trail.record(s, ctx.actor, "acknowledge", "appraisal", a.id, before=before, after=_state(a))
        s.flush()
        return a.version
