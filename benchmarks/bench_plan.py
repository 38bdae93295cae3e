"""Benchmark of the programme plan (issue 18): a year for 40 units and 20 auditors.

Builds an office of 40 customer-facing units (client traffic 200–5,000 a year, last year's
results 55–95 %), 20 auditors (half of them employees of a unit, each barred from one more unit
they worked in, 4 visits a week each) and a programme for 2027 with a precision target of
±10 points at 95 % over two channels (visits and calls) and six scenarios; then times

- the rules alone (domain.planning: sample sizes, schedule, scenario rotation, assignment);
- the whole service (services.plan.plan_programme: read, compute, schedule, assign, store) on
  SQLite, as HR presses "Plan" in the window (target ≤ 2 s).

Median of 5 runs after a warm-up. Usage: python benchmarks/bench_plan.py [--units 40]
[--auditors 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from auditdesk.domain import planning
from auditdesk.domain.values import Role
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.plan import (
    AuditorSpec,
    ProgrammeSpec,
    ScenarioSpec,
    UnitSpec,
    create_programme,
    plan_programme,
    set_exclusions,
    visits,
)
from auditdesk.store.migrate import open_database
from auditdesk.store.models import AuditorExclusion, Employee, Office, OrgUnit, User

YEAR = (date(2027, 1, 1), date(2027, 12, 31))
HOURS = ["mon-fri 08:00-16:00", "mon 10:00-18:00; tue-fri 08:00-16:00", "mon-thu 07:30-15:30"]


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--auditors", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(18)
    folder = Path(tempfile.mkdtemp())
    db = open_database(str(folder / "plan.sqlite"))
    system = AppContext(db, Actor.system())
    register_forms(system)
    with db.session() as s:
        office = Office(name="Urząd testowy", short_name="UT")
        units = [
            OrgUnit(office=office, code=f"U{i:02d}", name=f"Wydział {i}", customer_facing=True)
            for i in range(args.units)
        ]
        s.add_all([office, *units])
        s.flush()
        users = []
        for i in range(args.auditors):
            employee = None
            if i % 2 == 0:
                employee = Employee(
                    unit=units[i % len(units)], first_name="A", last_name=f"N{i}", position="r"
                )
                s.add(employee)
                s.flush()
            users.append(
                User(
                    login=f"aud{i:02d}",
                    display_name=f"Audytor {i}",
                    role=Role.AUDITOR,
                    employee_id=employee.id if employee else None,
                )
            )
        hr = User(login="kadry", display_name="Kadry", role=Role.HR)
        s.add_all([*users, hr])
        s.flush()
        unit_ids = [u.id for u in units]
        user_ids = [u.id for u in users]
        hr_id = hr.id
    ctx = AppContext(db, Actor(hr_id, "kadry", Role.HR))
    for n, uid in enumerate(user_ids):
        set_exclusions(ctx, uid, [unit_ids[(n * 7 + 3) % len(unit_ids)]], "pracował tam")
    unit_specs = [
        UnitSpec(uid, HOURS[n % 3], rng.randint(200, 5000), rng.uniform(0.55, 0.95))
        for n, uid in enumerate(unit_ids)
    ]
    spec = ProgrammeSpec(
        name="Tajemniczy Klient 2027",
        period_from=YEAR[0],
        period_to=YEAR[1],
        channels={"visit": 1, "phone": 1},
        units=unit_specs,
        scenarios=[
            ScenarioSpec(f"V{k}", "visit", f"Sprawa osobista {k}", weight=k) for k in (1, 2, 3)
        ]
        + [ScenarioSpec(f"T{k}", "phone", f"Pytanie telefoniczne {k}") for k in (1, 2, 3)],
        auditors=[AuditorSpec(uid, 4) for uid in user_ids],
        margin=0.10,
        seed=2027,
    )
    pid = create_programme(ctx, spec)

    bases = [planning.UnitBasis(u.unit_id, u.traffic, u.last_result) for u in unit_specs]
    with db.session() as s:
        excluded = {e.user_id: e.unit_id for e in s.query(AuditorExclusion)}
        own = {
            u.id: (s.get(Employee, u.employee_id).unit_id if u.employee_id else None)
            for u in s.query(User)
        }  # type: ignore[union-attr]
    auditors = [
        planning.AuditorBasis(uid, 4, frozenset({excluded[uid]}), own[uid]) for uid in user_ids
    ]

    def rules() -> int:
        allocation = planning.allocate_precision(bases, 0.10)
        demands = []
        for a, u in zip(allocation, unit_specs, strict=True):
            hours = planning.parse_hours(u.hours)
            for channel, n in planning.split_channels(a.visits, {"visit": 1, "phone": 1}).items():
                demands.append(planning.Demand(a.unit_id, channel, n, hours))
        slots, _ = planning.schedule(demands, *YEAR, seed=2027)
        for channel, codes in (("visit", ("V1", "V2", "V3")), ("phone", ("T1", "T2", "T3"))):
            planning.rotate_scenarios(
                [v for v in slots if v.channel == channel], {c: 1.0 for c in codes}
            )
        planning.assign(slots, auditors, 2027)
        return len(slots)

    rules_ms, count = timed(rules)
    service_ms, view = timed(lambda: plan_programme(ctx, pid))
    planned = visits(ctx, pid)
    unassigned = sum(1 for v in planned if v.auditor_id is None)
    print(f"{args.units} units, {args.auditors} auditors, {YEAR[0]:%Y}: {count} visits")
    print(f"| the rules alone (domain.planning) | {rules_ms:.0f} ms |")
    print(f"| plan_programme on SQLite (compute, schedule, assign, store) | {service_ms:.0f} ms |")
    print(f"unassigned: {unassigned}; problems: {len(view.problems)}")  # type: ignore[attr-defined]
    db.dispose()


if __name__ == "__main__":
    main()
