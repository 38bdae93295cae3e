"""The visit plan's progress on the overview (issue 18): per unit, the planned visits dated in the
period, done of those due, the office's row the sum; a missed visit counts through its
replacement; only those who may see the plan get the figures (a supervisor of an audited unit
never sees them, not even as counts)."""

from __future__ import annotations

from collections import Counter

import pytest

from auditdesk.services.context import AppContext
from auditdesk.services.overview import Period, PlanProgress, overview
from auditdesk.services.plan import (
    create_programme,
    mark_visit,
    my_visits,
    plan_programme,
    start_planned_visit,
    visits,
)
from plan_helpers import Q4, as_, make_office, spec


@pytest.fixture
def office(ctx: AppContext) -> dict[str, int]:
    return make_office(ctx)


def test_progress_per_unit_for_the_planners_only(ctx: AppContext, office: dict[str, int]) -> None:
    hr = as_(ctx, office, "hr")
    pid = create_programme(hr, spec(office))
    plan_programme(hr, pid)
    a1 = as_(ctx, office, "a1")
    mine = my_visits(a1)
    started = mine[:2]
    for visit in started:
        start_planned_visit(a1, visit.id)
    missed = mine[2]
    mark_visit(hr, missed.id, "missed", "urząd zamknięty z powodu awarii")  # replaced

    quarter = Period(*Q4)
    rows = {r.unit_id: r for r in overview(hr, quarter).rows}
    planned = visits(hr, pid)
    due = Counter(v.unit_id for v in planned if v.status in ("planned", "done"))
    done = Counter(v.unit_id for v in planned if v.status == "done" and v.audit_id is not None)
    assert sum(done.values()) == 2
    for unit_id, n in due.items():
        assert rows[unit_id].plan == PlanProgress(done[unit_id], n)
    office_row = rows[None]
    assert office_row.plan == PlanProgress(2, sum(due.values()))
    # the missed visit's replacement keeps the number due: as many as the programme planned
    assert office_row.plan.due == len(planned) - 1

    # a period with no visit dated in it: 0 of 0 everywhere, the rows still there
    before = Period(Q4[0].replace(month=1), Q4[0].replace(month=3, day=31))
    assert all(r.plan == PlanProgress(0, 0) for r in overview(hr, before).rows)

    boss = as_(ctx, office, "sup")
    assert all(r.plan is None for r in overview(boss, quarter).rows)
