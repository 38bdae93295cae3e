"""The programme plan's rules (issue 18): sample sizes against values worked out by hand and the
textbook table (Krejcie & Morgan 1970, "Determining sample size for research activities"),
allocation, schedule and assignment, and their properties under hypothesis."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.periods import holiday_name
from auditdesk.domain.planning import (
    AuditorBasis,
    Demand,
    PlannedSlot,
    UnitBasis,
    achieved_margin,
    allocate_budget,
    allocate_precision,
    assign,
    iso_week,
    parse_hours,
    planning_value,
    polish,
    replacement_slot,
    rotate_scenarios,
    sample_size,
    schedule,
    slots,
    split_channels,
    z_value,
)

HOURS = parse_hours("mon 08:00-18:00; tue-fri 08:00-16:00")


# --- sample size ----------------------------------------------------------------------------


def test_z_value_for_common_levels() -> None:
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_sample_size_textbook_values_without_correction() -> None:
    # 1.96² · 0.25 / 0.05² = 384.1 → 385; / 0.1² = 96.04 → 97
    assert sample_size(0.05).n == 385
    assert sample_size(0.10).n == 97
    # 99 %: 2.5758² · 0.25 / 0.0025 = 663.5 → 664
    assert sample_size(0.05, confidence=0.99).n == 664
    # by hand, p = 0.2: 3.8415 · 0.16 / 0.0025 = 245.9 → 246
    assert sample_size(0.05, p=0.2).n == 246
    assert "385" in sample_size(0.05).reason


@pytest.mark.parametrize(
    ("population", "expected"),
    # Krejcie & Morgan's table (±5 points, 95 %, p = 0.5)
    [(100, 80), (200, 132), (1000, 278), (10000, 370)],
)
def test_finite_population_correction_matches_krejcie_morgan(
    population: int, expected: int
) -> None:
    size = sample_size(0.05, population=population)
    assert size.n == expected
    assert "finite-population correction" in size.reason


def test_sample_size_never_exceeds_the_population() -> None:
    assert sample_size(0.01, population=5).n == 5
    # by hand: 3.8415 · 0.09 / 0.25 = 1.38 → 2
    assert sample_size(0.5, p=0.1).n == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"margin": 0}, "margin"),
        ({"margin": 1.5}, "margin"),
        ({"margin": 0.1, "p": 1.0}, "p"),
        ({"margin": 0.1, "confidence": 95}, "confidence"),
        ({"margin": 0.1, "population": 0}, "population"),
    ],
)
def test_sample_size_refuses_nonsense(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        sample_size(**kwargs)  # type: ignore[arg-type]
    assert field in err.value.fields


def test_planning_value_from_last_period() -> None:
    assert planning_value(None)[0] == 0.5
    assert planning_value(0.7)[0] == 0.7
    p, why = planning_value(1.0)
    assert p == 0.9 and "held" in why
    assert planning_value(0.0)[0] == 0.1


def test_achieved_margin_is_what_the_size_was_computed_for() -> None:
    assert achieved_margin(97) == pytest.approx(1.959964 * math.sqrt(0.25 / 97))
    assert achieved_margin(97) <= 0.10  # type: ignore[operator]
    assert achieved_margin(96) > 0.10  # type: ignore[operator]
    assert achieved_margin(0) is None
    # the whole population visited: no sampling error left
    assert achieved_margin(50, population=50) == 0


@settings(max_examples=200, deadline=None)
@given(
    margin=st.floats(0.01, 0.3),
    tighter=st.floats(0.5, 1.0),
    p=st.floats(0.05, 0.95),
    population=st.one_of(st.none(), st.integers(1, 100000)),
    confidence=st.sampled_from([0.8, 0.9, 0.95, 0.99]),
)
def test_more_precision_never_means_fewer_visits(
    margin: float, tighter: float, p: float, population: int | None, confidence: float
) -> None:
    loose = sample_size(margin, confidence, p, population).n
    assert sample_size(margin * tighter, confidence, p, population).n >= loose
    if confidence < 0.99:
        assert sample_size(margin, 0.99, p, population).n >= loose
    # and the size gives at least the precision asked for
    got = achieved_margin(loose, confidence, p, population)
    assert got is not None and got <= margin + 1e-9


# --- allocation -----------------------------------------------------------------------------


def test_proportional_allocation_by_hand() -> None:
    units = [UnitBasis(1, 100), UnitBasis(2, 200), UnitBasis(3, 300)]
    got = allocate_budget(units, 120)
    assert [a.visits for a in got] == [20, 40, 60]
    assert "proportional to traffic" in got[0].reason


def test_largest_remainder_keeps_the_total() -> None:
    got = allocate_budget([UnitBasis(1, 1), UnitBasis(2, 1), UnitBasis(3, 1)], 10)
    assert [a.visits for a in got] == [4, 3, 3]


def test_neyman_allocation_by_hand() -> None:
    # S = √(0.5·0.5) = 0.5 and √(0.1·0.9) = 0.3: 80 visits as 50 : 30
    units = [UnitBasis(1, 100, 0.5), UnitBasis(2, 100, 0.1)]
    got = allocate_budget(units, 80, "neyman")
    assert [a.visits for a in got] == [50, 30]
    assert "Neyman" in got[1].reason
    assert got[0].margin == pytest.approx(1.959964 * math.sqrt(0.25 / 50 * 50 / 99), rel=1e-5)


def test_unknown_traffic_counts_as_the_average() -> None:
    got = allocate_budget([UnitBasis(1, 100), UnitBasis(2, None), UnitBasis(3, 300)], 60)
    assert [a.visits for a in got] == [10, 20, 30]


def test_every_unit_gets_a_visit_while_the_budget_allows() -> None:
    got = allocate_budget([UnitBasis(1, 10000), UnitBasis(2, 1), UnitBasis(3, 1)], 5)
    assert [a.visits for a in got] == [3, 1, 1]
    small = allocate_budget([UnitBasis(i, 1) for i in range(5)], 3)
    assert sum(a.visits for a in small) == 3


def test_allocation_refuses_bad_input() -> None:
    with pytest.raises(ValidationFailed):
        allocate_budget([], 10)
    with pytest.raises(ValidationFailed):
        allocate_budget([UnitBasis(1)], 0)
    with pytest.raises(ValidationFailed):
        allocate_budget([UnitBasis(1)], 5, "random")


def test_precision_allocation_per_unit() -> None:
    got = allocate_precision([UnitBasis(1, 1000), UnitBasis(2, None, 0.8)], 0.05)
    assert got[0].visits == 278
    # p = 0.8: 3.8415 · 0.16 / 0.0025 = 245.9 → 246
    assert got[1].visits == 246
    assert all(a.margin is not None and a.margin <= 0.05 for a in got)


@settings(max_examples=200, deadline=None)
@given(
    traffic=st.lists(st.one_of(st.none(), st.integers(1, 5000)), min_size=1, max_size=40),
    budget=st.integers(1, 2000),
    method=st.sampled_from(["proportional", "neyman"]),
    last=st.one_of(st.none(), st.floats(0, 1)),
)
def test_a_budget_is_never_exceeded(
    traffic: list[int | None], budget: int, method: str, last: float | None
) -> None:
    units = [UnitBasis(i, t, last) for i, t in enumerate(traffic)]
    got = allocate_budget(units, budget, method)
    assert sum(a.visits for a in got) == budget
    assert all(a.visits >= 0 for a in got)
    if budget >= len(units):
        assert all(a.visits >= 1 for a in got)


def test_split_channels_keeps_the_total() -> None:
    assert split_channels(10, {"visit": 3, "phone": 1, "email": 1}) == {
        "email": 2,
        "phone": 2,
        "visit": 6,
    }
    with pytest.raises(ValidationFailed):
        split_channels(3, {})


# --- opening hours --------------------------------------------------------------------------


def test_opening_hours_parse_and_slots() -> None:
    assert HOURS.days[0] == (time(8), time(18))
    assert HOURS.days[4] == (time(8), time(16))
    assert 5 not in HOURS.days
    friday = slots(HOURS, 4)
    assert friday[0] == time(8) and friday[-1] == time(15, 30)
    assert slots(HOURS, 6) == []
    assert parse_hours(HOURS.text()) == HOURS


@pytest.mark.parametrize("text", ["", "mon 8-16", "xyz 08:00-16:00", "fri-mon 08:00-16:00"])
def test_opening_hours_refuse_what_they_cannot_read(text: str) -> None:
    with pytest.raises(ValidationFailed):
        parse_hours(text)


# --- schedule -------------------------------------------------------------------------------


def test_schedule_skips_public_holidays_and_spreads_over_weeks() -> None:
    # Q4 2026: 1 and 11 November, 24–26 December are holidays
    demand = Demand(1, "visit", 13, HOURS)
    got, problems = schedule([demand], date(2026, 10, 1), date(2026, 12, 31), seed=7)
    assert not problems
    assert len(got) == 13
    assert len({iso_week(v.at.date()) for v in got}) == 13
    assert all(holiday_name(v.at.date()) is None and v.at.weekday() < 5 for v in got)
    assert all("least-visited" in v.reason for v in got)
    # every reason also in Polish, the window's language
    assert all("najrzadziej odwiedzany dzień" in polish(v.reason) for v in got)
    assert "finite-population correction" in sample_size(0.05, population=100).reason
    assert "poprawka na skończoną populację 100" in polish(sample_size(0.05, population=100).reason)
    # the weekdays are spread: no weekday takes more than three of the thirteen
    assert max(Counter(v.at.weekday() for v in got).values()) <= 3


def test_schedule_is_seeded() -> None:
    demands = [Demand(1, "visit", 6, HOURS), Demand(2, "phone", 4, HOURS)]
    a, _ = schedule(demands, date(2027, 1, 1), date(2027, 3, 31), seed=3)
    b, _ = schedule(demands, date(2027, 1, 1), date(2027, 3, 31), seed=3)
    c, _ = schedule(demands, date(2027, 1, 1), date(2027, 3, 31), seed=4)
    assert [(v.unit_id, v.at) for v in a] == [(v.unit_id, v.at) for v in b]
    assert [(v.unit_id, v.at) for v in a] != [(v.unit_id, v.at) for v in c]


def test_more_visits_than_weeks_is_said() -> None:
    got, problems = schedule(
        [Demand(5, "visit", 20, HOURS)], date(2027, 1, 4), date(2027, 2, 28), 1
    )
    assert len(got) == 8
    assert problems and "unit #5" in problems[0] and "8 weeks" in problems[0]


def test_peak_hours_weight_the_times() -> None:
    demand = Demand(1, "visit", 12, HOURS, hour_weights={10: 1.0})
    got, _ = schedule([demand], date(2027, 1, 1), date(2027, 3, 31), seed=1)
    assert {v.at.hour for v in got} == {10}


def test_weekdays_follow_the_clients_where_the_register_knows_them() -> None:
    # clients register three times as often on Mondays as on any other weekday
    demand = Demand(1, "visit", 26, HOURS, day_weights={0: 3, 1: 1, 2: 1, 3: 1, 4: 1})
    got, _ = schedule([demand], date(2027, 1, 1), date(2027, 6, 30), seed=5)
    days = Counter(v.at.weekday() for v in got)
    assert days[0] >= 9 and all(days[d] <= 5 for d in range(1, 5)), days
    assert "share of the unit's clients" in got[0].reason
    assert "udziału klientów" in polish(got[0].reason)


def test_scenarios_rotate_and_never_repeat_running() -> None:
    days = [datetime(2027, 1, 4) + timedelta(weeks=w, hours=10) for w in range(12)]
    # two cases: whatever the weights, a unit never hears one twice running
    two = [PlannedSlot(1, "visit", at, "") for at in days[:6]]
    rotate_scenarios(two, {"A": 2, "B": 1})
    assert [v.scenario for v in two] == ["A", "B", "A", "B", "A", "B"]
    # three cases weighted 4 : 1 : 1 over twelve visits: the heavy one every other visit
    three = [PlannedSlot(2, "phone", at, "") for at in days]
    rotate_scenarios(three, {"A": 4, "B": 1, "C": 1})
    seq = [v.scenario for v in three]
    assert all(x != y for x, y in itertools.pairwise(seq))
    assert Counter(seq) == {"A": 6, "B": 3, "C": 3}
    assert "weight 4 of 6" in three[0].reason
    with pytest.raises(ValidationFailed):
        rotate_scenarios(three, {"A": 0})


# --- assignment -----------------------------------------------------------------------------


def test_assignment_bars_own_and_former_units_and_rotates() -> None:
    visits, _ = schedule(
        [Demand(1, "visit", 6, HOURS), Demand(2, "visit", 6, HOURS)],
        date(2027, 1, 1),
        date(2027, 3, 31),
        seed=2,
    )
    auditors = [
        AuditorBasis(10, 5, own_unit=1),
        AuditorBasis(11, 5, frozenset({2})),
        AuditorBasis(12, 5),
        AuditorBasis(13, 5),
    ]
    problems = assign(visits, auditors, seed=2)
    assert not problems
    for v in visits:
        assert v.auditor_id is not None
        assert not (v.auditor_id == 10 and v.unit_id == 1)
        assert not (v.auditor_id == 11 and v.unit_id == 2)
    # three auditors may visit each unit: each of them does before anyone comes back
    for unit in (1, 2):
        seq = [v.auditor_id for v in visits if v.unit_id == unit]
        assert len(set(seq[:3])) == 3
    assert "first visit to this unit" in visits[0].assign_reason
    assert "pierwsza wizyta w tej komórce" in polish(visits[0].assign_reason)


def test_assignment_says_when_nobody_is_free() -> None:
    visits, _ = schedule([Demand(1, "visit", 3, HOURS)], date(2027, 1, 1), date(2027, 1, 31), 1)
    problems = assign(visits, [AuditorBasis(10, 5, own_unit=1)], seed=1)
    assert len(problems) == 3
    assert all(v.auditor_id is None for v in visits)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    counts=st.lists(st.integers(0, 14), min_size=1, max_size=6),
    capacities=st.lists(st.integers(0, 4), min_size=1, max_size=6),
    start=st.dates(date(2025, 1, 1), date(2030, 12, 1)),
    days=st.integers(7, 120),
    open_text=st.sampled_from(
        ["mon-fri 08:00-16:00", "mon 10:00-18:00; wed 07:30-15:30", "tue-thu 09:15-12:00"]
    ),
)
def test_schedule_and_assignment_properties(
    seed: int,
    counts: list[int],
    capacities: list[int],
    start: date,
    days: int,
    open_text: str,
) -> None:
    hours = parse_hours(open_text)
    end = start + timedelta(days=days)
    demands = [Demand(i, "visit", n, hours) for i, n in enumerate(counts)]
    visits, _ = schedule(demands, start, end, seed)
    desks: set[tuple[int, tuple[int, int]]] = set()
    for v in visits:
        d = v.at.date()
        assert start <= d <= end
        assert d.weekday() < 5 and holiday_name(d) is None, "no visit on a day off"
        opens, closes = hours.days[d.weekday()]
        assert opens <= v.at.time()
        assert (v.at + timedelta(minutes=30)).time() <= closes, "a visit ends before closing"
        key = (v.unit_id, iso_week(d))
        assert key not in desks, "two visits to one desk in a week"
        desks.add(key)
    auditors = [
        AuditorBasis(100 + i, c, frozenset({i + 1}), own_unit=i) for i, c in enumerate(capacities)
    ]
    assign(visits, auditors, seed)
    load: Counter[tuple[int, tuple[int, int]]] = Counter()
    for v in visits:
        if v.auditor_id is None:
            continue
        a = next(a for a in auditors if a.auditor_id == v.auditor_id)
        assert not a.barred(v.unit_id), "no auditor in their own unit or one they worked in"
        load[(a.auditor_id, iso_week(v.at.date()))] += 1
        assert load[(a.auditor_id, iso_week(v.at.date()))] <= a.weekly_capacity


def test_a_replacement_takes_the_first_free_week_and_an_auditor_respecting_the_load() -> None:
    demand = Demand(1, "visit", 1, HOURS)
    missed = datetime(2026, 12, 22, 10)  # a Tuesday; 24-26 December are holidays
    slot = replacement_slot(demand, missed, date(2027, 1, 31), set(), seed=1)
    assert slot is not None
    # the missed visit's own week still has 23 December
    assert slot.at.date() == date(2026, 12, 23)
    assert "replaces the visit of 22.12.2026" in slot.reason
    # that week taken by another visit to the desk: the next week (28 December on)
    taken = {iso_week(missed.date())}
    later = replacement_slot(demand, missed, date(2027, 1, 31), taken, seed=1)
    assert later is not None and iso_week(later.at.date()) == iso_week(date(2026, 12, 28))
    assert replacement_slot(demand, missed, date(2026, 12, 23), taken, 1) is None
    before = PlannedSlot(1, "visit", datetime(2026, 12, 23, 9), "", auditor_id=10)
    problems = assign(
        [slot], [AuditorBasis(10, 1), AuditorBasis(11, 1, own_unit=1)], 1, existing=[before]
    )
    # auditor 10 is full that week (capacity 1) and 11 works in the unit
    assert slot.auditor_id is None and problems
