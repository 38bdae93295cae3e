"""Notes of additional research (questionnaire campaigns and interviews, focus groups, in-depth
interviews): what was asked, of whom, what came out, what to do; the follow-up actions have an
owner and a due date and are tracked until done. Every write goes to the trail.

Scope (services.unit_scope): HR and administrators see every note; a supervisor sees the notes
about one of their units and the office-wide notes (about no unit), like survey campaigns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.indicators import ResearchMethod
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.unit_scope import may_see_any
from auditdesk.store.models import OrgUnit, ResearchAction, ResearchNote

ENTITY = "research_note"


@dataclass(frozen=True)
class ActionData:
    description: str
    owner: str
    due_on: date | None = None
    done_on: date | None = None
    id: int | None = None  # None: a new action


@dataclass(frozen=True)
class NoteData:
    method: str
    held_on: date
    topic: str
    participants: int = 0
    unit_ids: tuple[int, ...] = ()
    findings: str = ""
    recommendations: str = ""
    actions: tuple[ActionData, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class NoteRow:
    id: int
    method: str
    held_on: date
    topic: str
    participants: int
    unit_codes: str
    actions_open: int
    actions_overdue: int


def _check(session: Session, data: NoteData) -> None:
    if data.method not in set(ResearchMethod):
        raise ValidationFailed(
            "method {method!r} is not one of: {allowed}",
            method=data.method,
            allowed=", ".join(ResearchMethod),
        )
    if not data.topic.strip():
        raise ValidationFailed("topic: say what the research was about")
    if data.participants < 0:
        raise ValidationFailed("participants: give a number of people, 0 or more")
    for unit_id in data.unit_ids:
        if session.get(OrgUnit, unit_id) is None:
            raise ValidationFailed(
                "unit #{unit_id} does not exist; choose a unit from the list", unit_id=unit_id
            )
    for n, action in enumerate(data.actions, start=1):
        if not action.description.strip() or not action.owner.strip():
            raise ValidationFailed(
                "action {number}: give what is to be done and who is responsible", number=n
            )
        if action.done_on is not None and action.done_on < data.held_on:
            raise ValidationFailed(
                "action {number}: done before the research was held; check the date", number=n
            )


def _values(note: ResearchNote) -> dict[str, Any]:
    return {
        "method": note.method,
        "held_on": note.held_on.isoformat(),
        "topic": note.topic,
        "participants": note.participants,
        "units": sorted(u.id for u in note.units),
        "findings": note.findings,
        "recommendations": note.recommendations,
        "actions": [
            {
                "description": a.description,
                "owner": a.owner,
                "due_on": a.due_on.isoformat() if a.due_on else None,
                "done_on": a.done_on.isoformat() if a.done_on else None,
            }
            for a in note.actions
        ],
    }


def _apply(session: Session, note: ResearchNote, data: NoteData) -> None:
    note.method = data.method
    note.held_on = data.held_on
    note.topic = data.topic.strip()
    note.participants = data.participants
    note.findings = data.findings.strip()
    note.recommendations = data.recommendations.strip()
    note.units = [u for u in (session.get(OrgUnit, i) for i in data.unit_ids) if u is not None]
    by_id = {a.id: a for a in note.actions}
    kept: list[ResearchAction] = []
    for item in data.actions:
        action = by_id.get(item.id) if item.id is not None else None
        if action is None:
            action = ResearchAction()
        action.description = item.description.strip()
        action.owner = item.owner.strip()
        action.due_on = item.due_on
        action.done_on = item.done_on
        kept.append(action)
    note.actions = kept


def save_note(ctx: AppContext, data: NoteData, note_id: int | None = None) -> int:
    """Creates a note (note_id None) or replaces its content and actions."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    with ctx.db.session() as s:
        _check(s, data)
        if note_id is None:
            note = ResearchNote(created_by=ctx.actor.login)
            s.add(note)
            before = None
        else:
            note = _load(s, note_id, ctx.actor)
            before = _values(note)
        if not may_see_any(s, ctx.actor, data.unit_ids):
            raise PermissionDenied(
                "{login} ({role}) may not write a research note about units that are not theirs.",
                login=ctx.actor.login,
                role=ctx.actor.role.value,
            )
        _apply(s, note, data)
        s.flush()
        after = _values(note)
        if before != after:
            trail.record(
                s,
                ctx.actor,
                "create" if before is None else "update",
                ENTITY,
                note.id,
                before,
                after,
            )
        return note.id


def delete_note(ctx: AppContext, note_id: int) -> None:
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    with ctx.db.session() as s:
        note = _load(s, note_id, ctx.actor)
        before = _values(note)
        note.units = []
        s.delete(note)
        trail.record(s, ctx.actor, "delete", ENTITY, note_id, before=before)


def _not_yours(actor: Actor, note_id: int) -> PermissionDenied:
    return PermissionDenied(
        "{login} ({role}) may not see research note #{note_id}: supervisors see the notes "
        "about their own units and the office-wide ones.",
        login=actor.login,
        role=actor.role.value,
        note_id=note_id,
    )


def _load(s: Session, note_id: int, actor: Actor) -> ResearchNote:
    """The note, if it exists and the actor may see it."""
    note = s.scalar(
        select(ResearchNote)
        .where(ResearchNote.id == note_id)
        .options(selectinload(ResearchNote.units), selectinload(ResearchNote.actions))
    )
    if note is None:
        raise NotFound("research note #{note_id} does not exist", note_id=note_id)
    if not may_see_any(s, actor, (u.id for u in note.units)):
        raise _not_yours(actor, note_id)
    return note


def get_note(ctx: AppContext, note_id: int) -> NoteData:
    require(ctx.actor, Permission.VIEW_INDICATORS)
    with ctx.db.session() as s:
        note = _load(s, note_id, ctx.actor)
        return NoteData(
            method=note.method,
            held_on=note.held_on,
            topic=note.topic,
            participants=note.participants,
            unit_ids=tuple(sorted(u.id for u in note.units)),
            findings=note.findings,
            recommendations=note.recommendations,
            actions=tuple(
                ActionData(a.description, a.owner, a.due_on, a.done_on, a.id) for a in note.actions
            ),
        )


def list_notes(ctx: AppContext, today: date | None = None) -> list[NoteRow]:
    """Every research note the actor may see, newest first, with its open and overdue actions
    counted."""
    require(ctx.actor, Permission.VIEW_INDICATORS)
    day = today or ctx.clock.today()
    with ctx.db.session() as s:
        notes = s.scalars(
            select(ResearchNote)
            .options(selectinload(ResearchNote.units), selectinload(ResearchNote.actions))
            .order_by(ResearchNote.held_on.desc(), ResearchNote.id.desc())
        ).all()
        return [
            NoteRow(
                id=n.id,
                method=n.method,
                held_on=n.held_on,
                topic=n.topic,
                participants=n.participants,
                unit_codes=", ".join(sorted(u.code for u in n.units)),
                actions_open=sum(1 for a in n.actions if a.done_on is None),
                actions_overdue=sum(
                    1 for a in n.actions if a.done_on is None and a.due_on and a.due_on < day
                ),
            )
            for n in notes
            if may_see_any(s, ctx.actor, (u.id for u in n.units))
        ]


def mark_action_done(ctx: AppContext, action_id: int, done_on: date | None) -> None:
    """Ticks an action done on a date (None reopens it)."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    with ctx.db.session() as s:
        action = s.get(ResearchAction, action_id)
        if action is None:
            raise NotFound("research action #{action_id} does not exist", action_id=action_id)
        _load(s, action.note_id, ctx.actor)
        before = action.done_on.isoformat() if action.done_on else None
        action.done_on = done_on
        trail.record(
            s,
            ctx.actor,
            "update",
            "research_action",
            action.id,
            before={"done_on": before},
            after={"done_on": done_on.isoformat() if done_on else None},
        )
