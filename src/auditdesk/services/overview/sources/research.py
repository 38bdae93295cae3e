"""Additional research for the overview: the studies held in the period and their actions."""

from __future__ import annotations

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from auditdesk.services.overview.period import Period
from auditdesk.store.models import ResearchAction, ResearchNote, research_note_unit


def research_counts(s: Session, p: Period, units: set[int] | None) -> dict[int | None, list[float]]:
    """Studies held in the period per unit they concern (None: the office, each study once)
    and their recommendations' actions: how many, and how many done by the period's end."""
    n = ResearchNote
    held = n.held_on.between(p.start, p.end)
    link = research_note_unit.c
    actions = (
        select(
            ResearchAction.note_id,
            func.count(ResearchAction.id),
            func.sum(
                case(
                    (and_(ResearchAction.done_on.is_not(None), ResearchAction.done_on <= p.end), 1),
                    else_=0,
                )
            ),
        )
        .group_by(ResearchAction.note_id)
        .subquery()
    )
    per_note = select(
        n.id, func.coalesce(actions.c[1], 0), func.coalesce(actions.c[2], 0)
    ).outerjoin(actions, actions.c.note_id == n.id)
    notes = {int(i): (float(t), float(d)) for i, t, d in s.execute(per_note.where(held))}
    if not notes:
        return {}
    linked = select(link.note_id, link.unit_id).where(link.note_id.in_(list(notes)))
    if units is not None:
        linked = linked.where(link.unit_id.in_(units))
    out: dict[int | None, list[float]] = {}
    seen: set[int] = set()
    for note_id, unit_id in s.execute(linked):
        total, done = notes[int(note_id)]
        for key in (int(unit_id), None):
            if key is None and note_id in seen:
                continue
            sums = out.setdefault(key, [0.0, 0.0, 0.0])
            sums[0] += 1
            sums[1] += total
            sums[2] += done
        seen.add(int(note_id))
    if units is None:  # the office's studies that name no unit
        for note_id, (total, done) in notes.items():
            if note_id not in seen:
                sums = out.setdefault(None, [0.0, 0.0, 0.0])
                sums[0] += 1
                sums[1] += total
                sums[2] += done
    return out
