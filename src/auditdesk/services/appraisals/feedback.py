"""What is recorded beside the steps: development areas and their IPRZ actions, ongoing
feedback notes and absences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.periods import fmt
from auditdesk.domain.values import FeedbackKind
from auditdesk.services import trail
from auditdesk.services.appraisals.access import (
    require_absences,
    require_manage,
    require_read,
)
from auditdesk.services.appraisals.common import (
    _absences,
    _change,
    _employee,
    _load,
    _status_fields,
    _unlocked,
    changing,
)
from auditdesk.services.context import AppContext
from auditdesk.store.models import (
    Absence,
    Appraisal,
    DevelopmentAction,
    DevelopmentArea,
    FeedbackNote,
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
    *,
    expected_version: int | None = None,
) -> int:
    """Adds a development area with its actions; returns the area's id.
    `expected_version`: the version the editor read (StaleRecord if it changed since)."""
    if not area.strip():
        raise ValidationFailed("development area: name the area (e.g. 'plain language')")
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status not in ("draft", "discussed"):
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot add development areas now",
                **_status_fields(a),
            )
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
                raise ValidationFailed(
                    "development area {area!r}: an action has no kind", area=area
                )
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


def update_development_area(
    ctx: AppContext,
    area_id: int,
    area: str,
    expected_change: str,
    support: str,
    deadline: date | None,
    actions: Sequence[ActionInput] = (),
    *,
    expected_version: int | None = None,
) -> int:
    """Changes a development area while the appraisal may still change (draft or discussed,
    not signed; issue 15). The actions given replace the area's list; an action given again
    (same kind and description) keeps whether and when it was done. Returns the appraisal's
    new version."""
    if not area.strip():
        raise ValidationFailed("development area: name the area (e.g. 'plain language')")
    for act in actions:
        if not act.kind.strip():
            raise ValidationFailed("development area {area!r}: an action has no kind", area=area)
    with changing(ctx) as s:
        row = s.get(DevelopmentArea, area_id)
        if row is None:
            raise NotFound("development area #{area} does not exist", area=area_id)
        a = _load(s, row.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status not in ("draft", "discussed"):
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot change development areas now",
                **_status_fields(a),
            )
        _unlocked(s, a)
        before = _area_state(row)
        row.area = area.strip()
        row.expected_change = expected_change.strip()
        row.support = support.strip()
        row.deadline = deadline
        kept = {(x.kind, x.description): x for x in row.actions}
        wanted = [(x.kind.strip(), x.description.strip(), x.deadline) for x in actions]
        row.actions = [
            _kept_action(kept.pop((kind, text), None), kind, text, due)
            for kind, text, due in wanted
        ]
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "update",
            "development_area",
            row.id,
            before=before,
            after=_area_state(row) | {"appraisal": a.record_number},
        )
        s.flush()
        return a.version


def _kept_action(
    old: DevelopmentAction | None, kind: str, description: str, deadline: date | None
) -> DevelopmentAction:
    if old is None:
        return DevelopmentAction(kind=kind, description=description, deadline=deadline)
    old.deadline = deadline
    return old


def _area_state(row: DevelopmentArea) -> dict[str, object]:
    return {
        "area": row.area,
        "expected_change": row.expected_change,
        "support": row.support,
        "deadline": row.deadline,
        "actions": [[x.kind, x.description, x.deadline] for x in row.actions],
    }


def remove_development_area(
    ctx: AppContext, area_id: int, *, expected_version: int | None = None
) -> int:
    """Removes a development area and its actions; returns the appraisal's new version."""
    with changing(ctx) as s:
        row = s.get(DevelopmentArea, area_id)
        if row is None:
            raise NotFound("development area #{area} does not exist", area=area_id)
        a = _load(s, row.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        if a.status not in ("draft", "discussed"):
            raise ValidationFailed(
                "appraisal {record} is {appraisal_status}; cannot remove development areas now",
                **_status_fields(a),
            )
        _unlocked(s, a)
        trail.record(s, ctx.actor, "delete", "development_area", row.id, before={"area": row.area})
        s.delete(row)
        s.flush()
        return a.version


def mark_action_done(
    ctx: AppContext,
    action_id: int,
    done_on: date | None,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> int:
    """Tracks an IPRZ action to done (or reopens it with done_on=None); returns the new version
    of the appraisal the action belongs to. `expected_version`: that appraisal's version as
    read (ActionView.appraisal_version), StaleRecord if it changed since."""
    with changing(ctx) as s:
        act = s.get(DevelopmentAction, action_id)
        if act is None:
            raise NotFound("development action #{action} does not exist", action=action_id)
        a = _load(s, act.area.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
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
        s.flush()
        return a.version


# --- ongoing feedback and absences -------------------------------------------------------------


def add_feedback(
    ctx: AppContext,
    employee_id: int,
    noted_on: date,
    topic: str,
    kind: str,
    text: str = "",
    audit_id: int | None = None,
) -> int:
    if kind not in tuple(FeedbackKind):
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
        raise ValidationFailed(
            "absence: the end {end} is before the start {start}", end=fmt(end), start=fmt(start)
        )
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
