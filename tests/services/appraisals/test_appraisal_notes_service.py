"""Notes of the appraisal conversation (issue 15): dated notes written by the appraiser while the
appraisal is a draft or discussed, refused once the employee has read it or the protocol is
signed, in the trail under the appraisal, in the window's view and in the protocol's data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_appraisals_service import Org, boss, build_org, hr

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext
from auditdesk.store.models import AuditLogEntry, ConversationNote, Protocol, Role

DAY = date(2026, 3, 10)


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


def _rated(c: AppContext, org: Org) -> int:
    a = svc.start_appraisal(c, org.clerk, org.sheet, "periodic", date(2024, 3, 1), DAY, today=DAY)
    svc.set_criteria(c, a, ["cele"])
    for crit in svc.appraisal_detail(c, a).criteria:
        if crit.selected:
            svc.rate(c, a, crit.code, "powyzej", f"Uzasadnienie {crit.code}")
    return a


@pytest.mark.parametrize("today", [DAY], ids=str)
def test_notes_of_the_conversation_are_kept_in_order_and_printed(
    ctx: AppContext, org: Org, today: date
) -> None:
    c = boss(ctx, org)
    a = _rated(c, org)
    # written during the conversation, before it is recorded, and after it
    first = svc.add_conversation_note(c, a, DAY, "  Omówiono terminowość spraw.  ")
    svc.record_conversation(c, a, DAY)
    second = svc.add_conversation_note(c, a, date(2026, 3, 9), "Pracownica prosi o szkolenie.")
    view = svc.appraisal_detail(c, a)
    assert [(n.noted_on, n.text, n.author) for n in view.conversation_notes] == [
        (date(2026, 3, 9), "Pracownica prosi o szkolenie.", "p.kierowniczy"),
        (DAY, "Omówiono terminowość spraw.", "p.kierowniczy"),
    ]
    data = svc.appraisal_protocol_data(c, a)
    assert [(n.noted_on, n.text) for n in data.conversation_notes] == [
        (date(2026, 3, 9), "Pracownica prosi o szkolenie."),
        (DAY, "Omówiono terminowość spraw."),
    ]
    with ctx.db.session() as s:
        entries = list(
            s.scalars(
                select(AuditLogEntry).where(
                    AuditLogEntry.entity == "appraisal", AuditLogEntry.entity_id == str(a)
                )
            )
        )
    noted = [e for e in entries if "conversation_note" in (e.after_json or "")]
    assert len(noted) == 2
    assert "Pracownica prosi o szkolenie." in noted[-1].after_json
    svc.remove_conversation_note(c, second)
    assert [n.id for n in svc.appraisal_detail(c, a).conversation_notes] == [first]
    with ctx.db.session() as s:
        removal = s.scalars(
            select(AuditLogEntry)
            .where(AuditLogEntry.entity == "appraisal", AuditLogEntry.entity_id == str(a))
            .order_by(AuditLogEntry.id.desc())
        ).first()
        assert removal is not None and "Pracownica prosi" in (removal.before_json or "")


@pytest.mark.parametrize("today", [DAY], ids=str)
def test_notes_refused_with_a_reason(ctx: AppContext, org: Org, today: date) -> None:
    c = boss(ctx, org)
    a = _rated(c, org)
    with pytest.raises(ValidationFailed, match="write what was said"):
        svc.add_conversation_note(c, a, DAY, "   ")
    with pytest.raises(ValidationFailed, match="in the future"):
        svc.add_conversation_note(c, a, date(2026, 3, 11), "Jutro")
    with pytest.raises(ValidationFailed, match="before the period starts"):
        svc.add_conversation_note(c, a, date(2024, 2, 28), "Za wcześnie")
    outsider = org.as_(ctx, Role.SUPERVISOR, org.other_manager, "o.obca")
    with pytest.raises(PermissionDenied):
        svc.add_conversation_note(outsider, a, DAY, "Nie moja ocena")
    note = svc.add_conversation_note(c, a, DAY, "Rozmowa w pokoju 12.")
    svc.record_conversation(c, a, DAY)
    svc.acknowledge(hr(ctx, org), a, DAY, "")
    # the employee has read it: what was noted stays as it was read
    with pytest.raises(ValidationFailed, match="cannot add conversation notes now"):
        svc.add_conversation_note(c, a, DAY, "Dopisane po fakcie")
    with pytest.raises(ValidationFailed, match="cannot remove conversation notes now"):
        svc.remove_conversation_note(c, note)
    with ctx.db.session() as s:
        assert len(s.scalars(select(ConversationNote)).all()) == 1


@pytest.mark.parametrize("today", [DAY], ids=str)
def test_a_signed_protocol_closes_the_notes(ctx: AppContext, org: Org, today: date) -> None:
    from auditdesk.services.protocols import RecordLocked

    c = boss(ctx, org)
    a = _rated(c, org)
    note = svc.add_conversation_note(c, a, DAY, "Rozmowa w pokoju 12.")
    svc.record_conversation(c, a, DAY)
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
    with pytest.raises(RecordLocked):
        svc.add_conversation_note(c, a, DAY, "Po podpisie")
    with pytest.raises(RecordLocked):
        svc.remove_conversation_note(c, note)
