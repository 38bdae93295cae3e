"""Development areas (IPRZ) are changed and removed, not only added, while the appraisal may
still change (issue 15): refused once the employee has read it or the protocol is signed; each
change and removal in the trail; an action given again keeps whether it was done."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_appraisals_service import Org, boss, build_org, hr, make_rated

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext
from auditdesk.store.models import AuditLogEntry, DevelopmentArea, Protocol, Role

DAY = date(2026, 3, 2)


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


def _area(c: AppContext, a: int) -> int:
    return svc.add_development_area(
        c,
        a,
        "Prosty język",
        "Pisma zrozumiałe",
        "Szkolenie wewnętrzne",
        date(2026, 12, 31),
        [
            svc.ActionInput("szkolenie", "prosty język"),
            svc.ActionInput("mentoring", "z kierownikiem"),
        ],
    )


def _trail(ctx: AppContext, area: int) -> list[AuditLogEntry]:
    with ctx.db.session() as s:
        return list(
            s.scalars(
                select(AuditLogEntry)
                .where(
                    AuditLogEntry.entity == "development_area",
                    AuditLogEntry.entity_id == str(area),
                )
                .order_by(AuditLogEntry.id)
            )
        )


def test_an_area_is_changed_after_the_conversation(ctx: AppContext, org: Org) -> None:
    a = make_rated(ctx, org, org.clerk, "powyzej", DAY)
    c = boss(ctx, org)
    area = _area(c, a)
    done = svc.appraisal_detail(c, a).areas[0].actions[0]
    svc.mark_action_done(c, done.id, date(2026, 4, 1))
    svc.update_development_area(
        c,
        area,
        " Prosty język w pismach ",
        "Pisma zrozumiałe bez objaśnień",
        "",
        date(2027, 3, 31),
        [svc.ActionInput("szkolenie", "prosty język"), svc.ActionInput("lektura", "poradnik")],
    )
    view = svc.appraisal_detail(c, a).areas
    assert len(view) == 1
    changed = view[0]
    assert (changed.id, changed.area, changed.expected_change, changed.support) == (
        area,
        "Prosty język w pismach",
        "Pisma zrozumiałe bez objaśnień",
        "",
    )
    assert changed.deadline == date(2027, 3, 31)
    assert [(x.kind, x.description, x.done_on) for x in changed.actions] == [
        ("szkolenie", "prosty język", date(2026, 4, 1)),  # kept, with its done date
        ("lektura", "poradnik", None),
    ]
    entries = _trail(ctx, area)
    assert [e.action for e in entries] == ["create", "update"]
    assert "Prosty język w pismach" in (entries[1].after_json or "")
    assert "mentoring" in (entries[1].before_json or "")
    svc.remove_development_area(c, area)
    assert svc.appraisal_detail(c, a).areas == ()
    assert [e.action for e in _trail(ctx, area)] == ["create", "update", "delete"]


def test_changes_refused_once_read_or_signed(ctx: AppContext, org: Org) -> None:
    a = make_rated(ctx, org, org.clerk, "powyzej", DAY)
    c = boss(ctx, org)
    area = _area(c, a)
    with pytest.raises(ValidationFailed, match="name the area"):
        svc.update_development_area(c, area, "  ", "", "", None)
    with pytest.raises(ValidationFailed, match="an action has no kind"):
        svc.update_development_area(c, area, "X", "", "", None, [svc.ActionInput(" ", "y")])
    outsider = org.as_(ctx, Role.SUPERVISOR, org.other_manager, "o.obca")
    with pytest.raises(PermissionDenied):
        svc.update_development_area(outsider, area, "X", "", "", None)
    svc.acknowledge(hr(ctx, org), a, date(2026, 3, 3))
    with pytest.raises(ValidationFailed, match="cannot change development areas now"):
        svc.update_development_area(c, area, "Inny obszar", "", "", None)
    with pytest.raises(ValidationFailed, match="cannot remove development areas now"):
        svc.remove_development_area(c, area)
    with ctx.db.session() as s:
        row = s.get(DevelopmentArea, area)
        assert row is not None and row.area == "Prosty język" and len(row.actions) == 2


def test_a_signed_protocol_locks_the_areas(ctx: AppContext, org: Org) -> None:
    from auditdesk.services.protocols import RecordLocked

    a = make_rated(ctx, org, org.clerk, "powyzej", DAY)
    c = boss(ctx, org)
    area = _area(c, a)
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
        svc.update_development_area(c, area, "Inny obszar", "", "", None)
    with pytest.raises(RecordLocked):
        svc.remove_development_area(c, area)
