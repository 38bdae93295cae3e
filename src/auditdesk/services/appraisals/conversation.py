"""Notes of the appraisal conversation (step 4, issue 15): the appraiser writes down what was
said, agreed or asked for, dated. Notes may be written while the appraisal is a draft (during
the conversation, before it is recorded) and after the conversation until the employee has read
it; a signed protocol or the employee's reading closes them. Each note and each removal is in
the audit trail under the appraisal, so the trail of an appraisal tells its whole story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.periods import fmt
from auditdesk.services import trail
from auditdesk.services.appraisals.access import require_manage
from auditdesk.services.appraisals.common import (
    _change,
    _load,
    _status_fields,
    _unlocked,
    changing,
)
from auditdesk.services.context import AppContext
from auditdesk.store.models import Appraisal, ConversationNote

# the statuses in which the conversation's notes may still be written or removed
NOTES_OPEN = frozenset({"draft", "discussed"})


@dataclass(frozen=True)
class ConversationNoteView:
    id: int
    noted_on: date
    text: str
    author: str  # the login of whoever wrote it


def note_view(n: ConversationNote) -> ConversationNoteView:
    return ConversationNoteView(n.id, n.noted_on, n.text, n.author_login)


def add_conversation_note(
    ctx: AppContext,
    appraisal_id: int,
    noted_on: date,
    text: str,
    *,
    expected_version: int | None = None,
) -> int:
    """Adds a dated note of the conversation; refused once the employee has read the
    appraisal or its protocol is signed. Returns the note's id. `expected_version`: the
    version the editor read (StaleRecord if it changed since)."""
    text = text.strip()
    if not text:
        raise ValidationFailed("conversation note: write what was said or agreed")
    today = ctx.clock.today()
    if noted_on > today:
        raise ValidationFailed(
            "conversation note: the date {noted} is in the future (today is {today})",
            noted=fmt(noted_on),
            today=fmt(today),
        )
    with changing(ctx) as s:
        a = _load(s, appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        _require_open(a, adding=True)
        _unlocked(s, a)
        if noted_on < a.period_start:
            raise ValidationFailed(
                "conversation note: the date {noted} is before the period starts ({start})",
                noted=fmt(noted_on),
                start=fmt(a.period_start),
            )
        note = ConversationNote(
            appraisal_id=a.id, noted_on=noted_on, text=text, author_login=ctx.actor.login
        )
        s.add(note)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "update",
            "appraisal",
            a.id,
            after={
                "record": a.record_number,
                "conversation_note": {"id": note.id, "noted_on": noted_on, "text": text},
            },
        )
        return note.id


def remove_conversation_note(
    ctx: AppContext, note_id: int, *, expected_version: int | None = None
) -> int:
    """Removes a note written in error, under the same rule as adding one; returns the
    appraisal's new version."""
    with changing(ctx) as s:
        note = s.get(ConversationNote, note_id)
        if note is None:
            raise NotFound("conversation note #{note} does not exist", note=note_id)
        a = _load(s, note.appraisal_id)
        require_manage(s, ctx.actor, a.employee_id)
        _change(s, ctx.actor, a, expected_version)
        _require_open(a, adding=False)
        _unlocked(s, a)
        trail.record(
            s,
            ctx.actor,
            "update",
            "appraisal",
            a.id,
            before={
                "record": a.record_number,
                "conversation_note": {
                    "id": note.id,
                    "noted_on": note.noted_on,
                    "text": note.text,
                },
            },
            after={"record": a.record_number, "conversation_note": None},
        )
        s.delete(note)
        s.flush()
        return a.version


def _require_open(a: Appraisal, *, adding: bool) -> None:
    if a.status in NOTES_OPEN:
        return
    if adding:
        raise ValidationFailed(
            "appraisal {record} is {appraisal_status}; cannot add conversation notes now",
            **_status_fields(a),
        )
    raise ValidationFailed(
        "appraisal {record} is {appraisal_status}; cannot remove conversation notes now",
        **_status_fields(a),
    )
